-- DuckDB COMMENTs (the data dictionary, in Dutch) on the tables that schema.sql creates; run right
-- after schema.sql (resources.maak_schema), in one transaction. Tables declared by a source get their
-- comments with that source's schema (staging.nt2_rapportage from pipelines/taalaanbieders/velden.py,
-- the werkplek-text tables from pipelines/werkplekteksten/bron.py); kern tables at the end of their
-- kern/<tabel>.sql; marts in mart/<tabel>.sql. warehouse/README.md is generated from all of them:
-- python -m pipelines.gedeeld.woordenboek warehouse/vakwoorden.duckdb
BEGIN TRANSACTION;

COMMENT ON TABLE controle.ingelezen_bestand IS 'Elk geladen bestand, één rij per bestand. Altijd geldt rijen_gelezen = rijen_geladen + rijen_quarantaine (blokkerende check). Hetzelfde bestand opnieuw (zelfde grootte en wijzigingstijd, of zelfde sha256) wordt overgeslagen.';
COMMENT ON COLUMN controle.ingelezen_bestand.bestand IS 'Pad van het bestand vanaf de landingsmap.';
COMMENT ON COLUMN controle.ingelezen_bestand.bron IS 'Naam van de bron die het bestand las (pipelines/bronnen.py), bijvoorbeeld taalaanbieder of werkplek.';
COMMENT ON COLUMN controle.ingelezen_bestand.taalaanbieder IS 'Code van de taalaanbieder (de mapnaam); leeg bij andere bronnen.';
COMMENT ON COLUMN controle.ingelezen_bestand.sha256 IS 'SHA-256 van de inhoud bij het laden; hetzelfde bestand opnieuw wordt overgeslagen.';
COMMENT ON COLUMN controle.ingelezen_bestand.rijen_gelezen IS 'Rijen gelezen uit het bestand (zonder kopregel).';
COMMENT ON COLUMN controle.ingelezen_bestand.rijen_geladen IS 'Waarvan geladen in staging.';
COMMENT ON COLUMN controle.ingelezen_bestand.rijen_quarantaine IS 'Waarvan in quarantaine (controle.quarantaine).';
COMMENT ON COLUMN controle.ingelezen_bestand.geladen_op IS 'Wanneer het bestand geladen is.';
COMMENT ON COLUMN controle.ingelezen_bestand.grootte_bytes IS 'Grootte van het bestand bij het laden, in bytes.';
COMMENT ON COLUMN controle.ingelezen_bestand.gewijzigd_ns IS 'Wijzigingstijd van het bestand bij het laden, in nanoseconden; zijn grootte en wijzigingstijd gelijk gebleven, dan wordt het niet opnieuw gelezen, is alleen de wijzigingstijd anders, dan beslist sha256.';

COMMENT ON TABLE controle.quarantaine IS 'Rijen die niet geladen zijn, met de reden: wat de aanleverende partij moet verbeteren.';
COMMENT ON COLUMN controle.quarantaine.bestand IS 'Pad van het bestand vanaf de landingsmap.';
COMMENT ON COLUMN controle.quarantaine.regel IS 'Rijnummer zoals een spreadsheet het toont: kopregel = 1, lege regels tellen mee, een cel met een regeleinde blijft één rij; bij Excel het rijnummer van het werkblad.';
COMMENT ON COLUMN controle.quarantaine.reden IS 'Waarom de rij niet geladen is, in gewoon Nederlands, met de kolom en de waarde, nooit met een identificatienummer.';

COMMENT ON TABLE controle.normalisatie IS 'Elke waarde die bij aankomst is aangepast, geteld per bestand (bijvoorbeeld b1 → B1, A2.2 → A2, LE → lezen, B → B1-route, 2F → B1 bij eisen van werkplekken).';
COMMENT ON COLUMN controle.normalisatie.bestand IS 'Pad van het bestand vanaf de landingsmap.';
COMMENT ON COLUMN controle.normalisatie.kolom IS 'Kolom in de export.';
COMMENT ON COLUMN controle.normalisatie.origineel IS 'De waarde zoals aangeleverd.';
COMMENT ON COLUMN controle.normalisatie.genormaliseerd IS 'De waarde zoals geladen.';
COMMENT ON COLUMN controle.normalisatie.aantal IS 'Geladen rijen met deze waarde.';
COMMENT ON COLUMN controle.normalisatie.eerste_regel IS 'Eerste regel in het bestand met deze waarde.';

