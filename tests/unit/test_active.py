"""Active learning core: strategies, adapters and the retrainer, without a kernel."""

from __future__ import annotations

import threading
import time

import numpy as np
import pandas as pd
import pytest

from nblabel import ModelError
from nblabel.active import (
    KCenter,
    Learner,
    Model,
    RandomOrder,
    SklearnModel,
    Uncertainty,
    mark_provenance,
    mix_in_random,
    queue_order,
    rank_by,
)
from nblabel.active.strategies import check_order

# Five items, three labels; the expected orders are worked out by hand in each test.
PROBS = np.array(
    [
        [0.90, 0.10, 0.00],  # sure
        [0.40, 0.35, 0.25],  # unsure between all three
        [0.50, 0.50, 0.00],  # a coin toss between two
        [0.34, 0.33, 0.33],  # the most spread out
        [0.70, 0.30, 0.00],
    ]
)
NONE = np.zeros(5, dtype=bool)


def test_least_confidence_orders_by_the_top_probability():
    # 1 - max p: 0.10, 0.60, 0.50, 0.66, 0.30
    assert Uncertainty("least_confidence")(PROBS, None, NONE).tolist() == [3, 1, 2, 4, 0]


def test_margin_puts_the_closest_two_first():
    # 1 - (p1 - p2): 0.20, 0.95, 1.00, 0.99, 0.60
    assert Uncertainty("margin")(PROBS, None, NONE).tolist() == [2, 3, 1, 4, 0]


def test_entropy_orders_by_spread_and_skips_labeled_items():
    # entropy (nats): 0.33, 1.08, 0.69, 1.10, 0.61
    assert Uncertainty("entropy")(PROBS, None, NONE).tolist() == [3, 1, 2, 4, 0]
    labeled = np.array([False, False, False, True, False])
    assert Uncertainty("entropy")(PROBS, None, labeled).tolist() == [1, 2, 4, 0]


def test_ties_keep_row_order_and_a_big_pool_sorts_only_its_head():
    assert Uncertainty("entropy")(np.full((4, 2), 0.5), None, np.zeros(4, bool)).tolist() == [
        0,
        1,
        2,
        3,
    ]
    values = np.random.default_rng(0).random(50_000)
    labeled = np.zeros(50_000, bool)
    labeled[np.argsort(-values)[:10]] = True  # the ten best are labeled already
    order = rank_by(values, labeled, head=100)
    assert np.array_equal(order, np.argsort(-values)[10:110])  # only the head is ranked
    assert queue_order([], order, 50_000)[100:].tolist()[:3] == [0, 1, 2]  # then row order


def test_random_strategy_is_a_seeded_permutation_of_the_unlabeled():
    labeled = np.array([True, False, False, False, False])
    a = RandomOrder(seed=1)(None, None, labeled)
    assert sorted(a.tolist()) == [1, 2, 3, 4]
    assert np.array_equal(a, RandomOrder(seed=1)(None, None, labeled))


def test_k_center_spreads_a_batch_over_feature_space():
    features = np.array([[0.0, 0.0], [0.0, 0.01], [10.0, 0.0], [0.0, 10.0], [0.01, 0.0]])
    flat = np.full((5, 2), 0.5)  # equally uncertain: only distance decides
    order = KCenter(batch=3)(flat, features, NONE)
    # 0 first (ties: most uncertain, then row order), then the two far corners; the
    # near-duplicates of 0 come last.
    assert order.tolist()[:3] == [0, 2, 3]
    assert sorted(order.tolist()) == [0, 1, 2, 3, 4]
    # A labeled item near (10, 0) makes that corner uninteresting.
    labeled = np.array([False, False, True, False, False])
    assert KCenter(batch=2)(flat, features, labeled).tolist()[:2] == [3, 0]
    with pytest.raises(ModelError, match="features"):
        KCenter()(flat, None, NONE)


