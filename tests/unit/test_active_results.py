"""Models that return Label Studio results (regions, spans, ranges): confidence, queue
order, retraining, and the labeler on a dummy comm (messages stand in for the browser)."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest

import nblabel
from nblabel import regions
from nblabel.active.results import (
    ModelPredictions,
    ResultLearner,
    ResultModel,
    confidence,
    confidences,
    result_f1,
)
from nblabel.errors import ModelError
from nblabel.text import span
from nblabel.widgets import protocol

from ..support.widget import RegionBrowser as Browser


def _span(text, word, label="PER", score=None, **kw):
    start = text.index(word)
    return span(text, start=start, end=start + len(word), labels=label, score=score, **kw)


# -- confidence -------------------------------------------------------------------------------
def test_confidence_aggregates_item_scores_and_inherits_the_predictions():
    items = [{"type": "labels", "score": 0.9}, {"type": "labels", "score": 0.3}]
    assert confidence(items) == 0.3
    assert confidence(items, "mean") == pytest.approx(0.6)
    # An item without its own score takes the prediction's.
    mixed = {"result": [{"type": "labels", "score": 0.9}, {"type": "labels"}], "score": 0.5}
    assert confidence(mixed) == 0.5 and confidence(mixed, "mean") == pytest.approx(0.7)
    # Empty: the prediction's own score, else unknown; unscored items: unknown.
    assert confidence({"result": [], "score": 0.2}) == 0.2
    assert math.isnan(confidence([])) and math.isnan(confidence(None))
    assert math.isnan(confidence([{"type": "labels"}]))
    assert math.isnan(confidence("not json"))  # reported when the item is shown
    assert confidence([{"type": "labels", "score": 7}, {"type": "labels", "score": 0.4}]) == 0.4


def test_a_scoring_function_sees_the_items_with_their_scores():
    seen = []

    def by_count(items):
        seen.append([r.get("score") for r in items])
        return None if not items else 1.0 / (1 + len(items))

    assert confidence({"result": [{"id": "a"}, {"id": "b", "score": 0.1}], "score": 0.8},
                      by_count) == pytest.approx(1 / 3)  # fmt: skip
    assert seen == [[0.8, 0.1]]
    assert math.isnan(confidence([], by_count))
    with pytest.raises(ModelError, match="score_by returned 2"):
        confidence([{"id": "a"}], lambda items: 2)
    assert confidences([[{"score": 0.4}], None, {"result": [], "score": 1}]).tolist()[::2] == [
        0.4, 1.0,
    ]  # fmt: skip


# -- the learner without a widget ---------------------------------------------------------------
SCORES = [0.9, 0.2, None, 0.5, 0.05, None, 0.7]  # None: a prediction without a score


def fixed(items):
    return [[] if SCORES[i] is None else [{"type": "labels", "score": SCORES[i]}]
            for i in items.index]  # fmt: skip


def learner(**kw):
    kw.setdefault("cold_start", 0)
    data = pd.DataFrame({"text": [f"t{i}" for i in range(len(SCORES))]})
    return ResultLearner(data, model=kw.pop("model", fixed), labels=["PER"], background=False,
                         **kw)  # fmt: skip


def test_least_confident_predictions_come_first_unknown_ones_last():
    lr = learner(seed=1)
    order = lr.ranking().tolist()
    assert order[:5] == [4, 1, 3, 6, 0] and sorted(order[5:]) == [2, 5]
    assert lr.scores.shape == (7, 1) and lr.model_version == "fixed-v1"
    lr.set_label(4, [])  # labeled items leave the ranking
    lr.retrain()
    assert lr.ranking().tolist()[:4] == [1, 3, 6, 0]


def test_random_and_custom_strategies():
    assert sorted(learner(strategy="random", seed=0).ranking().tolist()) == list(range(7))
    got = []

    def highest_first(scores, features, labeled):
        got.append(scores.copy())
        return np.argsort(-np.nan_to_num(scores[:, 0], nan=-1))

    assert learner(strategy=highest_first).ranking().tolist()[:2] == [0, 6]
    assert got[0].shape == (7, 1) and np.isnan(got[0][2, 0])


def test_k_center_spreads_the_least_confident_over_the_features():
    # Rows 4 and 1 are the least confident, but sit on the same point: k-center takes
    # one of them, then the farthest uncertain row.
    points = [[0, 0], [5, 5], [9, 9], [0, 1], [5, 5], [1, 1], [9, 8]]
    data = pd.DataFrame({"text": [f"t{i}" for i in range(7)], "vec": points})
    lr = ResultLearner(data, model=fixed, labels=["PER"], background=False, cold_start=0,
                       strategy="k_center", features="vec")  # fmt: skip
    order = lr.ranking().tolist()
    assert sorted(order) == list(range(7))
    assert order[0] in (1, 4) and {1, 4} != set(order[:2])


def test_fit_gets_the_submitted_results_and_its_model_predicts():
    fits = []

    def fit(labeled):
        fits.append(labeled)
        words = {r["value"]["text"] for res in labeled["label"] for r in res}
        return lambda items: [
            [{"type": "labels", "score": 0.5}] if any(w in t for w in words) else []
            for t in items["text"]
        ]

    data = pd.DataFrame({"text": ["Ann ran", "Bo sat", "Ann sat", "x"]})
    lr = ResultLearner(data, model=nblabel.Model(fixed, fit=fit), labels=["PER"],
                       background=False, retrain_every=2, cold_start=0)  # fmt: skip
    assert lr.version == 0 and lr.prediction(0) is None  # not fitted: nothing to show
    result = [_span("Ann ran", "Ann")]
    lr.set_labels({0: result, 1: []})  # an empty result is a label too
    assert len(fits) == 1
    frame = fits[0]
    assert frame["text"].tolist() == ["Ann ran", "Bo sat"]
    assert frame["label"].tolist() == [result, []]
    assert frame["label"].iloc[0] is not result  # a copy: the store's result stays
    assert lr.prediction(2) == {"result": [{"type": "labels", "score": 0.5}], "score": None,
                                "model_version": "fixed-v1"}  # fmt: skip
    assert lr.ranking().tolist()[0] == 2


def test_a_failing_or_malformed_predict_keeps_the_last_good_model():
    state = {"answer": fixed}

    def predict(items):
        return state["answer"](items)

    lr = learner(model=nblabel.Model(predict, fit=lambda labeled: None))
    lr.set_label(0, [])
    lr.retrain()
    assert lr.version == 1 and lr.error == ""
    state["answer"] = lambda items: np.zeros((len(items), 2))
    lr.retrain()
    assert lr.version == 1 and "no Choices control" in lr.error
    state["answer"] = lambda items: [[]]
    lr.retrain()
    assert "1 predictions for 7 items" in lr.error and lr.prediction(4)["score"] is None
    assert lr.history["error"].notna().sum() == 2


def test_result_models_refuse_what_they_cannot_do():
    from sklearn.linear_model import LogisticRegression

    with pytest.raises(ModelError, match="classifier"):
        learner(model=LogisticRegression())
    with pytest.raises(ModelError, match="'label' column"):
        learner(holdout=pd.DataFrame({"text": []}))
    with pytest.raises(ValueError, match="score_by"):
        learner(score_by="max")
    with pytest.raises(ModelError, match="no model has predicted"):
        learner(model=nblabel.Model(fixed, fit=lambda labeled: None)).review()


def test_review_puts_labels_the_model_disagrees_with_first():
    data = pd.DataFrame({"text": ["Ann met Bo", "Bo sat", "Cy ran", "x"]})

    def predict(items):
        return [
            [_span(t, t.split()[0], score=s)]
            for t, s in zip(items["text"], [0.9, 0.6, 0.3, 0.5], strict=True)
        ]

    lr = ResultLearner(data, model=predict, labels=["PER"], background=False, cold_start=0)
    lr.set_labels({
        0: [_span("Ann met Bo", "Ann"), _span("Ann met Bo", "Bo")],  # one missed: F1 2/3
        1: [_span("Bo sat", "Bo")],  # agrees
        2: [_span("Cy ran", "Cy", label="ORG")],  # disagrees
    })  # fmt: skip
    found = lr.review()
    assert found["pos"].tolist() == [2, 0, 1]
    assert found["agreement"].tolist() == [0.0, pytest.approx(2 / 3), 1.0]
    assert found["predicted"].iloc[0][0]["value"]["labels"] == ["PER"]
    assert lr.review("confidence")["pos"].tolist() == [2, 1, 0]


def test_the_holdout_metric_matches_spans_exactly_and_boxes_by_overlap():
    text = "Ann met Bo"
    truth = [[_span(text, "Ann"), _span(text, "Bo")], []]
    guess = [[_span(text, "Ann", score=0.1), _span(text, "Bo", label="ORG")], None]
    assert result_f1(truth, guess) == pytest.approx(0.5)  # 1 right, 1 wrong, 1 missed

    def box(x, label="car"):
        return regions.rectangle("box", label, x=x, y=10, width=20, height=20, size=(100, 100))

    assert result_f1([[box(10)]], [{"result": [box(12)]}]) == 1.0  # IoU 0.68
    assert result_f1([[box(10)]], [[box(25)]]) == 0.0  # IoU 0.14: one wrong, one missed
    assert math.isnan(result_f1([[]], [[]]))


def test_a_holdout_gives_the_learning_curve():
    def fit(labeled):
        words = {r["value"]["text"] for res in labeled["label"] for r in res}
        return lambda items: [
            [_span(t, w, score=0.5) for w in sorted(words) if w in t.split()] for t in items["text"]
        ]

    holdout = pd.DataFrame({"text": ["Ann sat", "Bo ran"]})
    holdout["label"] = [[_span("Ann sat", "Ann")], [_span("Bo ran", "Bo")]]
    data = pd.DataFrame({"text": ["Ann met Cy", "Bo sat", "x"]})
    model = nblabel.Model(fixed, fit=fit)
    lr = ResultLearner(data, model=model, labels=["PER"], background=False, retrain_every=1,
                       cold_start=0, holdout=holdout)  # fmt: skip
    lr.set_label(0, [_span("Ann met Cy", "Ann")])
    lr.set_label(1, [_span("Bo sat", "Bo")])
    assert lr.history["metric"].tolist() == [pytest.approx(2 / 3), 1.0]
    curve = lr.curve()
    assert curve["points"] == [[1, 0.6667], [2, 1.0]] and curve["metric_name"].startswith(
        "holdout F1"
    )


# -- the labeler --------------------------------------------------------------------------------
TEXTS = ["Ann met Bo", "Bo sat", "Cy ran", "Ann sat", "Dee sat"]


def gazetteer():
    """Learns names from labeled spans; predicts every occurrence, scored by how often the
    name was labeled."""
    seen: dict[str, int] = {}

    def predict(items):
        out = []
        for text in items["text"]:
            found = [_span(text, w, score=min(1.0, 0.3 * n)) for w, n in seen.items()
                     if re.search(rf"\b{w}\b", text)]  # fmt: skip
            out.append(found)
        return out

    def fit(labeled):
        for result in labeled["label"]:
            for r in result:
                seen[r["value"]["text"]] = seen.get(r["value"]["text"], 0) + 1

    return nblabel.Model(predict, fit=fit, name="gaz")


def spans_labeler(**kw):
    kw.setdefault("cold_start", 0)
    kw.setdefault("retrain_every", 1)
    return nblabel.TextLabeler(pd.DataFrame({"text": TEXTS}), spans=["PER"],
                               model=kw.pop("model", gazetteer()), **kw)  # fmt: skip


def test_spans_model_predictions_are_shown_accepted_and_stored_with_their_version():
    w = spans_labeler()
    b = Browser(w)
    assert isinstance(w.predictions, ModelPredictions)
    w.goto(0)
    assert w.current["predictions"] == []  # nothing learned yet
    assert b.submit([_span(TEXTS[0], "Ann"), _span(TEXTS[0], "Bo")])[0]["ok"]
    assert w.learner.wait(timeout=30) and w.learner.model_version == "gaz-v1"
    w.goto(1)  # "Bo sat": Bo was labeled once
    (pred,) = w.current["predictions"]
    assert pred["value"]["text"] == "Bo" and pred["origin"] == "prediction"
    assert pred["score"] == pytest.approx(0.3) and pred["model_version"] == "gaz-v1"
    reply, _ = b.ask(protocol.FETCH, keys=["3"])  # and with a prefetched item
    assert [p["value"]["text"] for p in reply["items"][0]["predictions"]] == ["Ann"]
    # Accept (the browser sends the prediction back as it is).
    assert b.submit([pred])[0]["ok"]
    (stored,) = w.store.state("1").result
    assert stored["origin"] == "prediction" and stored["model_version"] == "gaz-v1"
    ann = w.annotations
    assert ann.loc[ann["item"] == 1, "origin"].tolist() == ["prediction"]
    assert w.learner.wait(timeout=30)
    assert sorted(w.review().index) == [0, 1]  # by item id, the model agreeing with both


def test_the_queue_follows_the_confidence():
    w = spans_labeler(retrain_every=100, seed=3)
    b = Browser(w)
    w.goto(0)
    assert b.submit([_span(TEXTS[0], "Ann"), _span(TEXTS[0], "Bo")])[0]["ok"]
    on_screen, pinned = w.current["key"], w.current["nav"]["next_unlabeled"]
    w.learner.retrain()  # lands while an item is on screen
    # Bo (0.3) in item 1 and Ann (0.3) in item 3 first, then the items without a name.
    assert w.learner.ranking().tolist()[:2] == [1, 3]
    assert w.current["key"] == on_screen and w.current["nav"]["next_unlabeled"] == pinned
    seen = []
    while not w.session.done:
        seen.append(w.current["key"])
        assert b.submit([])[0]["ok"]
    ranked = [k for k in ["1", "3"] if k not in (on_screen, pinned)]
    assert seen[: 2 + len(ranked)] == [on_screen, pinned, *ranked]


def test_a_new_model_refreshes_every_item_but_the_one_on_screen():
    w = spans_labeler(retrain_every=100)
    b = Browser(w)
    w.goto(0)
    assert b.submit([_span(TEXTS[0], "Ann"), _span(TEXTS[0], "Bo")])[0]["ok"]
    w.learner.retrain()
    w.goto(3)
    shown = w.current["predictions"]
    assert [(p["value"]["text"], p["model_version"]) for p in shown] == [("Ann", "gaz-v1")]
    w.learner.retrain()  # the same labels fitted again: Ann counted twice
    assert w.learner.model_version == "gaz-v2"
    w.goto(3)
    assert w.current["predictions"] == shown  # on screen: what it showed, same ids
    w.goto(1)
    assert [(p["score"], p["model_version"]) for p in w.current["predictions"]] == [
        (pytest.approx(0.6), "gaz-v2"),
    ]  # fmt: skip
    w.goto(3)  # it left the screen: now the new model's
    assert [p["model_version"] for p in w.current["predictions"]] == ["gaz-v2"]


def test_an_edited_image_region_keeps_the_model_version(image_df):
    def predict(items):
        box = regions.rectangle("box", "car", x=2, y=2, width=10, height=8, size=(64, 48),
                                score=0.4)  # fmt: skip
        return [{"result": [box]} for _ in range(len(items))]

    w = nblabel.ImageLabeler(image_df, image="path", boxes=["car"], cold_start=0,
                             model=nblabel.Model(predict, name="det"))  # fmt: skip
    assert w.learner.wait(timeout=30)
    w.goto("im1")
    (pred,) = w.current["predictions"]
    assert pred["model_version"] == "det-v1"
    # What the browser sends for a moved prediction: rebuilt, without model_version.
    moved = {k: v for k, v in pred.items() if k != "model_version"}
    moved.update(origin="prediction-changed", value={**pred["value"], "x": 20.0})
    assert Browser(w).submit([moved])[0]["ok"]
    (stored,) = w.store.state("im1").result
    assert stored["origin"] == "prediction-changed" and stored["model_version"] == "det-v1"
    assert stored["value"]["x"] == 20.0


def test_a_failing_fit_is_shown_and_labeling_goes_on():
    def fit(labeled):
        raise RuntimeError("out of memory")

    w = spans_labeler(model=nblabel.Model(lambda items: [[]] * len(items), fit=fit))
    b = Browser(w)
    w.goto(0)
    assert b.submit([_span(TEXTS[0], "Ann")])[0]["ok"]
    assert w.learner.wait(timeout=30)
    assert "out of memory" in w.learner.error and w.learner.version == 0
    w._refresh()  # on a real comm the retrainer's callback does this
    assert "out of memory" in w.error
    assert b.submit([])[0]["ok"] and w.progress["submitted"] == 2


def test_which_learner_a_config_gets():
    df = pd.DataFrame({"text": TEXTS})
    with pytest.raises(ModelError, match="not both"):
        nblabel.TextLabeler(df, spans=["PER"], model=gazetteer(), predictions="text")
    # Choices: classes unless the model says it returns results.
    probs = nblabel.Model(lambda items: np.full((len(items), 2), 0.5))
    w = nblabel.TextLabeler(df, choices=["a", "b"], model=probs)
    assert type(w.learner).__name__ == "Learner"
    w.close()
    xml = """<View><Text name="text" value="$text"/>
      <Choices name="topic" toName="text"><Choice value="x"/><Choice value="y"/></Choices>
      <Labels name="span" toName="text"><Label value="PER"/></Labels></View>"""
    w = nblabel.Labeler(df, config=xml, model=ResultModel(gazetteer()._predict),
                            score_by="mean")  # fmt: skip
    assert isinstance(w.learner, ResultLearner) and w.learner.score_by == "mean"
    w.close()
    with pytest.raises(TypeError, match="score_by"):
        nblabel.TextLabeler(df, choices=["a", "b"], model=probs, score_by="mean")


def test_stored_labels_reach_the_learner_when_the_labeler_opens(tmp_path):
    store = tmp_path / "s.sqlite"
    w = spans_labeler(store=store, retrain_every=100)
    w.goto(0)
    assert Browser(w).submit([_span(TEXTS[0], "Ann")])[0]["ok"]
    w.close()
    w = spans_labeler(store=store, retrain_every=100)
    assert w.learner.n_labeled == 1
    w.learner.retrain()
    assert w.learner.model_version == "gaz-v1"
    w.goto(3)
    assert [p["value"]["text"] for p in w.current["predictions"]] == ["Ann"]


def test_a_result_model_s_classes_are_pre_selected_next_to_its_spans():
    xml = """<View><Text name="text" value="$text"/>
      <Choices name="topic" toName="text"><Choice value="x"/><Choice value="y"/></Choices>
      <Labels name="span" toName="text"><Label value="PER"/></Labels></View>"""

    def predict(items):
        topic = {"from_name": "topic", "to_name": "text", "type": "choices",
                 "value": {"choices": ["y"]}, "score": 0.7}  # fmt: skip
        return [{"result": [topic, _span(t, t.split()[0])], "score": 0.4} for t in items["text"]]

    w = nblabel.Labeler(pd.DataFrame({"text": TEXTS}), config=xml, cold_start=0,
                        model=ResultModel(predict, name="m"))  # fmt: skip
    assert w.learner.wait(timeout=30)
    w.goto(1)
    (topic,) = w.current["result"]
    assert topic["value"] == {"choices": ["y"]} and topic["model_version"] == "m-v1"
    assert w.current["suggestion"] == {"choices": ["y"], "score": 0.7, "model_version": "m-v1"}
    (pred,) = [p for p in w.current["predictions"] if p["type"] == "labels"]
    assert pred["score"] == 0.4  # the prediction's score: the span has none of its own
    # Enter: the browser sends the selection as a fresh manual item, the span as it was.
    picked = nblabel.results.choices(w.schema.control("topic"), ["y"])
    assert Browser(w).submit([picked, pred])[0]["ok"]
    stored = {r["type"]: r for r in w.store.state("1").result}
    assert stored["choices"]["origin"] == "prediction"
    assert stored["choices"]["model_version"] == "m-v1" and stored["choices"]["score"] == 0.7
    assert (
        stored["labels"]["origin"] == "prediction" and stored["labels"]["model_version"] == "m-v1"
    )


def test_time_series_ranges_from_a_model_with_the_least_sure_series_first(tmp_path):
    df = pd.DataFrame({"id": np.repeat(["a", "b", "c"], 10), "x": np.tile(np.arange(10.0), 3),
                       "v": np.arange(30.0)})  # fmt: skip
    sure = {"a": 0.9, "b": 0.2, "c": 0.6}

    def predict(items):
        return [
            [{"from_name": "range", "to_name": "ts", "type": "timeserieslabels",
              "score": sure[key], "value": {"start": 2, "end": 5, "instant": False,
                                            "timeserieslabels": ["walk"]}}]
            for key in items.index
        ]  # fmt: skip

    w = nblabel.TimeSeriesLabeler(df, by="id", x="x", channels=["v"], ranges=["walk"],
                                  cold_start=0, store=tmp_path / "s.sqlite",
                                  model=nblabel.Model(predict, name="ts"))  # fmt: skip
    assert w.learner.wait(timeout=30)
    w.goto("a")  # a refresh applies the first model's order
    assert [w.items.ids[p] for p in w.learner.ranking()] == ["b", "c", "a"]
    (shown,) = w.current["predictions"]
    assert shown["score"] == 0.9 and shown["model_version"] == "ts-v1"
    w.submit(result=[shown])
    stored = w.store.state("a").result[0]
    assert stored["origin"] == "prediction" and stored["model_version"] == "ts-v1"
    w.close()


def test_fixed_predictions_keep_their_version_through_an_edit_too(image_df):
    box = regions.rectangle("box", "car", x=2, y=2, width=10, height=8, size=(64, 48))
    image_df = image_df.assign(pred=[{"result": [box], "model_version": "yolo-3"}] * 5)
    w = nblabel.ImageLabeler(image_df, image="path", boxes=["car"], predictions="pred")
    (pred,) = w.current["predictions"]
    moved = {k: v for k, v in pred.items() if k != "model_version"}
    moved.update(origin="prediction-changed", value={**pred["value"], "y": 10.0})
    drawn = regions.rectangle("box", "car", x=30, y=30, width=5, height=5, size=(64, 48))
    assert Browser(w).submit([moved, drawn])[0]["ok"]
    stored = w.store.state(w.items.ids[0]).result
    assert [r.get("model_version") for r in stored] == ["yolo-3", None]  # the user's has none
