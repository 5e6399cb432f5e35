"""The site model of a one-file run, answered from the stored tables (seolint.sitewide.tables).

When every page but the given ones is as it was when the tables were written, and the
given pages still publish to the same URLs in the same language on the same terms, every
whole-site answer the site rules need (the pages at a URL, the sections the generator
writes, the names for a "did you mean", which pages may carry a finding about the whole
site) is the stored one, and the pages the given ones may meet (the pages at their links'
URLs, the pages whose links end in their names, the pages sharing their titles,
descriptions or keyphrases) are read row by row. `table_rows` writes what `from_tables`
reads; `seolint.lint.site_pass` decides when the tables may answer.
"""

from __future__ import annotations

import base64
import bisect
import dataclasses
import hashlib
import json
import os
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import cast

from seolint.cache.store import facts_from_json
from seolint.document.model import ARTICLE_KINDS
from seolint.findings.facts import Fact, FileFacts
from seolint.site import Site, url_key
from seolint.sitewide.model import SiteModel, SitePage, _page_name, names_of, reaching
from seolint.sitewide.near_names import NearNames
from seolint.sitewide.tables import FORMAT, SiteTables

DUPLICATE_FIELDS = ("title", "description", "keyphrase")
PAGE = "page:"  # a page's facts (as the facts index stores them), by its absolute path
STAT = "stat"  # every page's stamp in one packed array (`stat_row`), for `unmoved`
Shown = Callable[[Path], str]  # how reports name a page


def duplicate_key(field: str, language: str | None, text: str) -> str:
    """The row of the pages whose `field` reads `text` (as W004-W006 compare it)."""
    return "dup:" + json.dumps([field, language, " ".join(text.casefold().split())])


def memberships(page: SitePage, data: object) -> dict[str, object]:
    """The rows derived from one page's facts (`data`: as stored, with its link ends) and
    the page's entry in each: the pages by link end, by section (P007), by title,
    description or keyphrase (W004-W006). What `table_rows` groups and `update_pages`
    moves when a page changes."""
    where = str(page.path)
    found: dict[str, object] = {}
    for end in data.get("ends", ()) if isinstance(data, dict) else ():
        found["end:" + str(end)] = where
    facts = page.facts
    if facts is not None and facts.kind in ARTICLE_KINDS and facts.section is not None:
        found["sec:" + facts.section] = [where, facts.dated, facts.authored]
    if facts is not None and page.published:
        for field in DUPLICATE_FIELDS:
            value: Fact | None = getattr(facts, field)
            if value is not None:
                found[duplicate_key(field, facts.language, value.text)] = where
    return found


def table_rows(
    model: SiteModel, stored: Mapping[str, object], state: dict[str, object], anchors: Iterable[Path]
) -> dict[str, object]:
    """Every row of a site's tables but its pages' facts, from a model of all its pages;
    `stored` is each page's facts JSON with its link ends (`ends`), by absolute path."""
    pages = sorted(model.pages.values(), key=lambda page: page.path)
    urls: dict[str, list[list[object]]] = defaultdict(list)
    derived: dict[str, list[object]] = defaultdict(list)
    names: dict[str, list[str]] = defaultdict(list)
    for page in pages:
        where = str(page.path)
        for key in dict.fromkeys(url_key(u) for u in page.urls):
            urls["url:" + key].append([where, page.published])
        for key, entry in memberships(page, stored.get(where)).items():
            derived[key].append(entry)
        names[_page_name(page.path).lower()].append(where)
    by_language = model._primary_by_language
    meta = {
        **state,
        "format": FORMAT,
        "count": len(pages),
        "unpublished": dict(model.unpublished()),
        "anchors": sorted(str(path) for path in anchors),
    }
    return {
        "meta": meta,
        "generated": sorted(model._generated),
        "primary": model.primary_urls,
        "by_language": [[language, found] for language, found in by_language.items()],
        "names": names,
        **urls,
        **derived,
    }


