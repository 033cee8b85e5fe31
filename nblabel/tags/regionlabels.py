"""``<Labels>`` on an ``<Image>``: the labels of regions drawn with a bare tool
(``<Rectangle>``, ``<Polygon>``, ``<KeyPoint>``, ``<Brush>``, ``<Ellipse>``), as Label
Studio's OCR template uses them; on a ``<Text>`` it is the span control of
:mod:`nblabel.tags.labels`, unchanged.

Label Studio stores such a region in its "split form" (/work/helpers/ls-tags.md §2, "OCR
template", seen in its UI): the tool's item carries the geometry, and each ``<Labels>``
adds an item with the **same id**, the same image extras (``original_width``,
``original_height``, ``image_rotation``, ``item_index``) and the geometry repeated in its
value::

    {"id": "r1", "from_name": "bbox", "to_name": "image", "type": "rectangle",
     "value": {"x": 10, "y": 20, "width": 30, "height": 5, "rotation": 0}, ...}
    {"id": "r1", "from_name": "label", "to_name": "image", "type": "labels",
     "value": {"x": 10, "y": 20, "width": 30, "height": 5, "rotation": 0,
               "labels": ["Text"]}, ...}

The repeated geometry is what lets Label Studio put the two back together (a result whose
value has one key loads as a whole-image class), so it is always copied from the region's
own item here, never trusted from the caller: the browser sends only ``{"labels": [...]}``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..core.errors import ResultError, SchemaError
from ..core.results import Result
from ..core.schema import Control, Schema
from ..core.tag import TargetOf, labels_of
from .labels import Labels as SpanLabels
from .regions import IMAGE_EXTRAS, ImageInfo, ImageRegion, Pages, pixels, region_plugin, shape_type

#: The bare tools a ``<Labels>`` on an image labels regions of, for messages.
TOOLS = "<Rectangle>, <Polygon>, <KeyPoint>, <Brush> or <Ellipse>"


def _image_item(item: Result, target: Any = None) -> bool:
    """Whether a ``labels`` item labels an image region (not a text span): told by its
    target when known, else by its value (a span always has ``start``)."""
    if isinstance(target, ImageInfo | Pages):
        return True
    if isinstance(target, str):
        return False
    value = item.get("value")
    return isinstance(value, dict) and "start" not in value and "end" not in value


def _on_image(control: Control, schema: Schema) -> bool:
    kinds = {o.name: o.type for o in schema.objects}
    return any(kinds.get(t) == "image" for t in control.to_name)


class Labels(SpanLabels):
    """``<Labels>``: spans of a ``<Text>``, or the labels of image regions drawn with a bare
    tool on an ``<Image>`` (Label Studio's split form, see the module)."""

    objects = frozenset({"text", "image"})

    def check_config(self, control: Control, schema: Schema) -> None:
        if not _on_image(control, schema):
            super().check_config(control, schema)
            return
        kinds = {o.name: o.type for o in schema.objects}
        if any(kinds.get(t) != "image" for t in control.to_name):
            raise SchemaError(
                f"<Labels name={control.name!r}> has toName={','.join(control.to_name)!r}: "
                "it labels either spans of <Text> objects or regions of <Image> objects, "
                "not both"
            )
        mine = set(control.to_name)
        tools = [
            c
            for c in schema.controls
            if isinstance(schema.plugin(c), ImageRegion) and set(c.to_name) & mine
        ]
        if not tools:
            raise SchemaError(
                f"<Labels name={control.name!r} toName={','.join(control.to_name)!r}> labels "
                f"image regions, but no {TOOLS} draws any on that image: add one (Label "
                'Studio\'s OCR template has <Rectangle name="bbox" toName="image"/>), or '
                "use <RectangleLabels> to draw labeled boxes"
            )

    def check(
        self, control: Control, item: Result, *, key: object, target: Any, fresh: bool
    ) -> Result:
        if not _image_item(item, target):
            return super().check(control, item, key=key, target=target, fresh=fresh)
        where = f"item {key!r}: label of region {item.get('id')!r} ({control.name})"
        value = item.get("value")
        if not isinstance(value, dict):
            raise ResultError(f"{where}: value must be a dict with labels, got {value!r}")
        labels = labels_of(item)
        if not labels:
            raise ResultError(
                f"{where}: no label; give it one of {', '.join(control.values)} "
                "(value['labels']), or leave the item out for a region without a label"
            )
        if not control.multiple and len(labels) > 1:
            raise ResultError(
                f"{where}: control {control.name!r} takes one label per region, got "
                f'{", ".join(labels)} (set choice="multiple" on <Labels> for more)'
            )
        return item

    def check_result(
        self,
        control: Control,
        result: list[Result],
        *,
        key: object,
        schema: Schema,
        target_of: TargetOf | None,
    ) -> list[Result]:
        if not _on_image(control, schema):
            return super().check_result(
                control, result, key=key, schema=schema, target_of=target_of
            )
        # The regions of this result by id: the items of the tools that drew them.
        regions: dict[Any, tuple[Result, ImageRegion]] = {}
        for r in result:
            c = schema.control_of(r)
            plugin = schema.plugin(c) if c is not None else None
            if isinstance(plugin, ImageRegion) and c is not None and not c.per_region:
                regions.setdefault(r.get("id"), (r, plugin))
        out = []
        for r in result:
            if r.get("from_name") != control.name:
                out.append(r)
                continue
            found = regions.get(r.get("id"))
            if found is None or found[0].get("to_name") != r.get("to_name"):
                drawn = ", ".join(repr(i) for i in regions) or "none"
                raise ResultError(
                    f"item {key!r}: label {', '.join(labels_of(r))} ({control.name}) names "
                    f"region {r.get('id')!r}, but no region of {r.get('to_name')!r} in this "
                    f"result has that id (regions: {drawn}); on an <Image> a <Labels> item "
                    f"shares its id with the region a {TOOLS} drew"
                )
            region, plugin = found
            # Label Studio's order of the value: the region's fields, then the labels.
            value = {**plugin.geometry(region), "labels": labels_of(r)}
            extras = {k: region[k] for k in IMAGE_EXTRAS if k in region}
            rest = {k: v for k, v in r.items() if k not in IMAGE_EXTRAS and k != "value"}
            out.append({**rest, **extras, "value": value})
        return out

    def has_value(self, control: Control, item: Result) -> bool:
        return bool(labels_of(item))

    def joins_region(self, control: Control, schema: Schema) -> bool:
        return control.per_region or _on_image(control, schema)

    def label_cell(self, control: Control, items: list[Result], target_of: TargetOf) -> Any:
        if items and all(_image_item(r) for r in items):
            return [", ".join(labels_of(r)) for r in items]
        return super().label_cell(control, items, target_of)

    def annotation(self, item: Result, target_of: TargetOf) -> dict[str, Any]:
        if not _image_item(item):
            return super().annotation(item, target_of)
        found = pixels(item)
        if item.get("item_index") is not None:
            found["item_index"] = item["item_index"]
        return found

    def geometry(self, item: Result) -> dict[str, Any]:
        if not _image_item(item):
            return super().geometry(item)
        return {k: v for k, v in (item.get("value") or {}).items() if k != "labels"}

    def region_extras(self, item: Result) -> dict[str, Any]:
        if not _image_item(item):
            return super().region_extras(item)
        return {k: item[k] for k in IMAGE_EXTRAS if k in item}

    def for_browser(self, control: Control, item: Result, target: Any) -> Result:
        if not _image_item(item, target):
            return super().for_browser(control, item, target)
        # The browser draws the region from its tool's item; a label needs only its labels
        # (a mask's RLE repeated here would travel twice). Python copies the geometry back.
        return {**item, "value": {"labels": labels_of(item)}}

    def describe(self, item: Result, target: Any) -> str:
        if not _image_item(item, target):
            return super().describe(item, target)
        shape = region_plugin({"type": shape_type(item.get("value") or {})})
        if shape is None:
            return f"region {item.get('id')!r} ({', '.join(labels_of(item))})"
        return shape.describe(item, target)

    def matches(self, a: Result, b: Result) -> bool | None:
        if _image_item(a) or _image_item(b):
            return None  # the regions' own items are compared
        return super().matches(a, b)


def region_labels(
    control: Control | str,
    region: Result,
    labels: str | Sequence[str],
    *,
    score: float | None = None,
) -> Result:
    """The ``labels`` item labeling an image ``region`` (a ``rectangle``, ``polygon``...
    item, e.g. from :func:`nblabel.results.rectangle` with a bare ``<Rectangle>``): the
    region's id, image extras and geometry, and ``labels``, as Label Studio stores it.

    ``control`` is the ``<Labels>`` control or its name."""
    name = control.name if isinstance(control, Control) else control
    found = [labels] if isinstance(labels, str) else list(labels)
    plugin = region_plugin(region)
    if plugin is None:
        raise ValueError(f"{region.get('type')!r} items are not image regions")
    item: Result = {
        "id": region["id"],
        "from_name": name,
        "to_name": region.get("to_name"),
        "type": "labels",
        "origin": region.get("origin", "manual"),
        **{k: region[k] for k in IMAGE_EXTRAS if k in region},
        "value": {**plugin.geometry(region), "labels": found},
    }
    if score is not None:
        item["score"] = float(score)
    return item
