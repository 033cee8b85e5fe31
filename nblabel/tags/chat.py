"""``<Chat>``: a conversation shown in order, one message per bubble, read-only; controls
(``<Choices>``, ``<Rating>``, ``<TextArea>``) label it as a whole.

Data: a list of ``{"role": "user" | "assistant" | ..., "content": "...", "createdAt"?: ms}``
(``/work/helpers/ls-tags.md`` §5). Label Studio's ``<Chat>`` belongs to its Enterprise
edition: the open-source server (Community 1.23.2) stores a project, tasks and annotations
with this config, but its labeling page answers "ConfigurationError: Not expecting tag:
chat" (seen on the real server). So a push to a Community server is refused, naming the
``<Paragraphs>`` config that shows the same data there (:attr:`enterprise_only`).

Writing messages (``editable="true"``, ``llm=...``) and per-message answers
(``perRegion="true"`` on a control of the chat) are refused by name: the first needs a chat
client, and the result shape of the second is not in the open-source code (ls-tags.md §8).
"""

from __future__ import annotations

from typing import Any, ClassVar

from ..core.errors import ItemError, SchemaError
from ..core.schema import DataObject, Schema
from ..core.tag import ObjectSource, ObjectTag, is_true
from .text import is_missing


def read_chat(cell: object, key: str) -> list[dict[str, Any]]:
    """The messages of a cell as ``[{"role", "content", "createdAt"?}]``, or an
    :class:`ItemError`."""
    example = "[{'role': 'user', 'content': 'Hi'}, {'role': 'assistant', 'content': '...'}]"
    if is_missing(cell):
        raise ItemError(key, f"the chat is missing (the cell is empty/NaN); give {example}")
    if isinstance(cell, str | bytes | dict) or not hasattr(cell, "__iter__"):
        raise ItemError(key, f"a chat is a list of messages, {example}; got "
                             f"{type(cell).__name__} {cell!r:.40}")  # fmt: skip
    out = []
    for i, m in enumerate(list(cell)):
        if not isinstance(m, dict) or not isinstance(m.get("content"), str):
            raise ItemError(key, f"message {i} is not a dict with a 'content' string: {m!r:.60}")
        role = m.get("role")
        msg = {"role": "" if is_missing(role) else str(role), "content": m["content"]}
        if isinstance(m.get("createdAt"), int | float) and not isinstance(m["createdAt"], bool):
            msg["createdAt"] = m["createdAt"]
        out.append(msg)
    return out


class ChatSource(ObjectSource):
    cheap: ClassVar[bool] = True

    def load(self, pos: int, key: str) -> tuple[dict[str, Any], list[bytes]]:
        return {"type": "chat", "messages": read_chat(self.cell(pos), key)}, []

    def task_value(self, cell: Any, pos: int, key: str) -> Any:
        read_chat(cell, key)
        return [dict(m) for m in cell]


class ChatObject(ObjectTag):
    tag = "Chat"
    source = ChatSource
    enterprise_only: ClassVar[str] = (
        "<Chat> is a tag of Label Studio Enterprise: this Community server would store the "
        "project, tasks and annotations, but its labeling page shows 'ConfigurationError: Not "
        "expecting tag: chat'. To label the same data in Label Studio Community, use <Paragraphs "
        'name=... value="$column" layout="dialogue" nameKey="role" textKey="content"/> instead '
        "of <Chat>; or push to Label Studio Enterprise"
    )

    def check_config(self, obj: DataObject, schema: Schema) -> None:
        # minMessages/maxMessages only bound what an annotator may write: moot read-only.
        if is_true(obj.attrs.get("editable", "")) or obj.attrs.get("llm"):
            what = "editable" if is_true(obj.attrs.get("editable", "")) else "llm"
            raise SchemaError(
                f"<Chat name={obj.name!r} {what}={obj.attrs.get(what)!r}>: nblabel shows a "
                "conversation held in the DataFrame, read-only; writing messages (editable, "
                'llm) is not supported: drop those attributes or set editable="false"'
            )
        for c in schema.controls:
            if c.per_region and obj.name in c.to_name:
                raise SchemaError(
                    f'<{c.tag} name={c.name!r} perRegion="true"> answers each message of '
                    f"<Chat name={obj.name!r}>: per-message answers are Label Studio "
                    "Enterprise's and their result shape is not public; answer the whole "
                    "conversation (drop perRegion) or use <Paragraphs> with <ParagraphLabels>"
                )