def test_exploration_mixes_in_random_items_and_loses_none():
    order = np.arange(1000)
    mixed = mix_in_random(order, 0.2, np.random.default_rng(0), head=100)
    assert np.array_equal(np.sort(mixed), order)
    # The same draws as the function makes: 20 slots in the head, 20 items from anywhere.
    rng = np.random.default_rng(0)
    rng.choice(100, size=20, replace=False)
    drawn = order[rng.choice(1000, size=20, replace=False)]
    assert set(drawn) <= set(mixed[:100].tolist())  # every random item is in the head
    assert len(mixed) == 1000
    rest = [p for p in mixed.tolist() if p not in set(drawn)]
    assert rest == [p for p in order.tolist() if p not in set(drawn)]  # order kept
    assert int((mixed[:100] >= 100).sum()) >= 10  # most come from deep in the pool
    assert mix_in_random(order, 0.0, np.random.default_rng(0)) is order
    # The Learner draws from every unlabeled item, not only from the strategy's head.
    head = np.arange(10)
    mixed = mix_in_random(head, 0.5, np.random.default_rng(0), pool=np.arange(1000))
    assert len(mixed) == 15 and set(head) <= set(mixed.tolist())  # 5 in, none out
    assert mixed[mixed < 10].tolist() == head.tolist()


def test_strategy_orders_are_checked_and_queue_orders_are_permutations():
    assert check_order([4, 2], 5).tolist() == [4, 2]
    with pytest.raises(ModelError, match="twice"):
        check_order([1, 1], 5)
    with pytest.raises(ModelError, match="outside"):
        check_order([7], 5)
    assert queue_order([3, 0, 3], np.array([0, 4, 1]), 5).tolist() == [3, 0, 4, 1, 2]


def fixed(probs):
    return Model(lambda items: probs[: len(items)], name="fixed")


def test_cold_start_is_random_until_every_label_has_enough():
    learner = Learner(
        pd.DataFrame({"x": range(5)}), model=fixed(PROBS), labels=["a", "b", "c"],
        cold_start=1, seed=3, background=False,
    )  # fmt: skip
    assert learner.version == 1  # a model without fit predicts once, at once
    cold = learner.ranking().tolist()
    assert sorted(cold) == [0, 1, 2, 3, 4] and cold == learner._random.tolist()
    learner.set_label(0, "a")
    learner.set_label(4, "b")
    assert learner.ranking().tolist() == cold  # still random (labeled items are dropped
    # when the queue is built: see queue_order)
    learner.set_label(2, "c")
    assert learner.ranking().tolist() == [3, 1]  # every label seen once: entropy order


def test_a_custom_strategy_gets_scores_features_and_the_labeled_mask():
    seen = {}

    def mine(scores, features, labeled_mask):
        seen.update(scores=scores, features=features, mask=labeled_mask.copy())
        return [4, 2]

    data = pd.DataFrame({"v": [np.array([i, -i]) for i in range(5)]})
    learner = Learner(
        data, model=fixed(PROBS), labels=["a", "b", "c"], features="v", strategy=mine,
        cold_start=0, background=False,
    )  # fmt: skip
    assert learner.ranking().tolist() == [4, 2]
    assert queue_order([], learner.ranking(), 5).tolist() == [4, 2, 0, 1, 3]
    assert seen["scores"].shape == (5, 3) and seen["features"].shape == (5, 2)
    learner.set_label(1, "a")
    learner.retrain()  # a fixed model: re-ranks, nothing to fit
    assert seen["mask"].tolist() == [False, True, False, False, False]


def test_a_broken_strategy_is_reported_and_the_order_kept():
    learner = Learner(
        pd.DataFrame({"x": range(5)}), model=fixed(PROBS), labels=["a", "b", "c"],
        strategy=lambda s, f, m: [1, 1], cold_start=0, background=False,
    )  # fmt: skip
    assert "twice" in learner.error
    assert sorted(learner.ranking().tolist()) == [0, 1, 2, 3, 4]


def test_sklearn_adapter_clones_fits_and_maps_string_classes():
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(0)
    x = np.r_[rng.normal(-2, 0.5, (20, 2)), rng.normal(2, 0.5, (20, 2))]
    data = pd.DataFrame({"v": list(x)})
    est = LogisticRegression()
    model = SklearnModel(est, labels=["emu", "dog", "cat"], inputs="v")
    labeled = data.iloc[[0, 1, 20, 21]].assign(label=["cat", "cat", "dog", "dog"])
    fitted = model.fit(labeled)
    assert not hasattr(est, "classes_")  # the user's estimator is never fitted
    probs = fitted.predict(data)
    assert probs.shape == (40, 3)
    assert np.all(probs[:, 0] == 0)  # "emu": never seen, probability 0
    assert (probs[:20, 2] > 0.5).all() and (probs[20:, 1] > 0.5).all()
    assert np.allclose(probs.sum(axis=1), 1)
    with pytest.raises(ModelError, match="predict_proba"):
        SklearnModel(object(), labels=["a"], inputs="v")


