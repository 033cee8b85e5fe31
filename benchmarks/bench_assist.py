"""The built-in smart tools' time (assist="default"), on a 1024 x 768 image.

Issue 19's target: a click or a box -> the mask, with the built-in classical segmenter,
total p95 <= 150 ms. "Total" is the whole :meth:`nblabel.Job.assist` call: the image read
and turned upright, the segmenter, the answer encoded as Label Studio result items (the
brush RLE, the outline polygon or the bounding box) and checked against the schema.

Two cases per prompt and control:

- **first**: the first prompt on an item (a fresh file each run: the PNG is decoded);
- **refine**: the same prompt again on that item, as a refining click is (what the
  assistant keeps per image is reused).

Wall time and CPU time of this process (median, p95): the machine is shared, so the wall
time depends on the load, printed before and after; the CPU time much less.
``--baseline REV`` runs the segmenter of ``nblabel/tags/assist.py`` at git revision REV
through the same ``Job.assist`` in the same run (default a01c3ea: before it worked on a
shrunk copy and kept images between prompts). Figures only, no asserts. From the repo root::

    python benchmarks/bench_assist.py [--repeat 30] [--baseline [REV]]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import types
from collections.abc import Callable
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
from PIL import Image

import nblabel
from nblabel import Point, Prompt

#: The commit before the segmenter worked on a shrunk copy and kept images between prompts.
BEFORE = "a01c3ea"
ROOT = Path(__file__).resolve().parents[1]


def picture(width: int = 1024, height: int = 768, seed: int = 0) -> np.ndarray:
    """A noisy background with a few filled ellipses: something a click can find."""
    rng = np.random.default_rng(seed)
    img = rng.normal(200, 12, (height, width, 3))
    yy, xx = np.mgrid[:height, :width]
    for cx, cy, rx, ry, colour in [
        (300, 300, 140, 90, (180, 40, 40)),
        (700, 450, 120, 160, (40, 150, 60)),
        (850, 150, 80, 60, (40, 60, 170)),
    ]:
        inside = ((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2 <= 1
        img[inside] = rng.normal(colour, 10, (int(inside.sum()), 3))
    return np.clip(img, 0, 255).astype(np.uint8)


def baseline_module(rev: str) -> types.ModuleType:
    """``nblabel/tags/assist.py`` as it was at git revision ``rev``, imported beside the
    current one (its relative imports resolve in the current package)."""
    source = subprocess.run(
        ["git", "show", f"{rev}:nblabel/tags/assist.py"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    module = types.ModuleType("nblabel.tags._assist_baseline")
    module.__package__ = "nblabel.tags"
    sys.modules[module.__name__] = module
    exec(compile(source, f"{rev}:nblabel/tags/assist.py", "exec"), module.__dict__)
    return module


def timed(runs: list[Callable[[], object]]) -> tuple[np.ndarray, np.ndarray]:
    """Wall and CPU milliseconds of each of ``runs``."""
    wall, cpu = [], []
    for run in runs:
        t0, c0 = time.perf_counter(), time.process_time()
        run()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return np.array(wall), np.array(cpu)


def load() -> str:
    return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--baseline", nargs="?", const=BEFORE, default=None, metavar="REV")
    args = parser.parse_args()
    pixels = picture()
    h, w = pixels.shape[:2]
    click = Point(300 / w * 100, 300 / h * 100)
    away = Point(50 / w * 100, 50 / h * 100, positive=False)
    box = (150 / w * 100, 200 / h * 100, 300 / w * 100, 200 / h * 100)
    prompts: dict[str, dict[str, object]] = {
        "a click": {"points": (click,)},
        "a click + a negative": {"points": (click, away)},
        "a box": {"box": box},
        "a box + a click": {"box": box, "points": (click,)},
    }
    versions: dict[str, Callable[[nblabel.Schema], object]] = {"now": lambda schema: "default"}
    if args.baseline:
        old = baseline_module(args.baseline)
        versions = {args.baseline: old.default_assist, **versions}
    print(f"image {w} x {h}, {args.repeat} runs each; {os.cpu_count()} cores, {load()}")
    print(f"{'':<46}{'wall median':>12}{'wall p95':>10}{'CPU median':>12}{'CPU p95':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        # One file per run: a first prompt on an item always reads a new image.
        paths = []
        for i in range(args.repeat + 1):
            paths.append(Path(tmp) / f"big{i}.png")
            Image.fromarray(pixels).save(paths[-1])
        df = pd.DataFrame({"path": [str(p) for p in paths]})
        worst: dict[str, float] = {}
        for shorthand, control in (("masks", "mask"), ("polygons", "polygon"), ("boxes", "box")):
            schema = nblabel.Schema.from_shorthands(image="path", **{shorthand: ["thing"]})
            for name, prompt_args in prompts.items():
                prompt = Prompt(object="image", control=control, **prompt_args)  # type: ignore[arg-type]
                for version, make in versions.items():
                    job = nblabel.Job(df, schema, store=":memory:", assist=make(schema))  # type: ignore[arg-type]
                    assert job.assist(prompt, item=job.items.key(0)), job.errors
                    keys = [job.items.key(i) for i in range(1, args.repeat + 1)]
                    ask = job.assist
                    for case, runs in (
                        ("first", [partial(ask, prompt, item=k) for k in keys]),
                        ("refine", [partial(ask, prompt, item=keys[-1])] * args.repeat),
                    ):
                        wall, cpu = timed(runs)
                        assert job.errors.empty, job.errors
                        p95 = float(np.percentile(wall, 95))
                        worst[version] = max(worst.get(version, 0.0), p95)
                        label = f"{name} -> {control}, {case} ({version})"
                        cpu95 = np.percentile(cpu, 95)
                        print(f"{label:<46}{np.median(wall):9.1f} ms{p95:7.1f} ms"
                              f"{np.median(cpu):9.1f} ms{cpu95:7.1f} ms")  # fmt: skip
    print("worst p95: " + ", ".join(f"{v} {ms:.1f} ms" for v, ms in worst.items()) + f"; {load()}")


if __name__ == "__main__":
    main()
