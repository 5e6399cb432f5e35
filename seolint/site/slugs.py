"""The slug and path-cleaning functions of each generator, as their sources define them.

- Hugo `PathSpec.UnicodeSanitize` + `MakePath` (helpers/path.go): keep letters, digits,
  marks and `./\\_#+~-@` (and `%XX`), turn runs of spaces into one `-`, drop the rest;
  then lowercase unless `disablePathToLower`.
- Jekyll `Utils.slugify` (lib/jekyll/utils.rb): modes raw/default/pretty/ascii/latin
  replace runs of disallowed characters by `-`, trim `-`, downcase unless `cased`.
- Zola `slugify_paths` (components/utils/src/slugs.rs): "on" is the `slug` crate
  (transliterate to ASCII, lowercase, non-alphanumerics to `-`); "safe" drops the
  characters Windows and Unix forbid in file names and turns whitespace into `-`;
  "off" keeps the text. Transliteration here is Unicode decomposition (é -> e); scripts
  with no decomposition (CJK) are dropped where the `deunicode` crate would romanise them.
"""

from __future__ import annotations

import re
import unicodedata

_HUGO_KEEP = frozenset("./\\_#+~-@")
_JEKYLL_MODES = {
    "raw": re.compile(r"\s+"),
    "default": re.compile(r"[\W_]+"),
    "pretty": re.compile(r"[^\w._~!$&'()+,;=@]+"),
    "ascii": re.compile(r"[^a-zA-Z0-9]+"),
}
_ZOLA_UNSAFE = re.compile(r"[<>:/|?*#\"\\]")
_HEX = frozenset("0123456789abcdefABCDEF")


def hugo_path(text: str, lowercase: bool = True) -> str:
    """Hugo's sanitised path segment(s)."""
    out: list[str] = []
    pending_hyphen = was_hyphen = False
    for index, char in enumerate(text):
        allowed = char in _HUGO_KEEP or char.isalnum() or unicodedata.category(char).startswith("M")
        if char == "%" and set(text[index + 1 : index + 3]) <= _HEX and len(text) > index + 2:
            allowed = True
        if allowed:
            was_hyphen = char == "-"
            if pending_hyphen and not was_hyphen:
                out.append("-")
            pending_hyphen = False
            out.append(char)
        elif out and not was_hyphen and char.isspace():
            pending_hyphen = True
    result = "".join(out)
    return result.lower() if lowercase else result


def jekyll_slugify(text: str, mode: str = "default", cased: bool = False) -> str:
    """Jekyll's `slugify` filter."""
    if mode == "none":
        return text
    if mode == "latin":
        text, mode = to_ascii(text), "default"
    pattern = _JEKYLL_MODES.get(mode, _JEKYLL_MODES["default"])
    slug = pattern.sub("-", text).strip("-")
    return slug if cased else slug.lower()


def zola_slugify(text: str, strategy: str = "on") -> str:
    """Zola's path slug under the `[slugify] paths` strategy."""
    if strategy == "off":
        return text
    if strategy == "safe":
        return re.sub(r"\s+", "-", _ZOLA_UNSAFE.sub("", text.rstrip(" .")))
    return re.sub(r"[^a-z0-9]+", "-", to_ascii(text).lower()).strip("-")


def to_ascii(text: str) -> str:
    """Accents removed by decomposition; characters with no ASCII form dropped."""
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii")
