"""A fast hand on a slow kernel: the browser moves on at once, the submits reach the journal
in the order of the keys, nothing is lost, and a refused submit brings the user back to its
item with the reason and their pick."""

from __future__ import annotations

import time

from ..support.ui import wait_key

# A kernel made slow on purpose: every submit waits in the job's own hook (as a slow model
# or a slow disk would make it), one item's first submit is refused.
SETUP = """
import time
import pandas as pd
import nblabel
from nblabel.core.errors import ResultError
from nblabel.core.job import Extension

class Slow(Extension):
    def __init__(self, seconds, first=0.0, refuse=()):
        self.seconds, self.first, self.refuse, self.calls = seconds, first, set(refuse), 0
    def submitting(self, job, key, result):
        self.calls += 1
        time.sleep(self.first if self.calls == 1 else self.seconds)
        if key in self.refuse:
            self.refuse.discard(key)
            raise ResultError(f"item {key!r}: refused once, on purpose")
        return result

df = pd.DataFrame({"text": [f"review number {i}" for i in range(30)]})
w = nblabel.TextLabeler(df, choices=["pos", "neg"], store="fast.nblabel.sqlite")
w.job.attach(Slow(SECONDS, first=FIRST, refuse=REFUSE))
w
"""

JOURNAL = "[ev.item for ev in sorted(w.store.states(), key=lambda e: e.seq)]"


def setup(lab, seconds, first=0.0, refuse=()):
    code = SETUP.replace("SECONDS", repr(seconds)).replace("FIRST", repr(first))
    lab.open_cells(code.replace("REFUSE", repr(set(refuse))))
    lab.run_all()
    root = lab.page.locator('[data-testid="nblabel"]').first
    wait_key(root, "0")
    root.page.wait_for_function("el => el.dataset.state === 'ready'", arg=root.element_handle())
    root.focus()
    return root


def wait_submitted(lab, n, timeout=60.0):
    """Until Python has applied ``n`` submits (an eval may run before queued comm messages)."""
    deadline = time.monotonic() + timeout
    while lab.eval_json('w.progress["submitted"]') < n:
        assert time.monotonic() < deadline, f"Python never had {n} submits"
        time.sleep(0.2)


def test_submits_outrun_a_slow_kernel_in_order_and_nothing_is_lost(lab):
    # The first submit takes 8 s in Python: items 1..4 (Python's plan, prefetched) must be
    # on screen and labeled before Python has answered anything.
    root = setup(lab, 0.15, first=8.0)
    # Items 1..4 fetched before the first (8 s) submit holds the kernel: on a loaded machine
    # the prefetch could still be on its way, and item 1 would then wait for Python.
    root.page.wait_for_function(
        "el => el.dataset.busy === 'false'", arg=root.element_handle(), timeout=30_000
    )
    pressed = []
    started = time.monotonic()
    for i in range(5):
        key = "1" if i % 3 else "2"
        root.press(key)
        root.press("Enter")
        pressed.append("pos" if key == "1" else "neg")
        if i < 4:
            wait_key(root, str(i + 1), timeout=4_000, saved=False)
    # Item 4 submitted, and Python's plan reached no further yet: the browser waits. Keys
    # typed meanwhile are for the next item, in their order: "2", Enter label item 5 and
    # submit it once it is on screen (neither key is dropped, nor applied to item 4).
    root.press("2")
    root.press("Enter")
    pressed.append("neg")
    if time.monotonic() - started < 7:  # Python cannot have answered the first yet
        assert root.get_attribute("data-saving") == "5"
        assert root.get_attribute("data-key") == "4"
    for i in range(6, 14):
        wait_key(root, str(i), timeout=30_000, saved=False)
        key = "2" if i % 2 else "1"
        root.press(key)
        root.press("Enter")
        pressed.append("pos" if key == "1" else "neg")
    wait_key(root, "14", timeout=30_000, saved=False)
    wait_submitted(lab, 14)
    assert lab.eval_json(JOURNAL) == [str(i) for i in range(14)]
    assert lab.eval_json('w.labels["choice"].head(14).tolist()') == pressed
    assert lab.eval_json('w.progress["submitted"]') == 14
    assert lab.eval_json("w.current['key']") == "14"
    assert root.locator('[data-testid="error"]').is_hidden()


def test_a_refused_submit_mid_queue_brings_the_user_back_and_keeps_the_rest(lab):
    # Each submit takes 1 s in Python, item 2's first one is refused: by the time Python says
    # so, items 3 and 4 are labeled and sent.
    root = setup(lab, 1.0, first=1.0, refuse={"2"})
    keys = {0: "1", 1: "2", 2: "2", 3: "1", 4: "2"}
    for i, key in keys.items():
        wait_key(root, str(i), timeout=5_000, saved=False)
        root.press(key)
        root.press("Enter")
    wait_key(root, "2", timeout=30_000, saved=False)  # back on the refused item
    error = root.locator('[data-testid="error"]')
    error.wait_for(state="visible")
    assert "item '2': refused once, on purpose" in error.inner_text()
    # The pick made on it is still there: Enter submits it again, and now it is kept.
    pressed = root.locator('button[data-control="choice"][aria-pressed="true"]')
    assert pressed.get_attribute("data-value") == "neg"
    root.press("Enter")
    wait_key(root, "5", timeout=30_000)
    wait_submitted(lab, 5)
    assert lab.eval_json(JOURNAL) == ["0", "1", "3", "4", "2"]
    assert lab.eval_json('w.labels["choice"].head(5).tolist()') == [
        "pos",
        "neg",
        "neg",
        "pos",
        "neg",
    ]
    assert lab.eval_json("w.errors['message'].tolist()") == ["item '2': refused once, on purpose"]
