"""Smart mode in Chromium (JupyterLab, headless), issue #19: a click on a 1024 x 768 image ->
the model's mask drawn as a prediction, timed in the page.

t0 is the click's ``pointerdown`` (a capturing listener on the viewport); t1 the first frame
painted after the answer's mask is on screen (the layer's ``nblabelSmartDrawnAt``, then a
requestAnimationFrame and a message, i.e. after that frame). The model's own time is the
``seconds`` Python measured around the callable alone and sent with the answer (until
smart3 it also held nblabel's checks of the answer, which were thus left out of "without
the model": they are in it now).

Two models:
- "zero-time": returns a mask made beforehand (a different one per click: no decode cache
  helps), so click -> drawn is all nblabel: the request, the checks of the answer (its RLE
  decoded), the mask at the display size sent as one bit per pixel, the canvas painted.
  Target: p95 <= 30 ms.
- ``assist="default"``: the built-in classical segmenter (nblabel.tags.assist) on the click.
  Target: total p95 <= 150 ms.

And, in the zero-time model's notebook, the floor under both: an "echo" widget of a few
lines whose click sends an empty message that Python answers at once with the bits of a
mask's bounding box (the size of the labeler's answers), painted into a canvas in the page
and timed to the painted frame the same way.
What is left between the floor and the labeler's figure is nblabel's.

Where the time goes is traced on one wall clock (``time.time()`` in the kernel,
``performance.timeOrigin + performance.now()`` in the page, one machine): the page's
websocket frames (a wrapper installed before JupyterLab opens its kernel's socket), the
kernel dispatching the comm message, nblabel's handler, the reply handed to the comm, and
the IOPub thread putting it on its socket.

Each click starts a new prompt (Esc drops the previous answer), one every 250 ms; in the
zero-time model's notebook as many echo clicks follow, so the floor is measured a minute
after the figure it bounds, under much the same load. Figures only, no asserts. From
the repo root::

    python benchmarks/bench_smart_click.py [clicks]
"""

from __future__ import annotations

import os
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

N_CLICKS = int(sys.argv[1]) if len(sys.argv) > 1 else 40

# Blobs of distinct colours on a textured ground: the segmenter has real work, and each
# click's object differs.
IMAGE = """\
import time
import numpy as np, pandas as pd
import nblabel
from nblabel.tags.rle import encode_mask
rng = np.random.default_rng(7)
img = (rng.normal(200, 6, (768, 1024, 3))).clip(0, 255).astype(np.uint8)
blobs = []
for i in range(12):
    r, c = 80 + (i // 4) * 230, 90 + (i % 4) * 240
    h, w = 120 + 10 * (i % 3), 150 + 12 * (i % 4)
    img[r:r + h, c:c + w] = rng.integers(20, 160, 3)
    blobs.append((r + h // 2, c + w // 2))
df = pd.DataFrame({"image": [img, img.copy()]}, index=["b0", "b1"])
"""

ZERO = """
# Masks made beforehand, one per click (the answer's RLE is new each time).
masks = []
for k in range(%d):
    m = np.zeros((768, 1024), bool)
    r, c = 60 + (k * 37) %% 500, 60 + (k * 53) %% 760
    m[r:r + 160, c:c + 200] = True
    masks.append(encode_mask(m))
calls = iter(range(10**9))
def zero(item, prompt):
    k = next(calls) %% len(masks)
    return [{"from_name": "mask", "to_name": "image", "type": "brushlabels",
             "original_width": 1024, "original_height": 768,
             "value": {"format": "rle", "rle": masks[k], "brushlabels": ["obj"]}}]
w = nblabel.ImageLabeler(df, masks=["obj"], assist=zero, job="bench-smart-zero")
w
"""

DEFAULT = """
w = nblabel.ImageLabeler(df, masks=["obj"], assist="default", job="bench-smart-default")
w
"""

