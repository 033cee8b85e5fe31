"""The README's promises: every ```python block runs as pasted, in order, in a fresh
kernel; every relative link points at a file that exists."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def code_blocks(text: str, language: str = "python") -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", text, flags=re.M | re.S)


def test_every_python_block_runs_in_a_fresh_kernel(tmp_path: Path) -> None:
    blocks = code_blocks(README.read_text())
    assert len(blocks) >= 3, "the README lost its examples"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(b) for b in blocks])
    # One cell per block, as a reader pastes them; an error stops the run and fails here.
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    outputs = [o for cell in nb.cells for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    shown = [o for o in outputs if WIDGET_VIEW in o.get("data", {})]
    displayed = sum(len(re.findall(r"^display\(", b, flags=re.M)) for b in blocks)
    assert displayed and len(shown) == displayed, "each display(...) shows its labeler"


def test_relative_links_point_at_files() -> None:
    links = re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", README.read_text())
    local = [link for link in links if not re.match(r"[a-z]+:", link)]
    assert local
    assert [link for link in local if not (ROOT / link).exists()] == []
