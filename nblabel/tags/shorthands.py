"""Python shorthands that write a Label Studio labeling config: ``image="path",
choices=[...]`` and friends, for the common cases (:meth:`nblabel.Schema.from_shorthands`)."""

from __future__ import annotations

from collections.abc import Sequence

from ..core.errors import SchemaError
from ..core.schema import NOT_XML, char_name, quoteattr

# The shorthand keyword behind each control the shorthands make (for error messages).
_KEYWORDS = {
    "choice": "choices", "box": "boxes", "polygon": "polygons", "keypoint": "keypoints",
    "mask": "masks", "span": "spans", "range": "ranges", "relation": "relations",
}  # fmt: skip


def config(
    *,
    image: str | None = None,
    text: str | None = None,
    timeseries: str | None = None,
    channels: Sequence[str] = (),
    time_column: str | None = None,
    choices: Sequence[str] | None = None,
    multiple: bool = False,
    boxes: Sequence[str] | None = None,
    polygons: Sequence[str] | None = None,
    keypoints: Sequence[str] | None = None,
    masks: Sequence[str] | None = None,
    spans: Sequence[str] | None = None,
    relations: Sequence[str] | None = None,
    ranges: Sequence[str] | None = None,
    granularity: str | None = None,
    overlap: bool = True,
) -> str:
    """The Label Studio XML for the common cases.

    ``image=``, ``text=`` and ``timeseries=`` name the DataFrame column of the object;
    every other argument lists the labels of one control. The objects are named after
    their kind (``image``, ``text``, ``ts``); the controls ``choice``, ``box``,
    ``polygon``, ``keypoint``, ``mask``, ``span``, ``relation`` and ``range``.
    """
    objects = [(k, col) for k, col in (("image", image), ("text", text)) if col is not None]
    if timeseries is not None:
        objects.append(("ts", timeseries))
    if len(objects) != 1:
        raise SchemaError(
            "name exactly one data column: image=..., text=... or timeseries=... "
            f"(got {len(objects)})"
        )
    kind, column = objects[0]
    for arg, col in (
        ("the column", column),
        ("time_column", time_column),
        *(("a channel", ch) for ch in channels),
    ):
        bad = NOT_XML.search(str(col)) if col is not None else None
        if bad is not None:
            raise SchemaError(
                f"{arg} {col!r} holds {char_name(bad.group())}, which XML (and so a "
                "Label Studio config) cannot hold: rename the column"
            )
    target = kind
    lines = ["<View>"]
    if kind == "ts":
        if not channels:
            raise SchemaError("a time series needs channels=[column, ...]")
        time_attr = f" timeColumn={quoteattr(time_column)}" if time_column else ""
        lines.append(f'  <TimeSeries name="ts" value="${column}" valueType="json"{time_attr}>')
        lines += [f"    <Channel column={quoteattr(ch)}/>" for ch in channels]
        lines.append("  </TimeSeries>")
    else:
        tag = "Image" if kind == "image" else "Text"
        lines.append(f"  <{tag} name={quoteattr(kind)} value={quoteattr('$' + column)}/>")

    def block(tag: str, name: str, child: str, labels: Sequence[str], extra: str = "") -> None:
        if isinstance(labels, str):
            raise SchemaError(f"{name}= takes a list of labels, not the string {labels!r}")
        if not labels:
            raise SchemaError(f"{name}= is empty: list at least one label")
        lines.append(f"  <{tag} name={quoteattr(name)} toName={quoteattr(target)}{extra}>")
        lines.extend(f"    <{child} value={quoteattr(_label(_KEYWORDS[name], v))}/>"
                     for v in labels)  # fmt: skip
        lines.append(f"  </{tag}>")

    allowed = {
        "image": {"choices", "boxes", "polygons", "keypoints", "masks"},
        "text": {"choices", "spans", "relations"},
        "ts": {"choices", "ranges"},
    }[kind]
    given = {
        "choices": choices,
        "boxes": boxes,
        "polygons": polygons,
        "keypoints": keypoints,
        "masks": masks,
        "spans": spans,
        "relations": relations,
        "ranges": ranges,
    }
    wrong = [k for k, v in given.items() if v is not None and k not in allowed]
    if wrong:
        raise SchemaError(
            f"{', '.join(w + '=' for w in wrong)} cannot label a {kind} object "
            f"(use {', '.join(sorted(a + '=' for a in allowed))})"
        )
    if not any(v is not None for v in given.values()):
        raise SchemaError("nothing to label: pass choices=[...] (or regions, spans, ...)")
    if choices is not None:
        mode = ' choice="multiple"' if multiple else ' choice="single-radio"'
        block("Choices", "choice", "Choice", choices, mode + ' showInline="true"')
    for tag, name, labels in (
        ("RectangleLabels", "box", boxes),
        ("PolygonLabels", "polygon", polygons),
        ("KeyPointLabels", "keypoint", keypoints),
        ("BrushLabels", "mask", masks),
        ("Labels", "span", spans),
        ("TimeSeriesLabels", "range", ranges),
    ):
        if labels is not None:
            extra = ""
            if tag == "Labels" and granularity is not None:
                # Label Studio's own attribute: "word" snaps spans to whole words.
                if granularity not in ("symbol", "word"):
                    raise SchemaError(f"granularity= is 'word' or 'symbol', got {granularity!r}")
                extra = f' granularity="{granularity}"'
            if tag == "Labels" and not overlap:
                # nblabel's attribute (Label Studio has none and ignores it): spans of
                # this control may not overlap one another.
                extra += ' overlap="false"'
            block(tag, name, "Label", labels, extra)
    if relations is not None:
        if spans is None:
            raise SchemaError("relations= needs spans= to relate")
        lines.append("  <Relations>")
        if isinstance(relations, str):
            raise SchemaError(f"relations= takes a list of labels, not {relations!r}")
        lines += [f"    <Relation value={quoteattr(_label('relations', r))}/>" for r in relations]
        lines.append("  </Relations>")
    lines.append("</View>")
    return "\n".join(lines)


def _label(control: str, value: object) -> str:
    """A shorthand label as it goes into the XML, or a :class:`SchemaError` naming it."""
    text = str(value)
    if not text.strip():
        raise SchemaError(
            f"{control}= has an empty label {value!r}: it would be a button without a name, "
            "and a label nobody can tell from no label; give every label a name"
        )
    bad = NOT_XML.search(text)
    if bad is not None:
        raise SchemaError(
            f"{control}= label {text!r} holds {char_name(bad.group())}, which XML (and so a "
            "Label Studio config) cannot hold: remove it from the label"
        )
    return text