# Python's own share of a prompt: from the assist request's handler on the kernel's message
# thread until its reply is handed to the comm (the model included), per request id. And
# the wall-clock times at which the kernel dispatched the comm message, the handler began,
# the reply was handed to the comm and the IOPub thread put it on its socket.
TIMED = """
import re as _re, time as _time
import ipykernel.iostream as _iostream
from nblabel.widgets.labeler import Labeler as _Labeler
_inner = _Labeler._HANDLERS["assist"]
_t_in, py_ms, trace = {}, [], {}
def _timed(self, content):
    _t_in[content.get("id")] = _time.perf_counter()
    trace.setdefault(content.get("id"), {})["handler"] = _time.time()
    return _inner(self, content)
_Labeler._HANDLERS["assist"] = _timed
_send = w.send
def _timed_send(msg, buffers=None):
    t0 = _t_in.pop(msg.get("id"), None)
    trace.setdefault(msg.get("id"), {})["handed"] = _time.time()
    _send(msg, buffers)
    if t0 is not None and not msg.get("superseded"):
        py_ms.append(1000 * (_time.perf_counter() - t0))
w.send = _timed_send
_kernel = get_ipython().kernel
_comm_msg = getattr(_kernel, "_nbl_comm_msg", _kernel.shell_handlers["comm_msg"])
_kernel._nbl_comm_msg = _comm_msg
def _traced_comm_msg(stream, ident, msg):
    try:
        rid = msg["content"]["data"]["content"].get("id")
    except Exception:
        rid = None
    if rid is not None:
        trace.setdefault(rid, {})["dispatch"] = _time.time()
    return _comm_msg(stream, ident, msg)
_kernel.shell_handlers["comm_msg"] = _traced_comm_msg
_RID = _re.compile(rb'"kind": ?"reply", ?"id": ?"([^"]+)"')
_IOPub = _iostream.IOPubThread
if not hasattr(_IOPub, "_nbl_really_send"):
    _IOPub._nbl_really_send = _IOPub._really_send
def _really_send(self, msg, *args, **kwargs):
    self._nbl_really_send(msg, *args, **kwargs)
    for part in msg[:8]:
        if isinstance(part, bytes) and len(part) < 100_000:
            m = _RID.search(part)
            if m:
                trace.setdefault(m.group(1).decode(), {})["iopub"] = _time.time()
_IOPub._really_send = _really_send
"""

# The floor no change in nblabel can go below: a widget of a few lines whose click sends an
# empty message, which Python answers at once on the kernel's thread with the bits of the
# mask's bounding box (160 x 200 / 8 bytes) and the box, as the labeler's answer travels;
# the page paints the box into a canvas and waits for the painted frame, exactly as the
# labeler's click is timed.
ECHO_JS = """
export default { render({ model, el }) {
  const c = document.createElement("canvas");
  c.width = 1024; c.height = 768; c.style.width = "512px"; c.style.height = "384px";
  c.dataset.testid = "echo";
  el.append(c);
  const ctx = c.getContext("2d");
  let t0 = 0;
  let n = 0;
  c.addEventListener("pointerdown", () => {
    t0 = performance.now();
    n += 1;
    model.send({ kind: "echo", id: `pong-${n}` });
  });
  model.on("msg:custom", (msg, buffers) => {
    const back = performance.now();
    const b0 = buffers[0];
    const bits = new Uint8Array(b0.buffer, b0.byteOffset, b0.byteLength);
    const [top, left, rows, cols] = msg.box;
    const image = ctx.createImageData(cols, rows);
    const px = new Uint32Array(image.data.buffer);
    for (let i = 0; i < bits.length; i += 1) {
      const b = bits[i];
      if (b) for (let k = 0; k < 8; k += 1) if (b & (128 >> k)) px[i * 8 + k] = 0xff8040ff;
    }
    ctx.putImageData(image, left, top);
    const drawn = performance.now();
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        const done = window.__nblEchoDone;
        const at = { sent: performance.timeOrigin + t0, back: performance.timeOrigin + back };
        if (done) done({ total: performance.now() - t0, trip: back - t0, draw: drawn - back, at });
      };
      ch.port2.postMessage(null);
    });
  });
} };
"""

ECHO = f"""
import anywidget as _anywidget
class _Echo(_anywidget.AnyWidget):
    _esm = {ECHO_JS!r}
_echo_bits = []
for _k in range(8):
    _m = np.zeros((768, 1024), bool)
    _m[100 + 20 * _k:260 + 20 * _k, 200:400] = True  # 160 x 200, as the labeler's masks
    _top, _left = 100 + 20 * _k, 200
    _box = [_top, _left, 160, 200]  # top, left, rows, cols
    _bits = np.packbits(_m[_top:_top + 160, _left:_left + 200], axis=None)
    _echo_bits.append((_box, _bits.tobytes()))
_echo = _Echo()
_echo_n = [0]
def _pong(widget, content, buffers):
    _echo_n[0] += 1
    rid = content.get("id")
    trace.setdefault(rid, {{}})["handler"] = _time.time()
    trace[rid]["handed"] = _time.time()
    _box, _bits = _echo_bits[_echo_n[0] % 8]
    widget.send({{"kind": "reply", "id": rid, "box": _box}}, [_bits])
_echo.on_msg(_pong)
"""

