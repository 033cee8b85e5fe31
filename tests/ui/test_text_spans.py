"""Text spans in a real JupyterLab: select with the mouse, label by key or button, and the
kernel gets code-point offsets; a document full of markup stays inert text."""

from __future__ import annotations

from ..support.ui import AXE, TEXT_RECT, axe_violations, double_click, rect, wait_key
from .jupyter_harness import ARTIFACTS_DIR

SETUP = """
import pandas as pd
import nblabel
df = pd.DataFrame(
    {"text": ["Hello 👩‍💻 Ada Lovelace, from London 🇬🇧.",
              "<img src=x onerror=alert(1)> and <script>window.pwned = 1</script> 😀 Bob"]},
    index=["a", "b"],
)
w = nblabel.TextLabeler(df, spans=["PER", "LOC"], job="ui-spans")
w
"""


def drag_select(page, box: dict) -> None:
    page.mouse.move(box["x0"] + 1, box["y0"])
    page.mouse.down()
    page.mouse.move((box["x0"] + box["x1"]) / 2, box["y1"], steps=4)
    page.mouse.move(box["x1"] - 1, box["y1"], steps=4)
    page.mouse.up()


def spans_shown(root) -> list[str]:
    return root.locator('[data-testid="span"]').all_inner_texts()


def test_mouse_spans_reach_python_as_code_points_and_markup_stays_text(lab):
    lab.open_cells(SETUP)
    dialogs: list[str] = []
    lab.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    lab.run_all()
    root = lab.page.locator('[data-testid="nblabel"]').first
    wait_key(root, "a")
    page = lab.page
    doc = lab.eval_json("df.text['a']")

    # Drag across an emoji (a ZWJ sequence) and the name after it, then press PER's key.
    drag_select(page, rect(root, doc, "👩‍💻 Ada Lovelace"))
    root.press("1")
    root.locator('[data-testid="span"]').first.wait_for(state="visible")
    assert "".join(spans_shown(root)) == "👩‍💻 Ada Lovelace"
    # Double-click a word and click the LOC button.
    double_click(page, rect(root, doc, "London"))
    root.locator('button[data-testid="choice"][data-value="LOC"]').click()
    page.wait_for_function(
        "el => el.querySelectorAll('[data-testid=span]').length >= 2", arg=root.element_handle()
    )
    # The label is shown as text, not by colour alone.
    tags = root.locator("[data-tags]").evaluate_all("els => els.map(e => e.dataset.tags)")
    assert tags == ["PER", "LOC"]
    lab.screenshot("text-spans", directory=ARTIFACTS_DIR)
    if AXE.exists():
        assert axe_violations(page) == []
    root.press("Enter")
    wait_key(root, "b")

    rows = lab.eval_json(
        "[[int(r.start), int(r.end), r.text, r.label, df.text[r.item][r.start:r.end]]"
        " for r in w.annotations.itertuples()]"
    )
    per = doc.index("👩‍💻")
    london = doc.index("London")
    assert rows == [
        [per, per + len("👩‍💻 Ada Lovelace"), "👩‍💻 Ada Lovelace", "PER", "👩‍💻 Ada Lovelace"],
        [london, london + 6, "London", "LOC", "London"],
    ]

    # Markup in a document is shown as the characters it is and runs nothing.
    text = root.locator('[data-testid="text"]')
    assert text.inner_text().startswith("<img src=x onerror=alert(1)> and <script>")
    assert root.locator("img, script").count() == 0
    assert page.evaluate("() => window.pwned === undefined")
    # Label "Bob" by double-click + key, select the span by clicking it, delete it, label again.
    doc_b = lab.eval_json("df.text['b']")
    double_click(page, rect(root, doc_b, "Bob"))
    root.press("1")
    root.locator('[data-testid="span"]').wait_for(state="visible")
    root.locator('[data-testid="span"]').click()
    assert "nbl-span-selected" in (root.locator('[data-testid="span"]').get_attribute("class"))
    root.press("Delete")
    root.locator('[data-testid="span"]').wait_for(state="detached")
    drag_select(page, rect(root, doc_b, "😀 Bob"))
    root.press("2")
    root.locator('[data-testid="span"]').wait_for(state="visible")
    root.press("1")  # the new span is selected: its label key relabels it
    page.wait_for_function(
        "el => el.querySelector('[data-tags]').dataset.tags === 'PER'", arg=root.element_handle()
    )
    # A span inside another: both labels shown, the shared text marked a level deeper.
    double_click(page, rect(root, doc_b, "Bob"))
    root.press("2")
    page.wait_for_function(
        "el => el.querySelector('[data-depth=\"2\"]')?.textContent === 'Bob'",
        arg=root.element_handle(),
    )
    assert root.locator("[data-tags]").get_attribute("data-tags") == "LOC | PER"
    lab.screenshot("text-spans-nested", directory=ARTIFACTS_DIR)
    root.press("Enter")
    page.wait_for_function(
        "el => el.dataset.busy === 'false'", arg=root.element_handle(), timeout=15_000
    )
    assert lab.eval_json("w.labels['span'].tolist()") == [
        [[per, per + len("👩‍💻 Ada Lovelace"), "PER"], [london, london + 6, "LOC"]],
        [[doc_b.index("😀"), len(doc_b), "PER"], [len(doc_b) - 3, len(doc_b), "LOC"]],
    ]
    assert root.locator("img, script").count() == 0
    assert dialogs == []


