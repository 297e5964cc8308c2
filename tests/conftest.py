import pytest


@pytest.fixture(autouse=True)
def _media_and_language(settings):
    # Tests assert on the office's default language unless they switch explicitly.
    settings.LANGUAGE_CODE = "zh-hant"
