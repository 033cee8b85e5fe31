import assert from "node:assert/strict";
import { test } from "node:test";

import { cssFetches, keepUrl } from "../src/views/sanitize.js";

test("only #fragments and an image's inline data: URL are kept; anything that would be fetched is not", () => {
  assert.equal(keepUrl("a", "href", "#top"), true);
  assert.equal(keepUrl("img", "src", "data:image/png;base64,AAAA"), true);
  for (const [tag, name, value] of [
    ["a", "href", "https://example.org"],
    ["a", "href", "/relative/page"],
    ["a", "href", "javascript:alert(1)"],
    ["img", "src", "https://example.org/x.png"],
    ["img", "src", "//example.org/x.png"],
    ["img", "src", "x.png"],
    ["img", "src", "data:image/svg+xml,<svg/>"],
    ["img", "src", "#frag"],
    ["a", "href", "data:text/html,<script>1</script>"],
    ["image", "xlink:href", "https://example.org/i.svg"],
  ]) {
    assert.equal(keepUrl(tag, name, value), false, `${tag} ${name}=${value}`);
  }
});

test("CSS that could fetch: url() but a #fragment, @import, image-set, escapes", () => {
  for (const css of ["background: url(x.png)", "background:URL( 'https://e' )", "@import 'a.css'", "background: image-set('a.png' 1x)", "background: u\\72l(x)", "width: expression(alert(1))"]) {
    assert.equal(cssFetches(css), true, css);
  }
  for (const css of ["color: red; max-width: 750px", "fill: url(#grad)", "clip-path: url( '#c' )", ""]) assert.equal(cssFetches(css), false, css);
});
