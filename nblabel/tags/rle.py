"""Label Studio's brush RLE, encoded and decoded with numpy.

Label Studio stores a brush region as the ``rle-pack`` encoding (thi.ng/umbrella) of an RGBA
image of the original size, flattened to ``H * W * 4`` bytes, whose alpha is the mask. The
bit stream, most significant bit first:

- a header: the number of values (32 bits), the word size minus one (5 bits) and four run
  length field sizes minus one (4 bits each);
- then records: a flag bit, 2 bits choosing one of the four length field sizes, the length
  minus one in that many bits; flag 1: one word repeated that many times, flag 0: that many
  words, each written out.

Label Studio's frontend writes it, and so does ``label_studio_sdk.converter.brush`` (word size
8, field sizes 3, 4, 8, 16). The SDK's codec builds strings of ``"0"``/``"1"`` one bit at a
time (~40 ms per 1280 x 960 mask, and importing it loads nltk and scipy.stats: ~1.7 s of CPU
in a fresh kernel); these functions give the same bytes, which
``tests/unit/test_rle.py`` checks bit for bit against the SDK on random masks and arrays.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

#: The SDK's encoder: 8-bit words; run lengths in fields of 3, 4, 8 or 16 bits.
WORD_SIZE = 8
RLE_SIZES = (3, 4, 8, 16)
_HEADER_BITS = 32 + 5 + 4 * 4
_LONGEST = 2**16  # the longest run one 16-bit length field holds


def encode(values: np.ndarray) -> list[int]:
    """The RLE of a 1-D array of bytes, exactly as ``label_studio_sdk.converter.brush
    .encode_rle`` writes it (one record per run of equal values; a value alone is a
    one-word literal record)."""
    flat = np.asarray(values).ravel()
    if flat.size and (flat.min() < 0 or flat.max() > 255):
        raise ValueError("RLE values must be bytes (0..255)")
    flat = flat.astype(np.uint8, copy=False)
    if flat.size == 0:
        return _pack(0, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    ends = np.append(np.flatnonzero(flat[1:] != flat[:-1]), flat.size - 1)
    lengths = np.diff(np.append(-1, ends))
    return _runs(flat.size, lengths, flat[ends])


def encode_mask(mask: np.ndarray) -> list[int]:
    """The RLE of a 2-D mask as Label Studio stores a brush region: every pixel four times
    (R, G, B, alpha), ``mask > 0`` as 255. Equals ``brush.mask2rle(mask * 255)``."""
    m = np.asarray(mask)
    if m.ndim != 2:
        raise ValueError(f"a mask must be 2-D (height, width), got shape {m.shape}")
    flat = (m > 0).ravel()
    if flat.size == 0:
        return encode(np.zeros(0, dtype=np.uint8))
    # The runs of the pixels, four bytes each: no need to build the RGBA array.
    ends = np.append(np.flatnonzero(flat[1:] != flat[:-1]), flat.size - 1)
    lengths = np.diff(np.append(-1, ends)) * 4
    return _runs(flat.size * 4, lengths, np.where(flat[ends], 255, 0))


def _runs(count: int, lengths: np.ndarray, values: np.ndarray) -> list[int]:
    """Records for runs of ``lengths`` x ``values``, the SDK's way: 1 -> a literal of one
    word; 2..8, 9..16, 17..256 -> a repeat with a 3, 4 or 8-bit length; longer -> 16-bit
    repeats of 65,536 while more than that is left, then the rest."""
    lengths = lengths.astype(np.int64)
    values = values.astype(np.int64)
    # A run longer than 256 is written with 16-bit lengths: pieces of 65,536 while more
    # than that is left (the SDK's loop), then the rest, even a rest of one.
    long_run = lengths > 256
    full = np.where(long_run, (lengths - 1) // _LONGEST, 0)
    n_rec = full + 1
    rec_value = np.repeat(values, n_rec)
    rec_long = np.repeat(long_run, n_rec)
    rec_length = np.full(int(n_rec.sum()), _LONGEST, dtype=np.int64)
    rec_length[np.cumsum(n_rec) - 1] = lengths - full * _LONGEST
    by_length = np.select([rec_length <= 8, rec_length <= 16], [0, 1], 2)
    size_index = np.where(rec_long, 3, by_length).astype(np.int64)
    field = np.asarray(RLE_SIZES, dtype=np.int64)[size_index]
    flag = ((rec_length > 1) | rec_long).astype(np.int64)
    # flag | size index (2 bits) | length - 1 (field bits) | value (8 bits)
    code = (flag << (2 + field + 8)) | (size_index << (field + 8))
    code |= (rec_length - 1) << 8
    code |= rec_value
    return _pack(count, code, 1 + 2 + field + 8)


def _pack(count: int, codes: np.ndarray, widths: np.ndarray | int) -> list[int]:
    """The header for ``count`` values and the records ``codes`` (``widths`` bits each),
    as bytes; padded with zero bits to whole bytes, and like the SDK with a whole zero
    byte when the bits already fill whole bytes."""
    header = (count << 21) | ((WORD_SIZE - 1) << 16)
    for i, size in enumerate(RLE_SIZES):
        header |= (size - 1) << (12 - 4 * i)
    widths = np.broadcast_to(np.asarray(widths, dtype=np.int64), codes.shape)
    codes = np.concatenate([[header], codes]).astype(np.int64)
    widths = np.concatenate([[_HEADER_BITS], widths])
    parts = []
    # In blocks of records: one byte per bit of a block at a time, not of the whole mask.
    for lo in range(0, len(codes), 1 << 16):
        c, w = codes[lo : lo + (1 << 16)], widths[lo : lo + (1 << 16)]
        owner = np.repeat(np.arange(len(c)), w)
        top = np.cumsum(w) - 1  # each record's last bit, counted from the block's start
        shift = top[owner] - np.arange(len(owner))
        parts.append(((c[owner] >> shift) & 1).astype(np.uint8))
    total = int(widths.sum())
    pad = 8 - total % 8  # 8 when already whole: the SDK's quirk, kept for equal bytes
    parts.append(np.zeros(pad, dtype=np.uint8))
    return np.packbits(np.concatenate(parts)).tolist()


def decode(rle: Sequence[int] | bytes | np.ndarray) -> np.ndarray:
    """The values (uint8, as the SDK's ``decode_rle`` gives them) of any rle-pack stream:
    Label Studio's frontend writes literal records of many words too."""
    data = np.asarray(rle, dtype=np.int64)
    if data.size and (data.min() < 0 or data.max() > 255):
        raise ValueError("an RLE is a list of bytes (0..255)")
    if data.size * 8 < _HEADER_BITS:
        raise ValueError(f"an RLE of {data.size} bytes is too short for its header")
    raw = data.astype(np.uint8)
    n_bits = raw.size * 8
    # For every byte, the 40 bits from it on: any field of at most 32 bits starting at bit
    # p is then a shift and a mask of window[p // 8].
    padded = np.concatenate([raw, np.zeros(4, dtype=np.uint8)]).astype(np.int64)
    window_np = (
        (padded[:-4] << 32)
        | (padded[1:-3] << 24)
        | (padded[2:-2] << 16)
        | (padded[3:-1] << 8)
        | padded[4:]
    )
    window = window_np.tolist()

    def read(pos: int, width: int) -> int:
        if pos + width > n_bits:
            raise ValueError(f"the RLE ends in the middle of a record (bit {pos})")
        return (window[pos >> 3] >> (40 - (pos & 7) - width)) & ((1 << width) - 1)

    count = read(0, 32)
    word = read(32, 5) + 1
    sizes = [read(37 + 4 * i, 4) + 1 for i in range(4)]
    pos = _HEADER_BITS
    chunks: list[np.ndarray] = []
    run_values: list[int] = []  # repeat records since the last literal one
    run_lengths: list[int] = []
    done = 0
    while done < count:
        if pos + 3 > n_bits:
            raise ValueError(f"the RLE ends after {done} of its {count} values")
        flag = read(pos, 1)
        field = sizes[read(pos + 1, 2)]
        length = read(pos + 3, field) + 1
        pos += 3 + field
        if flag:
            run_values.append(read(pos, word) & 0xFF)
            run_lengths.append(length)
            pos += word
        else:
            at = pos + word * np.arange(length, dtype=np.int64)
            if at[-1] + word > n_bits:
                raise ValueError(f"the RLE ends after {done} of its {count} values")
            chunks.append(np.repeat(np.asarray(run_values, dtype=np.uint8), run_lengths))
            run_values, run_lengths = [], []
            words = (window_np[at >> 3] >> (40 - (at & 7) - word)) & ((1 << word) - 1)
            chunks.append(words.astype(np.uint8))
            pos += word * length
        done += length
    if pos > n_bits:
        raise ValueError(f"the RLE ends before its last value ({count} values)")
    chunks.append(np.repeat(np.asarray(run_values, dtype=np.uint8), run_lengths))
    # Bytes like the SDK's (Label Studio writes 8-bit words only); a last record may run
    # past the count (the frontend's fill stops at the end).
    out = chunks[0] if len(chunks) == 1 else np.concatenate(chunks)
    return out[:count]
