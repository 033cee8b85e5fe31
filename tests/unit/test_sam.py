"""nblabel.sam_assist: a SAM-like predictor (a numpy stand-in, no weights, no download)
answering clicks and boxes as brushes, polygons and boxes, with set_image once per image."""

from __future__ import annotations

import threading

import numpy as np
import pandas as pd
import pytest

import nblabel
from nblabel import Point, Prompt
from nblabel.active.sam import SamAssist, sam_prompt
from nblabel.tags import rle
from tests.support.sam_standin import StandInPredictor

W, H = 160, 90  # not square: x and y swapped would show


def _picture(at: tuple[int, int] = (40, 20)) -> np.ndarray:
    """A red 50 x 30 rectangle at ``at`` (x, y) and a blue one at x 110..139, y 50..79, on
    light grey."""
    img = np.full((H, W, 3), 220, np.uint8)
    x, y = at
    img[y : y + 30, x : x + 50] = (200, 30, 30)
    img[50:80, 110:140] = (30, 30, 200)
    return img


def _rect(x: int, y: int, w: int, h: int) -> np.ndarray:
    m = np.zeros((H, W), bool)
    m[y : y + h, x : x + w] = True
    return m


def _job(predictor: StandInPredictor, df: pd.DataFrame | None = None, **shorthand):
    schema = nblabel.Schema.from_shorthands(image="image", **(shorthand or {"masks": ["red"]}))
    df = pd.DataFrame({"image": [_picture()]}) if df is None else df
    return nblabel.Job(df, schema, store=":memory:", assist=nblabel.sam_assist(predictor))


def _brush(answer: dict) -> np.ndarray:
    return rle.decode(answer["value"]["rle"]).reshape(H, W, 4)[:, :, 3] > 0


def _pct(x: float, y: float, positive: bool = True) -> Point:
    return Point(x / W * 100, y / H * 100, positive)


def test_a_click_gives_the_best_scoring_mask_as_a_brush() -> None:
    sam = StandInPredictor()
    job = _job(sam)
    [answer] = job.assist(Prompt(object="image", control="mask", points=(_pct(60, 30),)))
    assert job.errors.empty
    assert answer["type"] == "brushlabels" and answer["value"]["brushlabels"] == ["red"]
    assert answer["score"] == pytest.approx(0.93) and answer["model_version"] == "sam"
    assert (_brush(answer) == _rect(40, 20, 50, 30)).all()
    # Percent -> pixels of the image: (x, y), label 1; one click asks for candidates.
    [call] = sam.calls
    assert call["point_coords"].tolist() == [[60, 30]]
    assert call["point_labels"].tolist() == [1]
    assert call["box"] is None and call["multimask_output"] is True


def test_negative_clicks_and_boxes_reach_the_predictor_in_pixels() -> None:
    sam = StandInPredictor()
    job = _job(sam, boxes=["red", "blue"])
    # Positive on red, negative on blue: several clicks ask for one mask.
    [answer] = job.assist(Prompt(object="image", control="box", labels=("red",),
                                 points=(_pct(60, 30), _pct(120, 60, positive=False))))  # fmt: skip
    assert sam.calls[-1]["point_labels"].tolist() == [1, 0]
    assert sam.calls[-1]["multimask_output"] is False
    value = answer["value"]
    assert (value["x"], value["y"]) == pytest.approx((40 / W * 100, 20 / H * 100))
    assert (value["width"], value["height"]) == pytest.approx((50 / W * 100, 30 / H * 100))
    # A box around the blue rectangle: x0, y0, x1, y1 in pixels.
    box = (105 / W * 100, 45 / H * 100, 40 / W * 100, 40 / H * 100)
    [answer] = job.assist(Prompt(object="image", control="box", labels=("blue",), box=box))
    assert sam.calls[-1]["box"].tolist() == pytest.approx([105, 45, 145, 85])
    assert sam.calls[-1]["point_coords"] is None
    assert answer["value"]["rectanglelabels"] == ["blue"]
    assert answer["value"]["x"] == pytest.approx(110 / W * 100)
    assert len(sam.embedded) == 1  # one image: one embedding for all prompts


