"""Regions on an ``<Image>``: ``RectangleLabels``, ``PolygonLabels``, ``KeyPointLabels``,
``BrushLabels`` and ``EllipseLabels``, and their bare tools ``Rectangle``, ``Polygon``,
``KeyPoint``, ``Brush`` and ``Ellipse`` (one family: they share the checks of a region and
its size).

A bare tool draws regions without a label; a separate ``<Labels toName="image">`` labels
them, as Label Studio's OCR template does. Label Studio then stores one region as several
result items sharing its ``id`` (its "split form", /work/helpers/ls-tags.md §2 "OCR
template"): the tool's geometry item (``type: "rectangle"``) and a ``labels`` item whose
value repeats the geometry (see :mod:`nblabel.tags.regionlabels`).

Label Studio stores an image region in **percent of the original image as a browser shows
it** (after EXIF orientation), with ``original_width``/``original_height`` in pixels; the
maths is in :mod:`nblabel.tags.geometry`. The target of an image (what a region is checked
against) is :class:`ImageInfo`: its original and display sizes.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np
from PIL import Image as PILImage
from PIL import ImageDraw

from ..core.errors import ResultError, SchemaError
from ..core.results import Result, new_id
from ..core.schema import Control, Schema
from ..core.tag import ControlTag, TargetOf, labels_of
from .geometry import (
    box_corners,
    box_from_pixels,
    box_iou,
    box_to_pixels,
    brush_mask,
    ellipse_extent,
    ellipse_from_pixels,
    ellipse_points,
    ellipse_to_pixels,
    mask_box,
    mask_from_png,
    mask_from_rle,
    mask_to_display,
    mask_to_rle,
    polygon_area,
    resize_mask,
    self_intersection,
    to_percent,
    to_pixels,
)

#: How far (in percent of the image side) a region may poke out of the image before it
#: is refused: a box dragged to the edge lands on 100.0000001 after float maths.
TOLERANCE = 1e-3
#: The columns regions add to ``annotations``: pixels of the original image (an ellipse's
#: ``x``, ``y`` are its centre and ``radiusX``, ``radiusY`` its radii), and ``item_index``,
#: the page of an ``<Image valueList=...>`` the region is on.
PIXEL_COLUMNS = ("x", "y", "width", "height", "rotation", "points", "mask", "radiusX",
                 "radiusY", "item_index")  # fmt: skip
#: Top-level keys of an image region that Label Studio copies onto every result item of the
#: region (``Image.createSerializedResult`` in its editor): its image's size and rotation,
#: and the page index with ``valueList``.
IMAGE_EXTRAS = ("original_width", "original_height", "image_rotation", "item_index")


@dataclass(frozen=True)
class ImageInfo:
    """An item's image as regions see it: ``size`` is the original (upright) size,
    ``display`` the size of the copy the browser shows."""

    size: tuple[int, int]
    display: tuple[int, int]


@dataclass(frozen=True)
class Pages:
    """The images of an ``<Image valueList="$pages">`` item, in order: a region names its
    page with ``item_index`` (0-based), as Label Studio stores it."""

    pages: tuple[ImageInfo, ...]


def on_images(control: Control, schema: Schema) -> bool:
    """Whether every object ``control`` labels is an ``<Image>`` (whose regions the browser
    can answer per region: ``perRegion="true"``)."""
    kinds = {o.name: o.type for o in schema.objects}
    return bool(control.to_name) and all(kinds.get(t) == "image" for t in control.to_name)


def page_of(target: Any, item: Result, where: str) -> ImageInfo | None:
    """The image a region item is drawn on: ``target`` itself, or with several pages the one
    its ``item_index`` names; ``None`` when the target is unknown. Raise
    :class:`ResultError` for a page that is missing or not there."""
    index = item.get("item_index")
    if isinstance(target, Pages):
        n = len(target.pages)
        if index is None:
            raise ResultError(
                f"{where}: the item shows {n} images (valueList); say which one the region is "
                f"on with item_index (0 to {n - 1})"
            )
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < n:
            raise ResultError(
                f"{where}: item_index {index!r} is not one of the item's {n} images (0 to {n - 1})"
            )
        return target.pages[index]
    if isinstance(target, ImageInfo):
        if index not in (None, 0):
            raise ResultError(
                f"{where}: item_index {index!r}, but the item shows one image (item_index "
                'is for <Image valueList="$...">)'
            )
        return target
    return None


class ImageRegion(ControlTag):
    """What every region control on an image shares: one label (or several with
    ``choice="multiple"``), ``original_width``/``original_height`` matching the image,
    geometry inside it. Subclasses check their geometry in :meth:`check_value`.

    A bare tool (:attr:`labeled` false: ``Rectangle``, ``Polygon``...) draws the same
    geometry without a label of its own: its value holds no label key."""

    objects = frozenset({"image"})
    options: ClassVar[str | None] = "Label"
    region: ClassVar[bool] = True
    needs_target: ClassVar[bool] = True
    annotation_columns = PIXEL_COLUMNS
    #: Its items carry their labels (``value[type]``); false for a bare tool.
    labeled: ClassVar[bool] = True
    #: The ``type`` of the labeled control drawing the same geometry (``rectanglelabels``
    #: for ``rectangle``): the kind of shape, whichever tool drew it.
    shape: ClassVar[str] = ""

    def check_config(self, control: Control, schema: Schema) -> None:
        kinds = {o.name: o.type for o in schema.objects}
        if any(kinds.get(t) != "image" for t in control.to_name):
            raise SchemaError(
                f"<{control.tag} name={control.name!r}> draws regions on <Image> objects only; "
                f"toName={','.join(control.to_name)!r} names something else"
            )

    def check(
        self, control: Control, item: Result, *, key: object, target: Any, fresh: bool
    ) -> Result:
        kind = self.type
        where = f"item {key!r}: {kind} region {item.get('id')!r}"
        value = item.get("value")
        if not isinstance(value, dict):
            raise ResultError(f"{where}: value must be a dict, got {type(value).__name__}")
        labels = value.get(kind) or []
        if self.labeled and (not isinstance(labels, list) or not labels):
            raise ResultError(
                f"{where}: no label; give it one of {', '.join(control.values)} (value[{kind!r}])"
            )
        if self.labeled and len(labels) > 1 and not control.multiple:
            raise ResultError(
                f"{where}: control {control.name!r} takes one label per region, got "
                f"{', '.join(map(str, labels))}"
            )
        if not fresh:
            return item  # stored or pulled: its labels were checked, its geometry was
        out = dict(item)
        ow, oh = item.get("original_width"), item.get("original_height")
        page = page_of(target, item, where)
        size = page.size if page is not None else None
        if size is not None:
            if ow is None and oh is None:
                out["original_width"], out["original_height"] = ow, oh = size
            elif (ow, oh) != tuple(size):
                raise ResultError(
                    f"{where}: original_width x original_height is {ow} x {oh}, but the image "
                    f"is {size[0]} x {size[1]} (after EXIF orientation); the region was made "
                    "for another image"
                )
        out.setdefault("image_rotation", 0)
        out["value"] = self.check_value(value, where, ow, oh, convert=size is not None)
        return out

    def check_value(
        self, value: dict[str, Any], where: str, ow: Any, oh: Any, *, convert: bool
    ) -> dict[str, Any]:
        return value

    @staticmethod
    def pixels(value: dict[str, Any], ow: float, oh: float) -> dict[str, Any]:
        """The region's geometry in pixels of an image of ``ow`` x ``oh`` (see
        :func:`pixels`)."""
        raise NotImplementedError

    def has_value(self, control: Control, item: Result) -> bool:
        # A region drawn with a bare tool answers it (a required <Rectangle> wants a box).
        return bool(labels_of(item)) or not self.labeled

    def label_cell(self, control: Control, items: list[Result], target_of: TargetOf) -> Any:
        # One label per region (see ``annotations`` for their geometry); a bare tool has no
        # labels of its own (its <Labels> column lists them): the number of its regions.
        if not self.labeled:
            return len(items)
        return [", ".join(labels_of(r)) for r in items]

    def annotation(self, item: Result, target_of: TargetOf) -> dict[str, Any]:
        found = pixels(item)
        if item.get("item_index") is not None:
            found["item_index"] = item["item_index"]
        return found

    def geometry(self, item: Result) -> dict[str, Any]:
        value = item.get("value") or {}
        return {k: v for k, v in value.items() if k != self.type}

    def region_extras(self, item: Result) -> dict[str, Any]:
        return {k: item[k] for k in IMAGE_EXTRAS if k in item}

    @property
    def noun(self) -> str:  # type: ignore[override]
        return _NOUNS.get(self.shape or self.type, "region")

    def describe(self, item: Result, target: Any) -> str:
        """``box 'id' (car, x 10, y 20, 30 x 40 px)``: what it is, its labels and where."""
        found = pixels(item)
        where = ""
        if {"x", "y", "width", "height"} <= found.keys():
            where = (f"x {found['x']:.0f}, y {found['y']:.0f}, {found['width']:.0f} x "
                     f"{found['height']:.0f} px")  # fmt: skip
        elif {"x", "y", "radiusX"} <= found.keys():
            where = (f"centre x {found['x']:.0f}, y {found['y']:.0f}, radii "
                     f"{found['radiusX']:.0f} x {found['radiusY']:.0f} px")  # fmt: skip
        elif {"x", "y"} <= found.keys():
            where = f"x {found['x']:.0f}, y {found['y']:.0f}"
        page = item.get("item_index")
        parts = [*labels_of(item), *([where] if where else [])]
        if isinstance(page, int):
            parts.append(f"image {page + 1}")
        shown = ", ".join(parts)
        return f"{self.noun} {item.get('id')!r}" + (f" ({shown})" if shown else "")

    def outline(self, item: Result) -> tuple[str, list[tuple[float, float]]]:
        """What a picture of the region draws: ``("box" | "polygon" | "point" | "mask",
        points)``, points as fractions (0-1) of the image's width and height."""
        raise NotImplementedError

    def raster(self, item: Result, grid: tuple[int, int]) -> np.ndarray:
        """The region as a boolean mask on ``grid`` = (width, height) covering the image
        (to compare regions of any kind by IoU)."""
        gw, gh = grid
        kind, points = self.outline(item)
        canvas = PILImage.new("L", grid, 0)
        pen = ImageDraw.Draw(canvas)
        if kind == "point":
            (cx, cy), value = points[0], item.get("value") or {}
            r = max(2.0, float(value.get("width") or 1.0) * gw / 100)
            pen.ellipse((cx * gw - r, cy * gh - r, cx * gw + r, cy * gh + r), fill=255)
        else:
            pen.polygon([(x * gw, y * gh) for x, y in points], fill=255)
        return np.asarray(canvas) > 0


