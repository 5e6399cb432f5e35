"""The site tables: a warm one-file run answered from stored lookups agrees with a run
without any cache, and every change the tables cannot answer makes the run model the
whole site instead (each shortcut has a case where it must not be taken)."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from seolint.cache.store import CACHE_DIR
from seolint.lint import site_pass as site_pass_module
from seolint.site.hugo import HugoSite
from seolint.sitewide import index as index_module
from seolint.sitewide import stored as stored_module
from seolint.sitewide import tables as tables_module
from seolint.sitewide.stored import StoredSiteModel
from tests.conftest import CliResult, run_cli
from tests.test_site_rules import hugo_site, post

Found = list[tuple[str, int, int, str, str]]


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two folders of pages linking to each other, one orphan, one shared title; the cache
    under a key of its own, and stamps trusted at once (no racy window in a test)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "key"))
    monkeypatch.setattr(index_module, "RACY_NS", 0)
    pages = {
        "_index.md": post("Home of the site", "[a](/docs/a0/) [b](/docs/b0/)"),
        "docs/a0.md": post("Page a0", "See [a1](/docs/a1/) and [b0](../b0/).", description="About a0"),
        "docs/a1.md": post("Page a1", "See [a0](/docs/a0/#page-a0).", description="About a1"),
        "docs/a2.md": post("Shared title", "Nothing links here. [gone](/docs/nowhere/)"),
        "docs/b0.md": post("Page b0", "See [a2](/docs/a2/)."),
        "docs/b1.md": post("Shared title", "See [b0](/docs/b0/) and [a0](/docs/a0/)."),
        "blog/p0.md": post("A post", "Read [b1](/docs/b1/)."),
    }
    (tmp_path / "site").mkdir()
    root = hugo_site(tmp_path / "site", pages)
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def taken(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The runs the site tables answered (one entry per model built from them)."""
    answered: list[str] = []
    real = StoredSiteModel.from_tables.__func__  # type: ignore[attr-defined]

    def from_tables(cls: type[StoredSiteModel], *args: object, **kwargs: object) -> StoredSiteModel:
        answered.append("tables")
        return real(cls, *args, **kwargs)  # type: ignore[no-any-return]

    monkeypatch.setattr(StoredSiteModel, "from_tables", classmethod(from_tables))
    return answered


def check(*args: str) -> CliResult:
    return run_cli(["check", "--format", "json", "-j", "1", "--exit-zero", *args])


def findings(result: CliResult) -> Found:
    data = json.loads(result.stdout)
    assert not data["errors"]
    return sorted((f["path"], f["line"], f["column"], f["code"], f["message"]) for f in data["findings"])


def agree(page: str) -> Found:
    """The warm run's findings on `page`, after checking they equal a `--no-cache` run's
    (a warm run also reports the pages linking to a vanished one, which `--no-cache` cannot
    know: seolint.lint.site_pass)."""
    warm = [f for f in findings(check(page)) if f[0] == page]
    assert warm == findings(check("--no-cache", page))
    return warm


def edit(site: Path, name: str, text: str) -> None:
    (site / "content" / name).write_text(text, encoding="utf-8")


def test_a_warm_one_file_run_is_answered_by_the_tables(site: Path, taken: list[str]) -> None:
    check(".")
    edit(site, "docs/a2.md", post("Shared title", "Now [a1](/docs/a1/) and [broken](/docs/a9/)."))
    result = agree("content/docs/a2.md")
    assert taken == ["tables"]
    codes = {(line, code) for _, line, _, code, _ in result}
    assert (5, "W001") in codes and (2, "W004") in codes  # the broken link, the shared title


@pytest.mark.parametrize(
    ("page", "text"),
    [
        ("docs/a2.md", post("Page a0", "A title becoming a duplicate of a0's.")),
        ("docs/b1.md", post("Title of its own", "Ceasing to share a2's title. [b0](/docs/b0/)")),
        ("docs/a1.md", post("Page a1", "A link to a page that exists: [b1](/docs/b1/).")),
        ("docs/a1.md", post("Page a1", "Missing: [x](/docs/b7/).", description="About a0")),
        ("docs/b0.md", post("Page b0", "No longer linking to a2, the anchor [a1](/docs/a1/#nothing).")),
        ("blog/p0.md", post("A post", "No link to b1 any more.")),
    ],
)
def test_edits_of_the_given_page_alone_are_answered_and_agree(
    site: Path, taken: list[str], page: str, text: str
) -> None:
    check(".")
    edit(site, page, text)
    agree(f"content/{page}")
    for other in ("content/docs/a2.md", "content/docs/b1.md", "content/docs/a0.md"):  # others edited: model
        agree(other)
    assert taken[0] == "tables"


