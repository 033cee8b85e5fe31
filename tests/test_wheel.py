"""The wheel a user installs: built with ``python -m build``, it holds the prebuilt JS bundle,
and installed into a clean virtual environment with no node on PATH, a labeler is made and
labels are submitted."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ("nblabel/js/dist/index.js", "nblabel/js/dist/index.css")

QUICKSTART = textwrap.dedent(
    """
    import shutil
    from pathlib import Path

    import nblabel
    from nblabel.widgets import labeler

    assert shutil.which("node") is None and shutil.which("npm") is None
    assert "site-packages" in nblabel.__file__, nblabel.__file__
    dist = Path(nblabel.__file__).parent / "js" / "dist"
    assert (dist / "index.js").stat().st_size > 10_000

    images = nblabel.samples.shapes("sample_images", n=6)
    w = nblabel.ImageLabeler(images, image="path", choices=["circle", "square", "triangle"])
    assert w._esm == (dist / "index.js").read_text()  # the widget ships the wheel's bundle
    w.submit("circle")
    w.submit("square")
    w.undo()
    w.submit("triangle")
    print(w.labels["choice"].head(3).tolist())
    print(w)
    """
)


@pytest.mark.slow
def test_the_wheel_holds_the_bundle_and_runs_without_node(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    # --no-isolation: the build backend (hatchling) is in the test venv already, so the
    # build itself needs no index; the wheel is built from a copy of the source as `build`
    # does for an sdist-less build.
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = out.glob("nblabel-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        for name in BUNDLE:
            assert zf.read(name) == (ROOT / name).read_bytes(), f"{name} differs from the repo's"
    assert not [n for n in names if n.startswith("nblabel/js/src/")], "JS sources shipped"

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        # --no-compile: byte-compiling every dependency is most of an install's time.
        [str(python), "-m", "pip", "install", "-q", "--no-compile", str(wheel)],
        check=True, capture_output=True,
    )  # fmt: skip

    work = tmp_path / "work"
    work.mkdir()
    # Only the venv on PATH: no node, npm, or anything else of this machine's.
    env = {"PATH": str(venv / "bin"), "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    assert shutil.which("node", path=env["PATH"]) is None
    done = subprocess.run(
        [str(python), "-c", QUICKSTART], cwd=work, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "['circle', 'triangle', None]"
    assert os.listdir(work) and any(p.suffix == ".sqlite" for p in work.iterdir())