class RectangleLabels(ImageRegion):
    tag = "RectangleLabels"
    shape = "rectanglelabels"

    def matches(self, a: Result, b: Result) -> bool | None:
        return box_iou(a.get("value") or {}, b.get("value") or {}) >= 0.5

    def check_value(
        self, value: dict[str, Any], where: str, ow: Any, oh: Any, *, convert: bool
    ) -> dict[str, Any]:
        _check_rectangle(value, where, ow, oh)
        return value

    @staticmethod
    def pixels(value: dict[str, Any], ow: float, oh: float) -> dict[str, Any]:
        x, y, w, h, rot = box_to_pixels(value, (ow, oh))
        return {"x": x, "y": y, "width": w, "height": h, "rotation": rot}

    def outline(self, item: Result) -> tuple[str, list[tuple[float, float]]]:
        # Turned in pixels (a turn in percent would shear a box on a non-square image).
        ow, oh = item.get("original_width") or 100, item.get("original_height") or 100
        corners = box_corners(*box_to_pixels(item.get("value") or {}, (ow, oh)))
        return "box", [(float(x) / ow, float(y) / oh) for x, y in corners]


class PolygonLabels(ImageRegion):
    tag = "PolygonLabels"
    shape = "polygonlabels"

    def check_value(
        self, value: dict[str, Any], where: str, ow: Any, oh: Any, *, convert: bool
    ) -> dict[str, Any]:
        return _check_polygon(value, where)

    @staticmethod
    def pixels(value: dict[str, Any], ow: float, oh: float) -> dict[str, Any]:
        pts = np.array(value["points"], dtype=np.float64).reshape(-1, 2)
        pts = pts * np.array([ow, oh]) / 100.0
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        return {"x": lo[0], "y": lo[1], "width": hi[0] - lo[0], "height": hi[1] - lo[1],
                "rotation": 0.0, "points": [tuple(map(float, p)) for p in pts]}  # fmt: skip

    def outline(self, item: Result) -> tuple[str, list[tuple[float, float]]]:
        points = (item.get("value") or {})["points"]
        return "polygon", [(float(x) / 100, float(y) / 100) for x, y in points]


