"""Text spans: Label Studio ``labels`` result items, their offsets, and token tags.

Offsets are Python code-point offsets into the original string (``doc[start:end]``), which
is also what Label Studio stores for ``Text``. The browser works in UTF-16 code units; it
converts in one place (``nblabel/js/src/offsets.js``), and :func:`to_utf16` /
:func:`from_utf16` are the same conversion here, for offsets that come from JavaScript tools.
Both sides are tested against one table of cases (``tests/fixtures/offsets.json``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from .errors import ResultError
from .results import Result, labels_of, new_id
from .schema import Schema

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


def check_spans(
    schema: Schema, result: Iterable[Result], texts: Mapping[str, str], *, key: object
) -> None:
    """Check every ``labels`` item of ``result`` against the item's texts.

    ``texts`` maps a ``Text`` object's name to the item's text. Run after
    :func:`nblabel.results.validate`, which checks names, types and labels.

    Raises
    ------
    ResultError
        Naming the item ``key`` and the region: no ``value``, non-integer or out-of-range
        offsets, ``value["text"] != text[start:end]``, no label, or several labels on a
        single-label control.
    """
    controls = {c.name: c for c in schema.controls}
    for r in result:
        if r.get("type") != "labels":
            continue
        where = f"item {key!r}: span {r.get('id')!r} ({r.get('from_name')})"
        value = r.get("value")
        if not isinstance(value, dict):
            raise ResultError(f"{where} has no value dict with start, end, text, labels")
        doc = texts.get(str(r.get("to_name")))
        if doc is None:
            raise ResultError(f"{where}: {r.get('to_name')!r} is not a Text object of this item")
        start, end = value.get("start"), value.get("end")
        _check_bounds(doc, start, end, where=where)
        if value.get("text") != doc[start:end]:
            raise ResultError(
                f"{where}: text {value.get('text')!r} is not the text at {start}:{end}, "
                f"which is {doc[start:end]!r} (offsets are code points)"
            )
        labels = labels_of(r)
        if not labels:
            raise ResultError(f"{where} has no label")
        control = controls.get(str(r.get("from_name")))
        if control is not None and not control.multiple and len(labels) > 1:
            raise ResultError(
                f"{where}: control {control.name!r} takes one label per span, got "
                f'{", ".join(labels)} (set choice="multiple" on <Labels> for more)'
            )
    _check_overlaps(controls, result, key=key)


def _check_overlaps(controls: Mapping[str, Any], result: Iterable[Result], *, key: object) -> None:
    """Spans of a ``<Labels overlap="false">`` control may not overlap one another."""
    by_control: dict[str, list[Result]] = {}
    for r in result:
        control = controls.get(str(r.get("from_name")))
        forbids = control is not None and str(control.attrs.get("overlap", "")).lower() == "false"
        if r.get("type") == "labels" and forbids:
            by_control.setdefault(control.name, []).append(r)
    for name, spans in by_control.items():
        spans.sort(key=lambda r: (r["value"]["start"], r["value"]["end"]))
        for a, b in itertools.pairwise(spans):
            if b["value"]["start"] < a["value"]["end"]:
                raise ResultError(
                    f"item {key!r}: spans {a['value']['text']!r} "
                    f"({a['value']['start']}:{a['value']['end']}) and {b['value']['text']!r} "
                    f"({b['value']['start']}:{b['value']['end']}) of {name!r} overlap, and "
                    f'its config forbids that (<Labels overlap="false">)'
                )


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
