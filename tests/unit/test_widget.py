"""The widget on a dummy comm: messages stand in for the browser."""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image

import nblabel
from nblabel.widgets import protocol

from ..support.widget import Browser

_ids = itertools.count()


def test_keyboard_flow_reaches_python(image_df):
    w = nblabel.ImageLabeler(image_df, image="path", choices=["cat", "dog"])
    b = Browser(w)
    assert w.current["key"] == "im0"
    reply, buffers = b.ask(protocol.FETCH, keys=[w.current["key"], *w.current["prefetch"]])
    assert reply["ok"] and len(reply["items"]) == 5 and len(buffers) == 5
    first = reply["items"][0]["objects"]["image"]
    assert Image.open(io.BytesIO(buffers[first["buffer"]])).size == (64, 48)
    assert b.choose("dog")[0]["ok"]
    assert b.choose("cat")[0]["ok"]
    assert w.current["key"] == "im2"
    labels = w.labels
    assert labels.index.tolist() == image_df.index.tolist()
    assert labels["choice"].tolist()[:2] == ["dog", "cat"]
    assert labels["choice"].isna().tolist() == [False, False, True, True, True]
    assert labels["status"].tolist()[:2] == ["submitted", "submitted"]
    ann = w.annotations
    assert ann["item"].tolist() == ["im0", "im1"] and ann["label"].tolist() == ["dog", "cat"]
    assert set(ann.columns) >= {"from_name", "value", "annotator", "time", "lead_time"}
    assert ann["lead_time"].tolist() == [1.0, 1.0]
    assert w.progress["submitted"] == 2 and w.progress["remaining"] == 3


def test_undo_redo_goto_skip_through_messages(text_df):
    w = nblabel.TextLabeler(text_df, choices=["pos", "neg"])
    b = Browser(w)
    b.choose("pos")
    assert b.ask(protocol.UNDO)[0]["ok"] and w.current["key"] == "0"
    assert w.labels["choice"].isna().all()
    assert b.ask(protocol.REDO)[0]["ok"] and w.current["key"] == "1"
    assert b.ask(protocol.SKIP, key="1", lead_time=0.5)[0]["ok"] and w.current["key"] == "2"
    assert b.ask(protocol.GOTO, to="prev")[0]["ok"] and w.current["key"] == "1"
    assert b.ask(protocol.GOTO, key="4")[0]["ok"] and w.current["key"] == "4"
    assert b.ask(protocol.GOTO, to="first_unlabeled")[0]["ok"] and w.current["key"] == "2"
    assert w.labels["status"].tolist()[:2] == ["submitted", "skipped"]
    assert w.labels["status"].isna().sum() == 3


def test_multiple_choice_labels_are_lists(text_df):
    w = nblabel.TextLabeler(text_df, choices=["a", "b", "c"], multiple=True)
    b = Browser(w)
    b.choose("a", "c")
    assert w.labels["choice"][0] == ["a", "c"]
    assert w.annotations["label"][0] == ["a", "c"]


def test_bad_submission_is_refused_shown_and_nothing_is_lost(text_df):
    w = nblabel.TextLabeler(text_df, choices=["pos", "neg"])
    b = Browser(w)
    b.choose("pos")
    bad = [{"from_name": "choice", "to_name": "text", "type": "choices",
            "value": {"choices": ["maybe"]}}]  # fmt: skip
    reply, _ = b.ask(protocol.SUBMIT, key="1", result=bad)
    assert not reply["ok"] and "item '1'" in reply["error"] and "'maybe'" in reply["error"]
    assert w.error == reply["error"]
    assert w.errors["message"].iloc[-1] == reply["error"]
    assert w.labels["choice"][0] == "pos"  # still there
    assert b.choose("neg")[0]["ok"] and w.error == ""  # the session goes on
    reply, _ = b.ask(protocol.GOTO, key="nope")
    assert not reply["ok"] and "nope" in reply["error"]
    reply, _ = b.ask(protocol.UNDO)
    assert reply["ok"]
    assert b.ask(protocol.REDO)[0]["ok"]
    reply, _ = b.ask(protocol.REDO)
    assert not reply["ok"] and "nothing to redo" in reply["error"]


