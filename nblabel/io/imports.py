"""Labels made elsewhere: COCO and YOLO through ``label_studio_sdk.converter``.

The converter turns a COCO file or a YOLO folder into Label Studio tasks and a labeling
config; nblabel reads those as they are (they are its own format): one row per image, the
image's path, and its regions either as labels (submitted, in the store, editable) or as
predictions (pre-filled, to accept or correct). ``ImageLabeler.from_coco`` and
``ImageLabeler.from_yolo`` open them in a labeler.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..core.errors import NblabelError, ResultError
from ..core.job import Job
from ..core.results import validate

#: A prefix the converter puts before each image's file name; replaced by the folder.
_ROOT = "nblabel-image-root:"
#: Recorded as the annotator of imported labels.
IMPORTER = {"coco": "import:coco", "yolo": "import:yolo"}


@dataclass
class Imported:
    """Images and their regions read from another tool's format."""

    kind: str  #: ``"coco"`` or ``"yolo"``
    config: str  #: the labeling config the converter made
    data: pd.DataFrame  #: one row per image: ``image`` (its path), indexed by file name
    results: list[list[dict[str, Any]]]  #: each image's regions, Label Studio result items

    def labeler_kwargs(self, labels_as: str, kwargs: dict[str, Any]) -> dict[str, Any]:
        """The keyword arguments of a labeler over these images: ``config``, ``job`` and,
        with ``labels_as="predictions"``, the regions as ``predictions``."""
        if labels_as not in ("annotations", "predictions"):
            raise ValueError(f"labels_as must be 'annotations' or 'predictions', got {labels_as!r}")
        for wrong in ("config", "image", "predictions"):
            if wrong in kwargs:
                raise TypeError(f"from_{self.kind}() makes {wrong}= itself")
        out = {**kwargs, "config": self.config}
        if labels_as == "predictions":
            out["predictions"] = "prediction"
        out.setdefault("job", f"{self.kind}-import")
        return out

    def frame(self, labels_as: str) -> pd.DataFrame:
        """The images, with a ``prediction`` column when the regions are predictions."""
        if labels_as != "predictions":
            return self.data
        data = self.data.copy()
        data["prediction"] = pd.Series(
            [{"result": r, "model_version": self.kind} for r in self.results],
            index=data.index,
            dtype=object,
        )
        return data


def read_coco(path: str | os.PathLike[str], *, images: str | os.PathLike[str]) -> Imported:
    """The images of a COCO file (``images``, ``categories``, ``annotations``) with their
    boxes, polygons and keypoints; ``images`` is the folder its ``file_name`` values are
    relative to."""
    from label_studio_sdk.converter.imports.coco import convert_coco_to_ls

    def convert(out: str) -> None:
        convert_coco_to_ls(os.fspath(path), out, image_root_url=_ROOT, out_type="annotations")

    return _read("coco", convert, Path(images))


def read_yolo(folder: str | os.PathLike[str]) -> Imported:
    """The images of a YOLO folder (``images/``, ``labels/``, ``classes.txt``) with their
    boxes."""
    from label_studio_sdk.converter.imports.yolo import convert_yolo_to_ls

    folder = Path(folder)

    def convert(out: str) -> None:
        convert_yolo_to_ls(os.fspath(folder), out, image_root_url=_ROOT, out_type="annotations")

    return _read("yolo", convert, folder / "images")


def _read(kind: str, convert: Callable[[str], None], images: Path) -> Imported:
    with tempfile.TemporaryDirectory(prefix="nblabel-import-") as tmp:
        out = os.path.join(tmp, "tasks.json")
        try:
            convert(out)
            config = Path(out.replace(".json", "") + ".label_config.xml").read_text()
            tasks = json.loads(Path(out).read_text()) if Path(out).exists() else []
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise NblabelError(
                f"the {kind.upper()} labels cannot be read: {type(exc).__name__}: {exc}"
            ) from None
    if not tasks:
        raise NblabelError(f"the {kind.upper()} input holds no images")
    keys, paths, results = [], [], []
    for task in tasks:
        name = str(task["data"]["image"])[len(_ROOT) :].lstrip("/")
        keys.append(name)
        paths.append(str(images / name))
        results.append(task["annotations"][0]["result"])
    data = pd.DataFrame({"image": paths}, index=pd.Index(keys, name="item"))
    return Imported(kind=kind, config=config, data=data, results=results)


def store_imported(job: Job, imported: Imported) -> None:
    """Store the imported regions as each image's labels, unless it has labels already
    (importing twice, or into a store with work in it, changes nothing)."""
    store = job.store
    done = set(store.done())
    changed = []
    before = len(job.errors)
    for key, result in zip(imported.data.index, imported.results, strict=True):
        key = str(key)
        if not result or key in done:
            continue
        try:
            checked = validate(job.schema, result, key=key, target_of=job.target_of(key),
                               fresh=True)  # fmt: skip
        except (ResultError, NblabelError) as exc:
            job.note(key, f"imported labels not kept: {exc}", show=False)
            continue
        store.submit(key, checked, annotator=IMPORTER[imported.kind], session=job.session.id)
        changed.append(key)
    if changed:
        job.reload(changed)
        first = job.session.first_unlabeled()
        if first is not None:
            job.session.go(first)
    bad = len(job.errors) - before
    if bad:
        job.error = f"{bad} problem(s) while importing: see w.errors"
