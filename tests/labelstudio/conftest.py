"""Fixtures for tests against a real Label Studio (the servers themselves: ``ls_servers``
in ``tests/conftest.py``). Every test here is marked ``labelstudio``.

A module marked ``pytest.mark.databases("sqlite", "postgresql")`` runs each of its tests
once against a server of each database (``ls_server`` and ``ls`` follow ``ls_database``);
every other test talks to the SQLite one."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pandas as pd
import pytest

import nblabel.labelstudio as nls
from tests.conftest import make_image

_titles = itertools.count()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.labelstudio)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    marker = metafunc.definition.get_closest_marker("databases")
    if marker is not None and "ls_database" in metafunc.fixturenames:
        metafunc.parametrize("ls_database", list(marker.args), indirect=True)


@pytest.fixture
def ls_database(request: pytest.FixtureRequest) -> str:
    """The database of the server this test talks to (see the module docstring)."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def ls_server(ls_servers, ls_database):
    """The server of ``ls_database`` (the session-wide one of :func:`ls_servers`)."""
    return ls_servers(ls_database)


@pytest.fixture
def ls(ls_server) -> Iterator[nls.Connection]:
    with nls.connect(ls_server.url, api_key=ls_server.api_key) as connection:
        yield connection


@pytest.fixture
def title(request: pytest.FixtureRequest) -> str:
    """A project title no other test uses (the server lives for the whole session)."""
    return f"{request.node.name[5:40]} {next(_titles)}"


@pytest.fixture
def images(tmp_path: Path) -> pd.DataFrame:
    sizes = [(64, 48), (30, 90), (120, 40)]
    paths = [
        make_image(tmp_path / f"photo {i}.jpg", size=s, color=(60 * i, 90, 160))
        for i, s in enumerate(sizes)
    ]
    return pd.DataFrame({"path": [str(p) for p in paths]}, index=["cat-1", "dog-2", "cow-3"])


@functools.cache
def personal_access_token(url: str, email: str, password: str) -> str:
    """Log in as a browser would, then ask for a personal access token. Label Studio gives
    one per user (a second request is a 409), so it is made once per server and user."""
    with httpx.Client(base_url=url, follow_redirects=False, timeout=30) as http:
        page = http.get("/user/login/")
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert csrf, "no CSRF token on the login page"
        login = http.post(
            "/user/login/",
            data={"email": email, "password": password, "csrfmiddlewaretoken": csrf.group(1)},
            headers={"Referer": f"{url}/user/login/"},
        )
        assert login.status_code == 302, login.status_code
        token = http.post(
            "/api/token/",
            headers={"X-CSRFToken": http.cookies.get("csrftoken", ""), "Referer": url},
        )
        assert token.status_code in (200, 201), token.status_code
        return str(token.json()["token"])
