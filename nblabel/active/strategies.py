"""Query strategies: which item to label next, from a model's class probabilities and the
items' features; and how a ranking becomes the queue."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from ..core.errors import ModelError

Order = Sequence[int] | np.ndarray
Strategy = Callable[[np.ndarray | None, np.ndarray | None, np.ndarray], Order]
#: Built-in strategies rank only this many of the best items; the rest follow in row order
#: (every retrain re-ranks), which keeps a million-item pool as cheap as an argpartition.
HEAD = 10_000


def binary_uncertainty(probs: np.ndarray, measure: str) -> np.ndarray:
    """Uncertainty of independent per-label probabilities (multiple choice): ``entropy``
    is the mean binary entropy over the labels; ``least_confidence`` and ``margin`` are
    1 minus the confidence of the least sure label (``|2p - 1|``)."""
    p = np.clip(probs, 1e-12, 1 - 1e-12)
    if measure == "entropy":
        return -(p * np.log(p) + (1 - p) * np.log(1 - p)).mean(axis=1)
    return 1.0 - np.abs(2.0 * probs - 1.0).min(axis=1)


# -- strategies -----------------------------------------------------------------------------
def least_confidence_scores(probs: np.ndarray) -> np.ndarray:
    """``1 - max p``: high when the top class is unsure."""
    return 1.0 - probs.max(axis=1)


def margin_scores(probs: np.ndarray) -> np.ndarray:
    """``1 - (p1 - p2)``: high when the two best classes are close."""
    if probs.shape[1] < 2:
        return 1.0 - probs[:, 0]
    top2 = np.partition(probs, probs.shape[1] - 2, axis=1)[:, -2:]
    return 1.0 - (top2[:, 1] - top2[:, 0])


def entropy_scores(probs: np.ndarray) -> np.ndarray:
    """Shannon entropy of each row (nats)."""
    p = np.clip(probs, 1e-12, 1.0)
    return -(probs * np.log(p)).sum(axis=1)


MEASURES: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "least_confidence": least_confidence_scores,
    "margin": margin_scores,
    "entropy": entropy_scores,
}


def rank_by(values: np.ndarray, labeled_mask: np.ndarray, *, head: int = HEAD) -> np.ndarray:
    """The ``head`` unlabeled row positions with the highest ``values``, highest first
    (ties: lower row position first). Positions left out follow in row order when the
    queue is built (:func:`queue_order`)."""
    n_unlabeled = len(labeled_mask) - int(np.count_nonzero(labeled_mask))
    if n_unlabeled <= head:
        candidates = np.flatnonzero(~labeled_mask)
        return candidates[np.argsort(-values[candidates], kind="stable")]
    # Partition without copying ``values``: take enough of the largest that ``head`` of
    # them are unlabeled, then drop the labeled ones.
    n = len(values)
    k = min(n, head + (n - n_unlabeled))
    top = np.argpartition(values, n - k)[n - k :]
    top = top[~labeled_mask[top]]
    return top[np.lexsort((top, -values[top]))][:head]


class Uncertainty:
    """Most uncertain first, by ``least_confidence``, ``margin`` or ``entropy``."""

    def __init__(self, measure: str = "entropy", *, head: int = HEAD) -> None:
        if measure not in MEASURES:
            raise ValueError(f"unknown measure {measure!r} (one of {', '.join(MEASURES)})")
        self.measure = measure
        self.head = head
        #: Per-label probabilities of a multiple-choice control (set by the learner).
        self.multilabel = False

    def __call__(
        self, scores: np.ndarray | None, features: np.ndarray | None, labeled_mask: np.ndarray
    ) -> np.ndarray:
        if scores is None:
            return np.flatnonzero(~labeled_mask)
        if self.multilabel:
            return rank_by(binary_uncertainty(scores, self.measure), labeled_mask, head=self.head)
        return rank_by(MEASURES[self.measure](scores), labeled_mask, head=self.head)

    def __repr__(self) -> str:
        return f"Uncertainty({self.measure!r})"


def _head_and_distances(
    order: np.ndarray, features: np.ndarray, labeled_mask: np.ndarray, pool: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The first ``pool`` items of ``order`` (``cand``), their features ``x``, squared
    norms ``xx`` and squared Euclidean distance to the nearest labeled item (``inf``
    when none is labeled)."""
    cand = order[:pool]
    x = features[cand].astype(float)
    xx = (x * x).sum(axis=1)
    nearest = np.full(len(cand), np.inf)
    labeled = np.flatnonzero(labeled_mask)
    for lo in range(0, len(labeled), 4096):
        lab = features[labeled[lo : lo + 4096]].astype(float)
        d = xx[:, None] + (lab * lab).sum(axis=1)[None, :] - 2.0 * x @ lab.T
        nearest = np.minimum(nearest, d.min(axis=1))
    return cand, x, xx, nearest


