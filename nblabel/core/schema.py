"""One schema: a Label Studio labeling config, from XML or from Python shorthands.

The XML is the source of truth (it is what a Label Studio project would use); it is parsed
with ``label_studio_sdk.label_interface.LabelInterface`` and checked here for what that parser
lets through silently: unknown tags, controls pointing at objects that do not exist, duplicate
names. nblabel reads the config itself (objects, controls, options) with the standard library;
Label Studio's parser is the authority on whether Label Studio reads it, and may run later
(``defer=True``): importing it costs ~2 s of CPU in a fresh kernel (jsonschema's URI grammar),
more than everything else it takes to show the first item.

What each tag allows is its plugin's to say (:mod:`nblabel.core.tag`): a schema is read
against a :class:`~nblabel.core.tag.Registry` of plugins and refuses tags it has none for.
"""

from __future__ import annotations

import re
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import SchemaError, UnsupportedTagError
from .keys import RESERVED_KEYS
from .tag import ControlTag, ObjectTag, Registry, is_true
from .visibility import Condition, Conditions

if TYPE_CHECKING:
    from label_studio_sdk.label_interface.interface import LabelInterface

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
        # Label Studio's older or rarer objects: known, so refused by name, not as typos.
        "dialog",
        "multichannel",
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
        "custominterface",
    ]
)
# <Bucket> is a column of a <Ranker>.
CHILD_TAGS = frozenset(["choice", "label", "relation", "channel", "path", "bucket"])
LAYOUT_TAGS = frozenset(
    ["view", "header", "style", "filter", "collapse", "shortcut", "repeater", "panel", "pagedview"]
)
#: Layout tags that hold other tags as a ``<View>`` does (a node of the layout tree).
CONTAINER_TAGS = frozenset(["view", "panel", "pagedview", "collapse"])

# Keys the browser always takes (the shell's and the built-in plugins': s skip, u undo, a
# accept, f fit, ...) come from protocol.json, the file the browser bundle reads them from
# too; default hotkeys never take one.
_DEFAULT_HOTKEYS = "1234567890" + "bcdhjklmnpqtvwxyz"

# Characters XML 1.0 cannot hold, escaped or not (NUL, most control characters, lone
# surrogates, U+FFFE/U+FFFF): a config holding one cannot be parsed by anyone.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def quoteattr(value: str) -> str:
    """``value`` as a quoted XML attribute value, as ``xml.sax.saxutils.quoteattr`` writes it
    (not imported for it: it loads urllib and http.client, ~20 ms of a fresh kernel)."""
    for raw, escaped in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"),
                         ("\n", "&#10;"), ("\r", "&#13;"), ("\t", "&#9;")):  # fmt: skip
        value = value.replace(raw, escaped)
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"{}"'.format(value.replace('"', "&quot;"))


def char_name(char: str) -> str:
    """A character for a message: ``'\\x00' (U+0000, NUL)``."""
    name = {"\x00": ", NUL", "\x1b": ", ESC"}.get(char, "")
    return f"{char!r} (U+{ord(char):04X}{name})"


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
    #: ``value="$column"``: the DataFrame column listing each item's own options (Label
    #: Studio's dynamic labels/choices), added to ``choices``; ``None`` when static only.
    options_from: str | None = None

    @property
    def type(self) -> str:
        """The result ``type`` Label Studio uses for this control (the lower-cased tag)."""
        return self.tag.lower()

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)

    @property
    def per_region(self) -> bool:
        """``perRegion="true"``: one answer per region of its object, not per item."""
        return is_true(self.attrs.get("perRegion", ""))


@dataclass(frozen=True)
class DataObject:
    """An object tag (``Image``, ``Text``, ...) and the DataFrame column it reads, or the
    fixed text it shows (``literal``; ``column`` is then ``""``)."""

    name: str
    tag: str
    column: str
    attrs: dict[str, str] = field(default_factory=dict, compare=False)
    literal: str | None = None

    @property
    def type(self) -> str:
        return self.tag.lower()


