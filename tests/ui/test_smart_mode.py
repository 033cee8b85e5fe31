"""The widget's smart mode in a real JupyterLab + Chromium (issue #19): Shift+S, then a click
(positive), an Alt-click or right-click (negative) or a drag (a box) is answered by the
assist callable on a Python worker thread and drawn at once as a prediction; further clicks
refine it, Enter or "a" accepts it, undo works, and the submit stores it. A raising callable
is named in the widget and labeling goes on; a slow answer overtaken by a newer click is
never shown."""

from __future__ import annotations

from ..support.ui import double_click, rect, wait_key
from .jupyter_harness import ARTIFACTS_DIR

IMAGE = """
import time
import numpy as np, pandas as pd
import nblabel
img = np.full((384, 512, 3), 230, np.uint8)
img[120:280, 160:360] = (40, 150, 60)
img[20:60, 420:480] = (40, 60, 200)
df = pd.DataFrame({"image": [img, img.copy()]}, index=["a0", "a1"])
"""


def _open(lab, code: str):
    lab.open_cells(IMAGE + code)
    lab.run_all()
    root = lab.page.locator('[data-testid="nblabel"]').first
    wait_key(root, "a0")
    root.locator('[data-testid="viewport"] img').wait_for(state="visible")
    root.focus()
    return root


def _at(root, fx: float, fy: float) -> tuple[float, float]:
    box = root.locator('[data-testid="viewport"]').bounding_box()
    return box["x"] + fx * box["width"], box["y"] + fy * box["height"]


def _answered(root, seq: int) -> None:
    """Until the answer to the widget's ``seq``-th prompt is on screen."""
    root.page.wait_for_function(
        "([el, n]) => el.dataset.smartSeq === String(n) && el.dataset.smart !== 'waiting'",
        arg=[root.element_handle(), seq],
        timeout=15_000,
    )


def _preds(root) -> int:
    return root.locator(".nbl-region-pred").count()


def _painted(root, selector: str) -> int:
    """Pixels painted in the canvas ``selector`` (0 without one)."""
    return root.evaluate(
        """(el, sel) => {
            const c = el.querySelector(sel);
            if (!c || !c.width) return 0;
            const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
            let n = 0;
            for (let i = 3; i < d.length; i += 4) if (d[i]) n += 1;
            return n;
        }""",
        selector,
    )


def test_click_refine_negative_accept_undo_and_submit_a_mask(lab):
    root = _open(lab, 'w = nblabel.ImageLabeler(df, masks=["fruit"], assist="default", '
                      'job="ui-smart-mask")\nw')  # fmt: skip
    page = lab.page
    badge = root.locator('[data-testid="smart-mode"]')
    assert badge.is_hidden()
    root.press("Shift+S")
    badge.wait_for(state="visible")
    assert root.locator('[data-testid="viewport"]').get_attribute("data-smart") == "on"
    # The help lists the key.
    assert "Shift+S" in root.locator(".nbl-help").inner_text()
    height = root.bounding_box()["height"]
    page.mouse.click(*_at(root, 0.5, 0.5))  # on the green rectangle
    _answered(root, 1)
    assert _preds(root) == 1
    # The pending answer's mask is painted in the view's canvas of answers: the rectangle,
    # 200 x 160 pixels of the 512 x 384 image.
    assert _painted(root, '[data-testid="smart-answers"]') == 200 * 160
    # The answer shows in place: the widget (and the notebook under it) does not move.
    assert root.bounding_box()["height"] == height
    # A second click on it refines the same answer: one prediction, two points asked.
    page.mouse.click(*_at(root, 0.4, 0.6))
    _answered(root, 2)
    assert _preds(root) == 1 and root.locator('[data-testid="smart-pos"]').count() == 2
    # Alt-click on the ground: "not this" (a red point), the answer stays the rectangle.
    page.keyboard.down("Alt")
    page.mouse.click(*_at(root, 0.1, 0.9))
    page.keyboard.up("Alt")
    _answered(root, 3)
    assert root.locator('[data-testid="smart-neg"]').count() == 1
    assert _preds(root) == 1
    root.screenshot(path=str(ARTIFACTS_DIR / "smart-mode-mask.png"))
    asked = lab.eval_json("[[p['value'].get('brushlabels') for p in w.job.assisted['a0']]]")
    assert asked == [[["fruit"]]]
    # Enter accepts (not a submit), Ctrl+Z takes it back to a prediction, "a" accepts again.
    root.press("Enter")
    page.wait_for_function("el => !el.querySelector('.nbl-region-pred')", arg=root.element_handle())
    # Accepted, the mask has a canvas of its own; the canvas of answers is empty.
    assert _painted(root, '[data-testid="smart-answers"]') == 0
    assert _painted(root, 'canvas.nbl-brush:not([data-testid="smart-answers"])') == 200 * 160
    assert root.get_attribute("data-key") == "a0"
    root.press("Control+z")
    page.wait_for_function(
        "el => !!el.querySelector('.nbl-region-pred')", arg=root.element_handle()
    )
    root.press("a")
    page.wait_for_function("el => !el.querySelector('.nbl-region-pred')", arg=root.element_handle())
    root.screenshot(path=str(ARTIFACTS_DIR / "smart-mode-accepted.png"))
    root.press("Enter")
    wait_key(root, "a1")
    stored = lab.eval_json(
        "[(r['type'], r['value']['brushlabels'], r.get('origin')) "
        "for r in w.store.state('a0').result]"
    )
    assert stored == [["brushlabels", ["fruit"], "prediction"]]
    exact = lab.eval_json(
        "bool((w.mask('a0') == (np.abs(img.astype(int) - (40, 150, 60)).sum(-1) == 0)).all())"
    )
    assert exact is True


