"""A full disk under a real JupyterLab: the widget names the file and the cause, keeps the
item on screen with its pick, and Enter saves it once there is space again."""

from __future__ import annotations

from ..conftest import fill
from ..support.ui import label, wait_key
from .jupyter_harness import ARTIFACTS_DIR

SETUP = """
import pandas as pd
import nblabel
df = pd.DataFrame({"text": [f"review number {i}" for i in range(10)]})
w = nblabel.TextLabeler(df, choices=["pos", "neg"], store=STORE)
w
"""


def test_full_disk_is_shown_and_enter_saves_once_space_is_free(lab, small_disk):
    path = small_disk / "job.nblabel.sqlite"
    lab.open_cells(SETUP.replace("STORE", repr(str(path))))
    lab.run_all()
    root = lab.page.locator('[data-testid="nblabel"]').first
    wait_key(root, "0")
    root.focus()
    label(root, ["1"], "1")
    label(root, ["2"], "2")
    filler = fill(small_disk)

    root.press("1")
    root.press("Enter")
    error = root.locator('[data-testid="error"]')
    error.wait_for(state="visible")
    wait_key(root, "2")  # back on the refused item
    text = error.inner_text()
    assert f"the disk holding the label store '{path}' is full" in text
    assert "the 2 items labeled before are safe" in text
    lab.screenshot("store-disk-full", directory=ARTIFACTS_DIR)
    assert lab.eval_json("w.errors['message'].tolist()[-1]") in text

    filler.unlink()
    root.press("Enter")  # the pick was kept: Enter submits it again, and now it is saved
    wait_key(root, "3")
    assert lab.eval_json('w.labels["choice"].head(3).tolist()') == ["pos", "neg", "pos"]
    assert lab.eval_json("w.error") == ""