def _add_page(site: Path) -> None:
    edit(site, "docs/b7.md", post("Shared title", "A new page linking to [a2](/docs/a2/)."))


def _remove_page(site: Path) -> None:
    (site / "content" / "docs" / "b0.md").unlink()


def _rename_page(site: Path) -> None:
    (site / "content" / "docs" / "b0.md").rename(site / "content" / "docs" / "b9.md")


def _other_page_retitled(site: Path) -> None:
    edit(site, "docs/b1.md", post("Page a2", "Its title changed: a2 may now share it."))


def _page_moves(site: Path) -> None:
    edit(site, "docs/a2.md", post("Shared title", "Published elsewhere now.", slug="moved"))


def _page_becomes_draft(site: Path) -> None:
    edit(site, "docs/a2.md", post("Shared title", "Not built any more.", draft="true"))


def _config_added(site: Path) -> None:
    (site / "content" / "docs" / ".seolint.toml").write_text('ignore = ["W008"]\n', encoding="utf-8")


def _new_language(site: Path) -> None:
    config = site / "hugo.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + '\n[languages.fr]\ncontentDir = "content/fr"\n', encoding="utf-8"
    )
    (site / "content" / "fr").mkdir()
    (site / "content" / "fr" / "index.md").write_text(post("Accueil"), encoding="utf-8")


def _tables_tampered(site: Path) -> None:
    tables = next((site / CACHE_DIR).glob("*/tables-*.sqlite"))
    with sqlite3.connect(tables) as connection:
        connection.execute("UPDATE kv SET v = CAST('x' || v AS BLOB) WHERE k = 'meta'")


@pytest.mark.parametrize(
    "change",
    [
        _add_page,
        _remove_page,
        _rename_page,
        _other_page_retitled,
        _page_moves,
        _page_becomes_draft,
        _config_added,
        _new_language,
        _tables_tampered,
    ],
)
def test_changes_the_tables_cannot_answer_build_the_whole_model(
    site: Path, taken: list[str], change: Callable[[Path], None]
) -> None:
    check(".")
    change(site)
    agree("content/docs/a2.md")
    assert taken == []  # the first run after the change models every page
    agree("content/docs/a1.md")  # and rewrites the tables, which may answer the next run