class KeyPointLabels(ImageRegion):
    tag = "KeyPointLabels"
    shape = "keypointlabels"

    def check_value(
        self, value: dict[str, Any], where: str, ow: Any, oh: Any, *, convert: bool
    ) -> dict[str, Any]:
        for name in ("x", "y"):
            _inside(_number(value.get(name), name, where), name, where)
        if "width" in value:
            _number(value["width"], "width", where)
        return value

    @staticmethod
    def pixels(value: dict[str, Any], ow: float, oh: float) -> dict[str, Any]:
        return {"x": to_pixels(value["x"], ow), "y": to_pixels(value["y"], oh),
                "width": to_pixels(value.get("width", 0.0), ow)}  # fmt: skip

    def outline(self, item: Result) -> tuple[str, list[tuple[float, float]]]:
        value = item.get("value") or {}
        return "point", [(float(value["x"]) / 100, float(value["y"]) / 100)]


class BrushLabels(ImageRegion):
    """A mask: Label Studio RLE at the original size when stored; the browser gets and
    sends ``{format: "png", png: <base64>}`` at the display copy's size."""

    tag = "BrushLabels"
    shape = "brushlabels"

    def check_value(
        self, value: dict[str, Any], where: str, ow: Any, oh: Any, *, convert: bool
    ) -> dict[str, Any]:
        return _check_brush(value, where, ow, oh, convert)

    @staticmethod
    def pixels(value: dict[str, Any], ow: float, oh: float) -> dict[str, Any]:
        raise NotImplementedError  # see pixels(): a mask needs the whole item

    def for_browser(self, control: Control, item: Result, target: Any) -> Result:
        value = item.get("value") or {}
        try:
            target = page_of(target, item, "")
        except ResultError:
            return item  # on no page of the item: the stale-label check reports it
        if target is None or value.get("format", "rle") != "rle":
            return item
        original = (int(item.get("original_width") or target.size[0]),
                    int(item.get("original_height") or target.size[1]))  # fmt: skip
        # A broken mask is left as stored: the stale-label check reports it.
        with contextlib.suppress(ValueError, KeyError, IndexError):
            return {**item, "value": mask_to_display(value, original=original,
                                                     display=target.display)}  # fmt: skip
        return item

    def geometry(self, item: Result) -> dict[str, Any]:
        # Every result of a mask repeats its RLE: Result.serialize in Label Studio's editor
        # starts each result's value from the region's own serialize(), which for a brush
        # is {format, rle} (regions/BrushRegion.jsx). A per-region answer without it would
        # load as a whole-image class.
        value = item.get("value") or {}
        return {k: value[k] for k in ("format", "rle") if k in value}

    def outline(self, item: Result) -> tuple[str, list[tuple[float, float]]]:
        return "mask", []

    def raster(self, item: Result, grid: tuple[int, int]) -> np.ndarray:
        return resize_mask(brush_mask(item), grid)


