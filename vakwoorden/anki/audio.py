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
import sys
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

from vakwoorden import instellingen

from .grootboek import tijdelijk_pad

STEM = "nl"
# A little slower than espeak's default of 175 words per minute: the listeners are learners.
SNELHEID = 150
# Mono, 16 kHz, 24 kbit/s (MPEG-2 layer III, which every Anki client plays): half the bytes of the
# 48 kbit/s used before. Measured on 60 metaal texts against espeak-ng's own 22 kHz output
# (`python bench/decks.py --geluid`): STOI 0.993 (48 kbit/s: 0.998; 16 kbit/s: 0.977; 8 kbit/s:
# 0.899), PESQ-WB 2.9 (48: 3.9; 16: 2.3; 8: 1.6). lame low-passes at 5.7 kHz here; 8 kHz sampling
# (4 kHz) would lose most of the hiss that tells s, f and ch apart.
LAME_OPTIES: tuple[str, ...] = ("--quiet", "-m", "m", "--resample", "16", "-b", "24", "-q", "7")
NASTILTE = 0.15
"""Seconds of silence kept after the last sound; espeak-ng ends every text with about 0.4 s more."""
STILTE_DREMPEL = 256
"""Samples (16 bit) quieter than this count as silence when the end is trimmed."""
MEDIA_VOORVOEGSEL = "vakwoorden_"

Voortgang = Callable[[int, int], None]


def standaard_cache() -> Path:
    return instellingen.audiocache()


def stem_sleutel() -> str:
    """Everything that changes how a text sounds; part of each file's hash."""
    return (
        f"espeak-ng -v {STEM} -s {SNELHEID} | stilte na {NASTILTE} s (< {STILTE_DREMPEL}) "
        f"| lame {' '.join(LAME_OPTIES)}"
    )


def _wav_pcm(wav: bytes) -> tuple[bytes, int]:
    """(16-bit mono samples, sample rate) of espeak-ng's WAV output.

    espeak-ng writes to a pipe, so the sizes in its header are placeholders: the samples are
    everything after the ``data`` chunk's header.
    """
    if wav[:4] != b"RIFF" or wav[8:12] != b"WAVE":
        raise ValueError("espeak-ng gaf geen WAV")
    positie = 12
    frequentie = 22050
    while positie + 8 <= len(wav):
        soort, grootte = wav[positie : positie + 4], int.from_bytes(wav[positie + 4 : positie + 8], "little")
        if soort == b"fmt ":
            frequentie = int.from_bytes(wav[positie + 12 : positie + 16], "little")
        elif soort == b"data":
            data = wav[positie + 8 :]
            return data[: len(data) // 2 * 2], frequentie
        positie += 8 + grootte + (grootte & 1)
    raise ValueError("espeak-ng gaf een WAV zonder geluid")


def kort_stilte_in(pcm: bytes, frequentie: int) -> bytes:
    """``pcm`` (16-bit mono, little-endian) without the silence after the last sound beyond
    ``NASTILTE`` seconds. Nothing is cut from the start or in between."""
    import array

    monsters = array.array("h")
    monsters.frombytes(pcm)
    if sys.byteorder == "big":
        monsters.byteswap()
    einde = len(monsters)
    while einde > 0 and -STILTE_DREMPEL < monsters[einde - 1] < STILTE_DREMPEL:
        einde -= 1
    einde = min(len(monsters), einde + int(NASTILTE * frequentie))
    return pcm[: 2 * einde]


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
    return _vervanger(tuple(sorted(uitspraken.items())))(tekst)


@cache
def _vervanger(uitspraken: tuple[tuple[str, str], ...]) -> Callable[[str], str]:
    """The replacement for one table of pronunciation fixes, remembering every text it was given
    (a deck build asks for the same few thousand texts again and again)."""
    patroon = _patroon(tuple(w for w, _ in uitspraken))
    op_kleine_letters = {w.casefold(): u for w, u in uitspraken}
    bekend: dict[str, str] = {}

    def vervang(tekst: str) -> str:
        if patroon is None:
            return tekst
        gesproken = bekend.get(tekst)
        if gesproken is None:
            if len(bekend) > 100_000:
                bekend.clear()
            gesproken = bekend[tekst] = patroon.sub(
                lambda m: op_kleine_letters.get(m.group(0).casefold(), m.group(0)), tekst
            )
        return gesproken

    return vervang


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
        self._vervang = _vervanger(tuple(sorted(self.uitspraken.items())))
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
        return self._vervang(tekst)

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
            pcm, frequentie = _wav_pcm(wav)
            ruw = ["-r", "-s", f"{frequentie / 1000:g}", "--bitwidth", "16", "--signed", "--little-endian"]
            subprocess.run(
                [self._lame, *ruw, *LAME_OPTIES, "-", str(tijdelijk)],
                input=kort_stilte_in(pcm, frequentie),
                capture_output=True,
                check=True,
            )
            os.replace(tijdelijk, pad)
        except (OSError, ValueError, subprocess.CalledProcessError):
            tijdelijk.unlink(missing_ok=True)
            return None
        return pad

    def maak_alle(self, teksten: Iterable[str], voortgang: Voortgang | None = None) -> dict[str, Path]:
        """mp3 files for all texts: those in the cache at once, the others made in parallel
        (espeak-ng is single-threaded). Texts whose sound could not be made are left out."""
        if not self.beschikbaar:
            return {}
        uniek = list(dict.fromkeys(t for t in teksten if t.strip()))
        resultaat: dict[str, Path] = {}
        ontbrekend: list[str] = []
        for tekst in uniek:
            bekend = self.pad_voor(tekst)
            try:
                gevonden = bekend.stat().st_size > 0
            except OSError:
                gevonden = False
            if gevonden:
                resultaat[tekst] = bekend
            else:
                ontbrekend.append(tekst)
        if voortgang is not None:
            voortgang(len(resultaat), len(uniek))
        if not ontbrekend:
            return resultaat
        werkers = max(1, min(8, os.cpu_count() or 1))
        with ThreadPoolExecutor(max_workers=werkers) as pool:
            for gedaan, (tekst, pad) in enumerate(
                zip(ontbrekend, pool.map(self.maak, ontbrekend), strict=True), len(resultaat) + 1
            ):
                if pad is not None:
                    resultaat[tekst] = pad
                if voortgang is not None:
                    voortgang(gedaan, len(uniek))
        return {tekst: resultaat[tekst] for tekst in uniek if tekst in resultaat}
