"""The browser's smart-tool prompts (issue #19): the ``assist`` request runs the callable on a
worker thread (on the message thread once known fast), a newer prompt on an item supersedes
an older one (whose answer is never shown), a callable past the timeout is reported, and a
failing one leaves labeling going."""

from __future__ import annotations

import threading
import time
from typing import Any

import numpy as np
import pandas as pd
import pytest

import nblabel
from nblabel.core.asker import Asker, Outcome
from nblabel.tags.rle import encode_mask


class Replies:
    """What the widget sends to the browser, waited for by request id."""

    def __init__(self, w: Any) -> None:
        self.sent: list[tuple[dict[str, Any], list[bytes]]] = []
        self.cond = threading.Condition()
        w.send = self.send

    def send(self, msg: dict[str, Any], buffers: Any = None) -> None:
        with self.cond:
            self.sent.append((msg, list(buffers or [])))
            self.cond.notify_all()

    def wait(self, rid: str, timeout: float = 10) -> tuple[dict[str, Any], list[bytes]]:
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for msg, buffers in self.sent:
                    if msg.get("id") == rid:
                        return msg, buffers
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no reply to {rid!r}; sent: {self.sent}")
                self.cond.wait(left)


def _image() -> np.ndarray:
    img = np.full((48, 64, 3), 230, np.uint8)
    img[12:36, 16:48] = (200, 30, 30)
    return img


def _box(x: float = 25, w: float = 50) -> dict[str, Any]:
    value = {"x": x, "y": 25, "width": w, "height": 50, "rectanglelabels": ["car"]}
    return {"from_name": "box", "to_name": "image", "type": "rectanglelabels",
            "original_width": 64, "original_height": 48, "value": value}  # fmt: skip


def _click(rid: str, x: float = 50, y: float = 50, **more: Any) -> dict[str, Any]:
    return {"kind": "assist", "id": rid, "key": "0", "object": "image", "control": "box",
            "labels": ["car"], "points": [[x, y, True]], **more}  # fmt: skip


def _labeler(assist: Any, **kw: Any) -> nblabel.Labeler:
    df = pd.DataFrame({"image": [_image(), _image()]})
    return nblabel.ImageLabeler(df, boxes=["car"], store=":memory:", assist=assist, **kw)


# -- the runner alone ---------------------------------------------------------------------------
def _collect() -> tuple[list[tuple[str, Outcome]], Any]:
    got: list[tuple[str, Outcome]] = []
    done = threading.Event()

    def deliver(name: str) -> Any:
        def one(outcome: Outcome) -> None:
            got.append((name, outcome))
            done.set()

        return one

    return got, deliver


