"""Finding likely duplicates: name keys that fold romanisation variants, and pair scoring."""
