"""A team labeling one Label Studio project at once: each labeler a separate process
(``python -m tests.support.team``) with a live labeler over the project (no browser), and
the checks that nothing was lost or doubled. Used by ``tests/labelstudio/test_team.py``
and ``benchmarks/bench_team_load.py``.

A labeler process reads the API key from ``$NBLABEL_TEAM_KEY`` (never its command line),
labels ``--submits`` items in an order of its own (shuffled with ``--seed``: a team
spreads over the project), sleeps ``--pace`` seconds (+-50 % jitter) between submits, waits
until everything reached the server, and writes what it did as JSON to ``--out``: every
submit (item, label, wall time), its conflicts, and how many HTTP requests it made.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

LABELS = ("pos", "neg")


def main(argv: list[str] | None = None) -> None:
    import nblabel
    import nblabel.labelstudio as nls

    p = argparse.ArgumentParser()
    p.add_argument("--url", required=True)
    p.add_argument("--project", type=int, required=True)
    p.add_argument("--store", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--submits", type=int, default=20)
    p.add_argument("--pace", type=float, default=1.0)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--poll", type=float, default=5.0)
    p.add_argument("--flush", type=float, default=600.0)
    args = p.parse_args(argv)

    ls = nls.connect(args.url, api_key=os.environ["NBLABEL_TEAM_KEY"], timeout=30)
    ls.max_backoff = 2.0  # a restarted server is found again within seconds
    requests: Counter[str] = Counter()

    def count(request: Any) -> None:
        requests[f"{request.method} {re.sub(r'/[0-9]+', '/<id>', request.url.path)}"] += 1

    # The connection's own HTTP client: every request the live sync makes goes through it.
    ls._http.event_hooks["request"].append(count)
    w = nblabel.Labeler.from_labelstudio(ls, project=args.project, store=args.store, poll=args.poll)
    opened = sum(requests.values())
    Path(args.out + ".started").touch()
    rng = random.Random(args.seed)
    order = list(range(len(w.items)))
    rng.shuffle(order)
    w.session.set_order(np.asarray(order))
    first = w.session.first_unlabeled()
    if first is not None:
        w.session.go(first)
    submits = []
    for _ in range(args.submits):
        key = w.session.key
        if key is None or w.store.state(key) is not None:
            break  # nothing left to label
        label = LABELS[rng.randrange(2)]
        at = time.time()
        w.submit(label)
        submits.append({"item": key, "label": label, "at": at})
        if args.pace:
            time.sleep(args.pace * rng.uniform(0.5, 1.5))
    flushed = w.live.flush(args.flush)
    done = {
        "submits": submits,
        "conflicts": list(w.live.conflicts["item"]),
        "flushed": flushed,
        "pending": w.live.pending,
        "error": w.live.error,
        "requests_open": opened,
        "requests": sum(requests.values()) - opened,
        "by_kind": dict(requests),
    }
    w.live.close()
    w.close()
    ls.close()
    Path(args.out).write_text(json.dumps(done))


def check(ls: Any, project: int, results: list[dict[str, Any]]) -> dict[str, Any]:
    """What the server holds against what the labelers did: ``lost`` (an item's last label,
    not a conflict, with no annotation of that label on the server), ``doubled`` (tasks
    with more than one annotation), ``annotations`` (on the server) and ``labeled``."""
    by_task: dict[int, list[dict[str, Any]]] = {}
    for task in ls.client.tasks.list(project=project, fields="all", page_size=1000):
        anns = [a for a in task.annotations or [] if not a.get("was_cancelled")]
        by_task[int(task.id)] = anns
    lost = []
    labeled: dict[str, str] = {}
    for r in results:
        conflicts = set(r["conflicts"])
        last = {s["item"]: s["label"] for s in r["submits"]}
        for item, value in last.items():
            if item in conflicts:
                continue
            labeled[item] = value
            anns = by_task.get(int(item), [])
            if not any(a["result"][0]["value"]["choices"] == [value] for a in anns):
                lost.append(item)
    doubled = [t for t, anns in by_task.items() if len(anns) > 1]
    return {
        "lost": lost,
        "doubled": doubled,
        "annotations": sum(len(a) for a in by_task.values()),
        "labeled": len(labeled),
        "by_task": by_task,
    }


if __name__ == "__main__":
    main(sys.argv[1:])
