"""``<TextArea>``: free text typed for the whole item, or (``perRegion="true"``) for each
region: a transcription per box, a note per span.

Its result is ``{"type": "textarea", "value": {"text": ["first", "second"]}}``: one entry
per text the annotator added (Label Studio's ``maxSubmissions`` caps how many). The value
key is ``text``, not the type (``TextArea.jsx`` ``valueType``), so a per-region TextArea on
a text span overwrites the span's own ``text`` with the list, as Label Studio stores it
(``/work/helpers/ls-tags.md`` §2, "Key clash").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from ..core.errors import ResultError, SchemaError
from ..core.results import Result, new_id
from ..core.schema import Control, Schema
from ..core.tag import ControlTag, TargetOf, is_true


def max_submissions(control: Control) -> int | None:
    """The control's ``maxSubmissions`` (``None``: as many texts as the annotator adds)."""
    raw = control.attrs.get("maxSubmissions", "").strip()
    return int(raw) if raw else None


def texts_of(item: Result) -> list[str]:
    """The texts of a ``textarea`` result item (``[]`` when it holds none)."""
    value = item.get("value")
    found = value.get("text") if isinstance(value, dict) else None
    return [t for t in found if isinstance(t, str)] if isinstance(found, list) else []


def _cell(texts: list[str]) -> str | list[str] | None:
    # One text is the common case (maxSubmissions="1" in most templates): a plain string.
    if not texts:
        return None
    return texts[0] if len(texts) == 1 else texts


class TextArea(ControlTag):
    """Free text: ``value = {"text": [...]}``, whole item or per region."""

    tag = "TextArea"
    hotkeys: ClassVar[str] = "none"
    annotation_columns = ("text",)

    @property
    def value_key(self) -> str:
        return "text"

    def check_config(self, control: Control, schema: Schema) -> None:
        super().check_config(control, schema)
        for attr in ("rows", "maxSubmissions"):
            raw = control.attrs.get(attr, "").strip()
            if raw and (not raw.isdigit() or int(raw) < 1):
                raise SchemaError(
                    f"<TextArea name={control.name!r}> has {attr}={raw!r}: a whole number, "
                    "at least 1"
                )

    def check(
        self, control: Control, item: Result, *, key: object, target: Any, fresh: bool
    ) -> Result:
        where = f"item {key!r}: {control.name!r}"
        value = item.get("value")
        texts = value.get("text") if isinstance(value, dict) else None
        if isinstance(texts, str):
            # Label Studio's SDK refuses a plain string too; say how to write it.
            raise ResultError(
                f"{where} takes a list of texts, got the string {texts!r:.60} "
                f"(value {{'text': [{texts!r:.30}]}})"
            )
        if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
            raise ResultError(
                f"{where} takes a list of texts, got {texts!r:.60} (value {{'text': ['...']}})"
            )
        if fresh and any(not t.strip() for t in texts):
            raise ResultError(f"{where}: an empty text; leave it out instead")
        top = max_submissions(control)
        if top is not None and len(texts) > top:
            raise ResultError(
                f"{where} takes at most {top} text{'s' if top > 1 else ''} "
                f"(maxSubmissions={top}), got {len(texts)}: {', '.join(map(repr, texts))}"
            )
        if fresh and is_true(control.attrs.get("skipDuplicates", "")):
            seen: set[str] = set()
            for t in texts:
                # Label Studio compares case-insensitively (TextArea.jsx hasResult).
                if t.lower() in seen:
                    raise ResultError(f"{where}: the text {t!r} twice (skipDuplicates='true')")
                seen.add(t.lower())
        return item

    def has_value(self, control: Control, item: Result) -> bool:
        return any(t.strip() for t in texts_of(item))

    def label_cell(self, control: Control, items: list[Result], target_of: TargetOf) -> Any:
        """The text (a string; a list when several were added), ``None`` when there is
        none; per region: ``{region id: text}``."""
        if control.per_region:
            answers = {str(r.get("id")): _cell(texts_of(r)) for r in items}
            return {k: v for k, v in answers.items() if v is not None}
        texts = [t for r in items for t in texts_of(r)]
        return _cell(texts)

    def annotation(self, item: Result, target_of: TargetOf) -> dict[str, Any]:
        return {"text": _cell(texts_of(item))}

    def answer(self, control: Control, values: Sequence[Any]) -> Result | None:
        if control.per_region or not values or not all(isinstance(v, str) for v in values):
            return None
        return textarea(control, list(values))


def textarea(
    control: Control,
    texts: str | Sequence[str],
    *,
    id: str | None = None,
    origin: str = "manual",
    region: Result | None = None,
) -> Result:
    """A ``textarea`` result item for ``control``: one text, or several (each one the
    annotator added; at most the control's ``maxSubmissions``).

    ``region``: for a per-region TextArea, the region it answers (its result item): the
    item takes the region's id and ``to_name`` (its place is copied in on submit).
    """
    item: Result = {
        "id": id or (str(region["id"]) if region is not None else new_id()),
        "from_name": control.name,
        "to_name": region["to_name"] if region is not None else control.to_name[0],
        "type": "textarea",
        "origin": origin,
        "value": {"text": [texts] if isinstance(texts, str) else list(texts)},
    }
    return item
