"""nblabel next to its peers: submit key -> next image painted, same images, one run.

Three tools label the same 1024x768 JPEGs (benchmarks/bench_submit_to_paint.py's images: a
grey marker block in each encodes its index) with one choice per image, in one headless
Chromium (Debian's), interleaved in rounds so that the machine's load falls on all alike:

* **nblabel**: ``ImageLabeler(df, image="path", choices=[...])`` in JupyterLab; ``1``, ``Enter``.
* **ipyannotations** 0.5.1 from PyPI (``pip install 'nblabel[peers]'``): its
  ``images.ClassLabeller`` in the same JupyterLab, wired the way its documentation shows
  (``on_submit`` stores the label and ``display``s the next path); ``1`` picks and submits.
* **Label Studio** 1.23 (``python -m nblabel.labelstudio.localserver install``): a local
  server, the images uploaded into a project (one task each), its labeling stream opened in
  the browser after logging in; ``1`` (the choice's hotkey), ``Ctrl+Enter`` (submit).

Two paces: **human**, after the image is painted wait 0.3-0.6 s, then the keys; **10/s**,
the keys every 100 ms on a clock whatever is on screen (key auto-repeat pace).

What is measured, per submit key press, by a watcher this script installs in each page (no
tool's own timers): from the keydown of the submit key (``Enter``; ``1`` for ipyannotations)
to the first *different* image painted after it (the ``img`` on screen changed its ``src``,
``img.decode()`` resolved, and the next frame was painted). At 10/s a tool that drops keys or
lags shows it here: a key pressed while the next image has not come yet waits for it (and
the figures of such runs include that wait). Also printed: how many submits each tool
stored against how many keys were pressed, and whether the images painted followed each
other (marker n, then n + 1).

Figures only; the ratios are of medians (and p90s) measured in this same run. Needs
JupyterLab, Chromium and Label Studio's venv; several minutes. From the repo root::

    python benchmarks/bench_peers.py
    python benchmarks/bench_peers.py --rounds 2 --without label-studio
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path
from typing import Any

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[1]
for p in (REPO_ROOT, REPO_ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from bench_submit_to_paint import GENERATE  # noqa: E402

from tests.ui.jupyter_harness import (  # noqa: E402
    LabNotebook,
    chromium,
    isolated_jupyter_lab,
    make_notebook,
)

N_IMAGES = 200
HUMAN_BATCH = 8  # items per tool per round at a human pace
FAST_BATCH = 20  # key presses per tool per round at 10/s
FAST_INTERVAL = 0.1
CHOICES = ["a", "b", "c"]

NBLABEL_CELL = """
import pandas as pd
import nblabel
w = nblabel.ImageLabeler(pd.DataFrame({"path": PATHS}), image="path", choices=CHOICES)
w
"""

# As ipyannotations' documentation wires a labeller to a queue of data.
IPYANNOTATIONS_CELL = """
from ipyannotations.images import ClassLabeller
labels = []
queue = iter(PATHS)
widget = ClassLabeller(options=CHOICES, allow_freetext=False)
def store(label):
    labels.append(label)
    try:
        widget.display(next(queue))
    except StopIteration:
        pass
