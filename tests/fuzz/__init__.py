"""Property-based fuzzing (hypothesis) of everything that takes a stranger's input.

Each target is checked for two things: no server error, and no partial write (a refused
input leaves every watched table as it was; an accepted one writes exactly what it should).
`harness.py` holds the checks and `strategies.py` the hostile inputs; a new target (an
importer, a new public form) is one test that combines them (see test_importers.py).

Profiles (tests/conftest.py): "default" keeps the normal suite quick; run
`HYPOTHESIS_PROFILE=thorough .venv/bin/pytest tests/fuzz` by hand for many more examples.
"""
