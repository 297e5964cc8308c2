"""Bringing contacts in: reading files, normalising cells, matching rows, previewing, applying."""
