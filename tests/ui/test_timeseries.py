"""Time series in a real JupyterLab: drag a range, add an instant, zoom in and drag another
range; the kernel gets exact sample x values (tz-aware Timestamps); region edits undo."""

from __future__ import annotations

from ..support.ui import AXE, axe_violations, wait_key
from .jupyter_harness import ARTIFACTS_DIR

SETUP = """
import numpy as np, pandas as pd
import nblabel
n = 200_000
t = pd.date_range("2024-05-01 09:00", periods=n, freq="10ms", tz="Europe/Berlin")
i = np.arange(n)
rng = np.random.default_rng(0)
one = pd.DataFrame({"rec": "a", "t": t, "ax": np.sin(i / 700) + rng.normal(0, 0.05, n),
                    "ay": np.cos(i / 300)})
one.loc[50_000:51_000, "ax"] = np.nan
df = pd.concat([one, one.assign(rec="b")], ignore_index=True)
ms = t.as_unit("ms").asi8
PRED = {"score": 0.8, "result": [{"from_name": "range", "to_name": "ts",
        "type": "timeserieslabels", "value": {"start": int(ms[1000]), "end": int(ms[5000]),
        "instant": False, "timeserieslabels": ["run"]}}]}
w = nblabel.TimeSeriesLabeler(df, by="rec", x="t", channels=["ax", "ay"],
                              ranges=["walk", "run"], instants=["spike"],
                              choices=["ok", "noisy"], region_choices=["slow", "fast"],
                              job="ui-ts",
                              predictions=lambda row: PRED if row.name == "b" else None)
w
"""


def n_ranges(root) -> str:
    return root.evaluate("el => el.dataset.ranges || '0'")


def wait_ranges(root, n: int) -> None:
    root.page.wait_for_function(
        "([el, n]) => el.dataset.ranges === String(n)", arg=[root.element_handle(), n]
    )


def drag(page, box: dict, f0: float, f1: float) -> None:
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * f0, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * (f0 + f1) / 2, y, steps=3)
    page.mouse.move(box["x"] + box["width"] * f1, y, steps=3)
    page.mouse.up()


def test_ranges_instants_zoom_exact_x_and_undo(lab):
    lab.open_cells(SETUP)
    lab.run_all()
    page = lab.page
    root = page.locator('[data-testid="nblabel"]').first
    wait_key(root, "a")
    view = root.locator(".nbl-object-timeseries")
    channel = root.locator('[data-testid="ts-channel"]').first
    channel.wait_for(state="visible")
    assert root.locator('[data-testid="ts-channel"]').count() == 2
    box = channel.bounding_box()

    # A range by dragging (active label: walk), relabeled "run" with its key.
    drag(page, box, 0.10, 0.30)
    wait_ranges(root, 1)
    root.press("2")
    # An instant at the cursor with "i" (the instants= control: spike).
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + 10)
    root.press("i")
    wait_ranges(root, 2)
    # The wheel zooms at the cursor (the labeler has the focus); f fits the whole series.
    full = view.evaluate("el => +el.dataset.hi - +el.dataset.lo")
    page.mouse.wheel(0, -200)
    page.wait_for_function(
        "([el, full]) => +el.dataset.hi - +el.dataset.lo < full * 0.9",
        arg=[view.element_handle(), full],
    )
    root.press("f")
    page.wait_for_function(
        "([el, full]) => +el.dataset.hi - +el.dataset.lo === full",
        arg=[view.element_handle(), full],
    )
    # Zoom in 8x about the cursor, wait for the finer window, drag another range.
    page.mouse.move(box["x"] + box["width"] * 0.7, box["y"] + 10)
    for _ in range(3):
        root.press("+")
    page.wait_for_function(
        "el => el.dataset.window === 'ready' && (+el.dataset.hi - +el.dataset.lo) < 300000",
        arg=view.element_handle(),
    )
    lo, hi = view.evaluate("el => [+el.dataset.lo, +el.dataset.hi]")
    drag(page, box, 0.40, 0.60)
    wait_ranges(root, 3)
    root.press("1")  # walk
    root.press("7")  # its per-region class: fast (keys: 4/5 whole series, 6/7 per range)
    lab.screenshot("timeseries", directory=ARTIFACTS_DIR)
    if AXE.exists():
        assert axe_violations(page) == []
    root.locator('button[data-testid="choice"][data-value="noisy"]').click()
    root.press("Enter")
    wait_key(root, "b")
    page.wait_for_function(
        "el => el.dataset.busy === 'false'", arg=root.element_handle(), timeout=15_000
    )

    lab.eval_json("len(xs := pd.DatetimeIndex(one.t))")
    rows = lab.eval_json(
        "[[r.label, str(r.start), str(r.end), bool(r.instant), "
        "bool(r.start in xs), bool(r.end in xs), r.value['start'], r.value['end']]"
        " for r in w.annotations.query('type == \"timeserieslabels\"').itertuples()]"
    )
    assert len(rows) == 3
    by_label = {r[0]: r for r in rows}
    run, spike, walk = by_label["run"], by_label["spike"], by_label["walk"]
    for r in rows:
        assert r[4] and r[5], f"edges must be sample x values: {r}"
        assert r[1].endswith("+02:00")  # tz-aware Timestamps, in the data's zone
        assert isinstance(r[6], int) and r[6] <= r[7]  # Label Studio: ms since the epoch
    assert spike[3] and spike[1] == spike[2] and spike[6] == spike[7]
    assert not run[3] and not walk[3]
    # The zoomed-in range lies in the zoomed window and is much narrower than the first.
    assert lo <= walk[6] < walk[7] <= hi
    assert (walk[7] - walk[6]) * 6 < run[7] - run[6]
    assert lab.eval_json("w.labels.loc['a', 'choice']") == "noisy"
    per_range = lab.eval_json(
        "[r['value'] for r in w.store.state('a').result if r['from_name'] == 'region_choice']"
    )
    assert per_range == [{"start": walk[6], "end": walk[7], "instant": False, "choices": ["fast"]}]

    # Item b: a model's range is shown pending (dashed, with its score); "a" accepts it.
    page.wait_for_function("el => el.dataset.predictedRanges === '1'", arg=root.element_handle())
    assert n_ranges(root) == "0"
    lab.screenshot("timeseries-prediction", directory=ARTIFACTS_DIR)
    root.press("a")
    wait_ranges(root, 1)
    # A range by keys only: [ at the cursor (the middle: the mouse is away), > moves it
    # ten pixel columns three times, ] ends the range.
    root.press("[")
    readout = root.locator('[data-testid="ts-readout"]').element_handle()
    page.wait_for_function("el => el.textContent.includes('range from')", arg=readout)
    for _ in range(3):
        root.press(">")
    root.press("]")
    wait_ranges(root, 2)
    page.wait_for_function("el => !el.textContent.includes('range from')", arg=readout)
    # Undo and redo of region edits, before any submit.
    root.press("u")
    wait_ranges(root, 1)
    root.press("Shift+U")
    wait_ranges(root, 2)
    root.press("Delete")
    wait_ranges(root, 1)
    root.press("u")  # the delete
    wait_ranges(root, 2)
    root.press("u")  # the range
    wait_ranges(root, 1)
    root.press("u")  # the accept: pending again
    wait_ranges(root, 0)
    assert root.evaluate("el => el.dataset.predictedRanges") == "1"
    # With no region edit left to undo, u undoes the last submit (item a comes back).
    root.press("u")
    wait_key(root, "a")
    page.wait_for_function(
        "el => el.dataset.busy === 'false'", arg=root.element_handle(), timeout=15_000
    )
    assert lab.eval_json("int(w.labels['status'].notna().sum())") == 0


