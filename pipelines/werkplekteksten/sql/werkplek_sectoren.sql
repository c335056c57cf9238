-- The werkplekken known from werkplekken*.csv, with their sector: a text folder is named after one.
SELECT werkplek, sector FROM staging.werkplek;