# In the page, before JupyterLab opens its kernel's websocket: when each frame leaves and
# arrives (ms since the epoch), and the subprotocol agreed on.
WS_TRACE = """
(() => {
  const Native = window.WebSocket;
  const log = { sent: [], recv: [], protocols: [] };
  window.__nblWs = log;
  const now = () => performance.timeOrigin + performance.now();
  const size = (d) => (typeof d === "string" ? d.length : d.byteLength || d.size || 0);
  class Traced extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("open", () => log.protocols.push(this.protocol));
      this.addEventListener("message", (e) => {
        log.recv.push([now(), size(e.data)]);
        if (log.recv.length > 4000) log.recv.splice(0, 2000);
      });
    }
    send(data) {
      log.sent.push([now(), size(data)]);
      if (log.sent.length > 4000) log.sent.splice(0, 2000);
      return super.send(data);
    }
  }
  window.WebSocket = Traced;
})();
"""

JS_ARM = """
(root) => { window.__nblSmart = new Promise((resolve) => {
  const vp = root.querySelector('[data-testid=viewport]');
  const before = root.nblabelSmartDrawnAt || 0;
  const epoch = (t) => performance.timeOrigin + t;
  let t0 = null;
  const onDown = () => {
    t0 = performance.now();
    vp.removeEventListener('pointerdown', onDown, true);
  };
  vp.addEventListener('pointerdown', onDown, true);
  // The answer's canvas joins the DOM: the next frame paints it (the message posted from
  // that frame's requestAnimationFrame runs after the paint).
  const obs = new MutationObserver(() => {
    const at = root.nblabelSmartDrawnAt || 0;
    if (t0 == null || at === before) return;
    obs.disconnect();
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        const t1 = performance.now();
        const sent = root.nblabelSmartSentAt, back = root.nblabelSmartReplyAt;
        resolve({ total: t1 - t0, model: 1000 * (root.nblabelSmartModelSeconds || 0),
                  send: sent - t0, trip: back - sent, draw: at - back, frame: t1 - at,
                  at: { sent: epoch(sent), back: epoch(back) } });
      };
      ch.port2.postMessage(null);
    });
  });
  obs.observe(root, { childList: true, subtree: true, attributes: true });
}); }
"""


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q))


def line(label: str, values: list[float]) -> None:
    if values:
        print(f"  {label}: p50 {pct(values, 50):.1f} ms, p95 {pct(values, 95):.1f} ms")


class _TracedBrowser:
    """The browser, its pages' websockets traced from before JupyterLab opens them."""

    def __init__(self, browser: Any) -> None:
        self._browser = browser

    def new_context(self, **kwargs: Any) -> Any:
        context = self._browser.new_context(**kwargs)
        context.add_init_script(WS_TRACE)
        return context

    def __getattr__(self, name: str) -> Any:
        return getattr(self._browser, name)


def breakdown(recs: list[dict[str, Any]], trace: dict[str, dict[str, float]], ws: Any) -> None:
    """Each click's path on one clock: page -> socket -> kernel -> handler -> IOPub ->
    socket -> page, from the page's and the kernel's timestamps."""
    spans: dict[str, list[float]] = {
        k: []
        for k in (
            "prompt sent -> websocket send (JupyterLab)",
            "websocket send -> kernel dispatches the comm msg (server, kernel)",
            "kernel dispatch -> nblabel's handler",
            "handler -> reply handed to the comm (nblabel, model included)",
            "handed -> IOPub thread sends it",
            "IOPub send -> websocket receives it (server)",
            "websocket receive -> nblabel's reply handler (JupyterLab, widget manager)",
        )
    }
    names = list(spans)
    sent_ws = sorted(t for t, _ in ws["sent"])
    recv_ws = sorted(t for t, _ in ws["recv"])
    for rec in recs:
        sent, back = rec["at"]["sent"], rec["at"]["back"]
        tr = next(
            (
                v
                for v in trace.values()
                if "handler" in v and "iopub" in v and sent / 1000 <= v["handler"] <= back / 1000
            ),
            None,
        )
        out = next((t for t in sent_ws if t >= sent), None)
        inn = max((t for t in recv_ws if t <= back), default=None)
        if tr is None or out is None or inn is None:
            continue
        ms = {k: 1000 * v for k, v in tr.items()}
        marks = [sent, out, ms.get("dispatch", ms["handler"]), ms["handler"], ms["handed"]]
        marks += [ms["iopub"], inn, back]
        for name, a, b in zip(names, marks, marks[1:], strict=False):
            spans[name].append(b - a)
    print(f"  traced clicks: {len(spans[names[0]])} (one wall clock: page and kernel)")
    for name in names:
        line(name, spans[name])