def test_a_raising_fit_keeps_the_last_good_model_and_reports():
    calls = []

    def fit(labeled):
        calls.append(len(labeled))
        if len(calls) == 2:
            raise RuntimeError("out of memory")
        share = labeled["label"].value_counts(normalize=True)
        return lambda items: np.tile([share.get("a", 0), share.get("b", 0)], (len(items), 1))

    learner = Learner(
        pd.DataFrame({"x": range(10)}), model=Model(lambda items: None, fit=fit),
        labels=["a", "b"], retrain_every=2, cv=0, background=False,
    )  # fmt: skip
    learner.set_labels({0: "a", 1: "b"})
    assert learner.version == 1 and learner.error == ""
    good = learner.scores.copy()
    learner.set_labels({2: "a", 3: "a"})  # the second fit raises
    assert learner.version == 1 and np.array_equal(learner.scores, good)
    assert "RuntimeError: out of memory" in learner.error
    assert learner.suggestion(5) == ("a", 0.5, "<lambda>-v1")
    learner.set_labels({4: "a", 5: "a"})  # and the next one works again
    assert learner.version == 2 and learner.error == ""
    history = learner.history
    assert history["error"].notna().tolist() == [False, True, False]
    assert history["n_labels"].tolist() == [2, 4, 6]
    assert history["version"].tolist() == [1, 1, 2]


def test_predict_must_return_one_column_per_label():
    learner = Learner(
        pd.DataFrame({"x": range(3)}), model=Model(lambda items: np.ones((3, 5))),
        labels=["a", "b"], background=False,
    )  # fmt: skip
    assert learner.version == 0 and "expected (3, 2)" in learner.error


def test_holdout_and_cross_validated_metrics():
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(0)
    x = np.r_[rng.normal(-2, 0.5, (30, 2)), rng.normal(2, 0.5, (30, 2))]
    y = ["a"] * 30 + ["b"] * 30
    data = pd.DataFrame({"v": list(x)})
    holdout = data.assign(label=y)
    learner = Learner(
        data, model=LogisticRegression(), labels=["a", "b"], features="v",
        retrain_every=6, holdout=holdout, background=False,
    )  # fmt: skip
    learner.set_labels({i: y[i] for i in (0, 1, 2, 30, 31, 32)})
    row = learner.history.iloc[-1]
    assert row["metric_name"] == "holdout accuracy" and row["metric"] == 1.0
    cv = Learner(
        data, model=LogisticRegression(), labels=["a", "b"], features="v",
        retrain_every=6, background=False,
    )  # fmt: skip
    cv.set_labels({i: y[i] for i in (0, 1, 2, 30, 31, 32)})
    row = cv.history.iloc[-1]
    assert row["metric_name"] == "3-fold CV accuracy" and row["metric"] == 1.0
    assert row["fit_seconds"] > 0 and isinstance(row["time"], pd.Timestamp)


def test_background_retraining_never_blocks_and_uses_every_label():
    n = 300
    started = []  # snapshot of each fit, in order
    running = threading.Event()

    def fit(labeled):
        running.set()
        started.append(set(labeled.index))
        time.sleep(0.05)  # a slow fit: labels keep coming meanwhile
        running.clear()
        return lambda items: np.full((len(items), 2), 0.5)

    learner = Learner(
        pd.DataFrame({"x": range(n)}), model=Model(lambda items: None, fit=fit),
        labels=["a", "b"], retrain_every=10, cv=0,
    )  # fmt: skip
    during = []  # labels set while a fit ran (set_label returned before the fit ended)
    try:
        for i in range(200):
            learner.set_label(i, "ab"[i % 2])
            if running.is_set():
                during.append(i)
            time.sleep(0.001)
        learner.retrain(timeout=60)
        assert learner.wait(timeout=60)
    finally:
        learner.close()
    assert during  # set_label never waits for a fit: labels went in while fits ran
    assert started[-1] == set(range(200))  # nothing lost
    assert len(started) >= 3 and learner.version == len(started)
    # A label given during a fit is in the next one (and every one after).
    for i in during:
        first = next(k for k, snap in enumerate(started) if i in snap)
        assert all(i in snap for snap in started[first:])
    assert learner.history["n_labels"].is_monotonic_increasing


