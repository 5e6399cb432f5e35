"""Recall of the site rules on defects injected into a real site.

    python benchmarks/inject_site_defects.py [hugo-fluxcd hugo-glossary jekyll-docs zola-rust-blog]

Copies a site from ../shared/sites to a temporary folder, lints it once as it is, then
injects, in that generator's own link syntax:
- 20 links to pages that do not exist (Hugo `ref`/`relref`, Jekyll `{% link %}`/
  `{% post_url %}`, Zola `@/`),
- 5 links to ids that do not exist on existing pages,
- 5 titles copied from other pages,
- 5 images that do not exist,
- 5 links into another language where that page has no translation (multilingual sites),
- 3 links written against a mounted folder instead of the URL it publishes to (Hugo mounts),
- 3 pages made drafts (`draft: true`, Jekyll `published: false`), each linked from a host,
lints it again and reports recall (an injected defect counts as found when its rule
reports it on its file and line) and the findings that appeared or went away elsewhere
(a W009 naming a page made a draft is expected wherever that page was linked).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from seolint.findings.records import FileResult, Finding
from seolint.lint.runner import run
from seolint.lint.settings import Overrides, Settings

SHARED = Path(__file__).resolve().parents[2] / "shared" / "sites"
SITES = ("hugo-fluxcd", "hugo-glossary", "jekyll-docs", "zola-rust-blog")
_TITLE = re.compile(r"^(title\s*[:=]\s*)(.*)$", re.MULTILINE)


@dataclass(frozen=True)
class Injected:
    path: str  # as the run names it
    line: int
    code: str
    what: str


def lint(folder: Path) -> list[FileResult]:
    os.chdir(folder)
    settings = Settings(Overrides(select=("W",)), use_cache=False)
    return list(run(["."], settings, jobs=2).files)


def missing_link(generator: str, index: int, site_root: str) -> str:
    if generator == "hugo":
        shortcode = "ref" if index % 2 else "relref"
        return f'[gone {index}]({{{{< {shortcode} "/no-such-post-{index}.md" >}}}})'
    if generator == "jekyll":
        if index % 2:
            return f"[gone {index}]({{% link _docs/no-such-page-{index}.md %}})"
        return f"[gone {index}]({{% post_url 2001-01-01-no-such-post-{index} %}})"
    return f"[gone {index}](@/no-such-post-{index}.md)"


def anchor_link(generator: str, index: int, target: FileResult, site_root: Path) -> str:
    assert target.facts is not None
    root = content_root(site_root, generator)
    if generator == "hugo" and Path(target.path).resolve().is_relative_to(root):
        relative = Path(target.path).resolve().relative_to(root).as_posix()
        return f'[no id {index}]({{{{< ref "/{relative}#no-such-id-{index}" >}}}})'
    if generator == "zola":
        relative = Path(target.path).resolve().relative_to(site_root / "content").as_posix()
        return f"[no id {index}](@/{relative}#no-such-id-{index})"
    return f"[no id {index}]({target.facts.urls[0]}#no-such-id-{index})"


def content_root(site_root: Path, generator: str) -> Path:
    if generator == "hugo" and (site_root / "content" / "en").is_dir():
        return site_root / "content" / "en"  # the Flux site mounts content/en as content
    return site_root / "content"


def append(path: Path, line_text: str) -> int:
    """Append a paragraph; the line number it lands on."""
    text = path.read_text(encoding="utf-8")
    text = text if text.endswith("\n") else text + "\n"
    line = text.count("\n") + 2
    path.write_text(text + "\n" + line_text + "\n", encoding="utf-8")
    return line


def inject(generator: str, site_root: Path, results: list[FileResult]) -> list[Injected]:
    posts = [
        r
        for r in results
        if r.facts is not None
        and r.facts.kind in ("post", "docs", "reference")
        and r.facts.urls
        and r.facts.title is not None
        and Path(r.path).suffix in (".md", ".markdown")
        and _TITLE.search(Path(r.path).read_text(encoding="utf-8")[:2000])
    ]
    posts.sort(key=lambda r: r.path)
    hosts, anchors, titled = posts[:10], posts[10:15], posts[15:25]
    injected: list[Injected] = []
    for index in range(20):
        host = hosts[index % len(hosts)]
        line = append(Path(host.path), missing_link(generator, index, str(site_root)))
        injected.append(Injected(host.path, line, "W001", f"missing page {index}"))
    for index, target in enumerate(anchors):
        host = hosts[index]
        line = append(Path(host.path), anchor_link(generator, index, target, site_root))
        injected.append(Injected(host.path, line, "W002", f"missing id {index} on {target.path}"))
    for index in range(5):
        copier, source = titled[index], titled[index + 5]
        assert source.facts is not None and source.facts.title is not None
        path = Path(copier.path)
        text = path.read_text(encoding="utf-8")
        match = _TITLE.search(text)
        assert match is not None
        quoted = '"' + source.facts.title.text.replace("\\", "\\\\").replace('"', '\\"') + '"'
        path.write_text(text[: match.start(2)] + quoted + text[match.end(2) :], encoding="utf-8")
        line = text[: match.start()].count("\n") + 1
        injected.append(Injected(copier.path, line, "W004", f"title of {source.path}"))
    for index in range(5):
        host = hosts[index + 5]
        line = append(Path(host.path), f"![missing {index}](no-such-image-{index}.png)")
        injected.append(Injected(host.path, line, "W003", f"missing image {index}"))
    injected += other_languages(site_root, results)
    injected += written_against_mounts(generator, site_root, hosts)
    injected += drafts(generator, [r for r in posts[25:] if r.facts and r.facts.urls], hosts)
    return injected


def other_languages(site_root: Path, results: list[FileResult]) -> list[Injected]:
    """Links from a translated page to `/<lang>/<term>/` where <term> has no translation."""
    by_language: dict[str, set[str]] = {}
    for r in results:
        if r.facts is not None and r.facts.language and r.facts.translation:
            by_language.setdefault(r.facts.language, set()).add(r.facts.translation)
    if len(by_language) < 2:
        return []
    default = max(by_language, key=lambda code: len(by_language[code]))
    found: list[Injected] = []
    hosts = sorted(
        (
            r
            for r in results
            if r.facts and r.facts.language not in (None, default) and r.facts.kind == "post"
        ),
        key=lambda r: r.path,
    )
    for host in hosts:
        language = host.facts.language if host.facts else None
        if language is None:
            continue
        missing = sorted(by_language[default] - by_language[language])
        if not missing:
            continue
        term = missing[len(found) % len(missing)].strip("/")
        line = append(Path(host.path), f"[untranslated](/{language}/{term}/)")
        found.append(Injected(host.path, line, "W001", f"/{language}/{term}/ has no translation"))
        if len(found) == 5:
            break
    return found


def written_against_mounts(generator: str, site_root: Path, hosts: list[FileResult]) -> list[Injected]:
    """`/en/flux/x/` where content/en is mounted at the root: the folder is not the URL."""
    if generator != "hugo" or not (site_root / "content" / "en").is_dir():
        return []
    found: list[Injected] = []
    for index, host in enumerate(hosts[:3]):
        assert host.facts is not None
        url = host.facts.urls[0]
        if url.startswith("/en/"):
            return []  # English is published under /en/: the folder is the URL here
        line = append(Path(host.path), f"[mount {index}](/en{url})")
        found.append(Injected(host.path, line, "W001", f"/en{url} names the mounted folder"))
    return found


def drafts(generator: str, candidates: list[FileResult], hosts: list[FileResult]) -> list[Injected]:
    """Three pages made unpublished, each linked from a host by its URL."""
    key = {"jekyll": "published: false", "zola": "draft = true"}.get(generator, "draft: true")
    found: list[Injected] = []
    for index, target in enumerate(candidates[:3]):
        assert target.facts is not None
        path = Path(target.path)
        text = path.read_text(encoding="utf-8")
        fence, _, rest = text.partition("\n")
        switch = (
            key
            if fence.strip() == "---"
            else key.replace(": ", " = ").replace("draft = true", "draft = true")
        )
        path.write_text(f"{fence}\n{switch}\n{rest}", encoding="utf-8")
        host = hosts[index]
        line = append(Path(host.path), f"[draft {index}]({target.facts.urls[0]})")
        found.append(Injected(host.path, line, "W009", f"draft {target.path}"))
    return found


def key(finding: Finding) -> tuple[str, str, int]:
    """A finding by place, so one whose message now names a third page is not "new"."""
    return (finding.path, finding.code, finding.span.line)


def measure(name: str) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        copy = Path(temporary) / name
        shutil.copytree(SHARED / name, copy)
        lint_root = copy / "docs" if name == "jekyll-docs" else copy
        before = lint(lint_root)
        generator = {"hugo-fluxcd": "hugo", "hugo-glossary": "hugo", "jekyll-docs": "jekyll"}.get(
            name, "zola"
        )
        injected = inject(generator, lint_root, before)
        after = lint(lint_root)
    found = [f for r in after for f in r.findings]
    hits = {(f.path, f.span.line, f.code) for f in found}
    recalled = [i for i in injected if (i.path, i.line, i.code) in hits]
    print(f"== {name}: recall {len(recalled)}/{len(injected)}")
    for code, total in sorted(Counter(i.code for i in injected).items()):
        got = sum(1 for i in recalled if i.code == code)
        print(f"  {code}: {got}/{total}")
    for miss in (i for i in injected if i not in recalled):
        print(f"  missed: {miss.code} {miss.path}:{miss.line} ({miss.what})")
    expected_lines = {(i.path, i.line, i.code) for i in injected}
    old = Counter(key(f) for r in before for f in r.findings)
    new = Counter(key(f) for f in found if (f.path, f.span.line, f.code) not in expected_lines)
    titles_from = {Path(i.what.removeprefix("title of ")).as_posix() for i in injected if i.code == "W004"}
    drafted = [i.what.removeprefix("draft ") for i in injected if i.code == "W009"]
    consequences = {key(f) for f in found if f.code == "W009" and any(d in f.message for d in drafted)}
    appeared = new - old
    for consequence in consequences:
        appeared.pop(consequence, None)
    partners = sum(n for (path, code, _), n in appeared.items() if code == "W004" and path in titles_from)
    print(
        f"  new findings elsewhere: {sum(appeared.values())}"
        f" ({partners} are the other page of a copied title)"
    )
    for (path, code, line), count in sorted(appeared.items()):
        if not (code == "W004" and path in titles_from):
            print(f"    + {code} {path}:{line} x{count}")
    gone = old - Counter(key(f) for f in found)
    print(
        f"  findings gone: {sum(gone.values())} " + str(dict(Counter(code for _, code, _ in gone.elements())))
    )


def main(names: list[str]) -> None:
    for name in names or SITES:
        measure(name)


if __name__ == "__main__":
    main(sys.argv[1:])
