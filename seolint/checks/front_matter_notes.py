"""Draft leftovers in front matter (part of S005): keys a writing tool or agent adds to
record its run or its brief (`ai_model = "..."`, `prompt_id: ...`, `generated_by: ...`,
`subject_line: ...`), and values still to be written (`description = "TODO: ..."`,
`author = "[Author name]"`). The generator's own keys (`title`, `draft`, `tags`) and the
SEO keys a site reads (the keyphrase) are the site's.
"""

from __future__ import annotations

import re

from seolint.discover.records import NamedTuple
from seolint.document.model import Document

# `key: value` (YAML) or `key = value` (TOML) at the start of a front-matter line.
_FIELD = re.compile(r"^(?P<key>[A-Za-z][\w-]*)\s*[:=]\s*(?P<value>.*?)\s*$")
# A tool's record of its run, or a brief's field for the writer or the mailer.
_TOOL_KEY = re.compile(  # anchored: a whole key, and linear however it is searched
    r"\A(?:(?:ai|agent|llm|gpt|prompt|generation|generator)(?:[_-]\w+)?|\w+[_-](?:prompt|model|agent)(?:[_-]id)?"
    r"|generated[_-]by|(?:review|draft)[_-]status|subject[_-]line|preview[_-]text|(?:target|seo)[_-]keyword)\Z",
    re.IGNORECASE,
)
# A value still to write: a marker first, or a bracketed name alone in quotes (unquoted, a
# bracket is a YAML list).
_UNWRITTEN = re.compile(r"""["']?(?:TODO|TBD|FIXME)\b|["']\[[^\[\]"']{2,60}\]["']$""")


class FrontMatterNote(NamedTuple):
    line: int
    key: str
    unwritten: bool  # a value to write, not a tool's key


def front_matter_notes(doc: Document) -> list[FrontMatterNote]:
    """The leftover lines of the front matter, in order."""
    span = doc.front_matter_span
    if span is None:
        return []
    keyphrase = doc.keyphrase.span.line if doc.keyphrase is not None else None
    found = []
    for line in range(span.line, span.end_line + 1):
        field = _FIELD.match(doc.lines[line - 1])
        if field is None or line == keyphrase:
            continue
        key = field.group("key")
        if _TOOL_KEY.fullmatch(key):
            found.append(FrontMatterNote(line, key, False))
        elif _UNWRITTEN.match(field.group("value")):
            found.append(FrontMatterNote(line, key, True))
    return found
