"""Time series at scale: decimation in Python, and paint times in Chromium.

Issue 5's targets: 1,000,000 points x 3 channels: bytes sent per screen <= 64 KB per
channel; first paint <= 300 ms after the item is shown; each zoom/pan step <= 50 ms to
repaint; next series painted after submit p95 <= 100 ms for 100,000-point series. Figures
only, no asserts on seconds. From the repo root::

    python benchmarks/bench_timeseries.py          # Python figures, then the browser ones
    BENCH_BROWSER=0 python benchmarks/bench_timeseries.py   # Python only
    python benchmarks/bench_timeseries.py --cold             # the cold open only

The browser figures open the big series twice. **Prefetched**: shown by '→' from a small item
while it was already loaded (what a labeler moving on sees). **Cold**: in a fresh kernel
whose first cell made the DataFrame, from running the cell ``w =
nblabel.TimeSeriesLabeler(df, ...); w`` (import and construction included) to its first
item, the 1,000,000-point series, with three channels drawn and the next frame painted
(checked once per animation frame, so up to ~16 ms late).

Browser figures come from the widget's own timers: ``root.nblabelTimings`` (key press ->
next item painted, after the next paint) and the view's ``el.nblabelTimings`` (``show``:
decode + draw of a shown item; ``zoom``: key -> redrawn at the new scale with the data at
hand; ``window``: request -> finer window from Python drawn).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from nblabel.tags import series as ts  # noqa: E402

N = int(os.environ.get("BENCH_POINTS", 1_000_000))
WIDTH = 1200


def report(name: str, times: list[float], unit: str = "ms") -> None:
    a = np.asarray(times, dtype=float)
    print(
        f"{name:<52} n={len(a):>3}  median {np.median(a):8.1f} {unit}  "
        f"p95 {np.percentile(a, 95):8.1f} {unit}  max {a.max():8.1f} {unit}"
    )


def python_figures() -> None:
    rng = np.random.default_rng(0)
    t = pd.date_range("2024-05-01", periods=N, freq="1ms", tz="Europe/Berlin")
    i = np.arange(N)
    frame = pd.DataFrame(
        {
            "t": t,
            "ax": np.sin(i / 5000) + rng.normal(0, 0.1, N),
            "ay": np.cos(i / 1300) + rng.normal(0, 0.1, N),
            "az": rng.normal(0, 1, N).cumsum() / 100,
        }
    )
    t0 = time.perf_counter()
    s = ts.build_series(frame, "big", channels=["ax", "ay", "az"], x="t")
    print(f"{N:,} points x 3 channels: load + check {1000 * (time.perf_counter() - t0):.0f} ms")
    span = s.x[-1] - s.x[0]
    for frac in (1.0, 0.1, 0.01, 0.001):
        lo = s.x[0] + span * 0.3
        hi = lo + span * frac if frac < 1 else s.x[-1]
        if frac == 1.0:
            lo = s.x[0]
        times = []
        for _ in range(7):
            t0 = time.perf_counter()
            meta, buffers = ts.window(s, lo, hi, WIDTH)
            times.append(1000 * (time.perf_counter() - t0))
        per_channel = sum(len(b) for b in buffers) / 3
        report(f"window {frac:>6.1%} of the series, {WIDTH} px, 3 channels", times)
        print(f"{'':<52} bytes per channel: {per_channel / 1024:.1f} KB (raw: {meta['raw']})")


SETUP = """
import numpy as np, pandas as pd
import nblabel
rng = np.random.default_rng(0)
def rec(name, n, rate_ms):
    t = pd.date_range("2024-05-01", periods=n, freq=f"{rate_ms}ms", tz="Europe/Berlin")
    i = np.arange(n)
    return pd.DataFrame({"rec": name, "t": t,
                         "ax": np.sin(i / 5000) + rng.normal(0, 0.1, n),
                         "ay": np.cos(i / 1300) + rng.normal(0, 0.1, n),
                         "az": rng.normal(0, 1, n).cumsum() / 100})
parts = [rec("a-warm", 1000, 10), rec("b-big", BIG, 1)]
parts += [rec(f"c-{k:02d}", 100_000, 10) for k in range(25)]
df = pd.concat(parts, ignore_index=True)
w = nblabel.TimeSeriesLabeler(df, by="rec", x="t", channels=["ax", "ay", "az"],
                              ranges=["walk", "run"], store=":memory:")
w
""".replace("BIG", str(N))


COLD_FRAME = """
import numpy as np, pandas as pd
rng = np.random.default_rng(0)
def rec(name, n, rate_ms):
    t = pd.date_range("2024-05-01", periods=n, freq=f"{rate_ms}ms", tz="Europe/Berlin")
    i = np.arange(n)
    return pd.DataFrame({"rec": name, "t": t,
                         "ax": np.sin(i / 5000) + rng.normal(0, 0.1, n),
                         "ay": np.cos(i / 1300) + rng.normal(0, 0.1, n),
                         "az": rng.normal(0, 1, n).cumsum() / 100})
df = pd.concat([rec("0-big", BIG, 1), rec("1-small", 1000, 10)], ignore_index=True)
""".replace("BIG", str(N))

COLD_CELL = """
import time as _time
_t0 = _time.perf_counter()
import nblabel
w = nblabel.TimeSeriesLabeler(df, by="rec", x="t", channels=["ax", "ay", "az"],
                              ranges=["walk", "run"], store=":memory:")
