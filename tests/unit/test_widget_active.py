"""The labeler with a model attached, on a dummy comm: messages stand in for the browser."""

from __future__ import annotations

import threading
import time

import numpy as np
import pandas as pd
import pytest

import nblabel
from nblabel.active import Model
from nblabel.widgets import protocol

from ..support import widget

LABELS = ["a", "b", "c"]


class Browser(widget.Browser):
    """Sends what the JS sends: on Enter, the selection (pre-filled or picked) as a
    ``manual`` result item with a fresh id."""

    def ask(self, kind, **content):
        return super().ask(kind, **content)[0]

    def enter(self, *labels):
        """Enter on the item on screen: ``labels`` picked, or else what is pre-selected."""
        current = self.w.current
        picked = list(labels) or [v for r in current["result"] for v in r["value"]["choices"]]
        control = self.w.schema.control("choice")
        result = [nblabel.results.choices(control, picked)] if picked else []
        return self.ask(protocol.SUBMIT, key=current["key"], result=result, lead_time=1.0)


@pytest.fixture
def df() -> pd.DataFrame:
    # "Uncertainty" is readable from the text: item i has probabilities PROBS[i].
    return pd.DataFrame({"text": [f"item {i}" for i in range(6)]})


PROBS = np.array(
    [
        [0.90, 0.05, 0.05],
        [0.40, 0.35, 0.25],  # 2nd most uncertain
        [0.10, 0.80, 0.10],
        [0.34, 0.33, 0.33],  # most uncertain
        [0.05, 0.05, 0.90],
        [0.60, 0.30, 0.10],
    ]
)


def fixed_model():
    return Model(lambda items: PROBS[items.index.to_numpy()], name="fixed")


def labeler(df, **kwargs):
    kwargs.setdefault("cold_start", 0)
    w = nblabel.TextLabeler(df, choices=LABELS, model=kwargs.pop("model", fixed_model()), **kwargs)
    assert w.learner.wait(timeout=60)
    return w


def test_the_suggestion_is_prefilled_and_enter_accepts_it(df):
    w = labeler(df)
    b = Browser(w)
    w.goto(0)  # the first model may land after the widget showed its first item
    (item,) = w.current["result"]
    assert item["origin"] == "prediction" and item["value"] == {"choices": ["a"]}
    assert item["score"] == 0.9 and item["model_version"] == "fixed-v1"
    assert w.current["suggestion"] == {
        "choices": ["a"], "score": 0.9, "model_version": "fixed-v1",
    }  # fmt: skip
    assert w.current["status"] == "new"
    assert b.enter()["ok"]
    ann = w.annotations.iloc[0]
    assert ann["item"] == 0 and ann["label"] == "a"
    assert ann["origin"] == "prediction" and ann["score"] == 0.9
    stored = w.store.state("0").result[0]
    assert stored["model_version"] == "fixed-v1"


def test_a_changed_suggestion_is_the_users_with_the_prediction_kept(df):
    w = labeler(df)
    b = Browser(w)
    w.goto(2)
    assert b.enter("c")["ok"]
    (stored,) = w.store.state("2").result
    assert stored["value"] == {"choices": ["c"]} and stored["origin"] == "prediction-changed"
    assert stored["prediction"] == {"choices": ["b"], "score": 0.8}
    assert stored["model_version"] == "fixed-v1"
    assert w.labels["choice"][2] == "c"
    # A submitted item shows its label, not a suggestion.
    w.goto(2)
    assert w.current["result"][0]["value"] == {"choices": ["c"]}
    assert "suggestion" not in w.current


def test_the_queue_follows_the_strategy_and_keeps_the_item_on_screen(df):
    w = labeler(df, strategy="entropy")
    b = Browser(w)
    w.goto(0)  # whatever the order, the user can be anywhere
    pinned = w.current["nav"]["next_unlabeled"]  # where the browser goes on Enter
    w.learner.retrain()  # a new ranking lands while item 0 is on screen
    assert w.current["key"] == "0" and w.current["nav"]["next_unlabeled"] == pinned
    assert b.enter()["ok"]
    seen = []
    while not w.session.done:
        seen.append(w.current["key"])
        assert b.enter()["ok"]
    # The pinned item, then most uncertain first.
    assert seen == [pinned, *(k for k in ["3", "1", "5", "2", "4"] if k != pinned)]
    assert w.labels["status"].eq("submitted").all()


