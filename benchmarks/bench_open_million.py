"""Opening a labeler over a 1,000,000-row DataFrame: warm and cold, time and memory.

Three measures, each saying what it includes:

* **warm** (in this process): nblabel and anywidget already imported and set up (a tiny
  labeler was made first); times ``Labeler(df, ...)`` alone, the first submit and the
  ``labels`` frame. What a second labeler in the same kernel costs.
* **cold, Python** (a fresh ``python`` process per case): pandas and the DataFrame exist;
  times ``import nblabel`` plus ``Labeler(df, ...)`` plus the first item's payload, wall and
  CPU, and the peak RSS growth above the process with its DataFrame (``VmHWM``, reset after
  the frame is made).
* **cold, browser** (``--browser``; JupyterLab + Debian's Chromium, a fresh kernel per case
  whose first cell made the DataFrame): from running the cell ``w = nblabel.Labeler(df,
  ...); w`` to the first item painted in the page (the widget's root ready, then the next
  frame painted), and the kernel's peak RSS growth then and once Label Studio's config
  parser (deferred to after the first item) has run.

Targets (issue #21): first item painted <= 0.5 s after the cell runs in a fresh kernel;
cold peak RSS growth <= 100 MB.

    python benchmarks/bench_open_million.py              # warm + cold Python
    python benchmarks/bench_open_million.py --browser    # + cold in JupyterLab/Chromium
"""

from __future__ import annotations

import argparse
import compileall
import gc
import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

N = 1_000_000

# The two frames, as code: the cold cases build them in a fresh process.
FRAMES = {
    "text, RangeIndex": (
        "import numpy as np, pandas as pd\n"
        "words = np.array(['good', 'bad', 'fine', 'awful', 'great', 'meh'])\n"
        f"df = pd.DataFrame({{'text': words[np.random.default_rng(0).integers(0, 6, {N})]}})\n",
        "text='text', choices=['pos', 'neg']",
    ),
    "image paths, string ids": (
        "import pandas as pd\n"
        f"df = pd.DataFrame({{'path': [f'/data/img_{{i:07d}}.jpg' for i in range({N})]}},\n"
        f"                  index=pd.Index([f'id-{{i}}' for i in range({N})]))\n",
        "image='path', choices=['cat', 'dog']",
    ),
    # Not a million: the other fresh-kernel case, 24 real 1024x768 JPEGs on disk.
    "24 images": (
        "import numpy as np, pandas as pd\n"
        "from PIL import Image\n"
        "_rng = np.random.default_rng(0)\n"
        "for _i in range(24):\n"
        "    _a = _rng.integers(0, 256, (48, 64, 3), dtype=np.uint8)\n"
        "    Image.fromarray(_a).resize((1024, 768)).save(f'img_{_i:02d}.jpg', quality=90)\n"
        "df = pd.DataFrame({'path': [f'img_{i:02d}.jpg' for i in range(24)]})\n"
        "del Image\n",
        "image='path', choices=['cat', 'dog']",
    ),
}

# Peak RSS of this process from now on (Linux: writing 5 to clear_refs resets VmHWM).
RESET_PEAK = (
    "def _status(field):\n"
    "    with open('/proc/self/status') as f:\n"
    "        return next(int(l.split()[1]) / 1024 for l in f if l.startswith(field))\n"
    "with open('/proc/self/clear_refs', 'w') as f:\n"
    "    f.write('5')\n"
    "_rss0 = _status('VmRSS')\n"
)


