"""Label Studio's own template gallery as test input: read from the installed ``label-studio``
package (never copied), data made for each, a full result made for each.

The package is the one the ``ls_server`` fixture runs (``nblabel.labelstudio.localserver``,
``$NBLABEL_LS_VENV``, installed on first use), so a fresh machine finds the templates
through the same path. Nothing here imports pytest: UI tests and benchmarks use it too
(:func:`labeler_cell` writes the notebook code that opens any template in the browser).

Data (``frame``): the template's sample data when its config ships some (the
``<!-- {"data": ...} -->`` comment Label Studio's preview overlays), else values made the
way Label Studio's preview makes them (``label_studio/core/label_config.py``,
``get_sample_task``) but local: images are PNG files written here (the shipped ones are
remote URLs and there is no network), time series are inline columns in the config's
time format, dynamic options are ``[{"value": ...}]`` lists.

Result (``full_result``): every control answered with a value of the shape Label Studio
stores (/work/helpers/ls-tags.md §2): per-region controls answer every region, a control
shown only for some choice gets that choice picked first.
"""

from __future__ import annotations

import glob
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml
from PIL import Image

from nblabel.labelstudio import localserver
from nblabel.results import brush, range_item
from nblabel.tags.taxonomy import tree as taxonomy_tree

#: The groups of issue #17, in the gallery's order.
GROUPS = (
    "computer-vision",
    "natural-language-processing",
    "time-series-analysis",
    "community-contributions",
    "conversational-ai",
    "generative-ai",
    "chat",
    "ranking-and-scoring",
    "structured-data-parsing",
)
#: Objects out of scope (audio, video, PDF).
OUT_OF_SCOPE = ("audio", "audioplus", "video", "pdf")

SAMPLE_TEXT = "Sample: Your text will go here."
SAMPLE_HTML = "<div><p>Sample: <b>bold</b> words of HTML.</p></div>"


def templates_dir(*, install: bool = True) -> Path:
    """``label_studio/annotation_templates`` of the Label Studio the test server runs;
    installed first (as the ``ls_server`` fixture would) when ``install``."""
    if install and not localserver.is_installed():
        localserver.install()
    found = glob.glob(
        str(localserver.venv_dir() / "lib" / "python3*" / "site-packages" / "label_studio"
            / "annotation_templates")
    )  # fmt: skip
    if not found:
        raise FileNotFoundError(
            f"no label_studio/annotation_templates under {localserver.venv_dir()} "
            "(python -m nblabel.labelstudio.localserver install)"
        )
    return Path(found[0])


@dataclass(frozen=True)
class Template:
    group: str
    name: str
    title: str
    config: str

    @property
    def id(self) -> str:
        return f"{self.group}/{self.name}"

    @property
    def out_of_scope(self) -> str | None:
        """Why the template is not tested (its objects), ``None`` when it is."""
        tags = {el.tag.lower() for el in ET.fromstring(self.config).iter()}
        found = sorted(tags & set(OUT_OF_SCOPE))
        return f"{', '.join(found)} objects are out of scope" if found else None


def templates(root: Path | None = None) -> list[Template]:
    """Every template of :data:`GROUPS`, in order."""
    root = root or templates_dir()
    out = []
    for group in GROUPS:
        for path in sorted((root / group).glob("*/config.yml")):
            meta = yaml.safe_load(path.read_text(encoding="utf-8"))
            out.append(Template(group, path.parent.name, str(meta.get("title")), meta["config"]))
    return out


def template(template_id: str, root: Path | str | None = None) -> Template:
    """One template by ``group/name`` (from the templates folder ``root``; default: the
    test server's Label Studio)."""
    found = next((t for t in templates(Path(root) if root else None) if t.id == template_id), None)
    if found is None:
        raise KeyError(template_id)
    return found


# -- data ----------------------------------------------------------------------------------------
def shipped_data(config: str) -> dict[str, Any]:
    """The sample data a config ships in its first ``<!-- {`` comment (its ``data`` key
    when it has one), as Label Studio's preview overlays it; ``{}`` when none."""
    for m in re.finditer(r"<!--\s*(\{.*?)-->", config, re.S):
        try:
            found = json.loads(m.group(1))
        except ValueError:
            continue
        if isinstance(found, dict):
            return found.get("data", found) if isinstance(found.get("data"), dict) else found
        break
    return {}


def _attr(el: ET.Element, name: str) -> str | None:
    return next((v for k, v in el.attrib.items() if k.lower() == name.lower()), None)


def _fields(root: ET.Element) -> Iterator[tuple[str, ET.Element, str]]:
    """``(field, element, attribute)`` for every ``$field`` an attribute names."""
    for el in root.iter():
        for attr, value in el.attrib.items():
            m = re.fullmatch(r"\$([A-Za-z_][\w-]*)", value.strip())
            if m:
                yield m.group(1), el, attr


