"""A model attached, in a real JupyterLab: its suggestion is pre-selected, Enter accepts it,
and the model version shown moves on after a retrain."""

from __future__ import annotations

from .jupyter_harness import ARTIFACTS_DIR

# A "model" that learns the share of each label: it suggests the most common one so far.
SETUP = """
import numpy as np
import pandas as pd
import nblabel

def fit(labeled):
    share = labeled["label"].value_counts(normalize=True)
    probs = np.array([share.get(v, 0.0) for v in ["yes", "no"]])
    return lambda items: np.tile(probs, (len(items), 1))

model = nblabel.Model(lambda items: None, fit=fit, name="share")
df = pd.DataFrame({"text": [f"item number {i}" for i in range(40)]})
holdout = pd.DataFrame({"text": ["a", "b", "c", "d"], "label": ["yes", "yes", "no", "yes"]})
w = nblabel.TextLabeler(df, choices=["yes", "no"], model=model, retrain_every=3,
                        cold_start=0, seed=0, holdout=holdout)
w
"""


def press_and_move(root, key: str) -> None:
    before = root.get_attribute("data-key")
    root.press(key)
    root.page.wait_for_function(
        "([el, key]) => el.dataset.key !== key && el.dataset.state === 'ready'"
        " && (el.dataset.saving || '0') === '0'",  # and Python has the submit
        arg=[root.element_handle(), before],
        timeout=15_000,
    )


def wait_suggestion(root, text: str) -> None:
    root.page.wait_for_function(
        "([el, text]) => el.querySelector('[data-testid=suggestion]').textContent.includes(text)",
        arg=[root.element_handle(), text],
        timeout=15_000,
    )


def pressed(root) -> list[str]:
    return root.locator('[data-testid="choice"][aria-pressed="true"]').evaluate_all(
        "els => els.map(e => e.dataset.value)"
    )


def test_the_suggestion_is_accepted_with_one_key_and_the_version_moves_on(lab):
    lab.open_cells(SETUP)
    lab.run_all()
    root = lab.page.locator('[data-testid="nblabel"]').first
    root.wait_for(state="visible")
    root.page.wait_for_function("el => el.dataset.state === 'ready'", arg=root.element_handle())
    root.focus()
    # No model yet: label by hand (two "yes", one "no"); the third label triggers a fit.
    for key in ("1", "1", "2"):
        root.press(key)
        press_and_move(root, "Enter")
    wait_suggestion(root, "share-v1")
    assert "suggested: yes · 67%" in root.locator('[data-testid="suggestion"]').inner_text()
    assert pressed(root) == ["yes"]  # pre-selected
    lab.screenshot("active-suggestion", directory=ARTIFACTS_DIR)
    accepted = root.get_attribute("data-key")
    press_and_move(root, "Enter")  # one key accepts it
    stored = lab.eval_json(f'w.store.state("{accepted}").result[0]')
    assert stored["origin"] == "prediction" and stored["value"] == {"choices": ["yes"]}
    assert stored["model_version"] == "share-v1"
    # Two more labels (one changed by hand) make the next fit.
    root.press("2")  # "no" instead of the suggested "yes"
    press_and_move(root, "Enter")
    press_and_move(root, "Enter")
    assert lab.eval_json("w.learner.wait(timeout=60)") is True
    assert lab.eval_json("w.learner.version") == 2
    # The suggestion on screen never changes under the user (it may still be v1's); the
    # next item's comes from the new model.
    press_and_move(root, "Enter")
    wait_suggestion(root, "share-v2")
    origins = lab.eval_json('w.annotations["origin"].tolist()')
    assert origins[:3] == ["manual"] * 3
    assert origins[3:] == ["prediction", "prediction-changed", "prediction", "prediction"]
    # The learning curve in the header: one point per fit, on the holdout.
    curve = root.locator('[data-testid="learning-curve"]')
    root.page.wait_for_function("el => el.dataset.points === '2'", arg=curve.element_handle())
    label = curve.get_attribute("aria-label")
    assert "holdout accuracy 75.0% at 6 labels (model share-v2)" in label, label
    lab.screenshot("active-curve", directory=ARTIFACTS_DIR)
