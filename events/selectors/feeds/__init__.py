"""Reads behind the iCal feeds, one module per job.

tokens.py finds the private link a secret opens; links.py builds a feed's addresses;
rows.py chooses the rows each audience sees; versions.py keys the cache and the ETag;
calendars.py assembles a feed from these for the pure builders in events/ical.py.
"""
