"""Text spans: offsets on the shared table, result checks, BIO tags, the widget's views."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import nblabel
from nblabel.core.results import validate
from nblabel.tags import ANNOTATION_COLUMNS
from nblabel.text import bio_tags, from_utf16, span, to_utf16, tokens
from nblabel.widgets import protocol

TABLE = json.loads(
    (Path(__file__).resolve().parents[1] / "fixtures" / "offsets.json").read_text("utf-8")
)["cases"]
NAMES = [c["name"] for c in TABLE]


class Browser:
    """Requests as the JS side sends them, on a dummy comm."""

    def __init__(self, widget):
        self.w = widget
        self.replies = []
        self.n = 0
        widget.send = lambda content, buffers=None: self.replies.append(content)

    def ask(self, kind, **content):
        self.n += 1
        self.w._handle_custom_msg({"kind": kind, "id": self.n, **content}, [])
        assert self.replies[-1]["id"] == self.n
        return self.replies[-1], []


def test_the_table_covers_the_hard_cases():
    for needed in ("ZWJ", "flag", "skin tone", "combining", "CJK", "RTL", "CRLF", "at start",
                   "at end", "emoji"):  # fmt: skip
        assert any(needed in n for n in NAMES), needed


@pytest.mark.parametrize("case", TABLE, ids=NAMES)
def test_offsets_are_code_points(case):
    text, start, end = case["text"], case["start"], case["end"]
    assert text[start:end] == case["span"]
    assert to_utf16(text, start) == case["utf16_start"]
    assert to_utf16(text, end) == case["utf16_end"]
    assert from_utf16(text, case["utf16_start"]) == start
    assert from_utf16(text, case["utf16_end"]) == end
    item = span(text, start=start, end=end, labels="X")
    assert item["value"] == {"start": start, "end": end, "text": case["span"], "labels": ["X"]}
    # What JavaScript's string indices would select is the same text.
    units = text.encode("utf-16-le")
    js = units[2 * case["utf16_start"] : 2 * case["utf16_end"]].decode("utf-16-le")
    assert js == case["span"]


def test_from_utf16_inside_a_surrogate_pair_rounds_up():
    assert from_utf16("a😀b", 2) == 2  # between the two halves of 😀
    assert from_utf16("a😀b", 99) == 3


SCHEMA = nblabel.Schema.from_shorthands(text="text", spans=["PER", "LOC"])


def ok(doc, start, end, labels=("PER",)):
    return {"id": "r1", "from_name": "span", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": doc[start:end],
                      "labels": list(labels)}}  # fmt: skip


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"start": -1}, "outside the text"),
        ({"end": 99}, "outside the text"),
        ({"start": 3, "end": 3}, "outside the text or empty"),
        ({"start": 1.0}, "must be integers"),
        ({"text": "Bob"}, "'Bob' is not the text at 0:3, which is 'Ada'"),
        ({"labels": []}, "has no label"),
        ({"labels": ["PER", "LOC"]}, "one label per span"),
    ],
)
def test_bad_spans_are_result_errors_naming_the_item(change, message):
    doc = "Ada 😀 in Rome"
    item = ok(doc, 0, 3)
    item["value"].update(change)
    with pytest.raises(nblabel.ResultError, match="item 'k7': span 'r1'") as err:
        validate(SCHEMA, [item], key="k7", target_of={"text": doc}.__getitem__, fresh=True)
    assert message in str(err.value)


def test_span_builder_refuses_a_span_outside_the_text():
    with pytest.raises(nblabel.ResultError, match="outside the text"):
        span("abc", start=2, end=4, labels="PER")


def test_whitespace_tokens_and_bio_tags():
    doc = "Ada  Lovelace\tmet 😀 Charles\r\nBabbage in London"
    assert tokens(doc)[:2] == [(0, 3), (5, 13)]
    words, tags = bio_tags(doc, [(0, 13, "PER"), (20, 36, "PER"), (40, 46, "LOC")])
    assert words == ["Ada", "Lovelace", "met", "😀", "Charles", "Babbage", "in", "London"]
    assert tags == ["B-PER", "I-PER", "O", "O", "B-PER", "I-PER", "O", "B-LOC"]


def test_bio_tags_with_a_user_tokenizer_and_overlaps():
    doc = "New York-based ACME"

    def split(text):  # a tokenizer that also splits on '-'
        return [w for part in text.split() for w in part.replace("-", " - ").split()]

    words, tags = bio_tags(doc, [(0, 8, "LOC"), (15, 19, "ORG")], tokenizer=split)
    assert words == ["New", "York", "-", "based", "ACME"]
    assert tags == ["B-LOC", "I-LOC", "O", "O", "B-ORG"]
    # (start, end) pairs work too; nested spans: the outer one keeps the shared tokens.
    pairs = lambda text: [(0, 3), (4, 8), (15, 19)]  # noqa: E731
    _, tags = bio_tags(doc, [(4, 8, "LOC"), (0, 19, "ORG")], tokenizer=pairs)
    assert tags == ["B-ORG", "I-ORG", "I-ORG"]
    with pytest.raises(nblabel.ResultError, match="'Paris' is not in the text"):
        bio_tags(doc, [], tokenizer=lambda text: ["Paris"])


@pytest.fixture
def ner_df() -> pd.DataFrame:
    return pd.DataFrame(
        {"text": ["Ada 👩‍💻 met Charles in London", "<img src=x onerror=alert(1)>", "no names"]},
        index=["a", "b", "c"],
    )


def test_widget_takes_spans_from_the_browser(ner_df):
    w = nblabel.TextLabeler(ner_df, spans=["PER", "LOC"])
    assert [c["type"] for c in w._schema["controls"]] == ["labels"]
    b = Browser(w)
    doc = ner_df.text["a"]
    c, lo = doc.index("Charles"), doc.index("London")
    sent = [ok(doc, 0, 3), ok(doc, c, c + 7), ok(doc, lo, lo + 6, ["LOC"])]
    sent[1]["id"], sent[2]["id"] = "r2", "r3"
    reply, _ = b.ask(protocol.SUBMIT, key="a", result=sent, lead_time=2.0)
    assert reply["ok"], reply
    assert w.labels["span"]["a"] == [(0, 3, "PER"), (c, c + 7, "PER"), (lo, lo + 6, "LOC")]
    ann = w.annotations
    assert ann["label"].tolist() == ["PER", "PER", "LOC"]
    for _, row in ann.iterrows():
        assert doc[row["start"] : row["end"]] == row["text"]
    assert ann["text"].tolist() == ["Ada", "Charles", "London"]
    # A span whose text does not match is refused, shown, and nothing is lost.
    bad = [ok(doc, 0, 3)]
    bad[0]["value"]["text"] = "Bob"
    reply, _ = b.ask(protocol.SUBMIT, key="b", result=bad)
    assert not reply["ok"] and "item 'b'" in reply["error"] and "'Bob'" in reply["error"]
    assert w.error == reply["error"]
    # Stored spans come back to the browser as they are.
    b.ask(protocol.GOTO, key="a")
    assert [r["value"]["text"] for r in w.current["result"]] == ["Ada", "Charles", "London"]


def test_spans_as_spacy_and_bio(ner_df):
    w = nblabel.TextLabeler(ner_df, spans=["PER", "LOC"])
    doc = ner_df.text["a"]
    lo = doc.index("London")
    w.submit(result=[span(doc, start=lo, end=lo + 6, labels="LOC"),
                     span(doc, start=0, end=3, labels="PER")])  # fmt: skip
    w.skip()
    w.submit(result=[])
    assert w.spans_as("spacy") == [
        (doc, {"entities": [(0, 3, "PER"), (lo, lo + 6, "LOC")]}),
        ("no names", {"entities": []}),
    ]
    bio = w.spans_as("bio")
    assert bio.index.tolist() == ["a", "c"]
    assert bio["tags"]["a"] == ["B-PER", "O", "O", "O", "O", "B-LOC"]
    assert bio["tokens"]["c"] == ["no", "names"]
    with pytest.raises(ValueError, match="'conll'"):
        w.spans_as("conll")
    with pytest.raises(nblabel.SchemaError, match="no Labels control named 'x'"):
        w.spans_as("bio", control="x")


def test_spans_and_choices_together(ner_df):
    xml = """<View><Text name="t" value="$text"/>
      <Labels name="ner" toName="t"><Label value="PER" hotkey="p"/></Labels>
      <Choices name="kind" toName="t"><Choice value="news"/><Choice value="chat"/></Choices>
    </View>"""
    w = nblabel.Labeler(ner_df, config=xml)
    doc = ner_df.text["a"]
    w.submit(result=[span(doc, start=0, end=3, labels="PER", from_name="ner", to_name="t"),
                     nblabel.results.choices(w.schema.control("kind"), ["chat"])])  # fmt: skip
    assert w.labels.loc["a", "ner"] == [(0, 3, "PER")]
    assert w.labels.loc["a", "kind"] == "chat"
    ann = w.annotations
    assert ann["start"].tolist()[0] == 0 and pd.isna(ann["start"].tolist()[1])
    assert ann.columns[:14].tolist() == ANNOTATION_COLUMNS[:14]


def test_spans_of_html_and_labels_on_images_are_clear_errors(ner_df):
    # HyperText is shown (tests/unit/test_documents.py); spans of it are not labeled yet.
    xml = ("<View><HyperText name='h' value='$text'/><HyperTextLabels name='l' toName='h'>"
           "<Label value='A'/></HyperTextLabels></View>")  # fmt: skip
    with pytest.raises(nblabel.SchemaError, match="HyperTextLabels name='l'> is out of scope"):
        nblabel.Labeler(ner_df, config=xml)
    xml = ("<View><HyperText name='h' value='$text'/><Labels name='l' toName='h'>"
           "<Label value='A'/></Labels></View>")  # fmt: skip
    with pytest.raises(nblabel.SchemaError, match="spans of <Text> objects only"):
        nblabel.Labeler(ner_df, config=xml)
    xml = ("<View><Image name='i' value='$text'/><Labels name='l' toName='i'>"
           "<Label value='A'/></Labels></View>")  # fmt: skip
    # On an image, <Labels> labels regions a bare tool draws (the OCR template): none here.
    with pytest.raises(nblabel.SchemaError, match="but no <Rectangle>, <Polygon>, <KeyPoint>"):
        nblabel.Labeler(ner_df, config=xml)


def test_stored_spans_on_an_edited_text_are_reported_and_kept(ner_df):
    w = nblabel.TextLabeler(ner_df, spans=["PER", "LOC"], job="j")
    w.submit(result=[span(ner_df.text["a"], start=0, end=3, labels="PER")])
    edited = ner_df.assign(text=["Bob " + ner_df.text["a"], *ner_df.text[1:]])
    again = nblabel.TextLabeler(edited, spans=["PER", "LOC"], job="j")
    assert "1 stored label(s) do not fit" in again.error
    assert "text 'Ada' is not the text at 0:3, which is 'Bob'" in again.errors["message"][0]
    assert again.labels.loc["a", "span"] == [(0, 3, "PER")]  # kept as it is


# -- relations ---------------------------------------------------------------------------
def _two_spans(doc):
    c = doc.index("Charles")
    return [
        span(doc, start=0, end=3, labels="PER", id="s1"),
        span(doc, start=c, end=c + 7, labels="PER", id="s2"),
    ]


def test_relations_are_supported_and_stored_as_label_studio_does(ner_df):
    w = nblabel.TextLabeler(ner_df, spans=["PER", "LOC"], relations=["knows", "met"])
    assert "relations" in [c["type"] for c in w._schema["controls"]]
    doc = ner_df.text["a"]
    rel = nblabel.results.relation("s1", "s2", labels=["met"])
    assert rel == {"type": "relation", "from_id": "s1", "to_id": "s2", "direction": "right",
                   "labels": ["met"]}  # fmt: skip
    w.submit(result=[*_two_spans(doc), rel])
    stored = w.store.state("a").result
    assert stored[-1] == rel  # exactly Label Studio's shape: no from_name, to_name, value
    ann = w.annotations
    row = ann[ann["type"] == "relation"].iloc[0]
    assert (row["from_id"], row["to_id"], row["direction"], row["label"]) == (
        "s1", "s2", "right", "met"
    )  # fmt: skip
    assert ann.columns[:17].tolist() == ANNOTATION_COLUMNS[:17]
    assert ann[ann["type"] == "labels"]["from_id"].isna().all()
    rels = w.relations
    assert rels.columns.tolist() == [
        "item", "from_id", "to_id", "from_text", "to_text", "direction", "labels"
    ]  # fmt: skip
    assert rels.iloc[0].tolist() == ["a", "s1", "s2", "Ada", "Charles", "right", ["met"]]


@pytest.mark.parametrize(
    ("rel", "message"),
    [
        ({"from_id": "s1", "to_id": "gone"}, "to_id 'gone' is not a span of this result"),
        ({"from_id": "nope", "to_id": "s2"}, "from_id 'nope' is not a span"),
        ({"from_id": "s1", "to_id": "s1"}, "two different spans"),
        ({"from_id": "s1", "to_id": "s2", "labels": ["hates"]}, "unknown relation label"),
        ({"from_id": "s1", "to_id": "s2", "direction": "up"}, "direction must be one of"),
        ({"from_id": "s1", "to_id": "s2", "labels": "met"}, "labels must be a list"),
    ],
)
def test_bad_relations_are_clear_errors_naming_the_item(ner_df, rel, message):
    w = nblabel.TextLabeler(ner_df, spans=["PER"], relations=["knows", "met"])
    doc = ner_df.text["a"]
    w.submit(result=_two_spans(doc))  # a first label, which must survive
    w.goto("a")
    with pytest.raises(nblabel.ResultError, match=message) as info:
        w.submit(result=[*_two_spans(doc), {"type": "relation", **rel}])
    assert "item 'a'" in str(info.value)
    assert len(w.store.state("a").result) == 2  # nothing stored is lost


def test_relation_labels_are_free_without_relation_values_and_refused_without_relations(ner_df):
    xml = """<View><Text name="text" value="$text"/>
      <Labels name="span" toName="text"><Label value="PER"/></Labels><Relations/></View>"""
    w = nblabel.Labeler(ner_df, config=xml)
    doc = ner_df.text["a"]
    w.submit(result=[*_two_spans(doc), nblabel.results.relation("s2", "s1", labels=["any"],
                                                                  direction="bi")])  # fmt: skip
    assert w.relations.iloc[0][["from_text", "to_text", "direction"]].tolist() == [
        "Charles", "Ada", "bi"
    ]  # fmt: skip
    plain = nblabel.TextLabeler(ner_df, spans=["PER"])
    with pytest.raises(nblabel.ResultError, match="no <Relations> control"):
        plain.submit(result=[*_two_spans(doc), nblabel.results.relation("s1", "s2")])


def test_relations_from_the_browser(ner_df):
    w = nblabel.TextLabeler(ner_df, spans=["PER"], relations=["knows"])
    b = Browser(w)
    doc = ner_df.text["a"]
    rel = {"type": "relation", "from_id": "s1", "to_id": "s2", "direction": "right",
           "labels": ["knows"]}  # fmt: skip
    reply, _ = b.ask(protocol.SUBMIT, key="a", result=[*_two_spans(doc), rel], lead_time=1.0)
    assert reply["ok"], reply
    assert w.relations["labels"].tolist() == [["knows"]]
    # A relation to a span that is not sent: refused, shown, the stored label kept.
    reply, _ = b.ask(protocol.SUBMIT, key="a", result=[_two_spans(doc)[0], rel])
    assert not reply["ok"] and "item 'a'" in reply["error"] and "'s2'" in reply["error"]
    assert w.error == reply["error"]
    assert len(w.relations) == 1
    b.ask(protocol.GOTO, key="a")
    assert w.current["result"][-1] == rel  # back to the browser as stored


def test_overlap_false_refuses_overlapping_spans_on_submit_and_keeps_the_rest(ner_df):
    w = nblabel.TextLabeler(ner_df, spans=["PER", "LOC"], overlap=False, store=":memory:")
    assert 'overlap="false"' in w.schema.xml
    assert w._schema["controls"][0]["attrs"]["overlap"] == "false"  # the browser refuses too
    b = Browser(w)
    doc = ner_df.text["a"]
    c = doc.index("Charles")
    reply, _ = b.ask(protocol.SUBMIT, key="a", result=[ok(doc, 0, 3)])
    assert reply["ok"], reply
    nested = [ok(doc, c, c + 7), ok(doc, c, c + 3, ["LOC"])]
    nested[1]["id"] = "r2"
    reply, _ = b.ask(protocol.SUBMIT, key="a", result=nested)
    assert not reply["ok"]
    assert "item 'a'" in reply["error"] and "'Charles'" in reply["error"]
    assert "overlap" in reply["error"] and w.error == reply["error"]
    assert w.labels["span"]["a"] == [(0, 3, "PER")]  # the earlier label is kept
    # Touching spans do not overlap; without overlap=False nesting is fine.
    reply, _ = b.ask(protocol.SUBMIT, key="a", result=[ok(doc, c, c + 4), ok(doc, c + 4, c + 7)])
    assert reply["ok"], reply
    free = nblabel.TextLabeler(ner_df, spans=["PER", "LOC"], store=":memory:")
    assert "overlap" not in free.schema.xml
    reply, _ = Browser(free).ask(protocol.SUBMIT, key="a", result=nested)
    assert reply["ok"], reply
