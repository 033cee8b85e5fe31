// The one place where browser positions become stored offsets and back.
//
// The DOM, Selection and JS strings count UTF-16 code units; Python and Label Studio count
// code points. Everything else in the browser works in one or the other by going through
// these two functions (tested on tests/fixtures/offsets.json, the table Python uses too).

function isHigh(code) {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code) {
  return code >= 0xdc00 && code <= 0xdfff;
}

// Long documents (a 1 MB text) are converted through an index of their astral characters
// (two UTF-16 units, one code point), kept for the last long text seen: a conversion is then
// a binary search instead of a walk over the text from its start.
const INDEXED = 256;
let indexed = { text: null, starts: null };

/** UTF-16 index of every surrogate pair in `text`, ascending (cached for the last text). */
function pairStarts(text) {
  if (indexed.text !== text) {
    const starts = [];
    for (const m of text.matchAll(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)) starts.push(m.index);
    indexed = { text, starts: Int32Array.from(starts) };
  }
  return indexed.starts;
}

/** How many leading entries of ascending `arr` satisfy `ok` (a prefix predicate). */
function countWhile(arr, ok) {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(arr[mid], mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Code-point offset of UTF-16 index `index` in `text`. An index that splits a surrogate
 * pair counts the character it splits (rounds up), as Python's `from_utf16` does.
 */
export function toCodePoints(text, index) {
  const stop = Math.max(0, Math.min(index, text.length));
  if (text.length > INDEXED) {
    // Each pair wholly before `stop` is one code point for two units.
    return stop - countWhile(pairStarts(text), (q) => q + 2 <= stop);
  }
  let points = 0;
  for (let i = 0; i < stop; i += 1) {
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) i += 1;
    points += 1;
  }
  return points;
}

/** UTF-16 index (what `text.slice` and Range offsets take) of code point `offset`. */
export function toUtf16(text, offset) {
  if (text.length > INDEXED) {
    // The k-th pair starts at code point q - k; each one before `offset` adds a unit.
    const points = Math.max(0, offset);
    return Math.min(text.length, points + countWhile(pairStarts(text), (q, k) => q - k < points));
  }
  let index = 0;
  for (let points = 0; points < offset && index < text.length; points += 1) {
    index += isHigh(text.charCodeAt(index)) && isLow(text.charCodeAt(index + 1)) ? 2 : 1;
  }
  return index;
}

/**
 * A selection [from, to) in UTF-16 indices as a span in code points, with surrounding
 * whitespace left out (a double-click may take the space after a word); null when only
 * whitespace is left.
 */
export function selectionToSpan(text, from, to) {
  let a = Math.max(0, Math.min(from, to));
  let b = Math.min(text.length, Math.max(from, to));
  while (a < b && /\s/.test(text[a])) a += 1;
  while (b > a && /\s/.test(text[b - 1])) b -= 1;
  if (a >= b) return null;
  const start = toCodePoints(text, a);
  const end = toCodePoints(text, b);
  return { start, end, text: text.slice(toUtf16(text, start), toUtf16(text, end)) };
}

/** Word segments of `text` ([from, to) in UTF-16 indices, words only). */
function words(text) {
  if (typeof Intl !== "undefined" && Intl.Segmenter) {
    const out = [];
    for (const seg of new Intl.Segmenter(undefined, { granularity: "word" }).segment(text)) {
      if (seg.isWordLike) out.push([seg.index, seg.index + seg.segment.length]);
    }
    return out;
  }
  return [...text.matchAll(/[\p{L}\p{N}\p{M}_]+/gu)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * The selection [from, to) grown to whole words (Label Studio's `granularity="word"`): an
 * end inside a word moves to that word's edge. Word boundaries come from the browser's
 * word segmenter, so CJK, Thai and emoji are cut as the browser cuts them. Only the text
 * around each end is segmented (a word longer than `reach` units is cut at its edge), so a
 * selection in a 1 MB document snaps as fast as in a short one.
 */
export function snapToWords(text, from, to, reach = 256) {
  let a = Math.min(from, to);
  let b = Math.max(from, to);
  const near = (at) => {
    const lo = Math.max(0, at - reach);
    return words(text.slice(lo, Math.min(text.length, at + reach))).map(([s, e]) => [s + lo, e + lo]);
  };
  for (const [s, e] of near(a)) if (s < a && a < e) a = s;
  for (const [s, e] of near(b)) if (s < b && b < e) b = e;
  return [a, b];
}
