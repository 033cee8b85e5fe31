"""``<DateTime>``: a date, a time, both, or a year for the whole item (one per region,
``perRegion="true"``, is refused for now, as for Rating): ``value = {"datetime": "..."}``.

The stored string is exactly what Label Studio 1.23.2's editor writes
(``tags/control/DateTime.jsx``; see /work/helpers/ls-tags.md §2 "DateTime formats"):

============================  ===========================  ===========================
``only``                      stored (no ``format``)       ``w.labels``
============================  ===========================  ===========================
(none) or ``date,time``       ``2024-03-05T10:30``         ``pd.Timestamp``
``date``                      ``2024-03-05``               ``pd.Timestamp`` (midnight)
``time``                      ``07:05``                    ``datetime.time``
``year``                      ``2023-01-01``               ``pd.Timestamp`` (Jan 1st)
``month,year``                ``2022-01-01``               ``pd.Timestamp`` (Jan 1st)
============================  ===========================  ===========================

``format`` (d3's strftime, e.g. ``%d/%m/%Y %H:%M``) replaces the default for every mode but
``time`` (Label Studio ignores it there and stores the time box's ``HH:MM``). The two
year modes store January 1st because Label Studio's ``date`` getter keeps only the year
whenever ``only`` mentions it: ``month,year`` loses the month in Label Studio itself, so
nblabel shows a year box only and says so rather than offering a month it cannot keep.

Times are wall-clock times without a zone, as Label Studio stores them. A time alone is a
``datetime.time`` in ``w.labels`` (pandas has no time-of-day scalar; a time is comparable
and sortable, which a string like ``"7:05"`` is not).

``min``/``max``: a year (``2020``, or ``current``), a date (``2024-01-31``) or a date and
time (``2024-01-31T08:00``); a value is compared at that precision (Label Studio compares
the date, or the year in the year modes). For ``only="time"`` they are times (``08:00``),
which Label Studio passes to the time box only; nblabel refuses a time outside them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pandas as pd

from ..core.errors import ResultError, SchemaError
from ..core.results import Result, new_id
from ..core.schema import Control, Schema
from ..core.tag import ControlTag, TargetOf

#: Label Studio's default formats (``FORMAT_FULL``, ``FORMAT_DATE`` in DateTime.jsx).
FORMAT_FULL = "%Y-%m-%dT%H:%M"
FORMAT_DATE = "%Y-%m-%d"

#: ``only`` as a set of parts -> nblabel's mode. Other combinations are refused: Label
#: Studio either never produces a value for them (``month`` alone) or mixes a date box
#: with a year picker whose value wins (``date,year``).
_MODES = {
    frozenset(): "datetime",
    frozenset({"date", "time"}): "datetime",
    frozenset({"date"}): "date",
    frozenset({"time"}): "time",
    frozenset({"year"}): "year",
    frozenset({"month", "year"}): "year",
}

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]  # fmt: skip
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

#: The strftime directives nblabel formats and parses like d3 (en-US): what the browser can
#: fill (a date, hours and minutes). Padding modifiers ``-`` (none), ``_`` (space), ``0``.
_DIRECTIVES = "YymdeHIMSjpbBaA"
_DIRECTIVE = re.compile(r"%([-_0]?)(.)")
_TIME = re.compile(r"^(\d?\d):(\d\d)(?::(\d\d))?$")


def mode(control: Control) -> str:
    """``"datetime"``, ``"date"``, ``"time"`` or ``"year"`` for the control's ``only``."""
    only = control.attrs.get("only") or ""
    parts = frozenset(p.strip() for p in only.split(",") if p.strip())
    found = _MODES.get(parts)
    if found is None:
        raise SchemaError(
            f"<DateTime name={control.name!r}> has only={only!r}: nblabel takes only= "
            "date, time, date,time, year or month,year (Label Studio produces no value, or a "
            "mixed one, for other combinations)"
        )
    return found


def lost_month(control: Control) -> bool:
    """``only="month,year"``: Label Studio keeps the year only (``YYYY-01-01``)."""
    return "month" in (control.attrs.get("only") or "")


def value_format(control: Control) -> str | None:
    """The strftime format of the stored string; ``None`` for a time (``HH:MM``)."""
    m = mode(control)
    if m == "time":
        return None
    return control.attrs.get("format") or (FORMAT_FULL if m == "datetime" else FORMAT_DATE)


