-- The file's settings the row judgement needs (a view cannot take parameters).
-- Parameter: $niveau_verplicht.
CREATE OR REPLACE TABLE instellingen AS
SELECT $niveau_verplicht::BOOLEAN AS niveau_verplicht;