OVERLAY_SETUP = """
import numpy as np, pandas as pd
import nblabel
i = np.arange(5000)
def series(k):
    return pd.DataFrame({"t": i * 0.01, "ax": np.sin(i / 200 + k) * 0.5,
                         "ay": 1000 + 2000 * np.cos(i / 300)})
items = pd.DataFrame({"s": [series(0), series(1)]}, index=["a", "b"])
XML = '''<View>
  <TimeSeries name="ts" value="$s" valueType="json" timeColumn="t" nblabelOverlay="true">
    <Channel column="ax" legend="accel" units="g" displayFormat=".2f"/>
    <Channel column="ay" legend="pressure" units="Pa" displayFormat=",.1f"/>
  </TimeSeries>
  <TimeSeriesLabels name="range" toName="ts"><Label value="walk"/></TimeSeriesLabels>
  <Choices name="speed" toName="ts" perRegion="true" required="true">
    <Choice value="slow"/><Choice value="fast"/>
  </Choices>
</View>'''
w = nblabel.Labeler(items, config=XML, job="ui-ts-overlay")
w
"""


def test_overlay_toggle_legend_ranges_and_required_class_per_range(lab):
    lab.open_cells(OVERLAY_SETUP)
    lab.run_all()
    page = lab.page
    root = page.locator('[data-testid="nblabel"]').first
    wait_key(root, "a")
    plot = root.locator('[data-testid="timeseries"]')
    channels = root.locator('[data-testid="ts-channel"]')
    channels.first.wait_for(state="visible")
    # nblabelOverlay="true": one canvas, a legend entry per channel with its own range
    # in the channel's displayFormat.
    assert plot.evaluate("el => el.dataset.layout") == "overlay"
    assert channels.count() == 1
    legend = root.locator('[data-testid="ts-legend"]')
    assert legend.all_inner_texts()[0].startswith("accel (g)")
    assert legend.count() == 2
    ranges = root.locator('[data-testid="ts-legend-range"]').all_inner_texts()
    assert ranges[1].endswith("3,000.0"), ranges  # ",.1f"
    assert ranges[0].count(".") == 2 and len(ranges[0].split(" – ")[0].split(".")[1]) == 2
    lab.screenshot("timeseries-overlay", directory=ARTIFACTS_DIR)

    # A range drawn across the overlaid plot; Enter is refused: its class is required.
    drag(page, channels.first.bounding_box(), 0.2, 0.4)
    wait_ranges(root, 1)
    root.press("Enter")
    error = root.locator('[data-testid="error"]')
    error.wait_for(state="visible")
    assert "speed of walk" in error.inner_text()
    assert lab.eval_json("w.store.state('a') is None")

    # "o" stacks the channels (a small y axis each), the range stays.
    root.press("o")
    page.wait_for_function("el => el.dataset.layout === 'stacked'", arg=plot.element_handle())
    assert channels.count() == 2 and n_ranges(root) == "1"
    lab.screenshot("timeseries-stacked-y-axes", directory=ARTIFACTS_DIR)
    root.locator('button[data-testid="choice"][data-value="fast"]').click()
    root.press("Enter")
    wait_key(root, "b")
    got = lab.eval_json("[c for *_, c in w.labels.loc['a', 'speed']]")
    assert got == ["fast"]
