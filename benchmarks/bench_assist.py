"""The built-in smart tools' time (assist="default"), on a 1024 x 768 image.

Issue 19's target: click -> mask drawn with the built-in classical segmenter, total p95 <=
150 ms. This measures the Python part only: the segmenter from a click, a negative click
and a box, then the whole :meth:`nblabel.Job.assist` call (image read and upright, the
segmenter, the RLE, the check against the schema), per prompt. Figures only, no asserts.
From the repo root::

    python benchmarks/bench_assist.py [--repeat 30]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from PIL import Image

import nblabel
from nblabel import Point, Prompt
from nblabel.tags.assist import image_array, segment


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


def timed(fn, repeat: int) -> np.ndarray:
    fn()  # warm: imports, caches
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return np.array(out)


def show(name: str, ms: np.ndarray) -> None:
    print(f"{name:<44} median {np.median(ms):7.1f} ms   p95 {np.percentile(ms, 95):7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    pixels = picture()
    h, w = pixels.shape[:2]
    click = Point(300 / w * 100, 300 / h * 100)
    away = Point(50 / w * 100, 50 / h * 100, positive=False)
    box = (150 / w * 100, 200 / h * 100, 300 / w * 100, 200 / h * 100)
    print(f"image {w} x {h}, {args.repeat} runs each")
    show("segment: one click", timed(lambda: segment(pixels, points=(click,)), args.repeat))
    show(
        "segment: a click and a negative click",
        timed(lambda: segment(pixels, points=(click, away)), args.repeat),
    )
    show("segment: a box", timed(lambda: segment(pixels, box=box), args.repeat))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.png"
        Image.fromarray(pixels).save(path)
        df = pd.DataFrame({"path": [str(path)]})
        for shorthand, control in (("masks", "mask"), ("polygons", "polygon"), ("boxes", "box")):
            schema = nblabel.Schema.from_shorthands(image="path", **{shorthand: ["thing"]})
            job = nblabel.Job(df, schema, store=":memory:", assist="default")
            prompt = Prompt(object="image", control=control, points=(click,))
            answer = job.assist(prompt)
            assert answer, job.errors
            show(
                f"Job.assist, one click -> {control}",
                timed(lambda job=job, prompt=prompt: job.assist(prompt), args.repeat),
            )
        item = job.assist_item(job.items.key(0), "image")
        show("  of which: reading the PNG", timed(lambda: image_array(item), args.repeat))


if __name__ == "__main__":
    main()
