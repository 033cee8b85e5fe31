"""Display copies kept on disk: a big file is decoded once, again only when it changes."""

from __future__ import annotations

import io
import os
import subprocess

import numpy as np
import pandas as pd
import pytest
from PIL import Image

import nblabel
from nblabel.core.copies import CopyCache
from nblabel.tags import image as image_tag


@pytest.fixture
def encodes(monkeypatch):
    """Counts the display copies actually made (the real encoder runs)."""
    calls = []
    real = image_tag.encode_image

    def counted(img, **kwargs):
        calls.append(img.size)
        return real(img, **kwargs)

    monkeypatch.setattr(image_tag, "encode_image", counted)
    return calls


def png(path, size, seed=0):
    rng = np.random.default_rng(seed)
    Image.fromarray(rng.integers(0, 256, (size[1], size[0], 3), dtype=np.uint8)).save(path)
    return str(path)


def job_over(tmp_path, paths, store="labels.nblabel.sqlite"):
    schema = nblabel.Schema.from_shorthands(image="path", choices=["a", "b"])
    store_path = ":memory:" if store is None else str(tmp_path / store)
    job = nblabel.Job(pd.DataFrame({"path": paths}), schema, store=store_path)
    job.copies.min_seconds = 0  # keep every copy, however fast it was to make
    return job


def shown(job, key):
    payloads, buffers = job.fetch([key], limit=4)
    obj = payloads[0]["objects"]["image"]
    assert payloads[0]["error"] is None, payloads[0]["error"]
    return Image.open(io.BytesIO(buffers[obj["buffer"]])), obj


def test_a_second_open_uses_the_copy_made_the_first_time(tmp_path, encodes):
    path = png(tmp_path / "big.png", (3000, 2000))
    first = job_over(tmp_path, [path])
    img, meta = shown(first, "0")
    assert img.size == (1280, 853) and meta["original_width"] == 3000
    assert len(encodes) == 1
    folder = tmp_path / "labels.nblabel.sqlite.cache"
    assert len(list(folder.glob("*.copy"))) == 1
    # A new job on the same store (a new kernel, the next day): no decode of the file.
    again = job_over(tmp_path, [path])
    img2, meta2 = shown(again, "0")
    assert len(encodes) == 1
    assert meta2 == meta and np.array_equal(np.asarray(img2), np.asarray(img))
    # Another display size is another copy.
    schema = nblabel.Schema.from_shorthands(image="path", choices=["a"])
    small = nblabel.Job(pd.DataFrame({"path": [path]}), schema,
                        store=str(tmp_path / "labels.nblabel.sqlite"),
                        sources={"image": {"display_size": 640}})  # fmt: skip
    small.copies.min_seconds = 0
    assert shown(small, "0")[0].size == (640, 427)
    assert len(encodes) == 2


def test_a_changed_file_is_decoded_again(tmp_path, encodes):
    path = png(tmp_path / "im.png", (1600, 1200), seed=1)
    job = job_over(tmp_path, [path])
    before = np.asarray(shown(job, "0")[0])
    # Same name, other pixels and size.
    png(tmp_path / "im.png", (2000, 1000), seed=2)
    img, meta = shown(job, "0")
    assert (meta["original_width"], meta["original_height"]) == (2000, 1000)
    assert len(encodes) == 2 and img.size == (1280, 640)
    # Same size on disk, only a new modification time (a file copied over): made again.
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    shown(job, "0")
    assert len(encodes) == 3
    shown(job, "0")
    assert len(encodes) == 3  # and kept again
    assert not np.array_equal(before[:10, :10], np.asarray(img)[:10, :10])
    assert len(list(job.copies.folder.glob("*.copy"))) == 1  # the stale copy is gone


def test_the_folder_stays_within_its_bound_dropping_the_least_recently_used(tmp_path):
    cache = CopyCache(tmp_path / "c", max_bytes=10_000)
    files = []
    for i in range(8):
        files.append(tmp_path / f"f{i}")
        files[-1].write_bytes(b"x")
    blob = bytes(3000)
    for i, f in enumerate(files):
        cache.put(f, "k", blob, {"i": i})
        if i >= 2:
            assert cache.get(files[0], "k") is not None  # used all along: stays
        assert cache.size <= 10_000
    kept = [i for i, f in enumerate(files) if cache.get(f, "k") is not None]
    assert 0 in kept and 7 in kept and len(kept) == 3
    assert cache.get(files[7], "k") == (blob, {"i": 7})
    # A copy larger than the whole bound is not kept at all.
    cache.put(files[1], "k", bytes(20_000), {})
    assert cache.get(files[1], "k") is None and cache.size <= 10_000


def test_an_in_memory_store_keeps_its_copies_in_a_temporary_folder(tmp_path, encodes):
    path = png(tmp_path / "im.png", (1500, 900))
    job = job_over(tmp_path, [path], store=None)
    folder = job.copies.folder
    shown(job, "0")
    shown(job, "0")
    assert len(encodes) == 1 and folder.is_dir() and not folder.is_relative_to(tmp_path)
    job.close()
    assert not folder.exists()


def test_the_folder_is_ignored_by_git(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    path = png(tmp_path / "im.png", (1500, 900))
    job = job_over(tmp_path, [path])
    shown(job, "0")
    assert any(job.copies.folder.glob("*.copy"))
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "im.png" in status and ".cache" not in status


def test_a_folder_that_cannot_be_written_only_costs_the_copy(tmp_path, encodes):
    path = png(tmp_path / "im.png", (1500, 900))
    job = job_over(tmp_path, [path])
    job.copies.folder.parent.joinpath("blocker").write_text("")
    job.copies.folder = job.copies.folder.parent / "blocker" / "sub"  # not a folder
    assert shown(job, "0")[0].size == (1280, 768)
    assert shown(job, "0")[0].size == (1280, 768)
    assert len(encodes) == 2
