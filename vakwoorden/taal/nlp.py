"""spaCy's blank Dutch pipeline with the lookup lemmatizer, loaded once per process.

``spacy.blank("nl")`` needs no trained model; the lemmatizer's lookup table comes from the
spacy-lookups-data package, so nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language


@cache
def nederlands() -> Language:
    """The shared pipeline: Dutch tokenizer plus lookup lemmatizer (about 2 s to load)."""
    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    # Texts of a few hundred pages are normal for werkinstructies; the default limit is 1,000,000.
    nlp.max_length = 20_000_000
    return nlp
