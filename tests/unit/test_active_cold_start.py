"""The cold start: before a model can rank, non-random strategies label representatives."""

from __future__ import annotations

import numpy as np
import pandas as pd

from nblabel.active import Learner, Model, farthest_first, representative_first

# Rows 0-5: a dense group around (0, 0); rows 6-9: a smaller group around (5, 0); row 10: a
# lone outlier at (0, 12).
BIG = [[0.0, 0.0], [0.1, 0.0], [-0.1, 0.0], [0.0, 0.1], [0.0, -0.1], [0.1, 0.1]]
SMALL = [[5.0, 0.0], [5.1, 0.0], [4.9, 0.0], [5.0, 0.1]]
POINTS = np.array([*BIG, *SMALL, [0.0, 12.0]])
N = len(POINTS)
IN_BIG, IN_SMALL = set(range(6)), set(range(6, 10))


def test_representatives_come_before_outliers():
    none = np.zeros(N, dtype=bool)
    order = representative_first(np.arange(N), POINTS, none, batch=3).tolist()
    # One item of the bigger group, then one of the smaller one, then the outlier (it only
    # stands for itself); everything else follows in the order given.
    assert order[0] in IN_BIG and order[1] in IN_SMALL and order[2] == 10
    assert order[3:] == sorted(set(range(N)) - set(order[:3]))
    # Farthest-first, what the cold start did before, spends the second label on the
    # outlier: the reason for the change.
    assert farthest_first(np.arange(N), POINTS, none, batch=3).tolist()[:2] == [0, 10]


def test_labeled_items_count_as_picked():
    labeled = np.zeros(N, dtype=bool)
    labeled[1] = True  # the big group already has a label: the small one comes first
    order = representative_first(np.arange(N), POINTS, labeled, batch=1)
    assert order[0] in IN_SMALL
    assert sorted(order.tolist()) == list(range(N))  # nothing lost or repeated


def test_only_the_head_of_the_order_is_looked_at():
    reversed_order = np.arange(N)[::-1]
    # Only the first five of the order are candidates: the outlier and the small group.
    order = representative_first(reversed_order, POINTS, np.zeros(N, dtype=bool), pool=5)
    assert order[0] in IN_SMALL
    assert set(order[:5].tolist()) == {10, 9, 8, 7, 6}
    assert order.tolist()[5:] == reversed_order.tolist()[5:]


def flat(items: pd.DataFrame) -> np.ndarray:
    return np.full((len(items), 2), 0.5)


def test_the_cold_start_of_an_uncertainty_strategy_starts_with_representatives():
    data = pd.DataFrame({"x": list(POINTS)})
    learner = Learner(
        data, model=Model(flat), labels=["a", "b"], features="x", strategy="entropy",
        cold_start=1, seed=0, background=False,
    )  # fmt: skip
    first, second = learner.ranking().tolist()[:2]
    assert first in IN_BIG and second in IN_SMALL
    learner.set_label(first, "a")
    learner.retrain()  # a model without fit: re-ranks
    # Still cold ("b" unseen): the labeled item is out, the other group comes first.
    assert first not in learner.ranking() and learner.ranking()[0] in IN_SMALL
    # The random baseline stays uniformly random.
    baseline = Learner(
        data, model=Model(flat), labels=["a", "b"], features="x", strategy="random",
        cold_start=1, seed=0, background=False,
    )  # fmt: skip
    assert baseline.ranking().tolist() == baseline._random.tolist()
