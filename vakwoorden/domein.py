"""The domain's vocabulary, in one place: ERK levels and their order, skills, sectors, languages,
leerroutes. The word library, the pipeline and the warehouse (kern.erk_niveau, filled from
:data:`NIVEAUS` when the schema is made) all take them from here.
"""

from __future__ import annotations

# ERK (CEFR) levels in order; A0 is "not yet A1". A level's rank is its index.
NIVEAUS: tuple[str, ...] = ("A0", "A1", "A2", "B1", "B2", "C1", "C2")
RANG: dict[str, int] = {niveau: rang for rang, niveau in enumerate(NIVEAUS)}
# The levels a vakwoord is rated at in the word lists (a word is learnt from A1 on).
WOORDNIVEAUS: tuple[str, ...] = NIVEAUS[1:5]
# mbo referentieniveaus as employers state requirements; roughly 1F ~ A2, 2F ~ B1, 3F ~ B2.
REFERENTIENIVEAUS: dict[str, str] = {"1F": "A2", "2F": "B1", "3F": "B2"}

# The five ERK skills.
VAARDIGHEDEN: tuple[str, ...] = ("lezen", "luisteren", "spreken", "gesprekken voeren", "schrijven")

SECTOREN: tuple[str, ...] = ("metaal", "zorg", "bouw")

# Wet inburgering 2021.
LEERROUTES: tuple[str, ...] = ("B1-route", "onderwijsroute", "Z-route")

# Learners' languages on the cards (ISO 639-1), besides Dutch, which is the language being learnt.
TALEN: tuple[str, ...] = ("en", "ar", "ti", "so", "fa", "tr", "uk")
THUISTALEN: tuple[str, ...] = ("nl", *TALEN)
TAALNAMEN: dict[str, str] = {
    "nl": "Nederlands",
    "en": "Engels",
    "ar": "Arabisch",
    "ti": "Tigrinya",
    "so": "Somalisch",
    "fa": "Dari/Farsi",
    "tr": "Turks",
    "uk": "Oekraïens",
}
RECHTS_NAAR_LINKS: frozenset[str] = frozenset({"ar", "fa"})