COMMENT ON TABLE controle.geweigerd_bestand IS 'Bestanden die helemaal niet te lezen waren; niets ervan is geladen. Ook een mapping.toml met een fout staat hier (de bestanden van die taalaanbieder wachten dan). Een bestand verdwijnt hieruit zodra een goede versie is geladen.';
COMMENT ON COLUMN controle.geweigerd_bestand.bestand IS 'Pad van het bestand vanaf de landingsmap.';
COMMENT ON COLUMN controle.geweigerd_bestand.sha256 IS 'SHA-256 van de geweigerde versie (elke versie wordt één keer gemeld).';
COMMENT ON COLUMN controle.geweigerd_bestand.reden IS 'Wat er mis is en hoe het op te lossen is.';
COMMENT ON COLUMN controle.geweigerd_bestand.geweigerd_op IS 'Wanneer het bestand geweigerd is.';
COMMENT ON COLUMN controle.geweigerd_bestand.bron IS 'Naam van de bron die het bestand weigerde (pipelines/bronnen.py).';

COMMENT ON TABLE controle.werkplektekst_lijstversie IS 'Met welke vakwoordenlijsten en welke woordherkenning de teksten van werkplekken gelezen zijn; verandert er een, dan worden alle teksten opnieuw gelezen.';
COMMENT ON COLUMN controle.werkplektekst_lijstversie.sleutel IS 'Altijd 1: de tabel heeft één rij.';
COMMENT ON COLUMN controle.werkplektekst_lijstversie.versie IS 'Hash van de vakwoordenlijsten en de woordherkenning.';

COMMENT ON TABLE staging.taalaanbieder IS 'Elke taalaanbieder met een geldige mapping.toml, bij elke run bijgewerkt.';
COMMENT ON COLUMN staging.taalaanbieder.taalaanbieder IS 'Code van de taalaanbieder: de naam van zijn map in de landingsmap.';
COMMENT ON COLUMN staging.taalaanbieder.naam IS 'Naam van de taalaanbieder (uit mapping.toml).';
COMMENT ON COLUMN staging.taalaanbieder.instellingsnummer IS 'Instellingsnummer of Blik op Werk-nummer (uit mapping.toml).';
COMMENT ON COLUMN staging.taalaanbieder.formaat IS 'Bestandsformaat van de exports: csv of xlsx.';

COMMENT ON TABLE staging.werkplek IS 'Eén rij per goedgekeurde rij van werkplekken*.csv.';
COMMENT ON COLUMN staging.werkplek.werkplek IS 'Code van de werkplek.';
COMMENT ON COLUMN staging.werkplek.werkgever IS 'Naam van de werkgever.';
COMMENT ON COLUMN staging.werkplek.sector IS 'Sector: metaal, zorg of bouw.';
COMMENT ON COLUMN staging.werkplek.functie IS 'Functie op de werkplek.';
COMMENT ON COLUMN staging.werkplek.vca_vereist IS 'De werkplek vraagt een VCA-diploma.';
COMMENT ON COLUMN staging.werkplek.bestand IS 'Het bestand, vanaf de landingsmap.';
COMMENT ON COLUMN staging.werkplek.bronregel IS 'Regel in het bestand (kopregel = 1).';

COMMENT ON TABLE staging.werkplek_niveau_eis IS 'Het vereiste ERK-niveau per werkplek en vaardigheid, uit werkplekken*.csv.';
COMMENT ON COLUMN staging.werkplek_niveau_eis.werkplek IS 'Code van de werkplek.';
COMMENT ON COLUMN staging.werkplek_niveau_eis.vaardigheid IS 'ERK-vaardigheid: lezen, luisteren, spreken, gesprekken voeren of schrijven.';
COMMENT ON COLUMN staging.werkplek_niveau_eis.vereist_niveau IS 'Vereist ERK-niveau (A0 t/m C2; een referentieniveau als 2F is al omgezet).';
COMMENT ON COLUMN staging.werkplek_niveau_eis.bestand IS 'Het bestand, vanaf de landingsmap.';
COMMENT ON COLUMN staging.werkplek_niveau_eis.bronregel IS 'Regel in het bestand (kopregel = 1).';

