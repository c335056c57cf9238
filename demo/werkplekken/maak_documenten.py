"""Write the demo werkplek texts that come as Word and PDF files (run from the project folder):

    .venv/bin/python demo/werkplekken/maak_documenten.py

The texts are our own, written for the demo. The .docx files are made with python-docx; the PDF
with the few lines of PDF below (Helvetica, WinAnsi encoding: a real text layer, as a word
processor writes it). The results are committed, so the demo needs no run of this script.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

TEKSTEN = Path(__file__).resolve().parent / "teksten"

WERKINSTRUCTIE_DRAAIBANK = [
    ("kop", "Machinefabriek IJssel – Werkinstructie conventionele draaibank"),
    (
        "tekst",
        "Deze werkinstructie is voor nieuwe verspaners en stagiairs. Werk pas alleen aan de draaibank "
        "als je leermeester je instructie heeft afgetekend.",
    ),
    ("kop", "Veiligheid"),
    (
        "lijst",
        "Draag een veiligheidsbril en nauwsluitende werkkleding. Geen handschoenen bij draaiend werk: "
        "een handschoen kan in de klauwplaat worden getrokken.",
    ),
    ("lijst", "Lang haar draag je in een haarnetje. Doe ringen en horloges af."),
    ("lijst", "Controleer of de noodstop werkt voordat je de machine aanzet."),
    ("lijst", "Haal de spansleutel altijd uit de klauwplaat. Laat hem nooit zitten, ook niet even."),
    ("kop", "Werkstuk opspannen"),
    (
        "tekst",
        "Span het werkstuk op in de klauwplaat met de bekken. Draai de klauwplaat met de hand een "
        "keer rond en kijk of het werkstuk niet slingert. Een lang werkstuk ondersteun je met de "
        "center in de losse kop.",
    ),
    ("kop", "Beitel instellen"),
    (
        "tekst",
        "Zet de draaibeitel op hart in de beitelhouder. Draai de bouten van de beitelhouder goed aan. "
        "Kies het toerental en de voeding volgens de tabel op de machine: hard materiaal draai je "
        "langzamer dan zacht materiaal.",
    ),
    ("kop", "Draaien"),
    (
        "tekst",
        "Zet de koelemulsie aan. Draai eerst het eindvlak vlak en zet daarna de maat op de nonius op "
        "nul. Neem kleine spanen. Meet tussendoor met de schuifmaat en aan het eind met de "
        "micrometer. Stop de machine voordat je meet.",
    ),
    (
        "tekst",
        "Verwijder spanen nooit met je hand maar met een spanenhaak of een kwast. Ontbraam het "
        "werkstuk met een vijl of een ontbramer en noteer de gemeten maten op de werkbon.",
    ),
    ("kop", "Afsluiten"),
    (
        "tekst",
        "Zet de machine stil, maak de slede en het bed schoon en smeer de geleidingen. Leg het "
        "gereedschap terug in de kast. Meld slijtage of schade aan de teamleider, Karin Meijer.",
    ),
]

ZORGPLAN_AFSPRAKEN = [
    ("kop", "Thuiszorg Oost – Zorgplan: vaste afspraken met mevrouw (cliëntnummer in het dossier)"),
    (
        "tekst",
        "Deze afspraken zijn gemaakt met de cliënt en haar dochter. Lees ze voor elke dienst. "
        "Verandert er iets, overleg dan met de wijkverpleegkundige en pas het zorgplan aan.",
    ),
    ("kop", "Ochtendzorg"),
    ("lijst", "Klop aan en wacht even voordat je binnenkomt. Mevrouw wil met 'mevrouw' worden aangesproken."),
    ("lijst", "Help bij het wassen aan de wastafel; de rug en de benen was jij, de rest doet mevrouw zelf."),
    (
        "lijst",
        "Smeer de benen in met de crème uit de badkamer en trek de steunkousen aan met de aantrekhulp.",
    ),
    (
        "lijst",
        "Controleer de huid op rode plekken: hielen, stuit en ellebogen. Een rode plek die niet "
        "wegdrukt, is het begin van een doorligwond (decubitus). Meld dat dezelfde dag.",
    ),
    ("kop", "Medicatie"),
    ("lijst", "Geef de medicijnen uit de baxterrol om 8:00 en 18:00. Teken af op de toedienlijst."),
    (
        "lijst",
        "Weigert mevrouw haar medicijnen, noteer dat dan in het dossier en bel de wijkverpleegkundige.",
    ),
    ("kop", "Eten en drinken"),
    (
        "lijst",
        "Mevrouw heeft slikproblemen: geef dranken verdikt en het brood zonder korst. Laat haar "
        "rechtop zitten bij het eten en drinken en nog een half uur daarna.",
    ),
    ("lijst", "Noteer hoeveel mevrouw drinkt op de vochtlijst; het doel is anderhalve liter per dag."),
    ("kop", "Veiligheid"),
    (
        "lijst",
        "Mevrouw loopt met een rollator. Zorg dat de kamer opgeruimd is en er geen losse kleden "
        "liggen. Valrisico: zet de rollator altijd binnen handbereik.",
    ),
    ("lijst", "Bij een val: til mevrouw niet zelf op, maar bel de alarmcentrale en de wijkverpleegkundige."),
    ("kop", "Overdracht"),
    (
        "tekst",
        "Schrijf na elke dienst een korte rapportage in het dossier: hoe was de stemming, wat is "
        "opgevallen, wat moet de volgende collega weten. Contactpersoon voor de familie: "
        "wijkverpleegkundige Anouk Peters.",
    ),
]

STEIGERINSTRUCTIE = """Steigerbouw Noord – Steigerinstructie voor gebruikers van een gevelsteiger

