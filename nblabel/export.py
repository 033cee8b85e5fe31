"""Labels out, in Label Studio's export formats (defined in :mod:`nblabel.io.export`)."""

from .io.export import FORMATS, export, labelstudio_tasks

__all__ = ["FORMATS", "export", "labelstudio_tasks"]
