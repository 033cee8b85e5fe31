"""One labeling scenario in every front end that runs here: JupyterLab 4 and Notebook 7
(marimo has its own test, tests/ui/test_marimo.py): images by keyboard, a text span by
mouse, undo, submit, and the DataFrames checked in the kernel."""

from __future__ import annotations

import pytest

from ..support.ui import DOC, label_the_scenario
from .jupyter_harness import ARTIFACTS_DIR

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