def test_bad_items_are_reported_and_the_session_goes_on(tmp_path: Path):
    good = tmp_path / "ok.png"
    Image.new("RGB", (8, 8)).save(good)
    df = pd.DataFrame({"path": [str(tmp_path / "missing.png"), str(good)]})
    w = nblabel.ImageLabeler(df, image="path", choices=["a"])
    b = Browser(w)
    reply, buffers = b.ask(protocol.FETCH, keys=["0", "1", "zzz"])
    items = reply["items"]
    assert "not found" in items[0]["error"] and items[1]["error"] is None
    assert "not in this DataFrame" in items[2]["error"]
    assert len(buffers) == 1 and items[1]["objects"]["image"]["buffer"] == 0
    assert "missing.png" in w.errors["message"].iloc[0]
    assert b.ask(protocol.SKIP, key="0")[0]["ok"]
    assert b.choose("a")[0]["ok"]


def test_traits_stay_small_with_a_large_frame():
    df = pd.DataFrame({"text": ["x"] * 200_000})
    w = nblabel.TextLabeler(df, choices=["a", "b"])
    state = w.get_state()
    import json

    assert (
        len(json.dumps({k: state[k] for k in ("_schema", "current", "progress", "error")})) < 2000
    )


def test_resume_after_reopen(text_df):
    w = nblabel.TextLabeler(text_df, choices=["pos", "neg"])
    w.submit("pos")
    w.submit("neg")
    again = nblabel.TextLabeler(text_df, choices=["pos", "neg"])
    assert again.current["key"] == "2"
    assert again.labels["choice"].tolist()[:2] == ["pos", "neg"]
    assert Path(again.store.path).name == "text-choice.nblabel.sqlite"


def test_config_labeler_and_unsupported_tags(text_df):
    xml = ("<View><Text name='t' value='$text'/><Choices name='tone' toName='t'>"
           "<Choice value='pos'/><Choice value='neg'/></Choices></View>")  # fmt: skip
    g = nblabel.Labeler(text_df, config=xml, job="tone")
    g.submit("neg")
    assert g.labels["tone"][0] == "neg"
    bad = xml.replace("</View>", "<Audio name='voice' value='$text'/></View>")
    with pytest.raises(nblabel.SchemaError, match="Audio"):
        nblabel.Labeler(text_df, config=bad)


def test_api_mistakes_are_type_errors(text_df):
    with pytest.raises(TypeError):
        nblabel.TextLabeler(text_df, choices=["a"], colour="red")
    with pytest.raises(TypeError):
        nblabel.TextLabeler(text_df, image="x", choices=["a"])
    with pytest.raises(TypeError):
        nblabel.Labeler(text_df, config="<View/>", choices=["a"])


def test_repr_is_a_cheap_summary(text_df):
    w = nblabel.TextLabeler(text_df, choices=["a"])
    w.submit("a")
    assert repr(w).startswith("TextLabeler(5 items, 1 submitted, 0 skipped")


def test_store_keeps_the_config(text_df):
    w = nblabel.TextLabeler(text_df, choices=["a"])
    assert w.store.get_meta("config") == w.schema.xml


def test_stored_labels_that_no_longer_fit_the_config_are_reported_and_kept(text_df):
    w = nblabel.TextLabeler(text_df, choices=["pos", "neg", "meh"], job="j")
    w.submit("meh")
    w.submit("pos")
    again = nblabel.TextLabeler(text_df, choices=["pos", "neg"], job="j")
    assert "1 stored label(s) do not fit" in again.error
    assert again.errors["item"].tolist() == ["0"]
    assert "unknown label(s) 'meh'" in again.errors["message"][0]
    assert again.labels["choice"].tolist()[:2] == ["meh", "pos"]  # nothing dropped
    assert again.current["key"] == "2"


def test_reload_shows_labels_another_writer_stored(text_df):
    w = nblabel.TextLabeler(text_df, choices=["pos", "neg"], job="shared")
    other = nblabel.Store(w.store.path)
    other.submit("0", [nblabel.results.choices(w.schema.control("choice"), ["neg"])])
    assert w.progress["submitted"] == 0
    w.reload()
    # The item on screen stays, now showing the label it got elsewhere.
    assert w.progress["submitted"] == 1 and w.current["key"] == "0"
    assert w.current["status"] == "submitted" and w.current["nav"]["next_unlabeled"] == "1"
    assert w.current["result"][0]["value"] == {"choices": ["neg"]}
    assert w.labels["choice"].iloc[0] == "neg"


