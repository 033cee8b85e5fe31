"""One labeling scenario in every front end that runs here: JupyterLab 4 and Notebook 7
(marimo has its own test, tests/ui/test_marimo.py): images by keyboard, a text span by
mouse, undo, submit, and the DataFrames checked in the kernel."""

from __future__ import annotations

import pytest

from .jupyter_harness import ARTIFACTS_DIR
from .test_quickstart import label, wait_key
from .test_text_spans import double_click, rect

SCENARIO = """
import pandas as pd
import nblabel
df = nblabel.samples.shapes("imgs", n=5, size=(320, 240))
w = nblabel.ImageLabeler(df, image="path", choices=["circle", "square", "triangle"])
w
"""
SPANS = """
docs = pd.DataFrame({"text": ["Ada 👩‍💻 met Grace in London."]})
t = nblabel.TextLabeler(docs, spans=["PER", "LOC"])
t
"""
DOC = "Ada 👩‍💻 met Grace in London."


def label_span_by_mouse(page, root, word: str, key: str) -> None:
    """Double-click ``word`` in the text view, press the label's key."""
    root.locator('[data-testid="text"]').scroll_into_view_if_needed()
    double_click(page, rect(root, DOC, word))
    root.press(key)
    root.locator(".nbl-span").filter(has_text=word).first.wait_for(state="visible")


def label_the_scenario(page) -> None:
    """Images by keyboard (with an undo), then two spans by mouse and Enter: the steps every
    front end runs, on a page showing the image labeler and then the span labeler."""
    root = page.locator('[data-testid="nblabel"]').first
    root.wait_for(state="visible", timeout=60_000)
    wait_key(root, "img-0000", timeout=30_000)
    root.locator('img[data-testid="image"]').wait_for(state="visible")
    root.focus()
    label(root, ["1"], "img-0001")
    label(root, ["2"], "img-0002")
    root.press("u")
    wait_key(root, "img-0001")
    label(root, ["3"], "img-0002")
    texts = page.locator('[data-testid="nblabel"]').nth(1)
    wait_key(texts, "0")
    label_span_by_mouse(page, texts, "Grace", "1")
    label_span_by_mouse(page, texts, "London", "2")
    texts.press("Enter")
    page.wait_for_function("el => el.dataset.status === 'submitted'", arg=texts.element_handle())


def run_scenario(helper, name: str) -> None:
    helper.open_cells(SCENARIO, SPANS)
    helper.run_all()
    label_the_scenario(helper.page)
    helper.screenshot(f"frontend-{name}", directory=ARTIFACTS_DIR)
    spans = helper.eval_json('t.annotations[["start", "end", "text", "label"]].values.tolist()')
    # Code points (the emoji is 3 of them, 5 UTF-16 units in the browser).
    g, lo = DOC.index("Grace"), DOC.index("London")
    assert (g, lo) == (12, 21)
    assert sorted(spans) == [[g, g + 5, "Grace", "PER"], [lo, lo + 6, "London", "LOC"]]
    assert helper.eval_json('w.labels["choice"].head(3).tolist()') == ["circle", "triangle", None]
    progress = helper.eval_json("w.progress")
    per_minute = progress.pop("per_minute")
    assert progress == {"total": 5, "submitted": 2, "skipped": 0, "remaining": 3}
    # A pace: the three submits made (one undone since) over at least 30 s.
    assert 0 < per_minute <= 6.0


@pytest.mark.parametrize("frontend", ["lab", "notebook7"])
def test_same_session_in_each_front_end(request, frontend):
    run_scenario(request.getfixturevalue(frontend), frontend)