def test_retraining_while_labeling_loses_and_reorders_no_submit(df):
    big = pd.DataFrame({"text": [f"t{i}" for i in range(200)]})
    fits = []

    def fit(labeled):
        fits.append(len(labeled))
        time.sleep(0.03)
        share = labeled["label"].value_counts(normalize=True)
        probs = np.array([share.get(v, 0.0) for v in LABELS])
        return lambda items: np.tile(probs, (len(items), 1))

    model = Model(lambda items: np.full((len(items), 3), 1 / 3), fit=fit, name="share")
    w = labeler(big, model=model, retrain_every=5, strategy="random", seed=1)
    b = Browser(w)
    submitted = []
    for i in range(120):
        key = w.current["key"]
        label = LABELS[i % 3]
        assert b.enter(label)["ok"]
        submitted.append((key, label))
    assert w.learner.wait(timeout=60)
    ann = w.annotations
    assert list(zip(ann["item"].astype(str), ann["label"], strict=True)) == submitted
    assert len(set(k for k, _ in submitted)) == 120  # never the same item twice
    assert len(fits) >= 3 and w.learner.version == len(fits)
    w.close()


def test_a_failing_fit_shows_its_error_and_labeling_goes_on(df):
    def fit(labeled):
        raise ValueError("bad features")

    w = labeler(df, model=Model(lambda items: PROBS[: len(items)], fit=fit), retrain_every=2)
    b = Browser(w)
    for label in ("a", "b"):
        assert b.enter(label)["ok"]
    assert w.learner.wait(timeout=60)
    assert "ValueError: bad features" in w.error
    assert "bad features" in w.learner.error and w.learner.version == 0
    assert b.enter("c")["ok"]  # labeling goes on, nothing lost
    assert w.labels["choice"].notna().sum() == 3
    assert w.learner.history["error"].str.contains("bad features").all()


def test_undo_and_skip_take_the_label_back_from_the_model(df):
    w = labeler(df)
    b = Browser(w)
    key = w.current["key"]
    assert b.enter("b")["ok"]
    assert w.learner.n_labeled == 1
    assert b.ask(protocol.UNDO)["ok"] and w.current["key"] == key
    assert w.learner.n_labeled == 0
    assert b.ask(protocol.SKIP, key=key)["ok"] and w.learner.n_labeled == 0


def test_labels_in_the_store_are_the_model_s_on_resume(df):
    w = labeler(df, job="resume")
    for _ in range(3):
        w.submit("a")
    w.close()
    again = labeler(df, job="resume")
    assert again.learner.n_labeled == 3
    assert again.session.status[again.session.pos] == 0  # opens on an unlabeled item


def test_a_probability_model_on_spans_says_what_to_return_and_k_center_needs_features(df):
    # Without a Choices control a model must return Label Studio results; (n, k)
    # probabilities are a clear error in the widget, and labeling goes on.
    w = nblabel.TextLabeler(df, spans=["PER"], model=fixed_model(), cold_start=0)
    assert w.learner.wait(timeout=60)
    assert "no Choices control" in w.learner.error
    w.close()
    with pytest.raises(nblabel.ModelError, match="features"):
        nblabel.TextLabeler(df, choices=LABELS, model=fixed_model(), strategy="k_center")


# Multiple choice: one independent probability per label.
MULTI = np.array(
    [
        [0.9, 0.8, 0.1],  # a and b, sure
        [0.5, 0.45, 0.55],  # every label a coin toss: most uncertain
        [0.1, 0.2, 0.05],  # none of them
        [0.95, 0.6, 0.9],  # a, b (hardly) and c
        [0.05, 0.95, 0.02],
        [0.7, 0.3, 0.4],
    ]
)