class EllipseLabels(ImageRegion):
    """An ellipse: centre ``x``, ``y`` and ``radiusX`` in percent of the image width,
    ``radiusY`` of its height, turned ``rotation`` degrees about its centre."""

    tag = "EllipseLabels"
    shape = "ellipselabels"

    def check_value(
        self, value: dict[str, Any], where: str, ow: Any, oh: Any, *, convert: bool
    ) -> dict[str, Any]:
        _check_ellipse(value, where, ow, oh)
        return value

    @staticmethod
    def pixels(value: dict[str, Any], ow: float, oh: float) -> dict[str, Any]:
        cx, cy, rx, ry, rot = ellipse_to_pixels(value, (ow, oh))
        return {"x": cx, "y": cy, "radiusX": rx, "radiusY": ry, "rotation": rot}

    def outline(self, item: Result) -> tuple[str, list[tuple[float, float]]]:
        # Sampled in pixels (a turn in percent would shear it), as fractions for drawing.
        ow, oh = item.get("original_width") or 100, item.get("original_height") or 100
        cx, cy, rx, ry, rot = ellipse_to_pixels(item.get("value") or {}, (ow, oh))
        points = ellipse_points(cx, cy, rx, ry, rot)
        return "polygon", [(float(x) / ow, float(y) / oh) for x, y in points]