def _until(cond: Any, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def test_a_newer_prompt_supersedes_the_running_and_the_waiting_one_at_once() -> None:
    release = threading.Event()
    calls: list[str] = []

    def run(payload: str) -> str:
        calls.append(payload)
        if payload == "first":
            release.wait(5)
        return payload.upper()

    asker = Asker(run, timeout=10)
    got, deliver = _collect()
    asker.ask("a", "first", deliver("first"))
    _until(lambda: calls == ["first"])
    asker.ask("a", "second", deliver("second"))
    asker.ask("a", "third", deliver("third"))
    # Both older prompts are answered "superseded" before the running call even ends.
    assert [(n, o.kind) for n, o in got] == [("first", "superseded"), ("second", "superseded")]
    release.set()
    _until(lambda: len(got) == 3)
    assert got[2][0] == "third" and got[2][1].kind == "answer" and got[2][1].value == "THIRD"
    # The waiting "second" never ran: no queue of stale prompts.
    assert calls == ["first", "third"]
    assert not asker.busy("a")


def test_prompts_of_other_items_do_not_supersede_each_other() -> None:
    asker = Asker(lambda p: p, timeout=10)
    got, deliver = _collect()
    asker.ask("a", 1, deliver("a"))
    asker.ask("b", 2, deliver("b"))
    _until(lambda: len(got) == 2)
    assert sorted((n, o.kind, o.value) for n, o in got) == [("a", "answer", 1), ("b", "answer", 2)]


def test_a_call_past_the_timeout_is_answered_timeout_and_the_next_prompt_runs() -> None:
    release = threading.Event()

    def run(payload: str) -> str:
        if payload == "slow":
            release.wait(5)
        return payload

    asker = Asker(run, timeout=0.2)
    got, deliver = _collect()
    asker.ask("a", "slow", deliver("slow"))
    _until(lambda: len(got) == 1)
    assert got[0][0] == "slow" and got[0][1].kind == "timeout"
    # The stuck call does not hold the item's next prompt up.
    asker.ask("a", "fast", deliver("fast"))
    _until(lambda: len(got) == 2)
    assert got[1][0] == "fast" and got[1][1].value == "fast"
    release.set()  # the abandoned call ends: its answer goes nowhere
    time.sleep(0.1)
    assert len(got) == 2


def test_a_superseded_call_past_the_timeout_lets_the_newer_prompt_start() -> None:
    release = threading.Event()
    started: list[str] = []

    def run(payload: str) -> str:
        started.append(payload)
        if payload == "stuck":
            release.wait(5)
        return payload

    asker = Asker(run, timeout=0.2)
    got, deliver = _collect()
    asker.ask("a", "stuck", deliver("stuck"))
    _until(lambda: started == ["stuck"])
    asker.ask("a", "new", deliver("new"))
    _until(lambda: len(got) == 2)
    assert [(n, o.kind) for n, o in got] == [("stuck", "superseded"), ("new", "answer")]
    release.set()


def test_a_raising_call_is_an_error_outcome_and_the_timeout_must_be_positive() -> None:
    asker = Asker(lambda p: 1 / 0, timeout=5)
    got, deliver = _collect()
    asker.ask("a", None, deliver("x"))
    _until(lambda: len(got) == 1)
    assert got[0][1].kind == "error" and isinstance(got[0][1].value, ZeroDivisionError)
    with pytest.raises(ValueError, match="positive number of seconds"):
        Asker(lambda p: p, timeout=0)


def test_a_call_known_to_be_fast_runs_on_the_callers_thread() -> None:
    threads: list[str] = []

    def run(payload: str) -> str:
        threads.append(threading.current_thread().name)
        return payload

    asker = Asker(run, timeout=10, inline_seconds=1.0)
    got, deliver = _collect()
    here = threading.current_thread().name
    # The first call under a warm key goes to a worker: nothing says yet that it is fast.
    asker.ask("a", "first", deliver("first"), warm=("a", "image"))
    _until(lambda: len(got) == 1)
    assert threads[0] != here
    # Known fast now: answered before ask returns, on this thread.
    asker.ask("a", "second", deliver("second"), warm=("a", "image"))
    assert [(n, o.kind, o.value) for n, o in got[1:]] == [("second", "answer", "second")]
    assert threads[1] == here and not asker.busy("a")
    # Another object of the item, no warm key, or inline answers turned off: a worker.
    asker.ask("a", "other", deliver("other"), warm=("a", "page2"))
    asker.ask("a", "across", deliver("across"))
    _until(lambda: len(got) == 4)
    off = Asker(run, timeout=10, inline_seconds=0)
    off.ask("a", "x", deliver("x"), warm="w")
    _until(lambda: len(got) == 5)
    off.ask("a", "y", deliver("y"), warm="w")
    _until(lambda: len(got) == 6)
    assert here not in threads[2:]


def test_a_call_that_turned_slow_sends_the_next_prompts_to_a_worker() -> None:
    threads: list[str] = []

    def run(payload: str) -> str:
        threads.append(threading.current_thread().name)
        if payload == "slow":
            time.sleep(0.3)  # past inline_seconds
        return payload

    asker = Asker(run, timeout=10, inline_seconds=0.15)
    got, deliver = _collect()
    here = threading.current_thread().name
    for name in ("warm-up", "fast", "slow", "next"):
        asker.ask("a", name, deliver(name), warm="a")
        _until(lambda n=name: any(g == n for g, _ in got))
    # The slow call was known fast and held the caller once; the one after it is not.
    assert threads[1:] == [here, here, threads[3]] and threads[3] != here
    assert [o.value for _, o in got] == ["warm-up", "fast", "slow", "next"]


# -- through the widget ---------------------------------------------------------------------------
def test_the_request_runs_off_the_message_thread_and_answers_predictions() -> None:
    threads: list[str] = []

    def assist(item: Any, prompt: Any) -> list[dict[str, Any]]:
        threads.append(threading.current_thread().name)
        assert [(p.x, p.y, p.positive) for p in prompt.points] == [(50, 50, True)]
        return [_box()]

    w = _labeler(assist)
    # The browser offers the smart tools, and asks a model this fast on a click's press.
    assert w._assist == {"on": True, "timeout": 30.0, "fast": 0.05}
    replies = Replies(w)
    w._handle_custom_msg(_click("r1"), [])
    msg, _ = replies.wait("r1")
    assert msg["ok"] and not msg["superseded"] and msg["problems"] == []
    [pred] = msg["predictions"]
    assert pred["origin"] == "prediction" and pred["value"]["rectanglelabels"] == ["car"]
    assert threads and threads[0] != threading.current_thread().name
    # Kept as the item's predictions: Python's view of the item draws them too.
    assert [p["id"] for p in w.job.assisted["0"]] == [pred["id"]]
    assert w.errors.empty


def test_a_fast_models_next_click_is_answered_before_the_message_handler_returns() -> None:
    threads: list[str] = []

    def assist(item: Any, prompt: Any) -> list[dict[str, Any]]:
        threads.append(threading.current_thread().name)
        return [_box()]

    w = _labeler(assist)
    w._asker.inline_seconds = 5.0  # "fast" whatever the machine's load
    replies = Replies(w)
    w._handle_custom_msg(_click("c1"), [])
    replies.wait("c1")
    # The second click on the item: the answer is sent on the message thread itself, so it
    # leaves before the kernel's "idle" with no thread to start or hand over to.
    w._handle_custom_msg(_click("c2", x=60), [])
    assert [m.get("id") for m, _ in replies.sent] == ["c1", "c2"]
    msg = replies.sent[1][0]
    assert msg["ok"] and not msg["superseded"] and len(msg["predictions"]) == 1
    assert threads[1] == threading.current_thread().name != threads[0]
    # Another item's first click is not known fast: a worker again.
    w._handle_custom_msg({**_click("c3"), "key": "1"}, [])
    replies.wait("c3")
    assert threads[2] != threading.current_thread().name
    # The reply's seconds are the callable's own (a zero-time one here), a number.
    assert isinstance(msg["seconds"], float) and msg["seconds"] >= 0


def test_a_brush_answer_travels_as_the_bits_of_its_box_at_the_display_size() -> None:
    w = nblabel.ImageLabeler(pd.DataFrame({"image": [_image()]}), masks=["fruit"],
                             store=":memory:", assist="default")  # fmt: skip
    replies = Replies(w)
    w._handle_custom_msg({**_click("m1"), "control": "mask", "labels": ["fruit"]}, [])
    msg, buffers = replies.wait("m1")
    [pred] = msg["predictions"]
    value = pred["value"]
    assert value["format"] == "bits" and (value["width"], value["height"]) == (64, 48)
    assert value["brushlabels"] == ["fruit"] and "rle" not in value
    # Only the mask's bounding box travels: [top, left, rows, cols] of the display copy.
    top, left, rows, cols = value["box"]
    assert (top, left, rows, cols) == (12, 16, 24, 32)
    raw = buffers[value["buffer"]]
    assert len(raw) == rows * cols // 8
    bits = np.unpackbits(np.frombuffer(raw, np.uint8))[: rows * cols]
    mask = np.zeros((48, 64), bool)
    mask[top : top + rows, left : left + cols] = bits.reshape(rows, cols).astype(bool)
    expected = np.zeros((48, 64), bool)
    expected[12:36, 16:48] = True
    assert (mask == expected).all()


def test_an_odd_shaped_mask_answer_travels_as_the_bits_of_its_box() -> None:
    shape = np.zeros((48, 64), bool)
    shape[5, 40:43] = True  # an L: a short top row, then a column further left
    shape[6:20, 10] = True

    def assist(item: Any, prompt: Any) -> list[dict[str, Any]]:
        value = {"format": "rle", "rle": encode_mask(shape), "brushlabels": ["fruit"]}
        return [{"from_name": "mask", "to_name": "image", "type": "brushlabels",
                 "original_width": 64, "original_height": 48, "value": value}]  # fmt: skip

    w = nblabel.ImageLabeler(pd.DataFrame({"image": [_image()]}), masks=["fruit"],
                             store=":memory:", assist=assist)  # fmt: skip
    replies = Replies(w)
    w._handle_custom_msg({**_click("l1"), "control": "mask", "labels": ["fruit"]}, [])
    msg, buffers = replies.wait("l1")
    value = msg["predictions"][0]["value"]
    top, left, rows, cols = value["box"]
    assert (top, left, rows, cols) == (5, 10, 15, 33)
    bits = np.unpackbits(np.frombuffer(buffers[value["buffer"]], np.uint8))[: rows * cols]
    got = np.zeros((48, 64), bool)
    got[top : top + rows, left : left + cols] = bits.reshape(rows, cols).astype(bool)
    assert (got == shape).all()


def test_a_slow_answer_overtaken_by_a_newer_click_is_never_shown() -> None:
    release = threading.Event()

    def assist(item: Any, prompt: Any) -> list[dict[str, Any]]:
        if prompt.points[0].x < 30:
            release.wait(5)  # the first click's model is slow
            return [_box(x=5, w=10)]
        return [_box(x=60, w=20)]

    w = _labeler(assist)
    replies = Replies(w)
    w._handle_custom_msg(_click("old", x=20), [])
    w._handle_custom_msg(_click("new", x=70), [])
    old, _ = replies.wait("old")
    assert old["ok"] and old["superseded"] and old["predictions"] == []
    release.set()
    new, _ = replies.wait("new")
    assert [p["value"]["x"] for p in new["predictions"]] == [60]
    time.sleep(0.2)  # the slow call has ended by now: its answer went nowhere
    assert [p["value"]["x"] for p in w.job.assisted["0"]] == [60]
    assert [m.get("id") for m, _ in replies.sent if m.get("kind") == "reply"] == ["old", "new"]


def test_a_callable_past_the_timeout_says_so_in_the_widget_and_errors() -> None:
    release = threading.Event()
    w = _labeler(lambda item, prompt: release.wait(5) and [_box()], assist_timeout=0.3)
    replies = Replies(w)
    w._handle_custom_msg(_click("t1"), [])
    msg, _ = replies.wait("t1")
    assert not msg["ok"] and "longer than 0.3 s" in msg["error"]
    assert "assist_timeout=" in w.error and "item '0'" in w.error
    assert "longer than 0.3 s" in w.errors["message"].iloc[-1]
    release.set()
    # Labeling goes on: a submit still works.
    w.submit(result=[_box()])
    assert w.annotations["label"].tolist() == ["car"]


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        (RuntimeError("no GPU"), "assist raised RuntimeError: no GPU"),
        (None, "assist returned None"),
        ([], "assist found nothing for this prompt"),
        ("a string", "must return a list of Label Studio result items"),
        ([_box(x=90, w=50)], "assist answer dropped"),
    ],
)
def test_a_failing_answer_is_named_and_nothing_drawn_is_lost(answer: Any, says: str) -> None:
    def assist(item: Any, prompt: Any) -> Any:
        if isinstance(answer, Exception):
            raise answer
        return answer

    w = _labeler(assist)
    w.submit(result=[_box()])  # item 0 labeled
    w.goto("0")
    replies = Replies(w)
    w._handle_custom_msg(_click("f1"), [])
    msg, _ = replies.wait("f1")
    assert msg["ok"] and msg["predictions"] == []
    assert any(says in p for p in msg["problems"]), msg["problems"]
    assert says in w.error and "item '0'" in w.error
    assert says in " ".join(w.errors["message"])
    # What was labeled stays.
    assert w.annotations["label"].tolist() == ["car"]


def test_bad_prompts_are_refused_at_once_with_the_reason() -> None:
    w = _labeler(lambda item, prompt: [])
    replies = Replies(w)
    w._handle_custom_msg({**_click("b1"), "control": "nope"}, [])
    assert "no control 'nope'" in replies.wait("b1")[0]["error"]
    w._handle_custom_msg({**_click("b2"), "key": "missing"}, [])
    assert not replies.wait("b2")[0]["ok"]
    plain = nblabel.ImageLabeler(pd.DataFrame({"image": [_image()]}), boxes=["car"],
                                 store=":memory:")  # fmt: skip
    assert plain._assist == {}
    replies = Replies(plain)
    plain._handle_custom_msg(_click("b3"), [])
    assert "no assist=" in replies.wait("b3")[0]["error"]
