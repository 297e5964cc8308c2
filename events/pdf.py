"""PDFs with names in every script (fpdf2), shared by the print pack and certificates.

Names are set in Noto Sans CJK, with the face chosen per script: the same Han character is
drawn differently in Traditional Chinese, Simplified Chinese, Japanese and Korean, so a
Japanese guest's kanji take the JP face and a Korean guest's hanja the KR face.
"""

import subprocess
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from fontTools.ttLib import TTCollection
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from crm import names

FONT_FILE = "NotoSansCJK-Regular.ttc"
FONT_DIRS = (
    "/usr/share/fonts/opentype/noto",  # Debian and Ubuntu, fonts-noto-cjk
    "/usr/share/fonts/noto-cjk",  # Arch
    "/usr/share/fonts/google-noto-cjk",  # Fedora
    "/opt/homebrew/share/fonts",
    "/Library/Fonts",
)
FACES = ("TC", "SC", "JP", "KR")


class FontsMissing(ImproperlyConfigured):
    pass


def _fc_match():
    try:
        found = subprocess.run(  # noqa: S603
            ["fc-match", "--format=%{file}", "Noto Sans CJK TC"],  # noqa: S607
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return Path(found) if found.endswith(".ttc") else None


@lru_cache(maxsize=1)
def cjk_fonts():
    """Where Noto Sans CJK is and which face of the collection serves each script.

    Returns {"TC": (path, index), "SC": ..., "JP": ..., "KR": ...}; raises FontsMissing
    with the fix when the fonts are not installed.
    """
    directory = getattr(settings, "PDF_FONT_DIR", "")
    candidates = [Path(directory) / FONT_FILE] if directory else []
    candidates += [Path(d) / FONT_FILE for d in FONT_DIRS]
    path = next((p for p in candidates if p.is_file()), None) or _fc_match()
    if path is None:
        raise FontsMissing(
            f"{FONT_FILE} was not found in {', '.join(FONT_DIRS)}. Install Debian's "
            "fonts-noto-cjk (`make system-deps` does) or set PDF_FONT_DIR to its folder."
        )
    collection = TTCollection(str(path), lazy=True)
    indices = {}
    for index, font in enumerate(collection.fonts):
        family = font["name"].getDebugName(1) or ""
        for face in FACES:
            if family == f"Noto Sans CJK {face}":
                indices[face] = (str(path), index)
    missing = [face for face in FACES if face not in indices]
    if missing:
        raise FontsMissing(f"{path} has no Noto Sans CJK {', '.join(missing)} face.")
    return indices


def face_for(text, language=""):
    """The Noto CJK face for a text: by its script, and for Han characters by language."""
    codes = [ord(ch) for ch in text]
    if any(names.is_hangul(c) for c in codes):
        return "KR"
    if any(names.is_kana(c) for c in codes):
        return "JP"
    language = (language or "").lower()
    if any(names.is_han(c) for c in codes):
        if language.startswith("ja"):
            return "JP"
        if language.startswith("ko"):
            return "KR"
        if language in ("zh-hans", "zh-cn", "zh-sg") or language == "zh":
            return "SC"
    return "TC"


class Document(FPDF):
    """An A4 document whose text takes the Noto CJK face of its script."""

    def __init__(self, *, title, orientation="P"):
        super().__init__(orientation=orientation, unit="mm", format="A4")
        self.set_title(title)
        self.set_creator(settings.WAGTAIL_SITE_NAME)
        self.set_auto_page_break(True, margin=14)
        self.set_margins(14, 14, 14)
        self._families = set()

    def use(self, size, text="", language=""):
        """Set the face for a text (by its script) at a size in points."""
        face = face_for(text, language)
        family = f"noto-cjk-{face.lower()}"
        if family not in self._families:
            path, index = cjk_fonts()[face]
            self.add_font(family, "", path, collection_font_number=index)
            self._families.add(family)
        self.set_font(family, "", size)

    def fit(self, text, width, size, *, language="", minimum=5):
        """Use the largest size up to `size` at which a text fits a width."""
        self.use(size, text, language)
        while size > minimum and self.get_string_width(text) > width:
            size -= 0.5
            self.set_font_size(size)
        return size

    def line_of(self, text, size, *, width=0, language="", align="L", height=None):
        self.use(size, text, language)
        self.cell(
            width,
            height or size * 0.5,
            text,
            align=align,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
