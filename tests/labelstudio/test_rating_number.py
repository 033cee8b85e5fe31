"""Rating and Number round trip through a real Label Studio server."""

from __future__ import annotations

import pandas as pd

import nblabel
from nblabel.results import number, rating

from ..support.labelstudio import server_tasks

XML = """<View>
  <Text name="answer" value="$answer"/>
  <Rating name="quality" toName="answer" maxRating="5" required="true"/>
  <Number name="words" toName="answer" min="0" max="500"/>
</View>"""


def test_ratings_and_numbers_go_and_come_back_unchanged(ls, title):
    df = pd.DataFrame({"answer": ["Paris.", "Lyon, surely.", "No idea."]}, index=["a", "b", "c"])
    w = nblabel.Labeler(df, config=XML, store="rn.sqlite")
    quality, words = w.schema.control("quality"), w.schema.control("words")
    w.submit(result=[rating(quality, 5), number(words, 1)])
    w.submit(result=[rating(quality, 2), number(words, 2.5)])

    report = ls.push(w, project=title)
    assert (report.tasks_created, report.annotations_sent) == (3, 2)
    tasks = server_tasks(ls, report.project)
    for key in ("a", "b"):
        (ann,) = tasks[key].annotations
        assert ann["result"] == w.store.state(key).result

    # Someone rates the third answer in Label Studio: it comes back as numbers.
    made = [
        {"id": "r1", "from_name": "quality", "to_name": "answer", "type": "rating",
         "origin": "manual", "value": {"rating": 1}},
        {"id": "n1", "from_name": "words", "to_name": "answer", "type": "number",
         "origin": "manual", "value": {"number": 420}},
    ]  # fmt: skip
    ls.client.annotations.create(id=tasks["c"].id, result=made)
    pulled = ls.pull(w)
    assert pulled.annotations_applied == 1
    assert w.store.state("c").result == made
    labels = w.labels
    assert labels["quality"].tolist() == [5, 2, 1]
    assert labels["words"].tolist() == [1, 2.5, 420]