class Rectangle(RectangleLabels):
    """``<Rectangle>``: a box without a label of its own (a ``<Labels>`` may label it)."""

    tag = "Rectangle"
    options: ClassVar[str | None] = None
    labeled = False


class Polygon(PolygonLabels):
    """``<Polygon>``: a polygon without a label of its own."""

    tag = "Polygon"
    options: ClassVar[str | None] = None
    labeled = False


class KeyPoint(KeyPointLabels):
    """``<KeyPoint>``: a point without a label of its own."""

    tag = "KeyPoint"
    options: ClassVar[str | None] = None
    labeled = False


class Brush(BrushLabels):
    """``<Brush>``: a mask without a label of its own."""

    tag = "Brush"
    options: ClassVar[str | None] = None
    labeled = False


class Ellipse(EllipseLabels):
    """``<Ellipse>``: an ellipse without a label of its own."""

    tag = "Ellipse"
    options: ClassVar[str | None] = None
    labeled = False


def region_plugin(item: Result) -> ImageRegion | None:
    """The plugin of an image region item (by its ``type``), ``None`` for other items."""
    found = _KINDS.get(str(item.get("type")))
    return None if found is None else found()


_KINDS: dict[str, type[ImageRegion]] = {
    k.tag.lower(): k
    for k in (
        *(RectangleLabels, PolygonLabels, KeyPointLabels, BrushLabels, EllipseLabels),
        *(Rectangle, Polygon, KeyPoint, Brush, Ellipse),
    )
}
_NOUNS = {"rectanglelabels": "box", "polygonlabels": "polygon", "keypointlabels": "point",
          "brushlabels": "mask", "ellipselabels": "ellipse"}  # fmt: skip


def shape_type(value: dict[str, Any]) -> str | None:
    """The labeled type (``rectanglelabels``...) whose geometry ``value`` holds, told by its
    keys; ``None`` when it holds none (a ``labels`` item repeats its region's geometry)."""
    if "radiusX" in value:
        return "ellipselabels"
    if "points" in value:
        return "polygonlabels"
    if "rle" in value or "png" in value or "format" in value:
        return "brushlabels"
    if "height" in value:
        return "rectanglelabels"
    if "x" in value and "y" in value:
        return "keypointlabels"
    return None


def pixels(item: Result) -> dict[str, Any]:
    """Geometry of a region item in pixels of the original image, for ``w.annotations``:
    ``x``, ``y``, ``width``, ``height``, ``rotation`` (a polygon's and a mask's bounding
    box; a keypoint's ``width`` is its radius), ``points`` for polygons, ``mask`` for
    brushes, and for an ellipse its centre ``x``, ``y``, its ``radiusX``, ``radiusY`` and
    ``rotation``. An item repeating a region's geometry (a ``labels`` item of the split form,
    a per-region answer) gives its region's. Empty for other items or when the size is
    missing.

    Values are rounded to 1e-9 pixel: percent -> pixels leaves float noise (a box drawn at
    y = 314 would read 314.00000000000006), which a whole-pixel region must not show."""
    found = _pixels(item)
    for name in ("x", "y", "width", "height", "rotation", "radiusX", "radiusY"):
        if name in found:
            found[name] = round(float(found[name]), 9) + 0.0  # + 0.0: no "-0.0"
    if "points" in found:
        found["points"] = [(round(px, 9) + 0.0, round(py, 9) + 0.0) for px, py in found["points"]]
    return found


def _pixels(item: Result) -> dict[str, Any]:
    value = item.get("value") or {}
    kind = _KINDS.get(str(item.get("type")))
    if kind is None and isinstance(value, dict):
        kind = _KINDS.get(shape_type(value) or "")
    ow, oh = item.get("original_width"), item.get("original_height")
    if kind is None or not ow or not oh:
        return {}
    try:
        if not issubclass(kind, BrushLabels):
            return kind.pixels(value, ow, oh)
        mask = brush_mask(item)
        top, left, rows, cols = mask_box(mask)
        found: dict[str, Any] = {"mask": mask}
        if rows:
            found.update(x=float(left), y=float(top), width=float(cols), height=float(rows),
                         rotation=0.0)  # fmt: skip
        return found
    except (KeyError, TypeError, ValueError, IndexError):
        return {}  # a malformed stored item: the stale check names it


