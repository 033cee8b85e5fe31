"""The review gallery without a browser: what it plans to draw, and what a click does."""

from __future__ import annotations

import numpy as np
import pytest

import nblabel
from nblabel import regions
from nblabel.samples import SHAPES
from nblabel.tags.geometry import resize_mask
from nblabel.widgets import gallery


@pytest.fixture
def labeled(tmp_path):
    """A detection labeler on sample shapes with predictions; the first 3 items labeled
    with the true boxes, the third one's predictions far off."""
    df = nblabel.samples.objects(tmp_path / "img", n=6, seed=3)
    preds = list(df["box_predictions"])
    far = [dict(r, value={**r["value"], "x": 1.0, "y": 1.0}) for r in preds[2]["result"]]
    preds[2] = {"result": far, "score": 0.5}
    df = df.assign(box_predictions=preds)
    w = nblabel.ImageLabeler(df, image="path", boxes=list(SHAPES), predictions="box_predictions")
    for key in df.index[:3]:
        w.goto(key)
        truth = [
            regions.rectangle("box", label, x=x, y=y, width=bw, height=bh, size=(640, 480))
            for label, x, y, bw, bh in df.loc[key, "boxes"]
        ]
        w.submit(result=truth)
    return w, df


def test_tiles_show_annotations_solid_and_predictions_dashed(labeled):
    w, df = labeled
    g = nblabel.review(w, columns=3, tile_size=160)
    assert [t.item for t in g.tiles] == list(df.index)  # every item with regions
    first = g.tiles[0]
    assert first.image is not None and first.image.shape == (120, 160, 3)
    sources = [s.source for s in first.shapes]
    assert sources.count("annotation") == len(df.iloc[0]["boxes"])
    assert sources.count("prediction") == len(df.iloc[0]["box_predictions"]["result"])
    # The true box of the first shape, scaled 160/640 onto the thumbnail.
    label, x, y, bw, bh = df.iloc[0]["boxes"][0]
    box = next(s for s in first.shapes if s.source == "annotation")
    ix, iy = first.image_at
    assert box.label == label and box.kind == "box"
    np.testing.assert_allclose(box.points[0], (ix + x / 4, iy + y / 4))
    np.testing.assert_allclose(box.points[2], (ix + (x + bw) / 4, iy + (y + bh) / 4))
    # Second row starts under the first, tiles do not overlap.
    assert g.tiles[3].y > g.tiles[0].y + g.tiles[0].height - 1
    assert g.canvas.width >= 3 * 160 and g.canvas.height >= 2 * 160
    # Unlabeled items show their predictions only, without an agreement.
    assert g.tiles[4].agreement is None
    assert {s.source for s in g.tiles[4].shapes} == {"prediction"}


def test_disagreement_keeps_items_where_prediction_and_annotation_differ(labeled):
    w, df = labeled
    good = gallery.plan(w, images=False)
    scores = {t.item: t.agreement for t in good}
    assert scores[df.index[0]] > 0.6 and scores[df.index[2]] < 0.2
    worst = nblabel.review(w, disagreement=0.5)
    assert [t.item for t in worst.tiles] == [df.index[2]]
    assert "IoU" in worst.tiles[0].caption
    everything = gallery.plan(w, disagreement=1.01, images=False)
    assert everything[0].item == df.index[2]  # worst first
    assert len(everything) == 3  # only items with both sides


def test_filter_by_label(labeled):
    w, df = labeled
    wanted = "circle"
    shown = [t.item for t in gallery.plan(w, label=wanted, images=False)]
    submitted = {k: [b[0] for b in df.loc[k, "boxes"]] for k in df.index[:3]}
    predicted = {
        k: [r["value"]["rectanglelabels"][0] for r in df.loc[k, "box_predictions"]["result"]]
        for k in df.index
    }
    expected = [k for k in df.index if wanted in submitted.get(k, []) + predicted[k]]
    assert shown == expected and 0 < len(shown) < len(df)


def test_clicking_a_tile_opens_the_item_in_the_labeler(labeled):
    w, df = labeled
    g = nblabel.review(w, columns=2, tile_size=100)
    target = g.tiles[3]
    assert g.click(target.x + 50, target.y + 50) == df.index[3]
    assert w.current["key"] == df.index[3]
    assert g.click(1, 1) is None and w.current["key"] == df.index[3]  # the gap between tiles


def test_masks_are_blended_into_the_thumbnail(tmp_path):
    df = nblabel.samples.objects(tmp_path / "img", n=2, seed=1, per_image=(1, 1))
    w = nblabel.ImageLabeler(df, image="path", masks=list(SHAPES), predictions="mask_predictions")
    label, mask = next(iter(df.iloc[0]["masks"].items()))
    w.submit(result=[regions.brush("mask", label, mask=mask)])
    [tile] = gallery.plan(w, items=[df.index[0]], tile_size=64)
    plain = np.asarray(gallery._thumbnail(df.iloc[0]["path"], "x", 64), dtype=np.int16)
    changed = np.abs(tile.image.astype(np.int16) - plain).sum(axis=2) > 30
    small = resize_mask(mask, (64, 48))
    # Inside the annotated mask the colour is blended in; far outside nothing changes.
    assert changed[small].mean() > 0.8
    far = ~resize_mask(np.roll(mask, 0) | np.roll(mask, 8, axis=0), (64, 48))
    far &= ~np.roll(small, 3, axis=1) & ~np.roll(small, -3, axis=1)
    assert changed[far].mean() < 0.02
    assert {(s.source, s.kind) for s in tile.shapes} == {("annotation", "mask"),
                                                          ("prediction", "mask")}  # fmt: skip


def test_refresh_shows_new_labels_without_reloading_images_and_pages_turn(labeled, monkeypatch):
    w, df = labeled
    g = nblabel.review(w, limit=4)
    assert [t.item for t in g.tiles] == list(df.index[:4])
    loads = []
    real = gallery._thumbnail
    monkeypatch.setattr(gallery, "_thumbnail", lambda *a: loads.append(a[1]) or real(*a))
    assert g.tiles[3].agreement is None  # not labeled yet
    key = df.index[3]
    w.goto(key)
    w.submit(result=[
        regions.rectangle("box", label, x=x, y=y, width=bw, height=bh, size=(640, 480))
        for label, x, y, bw, bh in df.loc[key, "boxes"]
    ])  # fmt: skip
    g.refresh()
    assert loads == [] and g.tiles[3].agreement > 0.5
    assert "annotation" in {s.source for s in g.tiles[3].shapes}
    g.show_page(1)
    assert [t.item for t in g.tiles] == list(df.index[4:]) and len(loads) == 2
    assert g.tiles[0].y == g.tiles[1].y  # page 2 starts at the top-left again
