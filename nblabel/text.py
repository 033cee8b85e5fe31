"""Text spans from Python: ``span`` items, offsets between code points (Python, Label
Studio) and UTF-16 (JavaScript), and token tags for training (defined in
:mod:`nblabel.tags.labels`)."""

from .tags.labels import bio_tags, from_utf16, span, span_tuples, to_utf16, tokens

__all__ = ["bio_tags", "from_utf16", "span", "span_tuples", "to_utf16", "tokens"]
