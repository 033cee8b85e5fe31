"""``<Taxonomy>``: one or more paths in a tree of nested ``<Choice>``s for the whole item (one
per region, ``perRegion="true"``, is refused for now, as for Rating):
``value = {"taxonomy": [["Eukarya", "Human"], ["Archaea"]]}``.

A path lists the nodes from the top down, each as its ``alias`` when it has one, else its
``value`` (Label Studio's ``traverse`` in ``tags/control/Taxonomy/Taxonomy.jsx``; see
/work/helpers/ls-tags.md §2). Any node may be picked, a parent without its children
(Label Studio's tree is "check strictly"), unless ``leafsOnly="true"``; ``maxUsages`` caps
the number of paths. Among siblings a value listed twice is kept once, the first, as
Label Studio does.

In ``w.labels`` a Taxonomy's cell is a list of paths, each a tuple of the stored values
(``[("Eukarya", "Human"), ("Archaea",)]``): a tuple is hashable and exact, where a joined
string would be ambiguous for a value that holds the separator.

The browser reads the tree from the control's summary (``tree``), so a tree that comes
with each item (``value="$field"``, refused here for now) can replace it there.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..core.errors import ResultError, SchemaError
from ..core.results import Result, new_id
from ..core.schema import Control, Schema
from ..core.tag import ControlTag, TargetOf, is_true


@dataclass(frozen=True)
class Node:
    """One ``<Choice>`` of a taxonomy: ``label`` is shown, ``value`` (its alias, else its
    value) is stored."""

    label: str
    value: str
    hint: str | None
    color: str | None
    children: tuple[Node, ...]


@functools.lru_cache(maxsize=64)
def _tree(xml: str, name: str) -> tuple[Node, ...]:
    for el in ET.fromstring(xml).iter():
        if el.tag.lower() == "taxonomy" and el.get("name") == name:
            return _nodes(el, name)
    return ()


def _nodes(parent: ET.Element, name: str) -> tuple[Node, ...]:
    out: list[Node] = []
    seen: set[str] = set()
    for el in parent:
        if el.tag.lower() != "choice":
            continue
        label = el.get("value")
        if label is None or not label.strip():
            raise SchemaError(
                f"<Choice value={label!r}> inside <Taxonomy name={name!r}> has no value: it "
                "would be a node without a name"
            )
        if label in seen:  # Label Studio keeps the first of two siblings with one value
            continue
        seen.add(label)
        out.append(
            Node(
                label=label,
                value=el.get("alias") or label,
                hint=el.get("hint"),
                color=el.get("color") or el.get("background"),
                children=_nodes(el, name),
            )
        )
    return tuple(out)


def tree(control: Control, schema: Schema) -> tuple[Node, ...]:
    """The control's tree, read from the config."""
    return _tree(schema.xml, control.name)


Path = tuple[str, ...]


def walk(nodes: Iterable[Node], above: Path = ()) -> Iterator[tuple[Path, Node]]:
    """``(path, node)`` for every node, parents first."""
    for node in nodes:
        path = (*above, node.value)
        yield path, node
        yield from walk(node.children, path)


@functools.lru_cache(maxsize=64)
def _paths(xml: str, name: str) -> dict[tuple[str, ...], bool]:
    """Every path of the tree -> whether its node is a leaf."""
    return {path: not node.children for path, node in walk(_tree(xml, name))}


def max_usages(control: Control) -> int | None:
    raw = control.attrs.get("maxUsages")
    return int(raw) if raw not in (None, "") else None


def leafs_only(control: Control) -> bool:
    return is_true(control.attrs.get("leafsOnly", ""))


def _as_json(nodes: Sequence[Node]) -> list[dict[str, Any]]:
    out = []
    for n in nodes:
        entry: dict[str, Any] = {"label": n.label, "value": n.value}
        if n.hint:
            entry["hint"] = n.hint
        if n.color:
            entry["color"] = n.color
        if n.children:
            entry["children"] = _as_json(n.children)
        out.append(entry)
    return out


