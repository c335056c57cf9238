SELECT werkplek FROM kern.werkplek ORDER BY werkplek;
