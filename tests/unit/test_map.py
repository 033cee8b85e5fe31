"""The map on a dummy comm (messages stand in for the browser), and its coordinates: PCA,
the cache next to the store, bad embeddings."""

from __future__ import annotations

import io
import itertools
import json
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PIL import Image

import nblabel
from nblabel.core import coords as coords_module
from nblabel.core.coords import MapError, map_coords

from ..conftest import make_image

_ids = itertools.count()


class Browser:
    """Sends the map's requests as its JS does; keeps replies and Python's messages."""

    def __init__(self, m):
        self.m = m
        self.sent: list[tuple[dict, list]] = []
        m.send = lambda content, buffers=None: self.sent.append((content, buffers or []))

    def ask(self, kind, buffers=(), **content):
        rid = next(_ids)
        self.m._handle_custom_msg({"kind": kind, "id": rid, **content}, list(buffers))
        replies = [(c, b) for c, b in self.sent if c.get("id") == rid]
        assert len(replies) == 1, f"{kind}: answered {len(replies)} times"
        return replies[0]

    def select(self, positions):
        reply, _ = self.ask("select", [np.asarray(positions, dtype="<u4").tobytes()])
        assert reply["ok"], reply
        return self.m._selection

    def colors(self):
        """The colour messages Python sent, as {position: value}, oldest first."""
        out = []
        for content, buffers in self.sent:
            if content.get("kind") != "colors":
                continue
            if content["full"]:
                values = np.frombuffer(buffers[0], "<f4")
                out.append(dict(enumerate(values.tolist())))
            else:
                idx = np.frombuffer(buffers[0], "<u4").tolist()
                values = np.frombuffer(buffers[1], "<f4").tolist()
                out.append(dict(zip(idx, values, strict=True)))
        return out


