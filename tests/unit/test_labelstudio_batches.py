"""How many tasks push puts in one import request when batch_size= is not given."""

from __future__ import annotations

import pandas as pd

import nblabel
from nblabel.labelstudio.sync import BATCH_TASKS, _batch_size


def test_short_texts_go_in_large_requests_long_ones_and_images_in_small_ones(tmp_path):
    short = nblabel.TextLabeler(pd.DataFrame({"text": ["fine"] * 50}), choices=["a", "b"],
                                store=":memory:")  # fmt: skip
    assert 5_000 <= _batch_size(short.job) <= BATCH_TASKS[1]
    long = nblabel.TextLabeler(pd.DataFrame({"text": ["x" * 20_000] * 5}), choices=["a"],
                               store=":memory:")  # fmt: skip
    assert _batch_size(long.job) == BATCH_TASKS[0]
    mid = nblabel.TextLabeler(pd.DataFrame({"text": ["x" * 1_000] * 5}), choices=["a"],
                              store=":memory:")  # fmt: skip
    assert BATCH_TASKS[0] < _batch_size(mid.job) < BATCH_TASKS[1]
    images = nblabel.ImageLabeler(pd.DataFrame({"path": [str(tmp_path / "a.png")]}),
                                  image="path", choices=["a"], store=":memory:")  # fmt: skip
    assert _batch_size(images.job) == BATCH_TASKS[0]
