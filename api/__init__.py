"""The web API (Django REST framework): public read-only data, and staff records by token.

It sits above cms in the layers (it serves cms's open-data figures) and beside config."""
