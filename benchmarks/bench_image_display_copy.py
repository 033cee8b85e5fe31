"""Display copy of a 50-megapixel image: time to make it, and bytes sent vs the file.

Target (issue 3): first paint of a 50 MP JPEG <= 1 s, bytes sent <= 1/10 of the file size.
The Python side of that is ``Items.load`` (open, decode, cut to ``display_size``, re-encode);
this measures it for a JPEG (with and without EXIF orientation 6), a PNG and a TIFF, plus
the submit/prediction path for 20 boxes on a new item.

Opened twice (issue #21, target: second open <= 100 ms): a labeler over the 50 MP PNG with a
store on disk asks for its first item's payload (what the browser is sent), is closed, and a
new labeler on the same store asks again. Python's share only: from the fetch request to
the payload and its image buffer, not the browser's decode and paint.

    python benchmarks/bench_image_display_copy.py            # about half a minute
    python benchmarks/bench_image_display_copy.py --repeat 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from PIL import Image

WIDTH, HEIGHT = 8660, 5774  # 50.0 MP


def make_photo(folder: Path) -> Image.Image:
    """Smooth gradients plus noise: compresses like a photo, not like a flat test card."""
    rng = np.random.default_rng(0)
    small = rng.integers(0, 256, (HEIGHT // 64 + 1, WIDTH // 64 + 1, 3), dtype=np.uint8)
    img = Image.fromarray(small, "RGB").resize((WIDTH, HEIGHT), Image.Resampling.BILINEAR)
    noise = rng.integers(-12, 13, (HEIGHT, WIDTH, 3), dtype=np.int16)
    arr = np.clip(np.asarray(img, dtype=np.int16) + noise, 0, 255).astype(np.uint8)
    return Image.fromarray(arr, "RGB")


def files(folder: Path, only: str | None = None) -> dict[str, Path]:
    photo = make_photo(folder)
    out = {}
    if only == "png":
        out["png"] = folder / "big.png"
        photo.save(out["png"], compress_level=1)
        return out
    out["jpeg"] = folder / "big.jpg"
    photo.save(out["jpeg"], quality=90)
    exif = Image.Exif()
    exif[0x0112] = 6
    out["jpeg, EXIF 6"] = folder / "big_rotated.jpg"
    photo.transpose(Image.Transpose.ROTATE_90).save(out["jpeg, EXIF 6"], quality=90, exif=exif)
    out["png"] = folder / "big.png"
    photo.save(out["png"], compress_level=1)
    out["tiff"] = folder / "big.tif"
    photo.save(out["tiff"])
    out["tiff, deflate"] = folder / "big_deflate.tif"
    photo.save(out["tiff, deflate"], compression="tiff_adobe_deflate")
    return out


def display_copy(paths: dict[str, Path], repeat: int) -> None:
    from nblabel.core.items import Items, Sources
    from nblabel.tags import Schema

    schema = Schema.from_shorthands(image="path", boxes=["car"])
    # CPU seconds too: on a shared machine the wall time says more about the neighbours.
    print(f"{'file':<15} {'MB':>7} {'median s':>9} {'max s':>7} {'CPU s':>6} {'sent KB':>8} "
          f"{'ratio':>8}")  # fmt: skip
    for name, path in paths.items():
        data = pd.DataFrame({"path": [str(path)]})
        items = Sources(schema, Items(data, schema.objects), {"image": {"display_size": 1280}})
        times, cpu, sent = [], [], 0
        for _ in range(repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            payload, buffers = items.load(0)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            sent = sum(len(b) for b in buffers)
            assert payload["error"] is None, payload["error"]
        size = path.stat().st_size
        print(
            f"{name:<15} {size / 1e6:7.1f} {statistics.median(times):9.3f} {max(times):7.3f} "
            f"{statistics.median(cpu):6.2f} {sent / 1e3:8.1f} {sent / size:8.4f}"
        )


def next_item_with_predictions(repeat: int) -> None:
    """Python's share of 'next image painted after submit, 20 predicted boxes': the
    submit request (validate, commit) and the new ``current`` with its predictions."""
    import nblabel
    from nblabel import regions
    from nblabel.widgets import protocol

    rng = np.random.default_rng(1)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i in range(repeat + 2):
            p = Path(tmp) / f"s{i}.jpg"
            Image.new("RGB", (1280, 960), (i * 7 % 255, 90, 120)).save(p)
            paths.append(str(p))

        def predict(row):
            boxes = []
            for _ in range(20):
                x, y = rng.uniform(0, 1000), rng.uniform(0, 700)
                boxes.append(regions.rectangle("box", "car", x=x, y=y, width=100, height=80,
                                               size=(1280, 960)))  # fmt: skip
            return {"result": boxes, "score": 0.7}

        df = pd.DataFrame({"path": paths})
        w = nblabel.ImageLabeler(df, image="path", boxes=["car", "bus"], predictions=predict,
                                 store=Path(tmp) / "s.sqlite")  # fmt: skip
        w.send = lambda content, buffers=None: None
        times = []
        for i in range(repeat):
            shown = w.current["predictions"]
            t0 = time.perf_counter()
            w._handle_custom_msg({"kind": protocol.SUBMIT, "id": i, "key": w.current["key"],
                                  "result": shown, "lead_time": 1.0}, [])  # fmt: skip
            times.append(time.perf_counter() - t0)
            assert len(w.current["predictions"]) == 20
        times.sort()
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        median = statistics.median(times)
        print(
            "submit 20 boxes -> next item with 20 predicted boxes (Python): "
            f"median {median * 1e3:.1f} ms, p95 {p95 * 1e3:.1f} ms"
        )


def opened_twice(path: Path, repeat: int) -> None:
    """First and second open of one huge file, each by a new labeler on the same store."""
    import nblabel

    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "twice.nblabel.sqlite"
        df = pd.DataFrame({"path": [str(path)]})
        times: list[float] = []
        for _ in range(1 + repeat):
            w = nblabel.ImageLabeler(df, image="path", choices=["a", "b"], store=store)
            t0 = time.perf_counter()
            payloads, _buffers = w.job.fetch([w.current["key"]], limit=1)
            times.append(time.perf_counter() - t0)
            assert payloads[0]["error"] is None, payloads[0]["error"]
            w.close()
        again = statistics.median(times[1:])
        print(
            f"{path.suffix[1:]} {path.stat().st_size / 1e6:.0f} MB opened twice (new labeler, "
            f"same store): first {times[0] * 1e3:.0f} ms, again {again * 1e3:.1f} ms "
            f"(median of {repeat}: {', '.join(f'{t * 1e3:.1f}' for t in times[1:])} ms)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--twice", action="store_true", help="only the PNG opened twice")
    args = parser.parse_args()
    print(f"load average {' '.join(f'{v:.1f}' for v in os.getloadavg())} on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        paths = files(Path(tmp), only="png" if args.twice else None)
        print(f"made {WIDTH} x {HEIGHT} test files in {time.perf_counter() - t0:.1f} s")
        if not args.twice:
            display_copy(paths, args.repeat)
        opened_twice(paths["png"], args.repeat)
    if not args.twice:
        next_item_with_predictions(max(20, args.repeat))


if __name__ == "__main__":
    main()
