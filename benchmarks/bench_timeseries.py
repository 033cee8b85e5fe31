"""Time series at scale: decimation in Python, and paint times in Chromium.

Issue 5's targets: 1,000,000 points x 3 channels: bytes sent per screen <= 64 KB per
channel; first paint <= 300 ms after the item is shown; each zoom/pan step <= 50 ms to
repaint; next series painted after submit p95 <= 100 ms for 100,000-point series. Figures
only, no asserts on seconds. From the repo root::

    python benchmarks/bench_timeseries.py          # Python figures, then the browser ones
    BENCH_BROWSER=0 python benchmarks/bench_timeseries.py   # Python only

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
    python_figures()
    if os.environ.get("BENCH_BROWSER", "1") != "0":
        browser_figures()


if __name__ == "__main__":
    main()
