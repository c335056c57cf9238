"""Offline Dutch pronunciation: espeak-ng (voice ``nl``) piped into lame for an mp3.

Files are cached by content: the name is a hash of the voice settings and the text, so a rebuild
reuses every file it made before and two decks that say the same text share one file. The file
name in the cache is also the media name inside the deck (Anki keeps media in one flat folder,
so the name must be unique per content, which the hash guarantees).

Cache folder: the ``cache`` argument, else ``$VAKWOORDEN_CACHE``, else
``$XDG_CACHE_HOME/vakwoorden/audio`` (``~/.cache/vakwoorden/audio``).

Pronunciation fixes: where espeak-ng's Dutch rules read a word wrongly (loanwords such as
toolboxmeeting, compound stress such as kalkzandsteen) the word list's ``uitspraak`` column gives a
respelling (``feunen``) or espeak-ng phonemes (``[[f'Y:n@n]]``). Before speaking, every whole-word
occurrence of such a word in the text is replaced by its ``uitspraak``; the hash that names the
file is taken over that spoken text, so a changed pronunciation gives a new file and the old audio
is never reused. :func:`fonemen` shows what espeak-ng would say (``espeak-ng -q -x``), for the
pronunciation check of ``vakwoorden controleer --uitspraak``.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

from vakwoorden import instellingen

from .grootboek import tijdelijk_pad

STEM = "nl"
# A little slower than espeak's default of 175 words per minute: the listeners are learners.
SNELHEID = 150
LAME_OPTIES: tuple[str, ...] = ("--quiet", "-m", "m", "-b", "48", "-q", "7")
MEDIA_VOORVOEGSEL = "vakwoorden_"

Voortgang = Callable[[int, int], None]


def standaard_cache() -> Path:
    return instellingen.audiocache()


def stem_sleutel() -> str:
    """Everything that changes how a text sounds; part of each file's hash."""
    return f"espeak-ng -v {STEM} -s {SNELHEID} | lame {' '.join(LAME_OPTIES)}"


def media_naam(tekst: str) -> str:
    """File name for the audio of ``tekst`` as espeak-ng gets it (with any pronunciation fixes in it)."""
    digest = hashlib.sha256(f"{stem_sleutel()}\n{tekst}".encode()).hexdigest()
    return f"{MEDIA_VOORVOEGSEL}{digest[:24]}.mp3"


