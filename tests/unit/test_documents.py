"""TextArea, fixed Text and Header, HyperText, Paragraphs with ParagraphLabels, Table and
Chat: what the config may say, what a valid result is, what bad input says, and what the
browser and the DataFrames get."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import nblabel
from nblabel.results import paragraph_span, span, textarea
from nblabel.widgets import protocol

from .test_widget import Browser

TEXT = """<View>
  <Header value="Summarise the review"/>
  <Text name="handle" value="@johndoe"/>
  <Text name="review" value="$review" granularity="word"/>
  <Labels name="ner" toName="review"><Label value="PER"/></Labels>
  <TextArea name="summary" toName="review" maxSubmissions="1" required="true"/>
  <TextArea name="tags" toName="review" rows="3" skipDuplicates="true"/>
  <TextArea name="who" toName="review" perRegion="true"/>
</View>"""


@pytest.fixture
def w():
    df = pd.DataFrame({"review": ["Ada liked it.", "Bob did not."]}, index=["a", "b"])
    return nblabel.Labeler(df, config=TEXT, store=":memory:")


# -- TextArea --------------------------------------------------------------------------------
def test_a_textarea_is_a_list_of_texts_and_a_string_in_labels(w):
    summary, tags = w.schema.control("summary"), w.schema.control("tags")
    w.submit(result=[textarea(summary, "Liked it"), textarea(tags, ["short", "positive"])])
    item = w.store.state("a").result[0]
    assert (item["type"], item["value"]) == ("textarea", {"text": ["Liked it"]})
    assert w.labels.loc["a", "summary"] == "Liked it"  # one text: a string
    assert w.labels.loc["a", "tags"] == ["short", "positive"]  # several: the list
    assert w.labels.loc["b", "summary"] is None
    ann = w.annotations.set_index("from_name")
    assert ann.loc["summary", "text"] == "Liked it" and ann.loc["tags", "text"] == [
        "short", "positive"
    ]  # fmt: skip
    assert w.schema.interface.validate_annotation({"result": w.store.state("a").result})


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ({"text": ["one", "two"]}, "takes at most 1 text (maxSubmissions=1), got 2: 'one', 'two'"),
        ({"text": "one"}, "takes a list of texts, got the string 'one'"),
        ({"text": [1]}, "takes a list of texts"),
        ({}, "takes a list of texts, got None"),
        ({"text": ["  "]}, "an empty text"),
    ],
)
def test_bad_textarea_values_name_the_item_and_the_control(w, value, words):
    item = {**textarea(w.schema.control("summary"), "x"), "value": value}
    with pytest.raises(nblabel.ResultError, match=re.escape(words)) as info:
        w.submit(result=[item])
    assert "item 'a'" in str(info.value) and "'summary'" in str(info.value)
    assert w.labels["status"].isna().all()  # nothing stored


def test_over_max_submissions_from_the_browser_is_a_clear_error_in_the_widget(w):
    b = Browser(w)
    item = textarea(w.schema.control("summary"), ["one", "two"])
    reply, _ = b.ask(protocol.SUBMIT, key="a", result=[item], lead_time=1.0)
    assert not reply["ok"] and "maxSubmissions=1" in reply["error"]
    shown = w.errors["message"].iloc[-1]
    assert "'summary'" in shown and "item 'a'" in shown
    reply, _ = b.ask(protocol.SUBMIT, key="a", result=[textarea(w.schema.control("summary"), "ok")])
    assert reply["ok"]  # the session goes on


def test_a_required_textarea_duplicates_and_bad_configs(w):
    tags = w.schema.control("tags")
    with pytest.raises(nblabel.ResultError, match=r"required control.*summary"):
        w.submit(result=[textarea(tags, "x")])
    with pytest.raises(nblabel.ResultError, match=r"the text 'Nice' twice \(skipDuplicates"):
        twice = textarea(tags, ["nice", "Nice"])
        w.submit(result=[textarea(w.schema.control("summary"), "s"), twice])
    df = pd.DataFrame({"t": ["x"]})
    bad = [('rows="0"', "rows='0'"), ('maxSubmissions="two"', "maxSubmissions='two'")]
    for attrs, words in bad:
        xml = f'<View><Text name="t" value="$t"/><TextArea name="n" toName="t" {attrs}/></View>'
        with pytest.raises(nblabel.SchemaError, match=words):
            nblabel.Labeler(df, config=xml, store=":memory:")


def test_a_textarea_per_span_is_stored_as_label_studio_stores_it(w):
    doc = "Ada liked it."
    ada = span(doc, start=0, end=3, labels="PER", from_name="ner", to_name="review")
    note = textarea(w.schema.control("who"), "the reviewer", region=ada)
    assert note["id"] == ada["id"] and note["value"] == {"text": ["the reviewer"]}
    w.submit(result=[ada, note, textarea(w.schema.control("summary"), "ok")])
    stored = next(r for r in w.store.state("a").result if r["from_name"] == "who")
    # The span's place repeated, its "text" replaced by the list (ls-tags.md §2, key clash).
    assert stored["value"] == {"text": ["the reviewer"], "start": 0, "end": 3}
    assert w.labels.loc["a", "who"] == [(0, 3, "the reviewer")]  # a span's answer at its place
    assert w.schema.interface.validate_annotation({"result": w.store.state("a").result})


# -- fixed Text, Header, Style -----------------------------------------------------------
def test_fixed_texts_and_headers_are_shown_and_read_no_column(w):
    objects = {o["name"]: o for o in w._schema["objects"]}
    assert list(objects) == ["_header1", "handle", "review"]
    assert objects["handle"] == {"name": "handle", "type": "text", "value": "@johndoe",
                                 "literal": True, "attrs": {"name": "handle",
                                                            "value": "@johndoe"}}  # fmt: skip
    assert objects["_header1"]["value"] == "Summarise the review"
    assert objects["review"]["attrs"]["granularity"] == "word"
    assert [o.name for o in w.schema.objects] == ["review"]  # what items and pushes read
    assert [o.name for o in w.schema.visuals] == ["_header1", "handle"]


def test_headers_from_a_column_or_their_content_and_style_is_never_sent():
    df = pd.DataFrame({"t": ["x", "y"], "title": ["First", None]})
    xml = """<View><Style>.nbl-root { display: none }</Style>
      <Header value="$title" size="2" underline="true"/><Header>Plain text</Header>
      <Text name="t" value="$t"/><Choices name="c" toName="t"><Choice value="a"/></Choices>
    </View>"""
    w = nblabel.Labeler(df, config=xml, store=":memory:")
    assert "display" not in str(w._schema)  # <Style> is ignored, never injected
    (header,) = [o for o in w._schema["objects"] if o["value"] == "$title"]
    shown = {o["name"]: o.get("value") for o in w._schema["objects"]}
    assert shown["_header2"] == "Plain text"
    reply, _ = Browser(w).ask(protocol.FETCH, keys=["0", "1"])
    texts = [i["objects"][header["name"]]["text"] for i in reply["items"]]
    assert texts == ["First", ""]  # a missing header is empty, not an error
    # Label Studio's own templates use sizes past 5 (size="8"): taken; a non-number is not.
    nblabel.Labeler(df, config=xml.replace('size="2"', 'size="8"'), store=":memory:")
    with pytest.raises(nblabel.SchemaError, match="size='big'"):
        nblabel.Labeler(df, config=xml.replace('size="2"', 'size="big"'), store=":memory:")


def test_labeling_a_fixed_text_is_named():
    xml = ('<View><Text name="hint" value="Read me"/><Choices name="c" toName="hint">'
           '<Choice value="a"/></Choices></View>')  # fmt: skip
    with pytest.raises(nblabel.SchemaError, match="shows the fixed value 'Read me'"):
        nblabel.Schema(xml)
    with pytest.raises(nblabel.SchemaError, match=r'write value="\$column"'):
        nblabel.Schema('<View><Image name="i" value="photo.png"/></View>')


# -- HyperText -------------------------------------------------------------------------------
def test_hypertext_sends_the_html_for_the_browser_to_sanitize():
    df = pd.DataFrame({"html": ["<p>Hi <b>there</b><script>x()</script></p>", 3]})
    xml = ('<View><HyperText name="doc" value="$html"/><Choices name="c" toName="doc">'
           '<Choice value="ok"/></Choices></View>')  # fmt: skip
    w = nblabel.Labeler(df, config=xml, store=":memory:")
    reply, _ = Browser(w).ask(protocol.FETCH, keys=["0", "1"])
    first, second = reply["items"]
    html = "<p>Hi <b>there</b><script>x()</script></p>"
    assert first["objects"]["doc"] == {"type": "hypertext", "html": html}
    assert second["objects"]["doc"]["error"] == "item '1': HTML must be a string, got int 3"
    with pytest.raises(nblabel.SchemaError, match="loads nothing from the network"):
        nblabel.Schema(xml.replace('value="$html"', 'value="$html" valueType="url"'))


# -- Paragraphs and ParagraphLabels ----------------------------------------------------------
DIALOGUE = """<View>
  <Paragraphs name="dlg" value="$chat" layout="dialogue" nameKey="role" textKey="content"/>
  <ParagraphLabels name="act" toName="dlg"><Label value="GREET"/><Label value="ASK"/>
  </ParagraphLabels>
