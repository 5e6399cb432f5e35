"""The stored content listing of a site: the same files as a walk, a folder listed again
exactly when its stamp moved (a page added, removed or renamed, a config added, a folder's
mtime set back), and a warm one-file run that walks no folder and probes no config."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from seolint.cache.store import Cache
from seolint.config import files as config_files
from seolint.discover.source import format_for
from seolint.lint.site_pass import _with_format
from seolint.site import SiteFinder
from seolint.site import adapter as adapter_module
from seolint.site.adapter import Site
from seolint.site.hugo import HugoSite
from seolint.site.jekyll import JekyllSite
from seolint.site.zola import ZolaSite
from seolint.sitewide import index as index_module
from seolint.sitewide import listing as listing_module
from seolint.sitewide.listing import Listing
from tests.conftest import run_cli
from tests.test_site_index import check
from tests.test_site_rules import SHARED_SITES, found, hugo_site, post


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small Hugo site; folders trusted at once (no racy window), cached under its own key."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "key"))
    monkeypatch.setattr(index_module, "RACY_NS", 0)
    pages = {f"docs/{folder}/{name}.md": post(f"Page {folder} {name}") for folder in "ab" for name in "xyz"}
    pages["_index.md"] = post("Home", "[a](/docs/a/x/) [b](/docs/b/x/)")
    pages["docs/a/deeper/_index.md"] = post("Deeper")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "content" / "node_modules").mkdir(parents=True)
    (tmp_path / "site" / "content" / "node_modules" / "dependency.md").write_text("x", encoding="utf-8")
    (tmp_path / "site" / "content" / "docs" / ".hidden").mkdir(parents=True)
    (tmp_path / "site" / "content" / "docs" / ".hidden" / "secret.md").write_text("x", encoding="utf-8")
    return hugo_site(tmp_path / "site", pages, ("content/docs/a/picture.png",))


def site_of(root: Path) -> Site:
    site = SiteFinder("auto").find(root)
    assert site is not None
    return site


def listing(root: Path, cache: Cache) -> Listing:
    found = Listing(cache, site_of(root), "salt")
    found.save()
    return found


@pytest.fixture
def cache(root: Path) -> Cache:
    secret = Cache.open(root, "f" * 32)
    assert isinstance(secret, Cache)
    return secret


def files(found: Listing) -> tuple[Path, ...]:
    """The content files of a site handed the listing's locations (as the site pass does)."""
    site = site_of(found.root)
    site.use_content_files(found.locations())
    return site.content_files()


def test_the_listing_has_the_files_a_walk_finds(root: Path, cache: Cache) -> None:
    first = listing(root, cache)
    walked = site_of(root)
    assert first.locations() == [str(path) for path in walked.content_files()] == walked.content_locations()
    assert files(first) == walked.content_files()
    assert first.listed == len(first.folders) == 5  # content, docs, a, a/deeper, b: no dot folder, no deps
    again = listing(root, cache)
    assert again.locations() == first.locations()
    assert again.listed == 0


@pytest.mark.parametrize("shared", ["hugo-fluxcd", "hugo-glossary", "jekyll-docs/docs", "zola-rust-blog"])
def test_the_listing_of_a_shared_site_has_the_files_a_walk_finds(shared: str, tmp_path: Path) -> None:
    folder = SHARED_SITES / shared
    if not folder.is_dir():
        pytest.skip("../shared/sites is absent")
    secret = Cache.open(tmp_path, "f" * 32)
    assert isinstance(secret, Cache)
    site = site_of(folder)
    found = Listing(secret, site, "salt")
    assert files(found) == site.content_files()
    assert found.governing_folders() == sorted(set(found.nearest_configs().values()))


