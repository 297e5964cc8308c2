"""Keys under which two spellings of one name meet.

A protocol office meets the same person as "Han Kuo-yu", "HAN, Kuo Yu" and "Han Guoyu", and the
same mayor as "Ōno Shūji" and "OHNO Shuji". No romanisation table can
turn one system into another reliably (pinyin and Wade-Giles differ per syllable, Revised and
McCune-Reischauer Korean per consonant), so the keys fold what those systems disagree on into a
skeleton: voiced and unvoiced stops meet (k/g, t/d, p/b, Wade-Giles' apostrophes), the
affricates meet (ch, j, q, zh, ts, tz, c, z), the sibilants meet (hs, x, sh, s), r meets l,
pinyin's extra y and w drop out, every run of vowels becomes one of three by its last letter
(eo, u, ou, ō, oh and uo alike; ae, oe, ei, ui alike) and doubled letters collapse; how many
syllables a name has, and Li against Liu or Yang against Wang, still count. Tokens are sorted,
so family-first and given-first orders give one key, and hyphens, commas and case vanish.
Keys only decide which pairs are compared; the score that follows looks at the full names
again.
"""

import functools
import re
import unicodedata

from ..names import has_cjk

_SPLIT = re.compile(r"[^\w]+|_")
_LATIN = re.compile(r"[a-z0-9]")
# Ordered: longer spellings before the letters they contain.
_FOLDS = (
    (re.compile(r"['’`ʻ‘]"), ""),
    (re.compile(r"tch|tsz|tz|ts|ch|zh|dz|[jqcz]"), "c"),
    (re.compile(r"hs|sh|x"), "s"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"[gk]h?"), "k"),
    (re.compile(r"[dt]h?"), "t"),
    (re.compile(r"[bp]"), "p"),
    (re.compile(r"r"), "l"),
    # n before a labial is written m in traditional Hepburn (Shimbashi, Shinbashi).
    (re.compile(r"m(?=p)"), "n"),
    # An h after a vowel only lengthens it (Ohno, Oono, Ōno).
    (re.compile(r"(?<=[aeiouyw])h"), ""),
    # Pinyin writes y before i and w before u where other spellings do not (Ing-wen, Yingwen).
    (re.compile(r"y(?=i)|w(?=u)"), ""),
    # Wade-Giles ien is pinyin ian (Chien, Jian).
    (re.compile(r"ien"), "ian"),
    # A run of vowels is one syllable's nucleus, told apart by how it ends: eo, u, ou, ō, uo
    # and iu end in o or u; ae, oe, ei and ui in e or i; a, ia, ua in a.
    (re.compile(r"[aeiou]*[ou]"), "o"),
    (re.compile(r"[aeiou]*[ei]"), "e"),
    (re.compile(r"[aeiou]*a"), "a"),
    (re.compile(r"(.)\1+"), r"\1"),
)
# An English-style r after a vowel and before a consonant is silent (Park, Pak, Bak).
_SILENT_R = re.compile(r"(?<=[aeiou])r(?=[^aeiouy]|$)")
# Words that say what kind of body an organisation is, not which one.
ORGANISATION_NOISE = frozenset(
    [
        "city",
        "of",
        "the",
        "municipal",
        "metropolitan",
        "government",
        "prefecture",
        "prefectural",
        "county",
        "province",
        "provincial",
        "state",
        "district",
        "town",
        "village",
        "ward",
        "si",
        "shi",
        "gun",
        "ken",
        "do",
        "fu",
        "to",
    ]
)
# What kind of body a name ends with (city, prefecture, county, its government), in Chinese,
# Japanese and Korean; 水原市 and 水原, 秋田縣 and 秋田県 meet once it is gone.
_CJK_NOISE = re.compile(
    r"(?<=..)(市政府|市役所|市廳|市庁|政府|特別市|廣域市|광역시|특별시|市|縣|県|郡|道|府|區|区|시|군|도|구|청)$"
)


def fold_text(text):
    """Lower case without accents: 'Ōno' -> 'ono', 'Shūji' -> 'shuji'."""
    text = text or ""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def latin_tokens(text, *, noise=frozenset()):
    """The Latin words of a name, folded, without words in `noise`."""
    return [
        token
        for token in _SPLIT.split(fold_text(text))
        if token and _LATIN.search(token) and token not in noise
    ]


