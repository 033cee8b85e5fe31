"""The shared mechanics of Label Studio configs in a real JupyterLab: visibleWhen shown and
hidden as the labels change, per-region answers for the selected span or range, an item's
own options, nested Views kept in config order; one gallery template opened with the
harness's ``labeler_cell`` (tests/labelstudio/templates.py)."""

from __future__ import annotations

from tests.labelstudio.templates import labeler_cell

from ..support.ui import wait_key
from .jupyter_harness import ARTIFACTS_DIR
from .test_text_spans import drag_select, rect
from .test_timeseries import drag, wait_ranges


def block(root, control: str):
    return root.locator(f'.nbl-control[data-control="{control}"]')


def wait_shown(root, control: str, shown: bool = True) -> None:
    root.page.wait_for_function(
        "([el, name, shown]) => {"
        " const b = el.querySelector(`.nbl-control[data-control='${name}']`);"
        " return b && (b.offsetParent !== null) === shown; }",
        arg=[root.element_handle(), control, shown],
        timeout=15_000,
    )


def test_signal_quality_template_per_range_rating_and_region_views(lab, tmp_path):
    lab.open_cells(labeler_cell("time-series-analysis/signal-quality", tmp_path / "data"))
    lab.run_all()
    page = lab.page
    root = page.locator('[data-testid="nblabel"]').first
    key = lab.eval_json("w.current['key']")
    wait_key(root, key)
    channel = root.locator('[data-testid="ts-channel"]').first
    channel.wait_for(state="visible")
    # Config order: the labels' View, the region View, then the series.
    order = root.evaluate(
        "el => [...el.querySelectorAll('.nbl-control[data-control], .nbl-object-timeseries')]"
        ".map(e => e.dataset.control || 'ts')"
    )
    assert order == ["label", "rating", "choices", "ts"]
    # No region selected: the labels show, the per-region rating and choices do not.
    wait_shown(root, "label")
    assert not block(root, "rating").is_visible() and not block(root, "choices").is_visible()
    drag(page, channel.bounding_box(), 0.2, 0.5)
    wait_ranges(root, 1)
    # The new range is selected: the region View shows, the no-region View hides.
    wait_shown(root, "rating")
    wait_shown(root, "label", False)
    root.locator('[data-testid="rating-star"][data-control="rating"][data-value="7"]').click()
    root.locator('button[data-testid="choice"][data-control="choices"][data-value="Good"]').click()
    lab.screenshot("signal-quality-region", directory=ARTIFACTS_DIR)
    root.press("Enter")
    page.wait_for_function(
        "([el, key]) => el.dataset.key !== key && (el.dataset.saving || '0') === '0'",
        arg=[root.element_handle(), key],
        timeout=15_000,
    )
    result = lab.eval_json(f"w.store.state({key!r}).result")
    by = {r["from_name"]: r for r in result}
    rng, rating, choice = by["label"], by["rating"], by["choices"]
    # Label Studio's per-region shape: the range's id, its extent, then the answer.
    assert rating["id"] == rng["id"] == choice["id"]
    extent = {k: rng["value"][k] for k in ("start", "end", "instant")}
    assert rating["value"] == {**extent, "rating": 7}
    assert choice["value"] == {**extent, "choices": ["Good"]}
    assert lab.eval_json(f"w.labels.loc[{key!r}, 'rating']") == [
        [extent["start"], extent["end"], 7]
    ]


VISIBLE = '''
import pandas as pd
import nblabel
df = pd.DataFrame({"text": ["Ada met IBM in London", "Bob"]}, index=["a", "b"])
XML = """<View>
  <Text name="text" value="$text"/>
  <Labels name="ent" toName="text">
    <Label value="PER" hotkey="p"/><Label value="ORG" hotkey="o"/>
  </Labels>
  <Choices name="sentiment" toName="text">
    <Choice value="pos" hotkey="1"/><Choice value="neg" hotkey="2"/>
  </Choices>
  <View visibleWhen="choice-selected" whenTagName="sentiment" whenChoiceValue="neg">
    <Choices name="why" toName="text" required="true"><Choice value="rude" hotkey="3"/></Choices>
  </View>
  <Choices name="kind" toName="text" perRegion="true" required="true"
           visibleWhen="region-selected" whenLabelValue="ORG">
    <Choice value="company" hotkey="4"/><Choice value="ngo"/>
  </Choices>
</View>"""
w = nblabel.Labeler(df, config=XML, job="ui-visible-when")
w
'''


def test_choice_and_region_conditions_show_hide_and_require_live(lab):
    lab.open_cells(VISIBLE)
    lab.run_all()
    page = lab.page
    root = page.locator('[data-testid="nblabel"]').first
    wait_key(root, "a")
    root.focus()
    wait_shown(root, "sentiment")
    assert not block(root, "why").is_visible() and not block(root, "kind").is_visible()
    root.press("3")  # "why"'s key while it is hidden: not taken
    root.press("2")  # neg: the View holding "why" shows
    wait_shown(root, "why")
    root.press("Enter")  # "why" is required now that it shows
    error = root.locator('[data-testid="error"]')
    error.wait_for(state="visible")
    assert "why" in error.inner_text()
    root.press("1")  # pos: "why" hides again, and is not required
    wait_shown(root, "why", False)
    # A span labeled ORG is selected: its per-region "kind" shows (whenLabelValue="ORG").
    doc = "Ada met IBM in London"
    drag_select(page, rect(root, doc, "IBM"))
    root.press("o")
    wait_shown(root, "kind")
    root.press("Enter")  # the ORG span owes its kind
    page.wait_for_function(
        "el => el.querySelector('[data-testid=error]').innerText.includes('kind of span')",
        arg=root.element_handle(),
    )
    root.press("4")  # company, for the selected span
    drag_select(page, rect(root, doc, "Ada"))
    root.press("p")  # a PER span: "kind" hides, and owes nothing
    wait_shown(root, "kind", False)
    lab.screenshot("visible-when", directory=ARTIFACTS_DIR)
    root.press("Enter")
    wait_key(root, "b")
    result = lab.eval_json("w.store.state('a').result")
    org = next(r for r in result if r["from_name"] == "ent" and r["value"]["labels"] == ["ORG"])
    kind = next(r for r in result if r["from_name"] == "kind")
    assert kind["id"] == org["id"]
    assert kind["value"] == {"start": 8, "end": 11, "text": "IBM", "choices": ["company"]}
    assert lab.eval_json("w.labels.loc['a', 'sentiment']") == "pos"
    assert lab.eval_json("w.labels.loc['a', 'why']") is None


