"""``visibleWhen``: controls (and ``<View>`` containers) shown only in some states, and what
that means for a submitted result.

Label Studio's forms (``mixins/Visibility.js`` of its editor; /work/helpers/ls-tags.md §3):
``visibleWhen="region-selected"`` (with ``whenTagName`` = the labeling control of the
selected region, ``whenLabelValue`` = one of its labels, ``whenRole`` = a chat message's
role), ``"no-region-selected"``, ``"choice-selected"`` (with ``whenTagName`` = a
Choices/Taxonomy control and ``whenChoiceValue`` = one of its values or aliases, comma
lists), ``"choice-unselected"`` (its negation), and a bare ``whenChoiceValue`` (any control
holds exactly that value). A tag is hidden whenever an enclosing ``<View>`` is. Label Studio
reads these attributes on ``View``, ``Choices``, ``Taxonomy``, ``TextArea`` and
``Markdown`` only and ignores them elsewhere; so does nblabel, so a config behaves the same
in both.

The browser shows and hides live (``nblabel/js/src/visibility.js``, the same rules). Python
sees a submitted result, which has no selected region; what nblabel does with it:

- **Dropped** (as Label Studio drops them on submit, ``regions/Result.js``
  ``canBeSubmitted``): a per-region answer with ``whenLabelValue`` on a region lacking those
  labels; a per-region answer whose own ``choice-selected`` condition fails (in its region);
  an answer whose own ``choice-unselected`` condition fails; a whole-item answer hidden by a
  ``choice-selected`` condition of its own or of an enclosing ``<View>``. Label Studio keeps
  the selection on screen and drops it from the result; so does nblabel, silently (the
  browser keeps it too, and it comes back when the condition does).
- **Kept**, as in Label Studio: answers hidden only by region conditions (``region-selected``,
  ``no-region-selected``) or by a ``choice-unselected`` View around them.
- **Required** is asked only of what would be shown: a whole-item control as with no region
  selected (a control under ``region-selected`` is not required, one under
  ``no-region-selected`` is), a per-region control of every region it would be shown for
  (its ``whenTagName``/``whenLabelValue`` filters and choice conditions in that region).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

    from .schema import Control, Schema

Result = dict[str, Any]

#: The tags Label Studio reads ``visibleWhen`` on (those composing its VisibilityMixin).
VISIBILITY_TAGS = frozenset(["view", "choices", "taxonomy", "textarea", "markdown"])
#: The conditions, as ``visibleWhen`` spells them; ``choice-value`` is nblabel's name for a
#: bare ``whenChoiceValue``.
WHENS = ("region-selected", "no-region-selected", "choice-selected", "choice-unselected")
REGION_WHENS = frozenset(["region-selected", "no-region-selected"])


def _attr(el: ET.Element, name: str) -> str | None:
    """An attribute read case-insensitively, as Label Studio reads them."""
    low = name.lower()
    return next((v for k, v in el.attrib.items() if k.lower() == low), None)


def _list(raw: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in raw.split(",") if v.strip()) if raw else ()


@dataclass(frozen=True)
class Condition:
    """One tag's own visibility condition."""

    when: str
    tag: str | None = None
    #: ``whenChoiceValue``; for a bare one (``when == "choice-value"``) the one exact value.
    choices: tuple[str, ...] = ()
    #: ``whenLabelValue`` as written (Label Studio tries the whole string, then its parts).
    labels: str | None = None
    roles: tuple[str, ...] = ()

    @classmethod
    def of(cls, el: ET.Element) -> Condition | None:
        """The condition of ``el``, ``None`` when it has none or Label Studio ignores it
        on this tag."""
        if el.tag.lower() not in VISIBILITY_TAGS:
            return None
        when = (_attr(el, "visibleWhen") or "").strip().lower()
        choice_value = _attr(el, "whenChoiceValue")
        if not when:
            if choice_value:  # no visibleWhen: exactly that one value, no comma split
                return cls("choice-value", choices=(choice_value,))
            return None
        if when not in WHENS:
            return None  # an unknown visibleWhen shows the tag, as in Label Studio
        return cls(
            when,
            tag=(_attr(el, "whenTagName") or "").strip() or None,
            choices=_list(choice_value),
            labels=_attr(el, "whenLabelValue") or None,
            roles=_list(_attr(el, "whenRole")),
        )

    def summary(self) -> dict[str, Any]:
        """The condition as the browser reads it (``_schema``)."""
        return {
            "when": self.when,
            "tag": self.tag,
            "choices": list(self.choices),
            "labels": self.labels,
            "roles": list(self.roles),
        }