def _picks_first(order: np.ndarray, picks: list[int]) -> np.ndarray:
    """``order`` with its items at positions ``picks`` (of its head) moved to the front."""
    keep = np.ones(len(order), dtype=bool)
    keep[picks] = False
    return np.concatenate([order[picks], order[keep]])


def farthest_first(
    order: np.ndarray,
    features: np.ndarray,
    labeled_mask: np.ndarray,
    *,
    batch: int = 50,
    pool: int = 2000,
) -> np.ndarray:
    """``order`` with its head replaced by a greedy k-center pick: from the first ``pool``
    items, ``batch`` items each farthest (Euclidean) from the labeled items and the ones
    picked before; the rest follow in their order."""
    if not len(order):
        return order
    cand, x, _, nearest = _head_and_distances(order, features, labeled_mask, pool)
    picks: list[int] = []
    for _ in range(min(batch, len(cand))):
        j = 0 if not np.isfinite(nearest).any() else int(np.argmax(nearest))
        picks.append(j)
        nearest = np.minimum(nearest, ((x - x[j]) ** 2).sum(axis=1))
        nearest[picks] = -np.inf
    return _picks_first(order, picks)


def representative_first(
    order: np.ndarray,
    features: np.ndarray,
    labeled_mask: np.ndarray,
    *,
    batch: int = 50,
    pool: int = 2000,
) -> np.ndarray:
    """``order`` with its head replaced by a greedy k-medoids pick: from the first
    ``pool`` items (a sample of the data when ``order`` is random), ``batch`` items, each
    the one that most shortens the distance (Euclidean) from the sample to its nearest
    labeled or picked item. The first pick is the sample's medoid; the next ones land in
    dense regions nobody has labeled yet, not on outliers (as farthest-first does). The
    rest follow in their order."""
    if not len(order):
        return order
    cand, x, xx, nearest2 = _head_and_distances(order, features, labeled_mask, pool)
    dist = np.sqrt(np.maximum(xx[:, None] + xx[None, :] - 2.0 * x @ x.T, 0.0))
    # Before any label, every sample point is "far": the first pick is then the medoid.
    nearest = np.minimum(np.sqrt(np.maximum(nearest2, 0.0)), dist.max())
    # Lazy greedy: a pick only ever shrinks the others' gains (the objective is
    # submodular), so a stale gain is an upper bound; refresh the best one until it stays
    # the best. One full pass, then a few rows per pick instead of the whole matrix.
    gain = np.maximum(nearest[None, :] - dist, 0.0).sum(axis=1)
    picks: list[int] = []
    for _ in range(min(batch, len(cand))):
        while True:
            j = int(np.argmax(gain))  # ties: the earlier item in ``order``
            fresh = float(np.maximum(nearest - dist[j], 0.0).sum())
            stale, gain[j] = gain[j], fresh
            if fresh >= stale or fresh >= gain.max():
                break
        picks.append(j)
        gain[j] = -np.inf
        nearest = np.minimum(nearest, dist[j])
    return _picks_first(order, picks)


class RandomOrder:
    """Unlabeled items in a random order (the baseline)."""

    def __init__(self, *, seed: int | None = None) -> None:
        self.rng = np.random.default_rng(seed)

    def __call__(
        self, scores: np.ndarray | None, features: np.ndarray | None, labeled_mask: np.ndarray
    ) -> np.ndarray:
        return self.rng.permutation(np.flatnonzero(~labeled_mask))

    def __repr__(self) -> str:
        return "RandomOrder()"


