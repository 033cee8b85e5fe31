"""Opening a labeler over a 1,000,000-row DataFrame: time and memory above the frame.

Target (spine issue): < 1 s and < 100 MB above the DataFrame itself.

    python benchmarks/bench_open_million.py
"""

from __future__ import annotations

import gc
import os
import tempfile
import time
import tracemalloc

import numpy as np
import pandas as pd

import nblabel

N = 1_000_000


def rss_mb() -> float:
    with open(f"/proc/{os.getpid()}/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def measure(name: str, make_df, **kwargs) -> None:
    df = make_df()
    gc.collect()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        # Warm the imports and anywidget's class set-up once, on a tiny frame.
        nblabel.Labeler(df.head(3), job="warm", **kwargs).close()
        gc.collect()
        rss0 = rss_mb()
        tracemalloc.start()
        t0 = time.perf_counter()
        w = nblabel.Labeler(df, **kwargs)
        opened = time.perf_counter() - t0
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss1 = rss_mb()
        t0 = time.perf_counter()
        w.submit(w.schema.controls[0].values[0])
        submit = time.perf_counter() - t0
        t0 = time.perf_counter()
        labels = w.labels
        labels_s = time.perf_counter() - t0
        assert len(labels) == N and labels.iloc[0].notna().any()
        w.close()
        os.chdir("/")
    print(
        f"{name:<34} open {opened * 1000:7.1f} ms   python peak {peak / 2**20:6.1f} MB   "
        f"RSS +{rss1 - rss0:6.1f} MB   first submit {submit * 1000:5.1f} ms   "
        f"labels frame {labels_s * 1000:6.1f} ms"
    )


def main() -> None:
    rng = np.random.default_rng(0)
    words = np.array(["good", "bad", "fine", "awful", "great", "meh"])
    print(f"1,000,000 rows; pandas {pd.__version__}")
    measure(
        "text, RangeIndex",
        lambda: pd.DataFrame({"text": words[rng.integers(0, 6, N)]}),
        text="text",
        choices=["pos", "neg"],
    )
    measure(
        "image paths, string ids",
        lambda: pd.DataFrame(
            {"path": [f"/data/img_{i:07d}.jpg" for i in range(N)]},
            index=pd.Index([f"id-{i}" for i in range(N)]),
        ),
        image="path",
        choices=["cat", "dog"],
    )


if __name__ == "__main__":
    main()
