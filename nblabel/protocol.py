"""The one message envelope between the kernel and the browser.

Mirrored once in ``nblabel/js/src/protocol.js``; change both together.

Synced traits hold small, bounded view state (see ``nblabel.widgets.base``):

``_schema``
    ``{"objects": [{"name", "type": "image"|"text", "value"}],
    "controls": [{"name", "type": "choices"|"labels"|"relations", "to_name", "multiple",
    "required", "choices": [{"value", "label", "hotkey", "background"}]}]}``
    (a ``labels`` control's ``choices`` are its ``<Label>``s; its results are text spans,
    Label Studio ``labels`` items with code-point ``start``/``end``; a ``relations``
    control's are its ``<Relation>``s, hotkeys by position, and its results Label Studio
    ``relation`` items ``{type, from_id, to_id, direction, labels}``)
``current``
    The item on screen, or ``{}`` when the queue is empty::

        {"key": str, "label": str, "index": int, "status": "new"|"submitted"|"skipped",
         "result": [LS result items], "done": bool, "can_undo": bool, "can_redo": bool,
         "nav": {"prev", "next", "next_unlabeled", "first_unlabeled"},   # keys or None
         "prefetch": [keys],                                             # at most a few
         "suggestion": {"choices", "score", "model_version"}}            # with model= only

    With a model attached, an item without labels carries the model's suggestion as its
    ``result`` (one ``choices`` item, ``origin: "prediction"``, ``score``,
    ``model_version``), so the browser pre-selects it like any stored label.
``progress``
    ``{"total", "submitted", "skipped", "remaining", "per_minute"}``
``error``
    The last error for the user, ``""`` when there is none.
``_others``
    Other processes labeling the same store file now (:mod:`nblabel.presence`):
    ``{"count": int, "names": [distinct annotator names, at most 5]}``; ``{}`` or a
    ``count`` of 0 when there are none. Shown as one line in the header.

``current`` is assigned once per request, and before the reply is sent; JS copes with
either order. ``next_unlabeled`` may be a skipped item once no new item is left.

Custom messages, every one ``{"kind": ..., "id": ..., ...}``. A request from JS carries a
fresh ``id``; Python answers each request exactly once with a reply carrying the same ``id``:
``{"kind": "reply", "id", "ok": True, ...}`` or ``{"kind": "reply", "id", "ok": False,
"error": str}``.

JS -> Python requests:
``fetch``   ``{"keys": [...]}`` -> reply ``{"items": [payload, ...]}`` plus binary buffers.
            A payload is ``{"key", "label", "error": str|None, "objects": {name: obj}}``
            where ``obj`` is ``{"type": "image", "buffer": i, "mime", "width", "height",
            "original_width", "original_height"}`` (``buffer`` indexes the message's
            buffers) or ``{"type": "text", "text": str}``; a failed object is
            ``{"type": ..., "error": str}``.
``submit``  ``{"key", "result": [...], "lead_time": seconds}``: commit, then move on.
``skip``    ``{"key", "lead_time": seconds}``: commit a skip, then move on.
``goto``    ``{"key"}`` or ``{"to": "next"|"prev"|"first_unlabeled"}``.
``undo`` / ``redo``  ``{}``: revert / re-apply the last submit or skip of this session.
``window``  ``{"key", "object", "start", "end", "width"}``: a time series between
            ``start`` and ``end`` (Label Studio x values) for ``width`` pixel columns ->
            reply ``{"key", "object", "start", "end", "raw", "channels": [{"name", "x",
            "y", "n"}]}`` plus buffers (``x`` float64, ``y`` float32, little-endian; ``x``
            and ``y`` index the buffers). A fetched ``timeseries`` object is ``{"type":
            "timeseries", "buffer": i, "x_min", "x_max", "kind", "tz", "length",
            "y_range", "overview": <the same as a window reply>}`` with buffer indices
            counted from ``buffer``.
``detail``  ``{"key", "object", "x", "y", "width", "height", "out_width", "out_height"}``:
            a window of the ORIGINAL image (upright pixels, EXIF applied; clamped to the
            image) at about ``out_width`` x ``out_height`` pixels, for a zoomed-in view ->
            reply ``{"x", "y", "width", "height", "mime", "out_width", "out_height"}`` (the
            window rendered, whole pixels) plus one buffer, the JPEG (PNG with alpha).
"""

from __future__ import annotations

from typing import Final

FETCH: Final = "fetch"
SUBMIT: Final = "submit"
SKIP: Final = "skip"
GOTO: Final = "goto"
UNDO: Final = "undo"
REDO: Final = "redo"
WINDOW: Final = "window"
DETAIL: Final = "detail"
REPLY: Final = "reply"

REQUESTS: Final = frozenset({FETCH, SUBMIT, SKIP, GOTO, UNDO, REDO, WINDOW, DETAIL})
GOTO_TARGETS: Final = frozenset({"next", "prev", "first_unlabeled"})


def reply(request_id: object, **content: object) -> dict[str, object]:
    """A successful reply to the request ``request_id``."""
    return {"kind": REPLY, "id": request_id, "ok": True, **content}


def failure(request_id: object, error: str) -> dict[str, object]:
    """A failed reply to the request ``request_id``; ``error`` is shown to the user."""
    return {"kind": REPLY, "id": request_id, "ok": False, "error": error}