def update_pages(
    tables: SiteTables,
    site: Site,
    state: object,
    stamps: Mapping[str, list[object]],
    pages: Mapping[Path, tuple[SitePage, object]],
) -> bool:
    """Bring the tables written for `state` up to date with pages that changed in place:
    `pages` are their models and facts JSON now, `stamps` the new stamps entries (theirs,
    and those of pages whose bytes are as stored but whose stamp moved). Each page's row,
    its entries in the rows derived from it and its stamp change; the rows about URLs,
    languages and terms stay, so a page must still publish to the same URLs, in the same
    language, on the same terms. False, and nothing written, when the tables hold another
    state or a page or one of its derived rows is not as the tables say: the next run that
    needs them builds the whole model and writes them again."""

    def change(read: Callable[[Iterable[str]], dict[str, object]]) -> dict[str, object | None] | None:
        now = read(["meta", "stamps", *(PAGE + str(path) for path in pages)])
        meta, stored = now.get("meta"), now.get("stamps")
        if not isinstance(meta, dict) or meta.get("format") != FORMAT or meta.get("state") != state:
            return None
        if not isinstance(stored, dict) or not stored.keys() >= stamps.keys():
            return None
        if all(stored[path] == entry for path, entry in stamps.items()):
            return {}  # as stored: a run on an unchanged page
        moves: list[tuple[dict[str, object], dict[str, object]]] = []
        for path, (page, data) in pages.items():
            before = _facts(now.get(PAGE + str(path)))
            if before is None:
                return None
            was = SitePage.of(site, path, page.shown, before)
            if (was.urls, was.withheld, was.language) != (page.urls, page.withheld, page.language):
                return None
            moves.append((memberships(was, now[PAGE + str(path)]), memberships(page, data)))
        touched = {
            key for old, new in moves for key in old.keys() | new.keys() if old.get(key) != new.get(key)
        }
        rows: dict[str, object | None] = dict(read(sorted(touched)))
        for old, new in moves:
            for key in sorted(old.keys() | new.keys()):
                if old.get(key) == new.get(key):
                    continue
                row = rows.get(key)
                entries = list(row) if isinstance(row, list) else []
                if key in old:
                    if old[key] not in entries:
                        return None  # the row does not hold the page: not the tables it wrote
                    entries.remove(old[key])
                if key in new:
                    entries.append(new[key])
                    entries.sort(key=_entry_path)
                rows[key] = entries or None
        rows["stamps"] = {**stored, **stamps}
        rows[STAT] = stat_row(rows["stamps"])  # type: ignore[arg-type]
        rows.update({PAGE + str(path): data for path, (_, data) in pages.items()})
        return rows

    return tables.edit(change)


def stat_row(stamps: Mapping[str, object]) -> dict[str, str]:
    """The `stat` row: what `unmoved` compares a run's `stat` of every page with, made
    from the `stamps` row (each page's key and stamp, by path): the sorted paths' digest,
    and each page's size, mtime, ctime, inode and device packed in that order (a stamp
    not trusted when taken packs as -1s, which no file's `stat` gives)."""
    packed = array("q")
    for path in sorted(stamps):
        entry = stamps[path]
        stamp = entry[2] if isinstance(entry, list) and len(entry) == 3 else None
        numbers: list[object] = stamp[1:] if isinstance(stamp, list) and len(stamp) == 6 else []
        trusted = numbers and all(type(n) is int and -(2**63) <= n < 2**63 for n in numbers)
        packed.extend(cast("list[int]", numbers) if trusted else _UNTRUSTED)
    return {"paths": _digest(sorted(stamps)), "stamps": base64.b64encode(packed.tobytes()).decode("ascii")}


def unmoved(row: object, content: list[str], given: Iterable[str]) -> bool | None:
    """Whether the `given` pages' stamps are as stored, when every other page of `content`
    (sorted) has its stored stamp: one `stat` each, compared with the `stat` row as one
    array. None when another page's stamp moved or was not trusted, a page came or went,
    or the row is not what `stat_row` writes: the caller compares stamp by stamp."""
    if not isinstance(row, dict) or row.get("paths") != _digest(content):
        return None
    try:
        stored = array("q", base64.b64decode(str(row.get("stamps")), validate=True))
    except (ValueError, TypeError):
        return None
    if len(stored) != len(_UNTRUSTED) * len(content):
        return None
    now = array("q")
    for text in content:
        try:
            info = os.stat(text)
        except OSError:
            return None
        now.extend((info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev))
    width, as_stored = len(_UNTRUSTED), True
    for text in given:
        at = bisect.bisect_left(content, text)
        if at == len(content) or content[at] != text:
            return None
        start, end = at * width, at * width + width
        if now[start:end] != stored[start:end] or stored[start] == -1:
            as_stored = False
        now[start:end] = stored[start:end]  # a given page may have changed: it is linted
    return as_stored if now == stored else None


_UNTRUSTED = (-1, -1, -1, -1, -1)


