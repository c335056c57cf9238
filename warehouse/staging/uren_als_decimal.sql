-- Warehouses from before hours were DECIMAL kept them as DOUBLE, whose sums differ in the last
-- digits between runs. Convert them once (laden.py runs this only when a column is still DOUBLE).
ALTER TABLE staging.nt2_rapportage ALTER COLUMN uren_aangeboden SET DATA TYPE DECIMAL(12, 3);
ALTER TABLE staging.nt2_rapportage ALTER COLUMN uren_aanwezig SET DATA TYPE DECIMAL(12, 3);
ALTER TABLE staging.nt2_rapportage ALTER COLUMN afwezig_geoorloofd SET DATA TYPE DECIMAL(12, 3);
ALTER TABLE staging.nt2_rapportage ALTER COLUMN afwezig_ongeoorloofd SET DATA TYPE DECIMAL(12, 3);
