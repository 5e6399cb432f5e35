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

Heading ids (the `#fragment` a heading answers to), per each generator's renderer:
- Hugo/Goldmark `sanitizeAnchorNameWithHook` (markup/goldmark/autoid.go), under
  `markup.goldmark.parser.autoHeadingIDType`: "github" keeps letters, digits and `_`
  (lowercased), turns each `-` or space into `-` and drops the rest; "github-ascii" also
  drops non-ASCII after removing accents; "blackfriday" keeps letters and digits and
  joins the words between them with one `-`. An empty id is "heading"; a repeated one
  gets `-1`, `-2`, ...
- Jekyll: kramdown with `input: GFM` (Jekyll's default), `generate_gfm_header_id` in
  kramdown-parser-gfm: lowercase, drop what is not a word character, `-`, space or tab,
  each space or tab becomes `-`; repeats get `-1`, `-2`. With `input: kramdown`,
  `basic_generate_id`: leading non-letters dropped, only ASCII letters, digits, spaces
  and `-` kept, spaces to `-`, lowercase; empty is "section". `auto_id_prefix` prefixes.
- Zola `[slugify] anchors` ("on" by default) runs the path slug on the heading text;
  repeats get `-1`, `-2` (`find_anchor` in components/markdown).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Any

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


def goldmark_heading_id(text: str, id_type: str = "github") -> str:
    """Hugo's automatic heading id before de-duplication."""
    if id_type == "blackfriday":
        return "-".join(re.findall(r"[^\W_]+", text)).lower()
    if id_type == "github-ascii":
        text = to_ascii(text)
    out = []
    for char in text:
        if char == "-" or char.isspace():
            out.append("-")
        elif char == "_" or char.isalnum():
            out.append(char.lower())
    return "".join(out) or "heading"


def kramdown_gfm_heading_id(text: str) -> str:
    """Jekyll's automatic heading id with kramdown's GFM parser (Jekyll's default)."""
    return re.sub(r"[ \t]", "-", re.sub(r"[^\w\- \t]", "", text.lower()))


def kramdown_heading_id(text: str) -> str:
    """Jekyll's automatic heading id with kramdown's own parser (`input: kramdown`)."""
    kept = re.sub(r"[^a-zA-Z0-9 -]", "", re.sub(r"^[^a-zA-Z]+", "", text))
    return kept.replace(" ", "-").lower() or "section"


def github_heading_id(text: str) -> str:
    """GitHub's (and github-slugger's, Docusaurus's) heading id."""
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


def heading_ids(generator: str, config: Mapping[str, Any], texts: Iterable[str]) -> list[str]:
    """The automatic ids a generator gives headings with these texts, in order, repeats
    numbered as it numbers them; empty when it gives none (`autoHeadingID = false`)."""
    slug, prefix = _heading_slugger(generator, config)
    if slug is None:
        return []
    seen: dict[str, int] = {}
    ids: list[str] = []
    for text in texts:
        base = slug(text)
        count = seen.get(base, 0)
        candidate = base if count == 0 else f"{base}-{count}"
        while count and candidate in seen:  # Goldmark and Zola skip ids already taken
            count += 1
            candidate = f"{base}-{count}"
        seen[base] = count + 1
        seen.setdefault(candidate, 1)
        ids.append(prefix + candidate)
    return ids


def _heading_slugger(generator: str, config: Mapping[str, Any]) -> tuple[Callable[[str], str] | None, str]:
    def setting(*keys: str) -> Any:
        value: Any = config
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        return value

    if generator == "hugo":
        parser = setting("markup", "goldmark", "parser") or {}
        if isinstance(parser, dict) and parser.get("autoHeadingID") is False:
            return None, ""
        id_type = str(parser.get("autoHeadingIDType", "github")) if isinstance(parser, dict) else "github"
        return (lambda text: goldmark_heading_id(text, id_type)), ""
    if generator == "jekyll":
        kramdown = setting("kramdown") or {}
        kramdown = kramdown if isinstance(kramdown, dict) else {}
        if kramdown.get("auto_ids") is False:
            return None, ""
        prefix = str(kramdown.get("auto_id_prefix") or "")
        gfm = str(kramdown.get("input", "GFM")).lower() == "gfm"
        return (kramdown_gfm_heading_id if gfm else kramdown_heading_id), prefix
    if generator == "zola":
        strategy = str(setting("slugify", "anchors") or "on")
        return (lambda text: zola_slugify(text, strategy)), ""
    return github_heading_id, ""
