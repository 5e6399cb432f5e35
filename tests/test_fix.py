"""Fixes: each rule's fix (a hit, a near miss without one, the unsafe gate), the rounds of
seolint.fix.apply, the careful write-back, and fixes in JSON, SARIF and the cache."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import jsonschema
import pytest

from seolint.cache.store import result_from_json, result_to_json
from seolint.discover.source import Format
from seolint.findings.records import Edit, Finding, Fix
from seolint.fix import run as fixing_run
from seolint.fix.apply import Fixed, apply_round, fix_text
from seolint.registry.packs.load import PackError, parse_pack
from tests.conftest import ROOT, CliResult, lint_result, lint_selected, plan_for, run_cli
from tests.growth import Growth, assert_linear

SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def fixes_of(text: str, code: str, fmt: Format = "markdown") -> list[Fix | None]:
    return [f.fix for f in lint_result(text, fmt, plan_for((code,))).findings if f.code == code]


def fixed(text: str, code: str, fmt: Format = "markdown", unsafe: bool = False) -> Fixed:
    plan = plan_for((code,))
    return fix_text(text, lambda t: lint_result(t, fmt, plan).findings, unsafe)


# --- H006: outline markers ----------------------------------------------------------------


def test_h006_marker_paragraph_becomes_a_heading_in_markdown_safely() -> None:
    (fix,) = fixes_of("# T\n\nH2: Why it broke\nmore text\n", "H006")
    assert fix is not None and fix.applicability == "safe"
    assert fixed("# T\n\nH2: Why it broke\nmore text\n", "H006").text == "# T\n\n## Why it broke\nmore text\n"


def test_h006_bold_marker_and_leaked_marker_in_a_heading() -> None:
    assert fixed("# T\n\n**H3: Setup**\n", "H006").text == "# T\n\n### Setup\n"
    assert fixed("# T\n\n## H2: Setup\n", "H006").text == "# T\n\n## Setup\n"


def test_h006_in_plain_text_only_with_unsafe_fixes() -> None:
    draft = "H1: Title\r\n\r\nH2: Lessons\r\n"
    (first, _) = fixes_of(draft, "H006", "text")
    assert first is not None and first.applicability == "unsafe"
    assert fixed(draft, "H006", "text").text == draft
    assert fixed(draft, "H006", "text", unsafe=True).text == "# Title\r\n\r\n## Lessons\r\n"


def test_h006_keeps_a_comment_after_the_marker() -> None:
    draft = "H2: Lessons <!-- seolint-disable-line S001 -->\n"
    assert fixed(draft, "H006", "text", unsafe=True).text == "## Lessons <!-- seolint-disable-line S001 -->\n"


def test_h006_near_misses_get_no_fix() -> None:
    assert fixes_of("# T\n\n  H2: indented in a list\n", "H006") == [None]
    assert fixes_of("# T\n\nH2:\nno heading text\n", "H006") == [None]
    assert fixes_of("<h1>T</h1><p>H2: in HTML</p>", "H006", "html") == [None]


# --- H003: skipped levels -----------------------------------------------------------------


def test_h003_moves_the_heading_and_its_section_up_unsafely() -> None:
    draft = "# T\n\n## A\n\n#### B\n\n##### C\n\n#### D\n\n### E\n"
    (fix,) = fixes_of(draft, "H003")
    assert fix is not None and fix.applicability == "unsafe"
    assert fixed(draft, "H003").text == draft  # unsafe: not without --unsafe-fixes
    result = fixed(draft, "H003", unsafe=True)
    assert result.text == "# T\n\n## A\n\n### B\n\n#### C\n\n### D\n\n### E\n"
    assert result.remaining == ()


def test_h003_html_and_marker_headings() -> None:
    html = '<h1>T</h1>\n<h3 class="x">Deep</h3>\n'
    assert fixed(html, "H003", "html", unsafe=True).text == '<h1>T</h1>\n<h2 class="x">Deep</h2>\n'
    assert fixed("H1: T\n\nH3: Deep\n", "H003", "text", unsafe=True).text == "H1: T\n\nH2: Deep\n"


def test_h003_heading_that_cannot_be_retyped_means_no_fix() -> None:
    assert fixes_of("<h1>T</h1>\n<h3>Deep\n<p>x</p>\n", "H003", "html") == [None]  # no end tag of its own
    assert fixes_of("<h1>T</h1>\n<h2>A</h2>\n<h4>Deep\n<h5>Deeper</h5>\n", "H003", "html") == [None]
    assert fixes_of("<h1>T</h1>\n<h3>Deep</h3>\n", "H003", "html") != [None]


def test_h003_retypes_both_tags_of_an_html_heading_written_over_two_lines() -> None:
    result = fixed("<h1>T</h1>\n<h3>Deep\n</h3>\n", "H003", "html", unsafe=True)
    assert result.text == "<h1>T</h1>\n<h2>Deep\n</h2>\n"


# --- S004: repeated lines -----------------------------------------------------------------


def test_s004_deletes_the_repeat_and_the_blank_lines_before_it() -> None:
    draft = "# T\n\nclose\nclose\nText\n\nRepeat\n\nRepeat\n\nEnd\n"
    fixes = fixes_of(draft, "S004")
    assert len(fixes) == 2 and all(f is not None and f.applicability == "safe" for f in fixes)
    assert fixed(draft, "S004").text == "# T\n\nclose\nText\n\nRepeat\n\nEnd\n"


def test_s004_at_the_end_keeps_the_missing_final_newline() -> None:
    assert fixed("# T\n\nSame\nSame", "S004").text == "# T\n\nSame"
    assert fixed("# T\n\nSame\nSame\n", "S004").text == "# T\n\nSame\n"


def test_s004_repeated_paragraph() -> None:
    draft = "# T\n\nOne line\nand two.\n\nOne line\nand two.\n\nEnd.\n"
    assert fixed(draft, "S004").text == "# T\n\nOne line\nand two.\n\nEnd.\n"


def test_s004_lines_typed_differently_get_no_fix() -> None:
    assert fixes_of("# T\n\nTitle here\n- Title here\n", "S004") == [None]


@pytest.mark.parametrize(
    ("draft", "line"),
    [
        ("# T\n\n$$\nx = 1\nx = 1\n$$\n", 5),  # math
        ("# T\n\n<div>\nSame line\nSame line\n</div>\n", 5),  # an HTML block
        ("# T\n\n> Said again\n> Said again\n", 4),  # a quotation
        ("# T\n\n- Item again\n- Item again\n", 4),  # a list
        ("# T\n\nVerse line  \nVerse line  \n", 4),  # hard line breaks
        ("# T\n\nVerse line\\\nVerse line\\\nLast line\n", 4),
        ('# T\n\n{{< highlight go >}}\nf("hi")\nf("hi")\n{{< /highlight >}}\n', 5),  # no site
        ("# T\n\n> One line\n> and two.\n\n> One line\n> and two.\n", 6),  # a quoted paragraph
    ],
)
def test_s004_repeats_outside_prose_paragraphs_get_an_unsafe_fix(draft: str, line: int) -> None:
    """A repeat in math, HTML, a quote, a list, verse or a shortcode body may be meant."""
    result = lint_result(draft, "markdown", plan_for(("S004",))).findings
    assert [(f.span.line, f.fix and f.fix.applicability) for f in result] == [(line, "unsafe")]
    assert fixed(draft, "S004").text == draft


def test_s004_repeats_in_prose_paragraphs_keep_a_safe_fix() -> None:
    draft = "# T\n\nSame line\n\nSame line\n\nWrapped line\nWrapped line\n"
    assert [f.applicability for f in fixes_of(draft, "S004") if f] == ["safe", "safe"]


# --- S001 / S003: declared in the packs ---------------------------------------------------


def test_s001_removes_an_empty_label_with_its_placeholders_unsafely() -> None:
    draft = "# T\n\nText.\n\nInternal Links:\n\n- [Link to a post]\n- [Link to another]\n\nRelated Posts\n"
    fixes = fixes_of(draft, "S001")
    assert fixes and all(f is not None and f.applicability == "unsafe" for f in fixes)
    assert fixed(draft, "S001").text == draft
    assert fixed(draft, "S001", unsafe=True).text == "# T\n\nText.\n"


def test_s001_label_with_content_under_it_gets_no_fix() -> None:
    assert fixes_of("# T\n\nCall to Action\n\nTell us in the comments.\n", "S001") == [None]
    assert fixes_of("# T\n\nMeta Description: A post about x.\n", "S001") == [None]
    assert fixes_of("# T\n\nInternal Links: <!-- note -->\n", "S001") == [None]


def test_s003_removes_the_chatbot_sentence_unsafely() -> None:
    draft = "# T\n\nSure, here's a blog post about caching. Caches fail in odd ways.\n\nI hope this helps!\n"
    assert fixed(draft, "S003").text == draft
    assert fixed(draft, "S003", unsafe=True).text == "# T\n\nCaches fail in odd ways.\n"


def test_s003_sentence_from_an_earlier_line_gets_no_fix() -> None:
    assert fixes_of("# T\n\nThe team wrote this and\nI hope this helps here.\n", "S003") == [None]


def test_pack_fix_declarations_are_checked() -> None:
    base = 'code = "Z901"\nname = "zed"\nseverity = "info"\nsummary = "s"\nmessage = "m"\n'
    good = f'[[rule]]\n{base}scope = "lines"\npatterns = ["x"]\n[rule.fix]\naction = "remove-label"\n'
    good += 'applicability = "unsafe"\ntitle = "Remove"\n'
    (rule,) = parse_pack(good, "pack.toml", set())
    assert rule.code == "Z901"
    for broken, why in (
        (good.replace('"remove-label"', '"rewrite"'), "unknown action"),
        (good.replace('"unsafe"', '"maybe"'), "applicability"),
        (good.replace('scope = "lines"', 'scope = "prose"'), "needs scope"),
        (good + "colour = 1\n", "unknown key 'colour'"),
    ):
        with pytest.raises(PackError, match=why):
            parse_pack(broken, "pack.toml", set())


# --- L005 ----------------------------------------------------------------------------------


def test_l005_upgrades_the_written_address_unsafely() -> None:
    draft = "# T\n\nSee [the docs](http://kubernetes.io/docs/) and <http://go.dev>.\n"
    fixes = fixes_of(draft, "L005")
    assert len(fixes) == 2 and all(f is not None and f.applicability == "unsafe" for f in fixes)
    result = fixed(draft, "L005", unsafe=True)
    assert result.text == "# T\n\nSee [the docs](https://kubernetes.io/docs/) and <https://go.dev>.\n"


def test_l005_reference_definition_elsewhere_gets_no_fix() -> None:
    assert fixes_of("# T\n\nSee [docs][1].\n\n[1]: http://kubernetes.io/\n", "L005") == [None]


# --- rounds -------------------------------------------------------------------------------


def finding(fix: Fix) -> Finding:
    from seolint.document.model import Span
    from seolint.findings.records import Severity

    return Finding("x", Span.point(1), "Z001", "z", Severity.INFO, "m", fix=fix)


def test_overlapping_fix_waits_for_the_next_round() -> None:
    first = Fix((Edit(0, 3, "A"),), "safe", "a")
    overlapping = Fix((Edit(2, 5, "B"),), "safe", "b")
    assert apply_round("abcdefg", [overlapping, first]) == ("Adefg", 1)
    same_point = Fix((Edit(1, 1, "x"),), "safe", "x")
    assert apply_round("ab", [same_point, Fix((Edit(1, 1, "y"),), "safe", "y")]) == ("axb", 1)
    assert apply_round("ab", [same_point, same_point]) == ("axb", 2)  # one repair, two findings


def test_broken_fixes_are_never_applied() -> None:
    outside = Fix((Edit(5, 9, ""),), "safe", "outside")
    self_overlap = Fix((Edit(0, 2, "x"), Edit(1, 3, "y")), "safe", "self")
    assert apply_round("abc", [outside, self_overlap]) == ("abc", 0)


def test_rounds_are_bounded_when_fixes_never_settle() -> None:
    def lint(text: str) -> list[Finding]:
        return [finding(Fix((Edit(0, len(text), text + "x"),), "safe", "grow"))]

    result = fix_text("a", lint, max_rounds=4)
    assert result.text == "axxxx" and result.rounds == 4


# --- writing back ---------------------------------------------------------------------------


def test_write_back_replaces_atomically_and_keeps_permissions(tmp_path: Path) -> None:
    draft = tmp_path / "post.md"
    draft.write_bytes(b"old")
    os.chmod(draft, 0o640)
    before = os.stat(draft)
    assert fixing_run.write_back(str(draft), b"old", before, b"new") == ""
    assert draft.read_bytes() == b"new"
    assert stat.S_IMODE(os.stat(draft).st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["post.md"]  # no temporary file left


def test_write_back_refuses_a_file_changed_since_it_was_read(tmp_path: Path) -> None:
    draft = tmp_path / "post.md"
    draft.write_bytes(b"old")
    before = os.stat(draft)
    draft.write_bytes(b"edited meanwhile")
    note = fixing_run.write_back(str(draft), b"old", before, b"new")
    assert "changed since it was read" in note and str(draft) in note and "\n" not in note
    assert draft.read_bytes() == b"edited meanwhile"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["post.md"]


def test_write_back_goes_through_a_symlink_to_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_bytes(b"old")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert fixing_run.write_back(str(link), b"old", os.stat(link), b"new") == ""
    assert link.is_symlink() and target.read_bytes() == b"new"


def test_write_back_leaves_read_only_files(tmp_path: Path) -> None:
    draft = tmp_path / "post.md"
    draft.write_bytes(b"old")
    os.chmod(draft, 0o444)
    assert "read-only" in fixing_run.write_back(str(draft), b"old", os.stat(draft), b"new")
    assert draft.read_bytes() == b"old"


# --- the command line -------------------------------------------------------------------------

DRAFT = "# Post\n\nclose\nclose\n\nSee [docs](http://kubernetes.io/docs/).\n"


def run(*args: str, stdin: str | None = None) -> CliResult:
    """In this process: what is tested is the fixing, not the start of a process."""
    return run_cli(["check", "--select", "S004,L005", *args], input=stdin)


def test_fix_writes_safe_fixes_and_reports_what_remains(tmp_path: Path) -> None:
    draft = tmp_path / "post.md"
    draft.write_text(DRAFT, encoding="utf-8")
    done = run("--fix", "--format", "text", str(draft))
    assert draft.read_text(encoding="utf-8") == DRAFT.replace("close\nclose\n", "close\n")
    assert "L005" in done.stdout and "S004" not in done.stdout
    assert "fixed 1 finding in 1 file (1 more with --unsafe-fixes)" in done.stderr
    assert done.exit_code == 0  # L005 is info, below the default fail-on


def test_unsafe_fixes_alone_and_plain_check_never_write(tmp_path: Path) -> None:
    draft = tmp_path / "post.md"
    draft.write_text(DRAFT, encoding="utf-8")
    for args in ((), ("--unsafe-fixes",), ("--diff",), ("--diff", "--unsafe-fixes")):
        run(*args, str(draft))
        assert draft.read_text(encoding="utf-8") == DRAFT


def test_diff_exit_codes(tmp_path: Path) -> None:
    draft = tmp_path / "post.md"
    draft.write_text(DRAFT, encoding="utf-8")
    done = run("--diff", str(draft))
    diff = done.stdout_bytes
    assert done.exit_code == 1 and diff.startswith(b"--- a/") and b"-close\n" in diff
    run("--fix", "--unsafe-fixes", str(draft))
    again = run("--diff", "--unsafe-fixes", str(draft))
    assert again.exit_code == 0 and again.stdout_bytes == b""


def test_stdin_fix_prints_the_fixed_text(tmp_path: Path) -> None:
    done = run("--fix", "--unsafe-fixes", "--stdin-filename", "post.md", "-", stdin=DRAFT)
    assert done.stdout_bytes.decode() == "# Post\n\nclose\n\nSee [docs](https://kubernetes.io/docs/).\n"
    assert done.exit_code == 0


def test_fix_with_stdin_and_files_is_a_usage_error(tmp_path: Path) -> None:
    draft = tmp_path / "post.md"
    draft.write_text(DRAFT, encoding="utf-8")
    done = run("--fix", str(draft), "-", stdin=DRAFT)
    assert done.exit_code == 2 and draft.read_text(encoding="utf-8") == DRAFT


def test_file_that_does_not_re_encode_exactly_is_left_alone(tmp_path: Path) -> None:
    draft = tmp_path / "post.md"
    draft.write_bytes(b"\xef\xbb\xbf\xef\xbb\xbf# Post\n\nclose\nclose\n")  # two BOMs: decoding drops both
    done = run("--fix", str(draft))
    assert "not fixed" in done.stderr
    assert draft.read_bytes().startswith(b"\xef\xbb\xbf\xef\xbb\xbf# Post\n\nclose\nclose")


def test_fix_keeps_latin1_bytes(tmp_path: Path) -> None:
    draft = tmp_path / "post.md"
    draft.write_bytes("# Café\n\nclose\nclose\n".encode("latin-1"))
    run("--fix", "--encoding", "latin-1", str(draft))
    assert draft.read_bytes() == "# Café\n\nclose\n".encode("latin-1")


# --- fixes in reports and the cache ---------------------------------------------------------------


def cli_json(*args: str) -> dict[str, object]:
    result = run_cli(["check", "--no-cache", *args])
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_json_findings_carry_their_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("post.md").write_text("# Post\n\nclose\nclose\n\nIntro.\n", encoding="utf-8")
    data = cli_json("--select", "S004,M003", "--format", "json", "post.md")
    assert data["version"] == 2
    by_code = {f["code"]: f for f in data["findings"]}  # type: ignore[attr-defined]
    assert by_code["M003"]["fix"] is None
    assert by_code["S004"]["fix"] == {
        "applicability": "safe",
        "title": "Delete the repeated copy",
        "edits": [
            {
                "start_line": 4,
                "start_column": 1,
                "end_line": 5,
                "end_column": 1,
                "start_offset": 14,
                "end_offset": 20,
                "text": "",
            }
        ],
    }


def test_sarif_fixes_are_valid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("post.md").write_text("# Post\n\n#### Deep\n\nclose\nclose\n", encoding="utf-8")
    sarif = cli_json("--select", "S004,H003", "--format", "sarif", "post.md")
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(sarif)
    results = sarif["runs"][0]["results"]  # type: ignore[index]
    fixes = {r["ruleId"]: r["fixes"][0] for r in results}
    assert fixes["H003"]["properties"] == {"applicability": "unsafe"}
    (change,) = fixes["S004"]["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "post.md"
    assert change["replacements"] == [
        {
            "deletedRegion": {"startLine": 6, "startColumn": 1, "endLine": 7, "endColumn": 1},
            "insertedContent": {"text": ""},
        }
    ]


def test_cache_round_trips_fixes_and_rejects_bad_ones() -> None:
    result = lint_result("# T\n\n#### Deep\n\nclose\nclose\n", plan=plan_for(("S004", "H003")))
    assert all(f.fix is not None for f in result.findings)
    stored = json.loads(json.dumps(result_to_json(result)))
    assert [f.fix for f in result_from_json(stored).findings] == [f.fix for f in result.findings]
    stored["findings"][6][0][0] = "sometimes"
    with pytest.raises(ValueError):
        result_from_json(stored)
    stored["findings"][6][0] = ["safe", "t", [[5, 2, "", 1, 1, 1, 1]]]  # end before start
    with pytest.raises(ValueError):
        result_from_json(stored)


def test_fix_reports_what_remains_in_any_format_and_uses_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = tmp_path / "post.md"
    draft.write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    done = run("--fix", "--format", "json", "post.md")
    data = json.loads(done.stdout)
    assert [f["code"] for f in data["findings"]] == ["L005"]
    assert data["findings"][0]["fix"]["applicability"] == "unsafe"
    assert not (tmp_path / ".seolint_cache").exists()


def test_a_draft_edited_while_fixing_is_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = tmp_path / "post.md"
    draft.write_text(DRAFT, encoding="utf-8")
    real_write_back = fixing_run.write_back

    def editor_saves_first(location: str, original: bytes, before: os.stat_result, data: bytes) -> str:
        Path(location).write_text("# Saved by the editor\n", encoding="utf-8")
        return real_write_back(location, original, before, data)

    monkeypatch.setattr(fixing_run, "write_back", editor_saves_first)
    monkeypatch.chdir(tmp_path)
    result = run_cli(["check", "--select", "S004", "--fix", "post.md"])
    assert "post.md: not fixed: it changed since it was read" in result.stderr
    assert "fixed 0 findings in 0 files" in result.stderr
    assert draft.read_text(encoding="utf-8") == "# Saved by the editor\n"


@pytest.mark.slow  # counted in a spawned callgrind, 4-8 s: CI's slow stage runs it
def test_fixing_a_long_draft_grows_linearly() -> None:
    """A draft with thousands of repeats: one round settles them all, in linear time."""

    def draft(copies: int) -> str:
        return "# T\n\n" + "".join(f"Line {n}\nLine {n}\n\n" for n in range(copies))

    small, large = draft(20), draft(200)
    assert fixed(small, "S004").text == "# T\n\n" + "".join(f"Line {n}\n\n" for n in range(20))
    assert_linear(
        Growth("fixing 10x the repeats", fix_repeated_lines, small, large),
        Growth("one round of 10x the fixes", apply_fixes, draft(200), draft(2000), setup=with_fixes),
    )


def fix_repeated_lines(text: str) -> Fixed:
    return fix_text(text, lambda t: lint_selected(t, ("S004",)).findings, unsafe=False)


def with_fixes(text: str) -> tuple[str, list[Fix]]:
    return text, [f.fix for f in lint_selected(text, ("S004",)).findings if f.fix]


def apply_fixes(text_and_fixes: tuple[str, list[Fix]]) -> tuple[str, int]:
    return apply_round(*text_and_fixes)
