"""The head of a Zola page: its template (front-matter `template`, else `page.html`; a
section's `section.html`, the home section's `index.html`) rendered symbolically with the
blocks it fills in the templates it extends, in the site's `templates/` then its theme's.

Zola gives templates `page` on a page and `section` on a section (the other is
undefined), `config` everywhere, and `get_section(path=...)`, which the head reads here
from that section's own front matter (getzola.org "Templates", "Overview").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from seolint.site.configs import front_matter_of, string_list
from seolint.site.head import UNKNOWN_HEAD, HeadReading, read_head
from seolint.site.head_render import Builtin, Memo, Renderer, RenderError, Template
from seolint.site.reads import read_site_head
from seolint.site.template_files import TemplateFiles
from seolint.site.template_values import (
    DESCRIPTION,
    TITLE,
    UNKNOWN,
    Record,
    Scope,
    front_matter_record,
)


class ZolaHead:
    """Renders the heads of one Zola site's pages; templates and sections are read once."""

    def __init__(self, root: Path, config: Mapping[str, Any]) -> None:
        themes = string_list(config.get("theme"))
        folders = [root / "templates", *(root / "themes" / t / "templates" for t in themes)]
        self.files = TemplateFiles(root, folders, "tera")
        self.content = root / "content"
        self.config = config
        self._sections: dict[str, Record | None] = {}
        self._memo: Memo[HeadReading] = Memo()

    def reading(self, template: str, variables: Mapping[str, Any]) -> HeadReading:
        found = self.files.find(template)
        if found is None:
            return UNKNOWN_HEAD
        builtins: dict[str, Builtin] = {"get_section": self._get_section, "throw": _nothing}
        given = {"config": front_matter_record(self.config), **variables}
        try:
            return self._memo.get(
                found.shown,
                given,
                None,
                lambda reads: read_head(
                    Renderer("tera", self._load, builtins).render(found, given, None, reads)
                ),
            )
        except RenderError:
            return UNKNOWN_HEAD

    def section(self, relative: str) -> Record | None:
        """The `section` variable of the section at `relative` ("inside-rust/_index.md")."""
        if relative not in self._sections:
            self._sections[relative] = self._read_section(relative)
        return self._sections[relative]

    def _read_section(self, relative: str) -> Record | None:
        path = self.content / relative
        head = read_site_head(path, 65536)
        if head is None:
            return None
        front_matter = front_matter_of(head, after_blank_lines=True)  # as Zola finds it (Zola adapter)
        section = front_matter_record(front_matter)
        section.missing = UNKNOWN  # what Zola computes (pages, subsections, permalink) is not read
        section.update(path="/" + str(Path(relative).parent).strip(".").strip("/"), relative_path=relative)
        for key in ("title", "description"):
            section.setdefault(key, None)
        section.setdefault("extra", front_matter_record({}))
        return section

    def _get_section(self, args: Sequence[Any], kwargs: Mapping[str, Any], scope: Scope) -> Any:
        path = kwargs.get("path", args[0] if args else None)
        if not isinstance(path, str):
            return UNKNOWN
        return self.section(path) or UNKNOWN

    def _load(self, kind: str, name: str) -> Template | None:
        return self.files.find(name)


def page_variables(
    front_matter: Mapping[str, Any],
    is_section: bool,
    ancestors: list[str],
    components: list[str],
    with_description: bool,
    own_section: Record | None,
) -> dict[str, Any]:
    """`page` (or `section`, on a section) as the head templates see it: the writer's title
    and description as markers, the rest from front matter or unknown."""
    record = front_matter_record(front_matter)
    record.missing = UNKNOWN
    record.update(
        title=TITLE if isinstance(front_matter.get("title"), str) and front_matter["title"].strip() else None,
        description=DESCRIPTION if with_description else None,
        summary=UNKNOWN,
        ancestors=ancestors,
        components=components,
    )
    record.setdefault("extra", front_matter_record({}))
    if is_section:
        if own_section is not None:
            record.update(path=own_section.get("path"))
        return {"section": record, "page": None}
    return {"page": record, "section": None}


def _nothing(args: Sequence[Any], kwargs: Mapping[str, Any], scope: Scope) -> str:
    return ""