@dataclass(frozen=True)
class Region:
    """A region of a result as conditions see it: its id, object, the controls that
    labeled it (``whenTagName`` matches one) and its labels."""

    id: Any
    to_name: Any
    labeling: tuple[str, ...]
    labels: tuple[str, ...]
    role: str | None = None


def regions_of(schema: Schema, result: Iterable[Result]) -> dict[Any, Region]:
    """The regions of ``result`` by id: ids drawn by a region control, with the labels
    every item of that id gives (a ``<Labels>`` beside a bare ``<Rectangle>`` too)."""
    by_id: dict[Any, list[tuple[Control, Result]]] = {}
    drawn: dict[Any, Any] = {}
    for r in result:
        control = schema.control_of(r)
        if control is None or control.per_region:
            continue
        by_id.setdefault(r.get("id"), []).append((control, r))
        if schema.plugin(control).region:
            drawn.setdefault(r.get("id"), r.get("to_name"))
    out = {}
    for rid, to_name in drawn.items():
        labeling: list[str] = []
        labels: list[str] = []
        role = None
        for control, r in by_id[rid]:
            values = _values(r)
            if values:
                labeling.append(control.name)
                labels.extend(values)
            found = ((r.get("value") or {}).get("chatmessage") or {}).get("role")
            role = role or (str(found) if found else None)
        out[rid] = Region(rid, to_name, tuple(labeling), tuple(labels), role)
    return out


def _values(item: Result) -> list[str]:
    """The values an item selects: its labels/choices, a Taxonomy path's last element."""
    value = item.get("value")
    found = value.get(item.get("type", ""), []) if isinstance(value, dict) else []
    if not isinstance(found, list):
        return []
    return [str(v[-1]) if isinstance(v, list) and v else str(v) for v in found if v != []]


def has_label(region: Region, wanted: str) -> bool:
    """``whenLabelValue``: the whole string first, then each comma-separated part
    (``AreaMixin.hasLabel``)."""
    if wanted in region.labels:
        return True
    return any(part in region.labels for part in _list(wanted))


