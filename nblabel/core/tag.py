"""What a Label Studio tag is to nblabel: the plugin interface, and the registry of plugins.

Core code (schema, results, items, frames, the job) knows no tag by name: it asks the
registry for the plugin of a control or object and calls the hooks below. Each tag lives in
one module of :mod:`nblabel.tags`, which fills the registry (one registration line per tag).

A **control** plugin (``Choices``, ``Labels``, ``RectangleLabels``, ``Rating``, ...) says how
its config is checked, what a valid result item is, what it shows in ``labels`` and
``annotations``, and how an item travels to the browser. An **object** plugin (``Image``,
``Text``, ``TimeSeries``) says how an item's data is read from its DataFrame cell and sent to
the browser, and what a control needs to check a result against (an image's size, a text,
a series): its *target*.

Every hook has a default that fits a control without options and without geometry, so a
simple tag overrides two or three of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import pandas as pd

from .errors import ItemError, ResultError, SchemaError

if TYPE_CHECKING:
    from .copies import CopyCache
    from .schema import Control, DataObject, Schema

Result = dict[str, Any]
#: ``target_of(object_name)``: what the item's object holds (see :meth:`ObjectSource.target`);
#: raises ``KeyError`` when there is no such object and may be slow (it loads the item).
TargetOf = Callable[[str], Any]


def is_true(value: object) -> bool:
    """A Label Studio boolean attribute (``"true"``, ``"True"``, ``true``) as a bool."""
    return str(value).strip().lower() == "true"


def labels_of(item: Result) -> list[str]:
    """The labels a result item carries (``value[type]`` when it is a list; a relation's
    ``labels``), ``[]`` when it carries none."""
    if item.get("type") == "relation":
        found = item.get("labels") or []
        return [str(v) for v in found] if isinstance(found, list) else []
    value = item.get("value") or {}
    found = value.get(item.get("type", ""), []) if isinstance(value, dict) else []
    return [str(v) for v in found] if isinstance(found, list) else []


class ControlTag:
    """The plugin of one Label Studio control tag; stateless (one instance serves every job).

    Class attributes
    ----------------
    tag
        Label Studio's tag name; its lower case is the result items' ``type``.
    objects
        The object types (``"image"``, ``"text"``, ...) it can label; empty: any.
    options
        The child tag listing its values (``"Choice"``, ``"Label"``, ``"Relation"``), or
        ``None`` for a control without a list of values (``Rating``, ``Number``).
    region
        Its results are regions: per-region controls and relations attach to them.
    hotkeys
        How its options get keys when the config gives none: ``"pool"`` (the next free
        key of the shared pool), ``"position"`` (1, 2, 3 by position, only active while
        the control is in use), or ``"none"``.
    """

    tag: ClassVar[str] = ""
    #: The ``type`` of its result items when it is not the tag's lower case (Relations).
    result_type: ClassVar[str] = ""
    objects: ClassVar[frozenset[str]] = frozenset()
    options: ClassVar[str | None] = None
    region: ClassVar[bool] = False
    hotkeys: ClassVar[str] = "pool"
    #: The name when the config gives none (Label Studio lets ``<Relations>`` go unnamed);
    #: ``None``: a name is required.
    default_name: ClassVar[str | None] = None
    #: Whether the control must name the objects it labels (``toName``).
    needs_to_name: ClassVar[bool] = True
    #: Its values are classes of the whole item (or region) that a classifier can suggest
    #: and ``job.submit("cat")`` can answer (see :meth:`answer`).
    classes: ClassVar[bool] = False
    #: :meth:`check` reads its object's target (an image's size, the text, the series).
    needs_target: ClassVar[bool] = False
    #: Its items join other items of the same result (relations): a prediction's are
    #: checked once the items they join are.
    links: ClassVar[bool] = False
    #: Columns this tag adds to ``annotations`` (see :meth:`annotation`).
    annotation_columns: ClassVar[tuple[str, ...]] = ()
    #: (Regions only) per-region answers to its regions show in ``labels`` at the region's
    #: :meth:`place` (``(start, end, answer)``) and in ``annotations`` with its columns;
    #: otherwise ``labels`` shows ``(region id, answer)``.
    shows_per_region: ClassVar[bool] = False

    @property
    def type(self) -> str:
        """The control's type: its tag in lower case."""
        return self.tag.lower()

    @property
    def item_type(self) -> str:
        """The ``type`` of its result items."""
        return self.result_type or self.type

    @property
    def value_key(self) -> str:
        """The key of its answer in an item's ``value`` (``choices``, ``rating``; TextArea's
        is ``text``)."""
        return self.item_type

    # -- the config ------------------------------------------------------------------------
    def check_config(self, control: Control, schema: Schema) -> None:
        """Raise :class:`SchemaError` for what this tag cannot label as configured. The
        default checks that every ``toName`` object is of a type in :attr:`objects`."""
        if not self.objects:
            return
        kinds = {o.name: o.type for o in schema.objects}
        wrong = [t for t in control.to_name if kinds.get(t) not in self.objects]
        if wrong:
            names = " or ".join(f"<{schema.tags.tag_name(o)}>" for o in sorted(self.objects))
            raise SchemaError(
                f"<{control.tag} name={control.name!r}> labels {names} objects only; "
                f"toName={','.join(control.to_name)!r} names something else"
            )

    def summary(self, control: Control, schema: Schema) -> dict[str, Any]:
        """Extra fields of the control's entry in the browser's schema summary."""
        return {}

    # -- results ---------------------------------------------------------------------------
    def check(
        self, control: Control, item: Result, *, key: object, target: Any, fresh: bool
    ) -> Result:
        """Check one result item of this control; return it as it is to be stored.

        ``target`` is what the item's object holds (``None`` when unknown: labels already
        stored or pulled are checked without loading the item). ``fresh`` is true for a new
        submission from the browser or Python, which may still need converting (a brush
        PNG to Label Studio RLE). Names, ``type``, ``to_name`` and the option values of
        the labels have been checked by the core already.
        """
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
        """Checks across the items of one result (overlaps, links); may return new items."""
        return result

    def has_value(self, control: Control, item: Result) -> bool:
        """Whether ``item`` answers this control (a required control needs one)."""
        return bool(labels_of(item))

    def label_cell(self, control: Control, items: list[Result], target_of: TargetOf) -> Any:
        """The cell of this control's column in ``labels`` for one submitted item, given the
        item's result items of this control (possibly none): by default the label (a list
        for a control with ``choice="multiple"``), ``None`` when there is none."""
        for r in items:
            found = labels_of(r)
            if control.multiple:
                return found
            return found[0] if found else None
        return None

    def label(self, item: Result) -> Any:
        """What ``annotations`` shows in ``label`` for one result item: its label, a list
        when it carries several (a tag whose answer is not a list of labels, a date or a
        taxonomy path, says its own)."""
        found = labels_of(item)
        return found[0] if len(found) == 1 else found

    def annotation(self, item: Result, target_of: TargetOf) -> dict[str, Any]:
        """Values of :attr:`annotation_columns` for one result item."""
        return {}

    def answer(self, control: Control, values: Sequence[Any]) -> Result | None:
        """A result item answering ``control`` with plain values, as ``job.submit("cat")``
        gives them; ``None``: this tag takes no plain values (pass result items)."""
        return None

    def for_browser(self, control: Control, item: Result, target: Any) -> Result:
        """A stored item as the browser draws it (the default: unchanged)."""
        return item

    def geometry(self, item: Result) -> dict[str, Any]:
        """A region's place, as per-region items repeat it in their value (regions only)."""
        return {}

    def joins_region(self, control: Control, schema: Schema) -> bool:
        """Whether its items answer a region another control drew, sharing that region's
        ``id``: then ``annotations`` shows each as a column of the region's row, not as a
        row of its own. True for per-region controls (and a ``<Labels>`` labeling image
        regions drawn with a bare tool)."""
        return control.per_region

    def region_extras(self, item: Result) -> dict[str, Any]:
        """Top-level keys of a region that its per-region items repeat (an image's size)."""
        return {}

    def place(self, item: Result, target_of: TargetOf) -> tuple[Any, ...]:
        """(With :attr:`shows_per_region`) where a region (or a per-region item repeating
        it) is, in the object's own units: ``(start, end)``."""
        return ()

    #: What a user calls one of its regions, in messages.
    noun: ClassVar[str] = "region"

    def describe(self, item: Result, target: Any) -> str:
        """One of its regions in a message: ``region 'id' (label)``."""
        shown = ", ".join(labels_of(item)) or item.get("type")
        return f"{self.noun} {item.get('id')!r} ({shown})"

    def matches(self, a: Result, b: Result) -> bool | None:
        """Whether two items of this tag mark the same thing, for a model's holdout metric
        (spans and ranges: the same ends; boxes: IoU of at least 0.5); ``None``: this tag
        is not compared."""
        return None


