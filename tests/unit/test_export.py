from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import nblabel
from nblabel.export import export


@pytest.fixture
def labeled(text_df: pd.DataFrame) -> nblabel.TextLabeler:
    w = nblabel.TextLabeler(text_df, choices=["pos", "neg"], store="e.sqlite")
    w.submit("pos")
    w.submit("neg")
    return w


def test_csv_and_json_min_have_one_row_per_item_with_its_label(labeled, tmp_path):
    path = export(labeled, "csv", tmp_path / "csv")
    rows = {r["nblabel_id"]: r for r in csv.DictReader(path.open())}
    assert list(rows) == ["0", "1", "2", "3", "4"]
    assert [rows[k]["choice"] for k in ("0", "1", "2")] == ["pos", "neg", ""]
    assert rows["0"]["text"] == "great film"

    records = json.loads(export(labeled, "json-min", tmp_path / "min").read_text())
    by_id = {r["nblabel_id"]: r for r in records}
    assert by_id["1"]["choice"] == "neg" and "choice" not in by_id["4"]
    assert by_id["0"]["lead_time"] == pytest.approx(labeled.store.state("0").lead_time)


def test_json_is_label_studio_task_json_with_the_stored_results(labeled, tmp_path):
    tasks = json.loads(export(labeled, "json", tmp_path).read_text())
    assert len(tasks) == 5
    (ann,) = tasks[0]["annotations"]
    assert ann["result"] == labeled.store.state("0").result
    assert tasks[2]["annotations"] == []


def test_unknown_format_names_the_known_ones(labeled, tmp_path):
    with pytest.raises(ValueError, match="json-min"):
        export(labeled, "xlsx", tmp_path)


def test_conll2003_from_spans_through_the_converter_labeled_items_only(tmp_path):
    from nblabel import text

    df = pd.DataFrame({"text": ["Ada Lovelace met Grace Hopper in London .", "Bob left ."]})
    w = nblabel.TextLabeler(df, spans=["PER", "LOC"], store="c.sqlite")
    doc = df.text[0]

    def span(words: str, label: str) -> dict:
        start = doc.index(words)
        return text.span(doc, start=start, end=start + len(words), labels=[label])

    w.submit(result=[span("Ada Lovelace", "PER"), span("Grace Hopper", "PER"),
                     span("London", "LOC")])  # fmt: skip
    lines = export(w, "conll2003", tmp_path).read_text().split("\n")
    tagged = [(line.split()[0], line.split()[-1]) for line in lines[1:] if line.strip()]
    assert tagged == [
        ("Ada", "B-PER"), ("Lovelace", "I-PER"), ("met", "O"), ("Grace", "B-PER"),
        ("Hopper", "I-PER"), ("in", "O"), ("London", "B-LOC"), (".", "O"),
    ]  # fmt: skip
    assert "Bob" not in "\n".join(lines)  # not labeled: not a training example


def test_brush_masks_export_as_png_files(tmp_path):
    from PIL import Image

    from nblabel.regions import mask_to_rle

    Image.new("RGB", (40, 20), "white").save(tmp_path / "cell.png")
    df = pd.DataFrame({"path": [str(tmp_path / "cell.png")]}, index=["cell"])
    w = nblabel.ImageLabeler(df, image="path", masks=["tumor"], store=":memory:")
    mask = np.zeros((20, 40), dtype=bool)
    mask[5:12, 10:30] = True
    w.submit(result=[{"from_name": "mask", "to_name": "image", "type": "brushlabels",
                      "original_width": 40, "original_height": 20, "image_rotation": 0,
                      "value": {"format": "rle", "rle": mask_to_rle(mask),
                                "brushlabels": ["tumor"]}}])  # fmt: skip
    out = w.export("brush-png", tmp_path / "masks")
    pngs = sorted(Path(out).rglob("*.png"))
    assert len(pngs) == 1 and "tumor" in pngs[0].name
    exported = np.asarray(Image.open(pngs[0]))
    assert exported.shape[:2] == (20, 40)
    np.testing.assert_array_equal(exported > 0, mask)