def test_label_studio_parses_the_config_after_the_first_item_went_out(text_df):
    # nblabel's own reading shows the item at once; Label Studio's parser (seconds to
    # import in a fresh kernel) runs after the first fetch and its refusal reaches errors.
    config = (
        '<?xml version="1.0" encoding="UTF-8"?><View><Text name="t" value="$text"/>'
        '<Choices name="c" toName="t"><Choice value="a"/></Choices></View>'
    )
    w = nblabel.Labeler(text_df, config=config)
    assert w._schema_check is None and w.errors.empty
    b = Browser(w)
    reply, _ = b.ask(protocol.FETCH, keys=[w.current["key"]])
    assert reply["ok"] and reply["items"][0]["objects"]["t"]["text"]
    w._schema_check.join(timeout=60)
    assert "Label Studio cannot parse this labeling config" in w.error
    assert w.errors["message"].str.contains("Label Studio cannot parse").any()
    b.choose("a", control="c")  # the session goes on
    assert w.labels["c"].iloc[0] == "a"
    # A config Label Studio reads: checked the same way, nothing reported.
    ok = nblabel.TextLabeler(text_df, choices=["pos", "neg"])
    Browser(ok).ask(protocol.FETCH, keys=[ok.current["key"]])
    ok._schema_check.join(timeout=60)
    assert ok.errors.empty and ok.schema.interface.get_control("choice").labels == ["pos", "neg"]


def test_moves_apply_in_the_order_the_browser_sent_them(text_df):
    # The kernel may hand comm messages over out of order (ipykernel 7 dispatches one that
    # arrives while another is handled at once): numbered moves wait for those before them.
    w = nblabel.TextLabeler(text_df, choices=["pos", "neg"])
    b = Browser(w)
    c = w.schema.control("choice")

    def submit(key, label, order, view="v1"):
        rid = next(_ids)
        result = [nblabel.results.choices(c, [label])]
        w._handle_custom_msg({"kind": protocol.SUBMIT, "id": rid, "key": key, "result": result,
                              "lead_time": 1.0, "order": order, "view": view}, [])  # fmt: skip
        return rid

    third = submit("2", "pos", 3)
    second = submit("1", "neg", 2)
    assert b.replies == [] and w.labels["choice"].isna().all()  # held: number 1 is missing
    first = submit("0", "pos", 1)
    assert [r["id"] for r, _ in b.replies] == [first, second, third]
    assert [r["at"] for r, _ in b.replies] == ["1", "2", "3"]
    journal = sorted(w.store.states(), key=lambda e: e.seq)
    assert [e.item for e in journal] == ["0", "1", "2"]
    assert w.labels["choice"].head(3).tolist() == ["pos", "neg", "pos"]
    # Another view counts on its own; a fetch is never held.
    assert b.ask(protocol.FETCH, keys=["3"])[0]["ok"]
    submit("3", "neg", 1, view="v2")
    assert b.replies[-1][0]["at"] == "4" and w.labels["choice"].iloc[3] == "neg"


def test_the_first_item_comes_with_the_widget(image_df):
    # The state that opens the widget holds the first item as a fetch reply would, with the
    # image as a binary buffer: the browser paints it without asking Python first.
    from ipywidgets.widgets.widget import _remove_buffers

    w = nblabel.ImageLabeler(image_df, image="path", choices=["a", "b"])
    state, paths, buffers = _remove_buffers(w.get_state())
    first = state["_first"]
    assert [item["key"] for item in first["items"]] == [w.current["key"]] == ["im0"]
    assert state["current"]["key"] == "im0" and state["_schema"]["objects"]
    image = first["items"][0]["objects"]["image"]
    assert ["_first", "buffers", image["buffer"]] in paths
    raw = bytes(buffers[paths.index(["_first", "buffers", image["buffer"]])])
    assert Image.open(io.BytesIO(raw)).size == (image["width"], image["height"])
    # Once the browser asks for anything it has the item: it leaves the state.
    b = Browser(w)
    reply, _ = b.ask(protocol.FETCH, keys=["im1"])
    assert reply["ok"] and w.get_state()["_first"] == {}
    # Nothing to show: nothing sent.
    empty = nblabel.TextLabeler(pd.DataFrame({"text": []}), choices=["a"])
    assert empty._first == {} and empty.current == {}
