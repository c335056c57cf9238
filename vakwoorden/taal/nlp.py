"""spaCy's blank Dutch pipeline with the lookup lemmatizer, loaded once per process.

``spacy.blank("nl")`` needs no trained model; the lemmatizer's lookup table comes from the
spacy-lookups-data package, so nothing is downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc


@cache
def nederlands() -> Language:
    """The shared pipeline: Dutch tokenizer plus lookup lemmatizer (about 2 s to load)."""
    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    # Texts of a few hundred pages are normal for werkinstructies; the default limit is 1,000,000.
    nlp.max_length = 20_000_000
    return nlp


@cache
def _lemma_tabel() -> Callable[[str, str], str]:
    tabel = nederlands().get_pipe("lemmatizer").lookups.get_table("lemma_lookup")  # type: ignore[attr-defined]
    return tabel.get  # type: ignore[no-any-return]


def lemma(vorm: str) -> str:
    """The lookup lemmatizer's lemma of one word form, as the pipeline's lemmatizer gives it for
    a token with this text (the form itself when the table does not know it).

    The term finder asks this once per distinct word form instead of lemmatizing every token:
    its documents go through the tokenizer only (:func:`tokenizer_pipe`).
    """
    gevonden = _lemma_tabel()(vorm, vorm)
    return gevonden if isinstance(gevonden, str) else str(gevonden[0])


def tokenizer_pipe(teksten: Iterable[str]) -> Iterator[Doc]:
    """The shared pipeline without its lemmatizer: tokens only (lemmas via :func:`lemma`)."""
    nlp = nederlands()
    with nlp.select_pipes(disable=["lemmatizer"]):
        yield from nlp.pipe(teksten)
