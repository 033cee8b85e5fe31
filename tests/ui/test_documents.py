"""Text-like objects and TextArea in a real JupyterLab: typing goes to the box (never to the
labeling keys) and reaches Python as Label Studio's textarea items, a note per span; a span
across two paragraphs of a dialogue drawn by mouse; HyperText shown sanitized in its own
shadow root (nothing runs, nothing is fetched), with Header, a fixed Text, a Table and a
Chat shown in order."""

from __future__ import annotations

from ..support.ui import wait_key
from .jupyter_harness import ARTIFACTS_DIR
from .test_accessibility import AXE, axe_violations
from .test_text_spans import double_click, drag_select, rect

TEXTAREA = '''
import pandas as pd
import nblabel
df = pd.DataFrame({"text": ["Ada met Bob in London.", "Nothing here."]}, index=["a", "b"])
cfg = """<View>
<Header value="Describe the text"/>
<Text name="text" value="$text"/>
<Labels name="ner" toName="text"><Label value="PER"/></Labels>
<Choices name="tone" toName="text"><Choice value="calm"/><Choice value="angry"/></Choices>
<TextArea name="summary" toName="text" placeholder="One line" maxSubmissions="2"/>
<TextArea name="notes" toName="text" rows="3"/>
<TextArea name="who" toName="text" perRegion="true" required="true"/>
</View>"""
w = nblabel.Labeler(df, config=cfg, job="ui-textarea")
w
'''


def test_typing_goes_to_the_box_and_reaches_python_as_textarea_items(lab):
    lab.open_cells(TEXTAREA)
    lab.run_all()
    page = lab.page
    root = page.locator('[data-testid="nblabel"]').first
    wait_key(root, "a")
    hotkeys = lab.eval_json("{c['name']: [x['hotkey'] for x in c['choices']] "
                            "for c in w._schema['controls']}")  # fmt: skip
    assert hotkeys["ner"] == ["1"] and hotkeys["tone"] == ["2", "3"]
    summary = root.locator('[data-testid="textarea"][data-control="summary"]')
    assert summary.get_attribute("placeholder") == "One line"
    # Digits and letters that are labeling keys (1 PER, 2 calm, s skip, u undo) are text here.
    summary.click()
    summary.type("12 suns")
    summary.press("Enter")  # one row: Enter adds the text
    texts = root.locator('[data-control="summary"] [data-testid="textarea-text"]')
    texts.first.wait_for(state="visible")
    assert texts.all_inner_texts() == ["12 suns×"] or texts.first.inner_text().startswith("12 suns")
    assert root.locator('button[data-value="calm"]').get_attribute("aria-pressed") == "false"
    summary.type("second")
    summary.press("Enter")
    # maxSubmissions="2": full, so the box is gone and the keys are the labeler's again.
    page.wait_for_function(
        "el => el.querySelector('[data-control=summary].nbl-textarea .nbl-textarea-entry').hidden",
        arg=root.element_handle(),
    )
    notes = root.locator('[data-testid="textarea"][data-control="notes"]')
    notes.click()
    notes.type("line one")
    notes.press("Enter")  # several rows: Enter is a new line ...
    notes.type("line two")
    notes.press("Shift+Enter")  # ... and Shift+Enter adds
    assert notes.input_value() == ""

    # A note per span: select "Bob", label it, then its box asks for the person's note.
    doc = lab.eval_json("df.text['a']")
    double_click(page, rect(root, doc, "Bob"))
    root.press("1")
    who = root.locator('[data-testid="textarea"][data-control="who"]')
    who.wait_for(state="visible")
    about = root.locator('[data-control="who"] [data-testid="textarea-region"]')
    assert "“Bob”" in about.inner_text()
    who.click()
    who.type("the friend")  # typed, not added: submitting adds it (Label Studio's beforeSend)
    root.locator('[data-testid="span"]').first.click()  # the span stays selected
    root.screenshot(path=str(ARTIFACTS_DIR / "textarea.png"))
    if AXE.exists():
        assert axe_violations(page) == []
    who.press("Control+Enter")  # submit from inside the box
    wait_key(root, "b")

    rows = lab.eval_json("[[r.from_name, r.type, r.value] for r in w.annotations.itertuples()]")
    by = {name: (kind, value) for name, kind, value in rows}
    assert by["summary"] == ("textarea", {"text": ["12 suns", "second"]})
    assert by["notes"] == ("textarea", {"text": ["line one\nline two"]})
    bob = doc.index("Bob")
    # Label Studio's per-region shape: the span's id and place, the text list over its text.
    who = {r["from_name"]: r for r in lab.eval_json("w.store.state('a').result")}["who"]
    assert (who["type"], who["value"]) == (
        "textarea",
        {"start": bob, "end": bob + 3, "text": ["the friend"]},
    )
    # In w.annotations the answer is a column of its span's row.
    assert "who" not in by
    assert lab.eval_json("w.annotations.set_index('from_name').loc['ner', 'who']") == "the friend"
    ids = lab.eval_json("{r['from_name']: r['id'] for r in w.store.state('a').result}")
    assert ids["who"] == ids["ner"]  # the note answers the span: the same id
    labels = lab.eval_json("w.labels.loc['a', ['tone', 'summary', 'notes']].tolist()")
    assert labels == [None, ["12 suns", "second"], "line one\nline two"]