class Taxonomy(ControlTag):
    tag = "Taxonomy"

    def check_config(self, control: Control, schema: Schema) -> None:
        super().check_config(control, schema)
        where = f"<Taxonomy name={control.name!r}"
        if control.per_region:
            raise SchemaError(
                f'{where} perRegion="true">: nblabel shows a taxonomy for the whole item only, '
                "not yet one per region"
            )
        if control.attrs.get("apiUrl") or control.attrs.get("apiurl"):
            raise SchemaError(
                f"{where} apiUrl=...>: nblabel never loads a tree from the network while "
                "labeling; write the tree as nested <Choice> tags"
            )
        if str(control.attrs.get("value", "")).startswith("$"):
            raise SchemaError(
                f"{where} value={control.attrs['value']!r}>: a tree read from each item is not "
                "supported yet; write the tree as nested <Choice> tags"
            )
        if is_true(control.attrs.get("labeling", "")):
            raise SchemaError(
                f'{where} labeling="true">: taxonomy as a span-labeling tool (a Label Studio '
                "feature flag) is not supported; use <Labels> for spans"
            )
        raw = control.attrs.get("maxUsages")
        if raw not in (None, "") and not (raw.isdigit() and int(raw) >= 1):
            raise SchemaError(f"{where}> has maxUsages={raw!r}: a whole number, at least 1")
        if not tree(control, schema):
            raise SchemaError(f"{where}> has no <Choice> inside: nothing to pick from")

    def summary(self, control: Control, schema: Schema) -> dict[str, Any]:
        return {"tree": _as_json(tree(control, schema))}

    def check(
        self, control: Control, item: Result, *, key: object, target: Any, fresh: bool
    ) -> Result:
        value = item.get("value")
        paths = value.get("taxonomy") if isinstance(value, dict) else None
        ok = isinstance(paths, list) and all(
            isinstance(p, list) and p and all(isinstance(v, str) for v in p) for p in paths
        )
        if not ok:
            raise ResultError(
                f"item {key!r}: {control.name!r} takes a list of paths, each a list of values "
                f"from the top of the tree down, got {paths!r} (value {{'taxonomy': "
                "[['A', 'A1'], ['B']]}})"
            )
        return item

    def check_result(
        self,
        control: Control,
        result: list[Result],
        *,
        key: object,
        schema: Schema,
        target_of: TargetOf | None,
    ) -> list[Result]:
        known = _paths(schema.xml, control.name)
        where = f"item {key!r}: {control.name!r}"
        for r in result:
            if r.get("from_name") != control.name:
                continue
            paths = [tuple(p) for p in r["value"]["taxonomy"]]
            for p in paths:
                if p not in known:
                    raise ResultError(f"{where}: {' / '.join(p)!r} is not a path of its tree"
                                      f"{_near(p, known)}")  # fmt: skip
                if leafs_only(control) and not known[p]:
                    raise ResultError(
                        f'{where}: {" / ".join(p)!r} is not a leaf, and leafsOnly="true" '
                        "takes leaves only"
                    )
            twice = sorted({p for p in paths if paths.count(p) > 1})
            if twice:
                raise ResultError(f"{where}: {' / '.join(twice[0])!r} is picked twice")
            top = max_usages(control)
            if top is not None and len(paths) > top:
                raise ResultError(
                    f"{where} takes at most {top} path(s) (maxUsages), got {len(paths)}"
                )
        return result

    def has_value(self, control: Control, item: Result) -> bool:
        return bool((item.get("value") or {}).get("taxonomy"))

    def label_cell(self, control: Control, items: list[Result], target_of: TargetOf) -> Any:
        for r in items:
            return [tuple(p) for p in (r.get("value") or {}).get("taxonomy") or []]
        return None

    def label(self, item: Result) -> Any:
        paths = [tuple(p) for p in (item.get("value") or {}).get("taxonomy") or []]
        return paths[0] if len(paths) == 1 else paths


def _near(path: tuple[str, ...], known: dict[tuple[str, ...], bool]) -> str:
    """Where the path leaves the tree, for the message: what the deepest known part of it
    holds."""
    for depth in range(len(path) - 1, 0, -1):
        head = path[:depth]
        if head in known:
            below = [p[-1] for p in known if len(p) == depth + 1 and p[:depth] == head]
            shown = ", ".join(map(repr, below[:8])) or "no children"
            return f" ({' / '.join(head)!r} holds {shown})"
    tops = [p[0] for p in known if len(p) == 1]
    return f" (the top level holds {', '.join(map(repr, tops[:8]))})"


def taxonomy(
    control: Control,
    paths: Sequence[Sequence[str] | str],
    *,
    id: str | None = None,
    origin: str = "manual",
) -> Result:
    """A ``taxonomy`` result item for ``control`` picking ``paths``, each a sequence of
    values from the top of the tree down (a single string is a top-level node)."""
    return {
        "id": id or new_id(),
        "from_name": control.name,
        "to_name": control.to_name[0],
        "type": "taxonomy",
        "origin": origin,
        "value": {"taxonomy": [[p] if isinstance(p, str) else list(p) for p in paths]},
    }