def test_provenance_marks_accepted_and_changed_suggestions():
    suggested = {"id": "s", "from_name": "choice", "to_name": "image", "type": "choices",
                 "origin": "prediction", "value": {"choices": ["cat"]}, "score": 0.8,
                 "model_version": "m-v2"}  # fmt: skip

    def manual(label):
        return [{"id": "u", "from_name": "choice", "to_name": "image", "type": "choices",
                 "origin": "manual", "value": {"choices": [label]}}]  # fmt: skip

    (same,) = mark_provenance(manual("cat"), suggested)
    assert same["origin"] == "prediction" and same["score"] == 0.8
    assert same["model_version"] == "m-v2" and same["value"] == {"choices": ["cat"]}
    (changed,) = mark_provenance(manual("dog"), suggested)
    assert changed["origin"] == "prediction-changed" and "score" not in changed
    assert changed["value"] == {"choices": ["dog"]}
    assert changed["prediction"] == {"choices": ["cat"], "score": 0.8}
    assert mark_provenance(manual("dog"), None) == manual("dog")


def test_retraining_by_time_as_well_as_by_count():
    def fit(labeled):
        return lambda items: np.full((len(items), 2), 0.5)

    learner = Learner(
        pd.DataFrame({"x": range(10)}), model=Model(lambda items: None, fit=fit),
        labels=["a", "b"], retrain_every=None, retrain_seconds=0.2,
    )  # fmt: skip
    try:
        learner.set_labels({0: "a", 1: "b"})
        assert learner.version == 0  # not by count
        deadline = time.monotonic() + 5
        while learner.version == 0 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert learner.version == 1
        time.sleep(0.4)
        assert learner.version == 1  # no new label, no new fit
    finally:
        learner.close()


def test_an_already_fitted_sklearn_model_suggests_before_any_label():
    from sklearn.linear_model import LogisticRegression

    x = np.array([[-2.0], [-1.0], [1.0], [2.0]])
    est = LogisticRegression().fit(x, ["no", "no", "yes", "yes"])
    data = pd.DataFrame({"v": list(x)})
    learner = Learner(data, model=est, labels=["yes", "no"], features="v", background=False)
    assert learner.version == 1 and learner.history["n_labels"].tolist() == [0]
    assert learner.suggestion(3)[0] == "yes" and learner.suggestion(0)[0] == "no"


def test_review_puts_likely_label_errors_first():
    probs = np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4], [0.5, 0.5]])
    learner = Learner(
        pd.DataFrame({"x": range(4)}), model=fixed(probs), labels=["a", "b"],
        background=False, cold_start=0,
    )  # fmt: skip
    learner.set_labels({0: "a", 1: "a", 2: "b"})  # item 1 looks mislabeled
    got = learner.review()
    assert got["pos"].tolist() == [1, 2, 0]
    assert got["predicted"].tolist() == ["b", "a", "a"]
    assert got["p_label"].round(2).tolist() == [0.2, 0.4, 0.9]
    assert learner.review("confidence")["pos"].tolist() == [2, 1, 0]
    with pytest.raises(ValueError):
        learner.review("loss")


# -- fitting in a separate process ----------------------------------------------------------
class PidPredictor:
    """Picklable predictor that remembers which process made it."""

    def __init__(self, pid: int) -> None:
        self.pid = pid

    def __call__(self, items: pd.DataFrame) -> np.ndarray:
        return np.tile([0.25, 0.75], (len(items), 1))


def fit_in_some_process(labeled: pd.DataFrame) -> PidPredictor:
    import os

    return PidPredictor(os.getpid())


def fit_that_raises(labeled: pd.DataFrame) -> PidPredictor:
    raise ValueError(f"no good with {len(labeled)} labels")


