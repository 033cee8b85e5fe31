from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from nblabel import Schema, Store
from nblabel.core.items import Items
from nblabel.core.session import Session

SCHEMA = Schema.from_shorthands(text="text", choices=["a", "b"])
R = [{"id": "r", "from_name": "choice", "to_name": "text", "type": "choices",
      "value": {"choices": ["a"]}}]  # fmt: skip


def make(n=6, store=None, **kw):
    df = pd.DataFrame({"text": [f"t{i}" for i in range(n)]}, index=range(100, 100 + n))
    return Session(Items(df, SCHEMA.objects), store or Store(":memory:"), **kw)


def test_submit_moves_to_the_next_unlabeled_and_skips_labeled_ones():
    s = make()
    s.goto_key("102")
    s.submit(R)
    s.go(1)
    s.submit(R)
    assert s.key == "103"  # 102 is labeled already
    s.go(0)
    s.submit(R)
    assert s.key == "103"


def test_skipped_items_come_round_again_only_at_the_end():
    s = make(3)
    s.skip()
    assert s.key == "101"
    s.submit(R)
    s.submit(R)
    assert s.key == "100" and s.view()["status"] == "skipped"
    s.submit(R)
    assert s.done and s.view()["done"] and s.view()["nav"]["next_unlabeled"] is None


def test_resume_starts_on_the_first_unlabeled(tmp_path):
    store = Store(tmp_path / "j.sqlite")
    s = make(store=store)
    s.submit(R)
    s.submit(R)
    again = make(store=Store(tmp_path / "j.sqlite"))
    assert again.key == "102"
    assert again.progress()["submitted"] == 2


def test_undo_and_redo_walk_back_and_forth():
    s = make()
    s.submit(R)
    s.skip()
    assert s.key == "102"
    assert s.undo() == "101" and s.key == "101" and s.view()["status"] == "new"
    assert s.undo() == "100" and s.view()["status"] == "new"
    with pytest.raises(LookupError):
        s.undo()
    assert s.redo() == "100" and s.key == "101"
    assert s.redo() == "101" and s.key == "102"
    with pytest.raises(LookupError):
        s.redo()
    assert s.progress()["submitted"] == 1 and s.progress()["skipped"] == 1


def test_a_new_action_clears_redo():
    s = make()
    s.submit(R)
    s.undo()
    s.submit(R)
    assert not s.can_redo


def test_view_is_bounded_and_names_the_neighbours():
    s = make(1000, prefetch=4)
    v = s.view()
    assert v["key"] == "100" and v["index"] == 0
    assert v["nav"] == {"prev": None, "next": "101", "next_unlabeled": "101",
                        "first_unlabeled": "100"}  # fmt: skip
    assert v["prefetch"] == ["101", "102", "103", "104"]
    s.step(1)
    assert s.view()["nav"]["prev"] == "100"
    s.step(-5)
    assert s.key == "100"


def test_custom_order_is_followed():
    s = make(5)
    s.set_order(np.array([4, 2, 0, 1, 3]))
    assert s.key == "100"  # stays on the item it showed
    s.go(0)
    s.submit(R)
    assert s.key == "102"
    with pytest.raises(ValueError):
        s.set_order(np.array([0, 0, 1, 2, 3]))


def test_lead_time_defaults_to_time_on_screen():
    s = make()
    s.submit(R)
    ev = s.store.state("100")
    assert ev is not None and 0 <= ev.lead_time < 5
    s.submit(R, lead_time=3.25)
    assert s.store.state("101").lead_time == 3.25


def test_empty_data():
    s = make(0)
    assert s.view() == {} and s.progress()["total"] == 0


def test_labels_per_minute_counts_this_sessions_submits():
    s = make()
    for _ in range(3):
        s.submit(R)
    assert s.progress()["per_minute"] == pytest.approx(6.0)


def test_reload_picks_up_labels_written_elsewhere(tmp_path):
    store = Store(tmp_path / "j.sqlite")
    s = make(store=store)
    other = Store(tmp_path / "j.sqlite")  # e.g. a pull from Label Studio
    other.submit("100", R)
    other.skip("101")
    assert s.progress()["submitted"] == 0
    s.reload(["100", "101", "not-an-item"])
    assert s.progress()["submitted"] == 1 and s.progress()["skipped"] == 1
    assert s.next_unlabeled(0) == 2


def test_undo_after_a_restart_reverts_the_previous_sessions_submits_newest_first(tmp_path):
    path = tmp_path / "j.sqlite"
    before = make(store=Store(path), annotator="ann")
    before.submit(R)
    before.skip()
    before.submit(R)
    assert before.key == "103"

    after = make(store=Store(path), annotator="ann")  # a new kernel, the same store
    assert after.key == "103" and after.view()["can_undo"]
    assert after.undo() == "102" and after.view()["status"] == "new"
    assert after.undo() == "101" and after.view()["status"] == "new"
    assert after.undo() == "100" and not after.can_undo
    assert after.redo() == "100" and Store(path).state("100").action == "submit"


def test_restored_undo_leaves_others_labels_and_replaced_ones_alone(tmp_path):
    path = tmp_path / "j.sqlite"
    store = Store(path)
    mine = make(store=store, annotator="ann")
    mine.submit(R)  # 100
    mine.submit(R)  # 101, relabeled below by someone else
    store.submit("102", R, annotator="bob")
    store.submit("101", R, annotator="bob")
    store.submit("999", R, annotator="ann")  # an item no longer in the data

    again = make(store=Store(path), annotator="ann")
    assert again.undo() == "100"  # not 101 (bob's labels are in force), not 999
    assert not again.can_undo
    assert Store(path).state("101").annotator == "bob"
    assert not make(store=Store(path), annotator="carol").can_undo