RELATIONS_SETUP = """
import pandas as pd
import nblabel
df = pd.DataFrame({"text": ["Ada 👩‍💻 works for Acme in London."]}, index=["a"])
w = nblabel.TextLabeler(df, spans=["PER", "ORG"], relations=["works_for", "lives_in"],
                        job="ui-relations")
w
"""


def test_relation_between_two_mouse_spans_made_by_keys(lab):
    lab.open_cells(RELATIONS_SETUP)
    lab.run_all()
    root = lab.page.locator('[data-testid="nblabel"]').first
    wait_key(root, "a")
    page = lab.page
    doc = lab.eval_json("df.text['a']")
    span = root.locator('[data-testid="span"]')
    relation = root.locator('[data-testid="relation"]')

    double_click(page, rect(root, doc, "Ada"))
    root.press("1")  # PER
    span.first.wait_for(state="visible")
    double_click(page, rect(root, doc, "Acme"))
    root.press("2")  # ORG
    page.wait_for_function(
        "el => el.querySelectorAll('[data-testid=span]').length >= 2", arg=root.element_handle()
    )
    # Keys only: r from the selected span (Acme), Tab to the other span, r to relate.
    root.press("r")
    assert "Relation from “Acme”" in root.locator('[data-testid="relation-status"]').inner_text()
    root.press("Tab")
    root.press("r")
    relation.wait_for(state="visible")
    assert relation.inner_text() == "“Acme” → “Ada”"
    root.press("Delete")  # the new relation is selected: Delete removes it, not a span
    relation.wait_for(state="detached")
    assert span.count() == 2
    # Click Ada, r, click Acme: Ada → Acme; its label by number key.
    span.filter(has_text="Ada").click()
    root.press("r")
    span.filter(has_text="Acme").click()
    relation.wait_for(state="visible")
    root.press("1")
    page.wait_for_function(
        "el => el.querySelector('[data-testid=relation]').textContent.endsWith('(works_for)')",
        arg=root.element_handle(),
    )
    assert relation.inner_text() == "“Ada” → “Acme” (works_for)"
    # Drawn as an arrow too: from Ada's span to Acme's, pointing at Acme.
    arrow = root.locator('[data-testid="relation-arrow"]')
    assert arrow.count() == 1 and arrow.get_attribute("marker-end")
    ends = arrow.evaluate(
        """p => { const n = p.getTotalLength(); const a = p.getPointAtLength(0),
                   b = p.getPointAtLength(n); return [a.x, b.x]; }"""
    )
    xs = [
        span.filter(has_text=name).evaluate(
            "(el) => { const t = el.closest('[data-testid=text]');"
            " const r = el.getClientRects()[0];"
            " return r.left + r.width / 2 - t.getBoundingClientRect().left + t.scrollLeft; }"
        )
        for name in ("Ada", "Acme")
    ]
    assert abs(ends[0] - xs[0]) < 1 and abs(ends[1] - xs[1]) < 1, (ends, xs)
    lab.screenshot("text-relations", directory=ARTIFACTS_DIR)
    # Its direction turns: Shift+R on the selected relation, or its ⇄ button.
    markers = "p => [p.hasAttribute('marker-start'), p.hasAttribute('marker-end')]"
    root.press("Shift+R")
    assert relation.inner_text() == "“Ada” ← “Acme” (works_for)"
    assert arrow.evaluate(markers) == [True, False]
    root.locator('[data-testid="relation-turn"]').click()
    assert relation.inner_text() == "“Ada” ↔ “Acme” (works_for)"
    assert arrow.evaluate(markers) == [True, True]
    root.locator('[data-testid="relation-turn"]').click()
    root.press("Shift+R")
    assert relation.inner_text() == "“Ada” ← “Acme” (works_for)"
    root.press("Enter")
    page.wait_for_function(
        "el => el.dataset.busy === 'false'", arg=root.element_handle(), timeout=15_000
    )
    query = "[[r.from_text, r.to_text, r.direction, r.labels] for r in w.relations.itertuples()]"
    rows = lab.eval_json(query)
    for _ in range(20):  # the submit may still be on its way to the kernel
        if rows:
            break
        page.wait_for_timeout(250)
        rows = lab.eval_json(query)
    assert rows == [["Ada", "Acme", "left", ["works_for"]]]
    ann = lab.eval_json("w.annotations.type.tolist()")
    assert ann == ["labels", "labels", "relation"]