def test_a_polygon_control_gets_the_outline() -> None:
    job = _job(StandInPredictor(), polygons=["red"])
    [answer] = job.assist(Prompt(object="image", control="polygon", points=(_pct(60, 30),)))
    xs = [p[0] for p in answer["value"]["points"]]
    ys = [p[1] for p in answer["value"]["points"]]
    assert (min(xs), max(xs)) == pytest.approx((40 / W * 100, 90 / W * 100), abs=0.5)
    assert (min(ys), max(ys)) == pytest.approx((20 / H * 100, 50 / H * 100), abs=0.6)


def test_set_image_runs_once_per_image_and_again_when_the_item_changes() -> None:
    sam = StandInPredictor()
    df = pd.DataFrame({"image": [_picture(), _picture(at=(10, 50))]})
    job = _job(sam, df)
    click = Prompt(object="image", control="mask", points=(_pct(60, 30),))
    job.assist(click, item="0")
    refined = Prompt(object="image", control="mask",
                     points=(_pct(60, 30), _pct(120, 60, positive=False)))  # fmt: skip
    job.assist(refined, item="0")
    assert len(sam.embedded) == 1 and len(sam.calls) == 2
    [other] = job.assist(Prompt(object="image", control="mask", points=(_pct(20, 60),)), item="1")
    assert (_brush(other) == _rect(10, 50, 50, 30)).all()  # the second item's own image
    job.assist(click, item="0")  # back: the predictor holds item 1 now
    assert len(sam.embedded) == 3


def test_sam2_style_float_masks_with_a_batch_axis() -> None:
    job = _job(StandInPredictor(float_masks=True))
    [answer] = job.assist(Prompt(object="image", control="mask", points=(_pct(60, 30),)))
    assert (_brush(answer) == _rect(40, 20, 50, 30)).all()
    assert answer["score"] == pytest.approx(0.93)


