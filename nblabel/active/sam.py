"""A SAM-family predictor as the smart tools' answer: clicks and boxes -> a mask.

:func:`sam_assist` turns a predictor with the interface of segment-anything's
``SamPredictor`` and SAM 2's ``SAM2ImagePredictor`` into an ``assist(item, prompt)``
callable (see :mod:`nblabel.core.assist`)::

    predictor.set_image(rgb)  # (height, width, 3) uint8: the image embedding, once per image
    masks, scores, logits = predictor.predict(
        point_coords=xy,  # (n, 2) pixels (x, y), or None
        point_labels=labels,  # (n,) 1 = object, 0 = not, or None
        box=xyxy,  # (4,) pixels x0, y0, x1, y1, or None
        multimask_output=True,  # several candidate masks, each with a score
    )  # masks: (k, height, width); scores: (k,)

The callable converts the prompt's percent coordinates to pixels of the upright image,
calls ``set_image`` only when the item's image is not the one set last (the embedding is
the expensive part; refining clicks on one item reuse it), keeps the best-scoring mask and
answers it in the form the prompt's control holds: a brush (RLE), the outline polygon or
the bounding box. The predictor is used by one prompt at a time (a lock per predictor,
however many labelers share it): the widget asks on a worker thread. nblabel never
downloads weights: build the predictor from weights you have.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Hashable
from typing import Any

import numpy as np

from ..core.assist import AssistItem, Prompt
from ..core.schema import Schema
from ..tags.assist import image_array, image_key, mask_result

#: The model version recorded on the answers unless ``name=`` says otherwise.
VERSION = "sam"


class _Current:
    """Which image a predictor holds, and the lock its prompts take turns with."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.key: Hashable | None = None
        self.size: tuple[int, int] | None = None  # (height, width) of the image set


# One state per predictor, not per sam_assist(): two labelers wrapping one predictor must
# not each believe it holds their image, nor call it at the same time.
_STATES: weakref.WeakKeyDictionary[Any, _Current] = weakref.WeakKeyDictionary()
_PINNED: dict[int, tuple[Any, _Current]] = {}  # predictors that cannot be weakly keyed
_STATES_LOCK = threading.Lock()


def _state_of(predictor: Any) -> _Current:
    with _STATES_LOCK:
        try:
            state = _STATES.get(predictor)
            if state is None:
                state = _STATES[predictor] = _Current()
            return state
        except TypeError:  # unhashable, or no weak references: kept for the process
            _predictor, state = _PINNED.setdefault(id(predictor), (predictor, _Current()))
            return state


class SamAssist:
    """``assist(item, prompt)`` answering clicks and boxes with a SAM-like predictor (see
    :func:`sam_assist`)."""

    def __init__(
        self,
        predictor: Any,
        *,
        multimask: bool | None = None,
        name: str = VERSION,
        schema: Schema | None = None,
    ) -> None:
        for method in ("set_image", "predict"):
            if not callable(getattr(predictor, method, None)):
                raise TypeError(
                    f"sam_assist needs a predictor with set_image(image) and predict(...) "
                    f"(as SamPredictor / SAM2ImagePredictor have); {type(predictor).__name__} "
                    f"has no {method}()"
                )
        self.predictor = predictor
        self.multimask = multimask
        self.name = name
        self.schema = schema
        self._current = _state_of(predictor)

    def __repr__(self) -> str:
        return f"sam_assist({type(self.predictor).__name__}, name={self.name!r})"

    def for_schema(self, schema: Schema) -> SamAssist:
        """This assistant for ``schema`` (it answers in the form the prompt's control
        holds); the labelers, :class:`nblabel.Job` and ``nblabel ml-backend`` call it."""
        return SamAssist(self.predictor, multimask=self.multimask, name=self.name,
                         schema=schema)  # fmt: skip

    def __call__(self, item: AssistItem, prompt: Prompt) -> dict[str, Any]:
        if self.schema is None:
            raise TypeError(
                "sam_assist(...) answers in the form the prompt's control holds: pass it as "
                "assist= to a labeler, a Job or nblabel ml-backend, or give schema="
            )
        if prompt.kind not in ("points", "box"):
            raise ValueError(f"sam_assist answers clicks and boxes on images, not a {prompt.kind}")
        control = self.schema.control(prompt.control)
        labels = list(prompt.labels) or list(control.values[:1])
        mask, score = self.mask(item, prompt)
        if not mask.any():
            return {"result": [], "model_version": self.name}
        result = mask_result(mask, prompt, control.type, labels)
        return {"result": [{**result, "score": score}], "score": score,
                "model_version": self.name}  # fmt: skip

    def mask(self, item: AssistItem, prompt: Prompt) -> tuple[np.ndarray, float]:
        """The best-scoring mask (boolean, the upright image's size) for ``prompt`` and
        its score."""
        key = image_key(item.cell)
        cur = self._current
        with cur.lock:
            if key is None or key != cur.key or cur.size is None:
                pixels = image_array(item)
                cur.key = None  # until set_image has succeeded
                self.predictor.set_image(pixels)
                cur.key, cur.size = key, (int(pixels.shape[0]), int(pixels.shape[1]))
            h, w = cur.size
            args = sam_prompt(prompt, (w, h))
            multimask = self.multimask
            if multimask is None:
                # SAM's advice: several candidates for one ambiguous click, one otherwise.
                multimask = prompt.box is None and len(prompt.points) == 1
            out = self.predictor.predict(**args, multimask_output=multimask)
        return best_mask(out, (h, w))


