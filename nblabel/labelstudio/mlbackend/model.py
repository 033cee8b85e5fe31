"""The model as the ML backend calls it: what the user passed, made a
:class:`nblabel.active.Model`, and what its ``predict`` returns read as Label Studio
predictions (class probabilities through the one probabilities -> Choices rule of
:mod:`nblabel.active.choices`, or result items completed from the config)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from PIL import Image

from ...active.choices import choices_prediction
from ...active.models import Model, SklearnModel
from ...core.errors import ModelError, SchemaError
from ...core.schema import Control
from ...tags import Schema
from .errors import HTTPError

#: Where a prediction built from probabilities carries its label set (removed before sending).
CHOICES_KEY = "_nblabel_key"


def as_backend_model(model: Any, schema: Schema | None, *, control: str | None) -> Model:
    """An :class:`nblabel.active.Model` for whatever the user passed.

    A scikit-learn classifier is wrapped as :class:`SklearnModel` reading the data column of
    the object its ``Choices`` control labels; an object with ``predict`` (and maybe
    ``fit``) methods, or a bare callable, as :class:`Model`.
    """
    if isinstance(model, Model):
        return model
    if callable(getattr(model, "predict_proba", None)) and callable(getattr(model, "fit", None)):
        if schema is None:
            raise ModelError("a scikit-learn classifier needs schema= (its Choices control)")
        ctrl = choices_control(schema, control)
        if ctrl is None:
            raise ModelError(
                "a scikit-learn classifier predicts classes, but the labeling config has no "
                "<Choices> control: add one, or serve a callable that returns result items"
            )
        columns = schema.columns
        return SklearnModel(model, labels=ctrl.values, inputs=columns[ctrl.to_name[0]])
    if callable(getattr(model, "predict", None)) and not isinstance(model, type):
        fit = getattr(model, "fit", None)
        return Model(model.predict, fit=fit if callable(fit) else None, name=type(model).__name__)
    if callable(model):
        return Model(model)
    raise ModelError(
        f"model={type(model).__name__} is not a model: pass a callable predict(items), an "
        "object with predict() (and fit()), a scikit-learn classifier, or "
        "nblabel.active.Model(predict, fit=...)"
    )


def choices_control(schema: Schema, name: str | None) -> Control | None:
    """The ``Choices`` control class probabilities are for: ``name``, or the only one."""
    if name is not None:
        ctrl = schema.control(name)
        if ctrl.type != "choices":
            raise ModelError(f"control={name!r} is a <{ctrl.tag}>, not a <Choices> control")
        return ctrl
    found = [c for c in schema.controls if c.type == "choices"]
    if len(found) > 1:
        raise ModelError(
            f"the labeling config has {len(found)} <Choices> controls "
            f"({', '.join(c.name for c in found)}): pass control= to say which one the "
            "model's probabilities are for"
        )
    return found[0] if found else None


def raw_predict(model: Model) -> Callable[[pd.DataFrame], Any]:
    # Model.predict casts to a float array; region models return lists of dicts, so the
    # backend reads what the user's callable returned before that cast.
    return getattr(model, "_predict", model.predict)


def model_name(model: Model) -> str:
    name = str(model.name or "model")
    return "model" if name.startswith("<") else name


def as_probs(out: Any) -> np.ndarray | None:
    """``out`` as an ``(n, k)`` float array when it is class probabilities, else ``None``."""
    if isinstance(out, pd.DataFrame):
        out = out.to_numpy()
    if isinstance(out, np.ndarray) and out.dtype != object:
        arr = out.astype(float)
    else:
        if not isinstance(out, list | tuple) or not out:
            return None
        first = out[0]
        if isinstance(first, dict) or (
            isinstance(first, list | tuple) and any(isinstance(v, dict) for v in first)
        ):
            return None
        try:
            arr = np.asarray(out, dtype=float)
        except (TypeError, ValueError):
            return None
    if arr.ndim != 2 or arr.shape[1] == 0:
        return None
    return arr


def from_probs(
    probs: np.ndarray, n: int, ctrl: Control | None, *, conf: float | None
) -> list[dict[str, Any]]:
    """One prediction per row of class probabilities for ``ctrl``; below ``conf``, none."""
    if ctrl is None:
        raise HTTPError(
            422,
            "the model returned class probabilities, but the labeling config has no "
            "<Choices> control; return result items for its regions instead",
        )
    labels = ctrl.values
    if probs.shape != (n, len(labels)):
        raise ModelError(
            f"predict returned shape {probs.shape}, expected ({n}, {len(labels)}): one row "
            f"per task, one column per label in the order {', '.join(labels)}"
        )
    if not np.isfinite(probs).all():
        raise ModelError("predict returned NaN or infinite probabilities")
    out: list[dict[str, Any]] = []
    for i in range(n):
        # The one probabilities -> Choices rule (nblabel.active.choices), the widget's.
        pred = choices_prediction(probs[i], ctrl)
        if pred is None:  # no label predicted (multiple choice: none reaches 0.5)
            out.append({"result": [], "score": 0.0})
        elif conf is not None and pred["score"] < conf:
            out.append({"result": [], "score": pred["score"]})
        else:
            pred[CHOICES_KEY] = tuple(pred["result"][0]["value"]["choices"])
            out.append(pred)
    return out


def from_results(
    out: Any, frame: pd.DataFrame, project: Schema, *, conf: float | None
) -> list[dict[str, Any]]:
    """One prediction per row from the result items a model returned, completed from the
    config; items scored below ``conf`` left out."""
    if not isinstance(out, list | tuple) or len(out) != len(frame):
        got = f"{len(out)} entries" if isinstance(out, list | tuple) else type(out).__name__
        raise ModelError(
            f"predict returned {got} for {len(frame)} tasks: return an (n, k) array of "
            "class probabilities, or a list with one list of result items per task"
        )
    sizes = image_sizes(frame, project)
    preds = []
    for i, entry in enumerate(out):
        result, score = entry_of(entry, i)
        items = [complete_item(r, project, sizes[i]) for r in result]
        preds.append(scored(items, score, conf=conf))
    return preds


def scored(items: list[dict[str, Any]], score: Any, *, conf: float | None) -> dict[str, Any]:
    """A prediction of ``items``: those below ``conf`` left out, its score theirs (mean)
    when the model gave none."""
    if conf is not None:
        limit = conf

        def kept(r: dict[str, Any]) -> bool:
            s = r.get("score", score)  # an item without a score has the prediction's
            return s is None or float(s) >= limit

        items = [r for r in items if kept(r)]
    if score is None:
        scores = [float(r["score"]) for r in items if r.get("score") is not None]
        score = float(np.mean(scores)) if scores else None
    pred: dict[str, Any] = {"result": items}
    if score is not None:
        pred["score"] = float(score)
    return pred


def entry_of(entry: Any, i: int) -> tuple[list[dict[str, Any]], Any]:
    if isinstance(entry, dict) and "result" in entry:
        result, score = entry["result"], entry.get("score")
    elif isinstance(entry, list | tuple):
        result, score = list(entry), None
    elif entry is None:
        result, score = [], None
    else:
        raise ModelError(
            f"predict's entry for row {i} is a {type(entry).__name__}: give a list of result "
            'items, or {"result": [...], "score": ...}'
        )
    if not isinstance(result, list) or not all(isinstance(r, dict) for r in result):
        raise ModelError(f"predict's result for row {i} must be a list of result item dicts")
    return result, score


def image_sizes(frame: pd.DataFrame, project: Schema) -> list[dict[str, tuple[int, int]]]:
    images = [o for o in project.objects if o.type == "image"]
    sizes: list[dict[str, tuple[int, int]]] = [{} for _ in range(len(frame))]
    for o in images:
        if o.column in frame.columns:
            for i, img in enumerate(frame[o.column].tolist()):
                if isinstance(img, Image.Image):
                    sizes[i][o.name] = img.size
    return sizes


def complete_item(
    item: dict[str, Any], project: Schema, sizes: dict[str, tuple[int, int]]
) -> dict[str, Any]:
    """Fill in what a result item can only have one value for, from the config."""
    r = dict(item)
    value = r.get("value")
    if not isinstance(value, dict):
        raise ModelError(f"a result item has no 'value' dict: {item!r:.200}")
    types = {c.type for c in project.controls}
    if "type" not in r:
        named = [k for k in value if k in types]
        if "from_name" in r:
            with contextlib.suppress(SchemaError):
                r["type"] = project.control(r["from_name"]).type
        elif len(named) == 1:
            r["type"] = named[0]
    if "from_name" not in r and "type" in r:
        same = [c for c in project.controls if c.type == r["type"]]
        if len(same) == 1:
            r["from_name"] = same[0].name
    if "to_name" not in r and "from_name" in r:
        try:
            ctrl = project.control(r["from_name"])
            if ctrl.to_name:
                r["to_name"] = ctrl.to_name[0]
        except SchemaError:
            pass
    size = sizes.get(r.get("to_name", ""))
    if size is not None and r.get("type") != "choices":
        r.setdefault("original_width", size[0])
        r.setdefault("original_height", size[1])
        r.setdefault("image_rotation", 0)
    return r


def config_problems(model_schema: Schema, project: Schema) -> list[str]:
    problems = []
    theirs = {c.name: c for c in project.controls}
    for c in model_schema.controls:
        other = theirs.get(c.name)
        if other is None:
            problems.append(f"it has no control named {c.name!r} (a <{c.tag}>)")
        elif other.type != c.type:
            problems.append(f"control {c.name!r} is a <{other.tag}>, the model's is a <{c.tag}>")
        else:
            missing = sorted(set(c.values) - set(other.values))
            if missing:
                problems.append(f"control {c.name!r} lacks the label(s) {', '.join(missing)}")
    return problems


def task_frame(rows: list[dict[str, Any]], index: list[Any]) -> pd.DataFrame:
    """Rows of task data as a DataFrame; column by column (a list of dicts is slower)."""
    columns: dict[str, list[Any]] = {}
    for row in rows:
        for k in row:
            if k not in columns:
                columns[k] = []
    for k, values in columns.items():
        values.extend(row.get(k) for row in rows)
    # Images stay PIL objects (object dtype), not arrays pandas might unpack.
    return pd.DataFrame(
        {
            k: pd.Series(v, index=index, dtype=object if has_image(v) else None)
            for k, v in columns.items()
        },
        index=index,
    )


def has_image(values: list[Any]) -> bool:
    return any(isinstance(v, Image.Image) for v in values[:8])
