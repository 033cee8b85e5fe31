"""Labels made elsewhere, as a labeler: COCO and YOLO through ``label_studio_sdk.converter``.

The converter turns a COCO file or a YOLO folder into Label Studio tasks and a labeling
config; nblabel reads those as they are (they are its own format): one row per image, the
image's path, and its regions either as labels (submitted, in the store, editable) or as
predictions (pre-filled, to accept or correct).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .errors import NblabelError, ResultError
from .results import validate

if TYPE_CHECKING:
    from .widgets import Labeler

#: A prefix the converter puts before each image's file name; replaced by the folder.
_ROOT = "nblabel-image-root:"
#: Recorded as the annotator of imported labels.
IMPORTER = {"coco": "import:coco", "yolo": "import:yolo"}


def from_coco(
    path: str | os.PathLike[str],
    *,
    images: str | os.PathLike[str],
    cls: type[Labeler] | None = None,
    labels_as: str = "annotations",
    **kwargs: Any,
) -> Labeler:
    """A labeler over the images of a COCO file, with its boxes, polygons and keypoints.

    Parameters
    ----------
    path
        The COCO JSON (``images``, ``categories``, ``annotations``).
    images
        The folder the COCO ``file_name`` values are relative to.
    labels_as
        ``"annotations"``: the regions become the images' labels (submitted, undoable,
        editable in the widget); ``"predictions"``: they are shown pre-filled, to accept.
    kwargs
        For the labeler (``store=``, ``job=``, ...).
    """
    from label_studio_sdk.converter.imports.coco import convert_coco_to_ls

    def convert(out: str) -> None:
        convert_coco_to_ls(os.fspath(path), out, image_root_url=_ROOT, out_type="annotations")

    return _load("coco", convert, Path(images), cls, labels_as, kwargs)


def from_yolo(
    folder: str | os.PathLike[str],
    *,
    cls: type[Labeler] | None = None,
    labels_as: str = "annotations",
    **kwargs: Any,
) -> Labeler:
    """A labeler over a YOLO folder (``images/``, ``labels/``, ``classes.txt``) with its
    boxes; see :func:`from_coco` for ``labels_as`` and ``kwargs``."""
    from label_studio_sdk.converter.imports.yolo import convert_yolo_to_ls

    folder = Path(folder)

    def convert(out: str) -> None:
        convert_yolo_to_ls(os.fspath(folder), out, image_root_url=_ROOT, out_type="annotations")

    return _load("yolo", convert, folder / "images", cls, labels_as, kwargs)


def _load(
    kind: str,
    convert: Any,
    images: Path,
    cls: type[Labeler] | None,
    labels_as: str,
    kwargs: dict[str, Any],
) -> Labeler:
    from .widgets import ImageLabeler

    if labels_as not in ("annotations", "predictions"):
        raise ValueError(f"labels_as must be 'annotations' or 'predictions', got {labels_as!r}")
    for wrong in ("config", "image", "predictions"):
        if wrong in kwargs:
            raise TypeError(f"from_{kind}() makes {wrong}= itself")
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
    if labels_as == "predictions":
        data["prediction"] = [{"result": r, "model_version": kind} for r in results]
        kwargs["predictions"] = "prediction"
    kwargs.setdefault("job", f"{kind}-import")
    labeler = (cls or ImageLabeler)(data, config=config, **kwargs)
    if labels_as == "annotations":
        _submit_imported(labeler, keys, results, IMPORTER[kind])
    return labeler


def _submit_imported(
    labeler: Labeler, keys: list[str], results: list[list[dict[str, Any]]], annotator: str
) -> None:
    """Store the imported regions as each image's labels, unless it has labels already
    (importing twice, or into a store with work in it, changes nothing)."""
    store = labeler.store
    done = set(store.done())
    changed = []
    for key, result in zip(keys, results, strict=True):
        if not result or key in done:
            continue
        try:
            sizes = labeler._image_sizes(key)
            checked = validate(labeler.schema, result, key=key, sizes=sizes)
        except (ResultError, NblabelError) as exc:
            labeler._note(key, f"imported labels not kept: {exc}", show=False)
            continue
        store.submit(key, checked, annotator=annotator, session=labeler.session.id)
        changed.append(key)
    if changed:
        labeler.reload(changed)
        first = labeler.session.first_unlabeled()
        if first is not None:
            labeler.session.go(first)
            labeler._refresh()
    bad = len(labeler._errors)
    if bad:
        labeler.error = f"{bad} problem(s) while importing: see w.errors"
