"""The head of a Hugo page: the site's own layouts rendered symbolically, or Docsy's rules
when Docsy is a Hugo module (its templates are then not in the repository).

Template lookup (gohugo.io "Template lookup order", and the 0.146 layout of
`layouts/page.html`, `_partials/`): the page template is the first of
`<type>/`, `<section>/`, `_default/` and top-level `single.html`/`page.html` (sections:
`section.html`/`list.html`; home: `index.html`/`home.html`/`list.html`), in the site's
`layouts/` before each theme's. A page template that `define`s blocks fills in the first
`baseof.html` of the same folders. Partials are `partials/` or `_partials/`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from seolint.site.configs import string_list
from seolint.site.head import UNKNOWN_HEAD, HeadReading, read_head
from seolint.site.head_render import Builtin, Memo, Origin, Rendered, Renderer, RenderError, Template
from seolint.site.reads import read_site_text
from seolint.site.template_files import TemplateFiles
from seolint.site.template_tree import Define
from seolint.site.template_values import (
    DESCRIPTION,
    SUMMARY,
    TITLE,
    UNKNOWN,
    Record,
    Scope,
    front_matter_record,
)
from seolint.site.theme_heads import docsy_head

HugoKind = Literal["home", "section", "page"]
_DOCSY = re.compile(r"github\.com/google/docsy\s+v(\d+)\.(\d+)")


class HugoHead:
    """Renders the heads of one Hugo site's pages; templates are read once."""

    def __init__(self, root: Path, config: Mapping[str, Any]) -> None:
        themes = string_list(config.get("theme"))
        self.files = TemplateFiles(
            root, [root / "layouts", *(root / "themes" / t / "layouts" for t in themes)], "go"
        )
        self._memo: Memo[HeadReading] = Memo()
        self.docsy = _uses_docsy(config, themes)
        self.docsy_version = _docsy_version(root) if self.docsy else None
        self.docsy_label = "Docsy head.html (theme module" + (
            f" v{self.docsy_version[0]}.{self.docsy_version[1]})"
            if self.docsy_version
            else ", version unknown)"
        )

    def reading(self, page: Record, kind: HugoKind, folders: Sequence[str]) -> HeadReading:
        """What the templates write in the head of `page` (a Hugo page context)."""
        renderer = Renderer("go", self._load, self._builtins(), self.docsy_label)
        page_template = self.files.find(*_page_templates(kind, folders))
        entry = page_template
        if page_template is None or any(isinstance(node, Define) for node in page_template.nodes):
            # it fills in a baseof.html: the site's, else (None) one of a theme module
            entry = self.files.find(
                *(f"{folder}/baseof.html" for folder in (*folders, "_default")), "baseof.html"
            )
            if entry is not None and page_template is not None:
                renderer.with_defines(page_template)
        try:
            if entry is not None:
                language = page["site"]["language"]["lang"]  # read untraced: it is part of the key
                key = (entry.shown, page_template.shown if page_template else "", kind, language)
                chosen = entry
                return self._memo.get(
                    key, {}, page, lambda reads: read_head(renderer.render(chosen, {}, page, reads))
                )
            if self.docsy:
                written = docsy_head(self.docsy_version)([page], {}, Scope({}, page))
                return read_head(Rendered(written, (Origin(0, self.docsy_label, 0, False),)))
        except RenderError:
            pass
        return UNKNOWN_HEAD

    def _load(self, kind: str, name: str) -> Template | None:
        if kind != "partial":
            return None
        name = name if "." in name.rsplit("/", 1)[-1] else name + ".html"
        return self.files.find(f"partials/{name}", f"_partials/{name}")

    def _builtins(self) -> dict[str, Builtin]:
        # seolint judges what the production build publishes
        production: dict[str, Builtin] = {
            "hugo.IsProduction": lambda *_: True,
            "hugo.Environment": lambda *_: "production",
        }
        return (
            {**production, "partial:head.html": docsy_head(self.docsy_version)} if self.docsy else production
        )


def page_context(
    front_matter: Mapping[str, Any],
    kind: HugoKind,
    folder: str,
    site_title: str,
    site_params: Mapping[str, Any],
    language: str,
    with_description: bool,
) -> Record:
    """A Hugo page context (`.`) for the head templates: the page's own title, description
    and summary as markers, what Hugo computes for the rest as far as the head needs it."""
    params = front_matter_record({k.lower(): v for k, v in front_matter.items()})
    title: Any = TITLE if _text(params.get("title")) else ""
    if not title and kind == "home":
        title = site_title
    elif not title and kind == "section" and folder:
        title = folder.replace("-", " ").title() + ("" if folder.endswith("s") else "s")
    description = DESCRIPTION if with_description else ""
    params.update(title=title, description=description)
    site = Record(
        {
            "title": site_title,
            "params": front_matter_record(site_params),
            "language": Record({"lang": language, "languagecode": language}),
        }
    )
    page = Record(
        {
            "title": title,
            "linktitle": title,
            "description": description,
            "summary": SUMMARY,
            "content": SUMMARY,
            "plain": SUMMARY,
            "ishome": kind == "home",
            "ispage": kind == "page",
            "issection": kind == "section",
            "isnode": kind != "page",
            "kind": kind,
            "params": params,
            "site": site,
            "type": _text(params.get("type")) or folder or "page",
            "section": folder,
            "draft": bool(params.get("draft")),
            "outputformats": UNKNOWN,
        }
    )
    page["page"] = page
    return page


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _page_templates(kind: HugoKind, folders: Sequence[str]) -> list[str]:
    if kind == "home":
        return ["index.html", "home.html", "_default/home.html", "_default/list.html", "list.html"]
    names = ("single.html", "page.html") if kind == "page" else ("section.html", "list.html")
    return [f"{folder}/{name}" for folder in (*folders, "_default") for name in names] + list(names)


def _uses_docsy(config: Mapping[str, Any], themes: Sequence[str]) -> bool:
    imports = config.get("module", {}).get("imports", []) if isinstance(config.get("module"), dict) else []
    paths = [str(i.get("path", "")) for i in imports if isinstance(i, dict) and not i.get("disable")]
    return any("google/docsy" in p and not p.endswith("/dependencies") for p in paths) or "docsy" in themes


def _docsy_version(root: Path) -> tuple[int, int] | None:
    text = read_site_text(root / "go.mod")
    if text is None:
        return None
    found = _DOCSY.search(text)
    return (int(found.group(1)), int(found.group(2))) if found else None
