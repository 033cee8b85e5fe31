"""``<Paragraphs>`` (a dialogue: one paragraph per utterance, each with its speaker) and
``<ParagraphLabels>`` (spans inside one paragraph or across several).

Data: a **list of dicts**, each with the ``nameKey`` field (``author`` by default) and the
``textKey`` field (``text`` by default), e.g. ``[{"author": "Ada", "text": "Hello"}]``
(``tags/object/Paragraphs/model.js``). ``layout="dialogue"`` shows it as a conversation.

A span is stored as Label Studio stores it (``regions/ParagraphsRegion.js``; see
``/work/helpers/ls-tags.md`` §2 "ParagraphLabels")::

    {"start": "0", "end": "1", "startOffset": 6, "endOffset": 2,
     "text": "there\\nHi", "paragraphlabels": ["GREETING"]}

``start``/``end`` are paragraph indexes written **as strings**: Label Studio rebuilds a span
with numeric ones as a whole-item classification and drops its place. ``startOffset`` /
``endOffset`` are offsets inside the start and the end paragraph's text (the speaker's name
not counted) in **UTF-16 code units**, because Label Studio measures them with
``range.toString().length`` (``HtxParagraphs.jsx`` ``getOffsetInPhraseElement``), unlike a
``<Text>`` span's code points; the two agree for text without characters beyond U+FFFF.
``text`` is the selected text; Label Studio itself compares it with the paragraphs ignoring
whitespace (the selection puts a line break between paragraphs), and so does the check here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from ..core.errors import ItemError, ResultError, SchemaError
from ..core.results import Result, new_id
from ..core.schema import Control, DataObject, Schema
from ..core.tag import ControlTag, ObjectSource, ObjectTag, TargetOf, labels_of
from .text import is_missing

_SPACE = re.compile(r"\s+")


def utf16_len(text: str) -> int:
    """The length of ``text`` in UTF-16 code units (JavaScript's ``length``)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def utf16_slice(text: str, start: int, end: int | None = None) -> str:
    """``text`` between UTF-16 offsets ``start`` and ``end``."""
    units = text.encode("utf-16-le")
    stop = len(units) if end is None else 2 * end
    return units[2 * start : stop].decode("utf-16-le", errors="replace")


def keys_of(obj: DataObject) -> tuple[str, str]:
    """The ``(nameKey, textKey)`` of a Paragraphs object (``author``, ``text`` by default)."""
    return obj.attrs.get("nameKey", "author"), obj.attrs.get("textKey", "text")


def read_paragraphs(
    cell: object, key: str, *, name_key: str, text_key: str
) -> list[dict[str, str]]:
    """The paragraphs of a cell as ``[{"name", "text"}]``, or an :class:`ItemError` saying
    what is wrong with it."""
    example = f"[{{{name_key!r}: 'Ada', {text_key!r}: 'Hello'}}, ...]"
    if is_missing(cell):
        raise ItemError(key, f"the paragraphs are missing (the cell is empty/NaN); give {example}")
    if isinstance(cell, str):
        raise ItemError(
            key,
            f"the paragraphs are a string ({cell!r:.40}); give a list of dicts, {example} "
            "(a JSON string: json.loads it first)",
        )
    if isinstance(cell, dict) or not isinstance(cell, Sequence | Iterable):
        raise ItemError(key, f"the paragraphs must be a list of dicts, {example}; got "
                             f"{type(cell).__name__}")  # fmt: skip
    out = []
    for i, p in enumerate(list(cell)):
        if not isinstance(p, dict):
            raise ItemError(key, f"paragraph {i} is {type(p).__name__} {p!r:.40}, not a dict "
                                 f"like {{{name_key!r}: ..., {text_key!r}: ...}}")  # fmt: skip
        text = p.get(text_key)
        if not isinstance(text, str):
            raise ItemError(
                key,
                f"paragraph {i} has no {text_key!r} text (keys: {', '.join(map(repr, p))}); "
                f'set textKey="..." on <Paragraphs> if the text is under another key',
            )
        # Label Studio wants both keys on the first paragraph (else a format error).
        if i == 0 and name_key not in p:
            raise ItemError(
                key,
                f"paragraph 0 has no {name_key!r} (keys: {', '.join(map(repr, p))}); set "
                'nameKey="..." on <Paragraphs> if the speaker is under another key',
            )
        name = p.get(name_key)
        out.append({"name": "" if is_missing(name) else str(name), "text": text})
    if not out:
        raise ItemError(key, f"there are no paragraphs (an empty list); give {example}")
    return out


class ParagraphsSource(ObjectSource):
    cheap: ClassVar[bool] = True

    def __init__(self, obj: DataObject, data: Any, **options: Any) -> None:
        super().__init__(obj, data, **options)
        self.name_key, self.text_key = keys_of(obj)

    def _read(self, pos: int, key: str) -> list[dict[str, str]]:
        return read_paragraphs(self.cell(pos), key, name_key=self.name_key, text_key=self.text_key)

    def load(self, pos: int, key: str) -> tuple[dict[str, Any], list[bytes]]:
        return {"type": "paragraphs", "paragraphs": self._read(pos, key)}, []

    def target(self, pos: int, key: str) -> list[str]:
        """The paragraphs' texts, which spans are checked against."""
        return [p["text"] for p in self._read(pos, key)]

    def task_value(self, cell: Any, pos: int, key: str) -> Any:
        read_paragraphs(cell, key, name_key=self.name_key, text_key=self.text_key)
        return [dict(p) for p in cell]


class ParagraphsObject(ObjectTag):
    tag = "Paragraphs"
    source = ParagraphsSource

    def check_config(self, obj: DataObject, schema: Schema) -> None:
        if obj.attrs.get("valueType", "json").split("|")[0].strip().lower() == "url":
            raise SchemaError(
                f'<Paragraphs name={obj.name!r} valueType="url">: nblabel loads nothing from '
                "the network while labeling; put the list of paragraphs in the DataFrame "
                '(valueType="json", the default)'
            )


def _place(value: dict[str, Any]) -> tuple[int, int, int, int] | None:
    """``(start paragraph, start offset, end paragraph, end offset)`` of a span value as
    numbers, ``None`` when a part is missing or not a whole number."""
    parts = []
    for k in ("start", "startOffset", "end", "endOffset"):
        v = value.get(k)
        if isinstance(v, str) and v.strip().isdigit():
            v = int(v)
        if type(v) is not int:
            return None
        parts.append(v)
    return parts[0], parts[1], parts[2], parts[3]


def selected_text(texts: Sequence[str], start: int, start_offset: int, end: int,
                  end_offset: int) -> str:  # fmt: skip
    """The text a span covers, its paragraphs' pieces joined by a line break (what a
    browser selection across paragraphs gives)."""
    if start == end:
        return utf16_slice(texts[start], start_offset, end_offset)
    pieces = [utf16_slice(texts[start], start_offset)]
    pieces += list(texts[start + 1 : end])
    pieces.append(utf16_slice(texts[end], 0, end_offset))
    return "\n".join(pieces)


class ParagraphLabels(ControlTag):
    """Spans of a dialogue: ``value = {start, end, startOffset, endOffset, text,
    paragraphlabels}`` (see the module's docstring)."""

    tag = "ParagraphLabels"
    options: ClassVar[str | None] = "Label"
    objects = frozenset({"paragraphs"})
    region: ClassVar[bool] = True
    needs_target: ClassVar[bool] = True
    annotation_columns = ("start", "end", "text", "start_offset", "end_offset")
    noun: ClassVar[str] = "span"

    def check(
        self, control: Control, item: Result, *, key: object, target: Any, fresh: bool
    ) -> Result:
        where = f"item {key!r}: paragraph span {item.get('id')!r} ({item.get('from_name')})"
        value = item.get("value")
        if not isinstance(value, dict):
            raise ResultError(f"{where} has no value dict with start, end, startOffset, "
                              "endOffset, paragraphlabels")  # fmt: skip
        labels = labels_of(item)
        if not labels:
            raise ResultError(f"{where} has no label")
        if not control.multiple and len(labels) > 1:
            raise ResultError(
                f"{where}: control {control.name!r} takes one label per span, got "
                f'{", ".join(labels)} (set choice="multiple" on <ParagraphLabels> for more)'
            )
        strings = isinstance(value.get("start"), str) and isinstance(value.get("end"), str)
        if fresh and not strings:
            raise ResultError(
                f"{where}: start and end are paragraph indexes written as strings, got "
                f"{value.get('start')!r} and {value.get('end')!r} (Label Studio reads a span "
                "with numbers there as a whole-item label)"
            )
        place = _place(value)
        if place is None:
            if fresh or target is not None:
                raise ResultError(
                    f"{where}: needs start and end (paragraph indexes, as strings) and "
                    f"startOffset and endOffset (whole numbers), got "
                    f"{ {k: value.get(k) for k in ('start', 'end', 'startOffset', 'endOffset')} }"
                )
            return item
        if target is None:
            if fresh:
                raise ResultError(f"{where}: {item.get('to_name')!r} is not a Paragraphs "
                                  "object of this item")  # fmt: skip
            return item
        start, start_offset, end, end_offset = place
        n = len(target)
        if not (0 <= start <= end < n):
            raise ResultError(
                f"{where}: paragraphs {start} to {end} are not within the item's {n} "
                f"paragraph{'s' if n != 1 else ''} (0 to {n - 1}), or end before start"
            )
        ends = (("startOffset", start, start_offset), ("endOffset", end, end_offset))
        for which, par, off in ends:
            size = utf16_len(target[par])
            if not 0 <= off <= size:
                raise ResultError(
                    f"{where}: {which} {off} is outside paragraph {par}, which is {size} long "
                    "(offsets count UTF-16 code units, as Label Studio's do)"
                )
        if (start, start_offset) >= (end, end_offset):
            raise ResultError(f"{where} is empty or reversed: from {start}:{start_offset} to "
                              f"{end}:{end_offset}")  # fmt: skip
        text = value.get("text")
        if text is not None:
            covered = selected_text(target, start, start_offset, end, end_offset)
            if not isinstance(text, str) or _SPACE.sub("", text) != _SPACE.sub("", covered):
                raise ResultError(
                    f"{where}: text {text!r:.60} is not the text from paragraph {start} offset "
                    f"{start_offset} to paragraph {end} offset {end_offset}, which is "
                    f"{covered!r:.60}"
                )
        return item

    def label_cell(self, control: Control, items: list[Result], target_of: TargetOf) -> Any:
        """``[((start paragraph, offset), (end paragraph, offset), label), ...]``, sorted:
        a text span's ``(start, end, label)`` with places in a dialogue."""
        out = []
        for r in items:
            place = _place(r.get("value") or {})
            if place is None:
                continue
            for label in labels_of(r):
                out.append(((place[0], place[1]), (place[2], place[3]), label))
        return sorted(out)

    def annotation(self, item: Result, target_of: TargetOf) -> dict[str, Any]:
        value = item.get("value") or {}
        place = _place(value)
        if place is None:
            return {"text": value.get("text")}
        return {"start": place[0], "end": place[2], "text": value.get("text"),
                "start_offset": place[1], "end_offset": place[3]}  # fmt: skip

    def geometry(self, item: Result) -> dict[str, Any]:
        value = item.get("value") or {}
        keys = ("start", "end", "startOffset", "endOffset", "text")
        return {k: value[k] for k in keys if k in value}

    def describe(self, item: Result, target: Any) -> str:
        value = item.get("value") or {}
        shown = ", ".join(labels_of(item)) or "no label"
        text = value.get("text")
        about = f" {text!r:.40}" if isinstance(text, str) else ""
        return f"span {item.get('id')!r}{about} ({shown})"

    def matches(self, a: Result, b: Result) -> bool | None:
        return _place(a.get("value") or {}) == _place(b.get("value") or {})


def paragraph_span(
    paragraphs: Sequence[str],
    *,
    start: int,
    end: int,
    start_offset: int,
    end_offset: int,
    labels: str | Sequence[str],
    from_name: str,
    to_name: str,
    id: str | None = None,
    origin: str = "manual",
    score: float | None = None,
) -> Result:
    """A ``paragraphlabels`` result item for a span from paragraph ``start`` at
    ``start_offset`` to paragraph ``end`` at ``end_offset``.

    Parameters
    ----------
    paragraphs
        The item's paragraph texts, in order (the ``textKey`` of each dict).
    start, end
        Paragraph indexes (stored as strings, as Label Studio does).
    start_offset, end_offset
        Offsets inside those paragraphs' texts, in UTF-16 code units (Python's ``str``
        index for text without characters beyond U+FFFF).
    labels, from_name, to_name, id, origin, score
        As for :func:`nblabel.results.span`.
    """
    names = [labels] if isinstance(labels, str) else list(labels)
    item: Result = {
        "id": id or new_id(),
        "from_name": from_name,
        "to_name": to_name,
        "type": "paragraphlabels",
        "origin": origin,
        "value": {
            "start": str(start),
            "end": str(end),
            "startOffset": start_offset,
            "endOffset": end_offset,
            "text": selected_text(paragraphs, start, start_offset, end, end_offset),
            "paragraphlabels": names,
        },
    }
    if score is not None:
        item["score"] = float(score)
    return item