def sam_prompt(prompt: Prompt, size: tuple[int, int]) -> dict[str, Any]:
    """``point_coords``, ``point_labels`` and ``box`` of a SAM ``predict`` call for
    ``prompt`` on an image of ``size`` (width, height) pixels."""
    w, h = size
    coords = labels = box = None
    if prompt.points:
        coords = np.array([[p.x / 100 * w, p.y / 100 * h] for p in prompt.points], np.float32)
        labels = np.array([1 if p.positive else 0 for p in prompt.points], np.int32)
    if prompt.box is not None:
        x, y, bw, bh = prompt.box
        box = np.array([x / 100 * w, y / 100 * h, (x + bw) / 100 * w, (y + bh) / 100 * h],
                       np.float32)  # fmt: skip
    return {"point_coords": coords, "point_labels": labels, "box": box}


def best_mask(out: Any, size: tuple[int, int]) -> tuple[np.ndarray, float]:
    """The best-scoring of the masks a ``predict`` call returned, as a boolean
    ``size`` (height, width) array, and its score. Masks may be booleans or 0..1 floats
    (SAM 2), with leading axes of length one (one box)."""
    try:
        masks, scores = out[0], out[1]
    except (TypeError, IndexError, KeyError):
        raise TypeError(
            f"the predictor's predict() must return (masks, scores, logits), got "
            f"{type(out).__name__}"
        ) from None
    masks, scores = _numpy(masks), np.atleast_1d(_numpy(scores)).ravel()
    while masks.ndim > 3 and masks.shape[0] == 1:
        masks = masks[0]
    if masks.ndim == 2:
        masks = masks[None]
    if masks.ndim != 3 or len(masks) == 0 or len(masks) != len(scores):
        raise ValueError(
            f"the predictor returned masks of shape {masks.shape} and {len(scores)} scores: "
            "expected (k, height, width) masks with one score each"
        )
    if masks.shape[1:] != size:
        raise ValueError(
            f"the predictor's masks are {masks.shape[2]} x {masks.shape[1]} pixels, the image "
            f"{size[1]} x {size[0]}: masks must have the size of the image given to set_image"
        )
    best = int(np.nanargmax(scores)) if np.isfinite(scores).any() else 0
    mask = masks[best]
    mask = mask if mask.dtype == bool else mask > 0.5
    return mask, float(scores[best])


def _numpy(value: Any) -> np.ndarray:
    # A torch tensor (on any device) or an array.
    if hasattr(value, "detach"):
        value = value.detach().cpu().numpy()
    return np.asarray(value)


def sam_assist(predictor: Any, *, multimask: bool | None = None, name: str = VERSION) -> SamAssist:
    """A SAM-family ``predictor`` as ``assist=``: clicks and boxes answered with its best mask.

    Parameters
    ----------
    predictor
        An object with ``set_image(rgb)`` and ``predict(point_coords, point_labels, box,
        multimask_output) -> (masks, scores, logits)``, as segment-anything's
        ``SamPredictor`` and SAM 2's ``SAM2ImagePredictor`` have, built from weights you
        already have (nblabel downloads nothing).
    multimask
        Ask for several candidate masks and keep the best-scoring one. Default: for a
        single click only (SAM's advice; a box or several clicks say enough for one).
    name
        The answers' ``model_version``.

    Returns
    -------
    SamAssist
        ``assist(item, prompt)``: pass it as ``assist=`` to a labeler or
        :class:`nblabel.Job`, or name it in ``nblabel ml-backend --assist module:name``.
        Its ``set_image`` is called once per image (refining prompts on one item reuse
        the embedding); answers are brushes, polygons or boxes as the prompt's control
        holds, with the mask's score.

    Examples
    --------
    >>> from segment_anything import SamPredictor, sam_model_registry  # doctest: +SKIP
    >>> sam = sam_model_registry["vit_b"](checkpoint="sam_vit_b_01ec64.pth")  # doctest: +SKIP
    >>> w = nblabel.ImageLabeler(df, image="path", masks=["cell"],
    ...                          assist=nblabel.sam_assist(SamPredictor(sam)))  # doctest: +SKIP
    """
    return SamAssist(predictor, multimask=multimask, name=name)
