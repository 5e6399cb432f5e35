"""The head of a Jekyll page: its layout chain rendered symbolically, includes and
jekyll-seo-tag's `{% seo %}` followed (jekyllrb.com "Layouts", "Includes"; the tag's
rules are in seolint.site.theme_heads).

Jekyll gives every document (a post, a collection item) a title from its file name when
its front matter has none (`Utils.titleize_slug`: "rendering-process" -> "Rendering
Process"), and an excerpt (its first paragraph, up to `excerpt_separator`); a plain page
has an excerpt only with `page_excerpts: true`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from seolint.site.configs import front_matter_of, text_value
from seolint.site.head import UNKNOWN_HEAD, HeadReading, read_head
from seolint.site.head_render import Memo, Renderer, RenderError, Template
from seolint.site.reads import read_site_head
from seolint.site.template_files import TemplateFiles
from seolint.site.template_values import (
    DESCRIPTION,
    SUMMARY,
    TITLE,
    UNKNOWN,
    Record,
    front_matter_record,
)
from seolint.site.theme_heads import seo_tag

MAX_LAYOUT_CHAIN = 8


class JekyllHead:
    """Renders the heads of one Jekyll site's pages; layouts and includes are read once."""

    def __init__(self, source: Path, config: Mapping[str, Any]) -> None:
        self.config = config
        self._memo: Memo[HeadReading] = Memo()
        self._roots: dict[tuple[str, ...], tuple[Template, dict[str, Any]] | None] = {}
        self.layouts = source / (text_value(config, "layouts_dir") or "_layouts")
        self.files = TemplateFiles(source, [self.layouts], "liquid")
        self.includes = TemplateFiles(
            source, [source / (text_value(config, "includes_dir") or "_includes")], "liquid"
        )

    def reading(self, layout_names: list[str], page: Record) -> HeadReading:
        """What the layout chain starting at the first of `layout_names` writes in the head."""
        root = self._root_layout(layout_names)
        if root is None:
            return UNKNOWN_HEAD
        template, layout = root
        renderer = Renderer("liquid", self._load, {"seo": seo_tag, "feed_meta": lambda *_: ""})
        variables = {
            "page": page,
            "site": front_matter_record(self.config),
            "layout": front_matter_record(layout),
            "content": UNKNOWN,
            "paginator": None,
        }
        try:
            return self._memo.get(
                template.shown,
                variables,
                None,
                lambda reads: read_head(renderer.render(template, variables, None, reads)),
            )
        except RenderError:
            return UNKNOWN_HEAD

    def _root_layout(self, names: list[str]) -> tuple[Template, dict[str, Any]] | None:
        """The outermost layout of the first chain that exists (the one that writes <head>)."""
        key = tuple(names)
        if key not in self._roots:
            self._roots[key] = self._find_root_layout(names)
        return self._roots[key]

    def _find_root_layout(self, names: list[str]) -> tuple[Template, dict[str, Any]] | None:
        for name in names:
            found: tuple[Template, dict[str, Any]] | None = None
            current: str | None = name
            seen: set[str] = set()
            while current and current not in seen and len(seen) < MAX_LAYOUT_CHAIN:
                seen.add(current)
                template = self.files.read(self.layouts / f"{current}.html")
                if template is None:
                    break
                front_matter = _layout_front_matter(self.layouts / f"{current}.html")
                found = (template, front_matter)
                current = text_value(front_matter, "layout")
            if found is not None:
                return found
        return None

    def _load(self, kind: str, name: str) -> Template | None:
        return self.includes.find(name) if kind == "include" else None


def page_context(
    front_matter: Mapping[str, Any],
    own_title: str | None,
    document: bool,
    url: str,
    with_description: bool,
    excerpts: bool,
) -> Record:
    """The `page` variable of a page or document, its title, description and excerpt as markers."""
    page = front_matter_record(front_matter)
    page.update(
        title=TITLE if own_title else None,
        description=DESCRIPTION if with_description else None,
        excerpt=SUMMARY if excerpts else None,
        url=url,
        content=UNKNOWN,
    )
    return page


def titleized(slug: str) -> str:
    """Jekyll's title for a document without one: "rendering-process" -> "Rendering Process"."""
    return " ".join(word.capitalize() for word in slug.split("-") if word)


def _layout_front_matter(path: Path) -> dict[str, Any]:
    head = read_site_head(path, 8192)
    return front_matter_of(head) if head is not None else {}
