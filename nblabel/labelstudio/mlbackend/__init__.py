"""Serve a model to Label Studio as an ML backend: pre-annotations, and training on new
annotations. Label Studio's ML backend protocol (as Label Studio 1.23 calls it), on
Starlette + uvicorn, in a thread of the calling process.

    srv = nblabel.labelstudio.serve(model, schema=w.schema, port=9090)  # returns at once
    ls.attach_model(project=42, url=srv.url)
    srv.model_version, srv.errors, srv.stop()

What the model is and what it returns
-------------------------------------
The model is called as ``predict(items)``: ``items`` is a DataFrame with one row per task
(index: task id), one column per key of the task's ``data``; the column of an ``<Image>``
object holds the image as an RGB ``PIL.Image`` (EXIF orientation applied, as the browser
shows it). What ``predict`` returns decides how it is read:

- an ``(n, k)`` array of class probabilities (an :mod:`nblabel.active` model, a
  scikit-learn classifier, or any callable returning numbers): a ``choices`` result for the
  config's ``Choices`` control, by the labeler's own rule (:mod:`nblabel.active.choices`:
  the top label, or for multiple choice every label at 0.5 or above);
- a list with one entry per row, each a list of Label Studio result items (or a dict
  ``{"result": [...], "score": s}``): regions, spans, anything the config has. Missing
  ``type``, ``from_name``, ``to_name`` and ``original_width/height`` are filled in from the
  config and the image.

Every prediction is checked with ``LabelInterface.validate_prediction`` against the
project's config before it leaves. Annotations train the model through the labeler's own
learner (:mod:`.training`).

Modules: :mod:`.server` (``serve``, ``Server``), :mod:`.app` (routes, auth, bounded
requests), :mod:`.backend` (state, predictions), :mod:`.model` (the model and what it
returns), :mod:`.training`, :mod:`.tiled` (``tile=``), :mod:`.images` (what it may read),
:mod:`.access` (its one Label Studio), :mod:`.tasks`, :mod:`.errors`.
"""

from __future__ import annotations

from .app import MAX_BODY, MAX_DEPTH
from .backend import Backend
from .errors import HTTPError
from .model import as_backend_model, choices_control
from .server import NO_AUTH_RISK, Server, is_loopback, serve

__all__ = [
    "MAX_BODY",
    "MAX_DEPTH",
    "NO_AUTH_RISK",
    "Backend",
    "HTTPError",
    "Server",
    "as_backend_model",
    "choices_control",
    "is_loopback",
    "serve",
]