def test_prompts_from_two_threads_each_get_their_own_items_mask() -> None:
    # The widget asks on a worker thread: set_image and predict must not interleave.
    sam = StandInPredictor(delay=0.002)
    df = pd.DataFrame({"image": [_picture(), _picture(at=(10, 50))]})
    assist = nblabel.sam_assist(sam).for_schema(
        nblabel.Schema.from_shorthands(image="image", masks=["red"])
    )
    job = _job(StandInPredictor(), df)
    items = {k: job.assist_item(k, "image") for k in ("0", "1")}
    expected = {"0": _rect(40, 20, 50, 30), "1": _rect(10, 50, 50, 30)}
    clicks = {"0": _pct(60, 30), "1": _pct(20, 60)}
    wrong: list[str] = []

    def ask(key: str) -> None:
        for _ in range(15):
            answer = assist(items[key], Prompt(object="image", control="mask",
                                               points=(clicks[key],)))  # fmt: skip
            if not (_brush(answer["result"][0]) == expected[key]).all():
                wrong.append(key)

    threads = [threading.Thread(target=ask, args=(k,)) for k in ("0", "1")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert wrong == []


def test_percent_to_pixels() -> None:
    prompt = Prompt(object="image", control="mask", points=(Point(50, 25), Point(10, 100, False)),
                    box=(10, 20, 30, 40))  # fmt: skip
    args = sam_prompt(prompt, (200, 100))
    assert args["point_coords"].tolist() == [[100, 25], [20, 100]]
    assert args["point_labels"].tolist() == [1, 0]
    assert args["box"].tolist() == [20, 20, 80, 60]


class _Bad(StandInPredictor):
    def __init__(self, how: str) -> None:
        super().__init__()
        self.how = how

    def set_image(self, image, image_format="RGB"):
        if self.how == "set_image":
            raise RuntimeError("CUDA out of memory")
        super().set_image(image)

    def predict(self, **kwargs):
        masks, scores, logits = super().predict(**kwargs)
        if self.how == "small masks":
            return masks[:, :64, :64], scores, logits
        if self.how == "no scores":
            return masks, scores[:1], logits
        if self.how == "not a tuple":
            return 3
        if self.how == "empty":
            return np.zeros_like(masks), scores, logits
        return masks, scores, logits


@pytest.mark.parametrize(
    "how,message",
    [
        ("set_image", "item '0': assist raised RuntimeError: CUDA out of memory"),
        ("small masks", "item '0': assist raised ValueError: the predictor's masks are 64 x 64 "
                        "pixels, the image 160 x 90: masks must have the size of the image"),
        ("no scores", "item '0': assist raised ValueError: the predictor returned masks of "
                      "shape (3, 90, 160) and 1 scores"),
        ("not a tuple", "item '0': assist raised TypeError: the predictor's predict() must "
                        "return (masks, scores, logits), got int"),
    ],
)  # fmt: skip
def test_a_failing_predictor_is_reported_naming_the_item(how: str, message: str) -> None:
    job = _job(_Bad(how))
    click = Prompt(object="image", control="mask", points=(_pct(60, 30),))
    assert job.assist(click) == []
    [said] = job.errors["message"].tolist()
    assert said.startswith(message), said
    assert job.errors["item"].tolist() == ["0"]
    job.submit(result=[])  # the session goes on
    assert job.progress()["submitted"] == 1


def test_set_image_failing_once_is_retried_next_time() -> None:
    sam = _Bad("set_image")
    job = _job(sam)
    click = Prompt(object="image", control="mask", points=(_pct(60, 30),))
    assert job.assist(click) == []
    sam.how = ""
    [answer] = job.assist(click)
    assert (_brush(answer) == _rect(40, 20, 50, 30)).all()


def test_an_empty_mask_is_no_answer_and_no_error() -> None:
    job = _job(_Bad("empty"))
    assert job.assist(Prompt(object="image", control="mask", points=(_pct(60, 30),))) == []
    assert job.errors.empty


def test_what_is_not_a_predictor_or_not_bound_says_what_to_do() -> None:
    with pytest.raises(TypeError, match=r"set_image.*predict.*object has no set_image"):
        nblabel.sam_assist(object())
    assist = nblabel.sam_assist(StandInPredictor())
    assert isinstance(assist, SamAssist) and "StandInPredictor" in repr(assist)
    job = _job(StandInPredictor())
    item = job.assist_item("0", "image")
    with pytest.raises(TypeError, match="pass it as assist= to a labeler"):
        assist(item, Prompt(object="image", control="mask", points=(Point(5, 5),)))
    # A text prompt is not for SAM: reported, naming the item.
    text = nblabel.Job(pd.DataFrame({"text": ["a cat"]}),
                       nblabel.Schema.from_shorthands(text="text", spans=["A"]),
                       store=":memory:", assist=assist)  # fmt: skip
    assert text.assist(Prompt(object="text", control="span", start=2, end=5, text="cat")) == []
    assert "sam_assist answers clicks and boxes on images, not a span" in text.error


def test_two_labelers_sharing_one_predictor_never_mix_their_images() -> None:
    # The predictor holds one image: each labeler's assist must know what the other set.
    sam = StandInPredictor()
    one = _job(sam, pd.DataFrame({"image": [_picture()]}))
    two = _job(sam, pd.DataFrame({"image": [_picture(at=(10, 50))]}))
    for _ in range(2):
        [a] = one.assist(Prompt(object="image", control="mask", points=(_pct(60, 30),)))
        [b] = two.assist(Prompt(object="image", control="mask", points=(_pct(20, 60),)))
        assert (_brush(a) == _rect(40, 20, 50, 30)).all()
        assert (_brush(b) == _rect(10, 50, 50, 30)).all()
    assert len(sam.embedded) == 4
    # The same image through both: one embedding.
    three = _job(sam, pd.DataFrame({"image": [_picture(at=(10, 50))]}))
    three.assist(Prompt(object="image", control="mask", points=(_pct(20, 60),)))
    assert len(sam.embedded) == 4
