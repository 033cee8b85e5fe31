"""Smart tools: a user's callable answers a prompt (points, a box, a text selection, a time
range) on one item with Label Studio result items, shown as predictions to accept.

The protocol is ``assist(item, prompt) -> list of result items`` (or a Label Studio
prediction ``{"result": [...], "score": s, "model_version": v}``): ``item`` is an
:class:`AssistItem` (key, row, the object's cell and target), ``prompt`` a :class:`Prompt`.
The same callable answers the notebook (:meth:`nblabel.Job.assist`) and Label Studio's
smart tools through ``nblabel ml-backend`` (:meth:`Prompt.from_context` reads the
``context`` Label Studio sends).

``assist="default"`` picks the built-in answers that need no model weights; they live with
the tags (``nblabel.tags.assist``) and register themselves here, so this module, below the
tags, never imports them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .errors import ResultError, SchemaError
from .results import new_id, validate
from .schema import Schema
from .tag import TargetOf

Result = dict[str, Any]
#: ``assist(item, prompt)``: result items (or a prediction dict) for ``item``.
AssistFn = Callable[["AssistItem", "Prompt"], Any]
#: The model version recorded on answers of a callable that gives none.
VERSION = "assist"

_defaults: dict[str, Callable[[Schema], AssistFn]] = {}


def register_default(name: str, make: Callable[[Schema], AssistFn]) -> None:
    """Make ``assist=name`` build ``make(schema)`` (the tags register ``"default"``)."""
    _defaults[name] = make


@dataclass(frozen=True)
class Point:
    """A click, in percent (0-100) of the original image; ``positive`` false for a click
    meaning "not this"."""

    x: float
    y: float
    positive: bool = True


@dataclass(frozen=True)
class Prompt:
    """What the user pointed at, for one object of one item.

    Attributes
    ----------
    object
        The object tag's name (Label Studio ``to_name``).
    control
        The control the answer should use (``from_name``), e.g. a ``BrushLabels``.
    labels
        The label(s) chosen when prompting (answers carry them).
    points
        Image clicks, in percent of the original size.
    box
        An image box ``(x, y, width, height)`` in percent of the original size.
    start, end, text
        A text selection (code point offsets and its text) or a time-series range (values
        of the time axis, as Label Studio stores them).
    channels
        Time series: the channels compared (empty: all).
    """

    object: str
    control: str
    labels: tuple[str, ...] = ()
    points: tuple[Point, ...] = ()
    box: tuple[float, float, float, float] | None = None
    start: Any = None
    end: Any = None
    text: str | None = None
    channels: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        """``"points"``, ``"box"``, ``"span"`` (text), ``"range"`` (time) or ``"empty"``."""
        if self.box is not None:
            return "box"
        if self.points:
            return "points"
        if self.text is not None:
            return "span"
        if self.start is not None and self.end is not None:
            return "range"
        return "empty"

    @classmethod
    def from_context(cls, schema: Schema, context: dict[str, Any] | None) -> Prompt | None:
        """The prompt of Label Studio's smart tools: ``context["result"]`` holds dynamic
        ``keypointlabels`` items (``is_positive`` at the top level), a ``rectanglelabels``
        item, or a ``labels`` span / ``timeserieslabels`` range; ``None`` when empty.

        The answer goes to the object's first control that can hold a mask, polygon or box
        (in that order) other than the prompting one, else to the prompting control."""
        items = [r for r in ((context or {}).get("result") or []) if isinstance(r, dict)]
        if not items:
            return None
        first = items[0]
        kind = str(first.get("type", "")).lower()
        obj = str(first.get("to_name", ""))
        source = str(first.get("from_name", ""))
        value = first.get("value") or {}
        labels = tuple(value.get(kind) or value.get("labels") or ())
        points: list[Point] = []
        box = None
        for r in items:
            v = r.get("value") or {}
            t = str(r.get("type", "")).lower()
            if t == "keypointlabels" or t == "keypoint":
                points.append(Point(float(v["x"]), float(v["y"]), bool(r.get("is_positive", True))))
            elif t in ("rectanglelabels", "rectangle"):
                box = (float(v["x"]), float(v["y"]), float(v["width"]), float(v["height"]))
        control = output_control(schema, obj, avoid=source) or source
        if kind in ("labels", "timeserieslabels"):
            return cls(object=obj, control=source, labels=labels, start=value.get("start"),
                       end=value.get("end"),
                       text=value.get("text") if kind == "labels" else None)  # fmt: skip
        return cls(object=obj, control=control, labels=labels, points=tuple(points), box=box)

    @classmethod
    def from_browser(cls, schema: Schema, content: dict[str, Any]) -> Prompt:
        """The prompt of the widget's ``assist`` request (see nblabel/protocol.json):
        ``{object, control, labels, points: [[x, y, positive]], box: [x, y, w, h], start,
        end, text, channels}``. Raises ``ValueError`` naming what is wrong."""
        obj, name = str(content.get("object") or ""), str(content.get("control") or "")
        try:
            control = schema.control(name)
        except (KeyError, ValueError, SchemaError):
            raise ValueError(f"assist: no control {name!r} in this config") from None
        if obj not in control.to_name:
            raise ValueError(f"assist: control {name!r} does not label object {obj!r}")
        try:
            points = tuple(
                Point(float(p[0]), float(p[1]), bool(p[2]) if len(p) > 2 else True)
                for p in content.get("points") or ()
            )
            raw_box = content.get("box")
            box = None if raw_box is None else tuple(float(v) for v in raw_box)
        except (TypeError, ValueError, IndexError):
            raise ValueError("assist: points are [x, y, positive] and a box [x, y, w, h]") from None
        if box is not None and len(box) != 4:
            raise ValueError("assist: a box is [x, y, width, height] in percent")
        text = content.get("text")
        return cls(object=obj, control=name,
                   labels=tuple(str(v) for v in content.get("labels") or ()),
                   points=points, box=box,  # type: ignore[arg-type]
                   start=content.get("start"), end=content.get("end"),
                   text=None if text is None else str(text),
                   channels=tuple(str(c) for c in content.get("channels") or ()))  # fmt: skip


#: Image controls an answer can fill, best first: a mask says most, a box least.
_OUTPUTS = ("brushlabels", "polygonlabels", "rectanglelabels", "brush", "polygon", "rectangle")


def output_control(schema: Schema, obj: str, *, avoid: str = "") -> str | None:
    """The control of object ``obj`` an image answer fills by default (see :attr:`_OUTPUTS`)."""
    found = [c for c in schema.controls if obj in c.to_name and c.type in _OUTPUTS]
    found.sort(key=lambda c: (c.name == avoid, _OUTPUTS.index(c.type)))
    return found[0].name if found else None


@dataclass
class AssistItem:
    """One item as an assist callable sees it.

    Attributes
    ----------
    key
        The item's id.
    row
        Its DataFrame row.
    object
        The prompted object's name.
    cell
        The object's cell (an image path, the text, the series).
    target
        What results of that object are checked against (an image's size, the text, the
        series).
    """

    key: str
    row: pd.Series
    object: str
    cell: Any
    target: Any
    extra: dict[str, Any] = field(default_factory=dict)


class Assistant:
    """A callable answering prompts, with every answer checked against the schema.

    Parameters
    ----------
    fn
        ``assist(item, prompt)``, or a name registered with :func:`register_default`
        (``"default"``). An ``fn`` with a ``for_schema(schema)`` method is replaced by
        what that returns (``nblabel.sam_assist`` answers by the control's type).
    schema
        The job's schema.
    """

    def __init__(self, fn: AssistFn | str, schema: Schema) -> None:
        if isinstance(fn, str):
            if fn not in _defaults:
                raise ValueError(
                    f"assist={fn!r} is not a built-in assistant (known: "
                    f"{', '.join(sorted(_defaults)) or 'none'}); pass a callable "
                    "assist(item, prompt) -> list of Label Studio result items"
                )
            fn = _defaults[fn](schema)
        bind = getattr(fn, "for_schema", None)
        if callable(bind):
            # An assistant that answers by the prompted control's type (a SAM adapter,
            # nblabel.active.sam) learns the schema it answers for.
            fn = bind(schema)
        if not callable(fn):
            raise TypeError(
                f"assist= takes a callable assist(item, prompt) or 'default', got "
                f"{type(fn).__name__}"
            )
        self.fn = fn
        self.schema = schema

    def answer(
        self,
        item: AssistItem,
        prompt: Prompt,
        *,
        target_of: TargetOf | None = None,
        clock: list[float] | None = None,
    ) -> tuple[list[Result], list[str]]:
        """``(predictions, problems)``: the callable's checked answer for ``item`` (each
        result item with ``id``, ``origin: "prediction"``, ``score``, ``model_version``),
        and one message naming the item per problem. Never raises for the callable's
        faults: a raising callable, a malformed answer or a bad region is a problem.
        ``clock`` gets the callable's own seconds appended (the checks left out)."""
        key = item.key
        t0 = time.perf_counter()
        try:
            raw = self.fn(item, prompt)
        except Exception as exc:  # a user's callable: report, never break the session
            return [], [f"item {key!r}: assist raised {type(exc).__name__}: {exc}"]
        finally:
            if clock is not None:
                clock.append(time.perf_counter() - t0)
        try:
            result, score, version = _parse(raw, key)
        except ResultError as exc:
            return [], [str(exc)]
        kept: list[Result] = []
        problems: list[str] = []
        for r in result:
            if not isinstance(r, dict):
                problems.append(
                    f"item {key!r}: assist answer dropped: a result item must be a dict, "
                    f"got {type(r).__name__}"
                )
                continue
            one = {**r, "id": str(r.get("id") or new_id()), "origin": "prediction"}
            own = one.get("score")
            one["score"] = own if isinstance(own, int | float) else score
            one.setdefault("model_version", version or VERSION)
            try:
                [one] = validate(self.schema, [one], key=key, complete=False,
                                 target_of=target_of, fresh=True)  # fmt: skip
            except (ResultError, ValueError, TypeError, KeyError) as exc:
                # The checks' messages often name the item already: once is enough.
                why = str(exc).removeprefix(f"item {key!r}: ")
                problems.append(f"item {key!r}: assist answer dropped: {why}")
                continue
            kept.append(one)
        return kept, problems


def _parse(raw: Any, key: str) -> tuple[Sequence[Any], float | None, str | None]:
    if raw is None:
        # A callable that forgot its return: say so, or nothing would ever show.
        raise ResultError(
            f"item {key!r}: assist returned None: return a list of Label Studio result "
            "items ([] when there is nothing to suggest)"
        )
    if isinstance(raw, dict):
        result = raw.get("result")
        if not isinstance(result, list):
            raise ResultError(
                f"item {key!r}: assist returned a dict without 'result': [result items]"
            )
        score = raw.get("score")
        return result, score if isinstance(score, int | float) else None, raw.get("model_version")
    if isinstance(raw, list | tuple):
        return list(raw), None, None
    hint = ""
    if hasattr(raw, "shape") and hasattr(raw, "dtype"):
        # A mask, most likely: the result items are one call away.
        hint = (
            " (a mask? nblabel.tags.assist.mask_result(mask, prompt, control_type, labels) "
            "makes its result item; nblabel.sam_assist wraps a SAM predictor)"
        )
    raise ResultError(
        f"item {key!r}: assist must return a list of Label Studio result items (or "
        f"{{'result': [...]}}), got {type(raw).__name__}{hint}"
    )
