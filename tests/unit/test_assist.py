"""Smart tools (issue #19): the assist(item, prompt) protocol on the job and the labelers,
and the built-in answers of assist="default"."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import nblabel
from nblabel import Point, Prompt
from nblabel.core.assist import Assistant
from nblabel.tags import rle
from nblabel.tags.assist import segment


def _picture() -> np.ndarray:
    """A red rectangle (rows 30..69, columns 40..89) on a light grey 128 x 96 image, a
    blue square beside it touching nothing."""
    img = np.full((96, 128, 3), 230, np.uint8)
    img[30:70, 40:90] = (200, 30, 30)
    img[10:20, 100:110] = (30, 30, 200)
    return img


def _job(**shorthand: list[str]) -> nblabel.Job:
    schema = nblabel.Schema.from_shorthands(image="image", **shorthand)
    return nblabel.Job(pd.DataFrame({"image": [_picture()]}), schema, store=":memory:",
                       assist="default")  # fmt: skip


def test_a_click_on_the_object_gives_its_mask_as_a_brush_prediction() -> None:
    job = _job(masks=["cell"])
    [answer] = job.assist(Prompt(object="image", control="mask", points=(Point(50, 50),)))
    assert answer["type"] == "brushlabels"
    assert answer["origin"] == "prediction"
    assert answer["value"]["brushlabels"] == ["cell"]
    assert (answer["original_width"], answer["original_height"]) == (128, 96)
    mask = rle.decode(answer["value"]["rle"]).reshape(96, 128, 4)[:, :, 3] > 0
    expected = np.zeros((96, 128), bool)
    expected[30:70, 40:90] = True
    assert (mask == expected).all()  # the red rectangle, not the blue square nor the ground
    assert job.errors.empty
    # The answer is kept and accepted by a submit like any prediction.
    assert job.assisted["0"] == [answer]
    job.submit(result=[answer])
    assert job.annotations["label"].tolist() == ["cell"]


def test_polygon_and_box_controls_get_the_outline_and_the_bounding_box() -> None:
    job = _job(polygons=["cell"])
    [poly] = job.assist(Prompt(object="image", control="polygon", points=(Point(50, 50),)))
    xs = [p[0] for p in poly["value"]["points"]]
    ys = [p[1] for p in poly["value"]["points"]]
    # The outline follows the pixels' edges to within a pixel (corners are cut).
    px, py = 100 / 128, 100 / 96
    assert (min(xs), max(xs)) == pytest.approx((40 * px, 90 * px), abs=px)
    assert (min(ys), max(ys)) == pytest.approx((30 * py, 70 * py), abs=py)
    assert len(xs) <= 8  # simplified, not one vertex per pixel
    job = _job(boxes=["cell"])
    [box] = job.assist(Prompt(object="image", control="box", box=(25, 20, 55, 60)))
    value = box["value"]
    assert (value["x"], value["width"]) == pytest.approx((40 / 1.28, 50 / 1.28))
    assert (value["y"], value["height"]) == pytest.approx((30 / 0.96, 40 / 0.96))
    # The mask itself, pixel for pixel (corners too), from a box with no click.
    expected = np.zeros((96, 128), bool)
    expected[30:70, 40:90] = True
    assert (segment(_picture(), box=(25, 20, 55, 60)) == expected).all()


def test_a_negative_click_shrinks_the_fill() -> None:
    img = np.full((60, 60, 3), 200, np.uint8)
    img[:, 30:] = (185, 185, 185)  # two near shades: one tolerance takes both
    both = segment(img, points=(Point(25, 50),))
    assert both.all()
    left = segment(img, points=(Point(25, 50), Point(75, 50, positive=False)))
    assert left[:, :30].all() and not left[:, 30:].any()


def test_all_like_this_in_the_item_and_across_the_dataset() -> None:
    df = pd.DataFrame({"text": ["the cat sat on the cat mat; concatenate cat.", "a cat", "no"]})
    schema = nblabel.Schema.from_shorthands(text="text", spans=["ANIMAL"])
    job = nblabel.Job(df, schema, store=":memory:", assist="default")
    prompt = Prompt(object="text", control="span", start=4, end=7, text="cat", labels=("ANIMAL",))
    found = job.assist(prompt)
    # Word-bounded ("concatenate" is not "cat"), and not the selection itself.
    assert [(r["value"]["start"], r["value"]["end"]) for r in found] == [(19, 22), (40, 43)]
    assert all(r["value"]["labels"] == ["ANIMAL"] for r in found)
    across = job.assist(prompt, across=True)
    assert set(across) == {"0", "1"}
    assert [(r["value"]["start"], r["value"]["end"]) for r in across["1"]] == [(2, 5)]


def test_similar_ranges_find_the_same_shape_elsewhere() -> None:
    rng = np.random.default_rng(0)
    n = 400
    signal = rng.normal(0, 0.05, n)
    bump = np.sin(np.linspace(0, np.pi, 20))
    for at in (50, 210, 330):
        signal[at : at + 20] += bump * (1 + at / 400)  # the same shape, other heights
    df = pd.DataFrame({"id": "s", "t": np.arange(n), "a": signal})
    w = nblabel.TimeSeriesLabeler(df, by="id", x="t", channels=["a"], ranges=["Bump"],
                                  store=":memory:", assist="default")  # fmt: skip
    obj = w.schema.objects[0].name
    control = w.schema.controls[0].name
    found = w.assist(Prompt(object=obj, control=control, start=50, end=69, labels=("Bump",)))
    starts = sorted(r["value"]["start"] for r in found)
    assert starts == [210, 330]
    assert all(r["value"]["end"] - r["value"]["start"] == 19 for r in found)
    assert all(r["score"] > 0.9 for r in found)


def test_a_raising_or_malformed_callable_is_reported_naming_the_item() -> None:
    df = pd.DataFrame({"text": ["one cat", "two"]})
    schema = nblabel.Schema.from_shorthands(text="text", spans=["ANIMAL"])
    prompt = Prompt(object="text", control="span", start=4, end=7, text="cat")

    def boom(item: object, prompt: object) -> list[dict[str, object]]:
        raise RuntimeError("model fell over")

    w = nblabel.TextLabeler(df, spans=["ANIMAL"], store=":memory:", assist=boom)
    assert w.assist(prompt) == []
    assert "item '0': assist raised RuntimeError: model fell over" in w.error
    assert w.errors["item"].tolist() == ["0"]
    job = nblabel.Job(df, schema, store=":memory:", assist=lambda item, p: "oops")
    assert job.assist(prompt) == []
    assert "assist must return a list" in job.errors["message"].iloc[-1]
    good = {"from_name": "span", "to_name": "text", "type": "labels",
            "value": {"start": 4, "end": 7, "text": "cat", "labels": ["ANIMAL"]}}  # fmt: skip
    bad = {**good, "value": {**good["value"], "labels": ["DOG"]}}
    job = nblabel.Job(df, schema, store=":memory:", assist=lambda item, p: [bad, good, 3])
    [kept] = job.assist(prompt)
    assert kept["value"]["labels"] == ["ANIMAL"]
    messages = job.errors["message"].tolist()
    assert len(messages) == 2 and all(
        m.startswith("item '0': assist answer dropped") for m in messages
    )
    assert "DOG" in messages[0]
    # The session goes on: the item can still be labeled.
    job.submit(result=[kept])
    assert len(job.annotations) == 1


def test_prompt_from_label_studio_context() -> None:
    """The context Label Studio's smart tools send (ls-tags.md §6): dynamic keypoints with
    ``is_positive``; the answer goes to the object's BrushLabels."""
    schema = nblabel.Schema(
        '<View><Image name="image" value="$image"/>'
        '<BrushLabels name="tag" toName="image"><Label value="Banana"/></BrushLabels>'
        '<KeyPointLabels name="tag2" toName="image" smart="true"><Label value="Banana"/>'
        "</KeyPointLabels>"
        '<RectangleLabels name="tag3" toName="image" smart="true"><Label value="Banana"/>'
        "</RectangleLabels></View>"
    )
    point = {"id": "wy5O1gd10f", "from_name": "tag2", "to_name": "image",
             "type": "keypointlabels", "origin": "manual", "original_width": 1080,
             "original_height": 1080, "image_rotation": 0,
             "value": {"x": 50, "y": 25, "width": 0.5, "labels": ["Banana"],
                       "keypointlabels": ["Banana"]}, "is_positive": True}  # fmt: skip
    negative = {**point, "value": {**point["value"], "x": 10}, "is_positive": False}
    prompt = Prompt.from_context(schema, {"result": [point, negative]})
    assert prompt is not None
    assert (prompt.object, prompt.control, prompt.labels) == ("image", "tag", ("Banana",))
    assert prompt.points == (Point(50, 25, True), Point(10, 25, False))
    rect = {"from_name": "tag3", "to_name": "image", "type": "rectanglelabels",
            "original_width": 1080, "original_height": 1080,
            "value": {"x": 1, "y": 2, "width": 30, "height": 40, "rotation": 0,
                      "rectanglelabels": ["Banana"]}}  # fmt: skip
    assert Prompt.from_context(schema, {"result": [rect]}).box == (1, 2, 30, 40)  # type: ignore[union-attr]
    assert Prompt.from_context(schema, {"result": []}) is None
    assert Prompt.from_context(schema, None) is None