PREDICTED_SETUP = """
import pandas as pd
import nblabel
df = pd.DataFrame({"text": ["Ada met Bob in Paris.", "Nobody here."]}, index=["a", "b"])
span = lambda s, e, label, score: {"from_name": "span", "to_name": "text", "type": "labels",
    "score": score, "value": {"start": s, "end": e, "text": df.text["a"][s:e], "labels": [label]}}
df["model"] = [[span(0, 3, "PER", 0.9), span(8, 11, "LOC", 0.4), span(15, 20, "PER", 0.3)],
               None]
w = nblabel.TextLabeler(df, spans=["PER", "LOC"], predictions="model", job="ui-predicted")
w
"""


def test_predicted_spans_are_dashed_accepted_by_key_edited_or_rejected(lab):
    lab.open_cells(PREDICTED_SETUP)
    lab.run_all()
    root = lab.page.locator('[data-testid="nblabel"]').first
    wait_key(root, "a")
    predicted = root.locator('[data-testid="span"][data-predicted]')
    predicted.first.wait_for(state="visible")
    assert predicted.count() == 3
    tags = predicted.evaluate_all("els => els.map(e => e.dataset.tags)")
    assert tags == ["PER 90%", "LOC 40%", "PER 30%"]
    lab.screenshot("text-spans-predicted", directory=ARTIFACTS_DIR)
    # "Bob" is a person, not a place: click it, press PER's key; it is the annotator's now.
    doc = lab.eval_json("df.text['a']")
    box = rect(root, doc, "Bob")
    lab.page.mouse.click((box["x0"] + box["x1"]) / 2, box["y0"])
    root.press("1")
    assert predicted.count() == 2  # "Ada" and "Paris" are still the model's
    box = rect(root, doc, "Paris")  # not a person: reject it
    lab.page.mouse.click((box["x0"] + box["x1"]) / 2, box["y0"])
    root.press("Delete")
    assert predicted.count() == 1
    root.press("a")  # accept the rest
    assert predicted.count() == 0
    root.press("Enter")
    wait_key(root, "b")
    stored = lab.eval_json('[(r["value"]["text"], r["value"]["labels"], r["origin"]) '
                           'for r in w.store.state("a").result]')  # fmt: skip
    assert stored == [["Ada", ["PER"], "prediction"], ["Bob", ["PER"], "prediction-changed"]]


def test_keyboard_selection_by_word_after_an_emoji_reaches_python_as_code_points(lab):
    lab.open_cells(SETUP)
    lab.run_all()
    root = lab.page.locator('[data-testid="nblabel"]').first
    wait_key(root, "a")
    root.focus()
    # "Hello 👩‍💻 Ada Lovelace, ...": the first word, then on past the emoji to "Ada".
    root.press("Control+ArrowRight")  # "Hello"
    for _ in range(2):
        root.press("Control+ArrowRight")
    root.press("Control+Shift+ArrowRight")  # grow to "Ada Lovelace"
    root.press("1")  # PER
    root.locator('[data-testid="span"]').first.wait_for(state="visible")
    root.press("Enter")
    wait_key(root, "b")
    doc = lab.eval_json("df.text['a']")
    (span,) = lab.eval_json('[r["value"] for r in w.store.state("a").result]')
    assert doc[span["start"] : span["end"]] == span["text"] == "Ada Lovelace", span
    assert span["start"] == doc.index("Ada")  # code points: the emoji counts as 3, not 5


