"""Rating and Number in a real JupyterLab: stars by key and by click, a number typed in its
box (never taken as a labeling key), out-of-range refused in place, the result in Python."""

from __future__ import annotations

from ..support.ui import wait_key
from .jupyter_harness import ARTIFACTS_DIR

SETUP = '''
import nblabel
df = nblabel.samples.reviews(4)
cfg = """<View><Text name="text" value="$text"/>
<Choices name="sentiment" toName="text"><Choice value="pos"/><Choice value="neg"/></Choices>
<Rating name="stars" toName="text" maxRating="5" required="true"/>
<Rating name="fun" toName="text" maxRating="3" hotkey="t"/>
<Number name="count" toName="text" min="0" max="10" required="true" slider="true"/>
</View>"""
w = nblabel.Labeler(df, config=cfg, job="rating-number-ui")
w
'''


def test_ratings_by_key_and_click_and_a_number_typed_in_its_box(lab):
    lab.open_cells(SETUP)
    lab.run_all()
    root = lab.page.locator('[data-testid="nblabel"]').first
    first = lab.eval_json("w.current['key']")
    wait_key(root, first)
    root.focus()
    root.press("1")  # the choice's key: a rating takes no digit another control has
    root.press("t")
    root.press("2")  # "t" then a digit: fun = 2
    root.locator('[data-testid="rating-star"][data-control="stars"][data-value="4"]').click()
    assert root.locator('[data-control="fun"][data-rating]').get_attribute("data-rating") == "2"
    assert root.locator('[data-control="stars"][data-rating]').get_attribute("data-rating") == "4"
    box = root.locator('[data-testid="number"]')
    box.click()
    box.type("11")  # typed into the box: "1" does not pick "pos" again
    lab.page.wait_for_timeout(200)
    assert "between 0 and 10" in root.locator('[data-testid="number-error"]').inner_text()
    box.press("Enter")
    lab.page.wait_for_timeout(300)
    assert "between 0 and 10" in root.locator('[data-testid="error"]').inner_text()
    assert lab.eval_json("int(w.labels['status'].notna().sum())") == 0  # nothing stored
    box.fill("5")
    box.press("Enter")
    root.page.wait_for_function(
        "([el, key]) => el.dataset.key && el.dataset.key !== key"
        " && (el.dataset.saving || '0') === '0'",
        arg=[root.element_handle(), first],
        timeout=15_000,
    )
    root.screenshot(path=str(ARTIFACTS_DIR / "rating-number.png"))
    row = lab.eval_json("w.labels.iloc[0].to_dict()")  # the first row is the first item
    assert row == {"sentiment": "pos", "stars": 4, "fun": 2, "count": 5, "status": "submitted"}
    types = lab.eval_json(f"[r['type'] for r in w.store.state({first!r}).result]")
    assert first == "0"
    assert sorted(types) == ["choices", "number", "rating", "rating"]
    root.focus()
    root.press("?")
    assert "t then 1–3" in root.locator('[data-testid="help"]').inner_text()
