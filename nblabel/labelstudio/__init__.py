"""Label Studio: push a labeler's items and labels to a project, pull annotations back.

    ls = nblabel.labelstudio.connect()          # $LABEL_STUDIO_URL, $LABEL_STUDIO_API_KEY
    report = ls.push(w, project="Reviews")      # creates the project from w.schema.xml
    ls.pull(w)                                  # annotations made in Label Studio -> w.labels

All traffic goes through ``label_studio_sdk.LabelStudio``.
"""

from __future__ import annotations

from ..core.errors import ConfigMismatchError, LabelStudioError
from .client import check_compatible
from .connection import Connection, connect
from .live import Live, Project, follow, open_project
from .mlbackend import Server, serve
from .sync import ID_FIELD, PullReport, PushReport

__all__ = [
    "ID_FIELD",
    "ConfigMismatchError",
    "Connection",
    "LabelStudioError",
    "Live",
    "Project",
    "PullReport",
    "PushReport",
    "Server",
    "check_compatible",
    "connect",
    "follow",
    "open_project",
    "serve",
]