def format_value(when: dt.datetime, fmt: str) -> str:
    """``when`` written with d3's strftime ``fmt`` (the subset in :data:`_DIRECTIVES`)."""

    def one(m: re.Match[str]) -> str:
        pad, d = m.group(1), m.group(2)
        if d == "%":
            return "%"
        names = {
            "p": "AM" if when.hour < 12 else "PM",
            "b": _MONTHS[when.month - 1][:3],
            "B": _MONTHS[when.month - 1],
            "a": _DAYS[when.weekday()][:3],
            "A": _DAYS[when.weekday()],
        }
        if d in names:
            return names[d]
        number, width = {
            "Y": (when.year % 10000, 4),
            "y": (when.year % 100, 2),
            "m": (when.month, 2),
            "d": (when.day, 2),
            "e": (when.day, 2),
            "H": (when.hour, 2),
            "I": (when.hour % 12 or 12, 2),
            "M": (when.minute, 2),
            "S": (when.second, 2),
            "j": (when.timetuple().tm_yday, 3),
        }[d]
        fill = {"-": "", "_": " ", "0": "0"}.get(pad, " " if d == "e" else "0")
        text = str(number)
        return text if not fill else text.rjust(width, fill)

    return _DIRECTIVE.sub(one, fmt)


def _pattern(fmt: str) -> tuple[re.Pattern[str], list[str]]:
    """A regex reading what :func:`format_value` writes with ``fmt``, and its fields."""
    out, fields, at = [], [], 0
    for m in _DIRECTIVE.finditer(fmt):
        out.append(re.escape(fmt[at : m.start()]))
        at = m.end()
        d = m.group(2)
        if d == "%":
            out.append("%")
            continue
        fields.append(d)
        if d in "bB":
            names = [n[:3] for n in _MONTHS] if d == "b" else _MONTHS
            out.append(f"({'|'.join(names)})")
        elif d in "aA":
            names = [n[:3] for n in _DAYS] if d == "a" else _DAYS
            out.append(f"({'|'.join(names)})")
        elif d == "p":
            out.append("(AM|PM)")
        else:
            width = {"Y": 4, "j": 3}.get(d, 2)
            out.append(rf" *(\d{{1,{width}}})")
    out.append(re.escape(fmt[at:]))
    return re.compile("^" + "".join(out) + "$", re.IGNORECASE), fields


def check_format(control: Control) -> None:
    """Raise :class:`SchemaError` for a ``format`` nblabel cannot write like d3 does."""
    fmt = control.attrs.get("format")
    if fmt is None:
        return
    found = list(_DIRECTIVE.finditer(fmt))
    bad = sorted({m.group(0) for m in found if m.group(2) not in _DIRECTIVES + "%"})
    # A lone "%" at the end (or "%%" counted twice) leaves percent signs unmatched.
    if bad or not fmt.strip() or fmt.count("%") != sum(1 + (m.group(2) == "%") for m in found):
        raise SchemaError(
            f"<DateTime name={control.name!r}> has format={fmt!r}: nblabel writes the "
            f"directives %Y %y %m %d %e %H %I %M %S %j %p %b %B %a %A %% (with - _ 0 padding)"
            + (f", not {', '.join(bad)}" if bad else "")
        )


def parse_value(text: str, fmt: str) -> dt.datetime:
    """The date and time in ``text`` written with ``fmt``; ``ValueError`` when it is not
    such a string or not a real date."""
    pattern, fields = _pattern(fmt)
    m = pattern.match(text)
    if m is None:
        raise ValueError(f"not in the format {fmt!r}")
    parts = dict(zip(fields, m.groups(), strict=True))
    year = int(parts["Y"]) if "Y" in parts else (2000 + int(parts["y"]) if "y" in parts else 1900)
    if "y" in parts and "Y" not in parts and int(parts["y"]) >= 69:
        year -= 100  # d3 and POSIX: 69-99 are 1969-1999
    name = parts.get("B") or parts.get("b")
    month = int(parts["m"]) if "m" in parts else 1
    if "m" not in parts and name:
        month = next(i + 1 for i, n in enumerate(_MONTHS) if n[:3].lower() == name[:3].lower())
    day = int(parts.get("d") or parts.get("e") or 1)
    hour = int(parts.get("H", 0))
    if "I" in parts:
        hour = int(parts["I"]) % 12 + (12 if str(parts.get("p", "AM")).upper() == "PM" else 0)
    when = dt.datetime(year, month, day, hour, int(parts.get("M", 0)), int(parts.get("S", 0)))
    if "j" in parts and "m" not in parts and "b" not in parts and "B" not in parts:
        when = dt.datetime(year, 1, 1, when.hour, when.minute, when.second) + dt.timedelta(
            days=int(parts["j"]) - 1
        )
    return when


