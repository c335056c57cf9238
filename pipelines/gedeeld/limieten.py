"""How large an export may be: a file over a limit is refused whole, with the setting to raise.

The defaults are generous for real exports (a taalaanbieder with thousands of learners writes a
few hundred thousand rows a year) and keep one odd file from taking the machine's memory: an
xlsx of 1.7 MB can unpack to two million rows. They are set through the ``landingsplaats``
resource (environment variables VAKWOORDEN_MAX_BESTAND_MB, VAKWOORDEN_MAX_RIJEN and
VAKWOORDEN_MAX_XLSX_MB; see README).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from pipelines.gedeeld.fouten import OnleesbaarBestand
from pipelines.gedeeld.notatie import getal

STANDAARD_MAX_BESTAND_MB = 2048
STANDAARD_MAX_RIJEN = 5_000_000
STANDAARD_MAX_XLSX_MB = 1024


@dataclass(frozen=True)
class Limieten:
    max_bestand_mb: int = STANDAARD_MAX_BESTAND_MB
    max_rijen: int = STANDAARD_MAX_RIJEN
    max_xlsx_mb: int = STANDAARD_MAX_XLSX_MB

    def controleer_grootte(self, pad: Path) -> None:
        grootte = pad.stat().st_size
        if grootte > self.max_bestand_mb * 1024 * 1024:
            raise OnleesbaarBestand(
                pad,
                f"het bestand is {getal(grootte / 1024 / 1024, 0)} MB, meer dan de grens van "
                f"{getal(self.max_bestand_mb)} MB. Splits de export, of verhoog de grens met "
                "VAKWOORDEN_MAX_BESTAND_MB.",
            )

    def controleer_rijen(self, pad: Path, rijen: int) -> None:
        if rijen > self.max_rijen:
            raise OnleesbaarBestand(
                pad,
                f"het bestand heeft {getal(rijen)} rijen, meer dan de grens van {getal(self.max_rijen)}. "
                "Splits de export, of verhoog de grens met VAKWOORDEN_MAX_RIJEN.",
            )

    def controleer_xlsx(self, pad: Path) -> None:
        """An xlsx is a zip: add up what it unpacks to before anything is unpacked."""
        try:
            with zipfile.ZipFile(pad) as archief:
                uitgepakt = sum(info.file_size for info in archief.infolist())
        except (zipfile.BadZipFile, OSError, ValueError) as fout:
            raise OnleesbaarBestand(
                pad, "het bestand is geen leesbaar Excel-bestand (geen geldig .xlsx). Sla het opnieuw op als .xlsx."
            ) from fout
        if uitgepakt > self.max_xlsx_mb * 1024 * 1024:
            raise OnleesbaarBestand(
                pad,
                f"het Excel-bestand pakt uit tot {getal(uitgepakt / 1024 / 1024, 0)} MB, meer dan de grens van "
                f"{getal(self.max_xlsx_mb)} MB. Splits de export, of verhoog de grens met VAKWOORDEN_MAX_XLSX_MB.",
            )


STANDAARD_LIMIETEN = Limieten()