</View>"""
TURNS = [{"role": "user", "content": "Hello there"}, {"role": "bot", "content": "Hi 😀 you"}]


@pytest.fixture
def d():
    df = pd.DataFrame({"chat": [TURNS, TURNS[:1], "not a list"]}, index=["x", "y", "z"])
    return nblabel.Labeler(df, config=DIALOGUE, store=":memory:")


def _span(**kw):
    base = dict(start=0, end=1, start_offset=6, end_offset=5, labels="GREET",
                from_name="act", to_name="dlg")  # fmt: skip
    return paragraph_span([t["content"] for t in TURNS], **{**base, **kw})


def test_a_paragraph_span_is_label_studios_shape(d):
    item = _span()
    assert item["value"] == {"start": "0", "end": "1", "startOffset": 6, "endOffset": 5,
                             "text": "there\nHi 😀", "paragraphlabels": ["GREET"]}  # fmt: skip
    d.submit(result=[item, _span(start=1, end=1, start_offset=0, end_offset=2, labels="ASK")])
    assert d.labels.loc["x", "act"] == [((0, 6), (1, 5), "GREET"), ((1, 0), (1, 2), "ASK")]
    ann = d.annotations
    assert ann[["start", "end", "start_offset", "end_offset"]].values.tolist() == [
        [0, 1, 6, 5], [1, 1, 0, 2]
    ]  # fmt: skip
    assert ann["text"].tolist() == ["there\nHi 😀", "Hi"]
    assert d.schema.interface.validate_annotation({"result": d.store.state("x").result})


def test_the_text_is_compared_ignoring_whitespace_as_label_studio_does(d):
    item = _span()
    item["value"]["text"] = "thereHi 😀"  # Label Studio's programmatic selections join so
    d.submit(result=[item])
    assert d.store.state("x").result[0]["value"]["text"] == "thereHi 😀"


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"start": 0}, "start and end are paragraph indexes written as strings, got 0"),
        ({"end": "2"}, "paragraphs 0 to 2 are not within the item's 2 paragraphs"),
        ({"endOffset": 10}, "endOffset 10 is outside paragraph 1, which is 9 long"),
        ({"end": "0", "endOffset": 6}, "is empty or reversed"),
        ({"text": "something else"}, "text 'something else' is not the text"),
        ({"paragraphlabels": []}, "has no label"),
        ({"paragraphlabels": ["NOPE"]}, "unknown label"),
        ({"startOffset": None}, "needs start and end"),
    ],
)
def test_bad_paragraph_spans_name_the_item_and_the_problem(d, change, words):
    item = _span()
    item["value"].update(change)
    with pytest.raises(nblabel.ResultError, match=re.escape(words)) as info:
        d.submit(result=[item])
    assert "item 'x'" in str(info.value)
    assert d.labels["status"].isna().all()


def test_bad_dialogues_are_item_errors_and_the_others_load(d):
    reply, _ = Browser(d).ask(protocol.FETCH, keys=["x", "z"])
    good, bad = reply["items"]
    assert good["objects"]["dlg"]["paragraphs"][1] == {"name": "bot", "text": "Hi 😀 you"}
    assert "the paragraphs are a string" in bad["objects"]["dlg"]["error"]
    assert "json.loads" in bad["objects"]["dlg"]["error"]
    df = pd.DataFrame({"chat": [[{"speaker": "a", "content": "x"}]]})
    w = nblabel.Labeler(df, config=DIALOGUE, store=":memory:")
    reply, _ = Browser(w).ask(protocol.FETCH, keys=["0"])
    assert "paragraph 0 has no 'role'" in reply["items"][0]["objects"]["dlg"]["error"]
    assert 'nameKey="..."' in reply["items"][0]["objects"]["dlg"]["error"]


# -- Table and Chat --------------------------------------------------------------------------
def test_a_table_is_laid_out_as_label_studio_does():
    df = pd.DataFrame({"rec": [{"b": 1, "A": {"x": 2}, "c": "t"}, [{"a": 1}, {"b": 2}], "x"]})
    xml = ('<View><Table name="tb" value="$rec"/><Choices name="c" toName="tb">'
           '<Choice value="ok"/></Choices></View>')  # fmt: skip
    w = nblabel.Labeler(df, config=xml, store=":memory:")
    reply, _ = Browser(w).ask(protocol.FETCH, keys=["0", "1", "2"])
    one, many, bad = (i["objects"]["tb"] for i in reply["items"])
    # A dict: Name/Value sorted by name case-insensitively, objects as JSON.
    assert one["columns"] == ["Name", "Value"]
    assert one["rows"] == [["A", '{"x": 2}'], ["b", "1"], ["c", "t"]]
    assert many == {"type": "table", "columns": ["a", "b"], "rows": [["1", ""], ["", "2"]]}
    assert "a table is a dict" in bad["error"] and "json.loads" in bad["error"]


def test_chat_is_shown_read_only_and_what_it_cannot_do_is_named():
    chat = [{"role": "user", "content": "Hi", "createdAt": 1700000000000},
            {"role": "assistant", "content": "Hello"}]  # fmt: skip
    df = pd.DataFrame({"chat": [chat]})
    xml = ('<View><Chat name="conv" value="$chat"/><Rating name="r" toName="conv"/>'
           '<TextArea name="why" toName="conv"/></View>')  # fmt: skip
    w = nblabel.Labeler(df, config=xml, store=":memory:")
    reply, _ = Browser(w).ask(protocol.FETCH, keys=["0"])
    assert reply["items"][0]["objects"]["conv"]["messages"] == chat
    w.submit(result=[textarea(w.schema.control("why"), "polite")])
    assert w.labels.loc[0, "why"] == "polite"
    with pytest.raises(nblabel.SchemaError, match=r"editable='true'.*read-only"):
        nblabel.Schema(xml.replace('value="$chat"', 'value="$chat" editable="true"'))
    with pytest.raises(nblabel.SchemaError, match="per-message answers are Label Studio"):
        nblabel.Schema(xml.replace('name="why"', 'name="why" perRegion="true"'))


def test_a_textarea_per_box_from_python_takes_the_box_place_and_image_size(tmp_path):
    # The browser side of per-box texts is the image regions plugin's to announce (see
    # regionbus.js); from Python the core copies the box's place in, as Label Studio stores it.
    from nblabel.results import rectangle
    from tests.conftest import make_image

    path = make_image(tmp_path / "scan.png", size=(80, 40))
    df = pd.DataFrame({"image": [str(path)]})
    xml = """<View><Image name="image" value="$image"/>
      <RectangleLabels name="box" toName="image"><Label value="Text"/></RectangleLabels>
      <TextArea name="transcription" toName="image" perRegion="true" required="true"/></View>"""
    w = nblabel.Labeler(df, config=xml, store=":memory:")
    box = rectangle(w.schema.control("box"), "Text", x=8, y=4, width=40, height=20, size=(80, 40))
    with pytest.raises(nblabel.ResultError, match="is required for every box"):
        w.submit(result=[box])
    w.submit(result=[box, textarea(w.schema.control("transcription"), "TOTAL 12", region=box)])
    stored = next(r for r in w.store.state("0").result if r["type"] == "textarea")
    assert stored["original_width"] == 80 and stored["original_height"] == 40
    assert stored["value"] == {"text": ["TOTAL 12"], "x": 10.0, "y": 10.0, "width": 50.0,
                               "height": 50.0, "rotation": 0.0}  # fmt: skip
    assert w.labels.loc[0, "transcription"] == {box["id"]: "TOTAL 12"}
