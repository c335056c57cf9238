"""The accounts of learners who sync to the project's Anki sync server, with their consent.

Stored in ``<landing folder>/anki/deelnemers.csv`` (it holds identifiers, like the exports in the
landing folder). Passwords are stored only as a PBKDF2-SHA256 hash in the PHC string format that
Anki's sync server verifies when started with ``PASSWORDS_HASHED=1``
(``$pbkdf2-sha256$i=<rounds>,l=32$<salt>$<hash>``, salt and hash in unpadded base64).
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import hashlib
import hmac
import os
import re
import secrets
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from vakwoorden import instellingen

PROJECTMAP = instellingen.PROJECTMAP
DEELNEMERS_BESTAND = Path("anki") / "deelnemers.csv"
EXPORTS_MAP = Path("anki") / "exports"
KOLOMMEN = ("gebruikersnaam", "wachtwoord_hash", "soort_identificatie", "identificatie", "toestemming",
            "toestemming_datum")  # fmt: skip
ID_SOORTEN = ("bsn", "vnummer")
PBKDF2_RONDES = 600_000  # OWASP's advice for PBKDF2-HMAC-SHA256 (2023)
GEBRUIKERSNAAM = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")


class DeelnemerFout(ValueError):
    """A request about an account that cannot be carried out; the message is for the coordinator."""


def landingsmap() -> Path:
    return instellingen.pad(instellingen.DATA)


def syncmap() -> Path:
    return instellingen.pad(instellingen.SYNC)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _unb64(tekst: str) -> bytes:
    return base64.b64decode(tekst + "=" * (-len(tekst) % 4))


def hash_wachtwoord(wachtwoord: str, rondes: int = PBKDF2_RONDES, zout: bytes | None = None) -> str:
    """A PHC string that Anki's sync server (PASSWORDS_HASHED=1) accepts for this password."""
    zout = zout if zout is not None else secrets.token_bytes(16)
    sleutel = hashlib.pbkdf2_hmac("sha256", wachtwoord.encode("utf-8"), zout, rondes, 32)
    return f"$pbkdf2-sha256$i={rondes},l=32${_b64(zout)}${_b64(sleutel)}"


def controleer_wachtwoord(wachtwoord: str, phc: str) -> bool:
    """True when ``wachtwoord`` matches the stored hash (the same check as the server's)."""
    delen = phc.split("$")
    if len(delen) != 5 or delen[1] != "pbkdf2-sha256":
        return False
    parameters = dict(p.split("=", 1) for p in delen[2].split(","))
    verwacht = _unb64(delen[4])
    gekregen = hashlib.pbkdf2_hmac(
        "sha256", wachtwoord.encode("utf-8"), _unb64(delen[3]), int(parameters["i"]), len(verwacht)
    )
    return hmac.compare_digest(gekregen, verwacht)


