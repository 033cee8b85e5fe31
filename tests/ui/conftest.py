"""Fixtures for browser tests: one isolated JupyterLab + Chromium per session, one notebook
page per test. The start/stop logic lives in ``jupyter_harness`` (no pytest there), so
benchmarks can reuse it.

Every test under tests/ui is marked ``ui``; ``pytest -m "not ui"`` skips them all.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from .jupyter_harness import (
    ARTIFACTS_DIR,
    JupyterEnv,
    JupyterServer,
    LabNotebook,
    chromium,
    make_notebook,
)

_UI_DIR = Path(__file__).parent
_REPORTS = pytest.StashKey[dict[str, pytest.TestReport]]()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _UI_DIR in item.path.parents:
            item.add_marker(pytest.mark.ui)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    # Kept on the item so fixture teardown can tell whether the test failed.
    report = yield
    item.stash.setdefault(_REPORTS, {})[report.when] = report
    return report


def _failed(item: pytest.Item) -> bool:
    reports = item.stash.get(_REPORTS, {})
    return any(r.failed for r in reports.values())


@pytest.fixture(scope="session")
def jupyter_env(tmp_path_factory: pytest.TempPathFactory) -> JupyterEnv:
    """Temp HOME/JUPYTER_*_DIR/IPYTHONDIR/TMPDIR with lab setting overrides written."""
    return JupyterEnv.create(tmp_path_factory.mktemp("jupyter"))


@pytest.fixture(scope="session")
def jupyter_server(jupyter_env: JupyterEnv) -> Iterator[JupyterServer]:
    """JupyterLab on 127.0.0.1 (free port, random token), stopped with SIGTERM at the end."""
    server = JupyterServer.start(jupyter_env)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def notebook7_server(jupyter_env: JupyterEnv) -> Iterator[JupyterServer]:
    """Notebook 7 (``jupyter notebook``) on 127.0.0.1, sharing the env and root dir."""
    server = JupyterServer.start(jupyter_env, frontend="notebook")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def chromium_browser(jupyter_env: JupyterEnv) -> Iterator[Any]:
    """Debian's /usr/bin/chromium driven by Playwright (a ``playwright.sync_api.Browser``)."""
    with chromium(jupyter_env.environ()) as browser:
        yield browser


class Lab:
    """Per-test entry point: ``nb = lab.open(notebook)``; then ``lab.run_all()`` etc. act on
    the notebook opened last (``lab.nb``)."""

    def __init__(self, server: JupyterServer, browser: Any, test_name: str) -> None:
        self.server = server
        self.browser = browser
        self.test_name = test_name
        self.notebooks: list[LabNotebook] = []

    def open(self, notebook: Any, **kwargs: Any) -> LabNotebook:
        kwargs.setdefault("name", self.test_name)
        nb = LabNotebook.open(self.server, self.browser, notebook, **kwargs)
        self.notebooks.append(nb)
        return nb

    def open_cells(self, *sources: str, **kwargs: Any) -> LabNotebook:
        return self.open(make_notebook(*sources), **kwargs)

    @property
    def nb(self) -> LabNotebook:
        if not self.notebooks:
            raise RuntimeError("call lab.open(notebook) first")
        return self.notebooks[-1]

    def __getattr__(self, name: str) -> Callable[..., Any] | Any:
        # run_all, eval_in_kernel, page, ... of the current notebook.
        if name.startswith("_") or not self.notebooks:
            raise AttributeError(f"{name!r}: call lab.open(notebook) first")
        return getattr(self.notebooks[-1], name)


def _lab_fixture(
    request: pytest.FixtureRequest, server: JupyterServer, browser: Any
) -> Iterator[Lab]:
    helper = Lab(server, browser, request.node.name)
    try:
        yield helper
    finally:
        failed = _failed(request.node)
        for i, nb in enumerate(helper.notebooks):
            if failed:
                suffix = f"-{i}" if len(helper.notebooks) > 1 else ""
                name = request.node.nodeid.replace(os.sep, "_") + suffix
                nb.save_debug_artifacts(name, directory=ARTIFACTS_DIR)
            nb.close()


@pytest.fixture
def lab(
    request: pytest.FixtureRequest, jupyter_server: JupyterServer, chromium_browser: Any
) -> Iterator[Lab]:
    """Open notebooks in JupyterLab; on failure save screenshot + logs to test-artifacts/."""
    yield from _lab_fixture(request, jupyter_server, chromium_browser)


@pytest.fixture
def notebook7(
    request: pytest.FixtureRequest, notebook7_server: JupyterServer, chromium_browser: Any
) -> Iterator[Lab]:
    """The same helper as ``lab``, in Notebook 7's single-document page."""
    yield from _lab_fixture(request, notebook7_server, chromium_browser)
