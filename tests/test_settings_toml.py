"""`--show-settings` and `explain` write TOML that reads back as what they show."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seolint.cli.toml_text import comment, setting, toml_value
from seolint.config.files import tomllib
from tests.conftest import ROOT, run_cli

SCALARS = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),  # every code point but lone surrogates: control characters, quotes, backslashes
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.tuples(inner, inner), st.dictionaries(st.text(), inner, max_size=3)
    ),
    max_leaves=12,
)


def as_read(value: Any) -> Any:
    """What tomllib gives back for a value seolint wrote: tuples become lists."""
    if isinstance(value, (list, tuple)):
        return [as_read(item) for item in value]
    if isinstance(value, dict):
        return {key: as_read(item) for key, item in value.items()}
    return value


def same(read: Any, wanted: Any) -> bool:
    if isinstance(wanted, float) and math.isnan(wanted):
        return isinstance(read, float) and math.isnan(read)
    if isinstance(wanted, list):
        return isinstance(read, list) and len(read) == len(wanted) and all(map(same, read, wanted))
    if isinstance(wanted, dict):
        return (
            isinstance(read, dict)
            and read.keys() == wanted.keys()
            and all(same(read[k], wanted[k]) for k in wanted)
        )
    return type(read) is type(wanted) and read == wanted


@given(st.text(min_size=1), VALUES)
def test_every_value_reads_back_as_written(name: str, value: Any) -> None:
    assert same(tomllib.loads(setting(name, value)), {name: as_read(value)})


def test_a_regex_is_written_as_its_pattern() -> None:
    assert tomllib.loads(setting("with-lines", [re.compile(r"^\s*-\s+\[.*\]$")])) == {
        "with-lines": [r"^\s*-\s+\[.*\]$"]
    }


@pytest.mark.parametrize("value", [None, [None], ("a", None), {"x": [1, None]}, 2**64, "lone \udc80"])
def test_what_toml_cannot_hold_is_a_comment(value: object) -> None:
    """TOML has no null: before, `[None]` printed a comment inside the list and broke the file."""
    line = setting("levels", value)
    assert line.startswith("# levels: ")
    assert tomllib.loads(line) == {}
    assert tomllib.loads(f"{line}\nafter = 1") == {"after": 1}  # the comment ends at its line


@given(st.text())
def test_a_comment_stays_one_comment(text: str) -> None:
    written = comment(text)
    assert "\n" not in written and tomllib.loads(written + "\nafter = 1") == {"after": 1}


def test_floats_use_toml_spelling() -> None:
    assert [toml_value(x) for x in (0.25, 1e-05, 1e16, math.inf, -math.inf)] == [
        "0.25", "1e-05", "1e+16", "inf", "-inf",
    ]  # fmt: skip


def test_explain_lists_the_options_as_toml() -> None:
    result = run_cli(["explain", "C001"])
    options = result.stdout.split("Options ([tool.seolint.rules.C001]):\n", 1)[1]
    assert tomllib.loads(options.replace("\n  ", "\n").strip()) == {
        "window": 0.25, "phrases": [], "extend-phrases": [], "extend-verbs": [],
    }  # fmt: skip


CONFIG = r"""
select = ["C", "H", "I004", "M006"]
ignore = ["H005"]
fail-on = "warning"
encoding = "cp1252"
max-file-size = "2MB"
respect-gitignore = false
content-selector = 'main > article[data-kind="post"]'
site-domains = ["example.com", "blog.example.org"]
extension-map = { ".mdx" = "markdown", ".htm" = "html" }

[rules.C001]
window = 0.4
phrases = ["say \"hi\"", "back\\slash", "tab\there", "ünïcödé — “quoted”", "x\u007fy"]
extend-verbs = ["subscribe"]

[rules.H007]
max-words = 120

[rules.I004]
max-length = 90
"""


def test_show_settings_reads_back_as_the_config_with_every_option_type(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".seolint.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "post.md").write_text("# Title\n", encoding="utf-8")
    result = run_cli(["check", "--show-settings", "post.md"])
    assert result.exit_code == 0, result.stderr
    shown, configured = tomllib.loads(result.stdout), tomllib.loads(CONFIG)
    same_keys = ("select", "ignore", "fail-on", "encoding", "respect-gitignore", "content-selector")
    for key in (*same_keys, "site-domains"):
        assert shown[key] == configured[key], key
    assert shown["max-file-size"] == 2 * 1024 * 1024
    assert shown["extension-map"] == configured["extension-map"]
    assert shown["rules"]["C001"] == {
        "severity": "warning", "window": 0.4, "phrases": configured["rules"]["C001"]["phrases"],
        "extend-phrases": [], "extend-verbs": ["subscribe"],
    }  # fmt: skip
    assert shown["rules"]["H007"]["max-words"] == 120
    assert shown["rules"]["I004"] == {"severity": "warning", "max-length": 90}
    assert "H005" not in shown["rules"]


def test_show_settings_of_defaults_leaves_unset_keys_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    name = "odd\nname.md"  # a file name's line break must not end the comment that names it
    (tmp_path / name).write_text("# Title\n", encoding="utf-8")
    result = run_cli(["check", "--show-settings", name])
    assert result.exit_code == 0, result.stderr
    assert "# content-selector: not set" in result.stdout.splitlines()
    shown = tomllib.loads(result.stdout)
    assert "content-selector" not in shown and shown["select"] == ["ALL"] and shown["extension-map"] == {}


def test_show_settings_inside_a_site_is_complete_and_true(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 28: site rules, generator, site-checks, excludes, front-matter keys and the
    site's domain, with the options of the page the file publishes."""
    monkeypatch.chdir(ROOT / "fixtures" / "sites" / "hugo")
    result = run_cli(["check", "--select", "ALL", "--show-settings", "content/posts/first-steps.md"])
    assert result.exit_code == 0, result.stderr
    shown = tomllib.loads(result.stdout)
    assert shown["generator"] == "hugo" and shown["site-checks"] is True
    assert shown["site-domains"] == ["example.org"]  # from baseURL: what L002 and L003 use
    assert shown["rules"]["L003"]["site-domains"] == ["example.org"]
    assert ".git" in shown["exclude"] and shown["extend-exclude"] == []
    assert shown["front-matter"]["description"] == ["description", "summary", "excerpt"]
    assert {"W001", "W002", "W008"} <= set(shown["rules"])
    assert "# page kind: post (hugo: it is in the 'posts' section)" in result.stdout.splitlines()


def test_show_settings_of_a_list_page_names_the_rules_that_skip_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT / "fixtures" / "sites" / "hugo")
    result = run_cli(["check", "--show-settings", "content/posts/_index.md"])
    shown = tomllib.loads(result.stdout)
    assert "W008" not in shown["rules"] and "H001" not in shown["rules"]
    (skipped,) = [
        line for line in result.stdout.splitlines() if line.startswith("# not run on this list page")
    ]
    assert "W008 orphan-page" in skipped and "H001 missing-h1" in skipped


def test_show_settings_without_site_checks_lists_no_site_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "post.md").write_text("# Title\n", encoding="utf-8")
    shown = tomllib.loads(run_cli(["check", "--show-settings", "post.md"]).stdout)
    assert shown["generator"] == "auto" and not any(code.startswith("W") for code in shown["rules"])
    assert shown["site-domains"] == []
