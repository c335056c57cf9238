-- Report: lesson hours of one learner per reporting period.
SELECT periode_start, periode_eind, taalaanbieder,
       uren_aangeboden::DOUBLE AS uren_aangeboden, uren_aanwezig::DOUBLE AS uren_aanwezig,
       afwezig_geoorloofd::DOUBLE AS afwezig_geoorloofd, afwezig_ongeoorloofd::DOUBLE AS afwezig_ongeoorloofd
FROM kern.nt2_uren
WHERE leerling = ?
ORDER BY periode_start;
