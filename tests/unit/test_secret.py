"""The Label Studio API key stays out of what a user sees when ``connect()`` fails: the
message, and tracebacks that list local variables (IPython's ``%xmode Verbose``)."""

from __future__ import annotations

import copy
import pickle
import socket
import traceback

import pytest
from IPython.core.ultratb import VerboseTB

import nblabel.labelstudio as nls
from nblabel.labelstudio.secret import Secret

KEY = "k3y" + "7" * 37


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def shown(err: BaseException) -> tuple[str, str]:
    """The traceback from connect() down, as IPython's verbose mode and as the traceback
    module with local variables render it (the test's own frame left out: its variables
    are the caller's business)."""
    tb = err.__traceback__.tb_next  # type: ignore[union-attr]
    verbose = VerboseTB(theme_name="nocolor").text(type(err), err, tb)
    plain = traceback.TracebackException(type(err), err, tb, capture_locals=True)
    return verbose, "".join(plain.format())


@pytest.mark.parametrize("how", ["argument", "environment"])
def test_a_failed_connect_never_shows_the_key(how, monkeypatch):
    url = f"http://127.0.0.1:{closed_port()}"
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", KEY)
    with pytest.raises(nls.LabelStudioError, match="cannot reach Label Studio") as info:
        if how == "argument":
            nls.connect(url, api_key=KEY, retries=0)
        else:
            nls.connect(url, retries=0)
    verbose, plain = shown(info.value)
    assert "connect(url=" in verbose and "api_key = Secret('***')" in verbose
    assert "self = Connection(" in plain  # the frames' variables are there, masked
    assert KEY not in verbose + plain
    # No chained httpx/SDK error to show the request or response either.
    assert info.value.__context__ is None and info.value.__cause__ is None


def test_a_secret_hides_itself_and_is_not_pickled():
    s = Secret(KEY)
    assert KEY not in repr(s) + str(s) + f"{s}" + repr([s]) + repr({"k": s})
    assert s.reveal() == KEY and Secret(s).reveal() == KEY
    assert s.scrub(f"echo {KEY}!") == "echo ***!"
    assert bool(s) and not Secret(None) and not Secret("")
    assert copy.deepcopy(s) is s
    with pytest.raises(TypeError, match="not pickled"):
        pickle.dumps(s)
