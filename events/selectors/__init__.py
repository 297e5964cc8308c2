"""Reads used in more than one place, one module per concern."""
