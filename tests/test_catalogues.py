"""Every catalogue is complete: msgfmt finds nothing untranslated or fuzzy."""

import shutil
import subprocess
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parent.parent / "locale"


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext is installed by make")
@pytest.mark.parametrize("domain", ["django", "djangojs"])
@pytest.mark.parametrize("language", ["zh_Hant", "en", "ja", "ko"])
def test_catalogue_has_nothing_untranslated_or_fuzzy(language, domain):
    catalogue = LOCALE / language / "LC_MESSAGES" / f"{domain}.po"
    result = subprocess.run(  # noqa: S603
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalogue)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr
    assert "fuzzy" not in result.stderr
