"""The map at a million points, in a real JupyterLab and Chromium (issue 20).

Targets: the map shown < 2 s after its cell runs; a lasso of 10,000 points labeled (one
key) -> labels stored durably and the map recoloured < 300 ms; the widget state saved in
the notebook holds no items.

- shown: from the map cell's first line (Python's clock) to the first frame with every
  point drawn (the browser's clock, the same machine), for points given as two columns,
  as an (n, 32) embedding whose projection is cached next to the store, and (for
  information) the same embedding projected by PCA in the cell;
- lasso: a real mouse lasso around a blob of exactly 10,000 points, from the mouse
  button's release to Python holding the selection (the count it sends back drawn);
- label: from the key press to the frame drawn with the 10,000 points in their new
  colour, the labels committed (fsync) in between; then the store is opened again from
  another process to check they are there;
- saved: JupyterLab saves the widget state (``saveState`` on), then the .ipynb is read:
  the map's state must hold no item id or text, and nothing that grows with the data.

    python benchmarks/bench_map_scale.py [n]      # default 1,000,000; run from the repo root
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.ui import jupyter_harness as harness

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
BLOB = 10_000
REPEATS = 3
SHOWN_GL: list[float] = []  # the first WebGL frame of each map shown, seconds after its cell

SETUP = f"""
import time, numpy as np, pandas as pd, nblabel
rng = np.random.default_rng(0)
n, blob = {N}, {BLOB}
# Everything in the lower-left three quarters, but for one blob of exactly 10,000 points
# alone in the upper-right corner: a lasso around it takes exactly those.
xy = rng.uniform(-1, 0.45, size=(n, 2)).astype("float32")
xy[:blob] = rng.normal([0.8, 0.8], 0.04, size=(blob, 2))
emb = np.concatenate([xy, rng.normal(scale=0.01, size=(n, 30))], axis=1).astype("float32")
df = pd.DataFrame({{"text": pd.Series(np.arange(n)).astype(str).radd("item "), "x": xy[:, 0],
                   "y": xy[:, 1]}})
w = nblabel.TextLabeler(df, choices=["cat", "dog", "cow"], store="scale.nblabel.sqlite")
w
"""
# Each map cell closes the map before it: only one map follows the job's labels (a closed
# map stops recolouring), as when a user re-runs the cell.
CLOSE = """
try:
    m.close()
except NameError:
    pass
"""
COLUMNS = (
    CLOSE
    + """
t_cell = time.time()
m = nblabel.map(w, coords=("x", "y"))
t_made = time.time()
m
"""
)
CACHED = (
    CLOSE
    + """
t_cell = time.time()
m = nblabel.map(w, embedding=emb, method="pca")
t_made = time.time()
m
"""
)


def shown_seconds(nb, cell: int) -> float:
    """Run one cell; seconds from its first line to the map's first frame."""
    page = nb.page
    out = nb.output(cell)
    page.evaluate(
        "([path, i]) => window.jupyterapp.shell.currentWidget.content.activeCellIndex = i",
        [nb.path, cell],
    )
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-cell')")
    root = out.locator('[data-testid="nblabel-map"]').first
    root.wait_for(state="attached", timeout=300_000)
    page.wait_for_function(
        "el => el.dataset.state === 'ready'", arg=root.element_handle(), timeout=300_000
    )
    nb.wait_for_kernel_idle(timeout=300)
    start, made = map(float, nb.eval_in_kernel("print(t_cell, t_made)").split())
    stamps = {k: int(root.get_attribute(f"data-{k}")) / 1000 - start
              for k in ("render-at", "points-asked-at", "points-at", "shown-at",
                        "gl-drawn-at")}  # fmt: skip
    cpu = root.get_attribute("data-cpu-frames") == "true"
    print(f"    (Map() built {made - start:.2f} s, view rendered {stamps['render-at']:.2f} s, "
          f"points asked {stamps['points-asked-at']:.2f} s, received {stamps['points-at']:.2f} s,"
          f" first frame with every point {stamps['shown-at']:.2f} s"
          f"{' (CPU frame)' if cpu else ''}, WebGL's {stamps['gl-drawn-at']:.2f} s: lasso, pan "
          "and zoom from then on)")  # fmt: skip
    SHOWN_GL.append(stamps["gl-drawn-at"])
    return stamps["shown-at"]


