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
