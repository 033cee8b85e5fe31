"""Keyboard-first and accessible: axe-core finds nothing in nblabel's DOM in light and dark
themes, the widget takes keys only while it has focus, a narrow column stays usable, and a
saved notebook holds no items, no labels beyond the current view and no credentials."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ..support.ui import AXE, axe_violations, label, wait_key
from .jupyter_harness import ARTIFACTS_DIR

SETUP = """
import pandas as pd
import nblabel
df = nblabel.samples.shapes("imgs", n=6, size=(640, 480))
w = nblabel.ImageLabeler(df, image="path", choices=["circle", "square", "triangle"],
                         multiple=True)
w
"""
TEXTS = """
t = nblabel.TextLabeler(nblabel.samples.reviews(4), choices=["pos", "neg"])
t
"""


def open_labeler(lab, *cells: str):
    lab.open_cells(SETUP, *cells)
    lab.run_all()
    root = lab.page.locator('[data-testid="nblabel"]').first
    wait_key(root, "img-0000")
    root.locator('img[data-testid="image"]').wait_for(state="visible")
    return root


@pytest.mark.skipif(not AXE.exists(), reason="axe-core comes with `npm ci`")
@pytest.mark.parametrize("theme", ["JupyterLab Light", "JupyterLab Dark"])
def test_axe_finds_no_violations(lab, theme):
    root = open_labeler(lab, TEXTS)
    root.focus()
    root.press("1")  # a pressed choice, a selection state to check too
    root.press("?")  # and the help dialog
    lab.page.evaluate(f"jupyterapp.commands.execute('apputils:change-theme', {{theme: '{theme}'}})")
    lab.page.wait_for_function(f"document.body.dataset.jpThemeName === '{theme}'", timeout=15_000)
    lab.page.wait_for_timeout(300)
    violations = axe_violations(lab.page)
    root.screenshot(path=str(ARTIFACTS_DIR / f"axe-{theme.split()[-1].lower()}.png"))
    # The theme is a server-side setting: leave the light one for the tests that follow.
    lab.page.evaluate("jupyterapp.commands.execute('apputils:change-theme', "
                      "{theme: 'JupyterLab Light'})")  # fmt: skip
    assert violations == [], json.dumps(violations, indent=1)


def test_keys_typed_elsewhere_never_label(lab):
    root = open_labeler(lab, "x = 1")
    # Edit the last cell: type digits and Enter there.
    cell = lab.cell(1)
    cell.locator(".cm-content").click()
    lab.page.keyboard.type("1")
    lab.page.keyboard.press("Enter")
    lab.page.keyboard.type("2")
    lab.page.keyboard.press("Escape")
    lab.page.wait_for_timeout(300)
    assert lab.eval_json('w.progress["submitted"]') == 0
    assert root.get_attribute("data-key") == "img-0000"
    # Focus the widget and the same keys label.
    root.focus()
    label(root, ["1"], "img-0001")
    assert lab.eval_json('w.labels["choice"].iloc[0]') == ["circle"]


def test_narrow_column_stays_usable(lab):
    lab.open_cells(SETUP, viewport=(720, 900))
    lab.page.evaluate("jupyterapp.commands.execute('application:toggle-left-area')")
    lab.run_all()
    root = lab.page.locator('[data-testid="nblabel"]').first
    wait_key(root, "img-0000")
    root.locator('img[data-testid="image"]').wait_for(state="visible")
    box = root.bounding_box()
    assert box is not None and box["width"] <= 610
    sizes = root.evaluate(
        """el => ({scroll: el.scrollWidth, client: el.clientWidth,
                   img: el.querySelector('img').getBoundingClientRect().width,
                   buttons: [...el.querySelectorAll('button')].filter(
                       b => b.getClientRects().length).every(b => {
                     const r = b.getBoundingClientRect(), p = el.getBoundingClientRect();
                     return r.right <= p.right + 1 && r.left >= p.left - 1;
                   })})"""
    )
    root.screenshot(path=str(ARTIFACTS_DIR / "narrow.png"))
    assert sizes["scroll"] <= sizes["client"], sizes  # no horizontal scrolling
    assert sizes["img"] <= sizes["client"], sizes
    assert sizes["buttons"], sizes


def test_saved_notebook_holds_only_the_current_view(lab):
    root = open_labeler(lab)
    root.focus()
    label(root, ["1"], "img-0001")
    label(root, ["2"], "img-0002")
    page = lab.page
    # The "Save Widget State Automatically" toggle of ipywidgets' JupyterLab manager.
    toggle = "@jupyter-widgets/jupyterlab-manager:saveWidgetState"
    page.evaluate(f"jupyterapp.commands.execute('{toggle}')")
    assert page.evaluate(f"jupyterapp.commands.isToggled('{toggle}')")
    page.evaluate("jupyterapp.commands.execute('docmanager:save')")
    saved = lab.workdir / Path(lab.path).name
    deadline = 50
    while deadline and "widgets" not in json.loads(saved.read_text()).get("metadata", {}):
        page.wait_for_timeout(200)
        deadline -= 1
    nb = json.loads(saved.read_text())
    states = nb["metadata"]["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    ours = [s["state"] for s in states.values() if "current" in s["state"]]
    assert len(ours) == 1
    state = ours[0]
    view = {k: v for k, v in state.items() if k not in ("_esm", "_css")}
    text = json.dumps(view)
    assert len(text) < 4000
    # No items: no image data, no paths of other items; no labels but the current view's.
    assert not re.search(r"base64|\.jpg|/9j/", text)
    assert state["current"]["key"] == "img-0002" and state["current"]["result"] == []
    # The past labels (circle, square) are nowhere but in the schema's list of choices.
    beyond_schema = json.dumps({k: v for k, v in view.items() if k != "_schema"})
    assert "square" not in beyond_schema and "circle" not in beyond_schema
    assert not any(re.search(r"token|password|api_?key|secret", k, re.I) for k in view)
    assert not re.search(r"token|password|api_?key", text, re.I)
    # Nor anywhere in the saved file: cell outputs included.
    assert not re.search(r"api_?key|password", saved.read_text(), re.I)