def mask_of(event: Any, *, control: str | None = None, label: str | None = None) -> Any:
    """The brush mask of a stored submit ``event``: a numpy bool array (height, width) at
    the original size, the union of its ``brushlabels`` regions (of ``control`` and with
    ``label`` when given); ``None`` when it has none."""
    found = None
    for r in event.result if event is not None else []:
        brushes = r.get("type") in ("brushlabels", "brush")
        if not brushes or control not in (None, r.get("from_name")):
            continue
        if label is not None and label not in labels_of(r):
            continue
        m = brush_mask(r)
        found = m if found is None else (found | m)
    return found


# -- result items, made from pixels ------------------------------------------------------------
def _base(
    control: Control | str,
    kind: str,
    labels: str | Sequence[str] | None,
    size: tuple[int, int],
    *,
    to_name: str | None,
    id: str | None,
    origin: str,
    score: float | None,
) -> tuple[Result, list[str] | None]:
    """The item's envelope and its labels; ``None`` labels for a bare tool (``<Rectangle>``
    given as ``control``, or ``labels=None``), whose value holds no label key."""
    bare = kind.removesuffix("labels")
    if isinstance(control, Control):
        name, target = control.name, to_name or control.to_name[0]
        if control.type not in (kind, bare):
            raise ValueError(f"control {name!r} makes {control.type!r} results, not {kind!r}")
        kind = control.type
    else:
        name, target = control, to_name or "image"
        kind = bare if labels is None else kind
    item: Result = {
        "id": id or new_id(),
        "from_name": name,
        "to_name": target,
        "type": kind,
        "origin": origin,
        "original_width": int(size[0]),
        "original_height": int(size[1]),
        "image_rotation": 0,
    }
    if score is not None:
        item["score"] = float(score)
    if kind == bare:
        return item, None
    return item, [labels] if isinstance(labels, str) else list(labels or [])


def _labeled(item: Result, value: dict[str, Any], labels: list[str] | None) -> Result:
    if labels is not None:
        value[item["type"]] = labels
    item["value"] = value
    return item


def rectangle(
    control: Control | str,
    labels: str | Sequence[str] | None,
    *,
    x: float,
    y: float,
    width: float,
    height: float,
    size: tuple[int, int],
    rotation: float = 0.0,
    to_name: str | None = None,
    id: str | None = None,
    origin: str = "manual",
    score: float | None = None,
) -> Result:
    """A ``rectanglelabels`` item from a box in **pixels** of the original image of ``size``
    (width, height); ``rotation`` degrees clockwise about ``(x, y)``.

    ``control`` is a :class:`nblabel.core.schema.Control` (``w.schema.control("box")``) or its
    name (then ``to_name`` defaults to ``"image"``). A bare ``<Rectangle>`` control (or
    ``labels=None``) makes a ``rectangle`` item without labels, as every builder here does
    for its bare tool; label it with :func:`nblabel.tags.regionlabels.region_labels`.
    """
    item, found = _base(control, "rectanglelabels", labels, size, to_name=to_name, id=id,
                        origin=origin, score=score)  # fmt: skip
    return _labeled(item, box_from_pixels(x, y, width, height, rotation, size), found)


def polygon(
    control: Control | str,
    labels: str | Sequence[str] | None,
    *,
    points: Sequence[Sequence[float]] | np.ndarray,
    size: tuple[int, int],
    to_name: str | None = None,
    id: str | None = None,
    origin: str = "manual",
    score: float | None = None,
) -> Result:
    """A ``polygonlabels`` item from vertices in **pixels** of the original image."""
    item, found = _base(control, "polygonlabels", labels, size, to_name=to_name, id=id,
                        origin=origin, score=score)  # fmt: skip
    w, h = size
    pts = [[to_percent(float(px), w), to_percent(float(py), h)] for px, py in points]
    return _labeled(item, {"points": pts, "closed": True}, found)