class ObjectSource:
    """The data of one object tag of one job: reads items' cells and keeps what it must.

    Parameters
    ----------
    obj
        The object tag.
    data
        The job's DataFrame.
    """

    def __init__(self, obj: DataObject, data: pd.DataFrame, **options: Any) -> None:
        self.obj = obj
        self.data = data

    def cell(self, pos: int) -> Any:
        """The object's DataFrame cell of row ``pos`` (a literal ``value`` has none)."""
        return self.data[self.obj.column].iloc[pos]

    def load(self, pos: int, key: str) -> tuple[dict[str, Any], list[bytes]]:
        """The browser's payload of this object for one item, and its binary buffers
        (``buffer`` in the payload counts from the first of them). Raise
        :class:`nblabel.errors.ItemError` when the cell cannot be shown."""
        raise NotImplementedError

    def target(self, pos: int, key: str) -> Any:
        """What a control needs to check a result on this object (an image's size, the
        text, the series), read from the cell; raise ``ItemError`` when unreadable."""
        return None

    #: Whether :meth:`target` is cheap (no file read): labels already stored are then
    #: checked against it when a job opens (an edited text shows stale spans).
    cheap: ClassVar[bool] = False
    #: Its cells are files (images) that a Label Studio task refers to by URL: pushed as
    #: uploads, ``data:`` URLs or Local Files rather than as a value.
    media: ClassVar[bool] = False
    #: Request kinds this source answers besides ``fetch`` (``window``, ``detail``).
    requests: ClassVar[frozenset[str]] = frozenset()
    #: Its cells hold lists of files (``<Image valueList>``): a task holds a list of URLs.
    many: bool = False

    def files(self, cell: Any, key: str) -> list[Any]:
        """The files a :attr:`media` cell holds, in order: the cell itself, or with
        :attr:`many` each of its list; raise ``ItemError`` when it holds none."""
        return [cell]

    #: The job's display copies on disk (set by the job): a source whose copies are slow to
    #: make (a big image) keeps them there and finds them again next time.
    copies: CopyCache | None = None

    def request(self, kind: str, key: str, pos: int, content: dict[str, Any]) -> Any:
        """Answer a request of one of :attr:`requests`: ``(reply fields, buffers)``."""
        raise ValueError(f"<{self.obj.tag}> answers no {kind!r} request")

    def task_value(self, cell: Any, pos: int, key: str) -> Any:
        """The object's value in a Label Studio task's ``data`` for one item (push), given
        its cell; raise ``ItemError`` when it cannot be sent."""
        raise ItemError(key, f"nblabel cannot send <{self.obj.tag}> objects to Label Studio yet")