def _image(folder: Path, name: str, i: int) -> str:
    path = folder / f"{name}-{i}.png"
    img = Image.new("RGB", (64, 48), (40 + 50 * i, 110, 160))
    img.paste((255, 255, 255), (0, 0, 16, 12))
    img.save(path)
    return str(path)


def _series(el: ET.Element, i: int) -> dict[str, list[Any]]:
    channels = [c.get("column") for c in el if c.tag.lower() == "channel" and c.get("column")]
    n = 24
    out: dict[str, list[Any]] = {}
    time_column = _attr(el, "timeColumn")
    if time_column:
        fmt = _attr(el, "timeFormat")
        if fmt:
            start = pd.Timestamp("2024-01-01")
            out[time_column] = [(start + pd.Timedelta(minutes=m)).strftime(fmt) for m in range(n)]
        else:
            out[time_column] = list(range(n))
    for k, name in enumerate(channels):
        out[str(name)] = [float(np.sin((j + k + i) / 3.0)) for j in range(n)]
    return out


def _value_for(field: str, el: ET.Element, attr: str, folder: Path, i: int) -> Any:
    tag = el.tag.lower()
    if attr.lower() == "valuelist":
        return [_image(folder, f"{field}-p{p}", i) for p in range(2)]
    if attr.lower() != "value":
        return 10 if attr.lower().startswith("max") else "Something"
    if tag == "image":
        return _image(folder, field, i)
    if tag == "hypertext":
        return SAMPLE_HTML
    if tag == "paragraphs":
        name, text = _attr(el, "nameKey") or "author", _attr(el, "textKey") or "text"
        return [{name: "Human", text: "Sample: Hi, Robot!"}, {name: "Robot", text: "Hello!"}]
    if tag == "chat":
        return [{"role": "user", "content": "Hello there"},
                {"role": "assistant", "content": "Hi! How can I help?"}]  # fmt: skip
    if tag == "table":
        return {"Card number": 18799210, "First name": "Max", "Last name": "Nobel"}
    if tag == "list":
        return [{"id": f"item{k}", "title": f"Answer {k}", "body": f"Text {k}"} for k in (1, 2)]
    if tag == "timeseries":
        return _series(el, i)
    if tag in ("text", "header", "markdown"):
        return SAMPLE_TEXT if i == 0 else f"{SAMPLE_TEXT} ({i + 1})"
    # A control's value="$field": its options of the item.
    return [{"value": f"Dynamic{k}"} for k in (1, 2)]


