"""The map: label efficiency of lasso + bulk label, then active learning (issue 20).

Decisions to reach 90 % holdout accuracy on scikit-learn's digits (the pixels are the
fixed embedding, and the model's features), for: random order, active learning alone
(entropy, the settings of ``bench_active.py``), and the map first, then active learning.

The simulated user on the map is honest and sees only what the widget shows:

- the map is nblabel's own 2-D projection of the embedding (PCA, and UMAP when umap-learn
  is installed), made by ``nblabel.core.coords.map_coords``;
- the user works with the map widget itself (``nblabel.Map`` over the job, no browser):
  a lasso is one cluster of a k-means (``K`` clusters) on the 2-D coordinates, the
  biggest grey (unlabeled) one first (``m.select``); then **Core** (``m.core``, the
  ``c`` key) keeps its densest ``CORE`` share: the fringe, where two blobs meet, is left
  out of the bulk label (to the model, or to be labeled one by one);
- the strip shows ``STRIP`` items of the selection (``m.shown``: the widget's own random
  sample); the user reads the true labels of its unlabeled items there and nothing else;
- when at least ``TRUST`` of them share their majority label, the user presses that
  label's key (one decision: ``m.label``, a bulk label), then corrects each item of the
  strip that is wrong (one decision each: open it, press its key); otherwise the cluster
  is left (looking costs no decision here; the count of such glances is printed);
- wrong labels the strip did not show stay: that is the bulk step's noise (wrong labels
  left in the store by bulk labels / items they labeled);
- the user stops lassoing once the model reaches the target, or when every cluster was
  tried;
- then the active learner continues item by item (``Learning`` attached to the same job,
  entropy, refitted after every label, cold start 3), the user answering with the true
  label, until the model reaches 90 % on the held-out quarter.

Every label goes through a real ``nblabel.Job`` (store, journal, undo stack) with the
learner attached as it is to a labeler.

    python benchmarks/bench_map.py             # PCA and (if installed) UMAP, K=12, 5 seeds
    python benchmarks/bench_map.py sensitivity # K, CORE and TRUST varied (PCA and UMAP)
    python benchmarks/bench_map.py map 50.0    # the map runs only, against a known mean of
                                               # active learning alone (it takes minutes)
    python benchmarks/bench_map.py sensitivity 50.0 umap
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from bench_active import COLD_START, RETRAIN_EVERY, TARGET, digits_split, simulate

SEEDS = range(5)
K = 12
STRIP = 24  # nblabel.map's default strip size
TRUST = 0.9  # share of the strip that must agree before the user bulk-labels
CORE = 0.7  # the Core button's share (nblabel.core.coords.CORE_SHARE); 1: no core
MAX_AL = 600


@dataclass
class Run:
    decisions: int | None  # to reach the target (None: not within MAX_AL)
    bulk_decisions: int
    corrections: int
    al_labels: int
    bulk_items: int
    noisy: int
    glances: int
    clusters_labeled: int


def map_then_active(
    seed: int, method: str, *, k: int = K, trust: float = TRUST, core: float = CORE
) -> Run:
    from sklearn.cluster import KMeans
    from sklearn.linear_model import LogisticRegression

    from nblabel import Job, Map, Schema, Store
    from nblabel.active.attach import Learning
    from nblabel.core.coords import map_coords

    pool, test = digits_split(seed)
    truth = pool["y"].to_numpy()
    schema = Schema.from_shorthands(text="text", choices=[str(d) for d in range(10)])
    # nblabel's cache next to a store: one projection per seed and method, however many
    # settings are tried on it.
    cache = Path(tempfile.gettempdir()) / f"nblabel-bench-map-digits-{seed}"
    xy = map_coords(pool, embedding="x", method=method, seed=seed, cache=cache).xy
    data = pool.assign(text=[f"digit {i}" for i in range(len(pool))], mx=xy[:, 0], my=xy[:, 1])
    job = Job(data, schema, store=Store(":memory:"))
    learning = Learning(
        job, LogisticRegression(max_iter=1000), features="x", strategy="entropy",
        retrain_every=RETRAIN_EVERY, cold_start=COLD_START, holdout=test.assign(label=test["y"]),
        cv=0, seed=seed, background=False,
    )  # fmt: skip
    job.attach(learning)
    learning.ready = True
    learner = learning.learner
    # The map widget itself (no browser): its selection, its dense core, its strip's
    # sample (m.shown) and its bulk label are what the simulated user uses.
    m = Map(job, coords=("mx", "my"), strip=STRIP, seed=seed)

    def reached() -> bool:
        h = learner.history
        return bool(len(h)) and bool((h["metric"] >= TARGET).any())

    clusters = KMeans(n_clusters=k, n_init=4, random_state=seed).fit_predict(xy)
    bulk_decisions = corrections = glances = labeled_clusters = bulk_items = 0
    bulk_label: dict[int, str] = {}
    tried: set[int] = set()
    while not reached():
        # The biggest grey (unlabeled) blob of the map coloured by label, not tried yet.
        unlabeled = np.bincount(clusters[job.session.status == 0], minlength=k)
        unlabeled[list(tried)] = 0
        if not unlabeled.max():
            break
        c = int(np.argmax(unlabeled))
        tried.add(c)
        m.select(np.flatnonzero(clusters == c).tolist())  # the lasso around the blob
        if core < 1:
            m.core(core)  # its dense core (the Core button)
        shown = np.asarray(m.shown, dtype=np.int64)
        fresh = shown[job.session.status[shown] == 0]  # the strip's unlabeled items
        glances += 1
        if not len(fresh):
            continue
        values, counts = np.unique(truth[fresh], return_counts=True)
        majority, agree = values[np.argmax(counts)], counts.max() / len(fresh)
        if agree < trust:
            continue
        bulk = m.label(majority)
        bulk_decisions += 1
        labeled_clusters += 1
        labeled = [int(p) for p in bulk.labeled]
        bulk_items += len(labeled)
        bulk_label.update(dict.fromkeys(labeled, majority))
        for p in fresh:
            if truth[p] != majority:  # seen wrong in the strip: corrected by hand
                job.goto(int(p))
                job.submit(truth[p])
                corrections += 1
                bulk_label.pop(int(p))
    noisy = sum(1 for p, lab in bulk_label.items() if truth[p] != lab)
    al = 0
    while not reached() and al < MAX_AL:
        key = job.session.key
        job.submit(truth[job.items.pos(key)])
        al += 1
    done = bulk_decisions + corrections + al
    m.close()
    job.close()
    return Run(
        done if reached() else None, bulk_decisions, corrections, al, bulk_items, noisy,
        glances, labeled_clusters,
    )  # fmt: skip


def methods() -> list[str]:
    try:
        import umap  # noqa: F401
    except ImportError:
        return ["pca"]
    return ["pca", "umap"]


def efficiency(al_alone: float | None = None) -> None:
    from threadpoolctl import threadpool_limits

    print(
        f"decisions to reach {TARGET:.0%} holdout accuracy on digits, seeds {list(SEEDS)} "
        f"(LogisticRegression(max_iter=1000) refitted after every label, cold_start="
        f"{COLD_START}); map: k-means K={K} on the 2-D map, the dense core ({CORE:.0%}) of each "
        f"cluster, strip of {STRIP}, bulk label when >= {TRUST:.0%} of the strip agree"
    )
    with threadpool_limits(1):
        if al_alone is None:
            t0 = time.perf_counter()
            base = {s: [simulate(s, seed)[0] for seed in SEEDS] for s in ("random", "entropy")}
            print(f"  {'random':>22}: {base['random']}  mean {_mean(base['random']):6.1f}")
            al_alone = _mean(base["entropy"])
            took = time.perf_counter() - t0
            print(f"  {'active learning':>22}: {base['entropy']}  mean {al_alone:6.1f}   "
                  f"({took:.0f} s)")  # fmt: skip
        else:
            print(f"  {'active learning':>22}: mean {al_alone:6.1f} (given)")
        for method in methods():
            t0 = time.perf_counter()
            runs = [map_then_active(seed, method) for seed in SEEDS]
            report(f"map ({method}) + AL", runs, al_alone, t0)


def report(name: str, runs: list[Run], al_alone: float, t0: float) -> None:
    decisions = [r.decisions for r in runs]
    noise = sum(r.noisy for r in runs) / max(1, sum(r.bulk_items for r in runs))
    mean = _mean(decisions)
    print(f"  {name:>22}: {decisions}  mean {mean:6.1f}  = {mean / al_alone:.2f}x AL alone "
          f"(target <= 0.33x)   ({time.perf_counter() - t0:.0f} s)")  # fmt: skip
    print(f"  {'':>22}  bulk-label noise {noise:.1%} (target <= 2%): "
          f"{sum(r.noisy for r in runs)} wrong of {sum(r.bulk_items for r in runs)} "
          "bulk-labeled items")  # fmt: skip
    for seed, r in zip(SEEDS, runs, strict=True):
        print(f"  {'':>22}  seed {seed}: {r.bulk_decisions} bulk labels "
              f"({r.clusters_labeled} of {r.glances} clusters looked at, {r.bulk_items} items) + "
              f"{r.corrections} corrections + {r.al_labels} AL labels; noise "
              f"{r.noisy / max(1, r.bulk_items):.1%}")  # fmt: skip


def sensitivity(al_alone: float | None = None, only: str | None = None) -> None:
    """The same with other cluster counts, cores and trust thresholds (means over the
    seeds)."""
    from threadpoolctl import threadpool_limits

    settings = [(10, TRUST, CORE), (20, TRUST, CORE), (30, TRUST, CORE), (K, TRUST, 1.0),
                (20, TRUST, 1.0), (K, TRUST, 0.5), (K, 0.8, CORE), (K, 1.0, CORE)]  # fmt: skip
    with threadpool_limits(1):
        if al_alone is None:
            al_alone = _mean([simulate("entropy", seed)[0] for seed in SEEDS])
        print(f"active learning alone: mean {al_alone:.1f} decisions; the map with other settings "
              f"(K={K}, core={CORE:.0%}, trust={TRUST:.0%} is the main run):")  # fmt: skip
        for method in [only] if only else methods():
            for k, trust, core in settings:
                runs = [map_then_active(seed, method, k=k, trust=trust, core=core)
                        for seed in SEEDS]  # fmt: skip
                mean = _mean([r.decisions for r in runs])
                noise = sum(r.noisy for r in runs) / max(1, sum(r.bulk_items for r in runs))
                print(f"  {method:>5} K={k:<3} core={core:.0%} trust={trust:.0%}: "
                      f"{[r.decisions for r in runs]} "
                      f"mean {mean:6.1f} decisions ({mean / al_alone:.2f}x), "
                      f"noise {noise:.1%}", flush=True)  # fmt: skip


def _mean(values: list[int | None]) -> float:
    ok = [v for v in values if v is not None]
    return float(np.mean(ok)) if ok else float("nan")


def main() -> None:
    which = sys.argv[1:] or ["efficiency"]
    if "efficiency" in which:
        efficiency()
    if which[0] == "map":
        efficiency(float(which[1]))
    if which[0] == "sensitivity":
        # sensitivity [AL-alone mean] [method]
        given = float(which[1]) if len(which) > 1 else None
        sensitivity(given, which[2] if len(which) > 2 else None)


if __name__ == "__main__":
    pd.set_option("display.width", 120)
    main()
