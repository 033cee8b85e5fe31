"""Labelers for one kind of data: the shorthand front doors of :class:`Labeler`."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .base import Labeler


class ImageLabeler(Labeler):
    """Label images: one per row, read from the column ``image`` (paths, bytes, PIL images).

    ``nblabel.ImageLabeler(df, image="path", choices=["cat", "dog"])``; every other
    keyword is :class:`Labeler`'s (``multiple=``, ``id=``, ``job=``, ``store=``, ...).
    """

    def __init__(self, data: pd.DataFrame, *, image: str = "image", **kwargs: Any) -> None:
        for wrong in ("text", "config"):
            if wrong in kwargs:
                raise TypeError(f"ImageLabeler() got an unexpected keyword argument {wrong!r}")
        super().__init__(data, image=image, **kwargs)


class TextLabeler(Labeler):
    """Label texts: one per row, read from the column ``text``.

    ``nblabel.TextLabeler(df, text="review", choices=["pos", "neg"])``, or
    ``spans=["PER", "LOC"]`` for entity spans (see :meth:`Labeler.spans_as`); every other
    keyword is :class:`Labeler`'s.
    """

    def __init__(self, data: pd.DataFrame, *, text: str = "text", **kwargs: Any) -> None:
        for wrong in ("image", "config"):
            if wrong in kwargs:
                raise TypeError(f"TextLabeler() got an unexpected keyword argument {wrong!r}")
        super().__init__(data, text=text, **kwargs)
