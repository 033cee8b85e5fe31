"""The agreement view over several annotators per item (the store only; the Label Studio
round trip is in tests/labelstudio/test_edits_and_deletions.py)."""

from __future__ import annotations

import pandas as pd
import pytest

import nblabel


def _pulled(w: nblabel.Labeler, id: int, item: str, value: str, who: str, apply: str) -> None:
    result = [{"from_name": "choice", "to_name": "text", "type": "choices",
               "value": {"choices": [value]}}]  # fmt: skip
    w.store.add_remote_annotation(
        "http://ls/projects/1", id, item, result, annotator=who, created_at=float(id),
        updated_at=str(id), lead_time=1.0, apply=apply,
    )  # fmt: skip


def test_majority_tie_and_ours_as_sent_are_not_counted_twice(tmp_path):
    df = pd.DataFrame({"text": ["one", "two"]}, index=["a", "b"])
    w = nblabel.TextLabeler(df, text="text", choices=["pos", "neg"], store=tmp_path / "s.sqlite")
    w.goto("a")
    w.submit("pos")
    _pulled(w, 1, "a", "neg", "ann@example.com", apply="show")  # not applied: a vote
    _pulled(w, 2, "b", "neg", "ann@example.com", apply="always")
    _pulled(w, 3, "b", "neg", "bob@example.com", apply="always")
    # This store's own annotation, noted on pull as it was sent: the label in force already.
    w.store.note_remote_annotations(
        "http://ls/projects/1", [(4, "a", w.store.state("a").result, 0.0, "4", None)]
    )
    agreement = w.agreement("choice")
    assert pd.isna(agreement.loc["a", "label"])  # one each: no majority
    assert (agreement.loc["a", "annotators"], agreement.loc["a", "agreement"]) == (2, 0.5)
    assert (agreement.loc["b", "label"], agreement.loc["b", "annotators"]) == ("neg", 2)
    assert agreement.loc["b", "agreement"] == 1.0
    assert list(w.annotations_by("ann@example.com")["item"]) == ["a", "b"]
    with pytest.raises(ValueError, match="no control 'x'"):
        w.agreement("x")