ECHO_ARM = "() => { window.__nblEcho = new Promise((r) => (window.__nblEchoDone = r)); }"


def report_echo(recs: list[dict[str, Any]], nb: Any) -> None:
    print(f"floor (echo widget, right after, same page and kernel): {len(recs)} clicks")
    line("total, click -> painted", [r["total"] for r in recs])
    line("click -> reply in the page (round trip)", [r["trip"] for r in recs])
    line("reply -> canvas painted (JS)", [r["draw"] for r in recs])
    line("drawn -> painted frame", [r["total"] - r["trip"] - r["draw"] for r in recs])
    trace = {k: v for k, v in nb.eval_json("trace").items() if k.startswith("pong-")}
    breakdown(recs, trace, nb.page.evaluate("() => window.__nblWs"))


def run(server: Any, browser: Any, name: str, code: str, *, echo: bool = False) -> None:
    if echo:  # shown right under the labeler: both on screen at once
        code = ECHO + code.rstrip().removesuffix("\nw") + "\ndisplay(w, _echo)\n"
    cells = [IMAGE + code, TIMED]
    with LabNotebook.open(server, browser, make_notebook(*cells), name=name) as nb:
        page = nb.page
        nb.run_all(timeout=240)
        print(f"websocket subprotocol: {page.evaluate('() => window.__nblWs.protocols')}")
        root = page.locator('[data-testid="nblabel"]').first
        page.wait_for_function(
            "el => el.dataset.state === 'ready' && el.dataset.key === 'b0'",
            arg=root.element_handle(),
            timeout=60_000,
        )
        root.locator('[data-testid="viewport"] img').wait_for(state="visible")
        root.scroll_into_view_if_needed()
        root.focus()
        root.press("Shift+S")
        box = root.locator('[data-testid="viewport"]').bounding_box()
        assert box is not None
        blobs = nb.eval_json("blobs")
        handle = root.element_handle()
        recs: list[dict[str, Any]] = []
        for i in range(N_CLICKS + 3):
            r, c = blobs[i % len(blobs)]
            page.keyboard.press("Escape")
            page.evaluate(JS_ARM, handle)
            page.mouse.click(box["x"] + box["width"] * c / 1024, box["y"] + box["height"] * r / 768)
            rec = page.evaluate("() => window.__nblSmart")
            if i >= 3:  # warm-up: imports, the first decode of the image
                recs.append(rec)
            time.sleep(0.25)
        totals = [r["total"] for r in recs]
        models = [r["model"] for r in recs]
        ours = [t - m for t, m in zip(totals, models, strict=True)]
        print(f"{name}: {len(totals)} clicks on a 1024x768 image, click -> mask drawn")
        print(f"  total          p50 {pct(totals, 50):6.1f} ms   p95 {pct(totals, 95):6.1f} ms")
        print(f"  model's own    p50 {pct(models, 50):6.1f} ms   p95 {pct(models, 95):6.1f} ms")
        print(f"  without model  p50 {pct(ours, 50):6.1f} ms   p95 {pct(ours, 95):6.1f} ms")
        py = nb.eval_json("py_ms")[3:]
        line("in Python (handler -> reply sent, model included)", py)
        line("click -> prompt sent", [r["send"] for r in recs])
        line("sent -> answer back (Python, model included)", [r["trip"] for r in recs])
        line("answer -> mask on screen (JS)", [r["draw"] for r in recs])
        line("on screen -> painted frame", [r["frame"] for r in recs])
        breakdown(recs, nb.eval_json("trace"), page.evaluate("() => window.__nblWs"))
        page.keyboard.press("Escape")
        if echo:
            report_echo(run_echo(page), nb)


def run_echo(page: Any) -> list[dict[str, Any]]:
    """The floor's clicks, right after the labeler's, in the same page and kernel."""
    canvas = page.locator('[data-testid="echo"]').first
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    assert box is not None
    recs = []
    for i in range(N_CLICKS + 3):
        page.evaluate(ECHO_ARM)
        page.mouse.click(box["x"] + 10 + 7 * (i % 20), box["y"] + 10 + 5 * (i % 10))
        rec = page.evaluate("() => window.__nblEcho")
        if i >= 3:
            recs.append(rec)
        time.sleep(0.25)
    return recs


def main() -> None:
    print(f"load average before: {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")
    with isolated_jupyter_lab() as server, chromium() as browser:
        traced = _TracedBrowser(browser)
        run(server, traced, "zero-time model", ZERO % (N_CLICKS + 3), echo=True)
        run(server, traced, 'assist="default"', DEFAULT)
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
