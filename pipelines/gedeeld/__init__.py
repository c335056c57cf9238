"""Building blocks shared by the pipeline's domains (reading files, loading, errors)."""
