"""Smart tools through Label Studio (issue #19): a real Label Studio asks a real
``nblabel ml-backend --assist default`` process about clicks, a box and a text span, with
the ``context`` its editor sends (ls-tags.md §6); the answer is stored as an annotation the
way the editor does when it accepts the suggestion."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import numpy as np
import pytest
from label_studio_sdk.converter.brush import decode_rle
from PIL import Image

from tests.support import sam_standin

IMAGE_XML = (
    '<View><Image name="image" value="$image"/>'
    '<BrushLabels name="tag" toName="image"><Label value="Banana"/></BrushLabels>'
    '<KeyPointLabels name="tag2" toName="image" smart="true"><Label value="Banana"/>'
    "</KeyPointLabels>"
    '<RectangleLabels name="tag3" toName="image" smart="true"><Label value="Banana"/>'
    "</RectangleLabels></View>"
)
TEXT_XML = (
    '<View><Labels name="label" toName="text"><Label value="ORG"/></Labels>'
    '<Text name="text" value="$text"/></View>'
)


def picture() -> bytes:
    """A red rectangle (x 40..89, y 30..69) on a light grey 128 x 96 PNG."""
    img = np.full((96, 128, 3), 230, np.uint8)
    img[30:70, 40:90] = (200, 30, 30)
    buf = io.BytesIO()
    Image.fromarray(img).save(buf, format="PNG")
    return buf.getvalue()


def expected_mask() -> np.ndarray:
    mask = np.zeros((96, 128), bool)
    mask[30:70, 40:90] = True
    return mask


@pytest.fixture
def backend_process(tmp_path: Path, ls_server, request) -> Iterator[str]:
    """``nblabel ml-backend`` in its own process, as a user starts it; the parameter is
    the config, or ``(config, --assist value)`` (default ``default``)."""
    xml, assist = request.param if isinstance(request.param, tuple) else (request.param, "default")
    if assist.startswith("sam_backend:"):
        request.getfixturevalue("sam_module")  # written before the process imports it
    config = tmp_path / "config.xml"
    config.write_text(xml)
    proc = subprocess.Popen(
        [sys.executable, "-m", "nblabel.cli", "ml-backend", "--assist", assist,
         "--config", str(config), "--port", "0", "--label-studio-url", ls_server.url],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={k: v for k, v in os.environ.items() if k != "LABEL_STUDIO_API_KEY"},
    )  # fmt: skip
    try:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        assert "serving on http://127.0.0.1:" in line, proc.stderr.read()  # type: ignore[union-attr]
        yield line.split("serving on ")[1].split()[0]
    finally:
        os.kill(proc.pid, signal.SIGTERM)
        assert proc.wait(timeout=15) == 0


def interactive(ls_server, backend_id: int, task: int, context: dict) -> dict:
    """What Label Studio's editor posts when a smart region is finished
    (``DataManager.jsx`` ``lsf:regionFinishedDrawing``, route ``mlInteractive``)."""
    r = httpx.post(
        f"{ls_server.url}/api/ml/{backend_id}/interactive-annotating",
        headers={"Authorization": f"Token {ls_server.api_key}"},
        json={"task": task, "context": context},
        timeout=60,
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert "errors" not in body, body
    return dict(body["data"])


def keypoint(x: float, y: float, positive: bool) -> dict:
    """A dynamic keypoint as the editor serializes it (``regions/KeyPointRegion.jsx``)."""
    return {"id": f"kp{x:g}{y:g}", "from_name": "tag2", "to_name": "image",
            "type": "keypointlabels", "origin": "manual", "original_width": 128,
            "original_height": 96, "image_rotation": 0,
            "value": {"x": x, "y": y, "width": 0.5, "labels": ["Banana"],
                      "keypointlabels": ["Banana"]}, "is_positive": positive}  # fmt: skip


@pytest.mark.parametrize("backend_process", [IMAGE_XML], indirect=True)
def test_clicks_and_a_box_from_label_studio_come_back_as_a_stored_brush_mask(
    ls, ls_server, title, backend_process
):
    p = ls.client.projects.create(title=title, label_config=IMAGE_XML)
    r = httpx.post(
        f"{ls_server.url}/api/projects/{p.id}/import",
        headers={"Authorization": f"Token {ls_server.api_key}"},
        files={"file0": ("fruit.png", picture(), "image/png")},
    )
    assert r.status_code == 201, r.text
    attached = ls.attach_model(project=p.id, url=backend_process, interactive=True)
    assert attached.state == "CO"
    (task,) = ls.client.tasks.list(project=p.id, fields="all")

    # A positive click on the fruit and a negative one on the background.
    context = {"result": [keypoint(50, 50, True), keypoint(10, 10, False)]}
    data = interactive(ls_server, attached.id, task.id, context)
    (region,) = data["result"]
    assert region["type"] == "brushlabels"
    assert (region["from_name"], region["to_name"]) == ("tag", "image")
    assert region["value"]["brushlabels"] == ["Banana"]
    # Accepting the suggestion stores it as the editor does: an annotation with the result.
    ls.client.annotations.create(id=task.id, result=data["result"])
    (stored,) = ls.client.tasks.get(id=task.id).annotations
    (kept,) = stored["result"]
    mask = decode_rle(kept["value"]["rle"]).reshape(96, 128, 4)[:, :, 3] > 0
    assert (mask == expected_mask()).all()

    # A smart rectangle is a box prompt (a plain rectanglelabels item, no is_positive).
    rect = {"id": "r1", "from_name": "tag3", "to_name": "image", "type": "rectanglelabels",
            "origin": "manual", "original_width": 128, "original_height": 96,
            "image_rotation": 0,
            "value": {"x": 25, "y": 20, "width": 55, "height": 60, "rotation": 0,
                      "rectanglelabels": ["Banana"]}}  # fmt: skip
    data = interactive(ls_server, attached.id, task.id, {"result": [rect]})
    (region,) = data["result"]
    mask = decode_rle(region["value"]["rle"]).reshape(96, 128, 4)[:, :, 3] > 0
    assert (mask == expected_mask()).all()


@pytest.mark.parametrize("backend_process", [TEXT_XML], indirect=True)
def test_a_span_from_label_studio_gets_all_like_this(ls, ls_server, title, backend_process):
    p = ls.client.projects.create(title=title, label_config=TEXT_XML)
    text = "Acme sued Acme Corp; Acmeville is not Acme."
    ls.client.projects.import_tasks(id=p.id, request=[{"data": {"text": text}}])
    attached = ls.attach_model(project=p.id, url=backend_process, interactive=True)
    (task,) = ls.client.tasks.list(project=p.id, fields="all")
    span = {"id": "s1", "from_name": "label", "to_name": "text", "type": "labels",
            "origin": "manual",
            "value": {"start": 0, "end": 4, "text": "Acme", "labels": ["ORG"]}}  # fmt: skip
    data = interactive(ls_server, attached.id, task.id, {"result": [span]})
    found = [(r["value"]["start"], r["value"]["end"]) for r in data["result"]]
    assert found == [(10, 14), (38, 42)]  # not the selection, not "Acmeville"
    assert all(r["value"]["labels"] == ["ORG"] for r in data["result"])
    ls.client.annotations.create(id=task.id, result=[span, *data["result"]])
    (stored,) = ls.client.tasks.get(id=task.id).annotations
    assert [r["value"]["text"] for r in stored["result"]] == ["Acme", "Acme", "Acme"]


#: A module as a user writes it for ``--assist sam_backend:assist``: their predictor (here
#: the numpy stand-in, copied in; a real one loads weights they have) wrapped by
#: nblabel.sam_assist. Each set_image is logged, to count the embeddings computed.
SAM_MODULE = """
{standin}

