"""Smart tools in a real JupyterLab (issue #19): a prompt asked from Python is answered by
the built-in segmenter and drawn at once in the widget as a dashed prediction; "a" accepts
it, Enter submits, and the stored brush is the object's mask."""

from __future__ import annotations

from ..support.ui import wait_key
from .jupyter_harness import ARTIFACTS_DIR

SETUP = """
import numpy as np, pandas as pd
import nblabel
from nblabel import Point, Prompt
img = np.full((384, 512, 3), 230, np.uint8)
img[120:280, 160:360] = (40, 150, 60)
df = pd.DataFrame({"image": [img, img.copy()]}, index=["a0", "a1"])
w = nblabel.ImageLabeler(df, image="image", masks=["fruit"], assist="default",
                         job="ui-smart-tools")
w
"""


def test_an_assist_answer_is_drawn_at_once_and_accepted_with_a(lab):
    lab.open_cells(SETUP)
    lab.run_all()
    page = lab.page
    root = page.locator('[data-testid="nblabel"]').first
    wait_key(root, "a0")
    assert root.locator(".nbl-region-pred").count() == 0
    lab.eval_in_kernel(
        "answer = w.assist(Prompt(object='image', control='mask', labels=('fruit',), "
        "points=(Point(50, 50), Point(5, 5, positive=False))))"
    )
    # Drawn as a prediction (dashed, scored) without any action in the browser.
    root.locator(".nbl-region-pred").first.wait_for(state="visible", timeout=15_000)
    assert root.locator(".nbl-region-pred").count() == 1
    root.screenshot(path=str(ARTIFACTS_DIR / "smart-tools-answer.png"))
    root.focus()
    root.press("a")
    page.wait_for_function(
        "el => el.querySelectorAll('.nbl-region-pred').length === 0", arg=root.element_handle()
    )
    root.press("Enter")
    wait_key(root, "a1")
    stored = lab.eval_json(
        "[(r['type'], r['value']['brushlabels'], r.get('origin')) "
        "for r in w.store.state('a0').result]"
    )
    assert stored == [["brushlabels", ["fruit"], "prediction"]]
    same = lab.eval_json(
        "bool((w.mask('a0') == (np.abs(img.astype(int) - (40, 150, 60)).sum(-1) == 0)).all())"
    )
    assert same is True
