"""Every Label Studio tag nblabel shows: one plugin module per tag (or tight family), and
the registry the core dispatches through.

Adding a tag: write its plugin (a :class:`nblabel.core.tag.ControlTag` or
:class:`~nblabel.core.tag.ObjectTag` subclass) in a module of this package, add one line
below, and its browser side in ``nblabel/js/src`` (one module and one line of the plugin
table there).
"""

from __future__ import annotations

from typing import Any

from ..core import schema as _core
from ..core.assist import register_default
from ..core.frames import annotation_columns
from ..core.tag import Registry
from .assist import default_assist
from .chat import ChatObject
from .choices import Choices
from .datetimes import DateTime
from .header import HeaderObject
from .hypertext import HyperTextObject
from .image import ImageObject
from .number import Number
from .pairwise import Pairwise
from .paragraphs import ParagraphLabels, ParagraphsObject
from .ranker import ListObject, Ranker
from .rating import Rating
from .regionlabels import Labels
from .regions import (
    Brush,
    BrushLabels,
    Ellipse,
    EllipseLabels,
    KeyPoint,
    KeyPointLabels,
    Polygon,
    PolygonLabels,
    Rectangle,
    RectangleLabels,
)
from .relations import Relations
from .shorthands import config
from .table import TableObject
from .taxonomy import Taxonomy
from .text import TextObject
from .textarea import TextArea
from .timeseries import TimeSeriesObject
from .timeserieslabels import TimeSeriesLabels

#: The plugins of every tag nblabel shows; the order of control tags is the order of their
#: columns in ``annotations``.
REGISTRY = Registry(
    [
        ImageObject(),
        TextObject(),
        TimeSeriesObject(),
        HeaderObject(),
        HyperTextObject(),
        ParagraphsObject(),
        TableObject(),
        ChatObject(),
        Choices(),
        Labels(),
        Relations(),
        RectangleLabels(),
        PolygonLabels(),
        KeyPointLabels(),
        BrushLabels(),
        EllipseLabels(),
        Rectangle(),
        Polygon(),
        KeyPoint(),
        Brush(),
        Ellipse(),
        TimeSeriesLabels(),
        Rating(),
        Number(),
        DateTime(),
        Taxonomy(),
        Pairwise(),
        ListObject(),
        Ranker(),
        TextArea(),
        ParagraphLabels(),
    ],
    refused={
        # Label Studio finds an HTML span by XPath in its own sanitized copy of the page
        # (sanitize-html keeps <style>, comments, forms...; regions/RichTextRegion.js), which
        # nblabel's stricter DOMPurify copy does not rebuild node for node: a span made here
        # could land elsewhere there.
        "HyperTextLabels": "nblabel shows HTML (<HyperText>) but does not label spans of it: "
        "Label Studio places them by XPath in its own sanitized copy of the page, which "
        "nblabel's stricter sanitizer does not rebuild node for node; label the document's "
        "plain text with <Text> and <Labels> instead",
    },
)


class Schema(_core.Schema):
    """A parsed Label Studio labeling config, read against nblabel's tag plugins.

    Parameters
    ----------
    config
        Label Studio labeling config XML (``<View>...</View>``).
    defer
        Leave Label Studio's own parse to :meth:`check` or the first use of
        ``interface`` (see :class:`nblabel.core.schema.Schema`).

    Raises
    ------
    SchemaError
        Malformed XML, an unknown tag or one nblabel cannot show, a control whose
        ``toName`` names no object, duplicate names, or a tag used in a way nblabel cannot
        show (the message says which and why).
    """

    def __init__(self, config: str, *, tags: Registry = REGISTRY, defer: bool = False) -> None:
        super().__init__(config, tags=tags, defer=defer)

    @classmethod
    def from_shorthands(cls, *, defer: bool = False, **shorthands: Any) -> Schema:
        """Build the Label Studio XML for the common cases (see
        :func:`nblabel.tags.shorthands.config`): ``image=``, ``text=`` or ``timeseries=``
        name the DataFrame column of the object; ``choices=``, ``boxes=``, ``polygons=``,
        ``keypoints=``, ``masks=``, ``spans=``, ``relations=``, ``ranges=`` list the labels
        of one control each."""
        return cls(config(**shorthands), defer=defer)


#: The columns of ``annotations``.
ANNOTATION_COLUMNS: list[str] = annotation_columns(REGISTRY)

__all__ = ["ANNOTATION_COLUMNS", "REGISTRY", "Schema"]

#: assist="default": the built-in smart tools (nblabel.tags.assist).
register_default("default", default_assist)