widget.on_submit(store)
widget.display(next(queue))
widget
"""

LS_CONFIG = (
    '<View><Image name="image" value="$image"/><Choices name="choice" toName="image">'
    + "".join(f'<Choice value="{c}" hotkey="{i}"/>' for i, c in enumerate(CHOICES, 1))
    + "</Choices></View>"
)

# Watcher: every change of the image on screen (selector: the last match) is a new
# "version"; each is logged once painted. Each submit key press logs the version on screen.
JS_INSTALL = """
([selector, key, ctrl]) => {
  const st = { presses: [], paints: [], version: 0, src: null };
  window.__peer = st;
  const main = () => {
    const all = document.querySelectorAll(selector);
    return all[all.length - 1];
  };
  const afterNextPaint = (fn) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { ch.port1.close(); fn(); };
    ch.port2.postMessage(null);
  });
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
  const check = () => {
    const img = main();
    if (!img || !img.getAttribute('src') || img.src === st.src) return;
    st.src = img.src;
    const version = ++st.version;
    img.decode().then(() => afterNextPaint(() => {
      if (!img.isConnected) return; // replaced before it was painted
      const t = performance.now();
      let m = null;
      try { m = marker(img); } catch (e) { /* tainted or gone */ }
      st.paints.push({ t, version, marker: m });
    }), () => {});
  };
  new MutationObserver(check).observe(document.body, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['src'],
  });
  check();
  document.addEventListener('keydown', (e) => {
    if (e.key !== key || e.repeat || (ctrl && !e.ctrlKey)) return;
    st.presses.push({ t: performance.now(), version: st.version });
  }, true);
}
"""

JS_PAINTED = "() => { const st = window.__peer; const p = st.paints[st.paints.length - 1];"
JS_PAINTED += " return !!p && p.version === st.version; }"


class Tool:
    name = ""
    selector = ""
    key = ""
    keys: tuple[str, ...] = ()
    ctrl = False
    page: Any = None

    def install(self) -> None:
        self.page.evaluate(JS_INSTALL, [self.selector, self.key, self.ctrl])

    def focus(self) -> None:
        self.page.bring_to_front()

    def press(self) -> None:
        for k in self.keys:
            self.page.keyboard.press(k)

    def submitted(self) -> int:
        raise NotImplementedError

    def state(self) -> dict[str, Any]:
        return self.page.evaluate(
            "() => ({presses: window.__peer.presses, paints: window.__peer.paints})"
        )


class Nblabel(Tool):
    name = "nblabel"
    selector = 'img[data-testid="image"]'
    key = "Enter"
    keys = ("1", "Enter")

    def __init__(self, server, browser, paths: list[str]) -> None:
        cell = NBLABEL_CELL.replace("PATHS", repr(paths)).replace("CHOICES", repr(CHOICES))
        self.nb = LabNotebook.open(server, browser, make_notebook(cell), name="peer-nblabel")
        self.page = self.nb.page
        self.nb.run_all(timeout=240)
        self.root = self.page.locator('[data-testid="nblabel"]').first
        self.page.wait_for_function(
            "el => el.dataset.state === 'ready'"
            " && !!el.querySelector('img[data-testid=\"image\"]')",
            arg=self.root.element_handle(),
            timeout=60_000,
        )

    def focus(self) -> None:
        super().focus()
        self.root.focus()

    def submitted(self) -> int:
        return int(self.nb.eval_json('w.progress["submitted"]'))

    def close(self) -> None:
        self.nb.close()


class Ipyannotations(Tool):
    name = "ipyannotations"
    selector = ".widget-output img"
    key = "1"
    keys = ("1",)

    def __init__(self, server, browser, paths: list[str]) -> None:
        cell = IPYANNOTATIONS_CELL.replace("PATHS", repr(paths)).replace("CHOICES", repr(CHOICES))
        self.nb = LabNotebook.open(server, browser, make_notebook(cell), name="peer-ipyann")
        self.page = self.nb.page
        self.nb.run_all(timeout=240)
        self.page.locator(".widget-output img").first.wait_for(timeout=60_000)

    def focus(self) -> None:
        super().focus()
        # ipyevents listens while the pointer is over the widget.
        self.page.locator(".widget-output img").last.hover()

    def submitted(self) -> int:
        return int(self.nb.eval_json("len(labels)"))

    def close(self) -> None:
        self.nb.close()


class LabelStudio(Tool):
    name = "Label Studio"
    selector = 'img[src^="blob:"]'
    key = "Enter"
    keys = ("1", "Control+Enter")
    ctrl = True

    def __init__(self, browser, folder: Path, paths: list[str]) -> None:
        from nblabel.labelstudio.localserver import LocalServer

        self.server = LocalServer.start()
        self.headers = {"Authorization": f"Token {self.server.api_key}"}
        project = self._api("/api/projects", {"title": "peers", "label_config": LS_CONFIG})
        self.pid = project["id"]
        self._upload(paths)
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.page.goto(f"{self.server.url}/user/login/")
        self.page.fill('input[name="email"]', self.server.username)
        self.page.fill('input[name="password"]', self.server.password)
        self.page.click('button[type="submit"]')
        self.page.wait_for_load_state("networkidle")
        self.page.goto(f"{self.server.url}/projects/{self.pid}/data?labeling=1")
        self.page.locator(self.selector).first.wait_for(timeout=120_000)

    def _api(self, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(f"{self.server.url}{path}", data=data, headers={
            **self.headers, "Content-Type": "application/json"})  # fmt: skip
        with urllib.request.urlopen(req, timeout=120) as r:
            return json.load(r)

    def _upload(self, paths: list[str]) -> None:
        """Multipart imports of 50 files (Django takes at most 100 a request): one task per
        file, in this order."""
        for lo in range(0, len(paths), 50):
            self._upload_some(paths[lo : lo + 50])

    def _upload_some(self, paths: list[str]) -> None:
        boundary = uuid.uuid4().hex
        parts = []
        for i, p in enumerate(paths):
            head = (
                f'--{boundary}\r\nContent-Disposition: form-data; name="f{i:04d}"; '
                f'filename="{Path(p).name}"\r\nContent-Type: image/jpeg\r\n\r\n'
            )
            parts += [head.encode(), Path(p).read_bytes(), b"\r\n"]
        parts.append(f"--{boundary}--\r\n".encode())
        req = urllib.request.Request(
            f"{self.server.url}/api/projects/{self.pid}/import",
            data=b"".join(parts),
            headers={**self.headers, "Content-Type": f"multipart/form-data; boundary={boundary}"},
        )
        with urllib.request.urlopen(req, timeout=300) as r:
            assert json.load(r)["task_count"] == len(paths)

    def submitted(self) -> int:
        return int(self._api(f"/api/projects/{self.pid}")["num_tasks_with_annotations"])

    def close(self) -> None:
        self.context.close()
        self.server.stop()


def wait_painted(tool: Tool, timeout_ms: float = 30_000) -> bool:
    try:
        tool.page.wait_for_function(JS_PAINTED, timeout=timeout_ms, polling="raf")
        return True
    except Exception:
        return False


def settle(tool: Tool, quiet: float = 1.5, limit: float = 90.0) -> None:
    """Until the tool has painted what it has and nothing changed for ``quiet`` s."""
    deadline = time.monotonic() + limit
    last, since = None, time.monotonic()
    while time.monotonic() < deadline:
        n = tool.page.evaluate("() => window.__peer.version + ':' + window.__peer.paints.length")
        if n != last:
            last, since = n, time.monotonic()
        elif time.monotonic() - since >= quiet and tool.page.evaluate(JS_PAINTED):
            return
        time.sleep(0.1)


def wait_next(tool: Tool, version: int, timeout_ms: float = 30_000) -> bool:
    """Until an image later than ``version`` is painted."""
    try:
        tool.page.wait_for_function(
            "v => window.__peer.paints.some((p) => p.version > v)",
            arg=version,
            timeout=timeout_ms,
            polling="raf",
        )
        return True
    except Exception:
        return False


def human_batch(tool: Tool, n: int, rng: random.Random) -> tuple[int, int]:
    first = len(tool.state()["presses"])
    for _ in range(n):
        time.sleep(rng.uniform(0.3, 0.6))
        version = tool.page.evaluate("() => window.__peer.version")
        tool.press()
        if not wait_next(tool, version):
            break
    return first, len(tool.state()["presses"])


def fast_batch(tool: Tool, n: int) -> tuple[int, int]:
    first = len(tool.state()["presses"])
    t0 = time.perf_counter()
    for k in range(n):
        time.sleep(max(0.0, t0 + k * FAST_INTERVAL - time.perf_counter()))
        tool.press()
    settle(tool)
    return first, len(tool.state()["presses"])


def latencies(state: dict[str, Any], lo: int, hi: int) -> list[float | None]:
    """Per press: ms to the first paint of a later image than the one on screen at the key."""
    paints = state["paints"]
    out: list[float | None] = []
    for press in state["presses"][lo:hi]:
        hit = next((p for p in paints if p["version"] > press["version"]), None)
        out.append(None if hit is None else hit["t"] - press["t"])
    return out


def in_sequence(paints: list[dict[str, Any]]) -> tuple[int, int]:
    """How many consecutive paints show image n then n + 1 (markers are indexes mod 64)."""
    marks = [p["marker"] for p in paints]
    pairs = list(itertools.pairwise(marks))
    return sum(1 for a, b in pairs if a is not None and b == (a + 1) % 64), len(pairs)


def summary(values: list[float]) -> str:
    if not values:
        return "no figures"
    a = np.asarray(values)
    return f"median {np.median(a):7.1f} ms   p90 {np.percentile(a, 90):7.1f} ms   n {len(a)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--without", action="append", default=[], help="a tool to leave out")
    parser.add_argument("--dump", help="write every press and paint to this JSON file")
    args = parser.parse_args()
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO_ROOT), os.environ.get("PYTHONPATH", "")) if p
    )
    rng = random.Random(11)
    load = " ".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"load average {load} on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cwd = os.getcwd()
        os.chdir(folder)
        try:
            exec(GENERATE.replace("COUNT", str(N_IMAGES)), {})
        finally:
            os.chdir(cwd)
        paths = [str(folder / f"img_{i:03d}.jpg") for i in range(N_IMAGES)]
        with isolated_jupyter_lab() as server, chromium(env=server.env.environ()) as browser:
            print(f"Chromium {browser.version}; {N_IMAGES} x 1024x768 JPEG q90")
            tools: list[Tool] = [Nblabel(server, browser, paths)]
            if "ipyannotations" not in args.without:
                tools.append(Ipyannotations(server, browser, paths))
            if "label-studio" not in args.without:
                tools.append(LabelStudio(browser, folder, paths))
            try:
                for tool in tools:
                    tool.install()
                    tool.focus()
                    if not wait_painted(tool, 60_000):
                        raise RuntimeError(f"{tool.name}: the first image was never painted")
                    human_batch(tool, 1, rng)  # one warm-up submit, not counted
                spans: dict[str, dict[str, list[tuple[int, int]]]] = {
                    t.name: {"human": [], "10/s": []} for t in tools
                }
                for pace in ("human", "10/s"):
                    for r in range(args.rounds):
                        for tool in tools[r % len(tools) :] + tools[: r % len(tools)]:
                            tool.focus()
                            if pace == "human":
                                spans[tool.name][pace].append(human_batch(tool, HUMAN_BATCH, rng))
                            else:
                                spans[tool.name][pace].append(fast_batch(tool, FAST_BATCH))
                report(tools, spans)
                if args.dump:
                    Path(args.dump).write_text(json.dumps({t.name: t.state() for t in tools}))
            finally:
                for tool in tools:
                    tool.close()


def report(tools: list[Tool], spans: dict[str, dict[str, list[tuple[int, int]]]]) -> None:
    figures: dict[str, dict[str, tuple[float, float]]] = {}
    for tool in tools:
        state = tool.state()
        presses = len(state["presses"])
        # The kernel (or server) may still be storing what was sent ahead of it.
        stored, deadline = tool.submitted(), time.monotonic() + 60
        while stored < presses and time.monotonic() < deadline:
            time.sleep(2)
            if (now := tool.submitted()) == stored:
                break
            stored = now
        good, pairs = in_sequence(state["paints"])
        print(f"\n== {tool.name} ==")
        for pace, ranges in spans[tool.name].items():
            values = [v for lo, hi in ranges for v in latencies(state, lo, hi)]
            ok = [v for v in values if v is not None]
            missing = len(values) - len(ok)
            print(f"{pace:<6} key -> next image painted   {summary(ok)}"
                  + (f"   ({missing} keys never saw a next image)" if missing else ""))  # fmt: skip
            if ok:
                figures.setdefault(tool.name, {})[pace] = (
                    float(np.median(ok)),
                    float(np.percentile(ok, 90)),
                )
        print(f"submit keys pressed {presses} (1 warm-up included), submits stored {stored}; "
              f"images painted in sequence {good}/{pairs}")  # fmt: skip
    base = figures.get("nblabel", {})
    print("\n== ratios (peer / nblabel, same run) ==")
    for tool in tools[1:]:
        for pace, (med, p90) in figures.get(tool.name, {}).items():
            if pace in base:
                print(f"{tool.name:<15} {pace:<6} median {med / base[pace][0]:5.1f}x   "
                      f"p90 {p90 / base[pace][1]:5.1f}x")  # fmt: skip


if __name__ == "__main__":
    main()
