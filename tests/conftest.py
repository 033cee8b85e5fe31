"""Shared fixtures: sample data made on the fly (no downloads); a real Label Studio; a
small real disk that fills up."""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PIL import Image


def make_image(path: Path, size: tuple[int, int] = (64, 48), color=(200, 30, 30), **save) -> Path:
    img = Image.new("RGB", size, color)
    # A white square in the top-left corner makes orientation visible.
    img.paste((255, 255, 255), (0, 0, size[0] // 4, size[1] // 4))
    img.save(path, **save)
    return path


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Under pytest-xdist (scripts/test runs `-n 2 --dist loadgroup`) every worker is its own
    # session: grouping the tests that talk to Label Studio on one worker starts one server
    # (~400 MB, 5-40 s to start) instead of one per worker. trylast: after the folder
    # conftests have added their markers.
    for item in items:
        if item.get_closest_marker("labelstudio"):
            item.add_marker(pytest.mark.xdist_group("labelstudio"))


@pytest.fixture
def image_df(tmp_path: Path) -> pd.DataFrame:
    paths = [make_image(tmp_path / f"img{i}.jpg", color=(40 * i, 100, 150)) for i in range(5)]
    return pd.DataFrame({"path": [str(p) for p in paths]}, index=[f"im{i}" for i in range(5)])


@pytest.fixture
def text_df() -> pd.DataFrame:
    return pd.DataFrame({"text": ["great film", "awful plot", "fine", "meh 🙂", "loved it"]})


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Default stores land in the working directory: keep them out of the repo."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(0)


@pytest.fixture
def small_disk() -> Iterator[Path]:
    """A real 512 KB tmpfs, for a disk that fills up; skipped where mounting is not allowed
    (it needs root, or CAP_SYS_ADMIN)."""
    where = Path(tempfile.mkdtemp(prefix="nblabel-full-"))
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        where.rmdir()
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip() or 'not root'}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)
        where.rmdir()


def fill(disk: Path) -> Path:
    """Write a file until the disk is full; return it."""
    filler = disk / "filler"
    try:
        with open(filler, "wb", buffering=0) as f:
            while True:
                f.write(b"\0" * 4096)
    except OSError:  # ENOSPC: full
        pass
    return filler


@pytest.fixture(scope="session")
def ls_servers() -> Iterator[Callable[[str], object]]:
    """Real Label Studio servers on 127.0.0.1, one per database (``"sqlite"``,
    ``"postgresql"``), each started on first use and kept for the whole session, stopped
    by PID at its end. A pool rather than a parametrized fixture: pytest would stop one
    server and start the other each time consecutive tests switch database.

    Installed on first use into its own venv (``$NBLABEL_LS_VENV``); each server gets a
    fresh data dir (an SQLite file, or a PostgreSQL cluster of its own) and a random admin
    token. A PostgreSQL variant is skipped where PostgreSQL is not installed
    (``scripts/test`` installs Debian's ``postgresql``).
    """
    from nblabel.labelstudio.localserver import LocalServer, postgres_bin

    started: dict[str, LocalServer] = {}

    def server(database: str) -> LocalServer:
        if database not in started:
            if database == "postgresql" and postgres_bin() is None:
                pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
            started[database] = LocalServer.start(database=database)
        return started[database]

    try:
        yield server
    finally:
        for one in started.values():
            one.stop()


@pytest.fixture(scope="session")
def ls_server(ls_servers) -> object:
    """The SQLite-backed server of :func:`ls_servers`. Here rather than in
    ``tests/labelstudio/conftest.py`` because the notebook test uses it too."""
    return ls_servers("sqlite")