def parse_time(text: str) -> dt.time:
    """``HH:MM`` (or ``HH:MM:SS``) as a time; ``ValueError`` otherwise."""
    m = _TIME.match(text)
    if m is None:
        raise ValueError("not a time HH:MM")
    return dt.time(int(m.group(1)), int(m.group(2)), int(m.group(3) or 0))


def _bound(control: Control, name: str) -> tuple[str, Any] | None:
    """``(precision, value)`` of ``min``/``max``: ``("year", 2020)``, ``("date",
    date)``, ``("datetime", datetime)`` or ``("time", time)``; ``None`` when unset."""
    raw = (control.attrs.get(name) or "").strip()
    if not raw:
        return None
    where = f"<DateTime name={control.name!r}> has {name}={raw!r}"
    if mode(control) == "time":
        found = re.search(r"\d?\d:\d\d", raw)  # what Label Studio hands to the time box
        try:
            return ("time", parse_time(found.group(0) if found else raw))
        except ValueError:
            raise SchemaError(f'{where}: with only="time" it is a time, like 08:30') from None
    if raw == "current":  # Label Studio's year picker reads "current" as this year
        return ("year", dt.date.today().year)
    try:
        if re.fullmatch(r"\d{4}", raw):
            return ("year", int(raw))
        if mode(control) == "year":
            return ("year", dt.date.fromisoformat(raw[:10]).year)
        if re.fullmatch(r"\d{4}-\d\d-\d\d", raw):
            return ("date", dt.date.fromisoformat(raw))
        return ("datetime", dt.datetime.fromisoformat(raw).replace(second=0, microsecond=0))
    except ValueError:
        raise SchemaError(
            f"{where}: a year (2020 or current), a date (2024-01-31) or a date and time "
            "(2024-01-31T08:00)"
        ) from None


def _at(precision: str, when: dt.datetime | dt.time) -> Any:
    """``when`` at a bound's precision, to compare with it."""
    if isinstance(when, dt.time):
        return when
    return {"year": when.year, "date": when.date(), "datetime": when}[precision]


def _shown(value: Any) -> str:
    if isinstance(value, dt.datetime | dt.time):
        return value.isoformat(timespec="minutes")
    return str(value)


def _iso_bound(control: Control, name: str) -> dict[str, str] | None:
    """A bound for the browser: its precision and its ISO text at that precision (which
    compares as text: ``2020``, ``2020-01-31``, ``2020-01-31T08:00``, ``08:00``)."""
    found = _bound(control, name)
    if found is None:
        return None
    precision, value = found
    text = f"{value:04d}" if precision == "year" else _shown(value)
    return {"precision": precision, "value": text}


def out_of_range(control: Control, when: dt.datetime | dt.time) -> str:
    """Why ``when`` is outside the control's ``min``/``max`` ("" when it is inside)."""
    lo, hi = _bound(control, "min"), _bound(control, "max")
    if lo is not None and _at(lo[0], when) < lo[1]:
        return f"before its min {_shown(lo[1])}"
    if hi is not None and _at(hi[0], when) > hi[1]:
        return f"after its max {_shown(hi[1])}"
    return ""


def read(control: Control, text: str) -> dt.datetime | dt.time:
    """The stored string of ``control`` as a datetime (a time for ``only="time"``);
    ``ValueError`` saying what was expected."""
    fmt = value_format(control)
    if fmt is None:
        return parse_time(text)
    try:
        when = parse_value(text, fmt)
    except ValueError:
        raise ValueError(f"not a date written as {fmt!r}") from None
    if mode(control) == "year" and (when.month, when.day, when.hour, when.minute) != (1, 1, 0, 0):
        first = format_value(dt.datetime(when.year, 1, 1), fmt)
        raise ValueError(
            f"not January 1st: Label Studio stores only={control.attrs.get('only')!r} as the "
            f"year's first day ({first!r})"
        )
    return when


