"""DateTime, Taxonomy, Pairwise and Ranker in a real JupyterLab, by keyboard and by mouse:
the result lands in Python as Label Studio stores it, typing goes to the boxes (never to
labeling keys), and values the config refuses are refused in place."""

from __future__ import annotations

from ..support.ui import wait_key
from .jupyter_harness import ARTIFACTS_DIR


def _moved_on(root, key: str) -> None:
    """Until the next item is on screen and Python has every submit made so far (the
    browser moves on before Python confirms: a fast hand never waits)."""
    root.page.wait_for_function(
        "([el, key]) => el.dataset.key && el.dataset.key !== key"
        " && (el.dataset.saving || '0') === '0'",
        arg=[root.element_handle(), key],
        timeout=15_000,
    )


def _open(lab, setup: str):
    lab.open_cells(setup)
    lab.run_all()
    root = lab.page.locator('[data-testid="nblabel"]').first
    first = lab.eval_json("w.current['key']")
    wait_key(root, first)
    return root, first


DATES = '''
import nblabel, pandas as pd
df = pd.DataFrame({"text": ["Meeting moved to Tuesday.", "Invoice due soon.", "Call at noon."]})
cfg = """<View><Text name="text" value="$text"/>
<Choices name="kind" toName="text"><Choice value="work"/><Choice value="home"/></Choices>
<DateTime name="day" toName="text" only="date" min="2024-01-01" max="2024-12-31" required="true"/>
<DateTime name="at" toName="text" only="time"/>
<DateTime name="when" toName="text" format="%d/%m/%Y %H:%M"/>
</View>"""
w = nblabel.Labeler(df, config=cfg, job="datetime-ui")
w
'''


def test_dates_typed_into_their_boxes_out_of_range_refused_in_place(lab):
    root, first = _open(lab, DATES)
    day = root.locator('[data-testid="datetime-date"][data-control="day"]')
    # Keyboard: the date box takes digits (month, day, year in Chromium's en-US order);
    # "1" is the "work" choice's key, and must not pick it while typing here.
    day.click()
    day.press_sequentially("07041999")
    lab.page.wait_for_timeout(200)
    assert day.input_value() == "1999-07-04"
    assert (
        "on or after 2024-01-01"
        in root.locator('[data-control="day"] [data-testid="datetime-error"]').inner_text()
    )
    assert root.locator('[data-testid="choice"][aria-pressed="true"]').count() == 0
    day.press("Enter")
    lab.page.wait_for_timeout(300)
    assert "on or after 2024-01-01" in root.locator('[data-testid="error"]').inner_text()
    assert lab.eval_json("int(w.labels['status'].notna().sum())") == 0  # nothing stored
    day.fill("2024-03-05")
    at = root.locator('[data-testid="datetime-time"][data-control="at"]')
    at.click()
    at.press_sequentially("0705AM")
    # Mouse: a date and time typed after clicking the boxes, then the Submit button.
    root.locator('[data-testid="datetime-date"][data-control="when"]').fill("2024-12-31")
    root.locator('[data-testid="datetime-time"][data-control="when"]').fill("23:59")
    shown = root.locator('[data-control="when"] [data-testid="datetime-value"]').inner_text()
    assert shown == "stored as 31/12/2024 23:59"
    root.screenshot(path=str(ARTIFACTS_DIR / "datetime.png"))
    root.locator('[data-testid="btn-submit"]').click()
    _moved_on(root, first)
    stored = lab.eval_json(
        f"{{r['from_name']: r['value'] for r in w.store.state({first!r}).result}}"
    )
    assert stored == {
        "day": {"datetime": "2024-03-05"},
        "at": {"datetime": "07:05"},
        "when": {"datetime": "31/12/2024 23:59"},
    }
    row = lab.eval_json("{k: str(v) for k, v in w.labels.iloc[0].items()}")
    assert row["day"] == "2024-03-05 00:00:00" and row["at"] == "07:05:00"
    assert row["when"] == "2024-12-31 23:59:00" and row["kind"] == "None"


TAXONOMY = '''
import nblabel, pandas as pd
df = pd.DataFrame({"text": ["A blue-green alga.", "A person.", "A microbe."]})
cfg = """<View><Text name="text" value="$text"/>
<Taxonomy name="life" toName="text" showFullPath="true" maxUsages="2">
  <Choice value="Eukarya"><Choice value="Human"/><Choice value="Oppossum" alias="opo"/></Choice>
  <Choice value="Archaea"/>
  <Choice value="Bacteria"><Choice value="Cyanobacteria"><Choice value="Nostoc"/></Choice>
  </Choice>
</Taxonomy>
</View>"""
w = nblabel.Labeler(df, config=cfg, job="taxonomy-ui")
w
'''


