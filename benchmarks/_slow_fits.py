"""Fits for bench_active.py, in a module so that a worker process can import them."""

from __future__ import annotations

import time

import numpy as np
import pandas as pd


class Constant:
    def __call__(self, items: pd.DataFrame) -> np.ndarray:
        return np.full((len(items), 2), 0.5)


def pure_python_fit(labeled: pd.DataFrame) -> Constant:
    # Worst case for a thread: pure Python holds the GIL for the whole 2 s.
    t0, x = time.perf_counter(), 0
    while time.perf_counter() - t0 < 2.0:
        x += 1
    return Constant()


def numpy_fit(labeled: pd.DataFrame) -> Constant:
    a = np.random.default_rng(0).random((400, 400))
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < 2.0:
        a = np.tanh(a @ a / 400)  # BLAS and ufuncs release the GIL
    return Constant()


def sklearn_fit(labeled: pd.DataFrame) -> Constant:
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(0)
    x = rng.normal(size=(20_000, 50))
    y = (x[:, :5].sum(axis=1) > 0).astype(int) + (x[:, 5] > 1)
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < 2.0:  # refit until 2 s have passed
        LogisticRegression(max_iter=200).fit(x, y)
    return Constant()
