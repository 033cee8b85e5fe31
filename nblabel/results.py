"""Label Studio result items, made from Python: one builder per kind of answer.

The builders live with their tags (:mod:`nblabel.tags`); this module gathers them for
``w.submit(result=[...])`` and ``predictions=``::

    nblabel.results.choices(w.schema.control("choice"), ["cat"])
    nblabel.results.span(doc, start=0, end=4, labels="PER")
    nblabel.results.rectangle("box", "car", x=10, y=20, width=50, height=30, size=(640, 480))
    nblabel.results.textarea(w.schema.control("caption"), "a cat on a mat")
"""

from .core.results import Result, labels_of, new_id, validate
from .tags.choices import choices
from .tags.datetimes import date_time
from .tags.labels import span
from .tags.number import number
from .tags.pairwise import pairwise
from .tags.paragraphs import paragraph_span
from .tags.ranker import ranker
from .tags.rating import rating
from .tags.regionlabels import region_labels
from .tags.regions import brush, ellipse, keypoint, polygon, rectangle
from .tags.relations import relation
from .tags.taxonomy import taxonomy
from .tags.textarea import textarea
from .tags.timeserieslabels import range_item

__all__ = [
    "Result",
    "brush",
    "choices",
    "date_time",
    "ellipse",
    "keypoint",
    "labels_of",
    "new_id",
    "number",
    "pairwise",
    "paragraph_span",
    "polygon",
    "range_item",
    "ranker",
    "rating",
    "rectangle",
    "region_labels",
    "relation",
    "span",
    "taxonomy",
    "textarea",
    "validate",
]