@cache
def _patroon(woorden: tuple[str, ...]) -> re.Pattern[str] | None:
    if not woorden:
        return None
    # longest first, so that 'hoog-laagbed' wins over 'bed'; whole words only (not inside 'containers')
    alternatieven = "|".join(re.escape(w) for w in sorted(woorden, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{alternatieven})(?![\w'’-])", re.IGNORECASE)


def gesproken_tekst(tekst: str, uitspraken: Mapping[str, str]) -> str:
    """``tekst`` with every word that has an ``uitspraak`` replaced by it (phonemes or respelling)."""
    patroon = _patroon(tuple(sorted(uitspraken)))
    if patroon is None:
        return tekst
    op_kleine_letters = {w.casefold(): u for w, u in uitspraken.items()}
    return patroon.sub(lambda m: op_kleine_letters.get(m.group(0).casefold(), m.group(0)), tekst)


def fonemen(teksten: Iterable[str]) -> dict[str, str]:
    """espeak-ng's phonemes (``-x``, Kirshenbaum-like ASCII) per text, in one run; {} without espeak-ng.

    Each text is sent as its own line ending in a full stop, so espeak-ng answers with one line each.
    """
    lijst = list(dict.fromkeys(t.strip() for t in teksten if t.strip()))
    espeak = shutil.which("espeak-ng")
    if espeak is None or not lijst:
        return {}
    invoer = "".join(f"{t.replace(chr(10), ' ').rstrip('.')}.\n" for t in lijst)
    uitvoer = subprocess.run(
        [espeak, "-q", "-x", "-v", STEM, "--stdin"],
        input=invoer.encode("utf-8"),
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8", "replace")
    regels = [r.strip() for r in uitvoer.splitlines() if r.strip()]
    if len(regels) != len(lijst):  # a text that espeak split in two: ask one by one
        regels = [
            subprocess.run([espeak, "-q", "-x", "-v", STEM, t], capture_output=True, check=True)
            .stdout.decode("utf-8", "replace")
            .strip()
            for t in lijst
        ]
    return dict(zip(lijst, regels, strict=True))


class Uitspraak:
    """Makes (or finds in the cache) one mp3 per text.

    ``beschikbaar`` is False when espeak-ng or lame is not installed (or sound is switched off);
    ``reden`` then says why, in Dutch, for the user. Without the tools there is no sound at all,
    not even from the cache, so that a deck's content does not depend on what a cache holds.
    """

    def __init__(
        self, cache: Path | None = None, *, aan: bool = True, uitspraken: Mapping[str, str] | None = None
    ) -> None:
        """``uitspraken``: {woord: uitspraak}; by default those of the project's word lists."""
        self.cache = cache if cache is not None else standaard_cache()
        if uitspraken is None:
            from vakwoorden.lijst import uitspraken as lijst_uitspraken

            uitspraken = lijst_uitspraken()
        self.uitspraken = dict(uitspraken)
        self._espeak = shutil.which("espeak-ng") if aan else None
        self._lame = shutil.which("lame") if aan else None
        self.aan = aan
        self.reden = ""
        if not aan:
            self.reden = "Geluid staat uit: het deck wordt zonder uitspraak gemaakt."
        elif self._espeak is None or self._lame is None:
            ontbreekt = [
                naam for naam, pad in (("espeak-ng", self._espeak), ("lame", self._lame)) if pad is None
            ]
            werkwoord = "zijn" if len(ontbreekt) > 1 else "is"
            self.reden = (
                f"Geen uitspraak: {' en '.join(ontbreekt)} {werkwoord} niet geïnstalleerd. "
                "Het deck wordt zonder geluid gemaakt (installeer bijvoorbeeld met: sudo apt install espeak-ng lame)."
            )

    @property
    def beschikbaar(self) -> bool:
        return self._espeak is not None and self._lame is not None

    def gesproken(self, tekst: str) -> str:
        """What espeak-ng is given for ``tekst``: the text with the pronunciation fixes."""
        return gesproken_tekst(tekst, self.uitspraken)

    def pad_voor(self, tekst: str) -> Path:
        return self.cache / media_naam(self.gesproken(tekst))

    def maak(self, tekst: str) -> Path | None:
        """The mp3 for ``tekst``: from the cache, else newly made; None when that is not possible."""
        if not self.beschikbaar or not tekst.strip():
            return None
        pad = self.pad_voor(tekst)
        if pad.is_file() and pad.stat().st_size > 0:
            return pad
        assert self._espeak is not None and self._lame is not None
        self.cache.mkdir(parents=True, exist_ok=True)
        tijdelijk = tijdelijk_pad(pad)
        try:
            wav = subprocess.run(
                [self._espeak, "-v", STEM, "-s", str(SNELHEID), "--stdin", "--stdout"],
                input=self.gesproken(tekst).encode("utf-8"),
                capture_output=True,
                check=True,
            ).stdout
            subprocess.run(
                [self._lame, *LAME_OPTIES, "-", str(tijdelijk)], input=wav, capture_output=True, check=True
            )
            os.replace(tijdelijk, pad)
        except (OSError, subprocess.CalledProcessError):
            tijdelijk.unlink(missing_ok=True)
            return None
        return pad

    def maak_alle(self, teksten: Iterable[str], voortgang: Voortgang | None = None) -> dict[str, Path]:
        """mp3 files for all texts (in parallel; espeak-ng is single-threaded). Missing ones are left out."""
        if not self.beschikbaar:
            return {}
        uniek = list(dict.fromkeys(t for t in teksten if t.strip()))
        resultaat: dict[str, Path] = {}
        werkers = max(1, min(8, os.cpu_count() or 1))
        with ThreadPoolExecutor(max_workers=werkers) as pool:
            for gedaan, (tekst, pad) in enumerate(zip(uniek, pool.map(self.maak, uniek), strict=True), 1):
                if pad is not None:
                    resultaat[tekst] = pad
                if voortgang is not None:
                    voortgang(gedaan, len(uniek))
        return resultaat