def test_a_page_added_removed_or_renamed_lists_its_folder_again(root: Path, cache: Cache) -> None:
    listing(root, cache)
    docs = root / "content" / "docs"
    (docs / "a" / "new.md").write_text(post("New"), encoding="utf-8")
    (docs / "b" / "y.md").unlink()
    (docs / "a" / "deeper" / "_index.md").rename(docs / "a" / "deeper" / "renamed.md")
    now = listing(root, cache)
    assert now.listed == 3
    assert files(now) == site_of(root).content_files()
    assert {docs / "a" / "new.md", docs / "a" / "deeper" / "renamed.md"} <= set(files(now))
    assert docs / "b" / "y.md" not in files(now)


def test_a_new_folder_is_walked_and_a_mtime_set_back_is_still_seen(root: Path, cache: Cache) -> None:
    listing(root, cache)
    folder = root / "content" / "docs" / "b"
    before = os.stat(folder)
    (folder / "fresh").mkdir()
    (folder / "fresh" / "page.md").write_text(post("Fresh"), encoding="utf-8")
    os.utime(folder, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `tar` or `rsync -t` would
    now = listing(root, cache)
    assert now.listed == 2  # b (its ctime moved) and the new folder
    assert root / "content" / "docs" / "b" / "fresh" / "page.md" in files(now)


def test_a_recent_folder_is_not_trusted(root: Path, cache: Cache, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_module, "RACY_NS", 10**18)  # every folder within the racy window
    listing(root, cache)
    assert listing(root, cache).listed == 5


def test_another_site_key_lists_everything_again(root: Path, cache: Cache) -> None:
    listing(root, cache)
    assert Listing(cache, site_of(root), "another salt").listed == 5


def test_a_config_added_in_a_folder_governs_it_and_below(root: Path, cache: Cache) -> None:
    first = listing(root, cache)
    content = str(root / "content")
    a = str(root / "content" / "docs" / "a")
    assert set(first.nearest_configs().values()) == {content}
    assert first.governing_folders() == [content]
    (root / "content" / "docs" / "a" / ".seolint.toml").write_text('ignore = ["W"]\n', encoding="utf-8")
    now = listing(root, cache)
    nearest = now.nearest_configs()
    assert nearest[a] == nearest[a + "/deeper"] == a
    assert nearest[str(root / "content" / "docs" / "b")] == content
    assert now.governing_folders() == sorted(set(nearest.values())) == [content, a]


def test_a_warm_one_file_run_walks_no_folder_and_probes_no_config(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(root)
    check(".")
    walked: list[Path] = []
    probed: list[Path] = []
    real_walk, real_probe = adapter_module.walk_names, config_files.config_file_in

    def walking(folder: Path) -> object:
        walked.append(folder)
        return real_walk(folder)

    def probing(folder: Path) -> Path | None:
        probed.append(folder)
        return real_probe(folder)

    monkeypatch.setattr(adapter_module, "walk_names", walking)
    monkeypatch.setattr(config_files, "config_file_in", probing)
    page = "content/docs/b/x.md"
    body = '[gone](/docs/nowhere/) and [a ref]({{< ref "docs/a/x.md" >}})'  # a ref looks among the pages
    (root / page).write_text(post("Page b x", body), encoding="utf-8")
    assert found(check(page)) == [(page, 5, "W001")]
    assert walked == []
    assert set(probed) <= set((root / page).parents)  # the given page's own folders only


def test_a_config_added_below_the_site_is_obeyed_by_a_warm_one_file_run(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(root)
    page = "content/docs/a/x.md"
    (root / page).write_text(post("Page a x", "[gone](/docs/nowhere/)"), encoding="utf-8")
    assert found(check(page)) == [(page, 5, "W001")]
    (root / "content" / "docs" / "a" / ".seolint.toml").write_text('ignore = ["W001"]\n', encoding="utf-8")
    warm = run_cli(["check", "--format", "json", "-j", "1", page])  # no --select: it replaces ignore
    assert found(warm) == found(run_cli(["check", "--format", "json", "-j", "1", "--no-cache", page]))
    assert (page, 5, "W001") not in found(warm)


@pytest.mark.parametrize("generator", [HugoSite, JekyllSite, ZolaSite])
def test_the_pages_seolint_reads_are_those_format_for_knows(generator: type[Site], tmp_path: Path) -> None:
    names = ["a.md", "b.MD", "c.adoc", "d.rst", "e.html", "f.mdown", "g.x.md", "h.md.rst", "i.Org", "j.htm"]
    listed = sorted(
        str(tmp_path / name) for name in names if os.path.splitext(name)[1].lower() in generator.suffixes
    )
    site = generator.__new__(generator)
    assert _with_format(site, listed) == [text for text in listed if format_for(text) is not None]


@pytest.mark.parametrize(
    ("names", "valid"),
    [
        (["a.md", "b"], True),
        ([], True),
        (["a.md", 3], False),
        (["a/b.md"], False),
        (["..", "a.md"], False),
        (["."], False),
        ([""], False),
        ("a.md", False),
        ([["a.md"]], False),
    ],
)
def test_a_stored_folder_entry_holds_plain_names_only(names: object, valid: bool) -> None:
    assert listing_module._valid([[1, 2, 3, 4], ["sub"], names, False]) is valid
    assert listing_module._valid([None, names, ["a.md"], True]) is valid


def test_an_unmoved_site_is_answered_by_the_packed_stamps_without_a_walk(root: Path, cache: Cache) -> None:
    first = listing(root, cache)
    assert first.walked
    again = listing(root, cache)
    assert not again.walked and again.listed == 0
    assert again.locations() == first.locations()
    assert again.governing_folders() == first.governing_folders()
    assert files(again) == site_of(root).content_files()
    assert again.nearest_configs() == first.nearest_configs()  # the folders, walked when asked
    assert again.walked and again.listed == 0


@pytest.mark.parametrize("change", ["add", "remove", "rename", "new folder", "folder gone", "mtime back"])
def test_any_moved_folder_sends_the_listing_to_its_walk(root: Path, cache: Cache, change: str) -> None:
    listing(root, cache)
    docs = root / "content" / "docs"
    before = os.stat(docs / "b")
    if change == "add":
        (docs / "b" / "new.md").write_text(post("New"), encoding="utf-8")
    elif change == "remove":
        (docs / "b" / "y.md").unlink()
    elif change == "rename":
        (docs / "b" / "y.md").rename(docs / "b" / "w.md")
    elif change == "new folder":
        (docs / "b" / "fresh").mkdir()
        (docs / "b" / "fresh" / "page.md").write_text(post("Fresh"), encoding="utf-8")
    elif change == "folder gone":
        (docs / "a" / "deeper" / "_index.md").unlink()
        (docs / "a" / "deeper").rmdir()
    else:
        (docs / "b" / "new.md").write_text(post("New"), encoding="utf-8")
        os.utime(docs / "b", ns=(before.st_atime_ns, before.st_mtime_ns))
    now = listing(root, cache)
    assert now.walked
    assert files(now) == site_of(root).content_files()
    assert not listing(root, cache).walked  # packed again after the walk


def test_nothing_is_packed_while_a_folder_is_not_trusted(
    root: Path, cache: Cache, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_module, "RACY_NS", 10**18)
    listing(root, cache)
    assert listing(root, cache).walked


@pytest.mark.parametrize("damage", ["tampered", "another key", "short stamps", "relative path"])
def test_a_packed_file_unlike_what_the_listing_writes_is_not_used(
    root: Path, cache: Cache, damage: str
) -> None:
    first = listing(root, cache)
    name = next(p.name for p in cache.folder.iterdir() if p.name.endswith("-stamps.json"))
    data = cache.read_signed(name)
    if damage == "tampered":
        (cache.folder / name).write_bytes((cache.folder / name).read_bytes().replace(b"docs", b"dacs"))
    else:
        if damage == "another key":
            data["shape"][0] = "another salt"
        elif damage == "short stamps":
            data["stamps"] = data["stamps"][:8]
        else:
            data["locations"] = "content/page.md\0" + data["locations"]
        cache.write_signed(name, data)
    now = Listing(cache, site_of(root), "salt")
    assert now.walked and now.locations() == first.locations()