def rss_mb() -> float:
    with open(f"/proc/{os.getpid()}/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def load() -> str:
    return " ".join(f"{v:.1f}" for v in os.getloadavg())


# -- warm ---------------------------------------------------------------------------------------
def warm(name: str, frame_code: str, kwargs_code: str) -> None:
    import nblabel

    kwargs = eval(f"dict({kwargs_code})")
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)  # the frame's files (images) go here too
        scope: dict = {}
        exec(frame_code, scope)
        df = scope["df"]
        gc.collect()
        # Warm the imports and anywidget's class set-up once, on a tiny frame.
        nblabel.Labeler(df.head(3), job="warm", **kwargs).close()
        gc.collect()
        rss0 = rss_mb()
        tracemalloc.start()
        t0 = time.perf_counter()
        w = nblabel.Labeler(df, **kwargs)
        opened = time.perf_counter() - t0
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss1 = rss_mb()
        t0 = time.perf_counter()
        w.submit(w.schema.controls[0].values[0])
        submit = time.perf_counter() - t0
        t0 = time.perf_counter()
        labels = w.labels
        labels_s = time.perf_counter() - t0
        assert len(labels) == len(df) and labels.iloc[0].notna().any()
        w.close()
        os.chdir("/")
    print(
        f"warm  {name:<24} open {opened * 1000:7.1f} ms   python peak {peak / 2**20:6.1f} MB   "
        f"RSS +{rss1 - rss0:6.1f} MB   first submit {submit * 1000:5.1f} ms   "
        f"labels frame {labels_s * 1000:6.1f} ms"
    )


# -- cold, Python ---------------------------------------------------------------------------------
COLD_PYTHON = """
import json, os, sys, time
sys.path.insert(0, {root!r})
{frame}
{reset}
t0, c0 = time.perf_counter(), time.process_time()
import nblabel
w = nblabel.Labeler(df, {kwargs}, store="cold.nblabel.sqlite")
t1, c1 = time.perf_counter(), time.process_time()
payloads, buffers = w.job.fetch([w.current["key"]], limit=1)
t2, c2 = time.perf_counter(), time.process_time()
assert payloads[0]["error"] is None or "not found" in payloads[0]["error"]
peak = _status("VmHWM") - _rss0
sdk = any(m.startswith("label_studio_sdk") for m in sys.modules)
print(json.dumps(dict(open=t1 - t0, open_cpu=c1 - c0, fetch=t2 - t1, fetch_cpu=c2 - c1,
                      peak=peak, sdk=sdk, nblabel=nblabel.__file__)))
"""


def cold_python(name: str, frame_code: str, kwargs_code: str, repeat: int) -> None:
    runs = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            code = COLD_PYTHON.format(root=str(REPO_ROOT), frame=frame_code, reset=RESET_PEAK,
                                      kwargs=kwargs_code)  # fmt: skip
            out = subprocess.run([sys.executable, "-c", code], cwd=tmp, capture_output=True,
                                 text=True, check=True)  # fmt: skip
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    med = {k: float(np.median([r[k] for r in runs])) for k in ("open", "open_cpu", "fetch", "peak")}
    print(
        f"cold  {name:<24} import + open {med['open'] * 1000:7.0f} ms (CPU "
        f"{med['open_cpu'] * 1000:5.0f} ms)   first item's payload {med['fetch'] * 1000:5.1f} ms   "
        f"peak RSS +{med['peak']:5.1f} MB   label_studio_sdk imported: {runs[0]['sdk']}   "
        f"(median of {repeat} processes)"
    )


# -- cold, browser --------------------------------------------------------------------------------
# After the run command: the widget's root, ready, then the next frame painted.
JS_RUN_AND_WAIT = """
async ([path, index, ms]) => {
  const app = window.jupyterapp;
  let panel = null;
  for (const w of app.shell.widgets('main')) if (w.context && w.context.path === path) panel = w;
  const node = panel.content.node;
  const painted = new Promise((resolve) => {
    const check = () => {
      const root = node.querySelector('[data-testid="nblabel"][data-state="ready"]');
      if (!root) return false;
      observer.disconnect();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now());
        ch.port2.postMessage(null);
      });
      return true;
    };
    const observer = new MutationObserver(check);
    observer.observe(node, { subtree: true, childList: true, attributes: true,
                             attributeFilter: ['data-state'] });
  });
  panel.content.activeCellIndex = index;
  const t0 = performance.now();
  app.commands.execute('notebook:run-cell');
  const t1 = await Promise.race([painted, new Promise((r) => setTimeout(() => r(null), ms))]);
  return t1 == null ? null : t1 - t0;
}
"""

