"""TextArea, fixed Text and Header, HyperText, Paragraphs with ParagraphLabels, Table: round
trips through a real Label Studio server; a Chat config is refused before anything is
sent, because Label Studio Community cannot show it."""

from __future__ import annotations

import pandas as pd
import pytest

import nblabel
from nblabel.errors import LabelStudioError
from nblabel.results import paragraph_span, span, textarea

from .test_push_pull import server_tasks

TEXT = """<View>
  <Header value="Summarise the review"/>
  <Text name="handle" value="@johndoe"/>
  <Header value="$title" size="3"/>
  <Text name="review" value="$review" granularity="word"/>
  <Labels name="ner" toName="review"><Label value="PER"/></Labels>
  <TextArea name="summary" toName="review" maxSubmissions="1"/>
  <TextArea name="who" toName="review" perRegion="true"/>
</View>"""


def test_textareas_whole_and_per_span_go_and_come_back_unchanged(ls, title):
    df = pd.DataFrame({"review": ["Ada liked it.", "Bob did not.", "Meh."],
                       "title": ["one", "two", "three"]}, index=["a", "b", "c"])  # fmt: skip
    w = nblabel.Labeler(df, config=TEXT, store="ta.sqlite")
    summary, who = w.schema.control("summary"), w.schema.control("who")
    ada = span("Ada liked it.", start=0, end=3, labels="PER", from_name="ner", to_name="review")
    w.submit(result=[ada, textarea(who, "the reviewer", region=ada), textarea(summary, "Liked")])
    w.submit(result=[textarea(summary, "Multi\nline 🙂")])

    report = ls.push(w, project=title)
    assert (report.tasks_created, report.annotations_sent, report.errors) == (3, 2, [])
    tasks = server_tasks(ls, report.project)
    # Fixed texts live in the config: the task holds the columns only.
    assert set(tasks["a"].data) == {"review", "title", "nblabel_id"}
    for key in ("a", "b"):
        (ann,) = tasks[key].annotations
        assert ann["result"] == w.store.state(key).result
    per_span = next(r for r in tasks["a"].annotations[0]["result"] if r["from_name"] == "who")
    assert per_span["value"] == {"text": ["the reviewer"], "start": 0, "end": 3}

    # A caption typed in Label Studio comes back as a string in w.labels.
    made = [{"id": "t1", "from_name": "summary", "to_name": "review", "type": "textarea",
             "origin": "manual", "value": {"text": ["Short"]}}]  # fmt: skip
    ls.client.annotations.create(id=tasks["c"].id, result=made)
    pulled = ls.pull(w)
    assert pulled.annotations_applied == 1 and pulled.errors == []
    assert w.store.state("c").result == made
    assert w.labels["summary"].tolist() == ["Liked", "Multi\nline 🙂", "Short"]


DIALOGUE = """<View>
  <Paragraphs name="dlg" value="$chat" layout="dialogue" nameKey="role" textKey="content"/>
  <ParagraphLabels name="act" toName="dlg"><Label value="GREET"/><Label value="ASK"/>
  </ParagraphLabels>
  <Table name="meta" value="$meta"/>
  <HyperText name="page" value="$html"/>
  <Choices name="ok" toName="dlg"><Choice value="yes"/><Choice value="no"/></Choices>
</View>"""
TURNS = [{"role": "user", "content": "Hello there"}, {"role": "bot", "content": "Hi 😀 you"}]


def test_paragraph_spans_tables_and_html_go_and_come_back_unchanged(ls, title):
    df = pd.DataFrame(
        {
            "chat": [TURNS, TURNS[::-1]],
            "meta": [{"channel": "web", "turns": 2}, {"channel": "app", "turns": 2}],
            "html": ["<p>Hi <b>there</b></p>", "<ul><li>one</li></ul>"],
        },
        index=["x", "y"],
    )
    w = nblabel.Labeler(df, config=DIALOGUE, store="pl.sqlite")
    texts = [t["content"] for t in TURNS]
    greet = paragraph_span(texts, start=0, end=1, start_offset=6, end_offset=5, labels="GREET",
                           from_name="act", to_name="dlg")  # fmt: skip
    w.submit(result=[greet, nblabel.results.choices(w.schema.control("ok"), ["yes"])])

    report = ls.push(w, project=title)
    assert (report.tasks_created, report.annotations_sent, report.errors) == (2, 1, [])
    tasks = server_tasks(ls, report.project)
    assert tasks["x"].data["chat"] == TURNS and tasks["x"].data["meta"]["channel"] == "web"
    assert tasks["x"].data["html"] == "<p>Hi <b>there</b></p>"
    assert tasks["x"].annotations[0]["result"] == w.store.state("x").result

    # Someone marks a question in the second dialogue in Label Studio.
    made = [{"id": "p1", "from_name": "act", "to_name": "dlg", "type": "paragraphlabels",
             "origin": "manual",
             "value": {"start": "1", "end": "1", "startOffset": 0, "endOffset": 5,
                       "text": "Hello", "paragraphlabels": ["ASK"]}}]  # fmt: skip
    ls.client.annotations.create(id=tasks["y"].id, result=made)
    pulled = ls.pull(w)
    assert pulled.annotations_applied == 1 and pulled.errors == []
    assert w.store.state("y").result == made
    assert w.labels.loc["y", "act"] == [((1, 0), (1, 5), "ASK")]


def test_a_chat_config_is_refused_before_anything_is_sent(ls, title):
    df = pd.DataFrame({"chat": [TURNS]})
    xml = ('<View><Chat name="conv" value="$chat"/><Choices name="ok" toName="conv">'
           '<Choice value="yes"/></Choices></View>')  # fmt: skip
    w = nblabel.Labeler(df, config=xml, store="chat.sqlite")
    with pytest.raises(LabelStudioError) as info:
        ls.push(w, project=title)
    message = str(info.value)
    assert "(Community edition 1.23" in message and "Not expecting tag: chat" in message
    assert 'nameKey="role" textKey="content"' in message and "nothing was sent" in message
    assert ls.find_project(title) is None
    # The Paragraphs config it names shows the same data there.
    para = ('<Paragraphs name="conv" value="$chat" layout="dialogue" nameKey="role" '
            'textKey="content"/>')  # fmt: skip
    xml = xml.replace('<Chat name="conv" value="$chat"/>', para)
    w2 = nblabel.Labeler(df, store="para.sqlite", config=xml)
    assert ls.push(w2, project=title).tasks_created == 1