class KCenter:
    """Uncertain *and* diverse: greedy k-center over ``features`` among the most uncertain.

    From the ``candidates`` most uncertain items (by ``measure``), picks ``batch`` items
    one at a time, each the farthest (Euclidean, in feature space) from every labeled item
    and every item already picked, so one batch does not spend labels on near-duplicates.
    The other items follow by uncertainty.
    """

    def __init__(
        self, *, batch: int = 50, candidates: int = 1000, measure: str = "entropy"
    ) -> None:
        self.batch = batch
        self.candidates = candidates
        self.rank = Uncertainty(measure)

    def __call__(
        self, scores: np.ndarray | None, features: np.ndarray | None, labeled_mask: np.ndarray
    ) -> np.ndarray:
        if features is None or features.ndim != 2:
            raise ModelError("strategy 'k_center' needs features='a column of vectors'")
        ranked = self.rank(scores, features, labeled_mask)
        return farthest_first(
            ranked, features, labeled_mask, batch=self.batch, pool=self.candidates
        )

    def __repr__(self) -> str:
        return f"KCenter(batch={self.batch}, candidates={self.candidates})"


STRATEGIES = ("random", "least_confidence", "margin", "entropy", "k_center")


def get_strategy(strategy: str | Strategy, *, seed: int | None = None) -> Strategy:
    """A strategy callable from its name (see ``STRATEGIES``) or the callable itself."""
    if callable(strategy):
        return strategy
    if strategy == "random":
        return RandomOrder(seed=seed)
    if strategy in MEASURES:
        return Uncertainty(strategy)
    if strategy == "k_center":
        return KCenter()
    raise ValueError(
        f"unknown strategy {strategy!r}: one of {', '.join(STRATEGIES)}, or a callable"
    )


def check_order(order: Order, n: int) -> np.ndarray:
    """``order`` as an int64 array; raises :class:`ModelError` unless it lists distinct
    row positions of ``0..n-1``."""
    arr = np.asarray(order)
    if arr.size and not np.issubdtype(arr.dtype, np.integer):
        raise ModelError(f"a strategy must return row positions (integers), got {arr.dtype}")
    arr = arr.astype(np.int64, copy=False).ravel()
    if arr.size and (arr.min() < 0 or arr.max() >= n):
        raise ModelError(f"a strategy returned a row position outside 0..{n - 1}")
    seen = np.zeros(n, dtype=bool)
    seen[arr] = True
    if int(seen.sum()) != len(arr):
        raise ModelError("a strategy returned the same row position twice")
    return arr


def mix_in_random(
    order: np.ndarray,
    fraction: float,
    rng: np.random.Generator,
    *,
    pool: np.ndarray | None = None,
    head: int = HEAD,
) -> np.ndarray:
    """Fill ``round(fraction * h)`` randomly placed slots among the first ``h`` (at most
    ``head``) of ``order`` with items drawn uniformly from ``pool`` (default: ``order``;
    the Learner passes every unlabeled item). The strategy's picks keep their order and
    move down; nothing is repeated."""
    h = min(len(order), head)
    pool = order if pool is None else np.asarray(pool)
    m = min(round(fraction * h), len(pool))
    if m <= 0 or h == 0:
        return order
    slots = np.zeros(h, dtype=bool)
    slots[rng.choice(h, size=m, replace=False)] = True
    drawn = rng.choice(pool, size=m, replace=False).astype(order.dtype)
    others = order[~np.isin(order, drawn)]  # the strategy's order without the draws
    new_head = np.empty(h, dtype=order.dtype)
    new_head[slots] = drawn
    new_head[~slots] = others[: h - m]
    return np.concatenate([new_head, others[h - m :]])


def queue_order(first: Sequence[int], ranked: Order, n: int) -> np.ndarray:
    """A full queue order: ``first`` (deduplicated, in order), then ``ranked`` without
    them, then every other row position."""
    head = np.asarray(list(dict.fromkeys(int(p) for p in first)), dtype=np.int64)
    placed = np.zeros(n, dtype=bool)
    placed[head] = True
    rest = np.asarray(ranked, dtype=np.int64)
    rest = rest[~placed[rest]]
    placed[rest] = True
    return np.concatenate([head, rest, np.flatnonzero(~placed)])