from pathlib import Path

import nblabel


class LoggedPredictor(StandInPredictor):
    def set_image(self, image, image_format="RGB"):
        with open(Path(__file__).with_name("embedded.log"), "a") as log:
            log.write(f"{{image.shape}}\\n")
        super().set_image(image, image_format)


assist = nblabel.sam_assist(LoggedPredictor(), name="stand-in-sam")
"""


@pytest.fixture
def sam_module(tmp_path: Path) -> str:
    standin = Path(sam_standin.__file__).read_text(encoding="utf-8")
    (tmp_path / "sam_backend.py").write_text(SAM_MODULE.format(standin=standin))
    return "sam_backend:assist"


@pytest.mark.parametrize("backend_process", [(IMAGE_XML, "sam_backend:assist")], indirect=True)
def test_a_sam_predictor_served_to_label_studio_answers_clicks_and_a_box(
    ls, ls_server, title, backend_process, tmp_path
):
    p = ls.client.projects.create(title=title, label_config=IMAGE_XML)
    r = httpx.post(
        f"{ls_server.url}/api/projects/{p.id}/import",
        headers={"Authorization": f"Token {ls_server.api_key}"},
        files={"file0": ("fruit.png", picture(), "image/png")},
    )
    assert r.status_code == 201, r.text
    attached = ls.attach_model(project=p.id, url=backend_process, interactive=True)
    (task,) = ls.client.tasks.list(project=p.id, fields="all")

    # Dynamic keypoints as the editor sends them: a click on the fruit, Alt-click beside.
    context = {"result": [keypoint(50, 50, True), keypoint(10, 10, False)]}
    data = interactive(ls_server, attached.id, task.id, context)
    (region,) = data["result"]
    assert region["type"] == "brushlabels" and region["value"]["brushlabels"] == ["Banana"]
    assert (region["from_name"], region["to_name"]) == ("tag", "image")
    assert region["score"] == pytest.approx(0.88)  # two clicks: one mask asked for
    ls.client.annotations.create(id=task.id, result=data["result"])
    (stored,) = ls.client.tasks.get(id=task.id).annotations
    (kept,) = stored["result"]
    mask = decode_rle(kept["value"]["rle"]).reshape(96, 128, 4)[:, :, 3] > 0
    assert (mask == expected_mask()).all()

    # A smart rectangle around the fruit: a box prompt; the same image, no new embedding.
    rect = {"id": "r1", "from_name": "tag3", "to_name": "image", "type": "rectanglelabels",
            "origin": "manual", "original_width": 128, "original_height": 96,
            "image_rotation": 0,
            "value": {"x": 25, "y": 20, "width": 55, "height": 60, "rotation": 0,
                      "rectanglelabels": ["Banana"]}}  # fmt: skip
    data = interactive(ls_server, attached.id, task.id, {"result": [rect]})
    (region,) = data["result"]
    mask = decode_rle(region["value"]["rle"]).reshape(96, 128, 4)[:, :, 3] > 0
    assert (mask == expected_mask()).all()
    assert (tmp_path / "embedded.log").read_text().splitlines() == ["(96, 128, 3)"]