DIALOGUE = '''
import pandas as pd
import nblabel
dialogue = [{"role": "user", "content": "Hello there, robot."},
            {"role": "bot", "content": "Hi 😀 human!"},
            {"role": "user", "content": "Book a table."}]
df = pd.DataFrame({"chat": [dialogue]}, index=["d1"])
cfg = """<View>
<Paragraphs name="dialogue" value="$chat" layout="dialogue" nameKey="role" textKey="content"/>
<ParagraphLabels name="act" toName="dialogue">
  <Label value="GREETING"/><Label value="REQUEST"/>
</ParagraphLabels>
</View>"""
w = nblabel.Labeler(df, config=cfg, job="ui-paragraphs")
w
'''

# Client rectangle from character `start` of paragraph `a` to character `end` of paragraph
# `b` (UTF-16 indices) of the dialogue.
_PRECT = """([el, a, start, b, end]) => {
  const texts = el.querySelectorAll('[data-testid=paragraph]');
  const at = (p, i) => {
    const walker = document.createTreeWalker(texts[p], NodeFilter.SHOW_TEXT);
    let seen = 0, node;
    while ((node = walker.nextNode())) {
      if (i <= seen + node.data.length) return [node, i - seen];
      seen += node.data.length;
    }
  };
  const range = document.createRange();
  range.setStart(...at(a, start));
  range.setEnd(...at(b, end));
  const r = range.getClientRects();
  const first = r[0], last = r[r.length - 1];
  return {x0: first.left, y0: (first.top + first.bottom) / 2,
          x1: last.right, y1: (last.top + last.bottom) / 2};
}"""


def test_a_span_across_paragraphs_by_mouse(lab):
    lab.open_cells(DIALOGUE)
    lab.run_all()
    page = lab.page
    root = page.locator('[data-testid="nblabel"]').first
    wait_key(root, "d1")
    assert root.locator('[data-testid="paragraph"]').all_inner_texts() == [
        "Hello there, robot.", "Hi 😀 human!", "Book a table."
    ]  # fmt: skip
    # From "robot." in the first utterance to "Hi 😀" in the second (the name between is
    # not part of the text).
    box = page.evaluate(_PRECT, [root.element_handle(), 0, 13, 1, 5])
    drag_select(page, box)
    root.press("1")
    root.locator('[data-testid="span"]').first.wait_for(state="visible")
    shown = "".join(root.locator('[data-testid="span"]').all_inner_texts())
    assert shown.replace("\n", "") == "robot.Hi 😀"
    # Double-click "Book" and press REQUEST's key.
    box = page.evaluate(_PRECT, [root.element_handle(), 2, 0, 2, 4])
    double_click(page, box)
    root.press("2")
    page.wait_for_function(
        "el => el.querySelectorAll('[data-tags]').length === 2", arg=root.element_handle()
    )
    root.screenshot(path=str(ARTIFACTS_DIR / "paragraph-spans.png"))
    if AXE.exists():
        assert axe_violations(page) == []
    root.press("Enter")
    page.wait_for_function(
        "el => el.dataset.busy === 'false' && el.dataset.status === 'submitted'",
        arg=root.element_handle(),
        timeout=15_000,
    )
    values = lab.eval_json("[r['value'] for r in w.store.state('d1').result]")
    assert values[0] == {"start": "0", "end": "1", "startOffset": 13, "endOffset": 5,
                         "text": "robot.\nHi 😀", "paragraphlabels": ["GREETING"]}  # fmt: skip
    assert values[1]["start"] == "2" and values[1]["startOffset"] == 0
    assert values[1]["paragraphlabels"] == ["REQUEST"] and values[1]["text"].startswith("Book")
    assert lab.eval_json("w.labels.loc['d1', 'act'][0]") == [[0, 13], [1, 5], "GREETING"]
    assert lab.eval_json("w.schema.interface.validate_annotation("
                         "{'result': w.store.state('d1').result})")  # fmt: skip