_made = _time.perf_counter() - _t0
w
"""

# Run cell 1, then until the first item is ready with its three channels drawn and the next
# frame painted.
JS_COLD = """
async ([path, ms]) => {
  const app = window.jupyterapp;
  let panel = null;
  for (const w of app.shell.widgets('main')) if (w.context && w.context.path === path) panel = w;
  const node = panel.content.node;
  const drawn = () => {
    const root = node.querySelector('[data-testid="nblabel"][data-state="ready"]');
    const view = root && root.querySelector('.nbl-object-timeseries');
    const shows = view && view.nblabelTimings && view.nblabelTimings.show;
    return !!(shows && shows.length && root.dataset.key === '0-big'
              && root.querySelectorAll('[data-testid="ts-channel"]').length === 3);
  };
  const painted = new Promise((resolve) => {
    const tick = () => {
      if (!drawn()) return requestAnimationFrame(tick);
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now());
        ch.port2.postMessage(null);
      });
    };
    requestAnimationFrame(tick);
  });
  panel.content.activeCellIndex = 1;
  const t0 = performance.now();
  app.commands.execute('notebook:run-cell');
  const t1 = await Promise.race([painted, new Promise((r) => setTimeout(() => r(null), ms))]);
  return t1 == null ? null : t1 - t0;
}
"""


def cold_figures(repeat: int = 3) -> None:
    from tests.ui.jupyter_harness import (
        LabNotebook,
        chromium,
        isolated_jupyter_lab,
        make_notebook,
    )

    opened, made = [], []
    with isolated_jupyter_lab() as server, chromium(env=server.env.environ()) as browser:
        for _ in range(repeat):
            nb_obj = make_notebook(COLD_FRAME, COLD_CELL)
            with LabNotebook.open(server, browser, nb_obj, name="ts-cold") as nb:
                nb.page.evaluate(
                    "async ([path]) => { const app = window.jupyterapp;"
                    " for (const w of app.shell.widgets('main')) if (w.context &&"
                    " w.context.path === path) { w.content.activeCellIndex = 0;"
                    " await app.commands.execute('notebook:run-cell'); } }",
                    [nb.path],
                )
                nb.wait_for_kernel_idle(timeout=120)
                ms = nb.page.evaluate(JS_COLD, [nb.path, 120_000])
                if ms is None:
                    raise RuntimeError("the cold series was never drawn")
                nb.wait_for_kernel_idle(timeout=120)
                opened.append(ms)
                made.append(nb.eval_json("_made") * 1000)
    report(f"{N:,} x 3 cold: cell run -> 3 channels drawn", opened)
    report("  of which Python: import nblabel + TimeSeriesLabeler", made)


def browser_figures() -> None:
    from tests.ui.jupyter_harness import (
        LabNotebook,
        chromium,
        isolated_jupyter_lab,
        make_notebook,
    )

    with (
        isolated_jupyter_lab() as server,
        chromium(env=server.env.environ()) as browser,
        LabNotebook.open(server, browser, make_notebook(SETUP), name="ts-bench") as nb,
    ):
        nb.run_all(timeout=300)
        page = nb.page
        root = page.locator('[data-testid="nblabel"]').first
        view = root.locator(".nbl-object-timeseries")

        def wait_key(key: str) -> None:
            page.wait_for_function(
                "([el, k]) => el.dataset.key === k && el.dataset.state === 'ready'",
                arg=[root.element_handle(), key],
                timeout=120_000,
            )

        wait_key("a-warm")
        root.focus()
        page.wait_for_timeout(3000)  # the big item is prefetched meanwhile
        root.press("ArrowRight")
        wait_key("b-big")
        page.wait_for_timeout(500)
        opened = page.evaluate("el => el.nblabelTimings.slice(-1)", root.element_handle())
        report(f"{N:,} x 3: '→' -> item painted (prefetched)", opened)
        shows = page.evaluate("el => el.nblabelTimings.show.slice(-1)", view.element_handle())
        report(f"{N:,} x 3: decode + first draw of the shown item", shows)

        box = root.locator('[data-testid="ts-channel"]').first.bounding_box()
        page.mouse.move(box["x"] + box["width"] * 0.4, box["y"] + 20)
        windows_before = page.evaluate(
            "el => el.nblabelTimings.window.length", view.element_handle()
        )
        steps = [("+", 8), ("Shift+ArrowRight", 8), ("-", 4), ("Shift+ArrowLeft", 4)]
        for key, times in steps:
            for _ in range(times):
                root.press(key)
                page.wait_for_function(
                    "el => el.dataset.window !== 'loading'",
                    arg=view.element_handle(),
                    timeout=30_000,
                )
        zoom = page.evaluate("el => el.nblabelTimings.zoom", view.element_handle())
        windows = page.evaluate(
            f"el => el.nblabelTimings.window.slice({windows_before})", view.element_handle()
        )
        report("zoom/pan key -> redrawn at the new scale", zoom)
        report("zoom/pan: window request -> finer data drawn", windows)

        # Submit -> next 100k-point series painted.
        root.press("f")
        root.press("Enter")
        wait_key("c-00")
        page.wait_for_timeout(1500)
        before = page.evaluate("el => el.nblabelTimings.length", root.element_handle())
        for k in range(1, 21):
            root.press("Enter")
            wait_key(f"c-{k:02d}")
            page.wait_for_timeout(250)  # a labeler's pace: the next items get prefetched
        submits = page.evaluate(f"el => el.nblabelTimings.slice({before})", root.element_handle())
        report("100,000 x 3: Enter -> next series painted", submits)
        print(f"{'':<52} all: {', '.join(f'{t:.0f}' for t in submits)} ms")


def main() -> None:
    if "--cold" in sys.argv[1:]:
        cold_figures()
        return
    python_figures()
    if os.environ.get("BENCH_BROWSER", "1") != "0":
        browser_figures()
        cold_figures()


if __name__ == "__main__":
    main()