def keypoint(
    control: Control | str,
    labels: str | Sequence[str] | None,
    *,
    x: float,
    y: float,
    size: tuple[int, int],
    radius: float = 5.0,
    to_name: str | None = None,
    id: str | None = None,
    origin: str = "manual",
    score: float | None = None,
) -> Result:
    """A ``keypointlabels`` item at ``(x, y)`` in **pixels** of the original image;
    ``radius`` in pixels too (Label Studio's ``width``, in percent of the image width)."""
    item, found = _base(control, "keypointlabels", labels, size, to_name=to_name, id=id,
                        origin=origin, score=score)  # fmt: skip
    w, h = size
    value = {"x": to_percent(x, w), "y": to_percent(y, h), "width": to_percent(radius, w)}
    return _labeled(item, value, found)


def ellipse(
    control: Control | str,
    labels: str | Sequence[str] | None,
    *,
    x: float,
    y: float,
    radius_x: float,
    radius_y: float,
    size: tuple[int, int],
    rotation: float = 0.0,
    to_name: str | None = None,
    id: str | None = None,
    origin: str = "manual",
    score: float | None = None,
) -> Result:
    """An ``ellipselabels`` item centred at ``(x, y)`` with radii ``radius_x``, ``radius_y``,
    all in **pixels** of the original image of ``size``; ``rotation`` degrees clockwise about
    the centre."""
    item, found = _base(control, "ellipselabels", labels, size, to_name=to_name, id=id,
                        origin=origin, score=score)  # fmt: skip
    return _labeled(item, ellipse_from_pixels(x, y, radius_x, radius_y, rotation, size), found)


def brush(
    control: Control | str,
    labels: str | Sequence[str] | None,
    *,
    mask: np.ndarray,
    to_name: str | None = None,
    id: str | None = None,
    origin: str = "manual",
    score: float | None = None,
) -> Result:
    """A ``brushlabels`` item (Label Studio RLE) from a boolean mask (height, width) at the
    original size of the image."""
    m = np.asarray(mask)
    size = (int(m.shape[1]), int(m.shape[0]))
    item, found = _base(control, "brushlabels", labels, size, to_name=to_name, id=id,
                        origin=origin, score=score)  # fmt: skip
    return _labeled(item, {"format": "rle", "rle": mask_to_rle(m)}, found)


