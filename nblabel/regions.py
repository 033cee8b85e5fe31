"""Image regions from Python: boxes, polygons, key points and masks made from pixels of the
original image, and brush masks as numpy arrays (defined in :mod:`nblabel.tags.regions` and
:mod:`nblabel.tags.geometry`)."""

from .tags.geometry import brush_mask, mask_from_rle, mask_to_rle
from .tags.regions import brush, keypoint, pixels, polygon, rectangle

__all__ = [
    "brush",
    "brush_mask",
    "keypoint",
    "mask_from_rle",
    "mask_to_rle",
    "pixels",
    "polygon",
    "rectangle",
]
