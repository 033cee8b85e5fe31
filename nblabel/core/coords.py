"""2-D map coordinates of a job's items: from their embeddings (PCA, or UMAP when
``umap-learn`` is installed) or from two columns the user already has.

A projection is computed once and cached next to the store (``<store>.map-<method>.npz``),
keyed by a digest of the embedding matrix: a changed embedding (values, order, rows) makes
a new one. Items whose embedding cannot be used (no vector, another length than the
others, NaN or infinite values) get no position; each is reported by name and the others
are placed as usual.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from .errors import MapError

#: Above this many items, ``method="auto"`` uses PCA even with umap-learn installed: UMAP
#: on a million items takes tens of minutes (pass ``method="umap"`` to wait for it).
UMAP_AUTO_LIMIT = 100_000
METHODS = ("auto", "pca", "umap")
MIN_ITEMS = 3


@dataclass
class Coords:
    """Where each item is on the map.

    Attributes
    ----------
    xy
        ``(n, 2)`` float32, one row per item in DataFrame order; NaN for an item that has
        no position (see ``problems``).
    method
        ``"pca"``, ``"umap"`` or ``"columns"``.
    problems
        Row position -> why that item has no position.
    cached
        Read from the cache file rather than computed.
    note
        What the user should know about the method chosen ("" when nothing).
    """

    xy: npt.NDArray[np.float32]
    method: str
    problems: dict[int, str] = field(default_factory=dict)
    cached: bool = False
    note: str = ""

    @property
    def placed(self) -> npt.NDArray[np.bool_]:
        """Which items have a position."""
        return finite_rows(self.xy)


def finite_rows(xy: npt.NDArray[Any]) -> npt.NDArray[np.bool_]:
    """Which rows of an ``(n, 2)`` array are finite (column by column: ``all(axis=1)``
    over two columns took a third of a second for a million rows)."""
    return np.asarray(np.isfinite(xy[:, 0]) & np.isfinite(xy[:, 1]), dtype=np.bool_)


def embedding_matrix(
    values: Any, name_of: Callable[[int], object] | None = None
) -> tuple[npt.NDArray[np.float32], dict[int, str]]:
    """A column of vectors (lists, tuples, arrays) or an ``(n, d)`` array as an ``(n, d)``
    float32 matrix, and row position -> problem for the rows that cannot be used (their
    matrix rows are NaN). ``name_of(pos)`` names an item in the messages (its id)."""

    def name(pos: int) -> str:
        return repr(name_of(pos)) if name_of is not None else f"at row {pos}"

    problems: dict[int, str] = {}
    if isinstance(values, np.ndarray) and values.dtype != object:
        if values.ndim != 2:
            raise MapError(
                f"embedding= as an array must be 2-D (one row per item), got shape {values.shape}"
            )
        matrix = np.asarray(values, dtype=np.float32)
    else:
        cells = list(values.tolist() if hasattr(values, "tolist") else values)
        lengths = np.full(len(cells), -1, dtype=np.int64)
        arrays: list[Any] = [None] * len(cells)
        for pos, cell in enumerate(cells):
            try:
                arr = np.asarray(cell, dtype=np.float32)
            except (TypeError, ValueError):
                problems[pos] = f"item {name(pos)}: its embedding is not a vector of numbers"
                continue
            if arr.ndim != 1 or arr.size == 0:
                what = "empty" if arr.size == 0 else f"of shape {arr.shape}"
                problems[pos] = f"item {name(pos)}: its embedding is {what}, not a vector"
                continue
            arrays[pos] = arr
            lengths[pos] = arr.size
        found = lengths[lengths >= 0]
        if not len(found):
            raise MapError("no item has a usable embedding (a vector of numbers per row)")
        sizes, counts = np.unique(found, return_counts=True)
        d = int(sizes[np.argmax(counts)])
        for pos in np.flatnonzero((lengths >= 0) & (lengths != d)):
            problems[int(pos)] = (
                f"item {name(int(pos))}: its embedding has {lengths[pos]} values, the others "
                f"{d}; it is left off the map"
            )
            arrays[pos] = None
        matrix = np.full((len(cells), d), np.nan, dtype=np.float32)
        good = [pos for pos, a in enumerate(arrays) if a is not None]
        if good:
            matrix[good] = np.stack([arrays[p] for p in good])
    bad = ~np.isfinite(matrix).all(axis=1)
    for pos in np.flatnonzero(bad):
        problems.setdefault(
            int(pos),
            f"item {name(int(pos))}: its embedding holds NaN or infinite values; it is left "
            "off the map",
        )
    if bad.any():  # a copy: the caller's array (maybe read-only) is never written to
        matrix = matrix.copy()
        matrix[bad] = np.nan
    return matrix, problems


def digest(matrix: npt.NDArray[Any], method: str) -> str:
    """What a cached projection was made from: the method and the matrix, byte for byte."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{method}:{matrix.shape}:{matrix.dtype}".encode())
    # The array's own buffer: no copy of a matrix that may be gigabytes.
    h.update(np.ascontiguousarray(matrix).data)
    return h.hexdigest()


