"""What the ML backend tests share: two configs, a class-probability model, a box model,
and a POST to a running backend."""

from __future__ import annotations

import httpx
import numpy as np
from PIL import Image

import nblabel
import nblabel.labelstudio as nls

SCHEMA = nblabel.Schema.from_shorthands(text="text", choices=["pos", "neg", "meh"])
BOXES = nblabel.Schema.from_shorthands(image="image", boxes=["cat", "dog"])


def probs(items):
    table = {"good": [0.8, 0.1, 0.1], "bad": [0.1, 0.7, 0.2], "hmm": [0.4, 0.35, 0.25]}
    return np.array([table.get(t, [0.34, 0.33, 0.33]) for t in items["text"]])


def boxes(items):
    out = []
    for im in items["image"]:
        assert isinstance(im, Image.Image) and im.mode == "RGB"
        out.append([
            {"value": {"x": 10, "y": 20, "width": 30, "height": 40, "rotation": 0,
                       "rectanglelabels": ["cat"]}, "score": 0.9},
            {"value": {"x": 50, "y": 50, "width": 5, "height": 5, "rotation": 0,
                       "rectanglelabels": ["dog"]}, "score": 0.2},
        ])  # fmt: skip
    return out


def post(srv: nls.Server, path: str, body: object = None, **kw) -> httpx.Response:
    if body is not None:
        kw["json"] = body
    return httpx.post(srv.url + path, timeout=10, **kw)