def test_unknown_assist_names_say_what_to_pass() -> None:
    schema = nblabel.Schema.from_shorthands(text="text", spans=["A"])
    with pytest.raises(ValueError, match="assist='sam' is not a built-in assistant"):
        Assistant("sam", schema)
    with pytest.raises(TypeError, match="assist= takes a callable"):
        Assistant(3, schema)  # type: ignore[arg-type]


def test_the_ml_backend_reports_a_failing_assist_naming_the_task_and_goes_on() -> None:
    import httpx

    import nblabel.labelstudio as nls

    xml = nblabel.Schema.from_shorthands(text="text", spans=["ORG"]).xml
    calls: list[str] = []

    def flaky(item: object, prompt: Prompt) -> list[dict[str, object]]:
        calls.append(prompt.text or "")
        if prompt.text == "boom":
            raise RuntimeError("model fell over")
        return [{"from_name": "span", "to_name": "text", "type": "labels",
                 "value": {"start": 0, "end": 4, "text": "Acme", "labels": ["ORG"]}}]  # fmt: skip

    def ask(url: str, selected: str) -> dict[str, object]:
        span = {"from_name": "span", "to_name": "text", "type": "labels",
                "value": {"start": 5, "end": 9, "text": selected, "labels": ["ORG"]}}  # fmt: skip
        body = {"tasks": [{"id": 7, "data": {"text": "Acme boom Acme"}}], "label_config": xml,
                "params": {"context": {"result": [span]}}}  # fmt: skip
        r = httpx.post(url + "/predict", json=body)
        assert r.status_code == 200
        return dict(r.json())

    with nls.serve(None, schema=xml, port=0, assist=flaky) as srv:
        failed = ask(srv.url, "boom")
        assert failed["results"][0]["result"] == []  # type: ignore[index]
        assert "task 7" in failed["errors"][0] and "model fell over" in failed["errors"][0]  # type: ignore[index]
        answered = ask(srv.url, "Acme")
        (region,) = answered["results"][0]["result"]  # type: ignore[index]
        assert region["value"]["text"] == "Acme" and "errors" not in answered
        # Without context it is a batch predict: no model given, so no predictions.
        r = httpx.post(srv.url + "/predict", json={"tasks": [{"id": 7, "data": {"text": "x"}}],
                                                   "label_config": xml})  # fmt: skip
        assert r.json()["results"][0]["result"] == []
    assert calls == ["boom", "Acme"]
    with pytest.raises(nblabel.errors.ModelError, match="pass a model, an assist= callable"):
        nls.serve(None, schema=xml, port=0)