def test_span_edits_undo_and_redo_before_the_submit_undo(lab):
    lab.open_cells(SETUP)
    lab.run_all()
    root = lab.page.locator('[data-testid="nblabel"]').first
    wait_key(root, "a")
    root.focus()
    span = root.locator('[data-testid="span"]')
    for _ in range(3):
        root.press("Control+ArrowRight")  # "Hello", the emoji, "Ada"
    root.press("1")  # PER on "Ada"
    span.first.wait_for(state="visible")
    root.press("2")  # relabel the selected span: LOC
    assert span.evaluate_all("els => els.map(e => e.dataset.tags)") == ["LOC"]
    root.press("Control+z")  # back to PER
    assert span.evaluate_all("els => els.map(e => e.dataset.tags)") == ["PER"]
    root.press("Control+z")  # no span
    assert span.count() == 0
    root.press("Control+Shift+z")  # PER again
    assert span.evaluate_all("els => els.map(e => e.dataset.tags)") == ["PER"]
    root.press("Enter")
    wait_key(root, "b")
    stored = lab.eval_json(
        '[(r["value"]["text"], r["value"]["labels"]) for r in w.store.state("a").result]'
    )
    assert stored == [["Ada", ["PER"]]]
    # Nothing left to undo on the new item: Ctrl+Z undoes the submit, as before.
    root.press("Control+z")
    wait_key(root, "a")


def test_word_granularity_grows_a_partial_mouse_selection_to_whole_words(lab):
    lab.open_cells(SETUP.replace('job="ui-spans"', 'job="ui-words", granularity="word"'))
    lab.run_all()
    root = lab.page.locator('[data-testid="nblabel"]').first
    wait_key(root, "a")
    doc = lab.eval_json("df.text['a']")
    drag_select(lab.page, rect(root, doc, "da Lovel"))  # from inside one word to another
    root.press("1")
    root.locator('[data-testid="span"]').first.wait_for(state="visible")
    root.press("Enter")
    wait_key(root, "b")
    (span,) = lab.eval_json('[r["value"] for r in w.store.state("a").result]')
    assert span["text"] == doc[span["start"] : span["end"]] == "Ada Lovelace"


LONG_SETUP = """
import pandas as pd
import nblabel
lines = [f"line {i}: Ada 👩‍💻 met Bob in 東京 🇯🇵 and Paris" for i in range(6000)]
# One paragraph of 60 KB without a newline as well: cut at spaces.
doc = "\\n".join(["\\n".join(lines[:3000]), " ".join(lines[3000:4500]), *lines[4500:]])
df = pd.DataFrame({"text": [doc]}, index=["long"])
w = nblabel.TextLabeler(df, spans=["PER", "LOC"], job="ui-long")
w
"""

# The text node holding UTF-16 index `from` of the text view, and the index within it.
_NODE_AT = """(text, from) => {
  const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
  let seen = 0, node;
  while ((node = walker.nextNode())) {
    if (from < seen + node.data.length) return [node, from - seen];
    seen += node.data.length;
  }
}"""

# Scroll the text so that characters [from, to) (UTF-16) are in view.
_SCROLL_TO = f"""([el, from, to]) => {{
  const text = el.querySelector('[data-testid=text]');
  const [node, at] = ({_NODE_AT})(text, from);
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + to - from);
  const r = range.getBoundingClientRect();
  text.scrollTop += r.top - text.getBoundingClientRect().top - 80;
}}"""

_TWO_FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def _settled_rect(page, root, start: int, end: int) -> dict:
    """Scroll the text to UTF-16 ``start:end`` and measure it once the layout has settled:
    blocks drawn for the first time (``content-visibility: auto``) take their real height
    after the scroll, which moves the text under a rect measured too early."""
    args = [root.element_handle(), start, end]
    box = None
    for _ in range(20):
        page.evaluate(_SCROLL_TO, args)
        page.evaluate(_TWO_FRAMES)
        again = page.evaluate(TEXT_RECT, args)
        if again == box:
            return box
        box = again
    raise AssertionError(f"the text kept moving under {start}:{end}: {box}")


# Put a collapsed selection (a caret) at UTF-16 index `from`, its block's end in view.
_CARET_AT = f"""([el, from]) => {{
  const text = el.querySelector('[data-testid=text]');
  const [node, at] = ({_NODE_AT})(text, from);
  const r = document.createRange();
  r.setStart(node, at);
  r.collapse(true);
  node.parentElement.scrollIntoView({{block: "end"}});
  const sel = document.getSelection();
  sel.removeAllRanges();
  sel.addRange(r);
}}"""