def _digest(paths: list[str]) -> str:
    return hashlib.sha256("\0".join(paths).encode("utf-8", "surrogateescape")).hexdigest()


def _entry_path(entry: object) -> Path:
    """The page a derived row's entry names (a path, or a list that starts with one)."""
    return Path(str(entry[0] if isinstance(entry, list) else entry))


class StoredPages(Mapping[Path, SitePage]):
    """Every page of the site by path: the given ones as linted now, the others decoded from
    their rows when asked for (iterating decodes them all: the rules do not)."""

    def __init__(
        self,
        site: Site,
        tables: SiteTables,
        paths: Iterable[str],
        given: Mapping[Path, SitePage],
        shown: Shown,
    ) -> None:
        self._site = site
        self._tables = tables
        self._paths = frozenset(paths)
        self._given = given
        self._shown = shown
        self._read: dict[Path, SitePage] = {}

    def load(self, paths: Iterable[Path], references: Callable[[str], bool] | None = None) -> None:
        """Read the rows of `paths` in one query (those not given nor read yet). With
        `references`, a page keeps only the references whose target passes it: the model
        resolves no other page's references but those, and no rule reads them."""
        wanted = [p for p in paths if p not in self._given and p not in self._read and str(p) in self._paths]
        rows = self._tables.get_many(PAGE + str(p) for p in wanted)
        for path in wanted:
            data = rows.get(PAGE + str(path))
            facts = _facts(data, True if references is None else references)
            self._read[path] = SitePage.of(self._site, path, self._shown(path), facts)

    def __getitem__(self, path: Path) -> SitePage:
        found = self._given.get(path) or self._read.get(path)
        if found is not None:
            return found
        if str(path) not in self._paths:
            raise KeyError(path)
        self.load([path])
        return self._read[path]

    def __contains__(self, path: object) -> bool:
        return path in self._given or str(path) in self._paths

    def __iter__(self) -> Iterator[Path]:
        return iter(sorted({*self._given, *(Path(p) for p in self._paths)}))

    def __len__(self) -> int:
        return len(self._paths | {str(p) for p in self._given})


class StoredUrls(Mapping[str, list[SitePage]]):
    """Pages by URL key from the `url:` rows: the published ones, or the others."""

    def __init__(self, tables: SiteTables, pages: StoredPages, published: bool) -> None:
        self._tables = tables
        self._pages = pages
        self._published = published
        self._found: dict[str, list[SitePage]] = {}

    def __getitem__(self, key: str) -> list[SitePage]:
        if key not in self._found:
            row = self._tables.get("url:" + key)
            paths = (
                [
                    Path(str(e[0]))
                    for e in row
                    if isinstance(e, list) and len(e) == 2 and e[1] is self._published
                ]
                if isinstance(row, list)
                else []
            )
            self._pages.load(paths)
            self._found[key] = [self._pages[path] for path in paths]
        if not self._found[key]:
            raise KeyError(key)
        return self._found[key]

    def __contains__(self, key: object) -> bool:
        try:
            self[str(key)]
        except KeyError:
            return False
        return True

    def __iter__(self) -> Iterator[str]:  # not asked on this path; correct if it is
        raise NotImplementedError("the stored model is asked by key")

    def __len__(self) -> int:
        raise NotImplementedError("the stored model is asked by key")


