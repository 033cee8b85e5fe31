"""Sample data the notebooks and the README label (made on the spot, nothing downloaded;
defined in :mod:`nblabel.io.samples`)."""

from .io.samples import ACTIVITIES, SHAPES, accelerometer, objects, reviews, shapes

__all__ = ["ACTIVITIES", "SHAPES", "accelerometer", "objects", "reviews", "shapes"]