class Conditions:
    """The visibility conditions of one schema: each control's own condition and those of
    the ``<View>``s around it, evaluated against a result."""

    def __init__(
        self,
        schema: Schema,
        chains: dict[str, tuple[Condition, ...]],
        own: dict[str, Condition | None],
    ) -> None:
        self.schema = schema
        #: Control name -> conditions of its enclosing Views (outermost first), then its own.
        self.chains = chains
        self.own = own

    def __bool__(self) -> bool:
        return any(self.chains.values())

    # -- what a condition sees ----------------------------------------------------------
    def _selected(self, name: str, result: list[Result], region: Region | None) -> list[str]:
        """The values control ``name`` selects: in ``region`` for a per-region control,
        else for the whole item."""
        control = self._control(name)
        if control is None:
            return []
        out: list[str] = []
        for r in result:
            if r.get("from_name") != name:
                continue
            if control.per_region and (region is None or r.get("id") != region.id):
                continue
            out.extend(_values(r))
        return out

    def _control(self, name: str) -> Control | None:
        return next((c for c in self.schema.controls if c.name == name), None)

    def _matches(self, name: str, selected: list[str], wanted: tuple[str, ...]) -> bool:
        """Whether a selected value is one of ``wanted``, by value or alias."""
        control = self._control(name)
        shown = {ch.value: ch.label for ch in control.choices} if control is not None else {}
        return any(v in wanted or shown.get(v) in wanted for v in selected)

    def _choice_selected(
        self,
        cond: Condition,
        result: list[Result],
        region: Region | None,
        me: str,
        seen: frozenset[str],
    ) -> bool:
        if cond.tag is None:
            # Any Choices/Taxonomy selection (whenChoiceValue is ignored without a tag).
            return any(
                self._selected(c.name, result, region)
                for c in self.schema.controls
                if c.name != me and c.type in ("choices", "taxonomy")
            )
        if cond.tag in seen or self._control(cond.tag) is None:
            return False
        # The named control must be shown itself.
        if not self.visible(cond.tag, result, region=region, seen=seen | {me}):
            return False
        selected = self._selected(cond.tag, result, region)
        if not selected:
            return False
        return self._matches(cond.tag, selected, cond.choices) if cond.choices else True

    def holds(
        self,
        cond: Condition,
        result: list[Result],
        *,
        region: Region | None,
        me: str,
        regions_too: bool = True,
        seen: frozenset[str] = frozenset(),
    ) -> bool:
        """Whether ``cond`` holds for control ``me`` with ``region`` selected (``None``: no
        region); ``regions_too=False`` takes region conditions as holding."""
        if cond.when in REGION_WHENS and not regions_too:
            return True
        if cond.when == "no-region-selected":
            return region is None
        if cond.when == "region-selected":
            if region is None:
                return False
            if cond.tag is not None and cond.tag not in region.labeling:
                return False
            if cond.labels is not None:
                return has_label(region, cond.labels)
            if cond.roles:
                return region.role in cond.roles
            return True
        if cond.when == "choice-value":
            return any(cond.choices[0] in _values(r) for r in result)
        selected = self._choice_selected(cond, result, region, me, seen)
        return selected if cond.when == "choice-selected" else not selected

    def visible(
        self,
        name: str,
        result: list[Result],
        *,
        region: Region | None,
        regions_too: bool = True,
        seen: frozenset[str] = frozenset(),
    ) -> bool:
        """Whether control ``name`` is shown, given ``result`` and the selected region."""
        return all(
            self.holds(c, result, region=region, me=name, regions_too=regions_too, seen=seen)
            for c in self.chains.get(name, ())
        )

    # -- what a submit keeps and owes ---------------------------------------------------
    def kept(self, result: list[Result]) -> list[Result]:
        """``result`` without the answers Label Studio drops on submit (module doc)."""
        if not self:
            return result
        regions = regions_of(self.schema, result)
        out = []
        for r in result:
            name = r.get("from_name")
            control = self._control(name) if isinstance(name, str) else None
            if control is None or not self.chains.get(control.name):
                out.append(r)
                continue
            if self._dropped(control, r, result, regions):
                continue
            out.append(r)
        return out

    def _dropped(
        self, control: Control, item: Result, result: list[Result], regions: dict[Any, Region]
    ) -> bool:
        own = self.own.get(control.name)
        name = control.name
        if control.per_region:
            region = regions.get(item.get("id"))
            if own is None or region is None:
                return False
            labeled = own.when == "region-selected" and own.labels is not None
            if labeled and not has_label(region, own.labels):  # type: ignore[arg-type]
                return True
            if own.when in ("choice-selected", "choice-unselected"):
                return not self.holds(own, result, region=region, me=name)
            return False
        if own is not None and own.when == "choice-unselected":
            return not self.holds(own, result, region=None, me=name)
        if any(c.when == "choice-selected" for c in self.chains[name]):
            return not self.visible(name, result, region=None, regions_too=False)
        return False

    def required(self, control: Control, result: list[Result]) -> bool:
        """Whether a whole-item control would be shown when the result is submitted (no
        region selected): only then is its ``required`` asked."""
        return self.visible(control.name, result, region=None)

    def owed(self, control: Control, region: Region, result: list[Result]) -> bool:
        """Whether a per-region control would be shown for ``region``: only then does a
        required one need an answer for it."""
        return self.visible(control.name, result, region=region)


__all__ = ["VISIBILITY_TAGS", "Condition", "Conditions", "Region", "regions_of"]