DYNAMIC = '''
import pandas as pd
import nblabel
df = pd.DataFrame({
    "text": ["A can of cola", "A bottle of water"],
    "brands": [[{"value": "CocaCola"}, {"value": "Pepsi", "alias": "P"}], ["Evian", "Volvic"]],
}, index=["a", "b"])
XML = """<View>
  <Text name="text" value="$text"/>
  <Choices name="brand" toName="text" value="$brands"><Choice value="none"/></Choices>
</View>"""
w = nblabel.Labeler(df, config=XML, job="ui-dynamic")
w
'''


def labels_shown(root) -> list[str]:
    return root.locator('button[data-testid="choice"][data-control="brand"]').all_inner_texts()


def test_each_item_shows_its_own_options(lab):
    lab.open_cells(DYNAMIC)
    lab.run_all()
    page = lab.page
    root = page.locator('[data-testid="nblabel"]').first
    wait_key(root, "a")
    page.wait_for_function(
        "el => el.querySelectorAll('button[data-control=brand]').length === 3",
        arg=root.element_handle(),
    )
    assert [t.split("\n")[0] for t in labels_shown(root)] == ["none", "CocaCola", "Pepsi"]
    root.locator('button[data-control="brand"][data-value="P"]').click()
    root.press("Enter")
    wait_key(root, "b")
    page.wait_for_function(
        "el => [...el.querySelectorAll('button[data-control=brand]')].some("
        "b => b.dataset.value === 'Volvic')",
        arg=root.element_handle(),
    )
    assert [t.split("\n")[0] for t in labels_shown(root)] == ["none", "Evian", "Volvic"]
    root.locator('button[data-control="brand"][data-value="Volvic"]').click()
    root.press("Enter")
    page.wait_for_function(
        "el => el.dataset.busy === 'false'", arg=root.element_handle(), timeout=15_000
    )
    assert lab.eval_json("w.labels['brand'].tolist()") == ["P", "Volvic"]
    # Back on item a, its own options again, its choice selected.
    root.press("ArrowLeft")
    wait_key(root, "a")
    page.wait_for_function(
        "el => el.querySelector('button[data-control=brand][data-value=P]')"
        "?.getAttribute('aria-pressed') === 'true'",
        arg=root.element_handle(),
    )


#: One gallery template per group of #17 (the chat group's templates are refused by name
#: before any widget exists: tests/labelstudio/test_templates.py), and how a user labels it
#: there: a click on a choice, or the Pairwise's "[" key.
GROUP_TEMPLATES = {
    "natural-language-processing/text-classification": ("click", "choices"),
    "community-contributions/two-level-sentiment-analysis-of-x-twitter-posts": (
        "click",
        "choices",
    ),
    "conversational-ai/response-selection": ("click", "choices"),
    "generative-ai/human-feedback-collection": ("key", "pairwise"),
    "ranking-and-scoring/pairwise-classification": ("key", "pairwise"),
    "structured-data-parsing/tabular-data": ("click", "choices"),
}


def test_one_template_of_each_group_is_drawn_and_labeled_in_the_browser(lab, tmp_path):
    # One notebook, a labeler per template (w0, w1, ...), each on its own generated data.
    cells = [labeler_cell(t, tmp_path / f"data{i}", name=f"w{i}")
             for i, t in enumerate(GROUP_TEMPLATES)]  # fmt: skip
    lab.open_cells(*cells)
    lab.run_all(timeout=240)
    page = lab.page
    for i, (template, (how, kind)) in enumerate(GROUP_TEMPLATES.items()):
        root = page.locator('[data-testid="nblabel"]').nth(i)
        key = lab.eval_json(f"w{i}.current['key']")
        wait_key(root, key)
        root.scroll_into_view_if_needed()
        # Drawn whole: nothing the widget cannot show, no error.
        text = root.inner_text()
        assert "not supported" not in text, (template, text[:500])
        assert lab.eval_json(f"w{i}.error") == "", template
        if how == "click":
            root.locator('button[data-testid="choice"]').first.click()
        else:
            root.click(position={"x": 5, "y": 5})
            root.press("[")
        lab.screenshot(f"template-{template.split('/')[1]}", directory=ARTIFACTS_DIR)
        root.press("Enter")
        page.wait_for_function(
            "([el, key]) => el.dataset.key !== key && (el.dataset.saving || '0') === '0'",
            arg=[root.element_handle(), key],
            timeout=15_000,
        )
        result = lab.eval_json(f"w{i}.store.state({key!r}).result")
        assert any(r["type"] == kind for r in result), (template, result)
        assert lab.eval_json(f"len(w{i}.annotations)") >= 1, template
