-- Rules across fields, part of the row judgement (beoordeel.sql); each yields a reason or null.
CASE WHEN o_uren_aanwezig.getal > o_uren_aangeboden.getal
    THEN 'meer uren aanwezig dan aangeboden; controleer de uren van deze periode' END,
CASE WHEN i.niveau_verplicht AND {{alle_niveaus_leeg}}
    THEN 'geen enkel niveau ingevuld' END
