"""Submit key -> next image painted, in Chromium, for 1024x768 JPEGs.

Issue targets: p95 <= 50 ms over 50 items (the next items are prefetched before they are
needed); #21: p95 <= 50 ms at 10 items/s sustained for 200 items, nothing lost or reordered.
How this compares with Label Studio's UI and ipyannotations on the same images, measured in
the same run: benchmarks/bench_peers.py.

Three scenarios, each in a fresh notebook (fresh kernel and label store) in one isolated
JupyterLab and Debian's headless Chromium (tests/ui/jupyter_harness.py):

* paced: after each image is painted, wait 150-300 ms (a brisk annotator), press ``1``, ``Enter``;
* no pause: press ``1``, ``Enter`` as soon as the previous image is painted, i.e. try to
  outrun the prefetch;
* 10/s: press ``1``, ``Enter`` every 100 ms on a clock (key auto-repeat pace) for 200 items,
  whether or not the previous image was painted. An Enter the widget drops (it had not moved
  on yet) shows up as a missing submit and as arrival problems; at the end the journal's
  order of items is compared with the order of the keys.

The first two submit one warm-up item, then measure 50. Two measures per submit:

* widget: ``root.nblabelTimings``, the widget's own keydown -> after the next paint;
* page watcher: installed by this script, independent of the widget's code. A capture-phase
  keydown listener on the root records ``performance.now()`` at Enter; a MutationObserver
  sees the ``img[data-testid=image]`` on screen change to a new ``src``; the time is taken
  after ``img.decode()`` resolved and the next frame was painted (a task posted from a
  requestAnimationFrame callback runs right after that frame's paint).

The watcher also checks each arrival: the root's ``data-key`` moved on by one, the image
carries that item's label, and a grey marker block drawn into every JPEG decodes to that
item's index (so a stale or wrong image would be caught), and whether the widget showed its
loading state on the way (a prefetch miss).

The kernels import nblabel from this checkout (PYTHONPATH), so the script can be copied into
another checkout to measure that one. Figures only, no asserts on seconds. From the repo root::

    python benchmarks/bench_submit_to_paint.py                 # all three
    python benchmarks/bench_submit_to_paint.py --only 10/s     # one of paced, no-pause, 10/s
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tests.ui.jupyter_harness import (  # noqa: E402
    LabNotebook,
    chromium,
    isolated_jupyter_lab,
    make_notebook,
)

N_MEASURED = 50
N_FAST = 200  # items at 10/s
FAST_INTERVAL = 0.1
TARGET_P95_MS = 50.0
ARRIVAL_TIMEOUT_MS = 15_000

# Cells of the benchmark notebook. Photo-like content (smooth colour field + grain + a
# shape) so the files are a realistic size, not incompressible noise. The 64x64 grey block
# at the top-left encodes the image's index modulo 64: 4 * (i % 64) + 2, read back in the page.
GENERATE = """\
import os
import numpy as np
import pandas as pd
from PIL import Image, ImageDraw