COMMENT ON TABLE staging.werkplek_vakwoord IS 'Eén rij per goedgekeurde rij van vakwoorden*.csv: een vakwoord dat een werkplek vraagt.';
COMMENT ON COLUMN staging.werkplek_vakwoord.werkplek IS 'Code van de werkplek.';
COMMENT ON COLUMN staging.werkplek_vakwoord.sector IS 'Sector van de werkplek: in die vakwoordenlijst staat het woord.';
COMMENT ON COLUMN staging.werkplek_vakwoord.woord IS 'Trefwoord uit de vakwoordenlijst van de sector.';
COMMENT ON COLUMN staging.werkplek_vakwoord.bestand IS 'Het bestand, vanaf de landingsmap.';
COMMENT ON COLUMN staging.werkplek_vakwoord.bronregel IS 'Regel in het bestand (kopregel = 1).';

COMMENT ON TABLE staging.plaatsing IS 'Eén rij per goedgekeurde rij van plaatsingen*.csv: een leerling op een werkplek.';
COMMENT ON COLUMN staging.plaatsing.leerling IS 'Pseudoniem van de leerling (HMAC, als bij taalaanbieders).';
COMMENT ON COLUMN staging.plaatsing.werkplek IS 'Code van de werkplek.';
COMMENT ON COLUMN staging.plaatsing.soort IS 'Soort plaatsing: stage, proefplaatsing, leerwerkplek, dienstverband of vrijwilligerswerk.';
COMMENT ON COLUMN staging.plaatsing.startdatum IS 'Begin van de plaatsing.';
COMMENT ON COLUMN staging.plaatsing.einddatum IS 'Einde van de plaatsing (leeg = loopt nog).';
COMMENT ON COLUMN staging.plaatsing.bestand IS 'Het bestand, vanaf de landingsmap.';
COMMENT ON COLUMN staging.plaatsing.bronregel IS 'Regel in het bestand (kopregel = 1).';

COMMENT ON TABLE staging.anki_beheersing IS 'Per Anki-bron (de gesynchroniseerde collectie of een .colpkg-back-up van een deelnemer met toestemming) en per vakwoord dat de leerling minstens één keer beantwoordde. Andere notities van de leerling worden niet gelezen.';
COMMENT ON COLUMN staging.anki_beheersing.leerling IS 'Pseudoniem van de leerling (dezelfde HMAC als bij taalaanbieders en plaatsingen).';
COMMENT ON COLUMN staging.anki_beheersing.sector IS 'Sector van het vakwoord.';
COMMENT ON COLUMN staging.anki_beheersing.woord IS 'Het vakwoord (trefwoord uit de lijst van de sector).';
COMMENT ON COLUMN staging.anki_beheersing.herhalingen IS 'Alle antwoorden op de kaarten van het woord.';
COMMENT ON COLUMN staging.anki_beheersing.laatste_herhaling IS 'Tijdstip van het laatste antwoord (UTC).';
COMMENT ON COLUMN staging.anki_beheersing.stabiliteit_dagen IS 'FSRS-stabiliteit in dagen van de zwakste beantwoorde kaart van het woord.';
COMMENT ON COLUMN staging.anki_beheersing.verval IS 'FSRS-verval van de vergeetcurve van die kaart.';
COMMENT ON COLUMN staging.anki_beheersing.zwakste_herhaling IS 'Tijdstip van het laatste antwoord op die kaart (UTC).';
COMMENT ON COLUMN staging.anki_beheersing.methode IS 'anki: de FSRS-toestand die Anki zelf bewaarde; fsrs: berekend uit de herhalingen.';
COMMENT ON COLUMN staging.anki_beheersing.bron IS 'sync (de gesynchroniseerde collectie) of export (een .colpkg-back-up).';
COMMENT ON COLUMN staging.anki_beheersing.bestand IS 'anki/sync/<pseudoniem>/collection.anki2 of anki/exports/<pseudoniem>/<naam>.colpkg: nooit de gebruikersnaam.';

COMMENT ON TABLE kern.erk_niveau IS 'De ERK-schaal als getallen, om niveaus te vergelijken en verschillen te tellen.';
COMMENT ON COLUMN kern.erk_niveau.niveau IS 'ERK-niveau: A0, A1, A2, B1, B2, C1 of C2.';
COMMENT ON COLUMN kern.erk_niveau.rang IS 'Het niveau als getal: 0 = A0 ... 6 = C2.';

COMMIT;