def test_the_fast_lab_conversion_matches_scikit_image() -> None:
    from skimage.color import rgb2lab

    from nblabel.tags.assist import lab

    pixels = np.random.default_rng(1).integers(0, 256, (40, 50, 3)).astype(np.uint8)
    assert np.abs(lab(pixels) - rgb2lab(pixels)).max() < 1e-3


def test_the_answer_on_screen_is_drawn_as_predictions_until_submitted() -> None:
    df = pd.DataFrame({"image": [_picture(), _picture()]})
    w = nblabel.ImageLabeler(df, image="image", masks=["cell"], store=":memory:", assist="default")
    assert not w.current.get("predictions")
    [answer] = w.assist(Prompt(object="image", control="mask", points=(Point(50, 50),)))
    assert [p["id"] for p in w.current["predictions"]] == [answer["id"]]
    assert w.current["predictions"][0]["origin"] == "prediction"
    w.submit(result=[answer])
    w.goto("0")
    assert not w.current.get("predictions")  # submitted: the stored result is shown instead


def test_a_region_outside_the_image_is_dropped_and_named() -> None:
    outside = {"from_name": "box", "to_name": "image", "type": "rectanglelabels",
               "original_width": 128, "original_height": 96,
               "value": {"x": 90, "y": 10, "width": 30, "height": 20, "rotation": 0,
                         "rectanglelabels": ["cell"]}}  # fmt: skip
    schema = nblabel.Schema.from_shorthands(image="image", boxes=["cell"])
    job = nblabel.Job(pd.DataFrame({"image": [_picture()]}), schema, store=":memory:",
                      assist=lambda item, prompt: [outside])  # fmt: skip
    assert job.assist(Prompt(object="image", control="box", points=(Point(50, 50),))) == []
    [message] = job.errors["message"].tolist()
    assert message.startswith("item '0': assist answer dropped: rectanglelabels region")
    assert "outside the image" in message and message.count("item '0'") == 1


