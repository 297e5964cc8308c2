import os

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# Fuzzing (tests/fuzz): few examples in the normal suite, many by hand with
# HYPOTHESIS_PROFILE=thorough. Views answer in tens of milliseconds on a loaded machine, so no
# per-example deadline; the examples share a test's database fixture by design.
_fuzz = {"deadline": None, "suppress_health_check": [HealthCheck.function_scoped_fixture]}
hypothesis_settings.register_profile("default", max_examples=25, **_fuzz)
hypothesis_settings.register_profile("thorough", max_examples=1_000, **_fuzz)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def _media_and_language(settings):
    # Tests assert on the office's default language unless they switch explicitly.
    settings.LANGUAGE_CODE = "zh-hant"
