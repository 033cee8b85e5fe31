"""One labeling scenario in every front end that runs here: JupyterLab 4 and Notebook 7
(marimo has its own test, tests/ui/test_marimo.py)."""

from __future__ import annotations

import pytest

from .jupyter_harness import ARTIFACTS_DIR
from .test_quickstart import label, wait_key

SCENARIO = """
import pandas as pd
import nblabel
df = nblabel.samples.shapes("imgs", n=5, size=(320, 240))
w = nblabel.ImageLabeler(df, image="path", choices=["circle", "square", "triangle"])
w
"""


def run_scenario(helper, name: str) -> None:
    helper.open_cells(SCENARIO)
    helper.run_all()
    root = helper.page.locator('[data-testid="nblabel"]').first
    root.wait_for(state="visible")
    wait_key(root, "img-0000")
    root.locator('img[data-testid="image"]').wait_for(state="visible")
    root.focus()
    label(root, ["1"], "img-0001")
    label(root, ["2"], "img-0002")
    root.press("u")
    wait_key(root, "img-0001")
    label(root, ["3"], "img-0002")
    helper.screenshot(f"frontend-{name}", directory=ARTIFACTS_DIR)
    assert helper.eval_json('w.labels["choice"].head(3).tolist()') == ["circle", "triangle", None]
    assert helper.eval_json("w.progress") == {
        "total": 5, "submitted": 2, "skipped": 0, "remaining": 3,
        "per_minute": helper.eval_json('w.progress["per_minute"]'),
    }  # fmt: skip


@pytest.mark.parametrize("frontend", ["lab", "notebook7"])
def test_same_session_in_each_front_end(request, frontend):
    run_scenario(request.getfixturevalue(frontend), frontend)
