// HTML made safe to show: DOMPurify (bundled by esbuild from npm, no CDN) with nblabel's
// rules on top, for <HyperText> documents and any other HTML an item carries.
//
// DOMPurify removes scripts, event handlers and javascript: URLs. On top of it, nothing may
// be fetched while an item is shown: no remote or relative src/href/srcset/poster/
// background/..., no url() or @import in styles, no frames, forms, embedded objects, media
// or <link>/<meta>/<base>. Links keep their text (the address goes into the title) but
// cannot be followed: an item's HTML is data, not navigation. data-* attributes are dropped
// too, so no document can dress up as one of the labeler's own buttons.

import createDOMPurify from "dompurify";

/** Tags dropped with their content's markup (forms, frames, media, page-level tags). */
const FORBID_TAGS = [
  "form", "input", "button", "textarea", "select", "option", "optgroup", "datalist",
  "iframe", "frame", "frameset", "object", "embed", "applet", "portal",
  "audio", "video", "source", "track", "picture",
  "link", "meta", "base", "template", "slot", "dialog",
];

/** Attributes that make the browser fetch (or follow) an address. */
const URL_ATTRS = new Set([
  "src", "srcset", "href", "xlink:href", "action", "formaction", "poster", "background",
  "data", "cite", "longdesc", "ping", "lowsrc", "dynsrc", "codebase", "archive", "manifest",
  "icon", "profile", "usemap", "imagesrcset", "attributionsrc",
]);

/** A url() that is not a #fragment, an @import, image-set() or a CSS escape (which could
 * spell either): a style holding one is dropped whole. */
const CSS_FETCH = /url\s*\((?!\s*['"]?\s*#)|@import|image-set|\\|expression\s*\(|behavior\s*:|-moz-binding/i;

/** Whether `value` of attribute `name` on `tag` may stay: a #fragment link, or an image's
 * inline data: URL (it is in the document already). */
export function keepUrl(tag, name, value) {
  const v = String(value || "").trim();
  if (!v) return true;
  if (v.startsWith("#") && name !== "src" && name !== "srcset") return true;
  return name === "src" && tag === "img" && /^data:image\/(png|gif|jpe?g|webp|bmp|avif);/i.test(v);
}

/** Whether a CSS text (a style attribute or a <style> element) could fetch something. */
export function cssFetches(text) {
  return CSS_FETCH.test(String(text || ""));
}

let purifier = null;

function makePurifier() {
  const purify = createDOMPurify(window);
  purify.addHook("beforeSanitizeAttributes", (node) => {
    if (!node.attributes) return;
    const tag = (node.nodeName || "").toLowerCase();
    // SVG's presentation attributes (fill, filter, mask, clip-path, ...) are CSS values.
    const svg = node.namespaceURI === "http://www.w3.org/2000/svg";
    for (const attr of [...node.attributes]) {
      const name = attr.name.toLowerCase();
      const fetches = URL_ATTRS.has(name) ? !keepUrl(tag, name, attr.value) : (name === "style" || svg) && cssFetches(attr.value);
      if (!fetches) continue;
      if (tag === "a" && name === "href" && !node.hasAttribute("title")) node.setAttribute("title", `link not followed: ${attr.value}`.slice(0, 300));
      node.removeAttribute(attr.name);
    }
  });
  purify.addHook("uponSanitizeElement", (node, data) => {
    if (data.tagName === "style" && cssFetches(node.textContent)) node.textContent = "";
  });
  return purify;
}

/**
 * `html` as a DocumentFragment that is safe to insert: no scripts, no handlers, nothing
 * that fetches. Pure apart from the DOM it builds.
 */
export function sanitizeHtml(html) {
  if (!purifier) purifier = makePurifier();
  return purifier.sanitize(String(html ?? ""), {
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS,
    ALLOW_DATA_ATTR: false,
    // Even the ones DOMPurify allows: a link's target or a form field's name are not
    // needed to read a document.
    FORBID_ATTR: ["target", "autofocus", "tabindex", "accesskey", "contenteditable", "name", "is"],
  });
}
