"""A stand-in for a SAM-family predictor: numpy only, no weights, the same interface as
segment-anything's ``SamPredictor`` (``set_image``, ``predict`` -> masks, scores, logits).

Its "object" is the connected region of pixels within 40 (every channel) of the colour
under the first positive click (or the box's centre), inside the box when there is one,
without the regions under negative clicks. With ``multimask_output`` it returns three
candidates, the object second and scored best, so a caller that ignores the scores takes
a wrong one. Used by the unit tests, the Label Studio test (copied into a module
``nblabel ml-backend --assist`` imports) and notebooks/smart_sam.ipynb (its own copy).
"""

from __future__ import annotations

import time

import numpy as np
from scipy import ndimage


class StandInPredictor:
    def __init__(self, *, delay: float = 0.0, float_masks: bool = False) -> None:
        self.delay = (
            delay  # seconds set_image() and predict() take (to interleave threads in tests)
        )
        self.float_masks = float_masks  # 0/1 float32 masks with a batch axis, as SAM 2
        self.embedded: list[tuple[int, ...]] = []  # the shape of each image set
        self.calls: list[dict] = []  # each predict() call's arguments
        self.image: np.ndarray | None = None

    def set_image(self, image: np.ndarray, image_format: str = "RGB") -> None:
        assert image.dtype == np.uint8 and image.ndim == 3 and image.shape[2] == 3
        self.image = image.astype(np.int16)
        self.embedded.append(image.shape)
        time.sleep(self.delay)

    def predict(
        self, point_coords=None, point_labels=None, box=None, mask_input=None,
        multimask_output=True, return_logits=False,
    ):  # fmt: skip
        time.sleep(self.delay)
        assert self.image is not None, "set_image first"
        self.calls.append({"point_coords": point_coords, "point_labels": point_labels,
                           "box": box, "multimask_output": multimask_output})  # fmt: skip
        image = self.image
        h, w = image.shape[:2]
        points = [] if point_coords is None else [(int(y), int(x)) for x, y in point_coords]
        labels = [] if point_labels is None else list(point_labels)
        positive = [p for p, keep in zip(points, labels, strict=True) if keep == 1]
        negative = [p for p, keep in zip(points, labels, strict=True) if keep == 0]
        within = np.ones((h, w), bool)
        if box is not None:
            x0, y0, x1, y1 = (int(np.round(v)) for v in box)
            within = np.zeros((h, w), bool)
            within[y0:y1, x0:x1] = True
            if not positive:
                positive = [((y0 + y1) // 2, (x0 + x1) // 2)]
        obj = np.zeros((h, w), bool)
        if positive:
            r, c = positive[0]
            near = (np.abs(image - image[r, c]).max(axis=-1) <= 40) & within
            parts, _ = ndimage.label(near)
            wanted = {parts[p] for p in positive} - {0}
            unwanted = {parts[p] for p in negative} - {0}
            obj = np.isin(parts, sorted(wanted - unwanted))
        if multimask_output:
            masks = np.stack([within, obj, np.zeros_like(obj)])
            scores = np.array([0.31, 0.93, 0.12], np.float32)
        else:
            masks, scores = obj[None], np.array([0.88], np.float32)
        logits = np.zeros((len(masks), 256, 256), np.float32)
        if self.float_masks:
            return masks.astype(np.float32)[None], scores[None], logits[None]
        return masks, scores, logits
