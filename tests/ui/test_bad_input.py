"""Bad items in a real browser: the error names the item, the session goes on."""

from __future__ import annotations

from ..support.ui import label, wait_key
from .jupyter_harness import ARTIFACTS_DIR

SETUP = """
import pandas as pd
from PIL import Image
import nblabel
Image.new("RGB", (320, 240), "teal").save("ok1.jpg")
Image.new("RGB", (320, 240), "orange").save("ok2.jpg")
open("broken.jpg", "wb").write(b"not a picture")
df = pd.DataFrame({"path": ["ok1.jpg", "missing.jpg", "broken.jpg", "ok2.jpg"]},
                  index=["a", "b", "c", "d"])
w = nblabel.ImageLabeler(df, image="path", choices=["yes", "no"])
w
"""


def test_missing_and_corrupt_images_show_errors_and_labeling_goes_on(lab):
    lab.open_cells(SETUP)
    lab.run_all()
    root = lab.page.locator('[data-testid="nblabel"]').first
    wait_key(root, "a")
    root.focus()
    label(root, ["1"], "b")
    error = root.locator('[data-testid="object-error"]')
    error.wait_for(state="visible")
    assert "item 'b'" in error.inner_text() and "missing.jpg" in error.inner_text()
    lab.screenshot("bad-input-error", directory=ARTIFACTS_DIR)
    root.press("s")
    wait_key(root, "c")
    root.locator('[data-testid="object-error"]').wait_for(state="visible")
    assert "broken.jpg" in root.locator('[data-testid="object-error"]').inner_text()
    root.press("s")
    wait_key(root, "d")
    root.locator('img[data-testid="image"]').wait_for(state="visible")
    lab.screenshot("bad-input", directory=ARTIFACTS_DIR)
    label(root, ["2"], "b")  # skipped items come round again at the end
    assert lab.eval_json('w.labels["choice"].tolist()') == ["yes", None, None, "no"]
    assert lab.eval_json('w.labels["status"].tolist()') == [
        "submitted", "skipped", "skipped", "submitted"
    ]  # fmt: skip
    errors = lab.eval_json('w.errors["item"].tolist()')
    assert errors[:2] == ["b", "c"]