def test_the_command_line_needs_a_model_or_an_assist(tmp_path) -> None:
    from nblabel.cli import main

    (tmp_path / "config.xml").write_text("<View/>")
    with pytest.raises(SystemExit, match="pass --model, --assist, or both"):
        main(["ml-backend", "--config", str(tmp_path / "config.xml")])
    with pytest.raises(SystemExit, match="--assist 'nomodule'"):
        main(["ml-backend", "--assist", "nomodule", "--config", str(tmp_path / "config.xml")])


def _outside(item, prompt):
    return [{"from_name": "box", "to_name": "image", "type": "rectanglelabels",
             "original_width": 128, "original_height": 96,
             "value": {"x": 90, "y": 10, "width": 30, "height": 20, "rotation": 0,
                       "rectanglelabels": ["cell"]}}]  # fmt: skip


def _raises(item, prompt):
    raise MemoryError("no room for the embedding")


@pytest.mark.parametrize(
    "answer,problem",
    [
        (_raises, "assist raised MemoryError: no room for the embedding"),
        (lambda item, prompt: None, "assist returned None: return a list of Label Studio "
                                    "result items ([] when there is nothing to suggest)"),
        (_outside, "assist answer dropped: rectanglelabels region"),
        (lambda item, prompt: np.ones((96, 128), bool), "assist must return a list of Label "
         "Studio result items (or {'result': [...]}), got ndarray (a mask? "
         "nblabel.tags.assist.mask_result(mask, prompt, control_type, labels) makes its "
         "result item"),
        (lambda item, prompt: {"masks": []}, "assist returned a dict without 'result'"),
        (lambda item, prompt: ["box"], "assist answer dropped: a result item must be a dict, "
                                       "got str"),
        (lambda item, prompt: [{"from_name": "box", "to_name": "image", "type": "brushlabels",
                                "value": {"format": "rle", "rle": [1, 2]}}],
         "assist answer dropped: control 'box' makes 'rectanglelabels' results, got type "
         "'brushlabels'"),
    ],
    ids=["raises", "None", "outside the image", "a mask", "a dict", "a string", "wrong type"],
)  # fmt: skip
def test_bad_answers_on_an_image_name_the_item_and_the_problem(answer, problem) -> None:
    df = pd.DataFrame({"image": [_picture(), _picture()]}, index=["cat-1", "cat-2"])
    schema = nblabel.Schema.from_shorthands(image="image", boxes=["cell"])
    job = nblabel.Job(df, schema, store=":memory:", assist=answer)
    job.submit(result=[])  # the first item is labeled: nothing may be lost
    assert job.assist(Prompt(object="image", control="box", points=(Point(50, 50),))) == []
    [message] = job.errors["message"].tolist()
    assert message.startswith(f"item 'cat-2': {problem}"), message
    assert message.count("cat-2") == 1 and job.errors["item"].tolist() == ["cat-2"]
    # The session goes on, and what was labeled is still there.
    job.submit(result=[])
    assert job.progress()["submitted"] == 2
