"""Rows of a DataFrame as items: stable ids (:class:`Items`), and what the browser shows of
them (:class:`Sources`: one source per object tag, made by its plugin).

The DataFrame is never copied: an item is a row position plus a key, and media are loaded
one item at a time when the browser asks for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from .copies import CopyCache
from .errors import ItemError, SchemaError
from .options import Allowed, ItemOptions
from .schema import DataObject, Schema
from .tag import ObjectSource


class Items:
    """The items of a labeling job: one per DataFrame row, keyed by a stable id.

    Parameters
    ----------
    data
        The DataFrame; kept by reference.
    objects
        The schema's data objects; each reads one column of ``data``.
    id
        Column holding the item ids; ``None`` uses ``data.index``.

    Keys are strings (what the store and the browser see): ``str(id)``. Integer ids map
    back without any per-row table, so a million-row frame costs nothing extra.
    """

    def __init__(
        self, data: pd.DataFrame, objects: Sequence[DataObject], *, id: str | None = None
    ) -> None:
        if not isinstance(data, pd.DataFrame):
            raise TypeError(f"data must be a pandas DataFrame, got {type(data).__name__}")
        self.data = data
        self.objects = tuple(objects)
        for obj in self.objects:
            if obj.column not in data.columns:
                raise SchemaError(
                    f"<{obj.tag} name={obj.name!r}> reads column {obj.column!r}, which the "
                    f"DataFrame does not have (columns: {', '.join(map(str, data.columns))})"
                )
        if id is None:
            ids = data.index
        elif id in data.columns:
            ids = pd.Index(data[id])
        else:
            raise SchemaError(f"id={id!r} is not a column of the DataFrame")
        self._int_keys = pd.api.types.is_integer_dtype(ids.dtype)
        if self._int_keys or pd.api.types.is_string_dtype(ids.dtype):
            lookup = ids
        else:  # floats, dates, mixed objects: their string forms are the keys
            lookup = pd.Index(ids.astype(str))
        #: Whether some ids hold lone surrogates (see `valid_key`), so keys differ from them.
        self._escaped = not self._int_keys and _has_surrogates(lookup)
        if self._escaped:
            lookup = pd.Index([valid_key(str(k)) for k in lookup])
        if not lookup.is_unique:
            dupes = pd.unique(np.asarray(lookup[lookup.duplicated()]))[:10]
            raise ItemError(
                ", ".join(map(str, dupes)),
                "this id is used by more than one row; ids must be unique "
                "(pass id='a unique column')",
            )
        self.ids = ids
        self._lookup = lookup

    def __len__(self) -> int:
        return len(self.ids)

    def key(self, pos: int) -> str:
        """The key of the item at row position ``pos``."""
        return str(self._lookup[pos])

    def label(self, pos: int) -> str:
        """The id of the item at ``pos`` as text the browser can show."""
        return valid_key(str(self.ids[pos])) if self._escaped else str(self.ids[pos])

    def pos(self, key: str) -> int:
        """The row position of ``key`` (or of the id ``key``, lone surrogates and all);
        raises ``KeyError`` for an unknown key."""
        if self._escaped:
            key = valid_key(key)
        try:
            loc = self._lookup.get_loc(int(key) if self._int_keys else key)
        except (KeyError, ValueError):
            raise KeyError(key) from None
        if not isinstance(loc, int | np.integer):
            raise KeyError(key)
        return int(loc)

    def positions(self, keys: Sequence[str]) -> npt.NDArray[np.int64]:
        """Row positions of ``keys`` (``-1`` where a key is not in the data)."""
        if self._int_keys:
            wanted = [int(k) if k.lstrip("-").isdigit() else None for k in keys]
            pos = self._lookup.get_indexer(pd.Index([w for w in wanted if w is not None]))
            out = np.full(len(keys), -1, dtype=np.int64)
            out[[i for i, w in enumerate(wanted) if w is not None]] = pos
            return out
        return np.asarray(self._lookup.get_indexer(pd.Index(list(keys))), dtype=np.int64)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogates(values: pd.Index) -> bool:
    # Joined and checked in C: ~0.1-0.3 s for a million ids, about what is_unique costs.
    plain = values.tolist()
    try:
        text = "\n".join(plain)
    except TypeError:  # not all strings
        text = "\n".join(map(str, plain))
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def valid_key(text: str) -> str:
    """``text`` with each lone surrogate written out: ``\\xe9`` for the byte a file name
    held that was not UTF-8 (``os.listdir`` returns it as ``\\udce9``), ``\\ud800`` for
    any other. The store and the browser take valid Unicode only; the DataFrame keeps its
    ids as they are (``labels`` is aligned to them)."""
    if text.isascii():
        return text

    def written(m: re.Match[str]) -> str:
        code = ord(m.group())
        return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"

    return _SURROGATE.sub(written, text)


class Sources:
    """What the browser is shown of each item: one source per object of the schema, made by
    the object's plugin, and the targets controls check results against.

    Parameters
    ----------
    schema, items
        The job's.
    options
        Keyword arguments for the sources by object type, e.g. ``{"image":
        {"display_size": 1024}, "timeseries": {"sort": True}}``.
    copies
        Display copies on disk, for every source (see :attr:`ObjectSource.copies`).
    """

    def __init__(
        self,
        schema: Schema,
        items: Items,
        options: dict[str, dict[str, Any]] | None = None,
        *,
        copies: CopyCache | None = None,
    ) -> None:
        self.items = items
        #: The options controls with ``value="$column"`` read per item.
        self.options = ItemOptions(schema, items.data)
        self.sources: dict[str, ObjectSource] = {}
        for obj in schema.objects:
            tag = schema.object_tag(obj)
            given = (options or {}).get(obj.type, {})
            self.sources[obj.name] = tag.source(
                obj, items.data, **tag.options(obj, schema), **given
            )
            self.sources[obj.name].copies = copies

    def variant(self, schema: Schema, options: dict[str, dict[str, Any]]) -> Sources:
        """These sources, with those of the object types in ``options`` made anew with
        them (``{"image": {"display_size": 160}}``: thumbnails); the others are shared."""
        out = object.__new__(Sources)  # the same items: nothing to check again
        out.items = self.items
        out.options = self.options
        out.sources = dict(self.sources)
        for obj in schema.objects:
            if obj.type in options:
                tag = schema.object_tag(obj)
                out.sources[obj.name] = tag.source(
                    obj, self.items.data, **tag.options(obj, schema), **options[obj.type]
                )
        return out

    def load(self, pos: int) -> tuple[dict[str, Any], list[bytes]]:
        """The browser payload of one item and its binary buffers (see ``protocol``).

        A problem with one object is reported in the payload (``error``), never raised:
        the session goes on.
        """
        key = self.items.key(pos)
        payload: dict[str, Any] = {"key": key, "label": key, "error": None, "objects": {}}
        buffers: list[bytes] = []
        for name, source in self.sources.items():
            try:
                meta, bufs = source.load(pos, key)
            except ItemError as exc:
                self._fail(payload, source.obj, str(exc))
                continue
            except Exception as exc:  # one broken cell never stops the others
                problem = f"item {key!r}: cannot show it: {type(exc).__name__}: {exc}"
                self._fail(payload, source.obj, problem)
                continue
            if bufs:
                meta = {**meta, "buffer": len(buffers) + int(meta.get("buffer", 0))}
            payload["objects"][name] = meta
            buffers.extend(bufs)
        if self.options:
            try:
                payload["options"] = self.options.for_browser(pos, key)
            except ItemError as exc:
                payload["error"] = payload["error"] or str(exc)
        return payload, buffers

    def allowed(self, key: str) -> dict[str, Allowed] | None:
        """Control name -> the values item ``key`` lets its dynamic controls hold; ``None``
        when no control has dynamic options. Raises :class:`ItemError` for a bad cell."""
        if not self.options:
            return None
        return self.options.allowed(self.items.pos(key), key)

    @staticmethod
    def _fail(payload: dict[str, Any], obj: DataObject, message: str) -> None:
        payload["objects"][obj.name] = {"type": obj.type, "error": message}
        payload["error"] = payload["error"] or message

    def target(self, key: str, name: str) -> Any:
        """What object ``name`` of item ``key`` holds for checking results (see
        :meth:`nblabel.core.tag.ObjectSource.target`); ``KeyError`` for an unknown object."""
        return self.sources[name].target(self.items.pos(key), key)

    def target_of(self, key: str, *, cheap: bool = False) -> Any:
        """``target_of(name)`` for item ``key`` (only cheap targets with ``cheap``)."""

        def target_of(name: str) -> Any:
            source = self.sources[name]
            if cheap and not source.cheap:
                raise KeyError(name)
            return source.target(self.items.pos(key), key)

        return target_of

    def request(self, kind: str, content: dict[str, Any]) -> tuple[dict[str, Any], list[bytes]]:
        """Answer an object's own request (``window``, ``detail``): ``content`` names the
        item (``key``) and the object (``object``; default: the one answering ``kind``)."""
        key = str(content.get("key"))
        name = content.get("object")
        source = (
            self.sources.get(str(name))
            if name is not None
            else next((s for s in self.sources.values() if kind in s.requests), None)
        )
        if source is None or kind not in source.requests:
            answering = [n for n, s in self.sources.items() if kind in s.requests] or ["none"]
            raise ItemError(key, f"no object {name!r} answers {kind!r} (objects: "
                                 f"{', '.join(answering)})")  # fmt: skip
        try:
            pos = self.items.pos(key)
        except KeyError:
            raise ItemError(key, f"not in this DataFrame (a {kind} request asked for it)") from None
        return source.request(kind, key, pos, content)  # type: ignore[no-any-return]