def utf16(doc: str, index: int) -> int:
    return len(doc[:index].encode("utf-16-le")) // 2


def test_long_document_in_blocks_labels_deep_spans_with_exact_offsets(lab):
    lab.open_cells(LONG_SETUP)
    lab.run_all(timeout=120)
    root = lab.page.locator('[data-testid="nblabel"]').first
    wait_key(root, "long", timeout=60_000)
    page = lab.page
    doc = lab.eval_json("df.text['long']")
    blocks = root.locator(".nbl-block")
    assert blocks.count() > 20
    assert blocks.first.evaluate("b => getComputedStyle(b).contentVisibility") == "auto"
    # The blocks hold the document exactly, cut at newlines and (in the long paragraph)
    # at spaces.
    froms = blocks.evaluate_all("bs => bs.map(b => Number(b.dataset.from))")
    assert root.locator("[data-testid=text]").evaluate("t => t.textContent") == doc
    units = doc.encode("utf-16-le")
    before = [units[2 * f - 2 : 2 * f].decode("utf-16-le") for f in froms[1:]]
    assert set(before) == {"\n", " "}, set(before)

    # Deep in the document: double-click a word, label it; the kernel's offsets are exact.
    target = "line 4321: Ada 👩‍💻 met Bob"
    at = doc.index(target) + target.index("Bob")
    box = _settled_rect(page, root, utf16(doc, at), utf16(doc, at + 3))
    double_click(page, box)
    root.press("1")  # PER
    root.locator('[data-testid="span"]').first.wait_for(state="visible")
    assert root.locator('[data-testid="span"]').inner_text() == "Bob"

    # Keyboard: from the last word of a block, grow the selection into the next block.
    cut = froms[7]
    prefix = units[: 2 * cut].decode("utf-16-le")
    word = prefix.rstrip().rsplit(" ", 1)[1]
    start = len(prefix.rstrip()) - len(word)
    page.evaluate(_CARET_AT, [root.element_handle(), utf16(doc, start)])
    root.focus()
    for _ in range(3):
        root.press("Control+Shift+ArrowRight")
    root.press("2")  # LOC
    page.wait_for_function(
        "el => el.querySelectorAll('[data-testid=span]').length >= 3", arg=root.element_handle()
    )
    lab.screenshot("text-long-document", directory=ARTIFACTS_DIR)
    root.press("Enter")
    page.wait_for_function(
        "el => el.dataset.busy === 'false'", arg=root.element_handle(), timeout=15_000
    )
    spans = lab.eval_json(
        '[(r["value"]["start"], r["value"]["end"], r["value"]["text"], r["value"]["labels"])'
        ' for r in w.store.state("long").result]'
    )
    assert len(spans) == 2, spans
    by_label = {labels[0]: (s, e, t) for s, e, t, labels in spans}
    assert by_label["PER"] == (at, at + 3, "Bob")
    s, e, t = by_label["LOC"]
    assert s == start and doc[s:e] == t
    assert len(doc[:e].encode("utf-16-le")) // 2 > cut  # it runs into the next block


def test_overlap_false_refuses_an_overlapping_span_in_the_browser(lab):
    lab.open_cells(SETUP.replace('job="ui-spans"', 'job="ui-overlap", overlap=False'))
    lab.run_all()
    root = lab.page.locator('[data-testid="nblabel"]').first
    wait_key(root, "a")
    doc = lab.eval_json("df.text['a']")
    span = root.locator('[data-testid="span"]')
    double_click(lab.page, rect(root, doc, "Ada"))
    root.press("1")
    span.first.wait_for(state="visible")
    drag_select(lab.page, rect(root, doc, "Ada Lovelace"))
    root.press("2")
    error = root.locator('[data-testid="error"]')
    error.wait_for(state="visible")
    assert "would overlap “Ada”" in error.inner_text()
    assert span.evaluate_all("els => els.map(e => e.dataset.tags)") == ["PER"]
    double_click(lab.page, rect(root, doc, "Lovelace"))  # touching, not overlapping
    root.press("1")
    lab.page.wait_for_function(
        "el => el.querySelectorAll('[data-testid=span]').length === 2", arg=root.element_handle()
    )
