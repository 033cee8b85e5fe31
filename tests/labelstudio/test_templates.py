"""Every template of Label Studio's gallery in the groups of issue #17 (read from the
installed ``label-studio`` package, never copied): data made for it, a full result
submitted, checked by Label Studio's SDK, pushed to the real server and pulled back equal.

Templates nblabel refuses on purpose (``REFUSED``) must be refused with a SchemaError that
says why, before anything is labeled. A summary table (template, outcome, reason) is
printed at the end and written to ``test-artifacts/templates.md``.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from label_studio_sdk.label_interface.interface import LabelInterface

import nblabel

from .templates import Template, frame, full_result, templates, templates_dir
from .test_push_pull import server_tasks

_A = "lands with branch A (TextArea, Text literal, Header, HyperText, Paragraphs, Table, Chat)"
_B = "lands with branch B (DateTime, Taxonomy, Pairwise, Ranker/List/Bucket)"
_C = "lands with branch C (Ellipse, bare image tools + Labels, Image valueList)"
#: Template -> why it fails today (which branch brings what it needs).
_CHAT_WRITES = (
    "<Chat editable/llm>: writing messages in the labeling page is not supported (nblabel shows "
    "the DataFrame's conversation read-only)"
)
_CHAT_PER_MESSAGE = (
    "per-message answers on <Chat> are Label Studio Enterprise's and their result shape is "
    "not public"
)
_HTML_SPANS = (
    "<HyperTextLabels>: Label Studio places HTML spans by XPath in its own sanitized copy "
    "of the page, which nblabel's stricter sanitizer does not rebuild node for node"
)
#: Templates nblabel refuses on purpose: template -> (the message's words, why).
REFUSED = {
    "community-contributions/html-ner-tagging-person-and-organization": (
        "HyperTextLabels",
        _HTML_SPANS,
    ),
    "structured-data-parsing/html-entity-recognition": ("HyperTextLabels", _HTML_SPANS),
    "chat/chat_eval": ("editable|llm", _CHAT_WRITES),
    "chat/chat_llm_eval": ("editable|llm", _CHAT_WRITES),
    "chat/chat_red_team": ("editable|llm", _CHAT_WRITES),
    "chat/chat_rlhf": ("per-message answers", _CHAT_PER_MESSAGE),
    "chat/chatbot": ("per-message answers|editable|llm", _CHAT_WRITES),
}


def _collected(config: pytest.Config) -> list[Template]:
    """The gallery, unless the run leaves Label Studio out (then nothing is installed)."""
    if "not labelstudio" in (config.option.markexpr or ""):
        return []
    return templates(templates_dir())


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "template" in metafunc.fixturenames:
        found = _collected(metafunc.config)
        metafunc.parametrize("template", found, ids=[t.id for t in found])


_TABLE: list[tuple[str, str, str]] = []


@pytest.fixture(scope="module", autouse=True)
def _summary(request: pytest.FixtureRequest) -> Any:
    yield
    if not _TABLE:
        return
    lines = ["| template | outcome | reason |", "|---|---|---|"]
    lines += [f"| {t} | {o} | {r.replace('|', '/')} |" for t, o, r in _TABLE]
    out = Path(__file__).resolve().parents[2] / "test-artifacts" / "templates.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line("")
        for line in lines:
            reporter.write_line(line)


def for_sdk(
    stored: list[dict[str, Any]], w: nblabel.Labeler, li: LabelInterface
) -> list[dict[str, Any]]:
    """The stored result as label-studio-sdk 2.1.2 can check it: three known SDK gaps set
    aside (ls-tags.md §1-2): it rejects a Pairwise's ``to_name`` = its own name (which Label
    Studio itself stores), fails on any nested Choices path ("unhashable type"), and does
    not parse a control without ``toName`` (which Label Studio points at the only object)."""
    out = []
    first_object = w.schema.objects[0].name if w.schema.objects else None
    parsed = set(li._controls)
    for r in copy.deepcopy(stored):
        if r.get("from_name") is not None and r["from_name"] not in parsed:
            continue
        value = r.get("value") or {}
        if r.get("type") == "choices" and any(
            isinstance(v, list) for v in value.get("choices", [])
        ):
            continue
        if r.get("type") == "pairwise":
            # The SDK wants one of the control's toName objects there.
            control = li._controls.get(r["from_name"])
            targets = list(getattr(control, "to_name", None) or [])
            r["to_name"] = targets[0] if targets else first_object
        out.append(r)
    return out


def test_template_round_trip(template: Template, ls, title, tmp_path, request):
    why_not = template.out_of_scope
    if why_not:
        _TABLE.append((template.id, "skipped", why_not))
        pytest.skip(why_not)
    refused = REFUSED.get(template.id)
    if refused:
        words, why = refused
        with pytest.raises(nblabel.SchemaError, match=words):
            nblabel.Labeler(frame(template, tmp_path / "data"), config=template.config,
                            store=":memory:")  # fmt: skip
        _TABLE.append((template.id, "refused by name", why))
        return
    df = frame(template, tmp_path / "data")
    try:
        w = nblabel.Labeler(df, config=template.config, store=tmp_path / "labels.sqlite")
        key = w.current["key"]
        submitted = full_result(w, key)
        w.submit(result=submitted)
    except Exception as exc:
        _TABLE.append((template.id, "refused", f"{type(exc).__name__}: {exc}"[:300]))
        raise
    stored = w.store.state(key).result
    # Every control was answered; only what visibleWhen hides may be missing.
    answered = {r.get("from_name") or r.get("type") for r in submitted}
    unanswered = [c.name for c in w.schema.controls if c.name not in answered
                  and not (c.type == "relations" and "relation" in answered)]  # fmt: skip
    assert not unanswered, f"no answer made for {unanswered}"
    dropped = sorted({r.get("from_name") for r in submitted} - {r.get("from_name") for r in stored})
    # Label Studio's SDK accepts what is stored.
    li = LabelInterface(template.config)
    checked = for_sdk(stored, w, li)
    assert li.validate_annotation({"result": checked}), li.validate_prediction(
        {"result": checked}, return_errors=True
    )
    # Pushed to the real server, stored there as it is here (images inside the tasks:
    # Label Studio takes uploaded files only for a config with one data key) ...
    report = ls.push(w, project=title, images="data-url")
    assert report.errors == [] and report.annotations_sent == 1
    tasks = server_tasks(ls, report.project)
    (ann,) = tasks[key].annotations
    assert ann["result"] == stored
    # ... and pulled back into another store, equal.
    again = nblabel.Labeler(df, config=template.config, store=tmp_path / "pulled.sqlite")
    pulled = ls.pull(again, project=report.project)
    assert pulled.errors == [] and pulled.annotations_applied == 1
    assert again.store.state(key).result == stored
    note = f"hidden by visibleWhen, not stored: {', '.join(dropped)}" if dropped else ""
    _TABLE.append((template.id, "accepted", note))
    w.close()
    again.close()
