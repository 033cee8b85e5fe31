"""How a traceback shows an error to a user: to check that no credential is in it."""

from __future__ import annotations

import traceback

from IPython.core.ultratb import VerboseTB


def shown(err: BaseException) -> tuple[str, str]:
    """The traceback from connect() down, as IPython's verbose mode and as the traceback
    module with local variables render it (the test's own frame left out: its variables
    are the caller's business)."""
    tb = err.__traceback__.tb_next  # type: ignore[union-attr]
    verbose = VerboseTB(theme_name="nocolor").text(type(err), err, tb)
    plain = traceback.TracebackException(type(err), err, tb, capture_locals=True)
    return verbose, "".join(plain.format())