def test_another_day_builds_the_whole_model(
    site: Path, taken: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    check(".")
    monkeypatch.setattr("seolint.lint.site_pass.current_day", lambda: dt.date.today() + dt.timedelta(days=1))
    agree("content/docs/a2.md")
    assert taken == []


def test_the_home_page_which_carries_whole_site_findings_builds_the_whole_model(
    site: Path, taken: list[str]
) -> None:
    check(".")
    agree("content/_index.md")
    assert taken == []
    agree("content/docs/a1.md")
    assert taken == ["tables"]


def test_a_page_row_is_read_only_when_the_page_may_matter(
    site: Path, taken: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    check(".")
    read: list[str] = []
    real = stored_module.StoredPages.load

    def load(self: stored_module.StoredPages, paths: object, references: object = None) -> None:
        wanted = list(paths)  # type: ignore[call-overload]
        read.extend(Path(p).name for p in wanted)
        real(self, wanted, references)  # type: ignore[arg-type]

    monkeypatch.setattr(stored_module.StoredPages, "load", load)
    edit(site, "blog/p0.md", post("A post", "Read [b1](/docs/b1/) again."))
    agree("content/blog/p0.md")
    assert taken == ["tables"]
    assert "a1.md" not in read and "a0.md" not in read  # neither at its links, linking to it, nor sharing
    assert "b1.md" in read  # the page it links to


def test_another_page_read_for_its_links_keeps_only_those_that_may_lead_to_the_page(
    site: Path, taken: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    check(".")
    made: dict[str, tuple[str, ...]] = {}
    real = stored_module._facts

    def decoding(data: object, references: object = True) -> object:
        facts = real(data, references)  # type: ignore[arg-type]
        if facts is not None and callable(references):
            made[facts.title.text if facts.title else ""] = tuple(r.target for r in facts.references)
        return facts

    monkeypatch.setattr(stored_module, "_facts", decoding)
    edit(site, "docs/a0.md", post("Page a0", "See [a1](/docs/a1/), [b0](../b0/) and [b1](/docs/b1/)."))
    agree("content/docs/a0.md")
    assert taken == ["tables"]
    assert made["Shared title"] == ("/docs/a0/",)  # b1 links to b0 as well: not made
    assert made["Page a1"] == ("/docs/a0/#page-a0",)


def test_a_run_over_many_pages_builds_the_whole_model(
    site: Path, taken: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    check(".")
    monkeypatch.setattr("seolint.lint.site_pass.MAX_GIVEN", 1)
    edit(site, "docs/a2.md", post("Page a0", "Now a duplicate title."))
    warm = findings(check("content/docs/a2.md", "content/docs/a1.md"))
    assert warm == findings(check("--no-cache", "content/docs/a2.md", "content/docs/a1.md"))
    assert taken == []
    monkeypatch.setattr("seolint.lint.site_pass.MAX_GIVEN", 2)
    edit(site, "docs/a2.md", post("Page a1", "A duplicate of the other given page's title."))
    warm = findings(check("content/docs/a2.md", "content/docs/a1.md"))
    assert warm == findings(check("--no-cache", "content/docs/a2.md", "content/docs/a1.md"))
    assert taken == ["tables"]


def codes(found: Found) -> set[tuple[int, str]]:
    return {(line, code) for _, line, _, code, _ in found}


def rows_of(site: Path) -> dict[str, object]:
    """Every row of the site's tables, decoded (the signatures are the tables' business)."""
    tables = next((site / CACHE_DIR).glob("*/tables-*.sqlite"))
    with sqlite3.connect(tables) as connection:
        found = {
            key: json.loads(value.partition(b"\n")[2])
            for key, value in connection.execute("SELECT k, v FROM kv")
        }
    connection.close()
    return found


def test_edit_a_check_a_edit_b_check_b_is_answered_every_time(site: Path, taken: list[str]) -> None:
    check(".")
    edit(site, "docs/a2.md", post("Page a0", "A now shares a0's title."))
    assert (2, "W004") in codes(agree("content/docs/a2.md"))
    edit(site, "docs/b1.md", post("Page a0", "B shares it too: with a0, and with a2 as updated."))
    assert (2, "W004") in codes(agree("content/docs/b1.md"))
    edit(site, "docs/a2.md", post("Shared title", "A takes its old title back."))
    agree("content/docs/a2.md")
    edit(site, "docs/b1.md", post("Shared title", "B too: a duplicate of a2 again, not of a0."))
    assert (2, "W004") in codes(agree("content/docs/b1.md"))
    assert taken == ["tables"] * 4


def test_a_link_added_by_an_answered_run_reaches_the_next_one(site: Path, taken: list[str]) -> None:
    edit(site, "lonely.md", post("Lonely", "At the content root: on no section's list page."))
    check(".")
    assert (2, "W008") in codes(agree("content/lonely.md"))
    linking = post("Page a0", "See [a1](/docs/a1/) and [lonely](/lonely/).", description="About a0")
    edit(site, "docs/a0.md", linking)
    agree("content/docs/a0.md")
    assert (2, "W008") not in codes(agree("content/lonely.md"))  # a0's updated `end:` row
    edit(site, "docs/a0.md", post("Page a0", "See [a1](/docs/a1/) and [b0](../b0/).", description="About a0"))
    agree("content/docs/a0.md")
    assert (2, "W008") in codes(agree("content/lonely.md"))
    assert taken == ["tables"] * 5


def test_updated_tables_equal_tables_written_from_scratch(site: Path, taken: list[str]) -> None:
    check(".")
    edit(site, "blog/p1.md", post("Second post", "Dated.", date="2024-01-02", author="Ann"))
    check(".")  # a page added: the whole model, the tables written
    edit(site, "blog/p0.md", post("Page a1", "Now dated, [a0](/docs/a0/).", date="2024-01-01", author="Bo"))
    check("content/blog/p0.md")
    edit(site, "docs/b0.md", post("Shared title", "[gone](/docs/nowhere/)", description="About a1"))
    check("content/docs/b0.md")
    assert taken == ["tables"] * 2
    updated = rows_of(site)
    next((site / CACHE_DIR).glob("*/tables-*.sqlite")).unlink()
    check(".")
    assert rows_of(site) == updated


def test_a_page_whose_stamp_cannot_be_trusted_is_compared_by_its_bytes(
    site: Path, taken: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    check(".")
    monkeypatch.setattr(index_module, "RACY_NS", 10**18)  # every stamp taken now is untrusted
    edit(site, "docs/a2.md", post("Page a0", "Edited and checked at once, as an editor does."))
    agree("content/docs/a2.md")
    edit(site, "docs/b1.md", post("Page a1", "Then another page, within the same seconds."))
    agree("content/docs/b1.md")
    assert taken == ["tables"] * 2
    monkeypatch.setattr("seolint.lint.site_pass.MAX_DOUBTFUL", 1)  # a2 and b1 now untrusted
    agree("content/docs/a1.md")
    assert taken == ["tables"] * 2


def test_a_page_touched_but_unchanged_is_still_answered(site: Path, taken: list[str]) -> None:
    check(".")
    other = site / "content" / "docs" / "b1.md"
    os.utime(other, ns=(other.stat().st_atime_ns, other.stat().st_mtime_ns + 10**9))
    agree("content/docs/a2.md")
    assert taken == ["tables"]


def test_a_run_that_finds_another_page_edited_updates_its_rows_only(
    site: Path, taken: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    check(".")
    rewritten: list[int] = []
    real = tables_module.SiteTables.write

    def write(self: tables_module.SiteTables, rows: dict[str, object], *args: object) -> None:
        rewritten.append(len(rows))
        real(self, rows, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(tables_module.SiteTables, "write", write)
    edit(site, "docs/b1.md", post("Page a2", "Edited with no run on it."))
    agree("content/docs/a2.md")
    assert taken == [] and rewritten == []  # the whole model, the tables updated in place
    agree("content/docs/a1.md")
    assert taken == ["tables"]


def test_a_derived_row_unlike_the_page_makes_the_next_run_build_the_model(
    site: Path, taken: list[str]
) -> None:
    check(".")
    tables = next((site / CACHE_DIR).glob("*/tables-*.sqlite"))
    with sqlite3.connect(tables) as connection:
        connection.execute("UPDATE kv SET v = CAST('x' || v AS BLOB) WHERE k LIKE 'dup:%'")
    connection.close()
    edit(site, "docs/a2.md", post("Page a2 alone", "Leaving the shared title: its dup rows are refused."))
    agree("content/docs/a2.md")  # answered (a refused row reads as no peers), not updated
    edit(site, "docs/b1.md", post("Shared title", "Another page: a2's stamp moved, so the whole model."))
    agree("content/docs/b1.md")
    assert taken == ["tables"]


def test_a_run_that_finds_another_page_edited_keeps_the_stored_anchors(
    site: Path, taken: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    check(".")
    heads: list[Path] = []
    real = HugoSite.page_head

    def page_head(self: HugoSite, path: Path, front_matter: dict[str, object]) -> object:
        heads.append(path)
        return real(self, path, front_matter)

    monkeypatch.setattr(HugoSite, "page_head", page_head)
    edit(site, "docs/b1.md", post("Shared title", "Edited with no run on it; it publishes as before."))
    check("content/docs/a2.md")
    assert taken == []  # the whole model, but only b1's head (its own lint) rendered
    assert {path.name for path in heads} == {"b1.md"}
    heads.clear()
    edit(site, "docs/b1.md", post("Shared title", "Edited again.", slug="elsewhere"))
    check("content/docs/a2.md")
    assert {path.name for path in heads} > {"b1.md"}  # b1 moved: every page's head again
    edit(site, "docs/b1.md", post("Shared title", "Back where it was."))
    agree("content/_index.md")  # the home page, an anchor: its findings as without a cache


def test_an_unchanged_page_in_an_unchanged_site_reads_no_other_page_and_writes_nothing(
    site: Path, taken: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pre-commit and editor case: one `stat` per page tells the run nothing moved; no
    other page's bytes are read or hashed, no facts index part is read, the tables are
    not opened for writing."""
    check(".")
    check("content/docs/a2.md")  # the page's own cache entry as this run leaves it
    read: list[str] = []
    real_read = site_pass_module.read_bytes

    def read_bytes(location: str, *args: object) -> bytes:
        read.append(location)
        return real_read(location, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(site_pass_module, "read_bytes", read_bytes)
    parts: list[int] = []
    real_part = index_module.FactsIndex._read
    monkeypatch.setattr(
        index_module.FactsIndex, "_read", lambda self, part: parts.append(part) or real_part(self, part)
    )
    edits: list[str] = []
    real_edit = tables_module.SiteTables.edit
    monkeypatch.setattr(
        tables_module.SiteTables, "edit", lambda self, change: edits.append("edit") or real_edit(self, change)
    )
    rows: list[str] = []
    real_get = tables_module.SiteTables.get_many

    def get_many(self: tables_module.SiteTables, keys: object) -> dict[str, object]:
        wanted = list(keys)  # type: ignore[call-overload]
        rows.extend(wanted)
        return real_get(self, wanted)

    monkeypatch.setattr(tables_module.SiteTables, "get_many", get_many)
    agree("content/docs/a2.md")
    assert taken[0] == "tables"
    assert read == [] and parts == [] and edits == []
    assert "stat" in rows and "stamps" not in rows  # one packed array, not every page's key


def test_the_given_page_edited_reads_no_other_page_s_stamp_entry(
    site: Path, taken: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    check(".")
    rows: list[str] = []
    real_get = tables_module.SiteTables.get_many

    def get_many(self: tables_module.SiteTables, keys: object) -> dict[str, object]:
        wanted = list(keys)  # type: ignore[call-overload]
        rows.extend(wanted)
        return real_get(self, wanted)

    monkeypatch.setattr(tables_module.SiteTables, "get_many", get_many)
    edit(site, "docs/a2.md", post("Page a0", "Edited: a duplicate title now."))
    assert (2, "W004") in codes(agree("content/docs/a2.md"))
    assert taken == ["tables"]
    assert rows.count("stamps") == 1  # once, by the update after the run, not to check the others


@pytest.mark.parametrize("grown", [0, 7])
def test_another_page_edited_with_its_mtime_put_back_is_seen(
    site: Path, taken: list[str], grown: int
) -> None:
    """A tool that restores mtimes (`cp -p`, `rsync -t`): the size, else the ctime moved."""
    check(".")
    other = site / "content" / "docs" / "b1.md"
    before = other.stat()
    text = other.read_text(encoding="utf-8").replace("Shared title", "Shared titlZ" + "Z" * grown)
    assert len(text) == before.st_size + grown
    other.write_text(text, encoding="utf-8")
    os.utime(other, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (2, "W004") not in codes(agree("content/docs/a2.md"))  # b1 no longer shares a2's title
    assert taken == []  # b1's bytes differ from its stored key: the whole model


@pytest.mark.parametrize(
    ("rule", "link", "answered"),
    [
        ("/old-place/ /lonely/ 301", "/old-place/", True),  # its name joins the page's
        ("/old/* /:splat 301", "/old/lonely/", True),  # the link keeps the page's name
        ("/legacy/* /lonely/ 301", "/legacy/anything/", False),  # any link under /legacy/
    ],
)
def test_a_link_the_host_redirects_to_the_page_counts_as_in_the_whole_site(
    site: Path, taken: list[str], rule: str, link: str, answered: bool
) -> None:
    """W008 is judged on the page's incoming links: one through a redirect rule counts in a
    whole-site run, so a run on the page alone must find it too."""
    (site / "static").mkdir(exist_ok=True)
    (site / "static" / "_redirects").write_text(rule + "\n", encoding="utf-8")
    edit(site, "lonely.md", post("Lonely", "At the content root: on no section's list page."))
    a0 = post("Page a0", f"See [a1](/docs/a1/) and [lonely]({link}).", description="About a0")
    edit(site, "docs/a0.md", a0)
    whole = [f for f in findings(check(".")) if f[0] == "content/lonely.md"]
    assert (2, "W008") not in codes(whole)
    edit(site, "lonely.md", post("Lonely", "At the content root, edited."))
    whole = [f for f in findings(check("--no-cache", ".")) if f[0] == "content/lonely.md"]
    assert agree("content/lonely.md") == whole
    assert taken == (["tables"] if answered else [])