Deze instructie is voor iedereen die op onze steigers werkt: metselaars, schilders, timmerlieden en
stagiairs. Een steiger wordt alleen opgebouwd, veranderd en afgebroken door onze steigerbouwers.

Voordat je de steiger op gaat
- Kijk of er een groene steigerkaart bij de toegang hangt. Een rode kaart betekent: niet gebruiken.
- Draag je veiligheidshelm, veiligheidsschoenen en werkhandschoenen.
- Controleer de leuningen, de kantplanken en de steigerplanken. Mist er een leuning, ga dan niet verder
  en meld het bij de uitvoerder.

Op de steiger
- Ga alleen via de trap of de ladder in het trapgat naar boven. Klim nooit langs de staanders.
- Houd het luik van het trapgat dicht als niemand erdoor gaat.
- Leg geen materiaal tegen de leuning en zet niet meer stenen op de steiger dan op het bord staat.
  De steiger heeft een maximale belasting per vak.
- Verwijder nooit zelf een koppeling, een ankerpunt of een schoor. Zonder anker kan de hele steiger
  omvallen.
- Werk niet op de steiger bij harde wind (windkracht 6 of meer) of bij onweer.

Materiaal omhoog en omlaag
Gebruik de takel of de bouwlift. Gooi nooit iets van de steiger naar beneden: gebruik de puinkoker.
Zet een afzetting met hekken rond de steiger, zodat niemand onder de steiger loopt tijdens het hijsen.

Einde van de dag
Ruim de steigervloer op, haal los materiaal weg en sluit de toegang af met het hek.

Vragen: bel de planning van Steigerbouw Noord, t.a.v. Willem Bakker.
"""


def schrijf_docx(pad: Path, delen: list[tuple[str, str]]) -> None:
    import docx

    document = docx.Document()
    for soort, tekst in delen:
        if soort == "kop":
            document.add_heading(tekst, level=1)
        elif soort == "lijst":
            document.add_paragraph(tekst, style="List Bullet")
        else:
            document.add_paragraph(tekst)
    document.core_properties.author = "vakwoorden-demo"
    document.save(str(pad))


def _pdf_tekst(regel: str) -> bytes:
    ruw = regel.encode("cp1252")
    return b"(" + ruw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def schrijf_pdf(pad: Path, tekst: str, regels_per_pagina: int = 52) -> None:
    """A small but real PDF with a text layer: A4 pages, Helvetica 10 pt."""
    regels: list[str] = []
    for alinea in tekst.splitlines():
        regels.extend(textwrap.wrap(alinea, 95) or [""])
    paginas = [regels[i : i + regels_per_pagina] for i in range(0, len(regels), regels_per_pagina)]
    objecten: list[bytes] = []  # object n is objecten[n - 1]
    objecten.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objecten.append(b"")  # the page tree, filled in below
    objecten.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kinderen = []
    for pagina in paginas:
        inhoud = (
            b"BT /F1 10 Tf 14 TL 56 790 Td " + b" ".join(_pdf_tekst(r) + b" Tj T*" for r in pagina) + b" ET"
        )
        objecten.append(b"<< /Length %d >>\nstream\n" % len(inhoud) + inhoud + b"\nendstream")
        inhoud_nr = len(objecten)
        objecten.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % inhoud_nr
        )
        kinderen.append(len(objecten))
    objecten[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kinderen),
        len(kinderen),
    )
    uit = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    plekken = []
    for nummer, obj in enumerate(objecten, start=1):
        plekken.append(len(uit))
        uit += b"%d 0 obj\n" % nummer + obj + b"\nendobj\n"
    xref = len(uit)
    uit += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objecten) + 1)
    for plek in plekken:
        uit += b"%010d 00000 n \n" % plek
    uit += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objecten) + 1, xref)
    pad.write_bytes(bytes(uit))


def main() -> None:
    schrijf_docx(TEKSTEN / "WP-ME04" / "werkinstructie-draaibank.docx", WERKINSTRUCTIE_DRAAIBANK)
    schrijf_docx(TEKSTEN / "WP-ZO02" / "zorgplan-vaste-afspraken.docx", ZORGPLAN_AFSPRAKEN)
    schrijf_pdf(TEKSTEN / "WP-BO02" / "steigerinstructie.pdf", STEIGERINSTRUCTIE)


if __name__ == "__main__":
    main()
