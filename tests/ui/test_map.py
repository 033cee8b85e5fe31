"""The map in a real JupyterLab and Chromium (WebGL by SwiftShader): a lasso drawn with
the mouse, keys label the selection, u takes it back, a click opens the item in the
labeler, labeling there recolours the map, and c keeps the selection's dense core."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from .jupyter_harness import ARTIFACTS_DIR

# Three blobs of 40 texts, in three quadrants of the map: upper left (items 0-39), upper
# right (40-79), lower right (80-119).
SETUP = """
import numpy as np, pandas as pd, ipywidgets, nblabel
rng = np.random.default_rng(0)
centers = np.array([[-6.0, 6.0], [6.0, 6.0], [6.0, -6.0]])
xy = np.concatenate([c + rng.normal(scale=0.8, size=(40, 2)) for c in centers])
df = pd.DataFrame({"text": [f"text {i} of blob {i // 40}" for i in range(120)],
                   "x": xy[:, 0], "y": xy[:, 1]})
w = nblabel.TextLabeler(df, choices=["cat", "dog", "cow"], store="map.sqlite")
m = nblabel.map(w, coords=("x", "y"), height=420)
ipywidgets.HBox([m, w])
"""
DOG = (0xF2, 0x8E, 0x2B)  # the second choice's colour (PALETTE[1])
COW = (0xE1, 0x57, 0x59)


def ready(lab):
    root = lab.page.locator('[data-testid="nblabel-map"]').first
    root.wait_for(state="visible")
    lab.page.wait_for_function(
        "el => el.dataset.state === 'ready'", arg=root.element_handle(), timeout=60_000
    )
    return root


def positions(root, items) -> np.ndarray:
    """Where points are drawn, in page pixels."""
    box = root.locator('[data-testid="map-canvas"]').bounding_box()
    xy = root.evaluate("(el, items) => items.map((i) => el.screenPosition(i))", list(items))
    return np.array(xy) + np.array([box["x"], box["y"]])


def wait_draws(root, more_than: int) -> int:
    root.page.wait_for_function(
        "([el, n]) => Number(el.dataset.draws) > n",
        arg=[root.element_handle(), more_than],
        timeout=15_000,
    )
    return int(root.get_attribute("data-draws"))


def share_of(root, where: np.ndarray, colour: tuple[int, int, int]) -> float:
    """Share of the points at ``where`` (page pixels) drawn in ``colour``."""
    canvas = root.locator('[data-testid="map-canvas"]')
    box = canvas.bounding_box()
    shot = Image.open(io.BytesIO(canvas.screenshot())).convert("RGB")
    scale = shot.width / box["width"]
    hits = 0
    for x, y in where:
        px, py = int((x - box["x"]) * scale), int((y - box["y"]) * scale)
        patch = np.asarray(shot.crop((px - 1, py - 1, px + 2, py + 2)), dtype=float).reshape(-1, 3)
        if (np.abs(patch - colour).sum(axis=1) < 60).any():
            hits += 1
    return hits / len(where)


def test_lasso_keys_undo_click_and_live_recolour(lab):
    lab.open_cells(SETUP, viewport=(1500, 1000))
    lab.run_all()
    root = ready(lab)
    page = lab.page
    blob_a = positions(root, range(40))
    # A real lasso: the Lasso button, then a drag around the upper-left blob.
    root.locator('[data-testid="map-lasso"]').click()
    (x0, y0), (x1, y1) = blob_a.min(axis=0) - 12, blob_a.max(axis=0) + 12
    page.mouse.move(x0, y0)
    page.mouse.down()
    for x, y in [(x1, y0), (x1, y1), (x0, y1), (x0, y0 + 2)]:
        page.mouse.move(x, y, steps=12)
    page.mouse.up()
    page.wait_for_function("el => el.dataset.selected === '40'", arg=root.element_handle())
    assert lab.eval_json("sorted(m.selection)") == list(range(40))
    strip = root.locator('[data-testid="map-strip"]')
    page.wait_for_function("el => el.dataset.state === 'ready'", arg=strip.element_handle())
    assert strip.locator('[data-testid="map-tile"]').count() == 24
    assert "40 selected" in root.locator('[data-testid="map-count"]').inner_text()
    assert share_of(root, blob_a, DOG) == 0
    lab.screenshot("map-lasso", directory=ARTIFACTS_DIR)

    # One key labels all 40: stored, and the points recoloured in the browser.
    draws = int(root.get_attribute("data-draws"))
    root.focus()
    root.press("2")
    draws = wait_draws(root, draws)
    assert lab.eval_json("w.labels['choice'].value_counts().to_dict()") == {"dog": 40}
    assert lab.eval_json("sorted(set(w.annotations['origin']))") == ["bulk"]
    assert share_of(root, blob_a, DOG) > 0.9
    assert "40 item(s) labeled 'dog'" in root.locator('[data-testid="map-status"]').inner_text()
    lab.screenshot("map-labeled", directory=ARTIFACTS_DIR)

    # u takes the whole bulk back in one step; Shift+U puts it back.
    root.press("u")
    draws = wait_draws(root, draws)
    assert lab.eval_json("int(w.labels['choice'].notna().sum())") == 0
    assert share_of(root, blob_a, DOG) < 0.1
    root.press("Shift+U")
    draws = wait_draws(root, draws)
    assert lab.eval_json("int(w.labels['choice'].notna().sum())") == 40

    # A click on one point of the upper-right blob opens its item in the labeler.
    root.locator('[data-testid="map-lasso"]').click()  # back to pan and click
    point = positions(root, [55])[0]
    page.mouse.click(*point)
    labeler = page.locator('[data-testid="nblabel"]').first
    page.wait_for_function(
        "el => el.dataset.key === '55' && (el.dataset.saving || '0') === '0'",
        arg=labeler.element_handle(),
    )
    assert lab.eval_json("w.current['key']") == "55"

    # Labeling it in the labeler recolours its point on the map.
    labeler.focus()
    labeler.press("3")
    labeler.press("Enter")
    draws = wait_draws(root, draws)
    assert lab.eval_json("w.labels.loc[55, 'choice']") == "cow"
    assert share_of(root, positions(root, [55]), COW) == 1.0
    lab.screenshot("map-live-recolour", directory=ARTIFACTS_DIR)
    assert not lab.page_errors


def test_a_selection_from_python_labeled_one_by_one_in_the_labeler(lab):
    lab.open_cells(SETUP, viewport=(1500, 1000))
    lab.run_all()
    root = ready(lab)
    page = lab.page
    lab.eval_in_kernel("m.select([81, 85, 90])")
    page.wait_for_function("el => el.dataset.selected === '3'", arg=root.element_handle())
    strip = root.locator('[data-testid="map-strip"]')
    page.wait_for_function("el => el.dataset.state === 'ready'", arg=strip.element_handle())
    assert strip.locator('[data-testid="map-tile"]').count() == 3
    root.locator('[data-testid="map-scope"]').click()
    labeler = page.locator('[data-testid="nblabel"]').first
    page.wait_for_function("el => el.dataset.key === '81'", arg=labeler.element_handle())
    progress = labeler.locator('[data-testid="progress"]')
    progress.filter(has_text="selection: 3 of 3 left").wait_for()  # once Python says so
    labeler.focus()
    for key in ("81", "85"):
        labeler.press("1")
        labeler.press("Enter")
        # Moved on, and Python has the submit (the browser does not wait for it).
        page.wait_for_function(
            "([el, k]) => el.dataset.key !== k && (el.dataset.saving || '0') === '0'",
            arg=[labeler.element_handle(), key],
        )
    assert labeler.get_attribute("data-key") == "90"
    progress.filter(has_text="selection: 1 of 3 left").wait_for()
    # A click on a tile of the strip opens that item too.
    strip.locator('[data-testid="map-tile"][data-key="81"]').click()
    page.wait_for_function("el => el.dataset.key === '81'", arg=labeler.element_handle())
    lab.screenshot("map-one-by-one", directory=ARTIFACTS_DIR)

    # Core (c): the selection shrinks to its densest 70 %, drawn and in Python.
    lab.eval_in_kernel("m.select(list(range(40, 80)))")
    page.wait_for_function("el => el.dataset.selected === '40'", arg=root.element_handle())
    root.focus()
    root.press("c")
    page.wait_for_function("el => el.dataset.selected === '28'", arg=root.element_handle())
    page.wait_for_function(
        "el => el.innerText.includes('28 selected')",
        arg=root.locator('[data-testid="map-count"]').element_handle(),
    )
    kept = lab.eval_json("sorted(int(i) for i in m.selection)")
    assert len(kept) == 28 and set(kept) <= set(range(40, 80))
    assert not lab.page_errors


# 150,000 points (more than the map's CPU_FRAME_MIN): a blob of 300 (items 0-299) alone
# in the upper-right corner, the others spread over the rest.
MANY = """
import numpy as np, pandas as pd, nblabel
rng = np.random.default_rng(1)
n = 150_000
xy = rng.uniform(-1, 0.4, size=(n, 2))
xy[:300] = rng.normal([0.8, 0.8], 0.03, size=(300, 2))
df = pd.DataFrame({"text": [f"t{i}" for i in range(n)], "x": xy[:, 0], "y": xy[:, 1]})
w = nblabel.TextLabeler(df, choices=["cat", "dog", "cow"], store="many.sqlite")
m = nblabel.map(w, coords=("x", "y"), height=420)
m
"""

# The colour of each given point at its centre in the CPU frame and in WebGL's (both are
# 2-D canvases: regl-scatterplot copies its frames into the map's canvas).
PIXELS = """([el, items]) => {
  const webgl = el.querySelector('[data-testid="map-canvas"]');
  const cpu = el.querySelector('[data-testid="map-quick"]');
  const read = (c) => c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
  const a = read(cpu), b = read(webgl);
  const sx = webgl.width / webgl.clientWidth, sy = webgl.height / webgl.clientHeight;
  return items.map((i) => {
    const [x, y] = el.screenPosition(i);
    const k = (Math.floor(y * sy) * webgl.width + Math.floor(x * sx)) * 4;
    return [[a[k], a[k + 1], a[k + 2]], [b[k], b[k + 1], b[k + 2]]];
  });
}"""


def test_many_points_in_software_webgl_are_painted_on_the_cpu_first_as_webgl_draws_them(lab):
    lab.open_cells(MANY, viewport=(1300, 900))
    lab.run_all(timeout=180)
    root = ready(lab)
    page = lab.page
    # No GPU here: WebGL is SwiftShader, so the map paints its frames on the CPU first.
    assert root.get_attribute("data-cpu-frames") == "true"
    assert int(root.get_attribute("data-shown-at")) <= int(root.get_attribute("data-gl-drawn-at"))
    # The first CPU frame (still in its canvas) drew the lone blob where WebGL drew it.
    first = np.array(page.evaluate(PIXELS, [root.element_handle(), list(range(0, 300, 5))]))
    assert (first[:, 0].min(axis=1) < 235).mean() > 0.9  # not white: a point is there
    assert (np.abs(first[:, 0] - first[:, 1]).max(axis=1) < 48).mean() > 0.9
    # A bulk label of the blob: its colours on the CPU frame, then in WebGL's.
    draws = int(root.get_attribute("data-draws"))
    gl = int(root.get_attribute("data-gl-drawn-at"))
    lab.eval_in_kernel("m.select(range(300)); bulk = m.label('dog')")
    draws = wait_draws(root, draws)
    page.wait_for_function(
        "([el, t]) => Number(el.dataset.glDrawnAt) > t && el.querySelector("
        "'[data-testid=\"map-quick\"]').hidden",
        arg=[root.element_handle(), gl],
        timeout=30_000,
    )
    assert lab.eval_json("len(bulk.labeled)") == 300
    rng = np.random.default_rng(0)
    sample = list(range(0, 300, 3)) + rng.choice(np.arange(300, 150_000), 200).tolist()
    pairs = np.array(page.evaluate(PIXELS, [root.element_handle(), sample]), dtype=float)
    cpu, webgl = pairs[:, 0], pairs[:, 1]
    blob_cpu = cpu[:100]
    assert (np.abs(blob_cpu - DOG).sum(axis=1) < 60).mean() > 0.9  # the blob in dog's colour
    agree = (np.abs(cpu - webgl).max(axis=1) < 48).mean()
    assert agree > 0.9, f"the CPU frame and WebGL's agree at {agree:.0%} of the points"
    assert not lab.page_errors