class Schema:
    """A parsed Label Studio labeling config.

    Parameters
    ----------
    config
        Label Studio labeling config XML (``<View>...</View>``).
    tags
        The tag plugins it may use (:data:`nblabel.tags.REGISTRY` through
        :class:`nblabel.Schema`).
    defer
        Leave Label Studio's own parse (:attr:`interface`) to :meth:`check` or the first
        use of :attr:`interface`, instead of doing it now. A labeler defers it to just after
        its first item is shown, and reports a refusal in ``errors``.

    Raises
    ------
    SchemaError
        Malformed XML, an unknown tag, a tag without a plugin, a control whose ``toName``
        names no object, duplicate names, or what a tag's plugin refuses; unless
        ``defer``, a config Label Studio's parser cannot read.
    """

    def __init__(self, config: str, *, tags: Registry, defer: bool = False) -> None:
        if not isinstance(config, str) or not config.strip():
            raise SchemaError("the labeling config is empty: pass Label Studio XML (<View>...)")
        bad = NOT_XML.search(config)
        if bad is not None:
            line = config.count("\n", 0, bad.start()) + 1
            column = bad.start() - (config.rfind("\n", 0, bad.start()) + 1) + 1
            # The tag it is in, e.g. <Choice value="a\x00b"/>: names the label.
            opens, closes = config.rfind("<", 0, bad.start()), config.find(">", bad.end())
            near = config[max(opens, 0) : closes + 1 if closes >= 0 else bad.end() + 30]
            raise SchemaError(
                f"the labeling config holds {char_name(bad.group())} at line {line}, column "
                f"{column}, in {near[:120]!r}: XML cannot hold that character; remove it"
            )
        try:
            root = ET.fromstring(config)
        except ET.ParseError as exc:
            raise SchemaError(f"the labeling config is not well-formed XML: {exc}") from None
        self.xml = config
        self.tags = tags
        self._root = root
        self._check_tags(root)
        self._interface: LabelInterface | None = None
        self._interface_error: str | None = None
        self._interface_lock = threading.Lock()
        self._names: dict[ET.Element, str] = {}  # control/object element -> its name
        shown = tuple(self._read_objects(root))
        #: Every object shown, in the config's order (the browser shows them so).
        self.shown: tuple[DataObject, ...] = shown
        #: The objects that read a DataFrame column (each item's data).
        self.objects: tuple[DataObject, ...] = tuple(o for o in shown if o.literal is None)
        #: Objects showing a fixed value written in the config (``<Text value="@johndoe">``,
        #: ``<Header value="Task">``): the same for every item, nothing to read or push.
        self.visuals: tuple[DataObject, ...] = tuple(o for o in shown if o.literal is not None)
        self.controls: tuple[Control, ...] = tuple(self._read_controls(root))
        self._check_names()
        #: ``visibleWhen`` conditions (see :mod:`nblabel.core.visibility`).
        self.conditions = self._read_conditions(root)
        for o in self.shown:
            self.object_tag(o).check_config(o, self)
        for c in self.controls:
            self.plugin(c).check_config(c, self)
        # After the tags' own checks: an object or a control may say better why it takes no
        # per-region answer (a chat's messages, a whole-item-only control).
        for c in self.controls:
            if c.per_region:
                self._check_regions_exist(c)
        if not defer:
            self.check()

    # -- Label Studio's reading of the config ----------------------------------------------
    @property
    def interface(self) -> LabelInterface:
        """Label Studio's own parse of the config (``label_studio_sdk``'s
        ``LabelInterface``), made on first use; raises :class:`SchemaError` when Label
        Studio cannot read the config."""
        with self._interface_lock:
            if self._interface is None and self._interface_error is None:
                # Imported here for its cost, not to dodge a cycle: ~2 s of CPU in a fresh
                # kernel (jsonschema -> rfc3987_syntax builds a grammar), paid only by a
                # config that gets this far (a labeler: after its first item is shown).
                from label_studio_sdk.label_interface.interface import LabelInterface

                try:
                    self._interface = LabelInterface(self.xml)
                except Exception as exc:  # the SDK raises several unrelated types
                    problem = f"Label Studio cannot parse this labeling config: {exc}"
                    self._interface_error = problem
            if self._interface is None:
                raise SchemaError(self._interface_error or "")
            return self._interface

    def check(self) -> None:
        """Have Label Studio's parser read the config now (once); raise
        :class:`SchemaError` when it cannot."""
        self.interface  # noqa: B018  (parsed on first access)

    # -- construction helpers -------------------------------------------------------------
    def _check_tags(self, root: ET.Element) -> None:
        known = OBJECT_TAGS | CONTROL_TAGS | CHILD_TAGS | LAYOUT_TAGS
        unknown = sorted({el.tag for el in root.iter() if el.tag.lower() not in known})
        if unknown:
            raise SchemaError(
                f"unknown tag(s) in the labeling config: {', '.join(unknown)} "
                "(not Label Studio tags; check the spelling)"
            )
        for el in root.iter():
            why = self.tags.refused.get(el.tag.lower())
            if why is not None:
                raise SchemaError(f"<{el.tag} name={el.get('name')!r}> is out of scope: {why}")
        bad = sorted(
            {
                el.tag
                for el in root.iter()
                if el.tag.lower() not in CHILD_TAGS | LAYOUT_TAGS and not self.tags.has(el.tag)
            }
        )
        if bad:
            raise UnsupportedTagError(bad, sorted(self.tags.names()))

    def _read_objects(self, root: ET.Element) -> Iterable[DataObject]:
        unnamed = 0
        for el in root.iter():
            # Layout tags with a plugin (<Header>) are shown as objects too.
            if el.tag.lower() not in OBJECT_TAGS and not self.tags.has_object(el.tag):
                continue
            plugin = self.tags.object(el.tag) if self.tags.has_object(el.tag) else None
            name = el.get("name")
            if not name and plugin is not None and not plugin.needs_name:
                unnamed += 1
                name = f"_{el.tag.lower()}{unnamed}"
            if not name:
                raise SchemaError(f"<{el.tag}> has no name attribute")
            self._names[el] = name
            # <Image valueList="$pages">: a list of images per item (the Image plugin's).
            value = el.get("valueList") or el.get("value")
            if value is None and plugin is not None and plugin.literal:
                # Label Studio takes a tag's text as its value: <Header>Task</Header>.
                value = "".join(el.itertext()).strip()
            value = value or ""
            if value.startswith("$") and len(value) > 1:
                yield DataObject(name=name, tag=el.tag, column=value[1:], attrs=dict(el.attrib))
            elif plugin is not None and plugin.literal:
                yield DataObject(
                    name=name, tag=el.tag, column="", attrs=dict(el.attrib), literal=value
                )
            else:
                raise SchemaError(
                    f"<{el.tag} name={name!r}> has value={value!r}; nblabel reads objects "
                    'from DataFrame columns, so write value="$column"'
                )

    def _read_controls(self, root: ET.Element) -> Iterable[Control]:
        taken: set[str] = set()
        pending: list[tuple[ET.Element, ControlTag, list[ET.Element]]] = []
        for el in root.iter():
            if el.tag.lower() not in CONTROL_TAGS:
                continue
            plugin = self.tags.control(el.tag)
            child = (plugin.options or "").lower()
            options = [c for c in el if child and c.tag.lower() == child]
            if plugin.hotkeys == "pool":
                taken |= {o.get("hotkey", "").lower() for o in options if o.get("hotkey")}
            if el.get("hotkey"):  # a control's own key (a Rating's) is taken too
                taken.add(el.get("hotkey", "").lower())
            pending.append((el, plugin, options))
        free = (k for k in _DEFAULT_HOTKEYS if k not in taken and k not in RESERVED_KEYS)
        for el, plugin, options in pending:
            name = el.get("name") or plugin.default_name
            if not name:
                raise SchemaError(f"<{el.tag}> has no name attribute")
            self._names[el] = name
            choices: list[Choice] = []
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
                if plugin.hotkeys == "position":
                    # Keys by position, live only while the control is in use (relations:
                    # while a relation is selected), so they leave the pool to the others.
                    hotkey = opt.get("hotkey") or ("1234567890"[i] if i < 10 else "")
                elif plugin.hotkeys == "pool":
                    hotkey = opt.get("hotkey") or next(free, "")
                else:
                    hotkey = opt.get("hotkey") or ""
                stored = opt.get("alias") or shown
                if any(c.value == stored for c in choices):
                    # Listed twice (a shipped template does): Label Studio shows both
                    # buttons, which select the same value; one is kept.
                    continue
                choices.append(
                    Choice(
                        value=stored,
                        label=shown,
                        hotkey=hotkey,
                        background=opt.get("background"),
                    )
                )
            to_name = tuple(t for t in el.get("toName", "").split(",") if t)
            if not to_name and plugin.needs_to_name and len(self.objects) == 1:
                # Label Studio labels the only object of a config when toName is left out
                # (its editor's Tree.tsx; a shipped template relies on it).
                to_name = (self.objects[0].name,)
            dynamic = el.get("value", "")
            yield Control(
                name=name,
                tag=el.tag,
                to_name=to_name,
                choices=tuple(choices),
                multiple=el.get("choice", "single") == "multiple",
                required=is_true(el.get("required", "false")),
                attrs=dict(el.attrib),
                options_from=dynamic[1:] if plugin.options and dynamic.startswith("$") else None,
            )
        #: Default hotkeys no static option took: a dynamic option gets the next one.
        self.free_keys: tuple[str, ...] = tuple(free)

    def _check_names(self) -> None:
        names = [o.name for o in self.shown] + [c.name for c in self.controls]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise SchemaError(f"duplicate tag name(s) in the labeling config: {', '.join(dupes)}")
        objects = {o.name for o in self.objects}
        fixed = {o.name: o for o in self.visuals}
        for c in self.controls:
            if not self.plugin(c).needs_to_name:
                continue
            if not c.to_name:
                raise SchemaError(f"<{c.tag} name={c.name!r}> has no toName attribute")
            on_fixed = [fixed[t] for t in c.to_name if t in fixed]
            if on_fixed:
                o = on_fixed[0]
                raise SchemaError(
                    f"<{c.tag} name={c.name!r}> labels <{o.tag} name={o.name!r}>, which shows "
                    f"the fixed value {o.literal!r:.60} written in the config; nblabel labels "
                    'objects read from the DataFrame: write value="$column"'
                )
            missing = [t for t in c.to_name if t not in objects]
            if missing:
                raise SchemaError(
                    f"<{c.tag} name={c.name!r}> has toName={','.join(c.to_name)!r} but there "
                    f"is no object named {', '.join(map(repr, missing))} "
                    f"(objects: {', '.join(sorted(objects)) or 'none'})"
                )

    def _check_regions_exist(self, control: Control) -> None:
        """A per-region control answers regions: some control must draw them on its
        objects (or the object is made of regions itself, ``regions = True`` on its plugin,
        as a chat's messages are)."""
        for name in control.to_name:
            obj = next((o for o in self.objects if o.name == name), None)
            if obj is not None and self.object_tag(obj).regions:
                return
            drawers = [c for c in self.controls if not c.per_region and name in c.to_name
                       and self.plugin(c).region]  # fmt: skip
            if drawers:
                return
        raise SchemaError(
            f'<{control.tag} name={control.name!r} perRegion="true"> answers one region at a '
            f"time, but no control draws regions on {', '.join(map(repr, control.to_name))}; "
            "add one (<Labels>, <RectangleLabels>, <TimeSeriesLabels>, ...) or drop perRegion"
        )

    def _read_conditions(self, root: ET.Element) -> Conditions:
        """Each control's ``visibleWhen`` chain (the Views around it, then its own), and the
        layout tree the browser places views and controls in."""
        chains: dict[str, tuple[Condition, ...]] = {}
        own: dict[str, Condition | None] = {}
        controls = {c.name for c in self.controls}

        def walk(el: ET.Element, chain: tuple[Condition, ...]) -> list[dict[str, Any]]:
            nodes: list[dict[str, Any]] = []
            for child in el:
                tag = child.tag.lower()
                cond = Condition.of(child)
                name = self._names.get(child)
                if name is not None and name in controls:
                    chains[name] = chain + ((cond,) if cond else ())
                    own[name] = cond
                    nodes.append({"control": name})
                elif name is not None:
                    nodes.append({"object": name})
                elif tag in CONTAINER_TAGS:
                    inner = walk(child, chain + ((cond,) if cond else ()))
                    nodes.append(_view_node(child, cond, inner))
                elif tag not in CHILD_TAGS:
                    nodes.extend(walk(child, chain))  # a transparent wrapper (Filter, ...)
            return nodes

        self.layout: dict[str, Any] = _view_node(root, Condition.of(root), [])
        root_cond = Condition.of(root)
        self.layout["children"] = walk(root, (root_cond,) if root_cond else ())
        return Conditions(self, chains, own)

    # -- queries --------------------------------------------------------------------------
    def require(self, supported: Iterable[str]) -> None:
        """Raise :class:`UnsupportedTagError` naming every tag outside ``supported``."""
        ok = {s.lower() for s in supported} | CHILD_TAGS | LAYOUT_TAGS
        bad = sorted({el.tag for el in self._root.iter() if el.tag.lower() not in ok})
        if bad:
            raise UnsupportedTagError(bad, sorted(supported))

    def plugin(self, control: Control) -> ControlTag:
        """The plugin of ``control``."""
        return self.tags.control(control.type)

    def object_tag(self, obj: DataObject) -> ObjectTag:
        """The plugin of the object ``obj``."""
        return self.tags.object(obj.type)

    def control_of(self, item: dict[str, Any]) -> Control | None:
        """The control a result item belongs to: its ``from_name``'s, or for an item
        without one (a relation) the control whose plugin makes items of its ``type``."""
        name = item.get("from_name")
        if name is not None:
            return next((c for c in self.controls if c.name == name), None)
        kind = item.get("type")
        return next((c for c in self.controls if self.plugin(c).item_type == kind), None)

    def object(self, name: str) -> DataObject:
        for o in self.objects:
            if o.name == name:
                return o
        raise SchemaError(
            f"no object named {name!r} (objects: {', '.join(o.name for o in self.objects)})"
        )

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

    def summary(self) -> dict[str, Any]:
        """The small, JSON-ready description the browser needs (see ``protocol``)."""
        return {
            "objects": [
                (
                    {"name": o.name, "type": o.type, "value": "$" + o.column, "attrs": o.attrs}
                    if o.literal is None
                    # A fixed value travels once, here, not with every item.
                    else {
                        "name": o.name,
                        "type": o.type,
                        "value": o.literal,
                        "literal": True,
                        "attrs": o.attrs,
                    }
                )
                | self.object_tag(o).summary(o, self)
                for o in self.shown
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
                    # visibleWhen: the Views' conditions around it, then its own.
                    "visible": [cond.summary() for cond in self.conditions.chains.get(c.name, ())],
                    # value="$column": each item brings more options (fetch: options).
                    "dynamic": c.options_from,
                }
                | self.plugin(c).summary(c, self)
                for c in self.controls
            ],
            "layout": self.layout,
        }

    def children(self, name: str, tag: str) -> list[dict[str, str]]:
        """The attributes of the ``<tag>`` children of the object or control ``name``
        (a time series' ``<Channel>``s), in order."""
        for el in self._root.iter():
            if el.get("name") == name:
                return [dict(c.attrib) for c in el if c.tag.lower() == tag.lower()]
        return []

    def __repr__(self) -> str:
        objs = ", ".join(f"{o.tag}:{o.name}" for o in self.objects)
        ctrls = ", ".join(f"{c.tag}:{c.name}({len(c.choices)})" for c in self.controls)
        return f"Schema(objects=[{objs}], controls=[{ctrls}])"


# Style properties the browser may apply to a <View> of the layout: arranging only (a
# template's colours, borders, fonts and background images are not applied, and nothing
# the page would fetch is ever set).
_LAYOUT_STYLE = frozenset(["display", "flex-direction", "flex-wrap", "gap", "align-items",
                           "justify-content", "flex", "width", "max-width"])  # fmt: skip
_SAFE_VALUE = re.compile(r"^[A-Za-z0-9 .%#-]*$")


def _view_node(el: ET.Element, cond: Condition | None, children: list[Any]) -> dict[str, Any]:
    """A container of the layout tree: its tag, a safe subset of its ``style``, its own
    ``visibleWhen`` condition, its children (objects, controls, containers) in order."""
    style = {}
    for part in (el.get("style") or "").split(";"):
        prop, _, value = part.partition(":")
        prop, value = prop.strip().lower(), value.strip()
        if prop in _LAYOUT_STYLE and value and _SAFE_VALUE.match(value):
            style[prop] = value
    return {
        "view": el.tag.lower(),
        "style": style,
        "visible": cond.summary() if cond else None,
        "children": children,
    }
