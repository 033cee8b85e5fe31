"""A model returning spans, in a real JupyterLab: its spans are drawn dashed, ``a`` accepts
them, and the kernel stores them with the model version that suggested them."""

from __future__ import annotations

import pytest

from .jupyter_harness import ARTIFACTS_DIR

SETUP = """
import pandas as pd
import nblabel

df = pd.DataFrame({"text": ["Ada met Bob.", "Bob met Ada."]}, index=["a", "b"])

def predict(items):
    out = []
    for text in items["text"]:
        start = text.index("Ada")
        out.append([nblabel.text.span(text, start=start, end=start + 3, labels="PER",
                                      score=0.8)])
    return out

w = nblabel.TextLabeler(df, spans=["PER"], model=nblabel.Model(predict, name="names"),
                        cold_start=0, job="ui-active-spans")
import time
time.sleep(PAUSE)
w
"""


@pytest.mark.parametrize("pause", [0, 2], ids=["shown-at-once", "model-lands-first"])
def test_a_model_s_spans_are_drawn_accepted_and_stored_with_its_version(lab, pause):
    # With a pause before the widget is shown, its model lands while it is being made:
    # its first predictions must be drawn all the same.
    lab.open_cells(SETUP.replace("PAUSE", str(pause)))
    lab.run_all()
    root = lab.page.locator('[data-testid="nblabel"]').first
    root.wait_for(state="visible")
    root.page.wait_for_function("el => el.dataset.state === 'ready'", arg=root.element_handle())
    predicted = root.locator('[data-testid="span"][data-predicted]')
    predicted.first.wait_for(state="visible", timeout=15_000)  # once the model has landed
    assert predicted.evaluate_all("els => els.map(e => e.dataset.tags)") == ["PER 80%"]
    # The header says which model drew them.
    header = root.locator('[data-testid="suggestion"]')
    root.page.wait_for_function(
        "el => el.textContent === '1 predicted · names-v1'", arg=header.element_handle()
    )
    lab.screenshot(f"active-spans-predicted-{pause}", directory=ARTIFACTS_DIR)
    key = root.get_attribute("data-key")
    root.focus()
    root.press("a")
    assert predicted.count() == 0
    root.press("Enter")
    root.page.wait_for_function(
        "([el, key]) => el.dataset.key !== key && (el.dataset.saving || '0') === '0'",
        arg=[root.element_handle(), key],
        timeout=15_000,
    )
    stored = lab.eval_json(
        f'[(r["value"]["text"], r["origin"], r["model_version"]) '
        f'for r in w.store.state("{key}").result]'
    )
    assert stored == [["Ada", "prediction", "names-v1"]]