def count_in_store(nb) -> str:
    """Submitted items in the job's store, counted by another process (durable)."""
    store = nb.workdir / "scale.nblabel.sqlite"
    code = (
        "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); print(db.execute("
        '"SELECT count(*) FROM current c JOIN events e ON e.seq = c.seq WHERE e.action = '
        "'submit'\").fetchone()[0])"
    )
    done = subprocess.run([sys.executable, "-c", code, str(store)], capture_output=True, text=True)
    return done.stdout.strip() or done.stderr.strip()[-200:]


def main() -> None:
    harness.SETTING_OVERRIDES["@jupyter-widgets/jupyterlab-manager:plugin"] = {"saveState": True}
    nbk = harness.make_notebook(SETUP, COLUMNS, CACHED, CACHED)
    with harness.isolated_jupyter_lab() as server, harness.chromium(env=server.env.environ()) as b:
        nb = harness.LabNotebook.open(server, b, nbk, name="map-scale", viewport=(1400, 1000))
        page = nb.page
        t0 = time.perf_counter()
        page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-cell')")
        nb.wait_for_kernel_idle(timeout=600)
        print(f"{N:,} items; the labeler's cell (data, labeler) took "
              f"{time.perf_counter() - t0:.1f} s")  # fmt: skip
        columns = shown_seconds(nb, 1)
        print(f"map shown, points from two columns:            {columns:6.2f} s  (target < 2 s)")
        first = shown_seconds(nb, 2)
        print(
            f"map shown, (n, 32) embedding, PCA in the cell: {first:6.2f} s  (projection "
            "computed, then cached next to the store)"
        )
        cached = shown_seconds(nb, 3)
        print(f"map shown, (n, 32) embedding, cached:          {cached:6.2f} s  (target < 2 s)")
        assert nb.eval_json("m._info['cached']") is True

        lasso_ms: list[int] = []
        label_ms: list[int] = []
        label_gl_ms: list[int] = []
        undo_ms: list[int] = []
        stored: list[str] = []
        shown = [cached]
        shown_gl = SHOWN_GL[-1:]
        for r in range(REPEATS):
            if r:  # a fresh map (the cell run again): one lasso per map, as a user would
                shown.append(shown_seconds(nb, 3))
                shown_gl.append(SHOWN_GL[-1])
            root = nb.output(3).locator('[data-testid="nblabel-map"]').first
            root.scroll_into_view_if_needed()
            canvas = root.locator('[data-testid="map-canvas"]')
            box = canvas.bounding_box()
            where = root.evaluate(
                "(el, n) => Array.from({length: n}, (_, i) => el.screenPosition(i))", BLOB
            )
            blob = np.array(where) + np.array([box["x"], box["y"]])
            (x0, y0), (x1, y1) = blob.min(axis=0) - 8, blob.max(axis=0) + 8
            # A real mouse lasso: the Lasso button, then a drag around the blob.
            root.locator('[data-testid="map-lasso"]').click()
            page.mouse.move(x0, y0)
            page.mouse.down()
            for x, y in [(x1, y0), (x1, y1), (x0, y1), (x0, y0 + 2)]:
                page.mouse.move(x, y, steps=6)
            released = page.evaluate("() => Date.now()")
            page.mouse.up()
            try:
                page.wait_for_function(
                    "el => el.dataset.selectedAt && Number(el.dataset.selected) > 0",
                    arg=root.element_handle(), polling="raf", timeout=60_000,
                )  # fmt: skip
            except Exception:
                page.screenshot(path="test-artifacts/bench-map-lasso.png")
                print("no selection after the lasso; dataset:", root.evaluate(
                    "el => JSON.stringify(el.dataset)"))  # fmt: skip
                raise
            count = int(root.get_attribute("data-selected"))
            lasso_ms.append(int(root.get_attribute("data-selected-at")) - released)
            replies: list[int] = []
            colours_at: list[int] = []
            for key, stamp, times in (
                ("2", "data-label-at", label_ms),
                ("u", "data-undo-at", undo_ms),
            ):
                draws = int(root.get_attribute("data-draws"))
                root.focus()
                root.press(key)
                page.wait_for_function(
                    "([el, n]) => Number(el.dataset.draws) > n",
                    arg=[root.element_handle(), draws], polling="raf", timeout=60_000,
                )  # fmt: skip
                drawn = int(root.get_attribute("data-drawn-at"))
                times.append(drawn - int(root.get_attribute(stamp)))
                # The new colours reached the page (labels committed before they are sent).
                colours = int(root.get_attribute("data-colors-at")) - int(root.get_attribute(stamp))
                if key == "2":  # WebGL's own frame of the new colours (later with CPU frames)
                    page.wait_for_function(
                        "([el, a]) => Number(el.dataset.glDrawnAt) > Number(el.getAttribute(a))",
                        arg=[root.element_handle(), stamp], polling="raf", timeout=60_000,
                    )  # fmt: skip
                    label_gl_ms.append(
                        int(root.get_attribute("data-gl-drawn-at")) - int(root.get_attribute(stamp))
                    )
                # Python's reply (labels committed, colours sent) comes after its colours
                # message. Stamped on the page's main thread like the frame: when that
                # thread is busy redrawing, both wait, so this bounds Python's share only.
                replied = stamp.replace("-at", "-replied-at")
                page.wait_for_function(
                    "([el, a]) => el.getAttribute(a)", arg=[root.element_handle(), replied]
                )
                replies.append(int(root.get_attribute(replied)) - int(root.get_attribute(stamp)))
                colours_at.append(colours)
                if key == "2":
                    nb.wait_for_kernel_idle(timeout=60)
                    stored.append(count_in_store(nb))
            print(f"  repeat {r + 1}: lasso of {count:,} -> {lasso_ms[-1]} ms, key 2 -> "
                  f"{label_ms[-1]} ms (colours in the page at {colours_at[0]} ms, Python replied "
                  f"at {replies[0]} ms; WebGL's frame at "
                  f"{label_gl_ms[-1]} ms), u -> {undo_ms[-1]} "
                  f"ms (replied at {replies[1]} ms), stored {stored[-1]}", flush=True)  # fmt: skip
        print(f"map shown, cached embedding, every run:        "
              f"{', '.join(f'{v:.2f} s' for v in shown)}  (target < 2 s)")  # fmt: skip
        print(f"  WebGL's first frame (lasso, pan, zoom):       "
              f"{', '.join(f'{v:.2f} s' for v in shown_gl)}")  # fmt: skip
        print(f"lasso of {count:,} points -> selection in Python: "
              f"{', '.join(f'{v} ms' for v in lasso_ms)}")  # fmt: skip
        print(f"key -> {count:,} labels committed and recoloured:  "
              f"{', '.join(f'{v} ms' for v in label_ms)}  (target < 300 ms)")  # fmt: skip
        print(f"  the same, to WebGL's frame of the new colours:   "
              f"{', '.join(f'{v} ms' for v in label_gl_ms)}")  # fmt: skip
        print(f"u -> the bulk undone and recoloured:            "
              f"{', '.join(f'{v} ms' for v in undo_ms)}")  # fmt: skip
        print(f"labels in the store after each key, read by another process: {stored} "
              f"(expected {count})")  # fmt: skip

        # Saved with the widget state: what of the map is in the .ipynb?
        page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
        time.sleep(3)
        saved = json.loads((nb.workdir / Path(nb.path).name).read_text())
        state = saved.get("metadata", {}).get("widgets", {})
        models = state.get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
        maps = {k: v for k, v in models.items() if v.get("state", {}).get("_anywidget_id", "")
                .endswith("map.Map")}  # fmt: skip
        size = (nb.workdir / Path(nb.path).name).stat().st_size
        print(f"saved notebook: {size / 1e6:.1f} MB, {len(models)} widget models, "
              f"{len(maps)} maps")  # fmt: skip
        for mid, model in maps.items():
            kept = {k: v for k, v in model["state"].items() if k not in ("_esm", "_css")}
            text = json.dumps(kept)
            leaks = [t for t in ("item 123", "item 9999", '"1234"') if t in text]
            print(f"  map {mid[:8]}: {len(text):,} bytes besides its bundle "
                  f"({len(model['state'].get('_esm', '')):,} bytes of _esm); "
                  f"buffers: {len(model.get('buffers', []))}; item ids/texts in it: "
                  f"{leaks or 'none'}")  # fmt: skip
        nb.close()


if __name__ == "__main__":
    main()