def test_a_dragged_box_gives_a_polygon_and_a_right_click_is_negative(lab):
    root = _open(
        lab,
        'seen = []\n'
        'default = nblabel.Job(df, nblabel.Schema.from_shorthands(image="image", '
        'polygons=["fruit"]), store=":memory:", assist="default").assistant.fn\n'
        "def assist(item, prompt):\n"
        "    seen.append(prompt)\n"
        "    return default(item, prompt)\n"
        'w = nblabel.ImageLabeler(df, polygons=["fruit"], assist=assist, job="ui-smart-poly")\n'
        "w",
    )  # fmt: skip
    page = lab.page
    root.press("Shift+S")
    # A drag around the green rectangle: a box prompt, answered with its outline.
    a, b = _at(root, 0.27, 0.27), _at(root, 0.74, 0.77)
    page.mouse.move(*a)
    page.mouse.down()
    page.mouse.move((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, steps=3)
    page.mouse.move(*b, steps=3)
    page.mouse.up()
    _answered(root, 1)
    assert root.locator(".nbl-region-pred polygon").count() == 1
    assert root.locator(".nbl-smart-box").count() == 1
    # A right-click inside the box: a negative point of the same prompt.
    page.mouse.click(*_at(root, 0.3, 0.3), button="right")
    _answered(root, 2)
    kinds = lab.eval_json("[[p.positive for p in q.points] for q in seen]")
    assert kinds == [[], [False]]
    assert lab.eval_json("seen[-1].box is not None") is True
    root.screenshot(path=str(ARTIFACTS_DIR / "smart-mode-polygon.png"))
    root.press("a")
    root.press("Enter")
    wait_key(root, "a1")
    xs = lab.eval_json(
        "[[round(p[0]) for p in r['value']['points']] for r in w.store.state('a0').result]"
    )
    assert len(xs) == 1 and min(xs[0]) in range(30, 33) and max(xs[0]) in range(69, 72)


def test_a_fast_model_is_asked_on_the_press_and_a_drag_takes_the_point_back(lab):
    root = _open(
        lab,
        "seen = []\n"
        "def assist(item, prompt):  # no time at all: asked on the press once known fast\n"
        "    seen.append(prompt)\n"
        "    return [{'from_name': 'box', 'to_name': 'image', 'type': 'rectanglelabels',\n"
        "             'original_width': 512, 'original_height': 384,\n"
        "             'value': {'x': 10 * len(seen), 'y': 10, 'width': 20, 'height': 20,\n"
        "                       'rectanglelabels': ['fruit']}}]\n"
        'w = nblabel.ImageLabeler(df, boxes=["fruit"], assist=assist, job="ui-smart-press")\n'
        "w",
    )
    page = lab.page
    root.press("Shift+S")
    page.mouse.click(*_at(root, 0.5, 0.5))  # the first answer: asked on the release
    _answered(root, 1)
    # The model answered fast: the next click is asked on its press, and its answer shows
    # while the button is still held.
    page.mouse.move(*_at(root, 0.2, 0.2))
    page.mouse.down()
    _answered(root, 2)
    assert root.locator('[data-testid="smart-pos"]').count() == 2
    # The press becomes a drag: its point is taken back, the box is asked on release.
    page.mouse.move(*_at(root, 0.3, 0.3), steps=2)
    page.mouse.move(*_at(root, 0.6, 0.7), steps=3)
    page.mouse.up()
    _answered(root, 3)
    assert root.locator('[data-testid="smart-pos"]').count() == 1
    assert root.locator(".nbl-smart-box").count() == 1
    asked = lab.eval_json("[[len(q.points), q.box is not None] for q in seen]")
    assert asked == [[1, False], [2, False], [1, True]]
    assert lab.eval_json("[r['value']['x'] for r in w.job.assisted['a0']]") == [30]
    assert root.locator(".nbl-region-pred").count() == 1


def test_a_raising_callable_is_named_and_labeling_goes_on(lab):
    root = _open(
        lab,
        "def assist(item, prompt):\n"
        "    raise RuntimeError('model exploded')\n"
        'w = nblabel.ImageLabeler(df, boxes=["fruit"], assist=assist, job="ui-smart-raise")\n'
        "w",
    )
    page = lab.page
    root.press("Shift+S")
    page.mouse.click(*_at(root, 0.5, 0.5))
    error = root.locator('[data-testid="error"]')
    error.wait_for(state="visible")
    page.wait_for_function(
        "el => el.querySelector('[data-testid=error]').textContent.includes('model exploded')",
        arg=root.element_handle(),
    )
    assert "item 'a0'" in error.inner_text()
    assert lab.eval_json("bool(w.errors['message'].str.contains('model exploded').any())") is True
    root.screenshot(path=str(ARTIFACTS_DIR / "smart-mode-raising.png"))
    # Smart mode off: a box drawn by hand is submitted and stored.
    root.press("Escape")
    root.press("Shift+S")
    a, b = _at(root, 0.3, 0.3), _at(root, 0.7, 0.7)
    page.mouse.move(*a)
    page.mouse.down()
    page.mouse.move(*b, steps=4)
    page.mouse.up()
    root.press("Enter")
    wait_key(root, "a1")
    assert lab.eval_json("w.annotations['label'].tolist()") == ["fruit"]


def test_a_slow_answer_overtaken_by_a_newer_click_is_never_shown(lab):
    root = _open(
        lab,
        "def box(rid, x):\n"
        "    return {'id': rid, 'from_name': 'box', 'to_name': 'image',\n"
        "            'type': 'rectanglelabels', 'original_width': 512, 'original_height': 384,\n"
        "            'value': {'x': x, 'y': 10, 'width': 20, 'height': 20,\n"
        "                      'rectanglelabels': ['fruit']}}\n"
        "def assist(item, prompt):\n"
        "    if len(prompt.points) == 1:\n"
        "        time.sleep(2.5)  # the first click's answer is slow\n"
        "        return [box('slow', 5)]\n"
        "    return [box('fast', 60)]\n"
        'w = nblabel.ImageLabeler(df, boxes=["fruit"], assist=assist, job="ui-smart-slow")\n'
        "w",
    )
    page = lab.page
    # Every prediction ever put on screen, by id.
    page.evaluate(
        """el => {
            window.seenPreds = new Set();
            new MutationObserver(() => {
                for (const g of el.querySelectorAll('.nbl-region-pred'))
                    window.seenPreds.add(g.dataset.region);
            }).observe(el, {subtree: true, childList: true, attributes: true});
        }""",
        root.element_handle(),
    )
    root.press("Shift+S")
    page.mouse.click(*_at(root, 0.5, 0.5))
    page.mouse.click(*_at(root, 0.6, 0.5))
    _answered(root, 2)
    page.wait_for_timeout(500)
    assert page.evaluate("[...window.seenPreds]") == ["fast"]
    assert root.locator(".nbl-region-pred").count() == 1
    # Python kept the newer answer only, though the slow one ended after it was asked.
    assert lab.eval_json("[r['id'] for r in w.job.assisted['a0']]") == ["fast"]


TEXT = """
import pandas as pd
import nblabel
df = pd.DataFrame({"text": ["the cat sat on the cat mat; concatenate cat.", "a cat", "no"]},
                  index=["t0", "t1", "t2"])
w = nblabel.TextLabeler(df, spans=["ANIMAL"], assist="default", job="ui-smart-text")
w
"""
DOC = "the cat sat on the cat mat; concatenate cat."


def test_text_all_like_this_then_in_every_item_accept_all_and_submit(lab):
    lab.open_cells(TEXT)
    lab.run_all()
    page = lab.page
    root = page.locator('[data-testid="nblabel"]').first
    wait_key(root, "t0")
    root.locator('[data-testid="text"]').wait_for(state="visible")
    double_click(page, rect(root, DOC, "cat"))
    root.press("1")
    root.locator('[data-testid="span"]').first.wait_for(state="visible")
    # The span just labeled is selected: Shift+S proposes the other "cat"s (word-bounded:
    # not "concatenate"), dashed.
    root.press("Shift+S")
    page.wait_for_function("el => el.dataset.smart === 'answered'", arg=root.element_handle())
    predicted = root.locator('[data-testid="span"][data-predicted]')
    assert predicted.count() == 2
    assert predicted.all_inner_texts() == ["cat", "cat"]
    # Again on the same span: every item; the other item's answer waits there.
    root.press("Shift+S")
    note = root.locator('[data-testid="smart-note"]')
    page.wait_for_function(
        "el => el.querySelector('[data-testid=smart-note]').textContent.includes('other item')",
        arg=root.element_handle(),
    )
    assert "1 in 1 other item" in note.inner_text()
    assert predicted.count() == 2  # no duplicates of the ones already proposed
    root.screenshot(path=str(ARTIFACTS_DIR / "smart-mode-text.png"))
    root.press("a")  # accept all
    page.wait_for_function(
        "el => !el.querySelector('[data-testid=span][data-predicted]')", arg=root.element_handle()
    )
    root.press("Enter")
    wait_key(root, "t1")
    stored = lab.eval_json(
        "sorted((r['value']['start'], r['value']['end'], r.get('origin', 'manual')) "
        "for r in w.store.state('t0').result)"
    )
    assert stored == [[4, 7, "manual"], [19, 22, "prediction"], [40, 43, "prediction"]]
    # Item t1 shows its proposal from the dataset-wide ask.
    root.locator('[data-testid="span"][data-predicted]').first.wait_for(state="visible")
    root.press("a")
    root.press("Enter")
    wait_key(root, "t2")
    assert lab.eval_json(
        "[(r['value']['start'], r['value']['end']) for r in w.store.state('t1').result]"
    ) == [[2, 5]]


SERIES = """
import numpy as np, pandas as pd
import nblabel
rng = np.random.default_rng(0)
n = 400
signal = rng.normal(0, 0.05, n)
bump = np.sin(np.linspace(0, np.pi, 20))
for at in (50, 210, 330):
    signal[at : at + 20] += bump * (1 + at / 400)
df = pd.DataFrame({"id": "s", "t": np.arange(n), "a": signal})
w = nblabel.TimeSeriesLabeler(df, by="id", x="t", channels=["a"], ranges=["Bump"],
                              assist="default", job="ui-smart-ts")
w
"""


def test_time_series_similar_ranges_accepted(lab):
    lab.open_cells(SERIES)
    lab.run_all()
    page = lab.page
    root = page.locator('[data-testid="nblabel"]').first
    wait_key(root, "s")
    channel = root.locator('[data-testid="ts-channel"]').first
    channel.wait_for(state="visible")
    box = channel.bounding_box()
    # Drag over the first bump (x 50..69 of 0..399), then click it to select it.
    y = box["y"] + box["height"] / 2
    x = lambda v: box["x"] + box["width"] * v / 399  # noqa: E731
    page.mouse.move(x(50), y)
    page.mouse.down()
    page.mouse.move(x(60), y, steps=3)
    page.mouse.move(x(69), y, steps=3)
    page.mouse.up()
    page.wait_for_function("el => el.dataset.ranges === '1'", arg=root.element_handle())
    root.locator('[data-testid="smart-similar"]').click()
    page.wait_for_function("el => el.dataset.smart === 'answered'", arg=root.element_handle())
    assert root.evaluate("el => el.dataset.predictedRanges") == "2"
    root.screenshot(path=str(ARTIFACTS_DIR / "smart-mode-timeseries.png"))
    root.focus()
    root.press("a")
    page.wait_for_function("el => el.dataset.ranges === '3'", arg=root.element_handle())
    root.press("Enter")
    page.wait_for_function("el => (el.dataset.saving || '0') === '0'", arg=root.element_handle())
    starts = lab.eval_json("sorted(int(r['value']['start']) for r in w.store.state('s').result)")
    assert len(starts) == 3 and starts[1:] == [210, 330]
