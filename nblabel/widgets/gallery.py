"""A read-only review gallery of image regions, drawn with ipycanvas from Python.

``nblabel.review(w)`` shows a grid of thumbnails with the submitted regions (solid lines,
filled masks) and the predictions (dashed lines, mask outlines) on top, filtered by label or
by disagreement between them; clicking a tile opens that item in the labeler.

What is drawn is decided by :func:`plan` (plain data, tested without a browser) and drawn by
:func:`draw`; the two are apart so that the test of one is not a test of ipycanvas.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from PIL import Image

from ..core.errors import NblabelError
from ..core.job import Job, as_job
from ..core.tag import labels_of
from ..tags.geometry import brush_mask, mask_iou, resize_mask
from ..tags.image import load_image, upright
from ..tags.regions import ImageInfo, region_plugin

if TYPE_CHECKING:
    from ipycanvas import Canvas  # type: ignore[import-untyped]

Result = dict[str, Any]

#: Colours for labels without a ``background`` in the config (colour-blind safe order).
PALETTE = (
    "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#d55e00", "#56b4e9", "#f0e442", "#000000",
)  # fmt: skip
CAPTION = 18  # pixels under each thumbnail for the item id and the agreement
GAP = 8
#: Grid on which regions are rasterised to compare them (long side, pixels).
IOU_GRID = 256


@dataclass
class Shape:
    """One region as drawn on the canvas (canvas pixels)."""

    source: str  # "annotation" | "prediction"
    kind: str  # "box" | "polygon" | "point" | "mask"
    label: str
    color: str
    points: list[tuple[float, float]] = field(default_factory=list)
    radius: float = 0.0
    score: float | None = None


@dataclass
class Tile:
    """One item of the grid: where it is on the canvas, its picture and its regions."""

    item: object
    key: str
    x: int
    y: int
    width: int
    height: int
    image: np.ndarray | None  # RGB thumbnail, masks already blended in
    shapes: list[Shape]
    agreement: float | None  # mean IoU of matched regions; None without both sides
    caption: str
    error: str | None = None
    image_at: tuple[int, int] = (0, 0)  # top-left corner of the thumbnail

    def contains(self, px: float, py: float) -> bool:
        return self.x <= px < self.x + self.width and self.y <= py < self.y + self.height


# -- comparing regions ------------------------------------------------------------------------
def rasterize(item: Result, grid: tuple[int, int]) -> np.ndarray:
    """A region as a boolean mask on a ``grid`` = (width, height) covering the image."""
    plugin = region_plugin(item)
    if plugin is None:
        return np.zeros((grid[1], grid[0]), dtype=bool)
    return plugin.raster(item, grid)


def agreement(annotations: Sequence[Result], predictions: Sequence[Result]) -> float | None:
    """How well the predictions match the submitted regions: regions are paired greedily
    by IoU (same control and label), and the paired IoUs averaged over all regions of
    both sides (an unpaired region counts 0). ``None`` when either side has no region."""
    if not annotations or not predictions:
        return None
    ref = annotations[0]
    ow, oh = ref.get("original_width") or 100, ref.get("original_height") or 100
    scale = IOU_GRID / max(ow, oh)
    grid = (max(1, round(ow * scale)), max(1, round(oh * scale)))
    a_masks = [rasterize(r, grid) for r in annotations]
    p_masks = [rasterize(r, grid) for r in predictions]
    pairs = []
    for i, a in enumerate(annotations):
        for j, p in enumerate(predictions):
            same = a.get("from_name") == p.get("from_name") and labels_of(a) == labels_of(p)
            if same:
                pairs.append((mask_iou(a_masks[i], p_masks[j]), i, j))
    pairs.sort(reverse=True)
    used_a: set[int] = set()
    used_p: set[int] = set()
    total = 0.0
    for value, i, j in pairs:
        if i in used_a or j in used_p or value <= 0:
            continue
        used_a.add(i)
        used_p.add(j)
        total += value
    return total / (len(annotations) + len(predictions) - len(used_a))


# -- the plan ---------------------------------------------------------------------------------
def _colors(job: Job) -> dict[str, str]:
    out: dict[str, str] = {}
    for c in job.schema.controls:
        if region_plugin({"type": c.type}) is None:
            continue
        for ch in c.choices:
            out.setdefault(ch.value, ch.background or PALETTE[len(out) % len(PALETTE)])
    return out


def _thumbnail(cell: object, key: str, size: int) -> Image.Image:
    img = load_image(cell, key)
    if img.format == "JPEG":
        # Decode at 1/2..1/8 scale (no smaller than the thumbnail): a page opens fast.
        scale = size / max(img.size)
        img.draft("RGB", (max(1, int(img.size[0] * scale)), max(1, int(img.size[1] * scale))))
    img = upright(img).convert("RGB")
    img.thumbnail((size, size), Image.Resampling.LANCZOS, reducing_gap=2.0)
    return img


def _rgb(color: str) -> np.ndarray:
    c = color.lstrip("#")
    if len(c) == 3:
        c = "".join(ch * 2 for ch in c)
    try:
        return np.array([int(c[i : i + 2], 16) for i in (0, 2, 4)], dtype=np.float64)
    except ValueError:  # a CSS colour name in the config: draw it in the first colour
        return _rgb(PALETTE[0])


def _blend(pixels: np.ndarray, mask: np.ndarray, color: str, *, outline: bool) -> None:
    if outline:  # a prediction: its edge only, so the picture stays visible
        inner = mask.copy()
        inner[1:, :] &= mask[:-1, :]
        inner[:-1, :] &= mask[1:, :]
        inner[:, 1:] &= mask[:, :-1]
        inner[:, :-1] &= mask[:, 1:]
        pixels[mask & ~inner] = _rgb(color)
    else:
        pixels[mask] = pixels[mask] * 0.55 + _rgb(color) * 0.45


def _shapes(
    result: Sequence[Result],
    source: str,
    tile: tuple[int, int, int, int],
    colors: dict[str, str],
    pixels: np.ndarray | None,
) -> list[Shape]:
    x0, y0, tw, th = tile
    out = []
    for r in result:
        plugin = region_plugin(r)
        if plugin is None:
            continue
        label = ", ".join(labels_of(r))
        color = colors.get(labels_of(r)[0] if labels_of(r) else "", PALETTE[0])
        score = r.get("score") if source == "prediction" else None
        try:
            kind, points = plugin.outline(r)
            pts = [(x0 + x * tw, y0 + y * th) for x, y in points]
            if kind == "mask":
                mask = resize_mask(brush_mask(r), (tw, th))
                if pixels is not None:
                    _blend(pixels, mask, color, outline=source == "prediction")
            radius = 4.0 if kind == "point" else 0.0
            out.append(Shape(source, kind, label, color, pts, radius=radius, score=score))
        except (KeyError, TypeError, ValueError, IndexError):
            continue  # a malformed stored region: the labeler's checks report it
    return out


def plan(
    job: Job | Any,
    *,
    items: Sequence[object] | None = None,
    label: str | None = None,
    disagreement: float | bool | None = None,
    columns: int = 4,
    tile_size: int = 200,
    limit: int = 48,
    page: int = 0,
    images: bool = True,
    thumbnails: dict[tuple[str, int], Image.Image] | None = None,
) -> list[Tile]:
    """What :func:`review` draws, as data: one :class:`Tile` per item shown.

    Parameters
    ----------
    job
        An image labeling job (or labeler) with region controls (and ``predictions=`` for
        the dashed ones).
    items
        Item ids to consider; default: every item that has submitted regions or
        predictions, in DataFrame order.
    label
        Keep items with a region (submitted or predicted) of this label.
    disagreement
        Keep items whose :func:`agreement` (mean IoU of paired regions) is below this
        (``True``: 0.5), worst first; items without both sides are left out.
    columns, tile_size
        Grid shape; thumbnails fit a ``tile_size`` square.
    limit, page
        At most ``limit`` tiles: page ``page`` (from 0) of the items kept.
    images
        Load the thumbnails (``False``: only regions, for a fast test or plan).
    thumbnails
        A cache of thumbnails by ``(key, tile_size)``, filled as they are loaded (a
        gallery keeps one, so ``refresh()`` re-reads labels, not images).
    """
    job = as_job(job)
    if disagreement is True:
        disagreement = 0.5
    keys = (
        [job.items.key(i) for i in range(len(job.items))]
        if items is None
        else [str(i) for i in items]
    )
    colors = _colors(job)
    found = []
    for key in keys:
        ev = job.store.state(key)
        mine = [r for r in ev.result if region_plugin(r)] if ev else []
        if ev is not None and ev.action != "submit":
            mine = []
        theirs: list[Result] = []
        if job.predictions is not None:
            theirs, _ = job.predictions.for_item(key, target_of=job.target_of(key))
            theirs = [r for r in theirs if region_plugin(r)]
        if items is None and not mine and not theirs:
            continue
        if label is not None and not any(label in labels_of(r) for r in [*mine, *theirs]):
            continue
        score = agreement(mine, theirs)
        if disagreement is not None and (score is None or score >= float(disagreement)):
            continue
        found.append((key, mine, theirs, score))
    if disagreement is not None:
        found.sort(key=lambda f: -1.0 if f[3] is None else f[3])  # None never kept here
    tiles = []
    shown = found[page * limit : (page + 1) * limit]
    for n, (key, mine, theirs, score) in enumerate(shown):
        row, col = divmod(n, columns)
        cx, cy = GAP + col * (tile_size + GAP), GAP + row * (tile_size + CAPTION + GAP)
        pixels, error, (tw, th) = None, None, _fit(job, key, tile_size)
        if images:
            try:
                pos = job.items.pos(key)
                cell = job.items.data.iloc[pos][_image_column(job)]
                cached = None if thumbnails is None else thumbnails.get((key, tile_size))
                thumb = cached or _thumbnail(cell, key, tile_size)
                if thumbnails is not None:
                    thumbnails[(key, tile_size)] = thumb
                tw, th = thumb.size
                pixels = np.asarray(thumb, dtype=np.float64).copy()
            except (NblabelError, OSError, ValueError) as exc:
                error = str(exc)
        # Centred across, at the bottom of its square: the caption sits right under it.
        ix, iy = cx + (tile_size - tw) // 2, cy + tile_size - th
        shapes = _shapes(mine, "annotation", (ix, iy, tw, th), colors, pixels)
        shapes += _shapes(theirs, "prediction", (ix, iy, tw, th), colors, pixels)
        pos = job.items.pos(key)
        item, name = job.items.ids[pos], job.items.label(pos)
        caption = name if score is None else f"{name}  IoU {score:.2f}"
        tiles.append(
            Tile(item=item, key=key, x=cx, y=cy, width=tile_size, height=tile_size + CAPTION,
                 image=None if pixels is None else pixels.astype(np.uint8),
                 shapes=shapes, agreement=score, caption=caption, error=error,
                 image_at=(ix, iy))
        )  # fmt: skip
    return tiles


def _image(job: Job) -> Any:
    for o in job.schema.objects:
        if o.type == "image":
            return o
    raise NblabelError("review() needs a labeler of images (an <Image> object)")


def _image_column(job: Job) -> str:
    return str(_image(job).column)


def _fit(job: Job, key: str, tile_size: int) -> tuple[int, int]:
    """Thumbnail size of an item, from its header (what :func:`_thumbnail` will give)."""
    try:
        info = job.sources.target(key, _image(job).name)
    except (NblabelError, KeyError, OSError, ValueError):
        return tile_size, tile_size
    if not isinstance(info, ImageInfo):
        return tile_size, tile_size
    w, h = info.size
    scale = min(tile_size / w, tile_size / h, 1.0)
    return max(1, round(w * scale)), max(1, round(h * scale))


# -- drawing ----------------------------------------------------------------------------------
def canvas_size(tiles: Sequence[Tile], columns: int, tile_size: int) -> tuple[int, int]:
    rows = max(1, math.ceil(len(tiles) / columns))
    return (GAP + columns * (tile_size + GAP), GAP + rows * (tile_size + CAPTION + GAP))


def draw(canvas: Canvas, tiles: Sequence[Tile]) -> None:
    """Draw ``tiles`` on an ipycanvas ``Canvas`` (one batch of commands)."""
    from ipycanvas import hold_canvas

    with hold_canvas():
        canvas.clear()
        canvas.font = "12px sans-serif"
        for t in tiles:
            canvas.fill_style = "#f2f2f2"
            canvas.fill_rect(t.x, t.y, t.width, t.height - CAPTION)
            if t.image is not None:
                canvas.put_image_data(t.image, *t.image_at)
            for s in t.shapes:
                canvas.stroke_style = s.color
                canvas.line_width = 2 if s.source == "annotation" else 1.5
                canvas.set_line_dash([] if s.source == "annotation" else [5, 3])
                if s.kind in ("box", "polygon"):
                    canvas.stroke_polygon(s.points)
                elif s.kind == "point":
                    (px, py) = s.points[0]
                    canvas.fill_style = s.color
                    if s.source == "annotation":
                        canvas.fill_circle(px, py, s.radius)
                    else:
                        canvas.stroke_circle(px, py, s.radius)
            canvas.set_line_dash([])
            canvas.fill_style = "#b00020" if t.error else "#222222"
            canvas.fill_text(t.error or t.caption, t.x + 2, t.y + t.height - 5, max_width=t.width)


class Gallery:
    """The review gallery: an ipycanvas ``Canvas`` and the plan it shows.

    Displaying it shows the canvas. ``tiles`` is what was drawn; ``click(x, y)`` is what a
    mouse click on the canvas does (open that item in the labeler); ``refresh()`` re-reads
    the labels and predictions.
    """

    def __init__(self, job: Job | Any, **options: Any) -> None:
        from ipycanvas import Canvas

        self.job = as_job(job)
        self.options = options
        self.tiles: list[Tile] = []
        self._thumbnails: dict[tuple[str, int], Image.Image] = {}
        self.canvas = Canvas(width=1, height=1)
        self.canvas.on_mouse_down(self.click)
        self.refresh()

    def refresh(self) -> None:
        """Re-read labels and predictions and draw again (thumbnails are kept)."""
        if len(self._thumbnails) > 1024:  # bounded: a few pages of thumbnails
            self._thumbnails.clear()
        self.tiles = plan(self.job, thumbnails=self._thumbnails, **self.options)
        columns = self.options.get("columns", 4)
        tile_size = self.options.get("tile_size", 200)
        self.canvas.width, self.canvas.height = canvas_size(self.tiles, columns, tile_size)
        draw(self.canvas, self.tiles)

    def show_page(self, page: int) -> None:
        """Show page ``page`` (from 0) of the items kept, ``limit`` per page."""
        self.options["page"] = page
        self.refresh()

    def tile_at(self, x: float, y: float) -> Tile | None:
        return next((t for t in self.tiles if t.contains(x, y)), None)

    def click(self, x: float, y: float) -> object | None:
        """Open the item under canvas point ``(x, y)`` in the labeler; return its id."""
        tile = self.tile_at(x, y)
        if tile is None:
            return None
        with self.job.lock:
            self.job.goto(tile.item)
        self.job.refresh()  # the labeler showing the job redraws
        return tile.item

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.canvas._repr_mimebundle_(**kwargs)

    def __repr__(self) -> str:
        worst = [t.agreement for t in self.tiles if t.agreement is not None]
        low = f", lowest IoU {min(worst):.2f}" if worst else ""
        return f"Gallery({len(self.tiles)} items{low})"


def review(
    labeler: Job | Any,
    *,
    items: Sequence[object] | None = None,
    label: str | None = None,
    disagreement: float | bool | None = None,
    columns: int = 4,
    tile_size: int = 200,
    limit: int = 48,
    page: int = 0,
) -> Gallery:
    """A read-only gallery of an image labeler's regions and predictions.

    Submitted regions are drawn solid (masks filled), predictions dashed (masks outlined),
    each in its label's colour; under each thumbnail the item id and, with both, their
    agreement (mean IoU of paired regions). Click a tile to open it in the labeler.

    ``nblabel.review(w)``, ``nblabel.review(w, label="car")``,
    ``nblabel.review(w, disagreement=0.5)`` (worst first). See :func:`plan` for every
    parameter.
    """
    return Gallery(labeler, items=items, label=label, disagreement=disagreement,
                   columns=columns, tile_size=tile_size, limit=limit, page=page)  # fmt: skip