def choose_method(method: str, n: int) -> tuple[str, str]:
    """``(method, note)``: what ``"auto"`` means here (UMAP when umap-learn is installed
    and there are not too many items, else PCA)."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}, got {method!r}")
    if method != "auto":
        return method, ""
    if not _has_umap():
        return "pca", ""
    if n > UMAP_AUTO_LIMIT:
        return "pca", (
            f"PCA, not UMAP: UMAP on {n:,} items would take a long while "
            "(pass method='umap' to wait for it)"
        )
    return "umap", ""


def _has_umap() -> bool:
    try:
        import umap  # noqa: F401
    except ImportError:
        return False
    return True


def project(
    matrix: npt.NDArray[np.float32], method: str, *, seed: int = 0
) -> npt.NDArray[np.float32]:
    """2-D coordinates of the rows of ``matrix`` (all finite) by ``"pca"`` or ``"umap"``."""
    n, d = matrix.shape
    if d <= 2:  # nothing to project: the vectors are points already
        out = np.zeros((n, 2), dtype=np.float32)
        out[:, :d] = matrix
        return out
    if method == "umap":
        try:
            import umap
        except ImportError:
            raise MapError("method='umap' needs umap-learn: pip install 'nblabel[umap]'") from None
        # Neighbours must be fewer than the items.
        reducer = umap.UMAP(n_components=2, random_state=seed, n_neighbors=min(15, n - 1))
        return np.asarray(reducer.fit_transform(matrix), dtype=np.float32)
    try:
        from sklearn.decomposition import PCA
    except ImportError:
        raise MapError(
            "a map from embeddings needs scikit-learn (PCA): pip install 'nblabel[map]', "
            "or pass coords=(x_column, y_column)"
        ) from None
    return np.asarray(
        PCA(n_components=2, random_state=seed).fit_transform(matrix), dtype=np.float32
    )


def map_coords(
    data: pd.DataFrame,
    *,
    embedding: str | npt.NDArray[Any] | pd.DataFrame | pd.Series | None = None,
    coords: tuple[str, str] | None = None,
    method: str = "auto",
    cache: str | os.PathLike[str] | None = None,
    name_of: Callable[[int], object] | None = None,
    seed: int = 0,
) -> Coords:
    """Place every row of ``data`` on a 2-D map.

    Parameters
    ----------
    data
        The items (one per row).
    embedding
        A column of ``data`` holding a vector per row; an ``(n, d)`` array in row order;
        or, by item id, a DataFrame of numbers (a row per item) or a Series of vectors
        (e.g. features computed per series of a long time-series DataFrame).
    coords
        Two columns of ``data`` holding the positions already (``x``, ``y``).
    method
        ``"auto"`` (UMAP when umap-learn is installed and there are at most
        :data:`UMAP_AUTO_LIMIT` items, else PCA), ``"pca"`` or ``"umap"``.
    cache
        Folder-and-stem of the cache files (the store's path): the projection is kept
        in ``<cache>.map-<method>.npz`` and reused while the embedding is unchanged.
    name_of
        How messages name the item of a row position (its id).
    """
    if (embedding is None) == (coords is None):
        raise TypeError("pass either embedding= (vectors) or coords=(x, y) (columns)")
    n = len(data)
    if coords is not None:
        return _from_columns(data, coords, name_of)
    if isinstance(embedding, str):
        if embedding not in data.columns:
            raise MapError(
                f"embedding={embedding!r} is not a column of the DataFrame "
                f"(columns: {', '.join(map(str, data.columns))})"
            )
        values: Any = data[embedding].to_numpy()
    elif isinstance(embedding, pd.DataFrame | pd.Series):
        values = _aligned(embedding, data.index)
    else:
        values = embedding
    if len(values) != n:
        raise MapError(f"embedding= has {len(values)} rows, the DataFrame {n}")
    matrix, problems = embedding_matrix(values, name_of)
    if isinstance(embedding, pd.DataFrame | pd.Series):
        missing = ~data.index.isin(embedding.index)
        for pos in np.flatnonzero(missing):
            who = repr(name_of(int(pos))) if name_of is not None else f"at row {pos}"
            problems[int(pos)] = (
                f"item {who}: not in the index of embedding=; it is left off the map"
            )
    good = np.isfinite(matrix).all(axis=1)
    _require_enough(int(good.sum()), n, problems)
    chosen, note = choose_method(method, int(good.sum()))
    path = None if cache is None else Path(f"{os.fspath(cache)}.map-{chosen}.npz")
    key = digest(matrix, f"{chosen}-{seed}")
    if path is not None:
        found = _read_cache(path, key, n)
        if found is not None:
            return Coords(found, chosen, problems, cached=True, note=note)
    xy = np.full((n, 2), np.nan, dtype=np.float32)
    xy[good] = project(matrix[good], chosen, seed=seed)
    if path is not None:
        _write_cache(path, key, xy)
    return Coords(xy, chosen, problems, note=note)


#: Share of a selection :func:`dense_core` keeps, and the neighbours its density counts.
CORE_SHARE = 0.7
CORE_NEIGHBOURS = 15


def dense_core(
    xy: npt.NDArray[Any], share: float = CORE_SHARE, *, neighbours: int = CORE_NEIGHBOURS
) -> npt.NDArray[np.int64]:
    """Row positions (into ``xy``, sorted) of the densest ``share`` of the points: the
    dense core of a lasso, without its fringe.

    A lasso around a blob also takes the sparse points at its edge and on the bridges to
    the next blob, where the items of two classes meet; the core leaves them to be
    labeled one by one (or by the model). Density is one over the distance to the
    ``neighbours``-th nearest other point of ``xy``; points of equal density are kept
    together (a tie at the cut keeps them all).
    """
    if not 0 < share <= 1:
        raise ValueError(f"share must be in (0, 1], got {share}")
    n = len(xy)
    if share == 1 or n <= 2:
        return np.arange(n, dtype=np.int64)
    # scipy comes with scikit-learn (the map extra); a k-d tree answers 10,000 points'
    # neighbours in milliseconds.
    try:
        from scipy.spatial import cKDTree
    except ImportError:
        raise MapError("the dense core needs scipy: pip install 'nblabel[map]'") from None

    pts = np.asarray(xy, dtype=np.float64)
    k = min(neighbours, n - 1)
    dist, _ = cKDTree(pts).query(pts, k=k + 1)  # the first neighbour is the point itself
    reach = dist[:, -1]
    count = max(1, round(share * n))
    cut = np.partition(reach, count - 1)[count - 1]
    return np.flatnonzero(reach <= cut).astype(np.int64)


def _aligned(embedding: pd.DataFrame | pd.Series, index: pd.Index) -> Any:
    """An embedding given by item id (a DataFrame of numbers, or a Series of vectors)
    in the data's row order; rows it lacks are NaN (reported by the caller)."""
    if not embedding.index.is_unique:
        dupes = embedding.index[embedding.index.duplicated()][:3].tolist()
        raise MapError(f"embedding= names some items twice: {dupes}")
    if isinstance(embedding, pd.DataFrame):
        found = embedding.reindex(index)
        try:
            return found.to_numpy(dtype=np.float32, na_value=np.nan)
        except (TypeError, ValueError) as exc:
            raise MapError(f"embedding= as a DataFrame must hold numbers: {exc}") from None
    return embedding.reindex(index).to_numpy(dtype=object)


def _from_columns(
    data: pd.DataFrame, coords: tuple[str, str], name_of: Callable[[int], object] | None
) -> Coords:
    if len(coords) != 2:
        raise TypeError("coords= takes two column names: (x, y)")
    missing = [c for c in coords if c not in data.columns]
    if missing:
        raise MapError(
            f"coords= column(s) {', '.join(map(repr, missing))} not in the DataFrame "
            f"(columns: {', '.join(map(str, data.columns))})"
        )
    xy = np.empty((len(data), 2), dtype=np.float32)
    try:
        for i, c in enumerate(coords):
            column = data[c]
            if not pd.api.types.is_numeric_dtype(column):
                column = pd.to_numeric(column, errors="coerce")
            xy[:, i] = column.to_numpy(dtype=np.float32, na_value=np.nan)
    except (TypeError, ValueError) as exc:
        raise MapError(f"coords= columns must hold numbers: {exc}") from None
    bad = ~finite_rows(xy)
    problems = {}
    for pos in np.flatnonzero(bad):
        who = repr(name_of(int(pos))) if name_of is not None else f"at row {pos}"
        problems[int(pos)] = (
            f"item {who}: no number in {coords[0]!r} or {coords[1]!r}; it is left off the map"
        )
    xy[bad] = np.nan
    _require_enough(int((~bad).sum()), len(data), problems)
    return Coords(xy, "columns", problems)


def _require_enough(usable: int, n: int, problems: dict[int, str]) -> None:
    if n < MIN_ITEMS:
        raise MapError(f"a map needs at least {MIN_ITEMS} items; the DataFrame has {n}")
    if usable < MIN_ITEMS:
        first = next(iter(problems.values()), "")
        raise MapError(
            f"a map needs at least {MIN_ITEMS} items with a position; only {usable} of {n} "
            f"have one ({len(problems)} cannot be placed, e.g. {first})"
        )


def _read_cache(path: Path, key: str, n: int) -> npt.NDArray[np.float32] | None:
    try:
        with np.load(path, allow_pickle=False) as found:
            if str(found["digest"]) != key or found["xy"].shape != (n, 2):
                return None
            return np.asarray(found["xy"], dtype=np.float32)
    except (OSError, KeyError, ValueError):  # none yet, or unreadable: compute again
        return None


def _write_cache(path: Path, key: str, xy: npt.NDArray[np.float32]) -> None:
    """Write the cache atomically (a reader never sees half a file); a cache that cannot
    be written only costs the next map the computation."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            np.savez(f, digest=np.array(key), xy=xy)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


__all__ = [
    "CORE_SHARE",
    "Coords",
    "MapError",
    "dense_core",
    "embedding_matrix",
    "finite_rows",
    "map_coords",
    "project",
]