class ObjectTag:
    """The plugin of one Label Studio object tag.

    Class attributes
    ----------------
    literal
        It may show a fixed ``value`` written in the config (``<Text value="@johndoe">``,
        ``<Header value="Task">``) rather than a ``$column``: such an object reads no
        DataFrame column and is listed in :attr:`Schema.visuals`, not :attr:`Schema.objects`.
    needs_name
        The config must name it; Label Studio's ``<Header>`` goes unnamed (it gets
        ``_header1``, ``_header2``...).
    enterprise_only
        Non-empty: Label Studio Community has no such tag (its labeling page refuses the
        config), and this says so and what to use instead; a push to a Community server
        is refused with it.
    """

    tag: ClassVar[str] = ""
    source: ClassVar[type[ObjectSource]] = ObjectSource
    literal: ClassVar[bool] = False
    needs_name: ClassVar[bool] = True
    enterprise_only: ClassVar[str] = ""
    #: Its data is made of regions per-region controls answer without a drawn region (a
    #: chat's messages): a perRegion control on it needs no region-drawing control.
    regions: ClassVar[bool] = False

    @property
    def type(self) -> str:
        return self.tag.lower()

    def check_config(self, obj: DataObject, schema: Schema) -> None:
        """Raise :class:`SchemaError` for an object this tag cannot show as configured."""

    def summary(self, obj: DataObject, schema: Schema) -> dict[str, Any]:
        """Extra fields of the object's entry in the browser's schema summary."""
        return {}

    def options(self, obj: DataObject, schema: Schema) -> dict[str, Any]:
        """Keyword arguments of its :attr:`source` taken from the config."""
        return {}