@dataclass
class StoredSiteModel(SiteModel):
    """A site model whose whole-site answers come from the tables."""

    tables: SiteTables | None = None
    stored_pages: StoredPages | None = None
    # Pages other than the given ones whose stamp moved but whose bytes are as stored:
    # their new stamps entries, for the tables' update after the run.
    restamped: dict[str, list[object]] = dataclasses.field(default_factory=dict)
    # Every given page's stamp is as stored and no other page's moved: the update after
    # the run would write nothing, so it is not tried (it reads the stamps row again).
    as_stored: bool = False

    @classmethod
    def from_tables(
        cls,
        site: Site,
        tables: SiteTables,
        meta: Mapping[str, object],
        paths: Iterable[str],
        given: Mapping[Path, SitePage],
        named: Iterable[Path],
        generated: tuple[str, ...],
        shown: Shown,
    ) -> StoredSiteModel:
        """The model of a run whose focus is `given`, every other page of `paths` as stored."""
        pages = StoredPages(site, tables, paths, given, shown)
        anchors = frozenset(Path(str(p)) for p in meta.get("anchors", ()) or ())  # type: ignore[attr-defined]
        model = cls(site, pages, frozenset(given), tables=tables, stored_pages=pages, anchors=anchors)
        model.named = frozenset(named) & model.focus
        model.build_time = site.build_time(generated)
        model._meta = dict(meta)
        names = names_of(site, given.values()) or frozenset()  # None: the caller builds the whole model
        linking = tables.get_many("end:" + name for name in sorted(names))
        sources = sorted(
            {Path(str(p)) for row in linking.values() if isinstance(row, list) for p in row} - given.keys()
        )
        may_lead_to_focus = reaching(site, given.values())
        pages.load(sources, may_lead_to_focus)
        model.resolutions = [
            model._resolve(page, reference)
            for page in sorted([*given.values(), *(pages[p] for p in sources)], key=lambda page: page.path)
            if page.facts is not None
            for reference in page.facts.references
            if page.path in model.focus or may_lead_to_focus(reference.target)
        ]
        return model

    _meta: dict[str, object] | None = None

    def peers(self, field: str) -> Iterable[SitePage]:
        assert self.stored_pages is not None and self.tables is not None
        keys = [
            duplicate_key(field, page.facts.language, value.text)
            for page in (self.pages[path] for path in self.focus)
            if page.facts is not None and (value := getattr(page.facts, field)) is not None
        ]
        rows = self.tables.get_many(keys)
        paths = {Path(str(p)) for row in rows.values() if isinstance(row, list) for p in row}
        paths.update(self.focus)
        self.stored_pages.load(paths)
        return [self.pages[path] for path in sorted(paths)]

    def section_habits(self, section: str, page: SitePage) -> tuple[int, int, int]:
        assert self.tables is not None
        row = self.tables.get("sec:" + section)
        others = (
            [e for e in row if isinstance(e, list) and len(e) == 3 and e[0] != str(page.path)]
            if isinstance(row, list)
            else []
        )
        return len(others), sum(e[1] is True for e in others), sum(e[2] is True for e in others)

    def close(self) -> None:
        if self.tables is not None:
            self.tables.close()

    def unpublished(self) -> Counter[str]:
        found = (self._meta or {}).get("unpublished")
        return Counter(found if isinstance(found, dict) else {})

    @cached_property
    def by_url(self) -> Mapping[str, list[SitePage]]:
        assert self.tables is not None and self.stored_pages is not None
        return StoredUrls(self.tables, self.stored_pages, True)

    @cached_property
    def unpublished_by_url(self) -> Mapping[str, list[SitePage]]:
        assert self.tables is not None and self.stored_pages is not None
        return StoredUrls(self.tables, self.stored_pages, False)

    @cached_property
    def primary_urls(self) -> list[str]:
        assert self.tables is not None
        found = self.tables.get("primary")
        return [str(u) for u in found] if isinstance(found, list) else []

    @cached_property
    def _generated(self) -> frozenset[str]:
        assert self.tables is not None
        found = self.tables.get("generated")
        return frozenset(str(u) for u in found) if isinstance(found, list) else frozenset()

    @cached_property
    def _primary_by_language(self) -> dict[str | None, list[str]]:
        assert self.tables is not None
        found = self.tables.get("by_language")
        rows = found if isinstance(found, list) else []
        return {row[0]: [str(u) for u in row[1]] for row in rows if isinstance(row, list) and len(row) == 2}

    @cached_property
    def _page_names(self) -> tuple[NearNames, Mapping[str, list[SitePage]]]:
        assert self.tables is not None and self.stored_pages is not None
        found = self.tables.get("names")
        rows = found if isinstance(found, dict) else {}
        paths = {
            str(name): [Path(str(p)) for p in row] for name, row in rows.items() if isinstance(row, list)
        }
        return NearNames(paths), _NamedPages(paths, self.stored_pages)


class _NamedPages(Mapping[str, list[SitePage]]):
    """The pages of each name, read when a "did you mean" names them."""

    def __init__(self, paths: dict[str, list[Path]], pages: StoredPages) -> None:
        self._paths = paths
        self._pages = pages

    def __getitem__(self, name: str) -> list[SitePage]:
        found = self._paths[name]
        self._pages.load(found)
        return [self._pages[path] for path in found]

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


def _facts(data: object, references: bool | Callable[[str], bool] = True) -> FileFacts | None:
    try:
        return facts_from_json(data, references)  # type: ignore[arg-type]
    except (TypeError, ValueError, KeyError):
        return None
