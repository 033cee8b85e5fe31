"""A second process labels the same store while the notebook's labeler is on screen: the
header says who else is labeling, the queue passes what the other took, and a label on an
item the other labeled meanwhile is a conflict shown in place."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ..multi.labeler_process import LabelerProcess
from .jupyter_harness import ARTIFACTS_DIR

SETUP = """
import pandas as pd
import nblabel

df = pd.DataFrame({{"text": [f"text {{i}}" for i in range(10)]}},
                  index=[f"i{{i}}" for i in range(10)])
w = nblabel.TextLabeler(df, text="text", choices=["a", "b"], store={store!r},
                        annotator="alice")
w
"""


@pytest.fixture
def other(tmp_path: Path) -> Iterator[list[LabelerProcess]]:
    started: list[LabelerProcess] = []
    yield started
    for proc in started:
        proc.stop()


def others_text(root) -> str:
    return root.locator('[data-testid="others"]').evaluate("el => el.hidden ? '' : el.textContent")


def wait_others(root, text: str, timeout: float = 15_000) -> None:
    root.page.wait_for_function(
        "([el, text]) => { const o = el.querySelector('[data-testid=others]');"
        " return (o.hidden ? '' : o.textContent) === text; }",
        arg=[root.element_handle(), text],
        timeout=timeout,
    )


def wait_error(root, text: str, timeout: float = 15_000) -> None:
    root.page.wait_for_function(
        "([el, text]) => el.querySelector('[data-testid=error]').textContent.includes(text)",
        arg=[root.element_handle(), text],
        timeout=timeout,
    )


def pressed(root) -> list[str]:
    return root.locator('[data-testid="choice"][aria-pressed="true"]').evaluate_all(
        "els => els.map(e => e.dataset.value)"
    )


def wait_key(root, key: str, timeout: float = 15_000) -> None:
    root.page.wait_for_function(
        "([el, key]) => el.dataset.key === key && el.dataset.state === 'ready'",
        arg=[root.element_handle(), key],
        timeout=timeout,
    )


def test_the_header_shows_another_process_labeling_the_store(lab, other, tmp_path: Path):
    store = tmp_path / "shared.nblabel.sqlite"
    lab.open_cells(SETUP.format(store=str(store)))
    lab.run_all()
    root = lab.page.locator('[data-testid="nblabel"]').first
    root.wait_for(state="visible")
    wait_key(root, "i0")
    assert others_text(root) == ""

    bob = LabelerProcess(store, "bob", 10)
    other.append(bob)
    assert bob.ready()["key"] == "i1"  # i0 is on alice's screen
    wait_others(root, "Also labeling: bob")
    lab.screenshot("two-labelers-header", directory=ARTIFACTS_DIR)
    assert bob.ask(op="submit", label="b")["key"] == "i2"  # bob labels i1, opens i2

    # Alice labels i0; her queue passes i1 (labeled by bob) and i2 (on bob's screen).
    root.focus()
    root.press("1")
    root.press("Enter")
    wait_key(root, "i3")
    assert lab.eval_json('w.labels["choice"].head(3).tolist()') == ["a", "b", None]
    assert lab.eval_json('w.others[["annotator", "item"]].values.tolist()') == [["bob", "i2"]]

    # Bob labels i3 while alice has it open (she picked "a"): her Enter is a conflict,
    # shown in place with her pick kept; Enter again keeps hers, explicitly.
    root.press("1")
    bob.ask(op="goto", item="i3")
    assert bob.ask(op="submit", label="b")["ok"]
    wait_error(root, "item 'i3' was just labeled by bob ('b')")
    root.press("Enter")
    wait_error(root, "item 'i3' was labeled by bob ('b') while you had it open")
    # The browser moves on at Enter without waiting for Python; the refusal brings it back
    # to i3, which may land a moment after the message shows (it did under load).
    wait_key(root, "i3")
    assert pressed(root) == ["a"]
    lab.screenshot("two-labelers-conflict", directory=ARTIFACTS_DIR)
    assert lab.eval_json('w.labels["choice"]["i3"]') == "b"
    root.press("Enter")
    root.page.wait_for_function(
        "el => el.dataset.key !== 'i3' && (el.dataset.saving || '0') === '0'",
        arg=root.element_handle(),
        timeout=15_000,
    )
    assert lab.eval_json('w.labels["choice"]["i3"]') == "a"
    assert lab.eval_json('w.conflicts[["item", "other", "overridden"]].values.tolist()') == [
        ["i3", "bob", True]
    ]

    bob.ask(op="close")
    wait_others(root, "")
