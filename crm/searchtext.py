"""How text becomes search terms: the one rule the admin search index and its queries share.

A stored name becomes a set of terms; a query becomes a list of terms that must all match a
stored term as its prefix. Latin words are matched from their start ("chris" finds
Christensen); Chinese, Japanese and Korean are written without spaces, so every suffix of a
CJK run is stored and any substring of it is then the prefix of one (國瑜 finds 韓國瑜). Both
sides fold case, full-width forms and Latin accents, so Ōita, OITA and ｏｉｔａ are one term.
"""

import functools
import re
import unicodedata

# Longest term kept: a prefix search never needs more, and it bounds the index row.
MAX_TERM = 48
# Phone numbers are found from any run of at least this many of their digits.
MIN_PHONE_DIGITS = 4
# Longest CJK run indexed by suffixes (a long event title is cut, its start kept whole).
MAX_CJK_RUN = 24

_CJK_CHARS = (
    "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\U00020000-\U0002fa1f"
)
_LETTER = rf"[^\W_{_CJK_CHARS}]"
_RUN = re.compile(rf"(?P<cjk>[{_CJK_CHARS}]+)|(?P<word>{_LETTER}+(?:['’\-.]{_LETTER}+)*)")
_JOINERS = re.compile(r"['’\-.]")
_DIGITS = re.compile(r"\d")


@functools.lru_cache(maxsize=4096)
def _fold_char(char):
    # Only Latin letters lose their accents: NFD would also take Korean syllables and
    # Japanese voiced kana apart.
    if ord(char) < 0x0250 or 0x1E00 <= ord(char) <= 0x1EFF:
        return "".join(
            c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
        )
    return char


def fold(text):
    """Text as the index compares it: NFKC, case-folded, Latin accents removed."""
    text = unicodedata.normalize("NFKC", str(text or "")).casefold()
    if text.isascii():
        return text
    return "".join(_fold_char(char) for char in text)


def _words(text):
    """(kind, token) pairs of folded text: CJK runs and Latin/digit words."""
    for match in _RUN.finditer(fold(text)):
        if match.group("cjk"):
            yield "cjk", match.group("cjk")
        else:
            yield "word", match.group("word")


def index_terms(text):
    """The terms stored for a name or title: words, joined hyphenated words, CJK suffixes."""
    terms = set()
    for kind, token in _words(text):
        if kind == "cjk":
            run = token[:MAX_CJK_RUN]
            terms.update(run[start:] for start in range(len(run)))
        else:
            # Tae-young is found as "tae", "young" and "taeyoung"; O'Brien as "obrien".
            parts = [part for part in _JOINERS.split(token) if part]
            terms.update(parts)
            terms.add("".join(parts))
    return {term[:MAX_TERM] for term in terms if term}


def email_terms(email):
    """An address whole, and its local part's words (brent.christensen@ -> brent, christensen)."""
    email = fold(email).strip()
    if not email:
        return set()
    local, _at, domain = email.partition("@")
    return {email[:MAX_TERM], *index_terms(local), *index_terms(domain.split(".")[0])}


def phone_terms(*numbers):
    """Every run of digits from a number's end inwards, so any part of it is a prefix.

    Given "+886 7 799 5678" and its national form "07 799 5678", both digit strings are
    stored with their suffixes: 88677995678, 77995678, 07995678 ... 5678.
    """
    terms = set()
    for number in numbers:
        digits = "".join(_DIGITS.findall(fold(number)))
        if len(digits) < MIN_PHONE_DIGITS:
            continue
        terms.update(digits[start:] for start in range(len(digits) - MIN_PHONE_DIGITS + 1))
    return terms


def query_terms(text):
    """What a query asks for: terms that must each be the prefix of some stored term.

    A query that is a phone number (digits with spaces, dashes, dots, brackets or a plus)
    becomes one digit string. An e-mail address stays whole.
    """
    text = fold(text).strip()
    if not text:
        return []
    if re.fullmatch(r"[\d\s()+\-./]+", text):
        digits = "".join(_DIGITS.findall(text))
        if len(digits) >= MIN_PHONE_DIGITS:
            return [digits[:MAX_TERM]]
    terms = []
    for chunk in text.split():
        if "@" in chunk:
            terms.append(chunk[:MAX_TERM])
            continue
        for kind, token in _words(chunk):
            if kind == "word":
                token = "".join(_JOINERS.split(token))
            if token and token[:MAX_TERM] not in terms:
                terms.append(token[:MAX_TERM])
    return terms
