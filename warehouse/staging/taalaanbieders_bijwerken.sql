-- The list of taalaanbieders follows the mapping files in the landing folder.
INSERT OR REPLACE INTO staging.taalaanbieder BY NAME SELECT * FROM aanbieders;