class Registry:
    """The tags a schema may use: control and object plugins by tag name.

    ``Registry([Choices(), Labels(), Image(), ...])``; later entries replace earlier ones
    of the same tag, so an application may swap a plugin for its own.
    """

    def __init__(
        self,
        tags: Iterable[ControlTag | ObjectTag] = (),
        *,
        refused: dict[str, str] | None = None,
    ) -> None:
        self._controls: dict[str, ControlTag] = {}
        self._objects: dict[str, ObjectTag] = {}
        #: Tags refused on purpose, lower case -> why and what to use instead.
        self.refused = {k.lower(): v for k, v in (refused or {}).items()}
        for t in tags:
            self.add(t)

    def add(self, tag: ControlTag | ObjectTag) -> None:
        if not tag.tag:
            raise ValueError(f"{type(tag).__name__} names no tag")
        table: dict[str, Any] = self._controls if isinstance(tag, ControlTag) else self._objects
        table[tag.type] = tag

    def control(self, type: str) -> ControlTag:
        """The plugin of a control tag or of its results' ``type`` (lower case)."""
        found = self._controls.get(type.lower())
        if found is None:
            raise KeyError(type)
        return found

    def for_item(self, item_type: object) -> ControlTag | None:
        """The plugin making result items of ``type`` ``item_type``, ``None`` if none."""
        return next((t for t in self._controls.values() if t.item_type == item_type), None)

    def object(self, type: str) -> ObjectTag:
        found = self._objects.get(type.lower())
        if found is None:
            raise KeyError(type)
        return found

    def tag_name(self, type: str) -> str:
        """Label Studio's spelling of a tag given in lower case (``"TimeSeries"``)."""
        found: ControlTag | ObjectTag | None = self._objects.get(type) or self._controls.get(type)
        return found.tag if found is not None else type

    def has(self, tag: str) -> bool:
        t = tag.lower()
        return t in self._controls or t in self._objects

    def has_object(self, tag: str) -> bool:
        """Whether ``tag`` has an object plugin (a layout tag such as ``<Header>`` may)."""
        return tag.lower() in self._objects

    def names(self) -> list[str]:
        """Every tag name, as Label Studio spells it."""
        return [o.tag for o in self._objects.values()] + [c.tag for c in self._controls.values()]

    def controls(self) -> Iterator[ControlTag]:
        return iter(self._controls.values())

    def annotation_columns(self) -> list[str]:
        """The columns every control plugin adds to ``annotations``, each once, in order."""
        return list(dict.fromkeys(c for t in self._controls.values() for c in t.annotation_columns))


def result_error(key: object, problem: str) -> ResultError:
    """A :class:`ResultError` naming the item."""
    return ResultError(f"item {key!r}: {problem}")


def names(values: Sequence[object]) -> str:
    """``'a', 'b'`` for messages."""
    return ", ".join(map(repr, values))