def frame(t: Template, folder: Path, *, rows: int = 2) -> pd.DataFrame:
    """A DataFrame of ``rows`` items for template ``t``; files (images) go to ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    root = ET.fromstring(t.config)
    shipped = shipped_data(t.config)
    columns: dict[str, list[Any]] = {}
    for field, el, attr in _fields(root):
        if field in columns:
            continue
        values = []
        for i in range(rows):
            given = shipped.get(field)
            made = _value_for(field, el, attr, folder, i)
            if el.tag.lower() in ("image",) or attr.lower() == "valuelist":
                values.append(made)  # shipped images are remote URLs: ours are local files
            elif el.tag.lower() == "timeseries":
                values.append(made)  # shipped series are URLs to LS's sample CSV
            elif el.tag.lower() == "text" and isinstance(given, list):
                values.append(", ".join(map(str, given)))  # Label Studio shows String(list)
            elif el.tag.lower() == "chat" and not given:
                values.append(made)  # chat_red_team ships an empty conversation
            elif given is not None:
                values.append(given)
            else:
                values.append(made)
        columns[field] = values
    return pd.DataFrame(columns, index=[f"{t.name}-{i}" for i in range(rows)])


# -- a full result ---------------------------------------------------------------------------------
def _new_id(prefix: str, n: int) -> str:
    return f"{prefix}{n:03d}abcdef"[:10]


def _first_word(text: str) -> tuple[int, int]:
    m = re.search(r"\S+", text)
    return (m.start(), m.end()) if m else (0, len(text))


def _options(control: Any) -> list[str]:
    return [c.value for c in control.choices]


def _preferred(schema: Any) -> dict[str, str]:
    """Control -> a value some visibleWhen condition asks of it (so what it shows gets
    answered too)."""
    out: dict[str, str] = {}
    for chain in schema.conditions.chains.values():
        for cond in chain:
            if cond.tag and cond.when == "choice-selected" and cond.choices:
                out.setdefault(cond.tag, cond.choices[0])
    return out


def full_result(w: Any, key: str) -> list[dict[str, Any]]:
    """Label Studio result items answering every control of labeler ``w`` for item ``key``."""
    job = w.job
    schema = job.schema
    pos = job.items.pos(key)
    row = job.items.data.iloc[pos]
    allowed = job.sources.allowed(key) or {}
    preferred = _preferred(schema)
    result: list[dict[str, Any]] = []
    regions: list[dict[str, Any]] = []  # region items, per-region answers attach to them
    counter = iter(range(1, 1000))
    objects = {o.name: o for o in schema.objects}

    def base(control: Any, to_name: str | None = None, **extra: Any) -> dict[str, Any]:
        return {"id": _new_id("r", next(counter)), "from_name": control.name,
                "to_name": to_name or control.to_name[0], "type": schema.plugin(control).item_type,
                "origin": "manual", **extra}  # fmt: skip

    def labels_of_control(control: Any) -> list[str]:
        if control.type == "taxonomy":  # its options are a tree of nested <Choice>s
            return [node.value for node in taxonomy_tree(control, schema)]
        if control.options_from and control.name in allowed:
            dynamic = sorted(v for v in allowed[control.name].values if v not in _options(control))
            return _options(control) + dynamic
        return _options(control)

    def image_extras(name: str) -> dict[str, Any]:
        target = job.sources.target(key, name)
        # <Image valueList>: the region goes on the first page (item_index 0).
        pages = getattr(target, "pages", None)
        size = (pages[0] if pages else target).size
        page = {"item_index": 0} if pages else {}
        return {"original_width": size[0], "original_height": size[1], "image_rotation": 0,
                **page}  # fmt: skip

    geometry = {
        "rectangle": {"x": 10.0, "y": 12.5, "width": 30.0, "height": 25.0, "rotation": 0.0},
        "polygon": {"points": [[10.0, 10.0], [40.0, 12.0], [25.0, 40.0]], "closed": True},
        "keypoint": {"x": 20.0, "y": 25.0, "width": 1.0},
        "ellipse": {"x": 40.0, "y": 40.0, "radiusX": 10.0, "radiusY": 8.0, "rotation": 0.0},
    }
    bare_tools = [c for c in schema.controls if c.type in geometry]
    for c in schema.controls:
        t = c.type
        if c.per_region:
            continue
        labels = labels_of_control(c)
        obj = objects.get(c.to_name[0]) if c.to_name else None
        if t in ("rectanglelabels", "polygonlabels", "keypointlabels", "ellipselabels"):
            shape = geometry[t.removesuffix("labels")]
            item = base(c, value={**shape, t: labels[:1]}, **image_extras(c.to_name[0]))
            result.append(item)
            regions.append(item)
        elif t == "brushlabels":
            size = (image_extras(c.to_name[0])["original_width"],
                    image_extras(c.to_name[0])["original_height"])  # fmt: skip
            mask = np.zeros((size[1], size[0]), dtype=bool)
            mask[4:20, 6:30] = True
            item = brush(c, labels[:1], mask=mask, id=_new_id("b", next(counter)))
            result.append(item)
            regions.append(item)
        elif t in geometry:
            item = base(c, value=dict(geometry[t]), **image_extras(c.to_name[0]))
            result.append(item)
            regions.append(item)
            # Label Studio's split form: a <Labels> on the same image adds its item to the
            # region drawn by the bare tool (same id, geometry repeated).
            for lab in schema.controls:
                if lab.type == "labels" and lab.to_name[0] == c.to_name[0]:
                    value = {**item["value"], "labels": _options(lab)[:1]}
                    result.append({**item, "from_name": lab.name, "type": "labels", "value": value})
        elif t == "labels" and obj is not None and obj.type == "image":
            if not bare_tools:
                raise AssertionError(f"<Labels name={c.name!r}> on an image with no tool")
        elif t == "labels":
            text = job.sources.target(key, c.to_name[0])
            start, end = _first_word(text)
            spans = [(start, end)]
            rest = re.search(r"\S+", text[end:])
            if rest is not None and any(x.type == "relations" for x in schema.controls):
                spans.append((end + rest.start(), end + rest.end()))
            for a, b in spans:
                item = base(c, value={"start": a, "end": b, "text": text[a:b],
                                      "labels": labels[:1]})  # fmt: skip
                result.append(item)
                regions.append(item)
        elif t == "hypertextlabels":
            xpath = "/div[1]/p[1]/text()[1]"
            item = base(c, value={"start": xpath, "end": xpath,
                                  "startOffset": 0, "endOffset": 7,
                                  "globalOffsets": {"start": 0, "end": 7}, "text": "Sample:",
                                  "hypertextlabels": labels[:1]})  # fmt: skip
            result.append(item)
            regions.append(item)
        elif t == "paragraphlabels":
            para = row[obj.column][0] if obj is not None else {}
            text_key = _attr_of(obj, "textKey") or "text"
            first = str(para.get(text_key, ""))
            a, b = _first_word(first)
            item = base(c, value={"start": "0", "end": "0", "startOffset": a, "endOffset": b,
                                  "text": first[a:b], "paragraphlabels": labels[:1]})  # fmt: skip
            result.append(item)
            regions.append(item)
        elif t == "timeserieslabels":
            series = job.sources.target(key, c.to_name[0]).series
            item = range_item(series, start=series.to_x(series.x[2]), end=series.to_x(series.x[5]),
                              labels=labels[:1], from_name=c.name, to_name=c.to_name[0],
                              id=_new_id("t", next(counter)))  # fmt: skip
            result.append(item)
            regions.append(item)
    for c in schema.controls:
        if c.type in ("relations",):
            ids = [r["id"] for r in regions if r["type"] == "labels"]
            if len(ids) >= 2:
                rel: dict[str, Any] = {"from_id": ids[0], "to_id": ids[1], "type": "relation",
                                       "direction": "right"}  # fmt: skip
                if c.choices:
                    rel["labels"] = _options(c)[:1]
                result.append(rel)
            continue
        if c.type in geometry or c.type.endswith("labels") or c.type == "labels":
            continue
        buckets = [b.get("name", "") for b in schema.children(c.name, "Bucket")]
        answers = _answer(c, labels_of_control(c), preferred.get(c.name), row, objects, buckets)
        if answers is None:
            continue
        if c.per_region:
            for region in regions:
                if region["to_name"] in c.to_name and region.get("from_name") != c.name:
                    if any(r["id"] == region["id"] and r["from_name"] == c.name for r in result):
                        continue
                    result.append({"id": region["id"], "from_name": c.name,
                                   "to_name": region["to_name"], "type": answers[0],
                                   "origin": "manual", "value": answers[1]})  # fmt: skip
        else:
            result.append(base(c, to_name=answers[2], value=answers[1]))
    return result


def _attr_of(obj: Any, name: str) -> str | None:
    if obj is None:
        return None
    return next((v for k, v in obj.attrs.items() if k.lower() == name.lower()), None)


def _answer(
    c: Any,
    options: list[str],
    preferred: str | None,
    row: Any,
    objects: dict[str, Any],
    buckets: list[str],
) -> tuple[str, dict[str, Any], str | None] | None:
    """``(type, value, to_name)`` of a valid whole answer to control ``c``."""
    t = c.type
    first = preferred if preferred in options else (options[0] if options else None)
    nested = any(k.lower() == "allownested" and v.lower() == "true" for k, v in c.attrs.items())
    if t == "choices":
        if first is None:
            return None
        return "choices", {"choices": [[first]] if nested else [first]}, None
    if t == "taxonomy":
        return ("taxonomy", {"taxonomy": [[first]]}, None) if first is not None else None
    if t == "textarea":
        return "textarea", {"text": ["A sample answer"]}, None
    if t == "rating":
        top = int(c.attrs.get("maxRating", "5"))
        return "rating", {"rating": min(3, top)}, None
    if t == "number":
        lo = c.attrs.get("min")
        return "number", {"number": float(lo) if lo not in (None, "") else 1}, None
    if t == "datetime":
        only = (c.attrs.get("only") or "").lower()
        value = (
            "2024-03-05" if only == "date" else "10:30" if only == "time" else "2024-03-05T10:30"
        )
        return "datetime", {"datetime": value}, None
    if t == "pairwise":
        # Label Studio stores the Pairwise's own name as to_name (ls-tags.md §2).
        return "pairwise", {"selected": "left"}, c.name
    if t == "ranker":
        lst = objects.get(c.to_name[0])
        ids = [str(i.get("id")) for i in (row[lst.column] if lst is not None else [])]
        if not buckets:
            return "ranker", {"ranker": {c.name: ids}}, None
        # Every item in the first bucket; "_" holds unplaced ones (none here).
        return (
            "ranker",
            {"ranker": {buckets[0]: ids, **{b: [] for b in buckets[1:]}, "_": []}},
            None,
        )
    return None


# -- the browser -----------------------------------------------------------------------------------
def labeler_cell(template_id: str, folder: str | Path, *, name: str = "w") -> str:
    """Notebook code that opens template ``template_id`` in a :class:`nblabel.Labeler`
    named ``name``, on data made in ``folder`` (for UI tests: ``lab.open_cells(...)``)."""
    repo = Path(__file__).resolve().parents[2]
    # Found here: a kernel may run with another HOME, where no Label Studio is installed.
    root = templates_dir(install=False)
    return (
        "import sys, pathlib\n"
        f"sys.path.insert(0, {str(repo)!r})\n"
        "import nblabel\n"
        "from tests.labelstudio import templates as _t\n"
        f"_tpl = _t.template({template_id!r}, {str(root)!r})\n"
        f"df = _t.frame(_tpl, pathlib.Path({str(folder)!r}))\n"
        f"{name} = nblabel.Labeler(df, config=_tpl.config, store=':memory:')\n"
        f"{name}\n"
    )
