"""Export a labeler's labels in Label Studio's export formats, through
``label_studio_sdk.converter`` (no hand-written writers).

    from nblabel.export import export
    export(w, "csv", "out/")        # out/result.csv
    export(w, "json-min", "out/")   # out/result.json: one flat record per item
    export(w, "json", "out/")       # out/result.json: Label Studio's full task JSON
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from ..core.job import Job, as_job

#: nblabel's names -> the converter's.
FORMATS = {
    "json": None,
    "json-min": "JSON_MIN",
    "csv": "CSV",
    "tsv": "TSV",
    "coco": "COCO",
    "yolo": "YOLO",
    "voc": "VOC",
    "conll2003": "CONLL2003",
    "brush-png": "BRUSH_TO_PNG",
    "brush-numpy": "BRUSH_TO_NUMPY",
}


#: Formats whose every record is a training example.
TRAINING_FORMATS = frozenset({"coco", "yolo", "voc", "conll2003", "brush-png", "brush-numpy"})


def _task_value(cell: Any) -> Any:
    """A cell as the task's data holds it: a path or text; a list of them for an object
    showing several (``<Image valueList>``); ``None`` for what JSON cannot hold."""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, os.PathLike):
        return os.fspath(cell)
    if isinstance(cell, list | tuple):
        return [_task_value(c) for c in cell]
    return None


def _unlabeled_parts(record: logging.LogRecord) -> bool:
    """Drop the converter's warning for every result item without labels: a region drawn
    with a bare tool (OCR) is such an item, labeled by the ``labels`` item sharing its id,
    which the converter reads; the warning would say nothing wrong, once per box."""
    return "Unknown label type or labels are empty" not in record.getMessage()


def _iso(t: float) -> str:
    return dt.datetime.fromtimestamp(t, tz=dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def labelstudio_tasks(job: Job | Any, *, unlabeled: bool = True) -> list[dict[str, Any]]:
    """The job's items and labels in force as Label Studio export JSON (one task per
    item; ``data["nblabel_id"]`` is the item id, ``id`` its row number + 1). A labeler
    widget is taken for its job."""
    job = as_job(job)
    items, store = job.items, job.store
    states = {ev.item: ev for ev in store.states() if ev.action == "submit"}
    tasks = []
    columns = {o.column: items.data[o.column] for o in items.objects}
    for pos in range(len(items)):
        key = items.key(pos)
        ev = states.get(key)
        if ev is None and not unlabeled:
            continue
        data: dict[str, Any] = {"nblabel_id": key}
        for column, values in columns.items():
            data[column] = _task_value(values.iloc[pos])
        annotations = []
        if ev is not None:
            annotations.append(
                {
                    "id": ev.seq,
                    "result": ev.result,
                    "completed_by": ev.annotator,
                    "lead_time": ev.lead_time,
                    "created_at": _iso(ev.created_at),
                    "updated_at": _iso(ev.created_at),
                }
            )
        tasks.append({"id": pos + 1, "data": data, "annotations": annotations})
    return tasks


def export(job: Job | Any, format: str, out: str | os.PathLike[str]) -> Path:
    """Write the labels of a job (or a labeler widget's) to the folder ``out`` in
    ``format``; return the file.

    Parameters
    ----------
    format
        ``"json"`` (Label Studio's task JSON), ``"json-min"``, ``"csv"``, ``"tsv"``; and,
        for labeling configs with regions or spans, ``"coco"``, ``"yolo"``, ``"voc"``,
        ``"conll2003"``; brush masks as ``"brush-png"`` (one PNG per mask) or
        ``"brush-numpy"`` (one ``.npy`` per mask).
    """
    fmt = format.lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {format!r} (formats: {', '.join(FORMATS)})")
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    # Training formats get labeled items only: an unlabeled sentence is not "all O".
    job = as_job(job)
    tasks = labelstudio_tasks(job, unlabeled=fmt not in TRAINING_FORMATS)
    if FORMATS[fmt] is None:
        path = folder / "result.json"
        path.write_text(json.dumps(tasks, ensure_ascii=False, indent=1))
        return path
    before = set(folder.iterdir())
    with tempfile.TemporaryDirectory(prefix="nblabel-export-") as tmp:
        source = Path(tmp) / "tasks.json"
        source.write_text(json.dumps(tasks, ensure_ascii=False))
        # Imported here for its cost, not to dodge a cycle: the converter loads nltk and
        # scipy.stats (~1.7 s of CPU in a fresh kernel), which only an export needs.
        from label_studio_sdk.converter import Converter

        converter = Converter(config=job.schema.xml, project_dir=tmp, download_resources=False)
        quiet = logging.getLogger("label_studio_sdk.converter.converter")
        quiet.addFilter(_unlabeled_parts)
        try:
            converter.convert(str(source), str(folder), FORMATS[fmt], is_dir=False)
        finally:
            quiet.removeFilter(_unlabeled_parts)
    made = sorted(set(folder.iterdir()) - before) or sorted(folder.iterdir())
    if fmt.startswith("brush"):
        return folder  # one file per mask
    files = [p for p in made if p.is_file()]  # COCO: result.json next to an images/ folder
    return files[0] if len(files) == 1 else folder
