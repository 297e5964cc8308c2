"""Reads over the CRM, one module per job; callers import the module they need."""
