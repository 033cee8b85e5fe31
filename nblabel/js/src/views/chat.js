// Chat object: a conversation, one bubble per message in order, the role above it (user
// messages on the right, the others on the left). Read-only; text through textContent.

import { createSlot, objectError, showNotice } from "./common.js";

/** "10:42" for a message's createdAt (epoch milliseconds), "" without one. */
export function messageTime(ms) {
  if (typeof ms !== "number" || !Number.isFinite(ms)) return "";
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? "" : d.toISOString().slice(0, 16).replace("T", " ");
}

export function createChatView(spec) {
  const el = createSlot(spec, "chat");
  return {
    el,
    loading() {
      showNotice(el, "loading", "Loading…");
    },
    show(entry) {
      const error = objectError(entry, spec.name);
      if (error) return showNotice(el, "error", error);
      el.style.minHeight = "";
      const list = document.createElement("ol");
      list.className = "nbl-chat";
      list.setAttribute("data-testid", "chat");
      list.dataset.object = spec.name;
      list.setAttribute("aria-label", `Conversation (${spec.name})`);
      (entry.objects[spec.name].messages || []).forEach((m, i) => {
        const li = document.createElement("li");
        li.className = "nbl-message";
        li.dataset.role = m.role;
        li.dataset.index = String(i);
        li.setAttribute("data-testid", "chat-message");
        const who = document.createElement("div");
        who.className = "nbl-message-role";
        who.textContent = [m.role, messageTime(m.createdAt)].filter(Boolean).join(" · ");
        const text = document.createElement("div");
        text.className = "nbl-message-text";
        text.textContent = m.content;
        li.append(who, text);
        list.append(li);
      });
      if (!list.children.length) list.append(Object.assign(document.createElement("li"), { className: "nbl-message-none", textContent: "(no messages)" }));
      el.replaceChildren(list);
    },
  };
}
