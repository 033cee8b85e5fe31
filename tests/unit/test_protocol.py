"""protocol.json is the one contract: Python reads it, every request kind it lists has a
handler in the widget, and the traits Python fills carry only the fields it documents."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import nblabel
from nblabel.active import Model
from nblabel.core.keys import RESERVED_KEYS
from nblabel.tags import Schema
from nblabel.widgets import protocol

FILE = json.loads((Path(nblabel.__file__).with_name("protocol.json")).read_text("utf-8"))
_ids = itertools.count(1)


def ask(w, kind, **content):
    """One request as the browser sends it; the one reply to it."""
    replies = []
    w.send = lambda msg, buffers=None: replies.append((msg, buffers or []))
    rid = f"t-{next(_ids)}"
    w._handle_custom_msg({"kind": kind, "id": rid, **content}, [])
    assert [m["id"] for m, _ in replies] == [rid], f"{kind}: not answered exactly once"
    return replies[0]


def test_python_names_come_from_the_file():
    assert set(FILE["requests"]) == protocol.REQUESTS
    assert set(FILE["goto_targets"]) == protocol.GOTO_TARGETS
    assert protocol.REPLY == FILE["reply"]["kind"] == protocol.reply(1)["kind"]
    assert FILE["timeout_ms"] == protocol.TIMEOUT_MS
    named = {getattr(protocol, k.upper()) for k in FILE["requests"]}
    assert named == protocol.REQUESTS
    # The docstring shows the file's words (help(nblabel.protocol) is the reference).
    for field in ("predictions", "learning", "suggestion", "window"):
        assert f"``{field}``" in (protocol.__doc__ or "")


def test_reserved_keys_are_the_files_and_default_hotkeys_did_not_move():
    assert {k.lower() for k in FILE["keys"]["reserved"]} == RESERVED_KEYS
    s = Schema.from_shorthands(text="t", choices=[f"l{i}" for i in range(30)])
    keys = [ch.hotkey for ch in s.control("choice").choices]
    assert keys == [*"1234567890bcdhjklmnpqtvwxyz", "", "", ""]
    shortcut_keys = {k.lower() for s in FILE["keys"]["shortcuts"] for k in s["keys"]}
    assert {"s", "u", "g", "r", "?", "enter", "home"} <= shortcut_keys
    assert {"s", "u", "g", "r", "?", "enter", "home"} <= RESERVED_KEYS


def test_every_request_kind_in_the_file_has_a_handler(image_df, tmp_path):
    """Each kind does what the file says; a kind added to the file without a handler (or
    without a check here) fails this test."""
    w = nblabel.ImageLabeler(image_df, image="path", choices=["cat", "dog"], boxes=["car"],
                             store=tmp_path / "a.sqlite")  # fmt: skip
    first = w.current["key"]
    choice = nblabel.results.choices(w.schema.control("choice"), ["cat"])
    ts = nblabel.TimeSeriesLabeler(nblabel.samples.accelerometer(1, seconds=5), by="recording",
                                   x="t", channels=["ax"], ranges=["walk"],
                                   store=tmp_path / "t.sqlite")  # fmt: skip

    def fetch():
        msg, buffers = ask(w, protocol.FETCH, keys=[first])
        assert msg["items"][0]["key"] == first and buffers

    def submit():
        msg, _ = ask(w, protocol.SUBMIT, key=w.current["key"], result=[choice], lead_time=1.0)
        assert msg["ok"] and w.progress["submitted"] == 1

    def undo():
        assert ask(w, protocol.UNDO)[0]["ok"] and w.progress["submitted"] == 0

    def redo():
        assert ask(w, protocol.REDO)[0]["ok"] and w.progress["submitted"] == 1

    def goto():
        assert ask(w, protocol.GOTO, key=first)[0]["ok"] and w.current["key"] == first
        for to in protocol.GOTO_TARGETS:
            assert ask(w, protocol.GOTO, to=to)[0]["kind"] == protocol.REPLY

    def skip():
        key = w.current["key"]
        assert ask(w, protocol.SKIP, key=key, lead_time=1.0)[0]["ok"]
        assert w.store.state(key).action == "skip"

    def window():
        key = ts.current["key"]
        obj = ask(ts, protocol.FETCH, keys=[key])[0]["items"][0]["objects"]["ts"]
        msg, buffers = ask(ts, protocol.WINDOW, key=key, object="ts", start=obj["x_min"],
                           end=obj["x_min"] + 1000, width=100)  # fmt: skip
        assert msg["ok"] and msg["channels"][0]["name"] == "ax" and buffers

    def detail():
        msg, buffers = ask(w, protocol.DETAIL, key=first, object="image", x=0, y=0, width=32,
                           height=24, out_width=32, out_height=24)  # fmt: skip
        assert msg["ok"] and msg["mime"].startswith("image/") and len(buffers) == 1

    def assist():
        # Answered from a worker thread: without assist= it is refused at once.
        msg, _ = ask(w, protocol.ASSIST, key=first, object="image", control="box",
                     labels=["car"], points=[[50, 50, True]])  # fmt: skip
        assert not msg["ok"] and "no assist=" in msg["error"]

    checks = {"fetch": fetch, "submit": submit, "undo": undo, "redo": redo, "goto": goto,
              "skip": skip, "window": window, "detail": detail, "assist": assist}  # fmt: skip
    assert set(checks) == protocol.REQUESTS
    for check in checks.values():  # in this order: undo and redo follow the submit
        check()
    # A kind the file does not list gets no answer (the browser refuses to send it anyway).
    replies = []
    w.send = lambda msg, buffers=None: replies.append(msg)
    w._handle_custom_msg({"kind": "drop_table", "id": "x"}, [])
    assert replies == []


def test_traits_carry_only_documented_fields(image_df):
    traits = {"_schema", "current", "progress", "error", "_others", "_assist", "_first"}
    assert traits == set(FILE["traits"])
    value = {"x": 10, "y": 10, "width": 20, "height": 20, "rectanglelabels": ["car"]}
    box = {"from_name": "box", "to_name": "image", "type": "rectanglelabels", "score": 0.5,
           "original_width": 64, "original_height": 48, "value": value}  # fmt: skip
    df = image_df.assign(pred=[[box]] * len(image_df))
    w = nblabel.ImageLabeler(df, image="path", boxes=["car"], predictions="pred")
    assert w.current["predictions"] and set(w.current) <= set(FILE["current"])
    assert set(w.progress) <= set(FILE["progress"])
    # Alone on its store (on disk, so presence is on): the line about others says nobody.
    assert w.job.presence is not None and w._others == {"count": 0, "names": []}

    texts = pd.DataFrame({"text": [f"item {i}" for i in range(4)]})
    probs = np.array([[0.9, 0.1], [0.4, 0.6], [0.5, 0.5], [0.2, 0.8]])
    model = Model(lambda items: probs[items.index.to_numpy()], name="fixed")
    t = nblabel.TextLabeler(texts, choices=["a", "b"], model=model, cold_start=0)
    assert t.learner.wait(timeout=60)
    t.goto(0)
    assert "suggestion" in t.current and set(t.current) <= set(FILE["current"])
    assert "learning" in t.progress and set(t.progress) <= set(FILE["progress"])


@pytest.mark.parametrize("section", ["current", "progress", "traits", "requests"])
def test_every_entry_says_what_it_is(section):
    assert all(isinstance(doc, str) and doc.strip() for doc in FILE[section].values())