def test_taxonomy_search_as_you_type_pick_by_enter_and_by_click(lab):
    root, first = _open(lab, TAXONOMY)
    tree = root.locator('[data-testid="taxonomy-tree"]')
    root.focus()
    root.press("/")  # puts the cursor in the search box
    search = root.locator('[data-testid="taxonomy-search"]')
    assert search.evaluate("el => el === document.activeElement")
    search.press_sequentially("nos")
    box = root.locator('.nbl-taxonomy[data-control="life"]')
    assert box.get_attribute("data-matches") == "1"
    assert box.get_attribute("data-active") == "Bacteria/Cyanobacteria/Nostoc"
    shown = tree.locator('[data-testid="taxonomy-node"]:not([hidden])')
    assert shown.evaluate_all("rows => rows.map(r => r.dataset.path)") == [
        "Bacteria", "Bacteria/Cyanobacteria", "Bacteria/Cyanobacteria/Nostoc"
    ]  # fmt: skip
    search.press("Enter")  # picks the active node
    search.fill("")
    search.press_sequentially("opp")
    search.press("Enter")
    chips = root.locator('[data-testid="taxonomy-chip"]')
    assert chips.all_inner_texts() == [
        "Bacteria / Cyanobacteria / Nostoc ×",
        "Eukarya / Oppossum ×",
    ]
    # A third pick is over maxUsages: refused in place, said why.
    search.fill("")
    search.press_sequentially("arch")
    search.press("Enter")
    assert chips.count() == 2
    assert "at most 2" in root.locator('[data-testid="taxonomy-status"]').inner_text()
    search.press("Escape")  # clears the search and gives the keys back: Enter submits
    root.screenshot(path=str(ARTIFACTS_DIR / "taxonomy-keys.png"))
    assert lab.page.evaluate("() => document.activeElement.dataset.testid") == "nblabel"
    lab.page.keyboard.press("Enter")
    _moved_on(root, first)
    assert lab.eval_json(f"w.store.state({first!r}).result[0]['value']") == {
        "taxonomy": [["Bacteria", "Cyanobacteria", "Nostoc"], ["Eukarya", "opo"]]
    }
    # Mouse: close and open Eukarya by its arrow (a small tree starts open), pick Human,
    # unpick it by its chip, pick Archaea.
    second = lab.eval_json("w.current['key']")
    wait_key(root, second)
    human = tree.locator('[data-path="Eukarya/Human"]')
    tree.locator('[data-path="Eukarya"] .nbl-taxonomy-toggle').click()
    assert human.is_hidden()
    tree.locator('[data-path="Eukarya"] .nbl-taxonomy-toggle').click()
    assert human.is_visible()
    tree.locator('[data-path="Eukarya/Human"] button').click()
    assert chips.all_inner_texts() == ["Eukarya / Human ×"]
    chips.first.click()
    assert chips.count() == 0
    tree.locator('[data-path="Archaea"] button').click()
    root.screenshot(path=str(ARTIFACTS_DIR / "taxonomy-mouse.png"))
    root.locator('[data-testid="btn-submit"]').click()
    _moved_on(root, second)
    assert lab.eval_json("[str(x) for x in w.labels['life'].tolist()]") == [
        "[('Bacteria', 'Cyanobacteria', 'Nostoc'), ('Eukarya', 'opo')]",
        "[('Archaea',)]",
        "None",
    ]


PAIRWISE = '''
import nblabel, pandas as pd
df = pd.DataFrame({"prompt": ["2+2?", "Capital of France?", "Largest planet?"],
                   "a": ["4", "Lyon", "Jupiter"], "b": ["5", "Paris", "Saturn"]})
cfg = """<View><Text name="prompt" value="$prompt"/>
<Text name="a" value="$a"/><Text name="b" value="$b"/>
<Pairwise name="better" toName="a,b" required="true"/>
</View>"""
w = nblabel.Labeler(df, config=cfg, job="pairwise-ui")
w
'''


