"""What the model suggested, kept with what the user submitted: the suggestion shown as a
Label Studio result item, and ``origin``/``model_version`` on the submitted item."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..core.tag import labels_of
from ..tags.choices import choices


def suggestion_result(
    control: Any, label: str | Sequence[str], *, score: float, model_version: str
) -> dict[str, Any]:
    """The Label Studio result item that pre-fills ``label`` (a list of labels for a
    multiple-choice control) for ``control``."""
    labels = [label] if isinstance(label, str) else list(label)
    item = choices(control, labels, origin="prediction", score=score)
    item["model_version"] = model_version
    return item


def mark_provenance(
    result: list[dict[str, Any]], suggested: dict[str, Any] | None
) -> list[dict[str, Any]]:
    """Record in a submitted ``result`` what the model had suggested.

    The result item of the suggested control keeps the user's labels and gets, as Label
    Studio does for an edited prediction, ``origin: "prediction"`` when the suggestion was
    accepted unchanged (with its ``score`` and ``model_version``) or
    ``"prediction-changed"`` when the user chose otherwise (with ``model_version`` and
    ``prediction: {"choices", "score"}``, what the model had said). Other items are left
    alone; with nothing to compare, ``result`` is returned as it is.
    """
    if not suggested:
        return result
    out = []
    for item in result:
        if item.get("from_name") == suggested["from_name"] and item.get("type") == "choices":
            item = {k: v for k, v in item.items() if k not in ("score", "prediction")}
            item["model_version"] = suggested["model_version"]
            if labels_of(item) == labels_of(suggested):
                item["origin"] = "prediction"
                item["score"] = suggested["score"]
            else:
                item["origin"] = "prediction-changed"
                item["prediction"] = {
                    "choices": labels_of(suggested),
                    "score": suggested["score"],
                }
        out.append(item)
    return out
