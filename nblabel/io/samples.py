"""Sample data made on the spot, for the demo notebooks, tests and benchmarks (no downloads)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from PIL import Image, ImageDraw

SHAPES = ("circle", "square", "triangle")

_REVIEWS = [
    ("An absolute delight from start to finish.", "pos"),
    ("The plot made no sense and the acting was worse.", "neg"),
    ("I would happily watch it again tomorrow.", "pos"),
    ("Two hours of my life I will not get back.", "neg"),
    ("Beautiful score, gorgeous photography, a real gem.", "pos"),
    ("Dull, predictable and far too long.", "neg"),
    ("The kids loved it and so did I 🎉", "pos"),
    ("Not even the cast could save this script.", "neg"),
    ("Sharp writing and a brilliant final act.", "pos"),
    ("I fell asleep halfway through.", "neg"),
    ("Funny, warm and surprisingly moving.", "pos"),
    ("A mess of a film with no idea what it wants to be.", "neg"),
]


def shapes(
    folder: str | Path, n: int = 24, *, size: tuple[int, int] = (640, 480), seed: int = 0
) -> pd.DataFrame:
    """Write ``n`` JPEGs of a circle, square or triangle on a noisy background.

    Returns a DataFrame with ``path`` and the true ``shape`` (to check labels against).
    Files already there are reused.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    rows = []
    w, h = size
    for i in range(n):
        shape = SHAPES[int(rng.integers(len(SHAPES)))]
        colour = tuple(int(c) for c in rng.integers(40, 230, 3))
        cx, cy = int(rng.integers(w // 4, 3 * w // 4)), int(rng.integers(h // 4, 3 * h // 4))
        r = int(rng.integers(min(w, h) // 8, min(w, h) // 4))
        path = folder / f"shape_{i:04d}.jpg"
        if not path.exists():
            noise = rng.integers(200, 256, (h, w, 3), dtype=np.uint8)
            img = Image.fromarray(noise, "RGB")
            draw = ImageDraw.Draw(img)
            box = (cx - r, cy - r, cx + r, cy + r)
            if shape == "circle":
                draw.ellipse(box, fill=colour)
            elif shape == "square":
                draw.rectangle(box, fill=colour)
            else:
                draw.polygon([(cx, cy - r), (cx + r, cy + r), (cx - r, cy + r)], fill=colour)
            img.save(path, quality=90)
        rows.append({"path": str(path), "shape": shape})
    return pd.DataFrame(rows, index=pd.Index([f"img-{i:04d}" for i in range(n)], name="id"))


def reviews(n: int = 12) -> pd.DataFrame:
    """``n`` short film reviews with their true ``sentiment`` (cycled when n > 12)."""
    picked = [_REVIEWS[i % len(_REVIEWS)] for i in range(n)]
    return pd.DataFrame(picked, columns=["text", "sentiment"])


ACTIVITIES = ("still", "walk", "run", "fall")


def accelerometer(
    n: int = 3,
    *,
    seconds: float = 60.0,
    rate: float = 50.0,
    start: str = "2024-05-01 09:00",
    tz: str | None = "Europe/Berlin",
    dropout: bool = True,
    seed: int = 0,
) -> pd.DataFrame:
    """A long DataFrame of ``n`` three-axis accelerometer recordings (in g).

    Each recording is a run of activities (still, walk, run, and now and then a fall: a
    short spike then lying still) at ``rate`` Hz; columns ``recording``, ``t``
    (datetimes, in ``tz`` when given), ``ax``, ``ay``, ``az`` and the true ``activity``.
    With ``dropout`` a second of each recording is missing (NaN), as when a sensor
    drops packets.
    """
    rng = np.random.default_rng(seed)
    frames = []
    for r in range(n):
        size = int(seconds * rate)
        t = np.arange(size) / rate
        activity = np.empty(size, dtype=object)
        ax: np.ndarray = np.zeros(size)
        ay: np.ndarray = np.zeros(size)
        az: np.ndarray = np.zeros(size)
        i = 0
        while i < size:
            kind = ACTIVITIES[int(rng.choice(4, p=[0.35, 0.35, 0.22, 0.08]))]
            length = int(rng.uniform(4, 12) * rate) if kind != "fall" else int(3 * rate)
            j = min(size, i + length)
            tt = t[i:j]
            if kind == "still":
                ax[i:j], ay[i:j], az[i:j] = 0.0, 0.0, 1.0
            elif kind in ("walk", "run"):
                f, a = (1.8, 0.35) if kind == "walk" else (2.8, 0.9)
                phase = rng.uniform(0, 2 * np.pi)
                ax[i:j] = a * np.sin(2 * np.pi * f * tt + phase)
                ay[i:j] = 0.4 * a * np.sin(np.pi * f * tt + phase)
                az[i:j] = 1.0 + a * np.abs(np.sin(2 * np.pi * f * tt + phase))
            else:
                k = min(j - i, int(0.3 * rate))
                spike = np.exp(-np.linspace(0, 6, k)) * rng.uniform(2.5, 4.0)
                ax[i : i + k], az[i : i + k] = spike, 1.0 - spike
                ax[i + k : j], ay[i + k : j], az[i + k : j] = 1.0, 0.0, 0.05
            activity[i:j] = kind
            i = j
        ax, ay, az = (v + rng.normal(0, 0.03, size) for v in (ax, ay, az))
        if dropout:
            d = int(rng.uniform(0.2, 0.8) * size)
            for v in (ax, ay, az):
                v[d : d + int(rate)] = np.nan
        times = pd.Timestamp(start) + pd.to_timedelta(t + r * 3600, unit="s")
        stamps = pd.DatetimeIndex(times)
        if tz is not None:
            stamps = stamps.tz_localize(tz)
        frames.append(
            pd.DataFrame(
                {
                    "recording": f"rec-{r:02d}",
                    "t": stamps,
                    "ax": ax,
                    "ay": ay,
                    "az": az,
                    "activity": activity,
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def _scene(
    rng: np.random.Generator, w: int, h: int, count: int
) -> tuple[Image.Image, list[tuple[str, tuple[int, int, int, int], np.ndarray]]]:
    """A noisy background with ``count`` shapes that do not overlap; for each shape its
    name, pixel box ``(x, y, width, height)`` and boolean mask (h, w)."""
    img = Image.fromarray(rng.integers(200, 256, (h, w, 3), dtype=np.uint8), "RGB")
    placed: list[tuple[str, tuple[int, int, int, int], np.ndarray]] = []
    for _ in range(count * 20):
        if len(placed) == count:
            break
        r = int(rng.integers(min(w, h) // 12, min(w, h) // 6))
        cx, cy = int(rng.integers(r, w - r)), int(rng.integers(r, h - r))
        box = (cx - r, cy - r, 2 * r, 2 * r)
        if any(abs(cx - (b[0] + b[2] / 2)) < r + b[2] / 2 + 4 and
               abs(cy - (b[1] + b[3] / 2)) < r + b[3] / 2 + 4 for _, b, _ in placed):  # fmt: skip
            continue
        shape = SHAPES[int(rng.integers(len(SHAPES)))]
        layer = Image.new("L", (w, h), 0)
        pen = ImageDraw.Draw(layer)
        corners = (cx - r, cy - r, cx + r - 1, cy + r - 1)
        if shape == "circle":
            pen.ellipse(corners, fill=255)
        elif shape == "square":
            pen.rectangle(corners, fill=255)
        else:
            pen.polygon([(cx, cy - r), (cx + r - 1, cy + r - 1), (cx - r, cy + r - 1)], fill=255)
        colour = tuple(int(c) for c in rng.integers(30, 180, 3))
        img.paste(colour, (0, 0, w, h), layer)
        placed.append((shape, box, np.asarray(layer) > 0))
    return img, placed


def objects(
    folder: str | Path,
    n: int = 12,
    *,
    size: tuple[int, int] = (640, 480),
    per_image: tuple[int, int] = (1, 4),
    box: str = "box",
    mask: str = "mask",
    noise: float = 0.06,
    seed: int = 0,
) -> pd.DataFrame:
    """Write ``n`` JPEGs of circles, squares and triangles, with ground truth and noisy
    predictions for detection and segmentation.

    Columns: ``path``; ``boxes``, the true ``[(label, x, y, width, height), ...]`` in
    pixels; ``masks``, the true ``{label: bool array (h, w)}`` (union per label);
    ``box_predictions`` and ``mask_predictions``, Label Studio predictions
    ``{"result": [...], "score", "model_version"}`` for a ``RectangleLabels`` named
    ``box`` and a ``BrushLabels`` named ``mask`` (both on ``image``): the truth moved by
    up to ``noise`` of its size, now and then a wrong label or a missed shape, each region
    with a ``score``. Files already there are reused.
    """
    from ..tags.regions import brush as brush_item
    from ..tags.regions import rectangle

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    w, h = size
    rows = []
    for i in range(n):
        count = int(rng.integers(per_image[0], per_image[1] + 1))
        img, placed = _scene(rng, w, h, count)
        path = folder / f"objects_{i:04d}.jpg"
        if not path.exists():
            img.save(path, quality=90)
        boxes, predicted_boxes, predicted_masks = [], [], []
        masks: dict[str, np.ndarray] = {}
        for shape, (x, y, bw, bh), m in placed:
            boxes.append((shape, x, y, bw, bh))
            masks[shape] = masks.get(shape, np.zeros((h, w), bool)) | m
            if rng.random() < 0.08:  # the model misses this one
                continue
            label = shape if rng.random() > 0.1 else SHAPES[(SHAPES.index(shape) + 1) % 3]
            dx, dy, dw, dh = rng.uniform(-noise, noise, 4) * np.array([bw, bh, bw, bh])
            px, py = max(0.0, x + dx), max(0.0, y + dy)
            pw, ph = min(w - px, bw + dw), min(h - py, bh + dh)
            score = float(np.clip(rng.normal(0.8 if label == shape else 0.45, 0.1), 0.05, 1))
            predicted_boxes.append(rectangle(box, label, x=px, y=py, width=pw, height=ph,
                                             size=size, score=round(score, 3)))  # fmt: skip
            shift = np.roll(m, (round(dy), round(dx)), axis=(0, 1))
            predicted_masks.append(brush_item(mask, label, mask=shift, score=round(score, 3)))
        rows.append({
            "path": str(path), "boxes": boxes, "masks": masks,
            "box_predictions": {"result": predicted_boxes, "score": 0.8,
                                "model_version": "shapes-v1"},
            "mask_predictions": {"result": predicted_masks, "score": 0.8,
                                 "model_version": "shapes-v1"},
        })  # fmt: skip
    return pd.DataFrame(rows, index=pd.Index([f"obj-{i:04d}" for i in range(n)], name="id"))
