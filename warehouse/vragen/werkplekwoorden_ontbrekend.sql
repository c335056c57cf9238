-- Words a werkplek asks for that are not (yet) in the sector's vakwoorden list.
SELECT wv.werkplek, wv.sector, wv.woord
FROM kern.werkplek_vakwoord AS wv
ANTI JOIN kern.vakwoord AS v ON v.sector = wv.sector AND lower(v.woord) = lower(wv.woord)
ORDER BY wv.werkplek, wv.woord;
