"""What a request is told and what the operator is told: the ML backend's errors, and
messages cut to a bounded length (a request can send megabytes)."""

from __future__ import annotations

from ...core.errors import ItemError, NblabelError

MESSAGE_MAX = 1000


class HTTPError(NblabelError):
    """A request the backend answers with an error status (the message goes in the JSON;
    ``detail``, what the operator is told in ``srv.errors`` and the log, may say more)."""

    def __init__(self, status: int, message: str, *, detail: str | None = None) -> None:
        self.status = status
        self.detail = detail or message
        super().__init__(message)


class Refused(ItemError):
    """An image the backend will not or cannot read: ``problem`` is the answer, the same
    whatever the reason; ``detail`` the reason, for the operator only."""

    def __init__(self, key: object, problem: str, detail: str) -> None:
        self.detail = detail
        super().__init__(key, problem)


def short(text: str, limit: int = 120) -> str:
    """``text`` quoted, cut to about ``limit`` characters (a request can send megabytes)."""
    if len(text) <= limit:
        return repr(text)
    return repr(text[: limit - 40]) + f" ... ({len(text):,} characters)"


def clip(message: str) -> str:
    if len(message) <= MESSAGE_MAX:
        return message
    return message[: MESSAGE_MAX - 40] + f" ... ({len(message):,} characters)"


def messages(exc: Exception) -> tuple[str, str]:
    """What a requester is told about ``exc``, and what the operator is told."""
    if isinstance(exc, Refused):
        return exc.problem, exc.detail
    if isinstance(exc, ItemError):
        return exc.problem, exc.problem
    if isinstance(exc, HTTPError):
        return str(exc), exc.detail
    return str(exc), str(exc)