N_IMAGES = COUNT
rng = np.random.default_rng(20240611)
paths = []
for i in range(N_IMAGES):
    coarse = Image.fromarray(rng.integers(0, 256, size=(24, 32, 3), dtype=np.uint8))
    field = np.asarray(coarse.resize((1024, 768), Image.Resampling.BICUBIC), dtype=np.int16)
    grain = rng.integers(-20, 21, size=(768, 1024, 3), dtype=np.int16)
    img = Image.fromarray(np.clip(field + grain, 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(img)
    colour = tuple(int(c) for c in rng.integers(0, 256, 3))
    cx, cy, r = int(rng.integers(300, 720)), int(rng.integers(250, 520)), int(rng.integers(60, 200))
    shape = draw.ellipse if i % 2 else draw.rectangle
    shape([cx - r, cy - r, cx + r, cy + r], fill=colour)
    v = 4 * (i % 64) + 2
    draw.rectangle([0, 0, 63, 63], fill=(v, v, v))
    path = f"img_{i:03d}.jpg"
    img.save(path, quality=90)
    paths.append(path)
df = pd.DataFrame({"path": paths})
"""

BUILD = """\
import nblabel
w = nblabel.ImageLabeler(df, image="path", choices=["a", "b", "c"])
w
"""

# In-page watcher. install() once per page; arm(root) before each Enter registers a fresh
# capture-phase keydown listener and MutationObserver for that one submit.
JS_INSTALL = """
() => {
  if (window.__nblBench) return;
  const st = { records: [], waiters: [], longTasks: [] };
  window.__nblBench = st;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) st.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: false });
  } catch (e) { /* no longtask support */ }
  // Idle frame interval, for scale: two rAFs cannot be closer than one frame apart.
  st.frameIntervals = (n) => new Promise((resolve) => {
    const ts = [];
    const tick = (t) => {
      ts.push(t);
      if (ts.length > n) resolve(ts.slice(1).map((x, i) => x - ts[i]));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const imgOf = (root) => root.querySelector('img[data-testid="image"]');
  // A task posted from a rAF callback runs right after that frame is painted.
  const afterNextPaint = (fn) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { ch.port1.close(); fn(); };
    ch.port2.postMessage(null);
  });

  st.whenDone = (i) => new Promise((resolve) => {
    const r = st.records[i];
    if (!r || r.done) resolve(true);
    else st.waiters.push({ i, resolve });
  });
  const finish = (rec) => {
    rec.done = true;
    st.waiters = st.waiters.filter((w) => {
      if (w.i !== rec.i) return true;
      w.resolve(true);
      return false;
    });
  };

  // Which image is this? Average luma of the marker block's middle (off the timed path).
  const marker = (img) => {
    const c = document.createElement('canvas');
    c.width = 16; c.height = 16;
    const ctx = c.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(img, 24, 24, 16, 16, 0, 0, 16, 16);
    const d = ctx.getImageData(0, 0, 16, 16).data;
    let sum = 0;
    for (let p = 0; p < d.length; p += 4) sum += (d[p] + d[p + 1] + d[p + 2]) / 3;
    return Math.round((sum / (d.length / 4) - 2) / 4);
  };

  st.arm = (root) => {
    const rec = {
      i: st.records.length, t0: null, tSrc: null, tDecoded: null, t1: null,
      fromKey: null, fromSrc: null, toKey: null, sawLoading: false, inKeyTask: false,
      alt: null, label: null, marker: null, focused: null, error: null, done: false,
    };
    st.records.push(rec);
    let observer = null;
    const check = () => {
      if (rec.t0 == null || rec.tSrc != null) return;
      if (root.dataset.state === 'loading') rec.sawLoading = true;
      const img = imgOf(root);
      if (!img || !img.getAttribute('src') || img.src === rec.fromSrc) return;
      rec.tSrc = performance.now();
      rec.swappedInKeyTask = rec.inKeyTask;
      rec.toKey = root.dataset.key;
      observer.disconnect();
      img.decode().then(
        () => { rec.tDecoded = performance.now(); },
        (err) => { rec.error = 'decode failed: ' + err; },
      ).then(() => afterNextPaint(() => {
        rec.t1 = performance.now();
        rec.alt = img.alt;
        const label = root.querySelector('[data-testid="label"]');
        rec.label = label ? label.textContent : null;
        rec.onScreen = imgOf(root) === img;
        rec.keyAtPaint = root.dataset.key;
        setTimeout(() => {
          try { rec.marker = marker(img); } catch (e) { rec.error = 'marker: ' + e; }
          finish(rec);
        }, 0);
      }));
    };
    const onKey = (e) => {
      if (e.key !== 'Enter' || rec.t0 != null) return;
      rec.t0 = performance.now();
      rec.fromKey = root.dataset.key;
      const img = imgOf(root);
      rec.fromSrc = img ? img.src : null;
      rec.focused = document.activeElement === root;
      rec.inKeyTask = true;
      setTimeout(() => { rec.inKeyTask = false; }, 0);
      root.removeEventListener('keydown', onKey, true);
    };
    root.addEventListener('keydown', onKey, true);
    observer = new MutationObserver(check);
    observer.observe(root, {
      subtree: true, childList: true, attributes: true,
      attributeFilter: ['src', 'data-state', 'data-key'],
    });
    return rec.i;
  };
}
"""

JS_WAIT_AND_ARM = """
async ([root, prev, ms]) => {
  const st = window.__nblBench;
  if (prev >= 0) {
    const ok = await Promise.race([
      st.whenDone(prev),
      new Promise((r) => setTimeout(() => r(false), ms)),
    ]);
    if (!ok) return -1;
  }
  return st.arm(root);
}
"""

JS_WAIT_DONE = """
async ([i, ms]) => Promise.race([
  window.__nblBench.whenDone(i),
  new Promise((r) => setTimeout(() => r(false), ms)),
])
"""


def stats(values: list[float]) -> str:
    if not values:
        return "n 0"
    a = np.asarray(values)
    return (
        f"p50 {np.percentile(a, 50):6.1f} ms   p95 {np.percentile(a, 95):6.1f} ms   "
        f"max {a.max():6.1f} ms   n {len(a)}"
    )


def p95(values: list[float]) -> float:
    return float(np.percentile(np.asarray(values), 95)) if values else float("nan")


def run_scenario(
    server, browser, title: str, pause: tuple[float, float] | None, *, fast: bool = False
) -> None:
    """``fast``: Enter every FAST_INTERVAL s on a clock for N_FAST items (``pause`` unused)."""
    rng = random.Random(7)
    n_measured = N_FAST if fast else N_MEASURED
    n_images = n_measured + 10
    nb_obj = make_notebook(GENERATE.replace("COUNT", str(n_images)), BUILD)
    with LabNotebook.open(server, browser, nb_obj, name="submit-to-paint") as nb:
        page = nb.page
        nb.run_all(timeout=240)
        root = page.locator('[data-testid="nblabel"]').first
        root.wait_for(state="visible")
        page.wait_for_function(
            "el => el.dataset.state === 'ready' && el.dataset.key === '0' "
            "&& !!el.querySelector('img[data-testid=\"image\"]')",
            arg=root.element_handle(),
            timeout=30_000,
        )
        mean_kb = nb.eval_json("int(sum(os.path.getsize(p) for p in paths) / len(paths) / 1024)")
        root.scroll_into_view_if_needed()
        root.focus()
        handle = root.element_handle()
        page.evaluate(JS_INSTALL)

        def submit(prev: int, wait_before: float, at: float | None = None) -> int:
            idx = page.evaluate(JS_WAIT_AND_ARM, [handle, prev, ARRIVAL_TIMEOUT_MS])
            if at is not None:  # on the clock, whether or not the last image arrived
                time.sleep(max(0.0, at - time.perf_counter()))
            if idx < 0:
                return -1
            if wait_before:
                time.sleep(wait_before)
            page.keyboard.press("1")
            page.keyboard.press("Enter")
            return idx

        # Warm-up: the first item, not measured.
        warm = submit(-1, 0.3)
        if not page.evaluate(JS_WAIT_DONE, [warm, ARRIVAL_TIMEOUT_MS]):
            raise RuntimeError("warm-up item never arrived")
        base = len(root.evaluate("el => el.nblabelTimings"))
        frames = page.evaluate("() => window.__nblBench.frameIntervals(60)")
        t_page0 = page.evaluate("() => performance.now()")

        t_start = time.perf_counter()
        prev = warm
        measured: list[int] = []
        stalled = None
        for n in range(n_measured):
            if fast:
                idx = submit(-1, 0.0, at=t_start + n * FAST_INTERVAL)
                measured.append(idx)
                prev = idx
                continue
            wait = rng.uniform(*pause) if pause else 0.0
            idx = submit(prev, wait)
            if idx < 0:
                stalled = n
                break
            measured.append(idx)
            prev = idx
        if stalled is None and not page.evaluate(JS_WAIT_DONE, [prev, ARRIVAL_TIMEOUT_MS]):
            stalled = n_measured
        wall = time.perf_counter() - t_start
        # Python may still be applying the submits sent ahead of its answers.
        deadline = time.monotonic() + 120
        while nb.eval_json('w.progress["submitted"]') < 1 + n_measured:
            if time.monotonic() > deadline:
                break
            time.sleep(0.25)
        page.wait_for_timeout(200)  # let the widget's own after-paint samples land

        records: list[dict[str, Any]] = page.evaluate("() => window.__nblBench.records")
        timings = root.evaluate("el => el.nblabelTimings")[base:]
        recs = [records[i] for i in measured if records[i].get("t1") is not None]
        watcher = [r["t1"] - r["t0"] for r in recs]
        to_src = [r["tSrc"] - r["t0"] for r in recs]
        src_to_decoded = [r["tDecoded"] - r["tSrc"] for r in recs if r["tDecoded"] is not None]
        decoded_to_paint = [r["t1"] - r["tDecoded"] for r in recs if r["tDecoded"] is not None]
        long_tasks = [
            d for t, d in page.evaluate("() => window.__nblBench.longTasks") if t >= t_page0
        ]

        # Correctness of every arrival (warm-up included).
        problems: list[str] = []
        last_key = None
        for r in [records[warm], *(records[i] for i in measured)]:
            tag = f"submit from item {r.get('fromKey')}"
            if r.get("t1") is None:
                problems.append(f"{tag}: next image never painted (t0={r.get('t0')})")
                continue
            want = str(int(r["fromKey"]) + 1)
            if last_key is not None and r["fromKey"] != last_key:
                problems.append(f"{tag}: expected to start from item {last_key}")
            if r["toKey"] != want or r["keyAtPaint"] != want:
                problems.append(f"{tag}: arrived at {r['toKey']}/{r['keyAtPaint']}, want {want}")
            if r["marker"] != int(want) % 64:
                problems.append(f"{tag}: pixels are image {r['marker']}, want {want} (stale?)")
            if not (r["alt"] or "").endswith(f" of {want}") or r["label"] != want:
                problems.append(f"{tag}: alt {r['alt']!r} / label {r['label']!r}, want {want}")
            if not r["onScreen"]:
                problems.append(f"{tag}: image replaced again before it was painted")
            if not r["focused"]:
                problems.append(f"{tag}: root did not have the focus at Enter")
            if r["error"]:
                problems.append(f"{tag}: {r['error']}")
            last_key = r["toKey"]

        in_key_task = sum(1 for r in recs if r.get("swappedInKeyTask"))
        loading = sum(1 for r in recs if r["sawLoading"])
        waited = len(recs) - in_key_task - loading

        labels = nb.eval_json('int(w.labels["choice"].notna().sum())')
        as_a = nb.eval_json('int((w.labels["choice"] == "a").sum())')
        submitted = nb.eval_json('w.progress["submitted"]')
        widget_error = root.evaluate(
            "el => { const e = el.querySelector('[data-testid=\"error\"]');"
            " return e && !e.hidden ? e.innerText : ''; }"
        )
        console_errors = [m for m in nb.console_messages if m.startswith(("[error]", "[warning]"))]

        pace = f"{pause[0] * 1000:.0f}-{pause[1] * 1000:.0f} ms pause" if pause else "no pause"
        if fast:
            pace = f"an Enter every {FAST_INTERVAL * 1000:.0f} ms on a clock"
        print(f"\n== {title} ({pace}; {n_measured} items after 1 warm-up) ==")
        print(f"load average {' '.join(f'{v:.1f}' for v in os.getloadavg())}")
        print(f"images: {n_images} x 1024x768 JPEG q90, mean {mean_kb} KiB on disk")
        print(f"wall time for the measured items: {wall:.2f} s ({n_measured / wall:.1f} items/s)")
        print(f"widget nblabelTimings  {stats(timings)}")
        print(f"page watcher (painted) {stats(watcher)}")
        print(f"  of which Enter -> new img src on screen  {stats(to_src)}")
        print(f"  of which src -> img.decode() resolved     {stats(src_to_decoded)}")
        print(f"  of which decoded -> painted             {stats(decoded_to_paint)}")
        print(f"idle rAF interval (for scale)             {stats(frames)}")
        print(
            f"main-thread long tasks (>50 ms) during the run: {len(long_tasks)}"
            + (f", longest {max(long_tasks):.0f} ms" if long_tasks else "")
        )
        ok = len(watcher) == n_measured and len(timings) == n_measured
        print(
            f"target p95 <= {TARGET_P95_MS:.0f} ms: widget {p95(timings):.1f} ms -> "
            f"{'met' if p95(timings) <= TARGET_P95_MS and ok else 'NOT met'}; "
            f"watcher {p95(watcher):.1f} ms -> "
            f"{'met' if p95(watcher) <= TARGET_P95_MS and ok else 'NOT met'}"
        )
        print(
            f"next image already cached: {in_key_task}/{len(recs)} swapped during the Enter "
            f"keydown; {waited} waited for Python without a loading state; "
            f"{loading} showed 'loading' (prefetch miss)"
        )
        print(
            f"labels in Python: {labels} (expected {n_measured + 1} = 1 warm-up + "
            f"{n_measured}); 'a': {as_a}; progress.submitted: {submitted}"
        )
        journal = nb.eval_json("[ev.item for ev in sorted(w.store.states(), key=lambda e: e.seq)]")
        in_order = journal == sorted(journal, key=int) and len(set(journal)) == len(journal)
        print(
            f"journal: {len(journal)} submits, in the order the items were shown and each "
            f"once: {in_order}; Enter presses that labeled nothing (the next item was not on "
            f"screen yet): {n_measured + 1 - len(journal)}"
        )
        if stalled is not None:
            print(f"STALLED: item {stalled} of the measured run never arrived")
        print(f"arrival checks (key, label, marker pixels, focus): {len(problems)} problem(s)")
        if fast:
            # Each Enter's record takes the first new image after it: an Enter pressed before
            # the previous image was painted shares that image, which these checks flag.
            print("  (at 10/s, Enters that came before the previous image was painted show here)")
        for p in problems[:20]:
            print(f"  - {p}")
        print(f"widget error area: {widget_error!r}" if widget_error else "widget error area: -")
        print(f"page errors: {len(nb.page_errors)}")
        for e in nb.page_errors[:20]:
            print(f"  - {e}")
        print(f"console errors/warnings: {len(console_errors)}")
        for m in console_errors[:20]:
            print(f"  - {m[:300]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["paced", "no-pause", "10/s"], action="append")
    only = set(parser.parse_args().only or ["paced", "no-pause", "10/s"])
    # The kernels import nblabel from this checkout, whatever the venv has installed.
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO_ROOT), os.environ.get("PYTHONPATH", "")) if p
    )
    t0 = time.perf_counter()
    print(f"load average {' '.join(f'{v:.1f}' for v in os.getloadavg())} on {os.cpu_count()} CPUs")
    with isolated_jupyter_lab() as server, chromium(env=server.env.environ()) as browser:
        print(f"Chromium {browser.version}, JupyterLab on {server.url}")
        if "paced" in only:
            run_scenario(server, browser, "paced, prefetch has time", (0.15, 0.30))
        if "no-pause" in only:
            run_scenario(server, browser, "no pause, outrunning prefetch", None)
        if "10/s" in only:
            run_scenario(server, browser, "10 items/s, key auto-repeat pace", None, fast=True)
    print(f"\n(total {time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
