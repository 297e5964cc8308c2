"""PDFs with names in every script: the Noto CJK face chosen per script."""

import pytest

from events import pdf
from events.pdf import cjk_fonts, face_for


def test_cjk_fonts_finds_a_face_for_each_script():
    faces = cjk_fonts()

    assert sorted(faces) == ["JP", "KR", "SC", "TC"]
    assert len({index for _path, index in faces.values()}) == 4


def test_cjk_fonts_explains_what_to_install_when_missing(settings, monkeypatch):
    monkeypatch.setattr(pdf, "FONT_DIRS", ())
    monkeypatch.setattr(pdf, "_fc_match", lambda: None)
    settings.PDF_FONT_DIR = "/nonexistent"
    cjk_fonts.cache_clear()
    try:
        with pytest.raises(pdf.FontsMissing, match="fonts-noto-cjk"):
            cjk_fonts()
    finally:
        cjk_fonts.cache_clear()


@pytest.mark.parametrize(
    ("text", "language", "face"),
    [
        ("염태영", "ko", "KR"),
        ("廉泰英", "ko", "KR"),
        ("佐竹敬久", "ja", "JP"),
        ("さとう", "", "JP"),
        ("陳其邁", "zh-hant", "TC"),
        ("陈其迈", "zh-hans", "SC"),
        ("Brent Christensen", "en", "TC"),
    ],
)
def test_face_for_picks_the_face_by_script_and_language(text, language, face):
    assert face_for(text, language) == face