BROWSER_CELL = (
    "import time as _time\n"
    "_t0 = _time.perf_counter()\n"
    "import nblabel\n"
    "w = nblabel.Labeler(df, {kwargs}, store='cold.nblabel.sqlite')\n"
    "_made = _time.perf_counter() - _t0\n"
    "w\n"
)


def cold_browser(cases: dict[str, tuple[str, str]], repeat: int) -> None:
    from tests.ui.jupyter_harness import LabNotebook, chromium, isolated_jupyter_lab, make_notebook

    # The kernels import nblabel from this checkout, whatever the venv has installed.
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO_ROOT), os.environ.get("PYTHONPATH", "")) if p
    )
    with isolated_jupyter_lab() as server, chromium(env=server.env.environ()) as browser:
        for name, (frame_code, kwargs_code) in cases.items():
            paints, made, peaks, after = [], [], [], []
            for _ in range(repeat):
                nb_obj = make_notebook(
                    frame_code + RESET_PEAK, BROWSER_CELL.format(kwargs=kwargs_code)
                )
                with LabNotebook.open(server, browser, nb_obj, name="cold-open") as nb:
                    path = nb.path
                    # Cell 0 (the DataFrame) first, then the timed cell in this fresh kernel.
                    nb.page.evaluate(
                        "async ([path]) => { const app = window.jupyterapp;"
                        " for (const w of app.shell.widgets('main')) if (w.context &&"
                        " w.context.path === path) { w.content.activeCellIndex = 0;"
                        " await app.commands.execute('notebook:run-cell'); } }",
                        [path],
                    )
                    nb.wait_for_kernel_idle(timeout=120)
                    nb.eval_in_kernel(RESET_PEAK)
                    ms = nb.page.evaluate(JS_RUN_AND_WAIT, [path, 1, 120_000])
                    if ms is None:
                        raise RuntimeError(f"{name}: the first item was never painted")
                    nb.wait_for_kernel_idle(timeout=120)
                    paints.append(ms)
                    made.append(nb.eval_json("_made") * 1000)
                    peaks.append(nb.eval_json("_status('VmHWM') - _rss0"))
                    # (getattr: a checkout from before the deferred parse has no such thread.)
                    nb.eval_in_kernel(
                        "_check = getattr(w, '_schema_check', None)\n"
                        "if _check is not None: _check.join(120)"
                    )
                    after.append(nb.eval_json("_status('VmHWM') - _rss0"))
            print(
                f"cold  {name:<24} cell run -> first item painted {np.median(paints):6.0f} ms "
                f"(of which Python import + Labeler {np.median(made):5.0f} ms)   kernel peak "
                f"RSS +{np.median(peaks):5.1f} MB at first paint, +{np.median(after):5.1f} MB "
                f"after Label Studio's parser ran   (median of {repeat} fresh kernels; "
                f"runs: {', '.join(f'{p:.0f}' for p in paints)} ms; load {load()})"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--browser", action="store_true", help="also the cold case in Chromium")
    parser.add_argument("--repeat", type=int, default=3, help="fresh processes per cold case")
    parser.add_argument("--case", choices=list(FRAMES), action="append", help="only these")
    parser.add_argument("--cold", action="store_true", help="skip the warm cases")
    args = parser.parse_args()
    frames = {k: v for k, v in FRAMES.items() if not args.case or k in args.case}
    # A fresh kernel of an installed nblabel reads its compiled .pyc files; this checkout's
    # may be missing or stale (and PYTHONDONTWRITEBYTECODE=1 keeps them so), which would add
    # compiling nblabel (~0.3 s) to every cold figure.
    compileall.compile_dir(str(REPO_ROOT / "nblabel"), quiet=1)
    print(
        f"1,000,000 rows; pandas {pd.__version__}; load average {load()} on {os.cpu_count()} CPUs"
    )
    for name, (frame_code, kwargs_code) in frames.items():
        if not args.cold:
            warm(name, frame_code, kwargs_code)
    for name, (frame_code, kwargs_code) in frames.items():
        cold_python(name, frame_code, kwargs_code, args.repeat)
    if args.browser:
        cold_browser(frames, args.repeat)
    print(f"load average after: {load()}")


if __name__ == "__main__":
    main()
