"""The quickstart notebook in a real JupyterLab, driven with the keyboard only."""

from __future__ import annotations

from pathlib import Path

from .jupyter_harness import ARTIFACTS_DIR

QUICKSTART = Path(__file__).resolve().parents[2] / "notebooks" / "quickstart.ipynb"


def widget(lab, n: int):
    return lab.page.locator('[data-testid="nblabel"]').nth(n)


def wait_key(root, key: str, timeout: float = 15_000, *, saved: bool = True) -> None:
    """Until item ``key`` is on screen and (``saved``) Python has answered every submit,
    skip or move made so far: the browser shows the next item before Python has the last
    one, and tests that read Python's state next need it there."""
    root.page.wait_for_function(
        "([el, key, saved]) => el.dataset.key === key"
        " && (!saved || (el.dataset.saving || '0') === '0')",
        arg=[root.element_handle(), key, saved],
        timeout=timeout,
    )


def shows_image(root) -> bool:
    return root.locator('img[data-testid="image"]').evaluate(
        "img => img.complete && img.naturalWidth > 0"
    )


def label(root, keys: list[str], expect_next: str) -> None:
    for key in keys:
        root.press(key)
    root.press("Enter")
    wait_key(root, expect_next)


def cell_types(lab) -> list[str]:
    return [c["cell_type"] for c in lab.notebook_json()["cells"]]


def test_label_by_keyboard_restart_and_resume(lab):
    lab.open(QUICKSTART)
    before = cell_types(lab)
    lab.run_all()
    images, texts = widget(lab, 0), widget(lab, 1)
    images.wait_for(state="visible")
    wait_key(images, "img-0000")
    images.locator('img[data-testid="image"]').wait_for(state="visible")
    assert shows_image(images)

    images.focus()
    label(images, ["1"], "img-0001")
    label(images, ["2"], "img-0002")
    label(images, ["3"], "img-0003")
    # Undo brings the last item back unlabeled; label it again.
    images.press("u")
    wait_key(images, "img-0002")
    lab.page.wait_for_function(
        "el => el.dataset.status === 'new'", arg=images.element_handle(), timeout=10_000
    )
    label(images, ["3"], "img-0003")
    assert images.get_attribute("data-status") == "new"

    texts.focus()
    wait_key(texts, "0")
    assert "delight" in texts.locator('[data-testid="text"]').inner_text()
    label(texts, ["1"], "1")
    label(texts, ["2"], "2")
    lab.screenshot("quickstart-labeled", directory=ARTIFACTS_DIR)

    # The keys went to the widget, not to JupyterLab (1-9 would turn cells into headings).
    assert cell_types(lab) == before

    expect_images = ["circle", "square", "triangle"]
    assert lab.eval_json('w.labels["choice"].head(3).tolist()') == expect_images
    assert lab.eval_json('int(w.labels["choice"].notna().sum())') == 3
    assert lab.eval_json('t.labels["choice"].head(2).tolist()') == ["pos", "neg"]
    ann = lab.eval_json('w.annotations[["item", "label", "from_name"]].values.tolist()')
    assert ann == [[f"img-000{i}", lab_, "choice"] for i, lab_ in enumerate(expect_images)]
    assert lab.eval_json('w.progress["submitted"]') == 3
    progress = images.locator('[data-testid="progress"]').inner_text()
    assert "3 / 24" in progress

    # A restart loses nothing; the labeler opens on the next unlabeled item.
    lab.restart_and_run_all()
    images, texts = widget(lab, 0), widget(lab, 1)
    wait_key(images, "img-0003")
    wait_key(texts, "2")
    assert lab.eval_json('w.labels["choice"].head(3).tolist()') == expect_images
    assert lab.eval_json('t.labels["choice"].head(2).tolist()') == ["pos", "neg"]

    # The last submit before the restart can still be undone, from the Undo button.
    undo = images.locator('[data-testid="btn-undo"]')
    assert undo.is_enabled()
    undo.click()
    wait_key(images, "img-0002")
    lab.page.wait_for_function(
        "el => el.dataset.status === 'new'", arg=images.element_handle(), timeout=10_000
    )
    assert lab.eval_json('int(w.labels["choice"].notna().sum())') == 2
    images.focus()
    label(images, ["3"], "img-0003")

    # So does kill -9 of the kernel right after a submit.
    images.focus()
    label(images, ["1"], "img-0004")
    lab.kill_kernel_hard()
    lab.run_all()
    images = widget(lab, 0)
    wait_key(images, "img-0004")
    assert lab.eval_json('w.labels["choice"].head(4).tolist()') == [*expect_images, "circle"]
    lab.screenshot("quickstart-resumed", directory=ARTIFACTS_DIR)
