"""Ranking a pool from a result model's predictions (regions/spans), without the model's
own predict time: scoring every row's prediction (``confidences``) and ordering the pool.

    python benchmarks/bench_active_results.py [n_items]
"""

from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd

from nblabel.active.results import ResultLearner, confidences


def pool(n: int, seed: int = 0) -> list[object]:
    """Per row 0-3 spans with scores; a tenth of the rows as ``{"result", "score"}``."""
    rng = np.random.default_rng(seed)
    rows: list[object] = []
    for i in range(n):
        k = int(rng.integers(0, 4))
        items = [
            {"id": f"{i}-{j}", "type": "labels", "from_name": "span", "to_name": "text",
             "value": {"start": 0, "end": 3, "text": "abc", "labels": ["PER"]},
             "score": float(rng.random())}
            for j in range(k)
        ]  # fmt: skip
        rows.append({"result": items, "score": 0.5} if i % 10 == 0 else items)
    return rows


def best(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(n: int = 100_000) -> None:
    rows = pool(n)
    data = pd.DataFrame({"text": ["abc"] * n})
    for score_by in ("min", "mean"):
        t = best(lambda s=score_by: confidences(rows, s))
        print(f"confidences, score_by={score_by!r}: {t * 1000:.0f} ms for {n:,} rows")
    conf = confidences(rows)
    lr = ResultLearner(data, model=lambda items: rows, labels=["PER"], background=False,
                       cold_start=0)  # fmt: skip
    t_rank = best(lambda: lr._rank(lr._scores))
    t_part = best(lambda: np.argpartition(1.0 - np.nan_to_num(conf), n - 10_000))
    print(f"order the pool (entropy strategy): {t_rank * 1000:.1f} ms "
          f"(np.argpartition alone: {t_part * 1000:.1f} ms)")  # fmt: skip
    job = lr.history["predict_seconds"].iloc[-1]
    print(f"whole job after predict returned (check + score): {job * 1000:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