HTML = r'''
import pandas as pd
import nblabel
evil = """<h2 id="t">Quarterly <b>report</b></h2>
<p>Revenue <i>grew</i>.<img src="https://evil.example/pixel.png" onerror="window.pwned=1">
<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" alt="dot">
<a href="https://evil.example/phish" onclick="window.pwned=2">details</a>
<a href="#t">top</a></p>
<script>window.pwned = 3</script>
<style>@import url(https://evil.example/a.css); p { color: rgb(1, 2, 3); }</style>
<p style="background: url(https://evil.example/bg.png)">styled</p>
<iframe src="https://evil.example/frame"></iframe>
<form action="https://evil.example/post"><input name="q" value="x">
  <button data-control="tone" data-value="calm">calm</button></form>
<svg width="10" height="10"><image href="https://evil.example/i.svg"/>
  <circle r="4" fill="url(https://evil.example/g.svg#p)"/></svg>
<div style="position: fixed; inset: 0; background: red">cover</div>"""
df = pd.DataFrame({"html": [evil], "rec": [{"Card number": 18799210, "First name": "Max"}],
                   "chat": [[{"role": "user", "content": "<b>hi</b>"},
                             {"role": "assistant", "content": "Hello!"}]],
                   "title": ["Report 7"]}, index=["h1"])
cfg = """<View>
<Header value="$title" size="2" underline="true"/>
<Text name="handle" value="@johndoe"/>
<Style>.nbl-root { display: none !important }</Style>
<HyperText name="doc" value="$html"/>
<Table name="record" value="$rec"/>
<Chat name="conv" value="$chat"/>
<Choices name="tone" toName="doc"><Choice value="calm"/><Choice value="angry"/></Choices>
</View>"""
w = nblabel.Labeler(df, config=cfg, job="ui-hypertext")
w
'''


def test_hypertext_is_shown_sanitized_in_its_own_root_and_fetches_nothing(lab):
    lab.open_cells(HTML)
    requests: list[str] = []
    dialogs: list[str] = []
    lab.page.on("request", lambda r: requests.append(r.url))
    lab.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    lab.run_all()
    page = lab.page
    root = page.locator('[data-testid="nblabel"]').first
    wait_key(root, "h1")
    host = root.locator('[data-testid="hypertext"]')
    host.wait_for(state="visible")
    shadow = host.evaluate(
        """h => {
          const r = h.shadowRoot, doc = r.querySelector('.nbl-html');
          const attrs = [...doc.querySelectorAll('*')]
            .flatMap(e => [...e.attributes].map(a => a.name + '=' + a.value));
          return {
            text: doc.textContent,
            tags: [...new Set([...doc.querySelectorAll('*')].map(e => e.localName))].sort(),
            attrs,
            imgs: [...doc.querySelectorAll('img')].map(i => i.getAttribute('src')),
            links: [...doc.querySelectorAll('a')].map(a => [a.getAttribute('href'), a.title]),
            styles: [...doc.querySelectorAll('style')].map(s => s.textContent),
            inLight: document.querySelectorAll('.nbl-root iframe, .nbl-root script').length,
          };
        }"""
    )
    assert "Quarterly report" in shadow["text"] and "details" in shadow["text"]
    for gone in ("script", "iframe", "form", "input", "button", "link"):
        assert gone not in shadow["tags"], gone
    # No handler, and no address left anywhere but in a link's title (shown, not fetched).
    bad = [
        a
        for a in shadow["attrs"]
        if a.startswith("on") or ("evil.example" in a and not a.startswith("title="))
    ]
    assert not bad, bad
    assert shadow["imgs"][-1].startswith("data:image/gif") and shadow["imgs"][0] is None
    assert shadow["links"][0] == [None, "link not followed: https://evil.example/phish"]
    assert shadow["links"][1] == ["#t", ""]
    assert shadow["styles"] == [""] and shadow["inLight"] == 0
    # The fixed-position cover stays inside the document's box: the Choices are clickable.
    root.locator('button[data-value="calm"]').click()
    assert root.locator('button[data-value="calm"]').get_attribute("aria-pressed") == "true"
    assert page.evaluate("() => window.pwned === undefined") and not dialogs
    assert not [u for u in requests if "evil.example" in u], requests
    # <Style> never reaches the page; Header, the fixed Text, Table and Chat are shown in order.
    assert root.is_visible()
    assert root.locator('[data-testid="header"]').inner_text() == "Report 7"
    assert root.locator("h2.nbl-underline").count() == 1
    assert root.locator('[data-object="handle"] [data-testid="text"]').inner_text() == "@johndoe"
    cells = root.locator('[data-testid="table"] tbody tr').all_inner_texts()
    assert [c.split("\t") for c in cells] == [["Card number", "18799210"], ["First name", "Max"]]
    messages = root.locator('[data-testid="chat-message"]')
    assert messages.count() == 2 and "<b>hi</b>" in messages.first.inner_text()
    order = root.locator(".nbl-objects > [data-object]").evaluate_all(
        "els => els.map(e => e.dataset.object)"
    )
    assert order == ["_header1", "handle", "doc", "record", "conv"]
    root.screenshot(path=str(ARTIFACTS_DIR / "hypertext.png"))
    if AXE.exists():
        axe_violations(page)  # loads axe
        # The item's own HTML is data (its <img> lacks alt text here); the labeler around it
        # is checked.
        found = page.evaluate(
            """async () => (await axe.run({include: [['.nbl-root']], exclude: [['.nbl-hypertext']]},
                 {resultTypes: ['violations']})).violations.map(v => v.id)"""
        )
        assert found == []
    # The document itself, under its fixed-position cover.
    host.evaluate("h => h.shadowRoot.querySelector('.nbl-html > div:last-of-type').remove()")
    host.screenshot(path=str(ARTIFACTS_DIR / "hypertext-document.png"))