def test_pairwise_by_bracket_keys_by_clicking_an_object_and_by_button(lab):
    root, first = _open(lab, PAIRWISE)
    group = root.locator('.nbl-pairwise[data-control="better"]')
    root.focus()
    root.press("]")
    assert group.get_attribute("data-selected") == "right"
    assert (
        root.locator('.nbl-object[data-object="b"]')
        .get_attribute("class")
        .count("nbl-pairwise-picked")
        == 1
    )
    root.press("]")  # the same side again unpicks, as in Label Studio
    assert group.get_attribute("data-selected") == ""
    root.press("Enter")  # required: refused in place
    lab.page.wait_for_timeout(300)
    assert "better" in root.locator('[data-testid="error"]').inner_text()
    root.press("[")
    root.screenshot(path=str(ARTIFACTS_DIR / "pairwise.png"))
    root.press("Enter")
    _moved_on(root, first)
    second = lab.eval_json("w.current['key']")
    wait_key(root, second)
    root.locator('.nbl-object[data-object="b"]').click()  # clicking an object picks it
    assert group.get_attribute("data-selected") == "right"
    root.locator('[data-testid="pairwise-left"]').click()
    root.locator('[data-testid="btn-submit"]').click()
    _moved_on(root, second)
    assert lab.eval_json("w.labels['better'].tolist()") == ["left", "left", None]
    item = lab.eval_json(f"w.store.state({first!r}).result[0]")
    assert (item["to_name"], item["value"]) == ("better", {"selected": "left"})


RANKER = '''
import nblabel, pandas as pd
answers = [{"id": "a1", "title": "Paris", "body": "The capital is Paris."},
           {"id": "a2", "title": "Lyon", "body": "Lyon, surely."},
           {"id": "a3", "title": "Idk", "html": "<b>No</b> idea <img alt='shrug'>"}]
df = pd.DataFrame({"q": ["Capital of France?", "Same again?", "Once more?"],
                   "answers": [answers, answers, answers]})
cfg = """<View><Text name="q" value="$q"/>
<List name="answers" value="$answers" title="Answers"/>
<Ranker name="rank" toName="answers"/>
<Ranker name="sort" toName="answers">
  <Bucket name="good" title="Good"/><Bucket name="bad" title="Bad"/>
</Ranker>
</View>"""
w = nblabel.Labeler(df, config=cfg, job="ranker-ui")
w
'''


def _order(root, control):
    return root.locator(f'[data-testid="ranker"][data-control="{control}"]').evaluate(
        "el => JSON.parse(el.dataset.order)"
    )


def _card(root, control, rid):
    return root.locator(f'[data-testid="ranker"][data-control="{control}"] [data-id="{rid}"]')


def test_ranker_by_keys_and_by_drag_with_buckets(lab):
    root, first = _open(lab, RANKER)
    assert _order(root, "rank") == {"rank": ["a1", "a2", "a3"]}
    assert "No idea [image: shrug]" in _card(root, "rank", "a3").inner_text()  # html as text
    # Keyboard: on a card, Shift+↓ moves it down, ↓ goes to the next card.
    _card(root, "rank", "a1").click()
    lab.page.wait_for_timeout(100)
    lab.page.keyboard.press("Shift+ArrowDown")
    lab.page.keyboard.press("Shift+ArrowDown")
    assert _order(root, "rank") == {"rank": ["a2", "a3", "a1"]}
    _card(root, "sort", "a2").focus()
    lab.page.keyboard.press("Shift+ArrowRight")  # "_" -> Good
    lab.page.keyboard.press("ArrowDown")  # stays in Good: nothing below
    _card(root, "sort", "a3").focus()
    lab.page.keyboard.press("Shift+ArrowRight")
    lab.page.keyboard.press("Shift+ArrowRight")  # -> Bad
    assert _order(root, "sort") == {"_": ["a1"], "good": ["a2"], "bad": ["a3"]}
    lab.page.keyboard.press("Enter")  # a card is not a box: Enter submits
    _moved_on(root, first)
    stored = lab.eval_json(
        f"{{r['from_name']: r['value'] for r in w.store.state({first!r}).result}}"
    )
    assert stored == {
        "rank": {"ranker": {"rank": ["a2", "a3", "a1"]}},
        "sort": {"ranker": {"_": ["a1"], "good": ["a2"], "bad": ["a3"]}},
    }
    # Mouse: drag Idk to the top of the ranking, and Paris into Bad.
    second = lab.eval_json("w.current['key']")
    wait_key(root, second)
    _card(root, "rank", "a3").drag_to(_card(root, "rank", "a1"), target_position={"x": 20, "y": 3})
    assert _order(root, "rank") == {"rank": ["a3", "a1", "a2"]}
    bad = root.locator('[data-testid="ranker"][data-control="sort"] [data-column="bad"] ol')
    _card(root, "sort", "a1").drag_to(bad)
    assert _order(root, "sort") == {"_": ["a2", "a3"], "good": [], "bad": ["a1"]}
    root.screenshot(path=str(ARTIFACTS_DIR / "ranker.png"))
    root.locator('[data-testid="btn-submit"]').click()
    _moved_on(root, second)
    labels = lab.eval_json("w.labels[['rank', 'sort']].to_dict('records')")
    assert labels[1] == {
        "rank": ["a3", "a1", "a2"],
        "sort": {"_": ["a2", "a3"], "good": [], "bad": ["a1"]},
    }
