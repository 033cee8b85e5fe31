"""One schema: a Label Studio labeling config, from XML or from Python shorthands.

The XML is the source of truth (it is what a Label Studio project would use); it is parsed
with ``label_studio_sdk.label_interface.LabelInterface`` and checked here for what that parser
lets through silently: unknown tags, controls pointing at objects that do not exist, duplicate
names.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import quoteattr

from label_studio_sdk.label_interface import LabelInterface

from .errors import SchemaError, UnsupportedTagError

# Label Studio's tags by role, lower-cased (Label Studio matches them case-insensitively).
OBJECT_TAGS = frozenset(
    [
        "audio",
        "audioplus",
        "image",
        "table",
        "text",
        "video",
        "hypertext",
        "list",
        "paragraphs",
        "timeseries",
        "chat",
        "pdf",
        "markdown",
    ]
)
CONTROL_TAGS = frozenset(
    [
        "choices",
        "labels",
        "brush",
        "brushlabels",
        "bitmask",
        "bitmasklabels",
        "magicwand",
        "ellipse",
        "ellipselabels",
        "keypoint",
        "keypointlabels",
        "vector",
        "vectorlabels",
        "ocrlabels",
        "polygon",
        "polygonlabels",
        "rectangle",
        "rectanglelabels",
        "videorectangle",
        "videovector",
        "videovectorlabels",
        "number",
        "datetime",
        "hypertextlabels",
        "pairwise",
        "paragraphlabels",
        "ranker",
        "rating",
        "relations",
        "taxonomy",
        "textarea",
        "timeserieslabels",
        "timelinelabels",
        "chatmessage",
        "reactcode",
    ]
)
CHILD_TAGS = frozenset(["choice", "label", "relation", "channel", "path"])
LAYOUT_TAGS = frozenset(["view", "header", "style", "filter", "collapse", "shortcut", "repeater"])

# Keys the shell and the region views own; default hotkeys never take them: s skip, u undo,
# g first unlabeled, r relate, a accept predictions, f fit, i instant, o overlay (time
# series), e erase (brush), +/=/- zoom.
RESERVED_KEYS = frozenset(
    {"s", "u", "g", "r", "a", "f", "i", "o", "e", "+", "=", "-", "?", "enter", "escape", "home"}
)
_DEFAULT_HOTKEYS = "1234567890" + "bcdhjklmnpqtvwxyz"

# Characters XML 1.0 cannot hold, escaped or not (NUL, most control characters, lone
# surrogates, U+FFFE/U+FFFF): a config holding one cannot be parsed by anyone.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _char_name(char: str) -> str:
    name = {"\x00": ", NUL", "\x1b": ", ESC"}.get(char, "")
    return f"{char!r} (U+{ord(char):04X}{name})"


# The shorthand keyword behind each control the shorthands make (for error messages).
_KEYWORDS = {
    "choice": "choices", "box": "boxes", "polygon": "polygons", "keypoint": "keypoints",
    "mask": "masks", "span": "spans", "range": "ranges", "relation": "relations",
}  # fmt: skip


@dataclass(frozen=True)
class Choice:
    """One option of a ``Choices`` control.

    ``value`` is what a result stores (Label Studio stores the ``alias`` when one is set);
    ``label`` is what the user sees.
    """

    value: str
    label: str
    hotkey: str
    background: str | None = None


@dataclass(frozen=True)
class Control:
    """A control tag (``Choices``, ``RectangleLabels``, ...) and what it labels."""

    name: str
    tag: str
    to_name: tuple[str, ...]
    choices: tuple[Choice, ...] = ()
    multiple: bool = False
    required: bool = False
    attrs: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def type(self) -> str:
        """The result ``type`` Label Studio uses for this control (the lower-cased tag)."""
        return self.tag.lower()

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)


@dataclass(frozen=True)
class DataObject:
    """An object tag (``Image``, ``Text``, ...) and the DataFrame column it reads."""

    name: str
    tag: str
    column: str
    attrs: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def type(self) -> str:
        return self.tag.lower()


class Schema:
    """A parsed Label Studio labeling config.

    Parameters
    ----------
    config
        Label Studio labeling config XML (``<View>...</View>``).

    Raises
    ------
    SchemaError
        Malformed XML, an unknown tag, a control whose ``toName`` names no object,
        duplicate names, or an object whose ``value`` is not a ``$column`` reference.
    """

    def __init__(self, config: str) -> None:
        if not isinstance(config, str) or not config.strip():
            raise SchemaError("the labeling config is empty: pass Label Studio XML (<View>...)")
        bad = _NOT_XML.search(config)
        if bad is not None:
            line = config.count("\n", 0, bad.start()) + 1
            column = bad.start() - (config.rfind("\n", 0, bad.start()) + 1) + 1
            # The tag it is in, e.g. <Choice value="a\x00b"/>: names the label.
            opens, closes = config.rfind("<", 0, bad.start()), config.find(">", bad.end())
            near = config[max(opens, 0) : closes + 1 if closes >= 0 else bad.end() + 30]
            raise SchemaError(
                f"the labeling config holds {_char_name(bad.group())} at line {line}, column "
                f"{column}, in {near[:120]!r}: XML cannot hold that character; remove it"
            )
        try:
            root = ET.fromstring(config)
        except ET.ParseError as exc:
            raise SchemaError(f"the labeling config is not well-formed XML: {exc}") from None
        self.xml = config
        self._root = root
        self._check_tags(root)
        try:
            self.interface = LabelInterface(config)
        except Exception as exc:  # the SDK raises several unrelated types
            raise SchemaError(f"Label Studio cannot parse this labeling config: {exc}") from None
        self.objects: tuple[DataObject, ...] = tuple(self._read_objects(root))
        self.controls: tuple[Control, ...] = tuple(self._read_controls(root))
        self._check_names()

    # -- construction helpers -------------------------------------------------------------
    @staticmethod
    def _check_tags(root: ET.Element) -> None:
        known = OBJECT_TAGS | CONTROL_TAGS | CHILD_TAGS | LAYOUT_TAGS
        unknown = sorted({el.tag for el in root.iter() if el.tag.lower() not in known})
        if unknown:
            raise SchemaError(
                f"unknown tag(s) in the labeling config: {', '.join(unknown)} "
                "(not Label Studio tags; check the spelling)"
            )

    @staticmethod
    def _read_objects(root: ET.Element) -> Iterable[DataObject]:
        for el in root.iter():
            if el.tag.lower() not in OBJECT_TAGS:
                continue
            name, value = el.get("name"), el.get("value", "")
            if not name:
                raise SchemaError(f"<{el.tag}> has no name attribute")
            if not value.startswith("$") or len(value) < 2:
                raise SchemaError(
                    f"<{el.tag} name={name!r}> has value={value!r}; nblabel reads objects "
                    'from DataFrame columns, so write value="$column"'
                )
            yield DataObject(name=name, tag=el.tag, column=value[1:], attrs=dict(el.attrib))

    @staticmethod
    def _read_controls(root: ET.Element) -> Iterable[Control]:
        taken: set[str] = set()
        pending: list[tuple[ET.Element, list[ET.Element]]] = []
        for el in root.iter():
            if el.tag.lower() not in CONTROL_TAGS:
                continue
            if el.tag.lower() == "relations":
                # Relation labels take number keys by position, and only while a relation
                # is selected (see controls/labels.js): they leave the pool to the labels.
                pending.append((el, [c for c in el if c.tag.lower() == "relation"]))
                continue
            options = [c for c in el if c.tag.lower() in ("choice", "label")]
            for opt in options:
                if opt.get("hotkey"):
                    taken.add(opt.get("hotkey", "").lower())
            pending.append((el, options))
        free = (k for k in _DEFAULT_HOTKEYS if k not in taken and k not in RESERVED_KEYS)
        for el, options in pending:
            # <Relations> is the one control Label Studio lets go unnamed.
            name = el.get("name") or ("relations" if el.tag.lower() == "relations" else None)
            if not name:
                raise SchemaError(f"<{el.tag}> has no name attribute")
            choices = []
            for i, opt in enumerate(options):
                shown = opt.get("value")
                if shown is None:
                    raise SchemaError(f"<{opt.tag}> inside <{el.tag} name={name!r}> has no value")
                if not shown.strip():
                    raise SchemaError(
                        f"<{opt.tag} value={shown!r}> (number {i + 1}) inside <{el.tag} "
                        f"name={name!r}> has an empty value: it would be a button without a "
                        "name, and a label nobody can tell from no label; give it a name"
                    )
                if el.tag.lower() == "relations":
                    hotkey = opt.get("hotkey") or ("1234567890"[i] if i < 10 else "")
                else:
                    hotkey = opt.get("hotkey") or next(free, "")
                choices.append(
                    Choice(
                        value=opt.get("alias") or shown,
                        label=shown,
                        hotkey=hotkey,
                        background=opt.get("background"),
                    )
                )
            to_name = tuple(t for t in el.get("toName", "").split(",") if t)
            yield Control(
                name=name,
                tag=el.tag,
                to_name=to_name,
                choices=tuple(choices),
                multiple=el.get("choice", "single") == "multiple",
                required=el.get("required", "false").lower() == "true",
                attrs=dict(el.attrib),
            )

    def _check_names(self) -> None:
        names = [o.name for o in self.objects] + [c.name for c in self.controls]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise SchemaError(f"duplicate tag name(s) in the labeling config: {', '.join(dupes)}")
        objects = {o.name for o in self.objects}
        for c in self.controls:
            if c.type == "relations":
                continue
            if not c.to_name:
                raise SchemaError(f"<{c.tag} name={c.name!r}> has no toName attribute")
            missing = [t for t in c.to_name if t not in objects]
            if missing:
                raise SchemaError(
                    f"<{c.tag} name={c.name!r}> has toName={','.join(c.to_name)!r} but there "
                    f"is no object named {', '.join(map(repr, missing))} "
                    f"(objects: {', '.join(sorted(objects)) or 'none'})"
                )
            values = [ch.value for ch in c.choices]
            dup_values = sorted({v for v in values if values.count(v) > 1})
            if dup_values:
                raise SchemaError(
                    f"<{c.tag} name={c.name!r}> lists the same value twice: {', '.join(dup_values)}"
                )

    # -- shorthands -----------------------------------------------------------------------
    @classmethod
    def from_shorthands(
        cls,
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
    ) -> Schema:
        """Build the Label Studio XML for the common cases.

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
            bad = _NOT_XML.search(str(col)) if col is not None else None
            if bad is not None:
                raise SchemaError(
                    f"{arg} {col!r} holds {_char_name(bad.group())}, which XML (and so a "
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
                        raise SchemaError(
                            f"granularity= is 'word' or 'symbol', got {granularity!r}"
                        )
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
            lines += [
                f"    <Relation value={quoteattr(_label('relations', r))}/>" for r in relations
            ]
            lines.append("  </Relations>")
        lines.append("</View>")
        return cls("\n".join(lines))

    # -- queries --------------------------------------------------------------------------
    def require(self, supported: Iterable[str]) -> None:
        """Raise :class:`UnsupportedTagError` naming every tag outside ``supported``."""
        ok = {s.lower() for s in supported} | CHILD_TAGS | LAYOUT_TAGS
        bad = sorted({el.tag for el in self._root.iter() if el.tag.lower() not in ok})
        if bad:
            raise UnsupportedTagError(bad, sorted(supported))

    def control(self, name: str) -> Control:
        for c in self.controls:
            if c.name == name:
                return c
        raise SchemaError(
            f"no control named {name!r} (controls: {', '.join(c.name for c in self.controls)})"
        )

    @property
    def columns(self) -> dict[str, str]:
        """Object name -> the DataFrame column it reads."""
        return {o.name: o.column for o in self.objects}

    def summary(self) -> dict[str, object]:
        """The small, JSON-ready description the browser needs (see ``protocol``)."""
        return {
            "objects": [
                {"name": o.name, "type": o.type, "value": "$" + o.column, "attrs": o.attrs}
                | ({"channels": self._channels(o.name)} if o.type == "timeseries" else {})
                for o in self.objects
            ],
            "controls": [
                {
                    "name": c.name,
                    "type": c.type,
                    "to_name": c.to_name[0] if c.to_name else None,
                    "multiple": c.multiple,
                    "required": c.required,
                    # The tag's own attributes (canRotate, strokeWidth, perRegion, ...).
                    "attrs": c.attrs,
                    "choices": [
                        {
                            "value": ch.value,
                            "label": ch.label,
                            "hotkey": ch.hotkey,
                            "background": ch.background,
                        }
                        for ch in c.choices
                    ],
                }
                for c in self.controls
            ],
        }

    def _channels(self, name: str) -> list[dict[str, str]]:
        """The ``<Channel>`` attributes (column, legend, strokeColor, units, displayFormat,
        ...) of the ``TimeSeries`` object ``name``."""
        for el in self._root.iter():
            if el.tag.lower() == "timeseries" and el.get("name") == name:
                return [dict(c.attrib) for c in el if c.tag.lower() == "channel"]
        return []

    def __repr__(self) -> str:
        objs = ", ".join(f"{o.tag}:{o.name}" for o in self.objects)
        ctrls = ", ".join(f"{c.tag}:{c.name}({len(c.choices)})" for c in self.controls)
        return f"Schema(objects=[{objs}], controls=[{ctrls}])"


def _label(control: str, value: object) -> str:
    """A shorthand label as it goes into the XML, or a :class:`SchemaError` naming it."""
    text = str(value)
    if not text.strip():
        raise SchemaError(
            f"{control}= has an empty label {value!r}: it would be a button without a name, "
            "and a label nobody can tell from no label; give every label a name"
        )
    bad = _NOT_XML.search(text)
    if bad is not None:
        raise SchemaError(
            f"{control}= label {text!r} holds {_char_name(bad.group())}, which XML (and so a "
            "Label Studio config) cannot hold: remove it from the label"
        )
    return text
