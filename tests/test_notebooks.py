"""Every notebook in notebooks/ runs headless, top to bottom, without an error."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
#: Notebooks that talk to Label Studio: they get the test server through the environment.
NEEDS_LABEL_STUDIO = {"labelstudio"}


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(p, marks=[pytest.mark.labelstudio] if p.stem in NEEDS_LABEL_STUDIO else [])
        for p in NOTEBOOKS
    ],
    ids=[p.stem for p in NOTEBOOKS],
)
def test_notebook_runs(
    path: Path, tmp_path: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = None
    if path.stem in NEEDS_LABEL_STUDIO:
        server = request.getfixturevalue("ls_server")
        secret = server.api_key
        # The kernel inherits the environment; the key never enters the notebook itself.
        monkeypatch.setenv("LABEL_STUDIO_URL", server.url)
        monkeypatch.setenv("LABEL_STUDIO_API_KEY", server.api_key)
    work = tmp_path / path.name
    shutil.copy(path, work)
    nb = nbformat.read(work, as_version=4)
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    # The labelers rendered as widgets, not as a text fallback.
    widgets = [
        o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})
    ]
    assert widgets
    if secret is not None:
        assert secret not in json.dumps(nbformat.writes(nb))
    # Run in place (scripts/demo does that), whatever a notebook writes beside itself
    # (sample data, label stores) must stay out of `git status`.
    made = [p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()]
    made = [Path("notebooks") / p for p in made if p.name != path.name]
    assert not_ignored(made) == []


def not_ignored(paths: list[Path]) -> list[str]:
    """The paths (relative to the repo) that the repo's .gitignore files do not ignore."""
    if not (ROOT / ".git").exists() or shutil.which("git") is None:
        pytest.skip("not a git checkout")
    if not paths:
        return []
    found = subprocess.run(
        ["git", "check-ignore", "--no-index", "--stdin"],
        input="\n".join(map(str, paths)), capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    ignored = set(found.stdout.splitlines())
    return [str(p) for p in paths if str(p) not in ignored]


def test_jupyter_checkpoints_are_ignored():
    assert not_ignored([Path("notebooks/.ipynb_checkpoints/quickstart-checkpoint.ipynb")]) == []


def test_there_is_a_quickstart():
    assert any(p.stem == "quickstart" for p in NOTEBOOKS)