def process_learner(model, **kwargs) -> Learner:
    data = pd.DataFrame({"x": list(np.random.default_rng(0).normal(size=(40, 3)))})
    options = dict(labels=["a", "b"], features="x", cold_start=0, retrain_every=4)
    return Learner(data, model=model, **{**options, **kwargs})


def label_four(learner: Learner) -> None:
    for i in range(4):
        learner.set_label(i, "ab"[i % 2])
    deadline = time.monotonic() + 120
    while learner.version == 0 and not learner.error and time.monotonic() < deadline:
        learner.wait(timeout=1)


def test_a_model_that_can_travel_is_fitted_in_another_process():
    import os

    learner = process_learner(Model(PidPredictor(0), fit=fit_in_some_process), fit_in="process")
    try:
        assert learner.fit_in == "process"
        label_four(learner)
        assert learner.version == 1, learner.error
        fitted = learner._live._predict
        assert isinstance(fitted, PidPredictor) and fitted.pid not in (0, os.getpid())
        np.testing.assert_allclose(learner.scores[:, 1], 0.75)
    finally:
        learner.close()


def test_sklearn_models_fit_in_a_process_by_default_and_suggest():
    from sklearn.linear_model import LogisticRegression

    learner = process_learner(LogisticRegression())
    try:
        assert learner.fit_in == "process"
        label_four(learner)
        assert learner.version == 1 and learner.error == ""
        assert learner.scores.shape == (40, 2)
        assert learner.suggestion(10) is not None
    finally:
        learner.close()


def test_any_model_that_can_travel_fits_in_a_process_by_default():
    import os

    learner = process_learner(Model(PidPredictor(0), fit=fit_in_some_process))  # "auto"
    try:
        assert learner.fit_in == "process"
        label_four(learner)
        assert learner.version == 1, learner.error
        assert learner._live._predict.pid not in (0, os.getpid())
    finally:
        learner.close()


def test_a_model_that_cannot_travel_fits_on_a_thread_and_says_why():
    learner = process_learner(
        Model(lambda items: np.full((len(items), 2), 0.5), fit=lambda lab: None),
        fit_in="process",
    )
    try:
        label_four(learner)
        assert learner.fit_in.startswith("thread (test_a_model_that_cannot_travel")
        assert "<lambda> is defined where a process cannot import it" in learner.fit_in
        assert learner.version == 1 and learner.error == ""
    finally:
        learner.close()
    # Defined in the notebook: pickled by name, a worker process could not import it.
    notebook_fit = type("NotebookFit", (), {"__call__": lambda self, lab: PidPredictor(1)})
    notebook_fit.__module__ = "__main__"
    learner = process_learner(Model(PidPredictor(0), fit=notebook_fit()))
    try:
        assert learner.fit_in == (
            "thread (NotebookFit is defined in the notebook; define it in a module to fit in "
            "a process)"
        )
        label_four(learner)
        assert learner.version == 1 and learner._live._predict.pid == 1
    finally:
        learner.close()


def test_a_fit_that_raises_in_the_process_is_reported_and_labeling_goes_on():
    learner = process_learner(Model(PidPredictor(0), fit=fit_that_raises), fit_in="process")
    try:
        label_four(learner)
        assert learner.fit_in == "process"
        assert "ValueError: no good with 4 labels" in learner.error
        assert learner.version == 0
        learner.set_label(4, "a")  # labeling goes on
        assert learner.n_labeled == 5
    finally:
        learner.close()


def test_a_rare_label_that_leaves_a_fold_one_class_gives_no_metric_not_an_error():
    from sklearn.linear_model import LogisticRegression

    data = pd.DataFrame({"x": list(np.random.default_rng(0).normal(size=(20, 2)))})
    learner = Learner(
        data, model=LogisticRegression(), labels=["a", "b"], features="x", cold_start=0,
        retrain_every=6, background=False,
    )  # fmt: skip
    for i, label in enumerate("abbbbb"):  # one "a": its fold's training part is all "b"
        learner.set_label(i, label)
    assert learner.error == "" and learner.version == 1
    history = learner.history
    assert np.isnan(history["metric"].iloc[-1]) and history["metric_name"].iloc[-1] is None
