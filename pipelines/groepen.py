"""Dagster asset groups: one scheme, by layer.

    bronnen   every source's staging asset (pipelines/bronnen.py)
    kern      clean, de-duplicated tables (warehouse/kern/*.sql, and the word lists as kern.vakwoord)
    marts     answers for data teams and jobcoaches (warehouse/mart/*.sql)
    uitvoer   what leaves the warehouse: decks, reports and the read-only copy
"""

BRONNEN = "bronnen"
KERN = "kern"
MARTS = "marts"
UITVOER = "uitvoer"
