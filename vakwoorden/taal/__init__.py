"""Dutch language tools shared by the list check, the cards and the term finder.

- :mod:`vakwoorden.taal.nlp`: spaCy's blank Dutch pipeline with the lookup lemmatizer
  (spacy-lookups-data; no model download);
- :mod:`vakwoorden.taal.vormen`: the forms a headword takes (plurals, diminutives, verb forms);
- :mod:`vakwoorden.taal.matcher`: the one word matcher (:class:`Woordherkenner`, :func:`posities`,
  :func:`komt_voor`);
- :mod:`vakwoorden.taal.documenten`: reading .txt, .md, .docx and .pdf into plain text;
- :mod:`vakwoorden.taal.termen`: finding a sector's vakwoorden in texts, coverage and suggestions.
"""