OCR = '''
import numpy as np, pandas as pd
from PIL import Image
import nblabel
Image.fromarray(np.full((300, 400, 3), 230, np.uint8)).save("scan.png")
df = pd.DataFrame({"image": ["scan.png"]}, index=["s1"])
cfg = """<View>
<Image name="image" value="$image"/>
<RectangleLabels name="box" toName="image"><Label value="Text"/></RectangleLabels>
<TextArea name="transcription" toName="image" perRegion="true" required="true"
          editable="true" maxSubmissions="1" placeholder="Recognized text"/>
</View>"""
w = nblabel.Labeler(df, config=cfg, job="ui-ocr")
w
'''


def test_a_transcription_per_box_as_the_ocr_template_does(lab):
    from .test_image_regions import Image, drag

    lab.open_cells(OCR)
    lab.run_all()
    page = lab.page
    root = page.locator('[data-testid="nblabel"]').first
    wait_key(root, "s1")
    root.locator('[data-testid="viewport"] img').wait_for(state="visible")
    box = root.locator('[data-testid="textarea"][data-control="transcription"]')
    about = root.locator('[data-control="transcription"] [data-testid="textarea-region"]')
    assert about.inner_text() == "Select a region to write its text." and not box.is_visible()
    im = Image(root)
    drag(page, im.client(0.25, 0.25), im.client(0.75, 0.5))  # the new box is selected
    box.wait_for(state="visible")
    assert about.inner_text().startswith("for Text ")
    # Required per box: submitting without its text is refused in place.
    root.focus()
    root.press("Enter")
    error = root.locator('[data-testid="error"]')
    error.wait_for(state="visible")
    assert "transcription (Text " in error.inner_text()
    box.click()
    box.type("TOTAL 42")
    box.press("Enter")  # one row: added; maxSubmissions="1" hides the box, keys go back
    root.locator('[data-control="transcription"] [data-testid="textarea-text"]').wait_for()
    root.screenshot(path=str(ARTIFACTS_DIR / "ocr-transcription.png"))
    root.press("Enter")
    page.wait_for_function(
        "el => el.dataset.busy === 'false' && el.dataset.status === 'submitted'",
        arg=root.element_handle(),
        timeout=15_000,
    )
    result = lab.eval_json("w.store.state('s1').result")
    rect = next(r for r in result if r["type"] == "rectanglelabels")
    text = next(r for r in result if r["type"] == "textarea")
    assert text["id"] == rect["id"] and text["to_name"] == "image"
    assert text["original_width"] == 400 and text["original_height"] == 300
    geometry = {k: rect["value"][k] for k in ("x", "y", "width", "height", "rotation")}
    assert text["value"] == {**geometry, "text": ["TOTAL 42"]}
    assert lab.eval_json("w.labels.loc['s1', 'transcription']") == {rect["id"]: "TOTAL 42"}
