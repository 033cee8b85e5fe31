"""Bulk labels (the map's lasso + key) against a real Label Studio: a push carries them as
they are stored, Label Studio's own editor opens them, and they come back as bulk labels."""

from __future__ import annotations

import pandas as pd

import nblabel
import nblabel.labelstudio as nls
from tests.ui.jupyter_harness import ARTIFACTS_DIR, CHROMIUM_ARGS, CHROMIUM_PATH


def server_tasks(ls: nls.Connection, project: int) -> dict[str, object]:
    tasks = ls.client.tasks.list(project=project, fields="all", page_size=1000)
    return {t.data["nblabel_id"]: t for t in tasks}


def test_bulk_labels_are_pushed_as_stored_open_in_label_studio_and_come_back(
    ls, ls_server, title, tmp_path
):
    df = pd.DataFrame(
        {"text": ["a red one", "a red two", "a blue one", "a blue two", "green"]},
        index=["r1", "r2", "b1", "b2", "g"],
    )
    w = nblabel.TextLabeler(df, choices=["red", "blue", "green"], store=tmp_path / "b.db")
    reds = w.job.label_many(["r1", "r2"], "red")
    blues = w.job.label_many(["b1", "b2"], "blue")
    w.goto("g")
    w.submit("green")  # one by hand, for comparison

    report = ls.push(w, project=title)
    assert (report.tasks_created, report.annotations_sent) == (5, 5)
    tasks = server_tasks(ls, report.project)
    for key, bulk in (("r1", reds), ("r2", reds), ("b1", blues), ("b2", blues)):
        (ann,) = tasks[key].annotations
        assert ann["result"] == w.store.state(key).result  # a copy, field by field
        assert ann["result"][0]["meta"] == {"bulk": bulk.id}
        assert ann["result"][0]["origin"] == "manual"  # the only origin the editor knows
    assert "meta" not in tasks["g"].annotations[0]["result"][0]
    # Label Studio's own check of the result items passes.
    interface = ls.client.projects.get(report.project).get_label_interface()
    for key in ("r1", "b2"):
        assert interface.validate_annotation(tasks[key].annotations[0])

    # Label Studio's editor opens a bulk-labeled task with its choice selected (it
    # refuses a result item whose origin it does not know, e.g. "bulk").
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM_PATH, args=list(CHROMIUM_ARGS))
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(f"{ls_server.url}/user/login/")
            page.fill("input[name=email]", ls_server.username)
            page.fill("input[name=password]", ls_server.password)
            page.click("button[type=submit]")
            page.wait_for_load_state("networkidle")
            page.goto(f"{ls_server.url}/projects/{report.project}/data?task={tasks['b1'].id}")
            # Each choice is a radio button in a label reading "blue[2]" (its hotkey).
            inputs = "[...document.querySelectorAll('input[type=radio], input[type=checkbox]')]"
            # The editor renders more than once: read what is checked in the same look
            # that finds it settled on exactly one choice, "blue".
            found = page.wait_for_function(
                f"() => {{ const c = {inputs}.filter(e => e.checked)"
                ".map(e => e.closest('label')?.innerText || '').filter(Boolean);"
                " return c.length === 1 && c[0].startsWith('blue') ? c : null; }",
                timeout=60_000,
            )
            chosen = found.json_value()  # the data manager's row boxes have no label
            assert len(chosen) == 1 and chosen[0].startswith("blue"), chosen
            assert not [e for e in errors if "mobx-state-tree" in e]
        except BaseException:
            page.screenshot(path=str(ARTIFACTS_DIR / "labelstudio-bulk.png"))
            raise
        finally:
            browser.close()

    # Pulled into another notebook, they are bulk labels there too.
    other = nblabel.Labeler.from_labelstudio(
        ls, project=report.project, live=False, store=tmp_path / "other.db"
    )
    ann = other.annotations.set_index("item")
    assert ann.loc["r2", "origin"] == "bulk" and ann.loc["r2", "bulk"] == reds.id
    assert ann.loc["b1", "bulk"] == blues.id and ann.loc["g", "origin"] == "manual"
    other.close()