# Names repeat the same few thousand words; each is folded once per process.
@functools.lru_cache(maxsize=65536)
def skeleton(token):
    """The consonant skeleton of one folded word; the word itself when nothing is left."""
    folded = _SILENT_R.sub("", token)
    for pattern, replacement in _FOLDS:
        folded = pattern.sub(replacement, folded)
    return folded or token


def latin_key(*parts, noise=frozenset()):
    """One key for a Latin name in any order, romanisation and case; '' for none."""
    tokens = [token for part in parts for token in latin_tokens(part, noise=noise)]
    if not tokens:
        return ""
    # Hyphenated or spaced given names ("Kuo-yu", "Kuo Yu", "Kuoyu") join into one word.
    return " ".join(sorted(skeleton(token) for token in _joined(tokens)))


def _joined(tokens):
    """Tokens with the given-name syllables glued: ['han', 'kuo', 'yu'] -> ['han', 'kuoyu']."""
    if len(tokens) <= 2:
        return tokens
    # Which word is the family name is unknown here; the longest join that leaves one word
    # apart is right for both orders of a three-syllable East Asian name.
    return [tokens[0], "".join(tokens[1:])]


def cjk_form(text, *, noise=None):
    """A name written in Han, kana or hangul without spaces or dots; '' for a Latin name."""
    text = unicodedata.normalize("NFKC", text or "")
    if not has_cjk(text):
        return ""
    compact = re.sub(r"[\s·・･.,，、\-‐]+", "", text)
    if noise is not None:
        compact = noise.sub("", compact)
    return compact


# The tier of government a name's kind-word says: 熊本市 (Kumamoto City) and 熊本県 (Kumamoto
# Prefecture) share a name and are two bodies. "Metropolitan", "state" and 都 say too little.
_TIER_WORDS = {
    "city": "city",
    "municipal": "city",
    "si": "city",
    "shi": "city",
    "prefecture": "region",
    "prefectural": "region",
    "county": "region",
    "province": "region",
    "provincial": "region",
    "ken": "region",
    "fu": "region",
    "do": "region",
    "gun": "region",
    "district": "district",
    "ward": "district",
    "gu": "district",
}
_CJK_OFFICE = re.compile(r"(?<=.)(政府|役所|廳|庁|청)$")
_TIER_CHARS = {
    **dict.fromkeys("市시", "city"),
    **dict.fromkeys("縣県府郡省도군", "region"),
    **dict.fromkeys("區区구", "district"),
}


def organisation_tiers(names):
    """The tiers of government ("city", "region", "district") an organisation's names say."""
    tiers = set()
    for name in names:
        form = cjk_form(name)
        if form:
            tier = _TIER_CHARS.get(_CJK_OFFICE.sub("", form)[-1:])
            if tier and len(form) > 1:
                tiers.add(tier)
        for token in latin_tokens(name):
            if token in _TIER_WORDS:
                tiers.add(_TIER_WORDS[token])
    return frozenset(tiers)


def normalise_email(email):
    return (email or "").strip().casefold()


def normalise_phone(phone):
    """Digits only, so '+886 7 123 4567' and '+88671234567' meet."""
    return re.sub(r"\D", "", str(phone or ""))


def person_keys(person):
    """(reason, key) pairs under which a person may meet a duplicate.

    `person` is anything with a person's name attributes (a model instance or a row).
    """
    keys = []
    email = normalise_email(person.email)
    if email:
        keys.append(("email", email))
    phone = normalise_phone(person.phone)
    if len(phone) >= 6:
        keys.append(("phone", phone))
    # One pool for native and official Chinese names: 酈英傑 typed as one person's native
    # name and as another's Chinese name is the same man.
    for form in {cjk_form(person.native_name), cjk_form(person.chinese_name)} - {""}:
        keys.append(("cjk_name", form))
    latin = latin_key(person.family_name, person.given_name)
    if latin:
        keys.append(("romanisation", latin))
    # A native name typed in Latin letters ("Yeom Tae-young") meets the parts of another.
    native_latin = latin_key(person.native_name)
    if native_latin and native_latin != latin:
        keys.append(("romanisation", native_latin))
    return keys


def organisation_keys(names):
    """(reason, key) pairs of an organisation from all its names (each language, native)."""
    keys = set()
    for name in names:
        form = cjk_form(name, noise=_CJK_NOISE)
        if form:
            keys.add(("cjk_name", form))
        latin = latin_key(name, noise=ORGANISATION_NOISE)
        if latin:
            keys.add(("romanisation", latin))
    return sorted(keys)