def test_multiple_choice_suggests_a_set_and_orders_by_the_least_sure_label(df):
    model = Model(lambda items: MULTI[items.index.to_numpy()], name="multi")
    w = labeler(df, model=model, multiple=True, job="multi")
    b = Browser(w)
    assert w.learner.multilabel
    # Mean binary entropy: every label near 0.5 (item 1) first, sure ones (item 4) last.
    assert w.learner.ranking().tolist() == [1, 5, 3, 0, 2, 4]
    w.goto("3")
    assert w.current["suggestion"]["choices"] == ["a", "b", "c"]
    assert w.current["suggestion"]["score"] == pytest.approx(0.6)  # its least sure label
    assert b.enter()["ok"]  # accepted as it is
    stored = w.store.state("3").result[0]
    assert stored["value"]["choices"] == ["a", "b", "c"] and stored["origin"] == "prediction"
    w.goto("2")
    assert "suggestion" not in w.current  # no label reaches 0.5: nothing pre-selected
    assert b.enter("c")["ok"]
    assert w.learner._y[2] == "c" and w.learner._counts == {"a": 1, "b": 1, "c": 2}


def test_multiple_choice_with_a_scikit_learn_one_vs_rest_model():
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier

    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, 4))
    truth = [[v for v, on in zip("abc", row[:3] > 0, strict=True) if on] for row in x]
    df = pd.DataFrame({"text": [f"t{i}" for i in range(60)], "x": list(x)})
    w = nblabel.TextLabeler(
        df, choices=["a", "b", "c"], multiple=True, features="x", cold_start=0,
        model=OneVsRestClassifier(LogisticRegression()), retrain_every=30, job="ovr",
    )  # fmt: skip
    control = w.schema.control("choice")
    for i in range(30):
        w.goto(str(i))
        w.submit(result=[nblabel.results.choices(control, truth[i])] if truth[i] else [])
    assert w.learner.wait(timeout=120)
    history = w.learner.history
    assert history["version"].max() >= 1, history
    assert history["metric_name"].iloc[-1] == "3-fold CV subset accuracy"
    hits = 0
    for i in range(30, 60):
        found = w.learner.suggestion(i)
        hits += (found[0] if found else []) == truth[i]
    assert hits >= 18  # a linear problem: most held-out sets are exactly right
    review = w.review()
    assert isinstance(review["label"].iloc[0], list)


def test_the_model_lands_on_the_retrainer_thread_without_a_browser_action(df):
    landed = threading.Event()
    model = Model(lambda items: (landed.wait(5), PROBS[: len(items)])[1], name="slow")
    w = nblabel.TextLabeler(df, choices=LABELS, model=model, cold_start=0)
    assert "suggestion" not in w.current  # not there yet; the widget did not wait
    landed.set()
    assert w.learner.wait(timeout=60)
    assert w.current["suggestion"]["model_version"] == "slow-v1"
    assert "model=slow-v1" in repr(w)


def test_a_text_pipeline_reads_the_text_column_without_features():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    truth = {"great film": "pos", "awful plot": "neg", "loved it": "pos", "hated it": "neg"}
    df = pd.DataFrame({"text": list(truth) * 5})
    w = nblabel.TextLabeler(
        df, choices=["pos", "neg"], cold_start=0, retrain_every=4,
        model=make_pipeline(TfidfVectorizer(), LogisticRegression()),
    )  # fmt: skip
    given = []
    while len(given) < 4 or len(set(given)) < 2:  # a fit needs two different labels
        given.append(truth[df.loc[int(w.current["key"]), "text"]])
        w.submit(given[-1])
    assert w.learner.wait(timeout=60) and w.learner.version >= 1, w.learner.error
    assert w.learner.scores.shape == (20, 2)
    w.close()


def test_review_lists_labeled_items_by_disagreement_with_their_ids(df):
    df = df.set_axis([f"doc{i}" for i in range(6)])
    w = labeler(df, model=Model(lambda items: PROBS[: len(items)], name="fixed"))
    w.goto("doc0")
    w.submit("c")  # the model says "a" at 0.90: a likely label error
    w.goto("doc2")
    w.submit("b")  # agrees at 0.80
    got = w.review()
    assert got.index.tolist() == ["doc0", "doc2"]
    assert got["predicted"].tolist() == ["a", "b"]
    assert got["p_label"].round(2).tolist() == [0.05, 0.8]
    with pytest.raises(TypeError, match="model="):
        nblabel.TextLabeler(df, choices=LABELS, job="plain").review()
    w.close()
