"""A credential that does not show itself where users look: in ``repr``, ``str``, and so in
tracebacks that list local variables (IPython's ``%xmode Verbose``, ``traceback`` with
``capture_locals=True``, error trackers)."""

from __future__ import annotations

from typing import NoReturn


class Secret:
    """An API key or token, masked.

    ``repr`` and ``str`` say ``Secret('***')``; :meth:`reveal` hands the value to the one
    call that sends it. Code near a ``raise`` should never spell the value out as an
    attribute (IPython's verbose tracebacks evaluate attribute expressions on the lines
    they show); a method call, as ``reveal()``, is not evaluated.
    """

    __slots__ = ("__value",)

    def __init__(self, value: str | Secret | None) -> None:
        self.__value = value.reveal() if isinstance(value, Secret) else (value or "")

    def reveal(self) -> str:
        """The credential itself, for the HTTP client that sends it."""
        return self.__value

    def scrub(self, text: str) -> str:
        """``text`` with every copy of the credential replaced by ``***``."""
        return text.replace(self.__value, "***") if self.__value else text

    def __bool__(self) -> bool:
        return bool(self.__value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other.reveal() == self.__value

    def __hash__(self) -> int:
        return hash((Secret, self.__value))

    def __repr__(self) -> str:
        return "Secret('***')" if self.__value else "Secret('')"

    __str__ = __repr__

    def __copy__(self) -> Secret:
        return self  # immutable

    def __deepcopy__(self, memo: dict) -> Secret:
        return self

    def __reduce__(self) -> NoReturn:
        # Pickling would write the value in the clear (a notebook's saved state, a cache).
        raise TypeError("a Secret is not pickled: keep credentials in the environment")
