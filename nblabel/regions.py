"""Image regions from Python: boxes, polygons, key points, ellipses and masks made from
pixels of the original image, the labels of a region drawn with a bare tool, and brush masks
as numpy arrays (defined in :mod:`nblabel.tags.regions`, :mod:`nblabel.tags.regionlabels`
and :mod:`nblabel.tags.geometry`)."""

from .tags.geometry import brush_mask, mask_from_rle, mask_to_rle
from .tags.regionlabels import region_labels
from .tags.regions import brush, ellipse, keypoint, pixels, polygon, rectangle

__all__ = [
    "brush",
    "brush_mask",
    "ellipse",
    "keypoint",
    "mask_from_rle",
    "mask_to_rle",
    "pixels",
    "polygon",
    "rectangle",
    "region_labels",
]
