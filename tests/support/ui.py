"""What the browser tests share: waiting for an item, labeling by keyboard and by mouse,
axe-core's accessibility check, and the scenario every front end runs."""

from __future__ import annotations

from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

# Client rectangle of the characters [from, to) (UTF-16 indices) of the text view, whatever
# span elements cut it into.
TEXT_RECT = """([el, from, to]) => {
  const text = el.querySelector('[data-testid=text]');
  const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0, node;
  while ((node = walker.nextNode())) {
    const n = node.data.length;
    if (from >= seen && from <= seen + n) range.setStart(node, from - seen);
    if (to >= seen && to <= seen + n) { range.setEnd(node, to - seen); break; }
    seen += n;
  }
  const r = range.getClientRects();
  const first = r[0], last = r[r.length - 1];
  return {x0: first.left, y0: (first.top + first.bottom) / 2,
          x1: last.right, y1: (last.top + last.bottom) / 2};
}"""


def wait_key(root, key: str, timeout: float = 15_000, *, saved: bool = True) -> None:
    """Until item ``key`` is on screen (drawn, not still loading: the key is set as soon as
    it is asked for) and (``saved``) Python has answered every submit, skip or move made so
    far: the browser shows the next item before Python has the last one, and tests that
    read Python's state next need it there."""
    root.page.wait_for_function(
        "([el, key, saved]) => el.dataset.key === key && el.dataset.state !== 'loading'"
        " && (!saved || (el.dataset.saving || '0') === '0')",
        arg=[root.element_handle(), key, saved],
        timeout=timeout,
    )


def label(root, keys: list[str], expect_next: str) -> None:
    for key in keys:
        root.press(key)
    root.press("Enter")
    wait_key(root, expect_next)


def axe_violations(page) -> list[dict]:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async () => {
            const r = await axe.run({include: [['.nbl-root']]}, {resultTypes: ['violations']});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.html.slice(0, 160))}));
        }"""
    )


def rect(root, doc: str, sub: str) -> dict:
    # JS indices are UTF-16 units.
    start = len(doc[: doc.index(sub)].encode("utf-16-le")) // 2
    end = start + len(sub.encode("utf-16-le")) // 2
    return root.page.evaluate(TEXT_RECT, [root.element_handle(), start, end])


def double_click(page, box: dict) -> None:
    page.mouse.dblclick((box["x0"] + box["x1"]) / 2, box["y0"])


DOC = "Ada 👩‍💻 met Grace in London."


def label_span_by_mouse(page, root, word: str, key: str) -> None:
    """Double-click ``word`` in the text view, press the label's key."""
    root.locator('[data-testid="text"]').scroll_into_view_if_needed()
    double_click(page, rect(root, DOC, word))
    root.press(key)
    root.locator(".nbl-span").filter(has_text=word).first.wait_for(state="visible")


def label_the_scenario(page) -> None:
    """Images by keyboard (with an undo), then two spans by mouse and Enter: the steps every
    front end runs, on a page showing the image labeler and then the span labeler."""
    root = page.locator('[data-testid="nblabel"]').first
    root.wait_for(state="visible", timeout=60_000)
    wait_key(root, "img-0000", timeout=30_000)
    root.locator('img[data-testid="image"]').wait_for(state="visible")
    root.focus()
    label(root, ["1"], "img-0001")
    label(root, ["2"], "img-0002")
    root.press("u")
    wait_key(root, "img-0001")
    label(root, ["3"], "img-0002")
    texts = page.locator('[data-testid="nblabel"]').nth(1)
    wait_key(texts, "0")
    label_span_by_mouse(page, texts, "Grace", "1")
    label_span_by_mouse(page, texts, "London", "2")
    texts.press("Enter")
    page.wait_for_function("el => el.dataset.status === 'submitted'", arg=texts.element_handle())
