// HyperText object: an item's HTML shown as HTML, sanitized (sanitize.js) and put in a
// shadow root of its own, so neither the notebook page's CSS nor the document's reaches
// the other, and the document's elements are not the labeler's (a click or a key in it is
// seen by the shell as one on this view, never on a button of the document).

import { createSlot, objectError, showNotice } from "./common.js";
import { sanitizeHtml } from "./sanitize.js";

// The document's own box: readable defaults, scrolled when long. Colours follow the
// labeler's (inherited custom properties cross the shadow boundary).
const SHADOW_CSS = `
:host { display: block; }
.nbl-html { color: var(--jp-content-font-color1, var(--nbl-fg, #1f1f1f));
  font-family: var(--jp-content-font-family, system-ui, sans-serif); line-height: 1.5;
  overflow-wrap: anywhere; }
.nbl-html img, .nbl-html svg { max-width: 100%; height: auto; }
.nbl-html a[title] { text-decoration: underline dotted; cursor: help; }
.nbl-html table { border-collapse: collapse; }
.nbl-html td, .nbl-html th { border: 1px solid var(--nbl-border-2, #e0e0e0); padding: 2px 6px; }
`;

export function createHyperTextView(spec) {
  const el = createSlot(spec, "hypertext");
  const host = document.createElement("div");
  host.className = "nbl-hypertext";
  host.setAttribute("data-testid", "hypertext");
  host.dataset.object = spec.name;
  const shadow = host.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = SHADOW_CSS;
  const body = document.createElement("div");
  body.className = "nbl-html";
  body.setAttribute("part", "document");
  shadow.append(style, body);
  let shownHtml = null;

  function render(html) {
    if (html !== shownHtml) {
      body.replaceChildren(sanitizeHtml(html));
      shownHtml = html;
      host.scrollTop = 0;
    }
    if (el.firstChild !== host) el.replaceChildren(host);
  }
  if (spec.literal) render(String(spec.value ?? ""));

  return {
    el,
    /** The shadow root the document lives in (tests and span tools read it). */
    root: shadow,
    body,
    loading() {
      if (!spec.literal) showNotice(el, "loading", "Loading…");
    },
    show(entry) {
      if (spec.literal) return render(String(spec.value ?? ""));
      const error = objectError(entry, spec.name);
      if (error) {
        shownHtml = null;
        showNotice(el, "error", error);
        return;
      }
      el.style.minHeight = "";
      render(String(entry.objects[spec.name].html ?? ""));
    },
  };
}