def blobs(n_per: int = 20, dims: int = 6, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    centers = np.eye(3, dims) * 10
    emb = np.concatenate([c + rng.normal(size=(n_per, dims)) for c in centers])
    return pd.DataFrame(
        {"text": [f"text {i} of blob {i // n_per}" for i in range(3 * n_per)], "emb": list(emb)},
        index=[f"t{i}" for i in range(3 * n_per)],
    )


def texts(df: pd.DataFrame, **kw) -> nblabel.TextLabeler:
    kw.setdefault("store", "map.sqlite")
    return nblabel.TextLabeler(df, choices=["a", "b", "c"], **kw)


# -- coordinates --------------------------------------------------------------------------------
def test_pca_places_every_item_and_keeps_the_clusters_apart():
    df = blobs()
    placed = map_coords(df, embedding="emb", method="pca")
    assert placed.method == "pca" and placed.xy.shape == (60, 2) and placed.placed.all()
    centers = [placed.xy[i * 20 : (i + 1) * 20].mean(axis=0) for i in range(3)]
    spread = max(placed.xy[:20].std(axis=0))
    assert min(np.linalg.norm(a - b) for a, b in itertools.combinations(centers, 2)) > 4 * spread


def test_auto_is_umap_when_installed_and_not_too_many_items(monkeypatch):
    monkeypatch.setattr(coords_module, "_has_umap", lambda: False)
    assert coords_module.choose_method("auto", 10) == ("pca", "")
    monkeypatch.setattr(coords_module, "_has_umap", lambda: True)
    assert coords_module.choose_method("auto", 10) == ("umap", "")
    method, note = coords_module.choose_method("auto", 1_000_000)
    assert method == "pca" and "method='umap'" in note
    with pytest.raises(ValueError, match="method must be one of"):
        coords_module.choose_method("tsne", 10)


def test_the_projection_is_cached_next_to_the_store_until_the_embedding_changes(tmp_path):
    df = blobs()
    store = tmp_path / "job.nblabel.sqlite"
    first = map_coords(df, embedding="emb", method="pca", cache=store)
    cache = tmp_path / "job.nblabel.sqlite.map-pca.npz"
    assert cache.is_file() and not first.cached
    again = map_coords(df, embedding="emb", method="pca", cache=store)
    assert again.cached and np.array_equal(again.xy, first.xy)
    changed = df.copy()
    changed.at["t0", "emb"] = changed.at["t0", "emb"] + 1.0
    fresh = map_coords(changed, embedding="emb", method="pca", cache=store)
    assert not fresh.cached and not np.array_equal(fresh.xy, first.xy)
    assert map_coords(changed, embedding="emb", method="pca", cache=store).cached
    reordered = df.iloc[::-1]
    assert not map_coords(reordered, embedding="emb", method="pca", cache=store).cached


def test_the_map_uses_the_cache_of_its_store(tmp_path):
    df = blobs()
    w = texts(df, store=tmp_path / "j.nblabel.sqlite")
    assert not nblabel.map(w, embedding="emb", method="pca")._info["cached"]
    assert nblabel.map(w, embedding="emb", method="pca")._info["cached"]
    assert (tmp_path / "j.nblabel.sqlite.map-pca.npz").is_file()


def test_bad_embeddings_are_named_and_the_other_items_placed():
    df = blobs()
    df.at["t1", "emb"] = np.full(6, np.nan)
    df.at["t2", "emb"] = np.ones(3)
    df.at["t3", "emb"] = None
    df.at["t4", "emb"] = "not a vector"
    placed = map_coords(df, embedding="emb", method="pca", name_of=lambda p: df.index[p])
    assert placed.placed.sum() == 56
    problems = placed.problems
    assert "item 't1': its embedding holds NaN" in problems[1]
    assert "item 't2': its embedding has 3 values, the others 6" in problems[2]
    assert "item 't3'" in problems[3] and "item 't4'" in problems[4]
    assert np.isnan(placed.xy[[1, 2, 3, 4]]).all()


def test_too_few_items_or_no_usable_one_is_a_clear_error():
    with pytest.raises(MapError, match="at least 3 items; the DataFrame has 2"):
        map_coords(blobs().iloc[:2], embedding="emb", method="pca")
    df = blobs().iloc[:4].copy()
    for key in ("t0", "t1"):
        df.at[key, "emb"] = np.full(6, np.nan)
    with pytest.raises(MapError, match="only 2 of 4 have one"):
        map_coords(df, embedding="emb", method="pca")
    with pytest.raises(MapError, match="'nope' is not a column"):
        map_coords(blobs(), embedding="nope")
    with pytest.raises(TypeError, match="either embedding"):
        map_coords(blobs(), embedding="emb", coords=("x", "y"))


def test_own_columns_and_an_embedding_by_item_id():
    df = blobs()
    df["x"], df["y"] = np.arange(60.0), np.arange(60.0) ** 0.5
    df.loc["t5", "x"] = np.nan
    placed = map_coords(df, coords=("x", "y"), name_of=lambda p: df.index[p])
    assert placed.method == "columns" and placed.xy[0].tolist() == [0.0, 0.0]
    assert "item 't5': no number in 'x' or 'y'" in placed.problems[5]
    by_id = pd.DataFrame(np.stack(df["emb"].to_list()), index=df.index).iloc[::-1].drop("t7")
    aligned = map_coords(df, embedding=by_id, method="pca", name_of=lambda p: df.index[p])
    without = df.copy()
    without.at["t7", "emb"] = np.full(6, np.nan)  # the same 59 items, from the column
    direct = map_coords(without, embedding="emb", method="pca")
    ok = aligned.placed
    assert ok.sum() == 59 and "not in the index of embedding=" in aligned.problems[7]
    assert np.allclose(np.abs(aligned.xy[ok]), np.abs(direct.xy[ok]), atol=1e-4)


# -- the widget ---------------------------------------------------------------------------------
def test_points_and_colours_travel_as_buffers_and_the_saved_state_holds_no_item():
    df = blobs()
    w = texts(df)
    m = nblabel.map(w, embedding="emb", method="pca")
    b = Browser(m)
    reply, buffers = b.ask("points")
    assert reply["ok"] and reply["n"] == 60 and len(buffers) == 3
    assert (reply["xy"], reply["values"]) == ("uint16", "uint8")
    x, y = (np.frombuffer(buf, "<u2") / 65535 * 2 - 1 for buf in buffers[:2])
    assert len(x) == 60 and max(abs(x).max(), abs(y).max()) <= 0.951
    assert np.allclose(np.column_stack([x, y]), m._xy, atol=2e-5)  # a step of 3e-5
    assert (np.frombuffer(buffers[2], "u1") == 0).all()  # every item unlabeled

    def saved(widget):
        # What a notebook saves of the widget, the bundle (_esm, _css) aside.
        got = {k: v for k, v in widget.get_state().items() if k not in ("_esm", "_css")}
        return json.dumps(got, default=repr)

    state = saved(m)
    assert "text 1 of blob" not in state and "t13" not in state
    big = blobs(n_per=2000)
    m2 = nblabel.map(texts(big, store="big.sqlite"), embedding="emb", method="pca")
    m2.select(list(big.index[:3000]))
    assert len(saved(m2)) < len(state) + 100  # nothing in it grows with the data


def test_a_lasso_labels_its_items_in_one_step_and_u_takes_it_back():
    df = blobs()
    w = texts(df)
    m = nblabel.map(w, embedding="emb", method="pca")
    b = Browser(m)
    sel = b.select(range(20, 40))
    assert sel["count"] == 20 and sel["labels"] == [{"name": "unlabeled", "count": 20}]
    reply, _ = b.ask("label", value="b")
    assert reply["ok"] and reply["labeled"] == 20
    assert w.labels.loc["t20":"t39", "choice"].tolist() == ["b"] * 20
    assert set(w.annotations["origin"]) == {"bulk"} and w.annotations["bulk"].nunique() == 1
    # The points are recoloured at once: "b" is category 3 (unlabeled, skipped, a, b, c).
    assert b.colors()[-1] == {p: 3.0 for p in range(20, 40)}
    assert m._selection["labels"] == [{"name": "b", "count": 20}]
    assert w.progress["submitted"] == 20  # the labeler redrew
    reply, _ = b.ask("undo")
    assert reply["ok"] and w.labels["choice"].isna().all()
    assert b.colors()[-1] == {p: 0.0 for p in range(20, 40)}


def test_labeling_in_the_labeler_recolours_the_map_live():
    w = texts(blobs())
    m = nblabel.map(w, embedding="emb", method="pca")
    b = Browser(m)
    key = w.current["key"]
    w.submit("c")
    assert b.colors()[-1] == {w.job.items.pos(key): 4.0}
    assert m.focus == w.job.items.pos(w.current["key"])  # the labeler's item, highlighted


def test_a_click_opens_the_item_in_the_labeler_and_the_queue_can_be_the_selection():
    w = texts(blobs())
    m = nblabel.map(w, embedding="emb", method="pca")
    b = Browser(m)
    assert b.ask("open", index=42)[0]["ok"]
    assert w.current["key"] == "t42" and m.focus == 42
    b.select([5, 7, 9])
    assert b.ask("scope", on=True)[0]["ok"] and m.scoped
    assert w.current["key"] == "t5"
    assert w.progress["scope"] == {"size": 3, "submitted": 0, "remaining": 3}
    w.submit("a")
    assert w.current["key"] == "t7"
    assert b.ask("scope", on=False)[0]["ok"] and "scope" not in w.progress


def test_items_that_failed_to_load_are_shown_as_such_and_left_out_of_a_bulk(tmp_path):
    paths = [make_image(tmp_path / f"im{i}.png", color=(20 * i, 90, 90)) for i in range(5)]
    (tmp_path / "broken.png").write_bytes(b"not an image")
    df = pd.DataFrame({"path": [str(p) for p in paths] + [str(tmp_path / "broken.png")],
                       "x": [0, 1, 2, 3, 4, 5], "y": [0, 1, 0, 1, 0, 1]})  # fmt: skip
    w = nblabel.ImageLabeler(df, image="path", choices=["cat", "dog"], store=tmp_path / "s.db")
    m = nblabel.map(w, coords=("x", "y"), thumbnail=32)
    b = Browser(m)
    b.select(range(6))
    reply, buffers = b.ask("strip")
    items = reply["items"]
    assert len(items) == 6 and len(buffers) == 5
    image = next(iter(items[0]["objects"].values()))
    thumb = Image.open(io.BytesIO(buffers[image["buffer"]]))
    assert max(thumb.size) <= 32  # a thumbnail, not the labeler's display copy
    broken = items[5]
    assert "not an image or corrupt" in broken["error"] and broken["key"] == "5"
    assert m._selection["failed"] == 1
    bulk = m.label("dog")
    assert len(bulk.labeled) == 5 and "1 left out: they could not be loaded" in m.status
    assert w.labels["choice"].tolist() == ["dog"] * 5 + [None]
    assert (w.errors["item"] == "5").any()


def test_colour_by_the_model_and_a_new_model_recolours():
    df = blobs()

    def fit(labeled):
        means = {lab: np.stack(g["emb"].to_list()).mean(axis=0)
                 for lab, g in labeled.groupby("label")}  # fmt: skip

        def predict(items):
            x = np.stack(items["emb"].to_list())
            d = np.stack([np.linalg.norm(x - means.get(k, 1e3), axis=1) for k in "abc"], axis=1)
            p = np.exp(-d)
            return p / p.sum(axis=1, keepdims=True)

        return predict

    model = nblabel.Model(lambda items: None, fit=fit, name="nearest")
    w = texts(df, model=model, retrain_every=1, cold_start=0)
    m = nblabel.map(w, embedding="emb", method="pca", color_by="prediction")
    b = Browser(m)
    assert m.legend["note"].startswith("no model yet")
    w.job.label_many(["t0", "t20", "t40"], "a")  # one wrong label on purpose: t20, t40
    w.job.label_many(["t21"], "b")
    w.job.label_many(["t41"], "c")
    assert w.learner.wait(timeout=60)
    # The model lands on the retrainer's thread; the job's refresh recolours the map.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not any(len(c) == 60 for c in b.colors()):
        time.sleep(0.05)
    predicted = [c for c in b.colors() if len(c) == 60][-1]
    assert {predicted[p] for p in range(25, 40)} == {2.0}  # "b" (no prediction, a, b, c)
    m.color_by = "disagreement"
    disagree = b.colors()[-1]
    assert disagree[0] == 1.0 and disagree[20] == 2.0 and disagree[5] == 0.0
    m.color_by = "uncertainty"
    assert min(b.colors()[-1].values()) >= 0.0 and max(b.colors()[-1].values()) <= 1.0
    assert m.legend["kind"] == "ramp"
    m.color_by = "nonsense"
    assert m.color_by == "uncertainty" and "color_by must be one of" in m.error
    w.close()


def test_time_series_and_image_labelers_get_a_map_too(tmp_path):
    data = nblabel.samples.accelerometer(4, seconds=6)
    feats = data.groupby("recording")[["ax", "ay", "az"]].agg(["mean", "std"])
    w = nblabel.TimeSeriesLabeler(data, by="recording", x="t", channels=["ax", "ay", "az"],
                                  choices=["calm", "busy"], store=tmp_path / "ts.db")  # fmt: skip
    m = nblabel.map(w, embedding=feats, method="pca")
    b = Browser(m)
    b.select([0, 1, 2, 3])
    reply, buffers = b.ask("strip")
    series = next(iter(reply["items"][0]["objects"].values()))
    assert series["type"] == "timeseries" and series["overview"]["channels"]
    assert buffers
    b.ask("label", value="busy")
    assert w.labels["choice"].tolist() == ["busy"] * 4


def test_bad_requests_are_answered_with_a_reason():
    w = texts(blobs())
    m = nblabel.map(w, embedding="emb", method="pca")
    b = Browser(m)
    reply, _ = b.ask("label", value="a")
    assert not reply["ok"] and "nothing selected" in reply["error"]
    b.select([1])
    reply, _ = b.ask("label", value="zebra")
    assert not reply["ok"] and "'zebra' is not a choice" in reply["error"]
    reply, _ = b.ask("select", [np.array([999], "<u4").tobytes()])
    assert not reply["ok"] and "row 999" in reply["error"]
    with pytest.raises(KeyError, match="nope"):
        m.select(["nope"])
    with pytest.raises(nblabel.SchemaError, match="whole-item <Choices>"):
        nblabel.map(nblabel.TextLabeler(blobs(), spans=["PER"], store="s2.sqlite"),
                    embedding="emb", method="pca")  # fmt: skip


def test_programmatic_selection_reaches_the_browser_and_the_strip():
    w = texts(blobs())
    m = nblabel.map(w, embedding="emb", method="pca", strip=5)
    b = Browser(m)
    m.select(["t1", "t2", "t3", "t4", "t5", "t6", "t7"])
    content, buffers = b.sent[-1]
    assert content == {"kind": "select"}
    assert np.frombuffer(buffers[0], "<u4").tolist() == [1, 2, 3, 4, 5, 6, 7]
    assert m.selection == ["t1", "t2", "t3", "t4", "t5", "t6", "t7"]
    reply, _ = b.ask("strip")
    assert len(reply["items"]) == 5  # a sample, bounded by strip=
    # m.shown: the items the strip shows, for a user (or a notebook) glancing from Python.
    assert m.shown == [item["key"] for item in reply["items"]]
    assert set(m.shown) <= set(m.selection)
    assert Path("map.sqlite").exists()


def test_bad_embeddings_leave_those_items_off_the_map_and_the_others_usable():
    df = blobs()
    df.at["t1", "emb"] = np.full(6, np.nan)
    df.at["t2", "emb"] = np.ones(4)  # mixed lengths
    w = texts(df)
    m = nblabel.map(w, embedding="emb", method="pca")
    b = Browser(m)
    # Said once in the widget, item by item in m.errors (the labeler's errors too).
    assert m.error.startswith(
        "2 item(s) are not on the map (e.g. item 't1': its embedding holds NaN"
    )
    problems = dict(zip(m.errors["item"], m.errors["message"], strict=True))
    assert "its embedding holds NaN" in problems["t1"]
    assert "its embedding has 4 values, the others 6" in problems["t2"]
    assert w.errors["item"].isin(["t1", "t2"]).sum() == 2
    reply, _ = b.ask("points")
    assert reply["n_hidden"] == 2 and reply["hidden"] == [1, 2]
    # A lasso over everything takes the 58 placed items; the bulk labels them.
    assert b.select(range(60))["count"] == 58
    m.select(["t1", "t3"])  # from Python as well: an item off the map is not selectable
    assert m.selection == ["t3"]
    b.select(range(60))
    assert b.ask("label", value="a")[0]["labeled"] == 58
    assert w.labels["choice"].isna().sum() == 2
    # The items off the map are labeled as usual in the labeler.
    w.job.goto("t1")
    w.job.submit("c")
    assert w.labels.loc["t1", "choice"] == "c" and w.labels["choice"].isna().sum() == 1


def test_too_few_items_for_a_map_is_a_clear_error_and_the_labeler_goes_on():
    w = texts(blobs().iloc[:2])
    with pytest.raises(MapError, match="at least 3 items; the DataFrame has 2"):
        nblabel.map(w, embedding="emb", method="pca")
    w.job.submit("a")
    assert w.labels["choice"].tolist() == ["a", None]


def test_the_labels_the_map_colours_by_are_read_in_sqlite_as_python_reads_them():
    store = nblabel.Store(":memory:")
    choice = {"from_name": "choice", "to_name": "text", "type": "choices"}
    store.submit("a", [{**choice, "value": {"choices": ["dog"]}},
                       {"from_name": "other", "to_name": "text", "type": "choices",
                        "value": {"choices": ["x"]}}])  # fmt: skip
    store.submit("b", [{**choice, "value": {"choices": ["cat", "cow"]}}])
    store.submit("c", [{**choice, "value": {"choices": []}}])
    store.submit("d", [{"from_name": "other", "to_name": "text", "type": "choices",
                        "value": {"choices": ["x"]}}])  # fmt: skip
    store.skip("e")
    store.submit("f", [{**choice, "value": {"choices": ['Ünïcode "q"']}}])
    assert store.labels_in_force("choice") == {
        "a": ("submit", ["dog"]), "b": ("submit", ["cat", "cow"]), "c": ("submit", []),
        "d": ("submit", []), "e": ("skip", []), "f": ("submit", ['Ünïcode "q"']),
    }  # fmt: skip
    assert store.labels_in_force("choice", ["b", "e", "zz"]) == {
        "b": ("submit", ["cat", "cow"]), "e": ("skip", [])
    }  # fmt: skip


# -- the dense core -----------------------------------------------------------------------------
def test_core_keeps_the_dense_part_of_a_lasso_and_a_bulk_labels_only_it():
    rng = np.random.default_rng(3)
    # A tight blob of 80 and 20 sparse items around it (a lasso's fringe).
    xy = np.concatenate([rng.normal(0, 0.05, size=(80, 2)), rng.uniform(-1, 1, size=(20, 2))])
    df = pd.DataFrame({"text": [f"item {i}" for i in range(100)], "x": xy[:, 0], "y": xy[:, 1]})
    w = texts(df)
    m = nblabel.map(w, coords=("x", "y"))
    b = Browser(m)
    b.select(range(100))
    reply, buffers = b.ask("core")
    kept = np.frombuffer(buffers[0], "<u4")
    assert reply["ok"] and reply["count"] == len(kept) == m._selection["count"] == 70
    assert set(kept.tolist()) <= set(range(80))  # none of the fringe
    assert "70 of 100" in m.status
    reply, _ = b.ask("label", value="a")
    assert reply["labeled"] == 70
    labeled = w.labels["choice"].notna().to_numpy()
    assert labeled[kept].all() and labeled.sum() == 70 and not labeled[80:].any()
    assert b.colors()[-1] == dict.fromkeys(kept.tolist(), 2.0)  # "a": category 2
    # From Python as well: the ids kept, and the browser is told.
    m.select(list(df.index))
    ids = m.core(0.5)
    assert len(ids) == 50 and set(ids) <= set(range(80)) and m.selection == sorted(ids)
    assert b.sent[-1][0] == {"kind": "select"} and len(b.sent[-1][1][0]) == 50 * 4
    m.select([])
    reply, _ = b.ask("core")
    assert not reply["ok"] and "nothing selected" in reply["error"]


def test_a_bulk_label_recolours_the_items_another_process_labeled_meanwhile_by_their_label():
    w = texts(blobs())
    m = nblabel.map(w, embedding="emb", method="pca")
    b = Browser(m)
    b.select(range(10))
    other = nblabel.Store(w.job.store.path)
    real = w.job.store.states_of

    def read_then_someone_labels(keys):
        # Another labeler writes t3 between the bulk's read and its write.
        seen = real(keys)
        if "t3" in keys:
            other.submit("t3", [{"from_name": "choice", "to_name": "text", "type": "choices",
                                 "value": {"choices": ["c"]}}])  # fmt: skip
        return seen

    w.job.store.states_of = read_then_someone_labels
    reply, _ = b.ask("label", value="a")
    w.job.store.states_of = real
    assert reply["labeled"] == 9
    colours = b.colors()
    assert {p: v for c in colours for p, v in c.items()} == {**dict.fromkeys(range(10), 2.0),
                                                             3: 4.0}  # fmt: skip
