"""The UI harness itself: open a notebook, run it, read kernel state, restart, crash."""

from __future__ import annotations

import nbformat
import pytest

from .jupyter_harness import KernelExecutionError


def test_run_all_eval_restart_and_kill(lab, tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 21 * 2")]
    path = tmp_path / "smoke.ipynb"
    nbformat.write(nb, path)

    lab.open(path)
    lab.run_all()
    assert lab.eval_in_kernel("print(x)") == "42"
    assert lab.eval_json("{'x': x}") == {"x": 42}
    # eval_in_kernel leaves the notebook alone.
    assert [c["source"] for c in lab.notebook_json()["cells"]] == ["x = 21 * 2"]

    lab.eval_in_kernel("x = 0")
    lab.restart_and_run_all()
    assert lab.eval_in_kernel("print(x)") == "42"

    lab.kill_kernel_hard()
    with pytest.raises(KernelExecutionError, match="NameError"):
        lab.eval_in_kernel("x")
