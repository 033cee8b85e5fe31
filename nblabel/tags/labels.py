"""``<Labels>`` on a ``<Text>``: spans as Label Studio ``labels`` result items, their
offsets, and token tags.

Offsets are Python code-point offsets into the original string (``doc[start:end]``), which
is also what Label Studio stores for ``Text``. The browser works in UTF-16 code units; it
converts in one place (``nblabel/js/src/offsets.js``), and :func:`to_utf16` /
:func:`from_utf16` are the same conversion here, for offsets that come from JavaScript tools.
Both sides are tested against one table of cases (``tests/fixtures/offsets.json``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar

import pandas as pd

from ..core.errors import ResultError, SchemaError
from ..core.results import Result, new_id
from ..core.schema import Control, Schema
from ..core.tag import ControlTag, TargetOf, is_true, labels_of

#: A tokenizer returns, in order, token strings found in the text, ``(start, end)`` pairs,
#: or objects with ``idx`` and ``text`` (spaCy tokens).
Tokenizer = Callable[[str], Iterable[Any]]

_WORD = re.compile(r"\S+")


def to_utf16(doc: str, offset: int) -> int:
    """The UTF-16 code-unit offset (JavaScript's string index) of code point ``offset``."""
    return offset + sum(1 for ch in doc[:offset] if ord(ch) > 0xFFFF)


def from_utf16(doc: str, offset: int) -> int:
    """The code-point offset of UTF-16 offset ``offset``; inside a surrogate pair, the
    character it splits is counted (rounds up)."""
    units = 0
    for i, ch in enumerate(doc):
        if units >= offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(doc)


def span(
    doc: str,
    *,
    start: int,
    end: int,
    labels: str | Sequence[str],
    from_name: str = "span",
    to_name: str = "text",
    id: str | None = None,
    origin: str = "manual",
    score: float | None = None,
) -> Result:
    """A Label Studio ``labels`` result item for ``doc[start:end]``.

    Parameters
    ----------
    doc
        The whole text of the item.
    start, end
        Code-point offsets (Python string indices), ``0 <= start < end <= len(doc)``.
    labels
        One label, or several for a ``Labels`` control with ``choice="multiple"``.
    from_name, to_name
        The ``Labels`` control and the ``Text`` object (``span`` and ``text`` with the
        ``spans=`` shorthand).
    id, origin, score
        Region id (a fresh one by default), ``"manual"`` or ``"prediction"``, and a
        prediction's score.

    Raises
    ------
    ResultError
        The span is empty, reversed or outside the text.
    """
    names = [labels] if isinstance(labels, str) else list(labels)
    _check_bounds(doc, start, end, where=f"span {start}:{end}")
    item: Result = {
        "id": id or new_id(),
        "from_name": from_name,
        "to_name": to_name,
        "type": "labels",
        "origin": origin,
        "value": {"start": start, "end": end, "text": doc[start:end], "labels": names},
    }
    if score is not None:
        item["score"] = float(score)
    return item


def _check_bounds(doc: str, start: Any, end: Any, *, where: str) -> None:
    if type(start) is not int or type(end) is not int:
        raise ResultError(f"{where}: start and end must be integers, got {start!r} and {end!r}")
    if not 0 <= start < end <= len(doc):
        raise ResultError(
            f"{where} is outside the text or empty: need 0 <= start < end <= {len(doc)} "
            "(offsets are code points, as Python's str indices)"
        )


class Labels(ControlTag):
    """Spans of a text: ``value = {start, end, text, labels}``, offsets in code points."""

    tag = "Labels"
    options: ClassVar[str | None] = "Label"
    objects = frozenset({"text"})
    region: ClassVar[bool] = True
    needs_target: ClassVar[bool] = True
    annotation_columns = ("start", "end", "text")
    #: Per-region answers on a span repeat its offsets, and ``labels`` shows them with them.
    shows_per_region: ClassVar[bool] = True

    def check_config(self, control: Control, schema: Schema) -> None:
        kinds = {o.name: o.type for o in schema.objects}
        if any(kinds.get(t) != "text" for t in control.to_name):
            raise SchemaError(
                f"<Labels name={control.name!r}> labels spans of <Text> objects only; "
                f"toName={','.join(control.to_name)!r} names something else"
            )

    def check(
        self, control: Control, item: Result, *, key: object, target: Any, fresh: bool
    ) -> Result:
        where = f"item {key!r}: span {item.get('id')!r} ({item.get('from_name')})"
        value = item.get("value")
        if not isinstance(value, dict):
            raise ResultError(f"{where} has no value dict with start, end, text, labels")
        labels = labels_of(item)
        if target is None:
            if fresh:
                raise ResultError(
                    f"{where}: {item.get('to_name')!r} is not a Text object of this item"
                )
            return item  # stored or pulled: checked against the text when it is known
        start, end = value.get("start"), value.get("end")
        _check_bounds(target, start, end, where=where)
        if value.get("text") != target[start:end]:
            raise ResultError(
                f"{where}: text {value.get('text')!r} is not the text at {start}:{end}, "
                f"which is {target[start:end]!r} (offsets are code points)"
            )
        if not labels:
            raise ResultError(f"{where} has no label")
        if not control.multiple and len(labels) > 1:
            raise ResultError(
                f"{where}: control {control.name!r} takes one label per span, got "
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
        if is_true(control.attrs.get("overlap", "true")) or target_of is None:
            return result
        # nblabel's own attribute (Label Studio ignores it): spans of this control may not
        # overlap one another.
        spans = sorted(
            (r for r in result if r.get("from_name") == control.name),
            key=lambda r: (r["value"]["start"], r["value"]["end"]),
        )
        for a, b in itertools.pairwise(spans):
            if b["value"]["start"] < a["value"]["end"]:
                raise ResultError(
                    f"item {key!r}: spans {a['value']['text']!r} "
                    f"({a['value']['start']}:{a['value']['end']}) and {b['value']['text']!r} "
                    f"({b['value']['start']}:{b['value']['end']}) of {control.name!r} overlap, "
                    'and its config forbids that (<Labels overlap="false">)'
                )
        return result

    def label_cell(self, control: Control, items: list[Result], target_of: TargetOf) -> Any:
        return span_tuples(items, control=control.name)

    def annotation(self, item: Result, target_of: TargetOf) -> dict[str, Any]:
        value = item.get("value") or {}
        return {"start": value.get("start"), "end": value.get("end"), "text": value.get("text")}

    def place(self, item: Result, target_of: TargetOf) -> tuple[Any, Any]:
        """``(start, end)`` of a span (or of a per-region answer repeating it)."""
        value = item.get("value") or {}
        return value.get("start"), value.get("end")

    def matches(self, a: Result, b: Result) -> bool | None:
        return _ends(a) == _ends(b)

    noun: ClassVar[str] = "span"

    def geometry(self, item: Result) -> dict[str, Any]:
        value = item.get("value") or {}
        return {k: value[k] for k in ("start", "end", "text") if k in value}


def span_tuples(result: Iterable[Result], *, control: str) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` for every span of ``control``, sorted; a span with several
    labels gives one tuple per label."""
    out = []
    for r in result:
        if r.get("from_name") != control or r.get("type") != "labels":
            continue
        value = r.get("value") or {}
        for label in labels_of(r):
            out.append((int(value["start"]), int(value["end"]), label))
    return sorted(out)


def tokens(doc: str, tokenizer: Tokenizer | None = None) -> list[tuple[int, int]]:
    """Token offsets ``(start, end)`` in code points: whitespace-separated words by default.

    ``tokenizer(doc)`` may return token strings (found in ``doc`` in order), ``(start,
    end)`` pairs, or spaCy-like tokens with ``idx`` and ``text``.

    Raises
    ------
    ResultError
        A token string that is not in the text where the tokenizer says it is.
    """
    if tokenizer is None:
        return [(m.start(), m.end()) for m in _WORD.finditer(doc)]
    out: list[tuple[int, int]] = []
    pos = 0
    for tok in tokenizer(doc):
        if isinstance(tok, str):
            start = doc.find(tok, pos)
            if start < 0 or not tok:
                raise ResultError(f"token {tok!r} is not in the text after offset {pos}")
            pair = (start, start + len(tok))
        elif hasattr(tok, "idx") and hasattr(tok, "text"):
            pair = (int(tok.idx), int(tok.idx) + len(tok.text))
        else:
            s, e = tok
            pair = (int(s), int(e))
        out.append(pair)
        pos = pair[1]
    return out


def bio_tags(
    doc: str, spans: Iterable[tuple[int, int, str]], *, tokenizer: Tokenizer | None = None
) -> tuple[list[str], list[str]]:
    """Tokens of ``doc`` and their BIO tags (``B-PER``, ``I-PER``, ``O``).

    A token belongs to a span it overlaps; the first such token of a span is ``B-``. BIO
    is flat: where spans overlap, the one starting first (the longer one on a tie) keeps
    the tokens they share.
    """
    offsets = tokens(doc, tokenizer)
    tags = ["O"] * len(offsets)
    for start, end, label in sorted(spans, key=lambda s: (s[0], -s[1])):
        first = True
        for i, (ts, te) in enumerate(offsets):
            if te <= start or ts >= end:
                continue
            if tags[i] == "O":
                tags[i] = ("B-" if first else "I-") + label
                first = False
    return [doc[s:e] for s, e in offsets], tags


def _ends(item: Result) -> tuple[Any, Any]:
    value = item.get("value") or {}
    return value.get("start"), value.get("end", value.get("start"))


def spans_as(job: Any, format: str, *, control: str | None = None, tokenizer: Any = None) -> Any:
    """The submitted spans of every labeled item of ``job``, for training a model.

    Parameters
    ----------
    format
        ``"spacy"``: a list of ``(text, {"entities": [(start, end, label), ...]})``,
        one per submitted item, offsets in code points (spaCy's training tuples).
        ``"bio"``: a DataFrame indexed by item id with columns ``text``, ``tokens``
        and ``tags`` (``B-PER``, ``I-PER``, ``O``).
    control
        The ``Labels`` control; default: the first one.
    tokenizer
        For ``"bio"``: ``tokenizer(text)`` returning token strings, ``(start, end)``
        pairs or spaCy tokens; default: whitespace-separated words.

    Raises
    ------
    SchemaError
        The schema has no ``Labels`` control (or none named ``control``).
    ValueError
        An unknown ``format``.
    """
    spans = [c for c in job.schema.controls if isinstance(job.schema.plugin(c), Labels)]
    chosen = next((c for c in spans if control in (None, c.name)), None)
    if chosen is None:
        raise SchemaError(
            f"no Labels control{'' if control is None else ' named ' + repr(control)} "
            f"(Labels controls: {', '.join(c.name for c in spans) or 'none'})"
        )
    if format not in ("spacy", "bio"):
        raise ValueError(f"format must be 'spacy' or 'bio', got {format!r}")
    submitted = [ev for ev in job.store.states() if ev.action == "submit"]
    positions = job.items.positions([ev.item for ev in submitted])
    rows = []
    for ev, pos in zip(submitted, positions, strict=True):
        if pos < 0:
            continue
        try:
            text = job.sources.target(ev.item, chosen.to_name[0])
        except (KeyError, ResultError, ValueError):
            continue  # no usable text: nothing to train on
        rows.append((int(pos), text, span_tuples(ev.result, control=chosen.name)))
    rows.sort(key=lambda r: r[0])
    if format == "spacy":
        return [(text, {"entities": found}) for _, text, found in rows]
    tagged = [bio_tags(text, found, tokenizer=tokenizer) for _, text, found in rows]
    return pd.DataFrame(
        {
            "text": [r[1] for r in rows],
            "tokens": [t[0] for t in tagged],
            "tags": [t[1] for t in tagged],
        },
        index=pd.Index([job.items.ids[r[0]] for r in rows], name="item"),
    )
