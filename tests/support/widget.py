"""A stand-in for the browser: sends the messages the JS sends to a widget on a dummy
comm, and collects the replies."""

from __future__ import annotations

import itertools

import nblabel
from nblabel.widgets import protocol

_ids = itertools.count()


class Browser:
    """Sends requests like the JS side does and collects the replies."""

    def __init__(self, widget):
        self.w = widget
        self.replies = []
        widget.send = lambda content, buffers=None: self.replies.append((content, buffers or []))

    def ask(self, kind, **content):
        rid = next(_ids)
        self.w._handle_custom_msg({"kind": kind, "id": rid, **content}, [])
        reply, buffers = self.replies[-1]
        assert reply["kind"] == "reply" and reply["id"] == rid
        return reply, buffers

    def choose(self, *labels, control="choice"):
        c = self.w.schema.control(control)
        result = [nblabel.results.choices(c, list(labels))] if labels else []
        return self.ask(protocol.SUBMIT, key=self.w.current["key"], result=result, lead_time=1.0)


class RegionBrowser(Browser):
    """A :class:`Browser` that submits whole results (regions, spans, ranges)."""

    def submit(self, result):
        return self.ask(protocol.SUBMIT, key=self.w.current["key"], result=result, lead_time=2.0)