def write(control: Control, when: Any) -> str:
    """``when`` (a string in the control's own format, a ``datetime``/``date``/``time``,
    a ``pd.Timestamp``, or an ``int`` year for the year modes) as Label Studio stores it."""
    fmt = value_format(control)
    if isinstance(when, str):
        try:
            when = read(control, when)
        except ValueError as exc:
            raise ValueError(f"{control.name!r}: {when!r} is {exc}") from None
    if isinstance(when, pd.Timestamp):
        when = when.to_pydatetime()
    if fmt is None:
        if isinstance(when, dt.datetime):
            when = when.time()
        if not isinstance(when, dt.time):
            raise TypeError(f"{control.name!r} takes a time, got {type(when).__name__}")
        return f"{when.hour:02d}:{when.minute:02d}"
    if isinstance(when, int) and not isinstance(when, bool) and mode(control) == "year":
        when = dt.datetime(when, 1, 1)
    elif isinstance(when, dt.date) and not isinstance(when, dt.datetime):
        when = dt.datetime(when.year, when.month, when.day)
    if not isinstance(when, dt.datetime):
        raise TypeError(f"{control.name!r} takes a date or datetime, got {type(when).__name__}")
    if mode(control) == "year":
        when = dt.datetime(when.year, 1, 1)
    elif mode(control) == "date":
        when = dt.datetime(when.year, when.month, when.day)
    return format_value(when.replace(second=0, microsecond=0), fmt)


class DateTime(ControlTag):
    tag = "DateTime"

    def check_config(self, control: Control, schema: Schema) -> None:
        super().check_config(control, schema)
        if control.per_region:
            raise SchemaError(
                f'<DateTime name={control.name!r} perRegion="true">: nblabel shows a date for the '
                "whole item only, not yet one per region"
            )
        mode(control)
        check_format(control)
        lo, hi = _bound(control, "min"), _bound(control, "max")
        if lo is not None and hi is not None and lo[0] == hi[0] and lo[1] > hi[1]:
            raise SchemaError(
                f"<DateTime name={control.name!r}>: min {_shown(lo[1])} is after max "
                f"{_shown(hi[1])}"
            )

    def summary(self, control: Control, schema: Schema) -> dict[str, Any]:
        # The browser writes the value itself (no kernel round trip per key press).
        return {
            "mode": mode(control),
            "format": value_format(control),
            "lost_month": lost_month(control),
            "min": _iso_bound(control, "min"),
            "max": _iso_bound(control, "max"),
        }

    def check(
        self, control: Control, item: Result, *, key: object, target: Any, fresh: bool
    ) -> Result:
        value = item.get("value")
        text = value.get("datetime") if isinstance(value, dict) else None
        where = f"item {key!r}: {control.name!r}"
        if not isinstance(text, str):
            raise ResultError(
                f"{where} takes a date as a string, got {text!r} (value {{'datetime': "
                f"'{write(control, dt.datetime(2024, 3, 5, 10, 30))}'}})"
            )
        try:
            when = read(control, text)
        except ValueError as exc:
            raise ResultError(f"{where}: {text!r} is {exc}") from None
        problem = out_of_range(control, when)
        if problem:
            raise ResultError(f"{where} is {text!r}, {problem}")
        if fresh:
            # Written as Label Studio writes it ("2024-3-5" -> "2024-03-05").
            canonical = write(control, when)
            if canonical != text:
                item = {**item, "value": {**value, "datetime": canonical}}  # type: ignore[dict-item]
        return item

    def has_value(self, control: Control, item: Result) -> bool:
        return bool((item.get("value") or {}).get("datetime"))

    def label_cell(self, control: Control, items: list[Result], target_of: TargetOf) -> Any:
        for r in items:
            return as_label(control, (r.get("value") or {}).get("datetime"))
        return None

    def label(self, item: Result) -> Any:
        return (item.get("value") or {}).get("datetime")


def as_label(control: Control, text: object) -> Any:
    """A stored string as ``w.labels`` shows it: a ``pd.Timestamp`` (a ``datetime.time``
    for ``only="time"``), ``None`` when it cannot be read."""
    if not isinstance(text, str):
        return None
    try:
        when = read(control, text)
    except ValueError:
        return None
    return when if isinstance(when, dt.time) else pd.Timestamp(when)


def date_time(
    control: Control, when: Any, *, id: str | None = None, origin: str = "manual"
) -> Result:
    """A ``datetime`` result item for ``control``: ``when`` is a ``datetime``, ``date``,
    ``time``, ``pd.Timestamp``, a year (``int``, for ``only="year"``) or a string in the
    control's format, written as Label Studio writes it."""
    return {
        "id": id or new_id(),
        "from_name": control.name,
        "to_name": control.to_name[0],
        "type": "datetime",
        "origin": origin,
        "value": {"datetime": write(control, when)},
    }