def elfproef(bsn: str) -> bool:
    if not re.fullmatch(r"\d{9}", bsn):
        return False
    som = sum(int(c) * g for c, g in zip(bsn, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    return som != 0 and som % 11 == 0


def schoon_identificatie(soort: str, waarde: str) -> str:
    """The identifier as the pipelines clean it (no spaces, dots, dashes; a lost leading zero back)."""
    schoon = re.sub(r"[\s.\-]", "", waarde)
    if soort == "bsn":
        if re.fullmatch(r"\d{8}", schoon):
            schoon = "0" + schoon
        if not elfproef(schoon):
            raise DeelnemerFout(f"'{waarde}' is geen geldig BSN (de 11-proef klopt niet).")
    elif soort == "vnummer":
        if not re.fullmatch(r"\d{10}", schoon):
            raise DeelnemerFout(f"'{waarde}' is geen geldig V-nummer (verwacht 10 cijfers).")
    else:
        raise DeelnemerFout(f"Onbekende soort identificatie '{soort}'; gebruik bsn of vnummer.")
    return schoon


@dataclass(frozen=True)
class Deelnemer:
    gebruikersnaam: str
    wachtwoord_hash: str
    soort_identificatie: str  # bsn or vnummer: the same kinds, and so the same pseudonyms, as the other sources
    identificatie: str
    toestemming: bool
    toestemming_datum: dt.date

    def rij(self) -> dict[str, str]:
        return {
            "gebruikersnaam": self.gebruikersnaam,
            "wachtwoord_hash": self.wachtwoord_hash,
            "soort_identificatie": self.soort_identificatie,
            "identificatie": self.identificatie,
            "toestemming": "ja" if self.toestemming else "nee",
            "toestemming_datum": self.toestemming_datum.isoformat(),
        }


def controleer_gebruikersnaam(naam: str) -> str:
    if not GEBRUIKERSNAAM.fullmatch(naam):
        raise DeelnemerFout(
            f"Ongeldige gebruikersnaam '{naam}': gebruik 2 tot 40 kleine letters, cijfers, '.', '_' of '-' "
            "(geen spaties, geen hoofdletters), beginnend met een letter of cijfer. Gebruik liever geen "
            "echte naam: de gebruikersnaam staat ook in de map van de syncserver."
        )
    return naam


def deelnemers_pad(landing: Path) -> Path:
    return landing / DEELNEMERS_BESTAND


def lees_deelnemers(landing: Path) -> dict[str, Deelnemer]:
    """All accounts, by gebruikersnaam; an absent file means no accounts."""
    pad = deelnemers_pad(landing)
    if not pad.exists():
        return {}
    uitkomst: dict[str, Deelnemer] = {}
    with pad.open(encoding="utf-8", newline="") as f:
        lezer = csv.DictReader(f)
        ontbreekt = [k for k in KOLOMMEN if k not in (lezer.fieldnames or [])]
        if ontbreekt:
            raise DeelnemerFout(f"{pad}: kolom(men) {', '.join(ontbreekt)} ontbreken; beheer dit bestand met 'vakwoorden deelnemer'.")
        for regel, rij in enumerate(lezer, start=2):
            try:
                uitkomst[rij["gebruikersnaam"]] = Deelnemer(
                    gebruikersnaam=controleer_gebruikersnaam(rij["gebruikersnaam"]),
                    wachtwoord_hash=rij["wachtwoord_hash"],
                    soort_identificatie=rij["soort_identificatie"],
                    identificatie=schoon_identificatie(rij["soort_identificatie"], rij["identificatie"]),
                    toestemming=rij["toestemming"].strip().lower() == "ja",
                    toestemming_datum=dt.date.fromisoformat(rij["toestemming_datum"]),
                )
            except (DeelnemerFout, ValueError) as fout:
                raise DeelnemerFout(f"{pad}:{regel}: {fout}") from fout
    return uitkomst


def schrijf_deelnemers(landing: Path, deelnemers: dict[str, Deelnemer]) -> Path:
    """Write atomically (a temporary file renamed over the old one), readable by the owner only."""
    pad = deelnemers_pad(landing)
    pad.parent.mkdir(parents=True, exist_ok=True)
    fd, tijdelijk = tempfile.mkstemp(dir=pad.parent, prefix=".deelnemers-", suffix=".csv")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            schrijver = csv.DictWriter(f, fieldnames=KOLOMMEN)
            schrijver.writeheader()
            for naam in sorted(deelnemers):
                schrijver.writerow(deelnemers[naam].rij())
        os.chmod(tijdelijk, 0o600)
        os.replace(tijdelijk, pad)
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise
    return pad


def nieuwe_deelnemer(
    gebruikersnaam: str, wachtwoord: str, soort: str, identificatie: str, toestemming: bool, datum: dt.date
) -> Deelnemer:
    if len(wachtwoord) < 8:
        raise DeelnemerFout("Het wachtwoord is te kort: gebruik minstens 8 tekens.")
    return Deelnemer(
        gebruikersnaam=controleer_gebruikersnaam(gebruikersnaam),
        wachtwoord_hash=hash_wachtwoord(wachtwoord),
        soort_identificatie=soort,
        identificatie=schoon_identificatie(soort, identificatie),
        toestemming=toestemming,
        toestemming_datum=datum,
    )


def wijzig(
    deelnemer: Deelnemer,
    *,
    wachtwoord: str | None = None,
    soort: str | None = None,
    identificatie: str | None = None,
    toestemming: bool | None = None,
    datum: dt.date | None = None,
) -> Deelnemer:
    nieuw = deelnemer
    if wachtwoord is not None:
        if len(wachtwoord) < 8:
            raise DeelnemerFout("Het wachtwoord is te kort: gebruik minstens 8 tekens.")
        nieuw = replace(nieuw, wachtwoord_hash=hash_wachtwoord(wachtwoord))
    if identificatie is not None:
        soort = soort or nieuw.soort_identificatie
        nieuw = replace(nieuw, soort_identificatie=soort, identificatie=schoon_identificatie(soort, identificatie))
    if toestemming is not None:
        nieuw = replace(nieuw, toestemming=toestemming, toestemming_datum=datum or dt.date.today())
    elif datum is not None:
        nieuw = replace(nieuw, toestemming_datum=datum)
    return nieuw