# -- checks ---------------------------------------------------------------------------------------
def _number(value: Any, name: str, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ResultError(f"{where}: {name} must be a number, got {value!r}")
    if not math.isfinite(value):
        raise ResultError(f"{where}: {name} must be finite, got {value!r}")
    return float(value)


def _inside(v: float, name: str, where: str, hint: str = "") -> None:
    if not -TOLERANCE <= v <= 100.0 + TOLERANCE:
        raise ResultError(
            f"{where}: {name} = {v:g}% is outside the image (0-100%){hint}; "
            "move the region inside the image or delete it"
        )


def _check_rectangle(value: dict[str, Any], where: str, ow: Any, oh: Any) -> None:
    x, y, w, h = (_number(value.get(k), k, where) for k in ("x", "y", "width", "height"))
    rotation = _number(value.get("rotation", 0.0) or 0.0, "rotation", where)
    if w <= 0 or h <= 0:
        raise ResultError(
            f"{where}: the box is {w:g}% x {h:g}% (width and height must be > 0); "
            "draw it again by dragging, or delete it"
        )
    if rotation % 360.0 == 0.0 or not (isinstance(ow, int | float) and ow and oh):
        corners = box_corners(x, y, w, h, 0.0)
    else:  # rotation turns in pixels: check the turned corners in pixels, then percent
        px = box_corners(*box_to_pixels(value, (float(ow), float(oh))))
        corners = np.column_stack((px[:, 0] * 100.0 / ow, px[:, 1] * 100.0 / oh))
    hint = "" if rotation % 360.0 == 0.0 else f" (a corner of the box turned {rotation:g} deg)"
    for cx, cy in corners:
        _inside(float(cx), "x", where, hint)
        _inside(float(cy), "y", where, hint)


def _check_ellipse(value: dict[str, Any], where: str, ow: Any, oh: Any) -> None:
    x, y, rx, ry = (_number(value.get(k), k, where) for k in ("x", "y", "radiusX", "radiusY"))
    rotation = _number(value.get("rotation", 0.0) or 0.0, "rotation", where)
    if rx <= 0 or ry <= 0:
        raise ResultError(
            f"{where}: the ellipse's radii are {rx:g}% x {ry:g}% (both must be > 0); draw it "
            "again by dragging from its centre, or delete it"
        )
    if isinstance(ow, int | float) and ow and oh:  # its bounding box, turned in pixels
        hx, hy = ellipse_extent(rx * ow / 100.0, ry * oh / 100.0, rotation)
        hx, hy = hx * 100.0 / ow, hy * 100.0 / oh
    else:
        hx, hy = ellipse_extent(rx, ry, rotation)
    hint = f" (the ellipse's edge{f' turned {rotation:g} deg' if rotation % 360 else ''})"
    for v, name in ((x - hx, "x"), (x + hx, "x"), (y - hy, "y"), (y + hy, "y")):
        _inside(v, name, where, hint)


def _check_polygon(value: dict[str, Any], where: str) -> dict[str, Any]:
    points = value.get("points")
    if not isinstance(points, list) or len(points) < 3:
        n = len(points) if isinstance(points, list) else 0
        raise ResultError(f"{where}: a polygon needs at least 3 points, got {n}")
    pts = []
    for i, p in enumerate(points):
        if not isinstance(p, list | tuple) or len(p) != 2:
            raise ResultError(f"{where}: point {i} must be [x, y], got {p!r}")
        px, py = _number(p[0], f"point {i} x", where), _number(p[1], f"point {i} y", where)
        _inside(px, f"point {i} x", where)
        _inside(py, f"point {i} y", where)
        pts.append((px, py))
    # A double-click that ends a polygon may repeat its last point: not a crossing.
    kept = [q for k, q in enumerate(pts) if q != pts[k - 1] or k == 0]
    if len(kept) > 1 and kept[-1] == kept[0]:
        kept.pop()
    if len(kept) < 3:
        raise ResultError(f"{where}: a polygon needs at least 3 different points")
    if len(kept) != len(pts):
        value = {**value, "points": [list(q) for q in kept]}
    arr = np.array(kept, dtype=np.float64)
    crossing = self_intersection(arr)
    if crossing is not None:
        i, j = crossing
        raise ResultError(
            f"{where}: the polygon crosses itself (edge {i}-{(i + 1) % len(arr)} meets edge "
            f"{j}-{(j + 1) % len(arr)}); move a vertex so its edges do not cross"
        )
    if abs(polygon_area(arr)) <= 1e-9:
        raise ResultError(f"{where}: the polygon has no area (its points are on one line)")
    return value


def _is_bytes(values: list[Any]) -> bool:
    """Whether every value is an int (not a bool) in 0..255: a mask's RLE has thousands, so
    the test runs in C (``bytes()`` refuses the rest of the range and other types)."""
    if not set(map(type, values)) <= {int}:
        return False
    try:
        bytes(values)
    except ValueError:
        return False
    return True


def _check_brush(value: dict[str, Any], where: str, ow: Any, oh: Any, convert: bool) -> dict:
    fmt = value.get("format", "rle" if "rle" in value else None)
    if fmt == "rle":
        rle = value.get("rle")
        if not isinstance(rle, list) or not _is_bytes(rle):
            raise ResultError(f"{where}: rle must be a list of bytes (0-255)")
        if convert:  # a fresh submission: its RLE must cover this image exactly
            try:
                if not mask_from_rle(rle, (int(ow), int(oh)), shared=True).any():
                    raise ResultError(f"{where}: the mask is empty; paint it or delete it")
            except (ValueError, IndexError, TypeError) as exc:
                raise ResultError(f"{where}: {exc}") from None
        return {**value, "format": "rle"}
    if fmt != "png":
        raise ResultError(f"{where}: format must be 'rle' or 'png', got {fmt!r}")
    if not (isinstance(ow, int | float) and ow and oh):
        raise ResultError(f"{where}: a png mask needs the item's original_width/height")
    try:
        mask = mask_from_png(value.get("png") or "")
    except Exception as exc:  # Pillow and base64 raise many kinds for bad bytes
        raise ResultError(f"{where}: png is not a readable base64 PNG ({exc})") from None
    if not mask.any():
        raise ResultError(f"{where}: the mask is empty; paint it or delete it")
    full = resize_mask(mask, (int(ow), int(oh)))
    rest = {k: v for k, v in value.items() if k not in ("png", "format", "rle")}
    return {"format": "rle", "rle": mask_to_rle(full), **rest}
