-- The accepted rows of one taalaanbieder export (registered as 'nieuw'), with the file's
-- constants. Parameters: $taalaanbieder, $id_soort, $bestand.
INSERT INTO staging.nt2_rapportage BY NAME
SELECT
    *,
    $taalaanbieder AS taalaanbieder,
    $id_soort AS id_soort,
    $bestand AS bestand
FROM nieuw;
