"""Rule packs: loading, every scope, positions, errors, user packs via config, speed."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

import pytest

from seolint.config.files import Config, ConfigError
from seolint.config.plan import make_plan, rules_for
from seolint.parse import parse
from seolint.registry.catalog import known_rules
from seolint.registry.packs.load import builtin_pack_rules, parse_pack
from seolint.registry.packs.match import PackCheck
from seolint.registry.rule import NoOptions
from tests.conftest import codes_at, doc_of, lint, lint_selected, lint_text, rule_findings, run_cli
from tests.growth import Growth, assert_linear
from tests.test_regex_safety import scan

RULE = """
[[rule]]
code = "Z001"
name = "no-utilize"
severity = "warning"
summary = "Say use."
message = "say use, not {match}"
scope = "{scope}"
phrases = ["utilize"]
"""


def pack_lint(text: str, scope: str, fmt: str = "markdown", extra: str = "") -> list[tuple[int, str]]:
    rules = parse_pack(RULE.replace("{scope}", scope) + extra, "test.toml", set())
    from seolint.config.plan import ActiveRule, Plan

    plan = Plan(tuple(ActiveRule(r, r.severity, r.default_options()) for r in rules))
    name = {"markdown": "x.md", "html": "x.html", "text": "x.txt"}[fmt]
    return codes_at(list(lint_text(text, name, fmt, plan).findings))  # type: ignore[arg-type]


def test_builtin_packs_define_s001_to_s003_as_ordinary_rules() -> None:
    # T001: tests/test_terms.py; A001 (opt-in style pack): tests/test_leftover_forms.py
    rules = {r.code: r for r in builtin_pack_rules() if r.code not in ("T001", "A001")}
    assert set(rules) == {"S001", "S002", "S003"}
    assert rules["S001"].name == "template-scaffolding" and rules["S001"].severity.label == "error"
    assert rules["S003"].severity.label == "error"  # a chatbot sentence blocks publishing
    assert "Why:" in rules["S002"].doc and "Example:" in rules["S002"].doc
    assert all(isinstance(r.check, PackCheck) for r in rules.values())


@pytest.mark.parametrize(
    ("scope", "text", "fmt", "expected"),
    [
        ("lines", "# T\n\nWe utilize caches.\n", "markdown", [(3, "Z001")]),
        ("prose", "# T\n\nWe\nutilize caches.\n", "markdown", [(4, "Z001")]),
        ("headings", "# T\n\n## Utilize caches\n\nWe utilize.\n", "markdown", [(3, "Z001")]),
        ("link-text", "# T\n\n[utilize it](/a/) and utilize.\n", "markdown", [(3, "Z001")]),
        ("link-target", "# T\n\n[go](/utilize/) and [utilize](/b/).\n", "markdown", [(3, "Z001")]),
        ("alt-text", "# T\n\n![utilize](a.png) utilize\n\n![ok](b.png)\n", "markdown", [(3, "Z001")]),
        ("prose", "<main><h1>Utilize</h1><p>We utilize.</p></main>", "html", [(1, "Z001")]),
        ("prose", "# T\n\n> They utilize it.\n\nWe utilize.\n", "markdown", [(3, "Z001"), (5, "Z001")]),
        ("own-prose", "# T\n\n> They utilize it.\n\nWe utilize.\n", "markdown", [(5, "Z001")]),
    ],
)
def test_each_scope_reads_only_its_text(
    scope: str, text: str, fmt: str, expected: list[tuple[int, str]]
) -> None:
    assert pack_lint(text, scope, fmt) == expected


def test_phrases_are_case_insensitive_and_whole_words() -> None:
    assert pack_lint("UTILIZE it.\n\nutilized, reutilize.\n", "lines") == [(1, "Z001")]


def test_lines_scope_never_reads_front_matter_code_comments_inline_code_or_urls() -> None:
    text = (
        "---\ntitle: utilize\n---\n\n"
        "```\nutilize\n```\n\n"
        "    utilize (indented code)\n\n"
        "<!-- utilize -->\n\n"
        "Call `utilize()` at https://example.org/utilize now.\n\n"
        "<pre><code>utilize</code></pre>\n\n"
        "[ref]: https://example.org/utilize\n"
    )
    assert pack_lint(text, "lines") == []


def test_lines_scope_in_html_skips_head_scripts_and_code() -> None:
    html = (
        "<html><head><title>utilize</title></head>\n<body><main>\n<h1>Plain</h1>\n"
        "<p>Fine words.</p>\n<pre>utilize</pre>\n<script>utilize()</script>\n"
        "<p>Then utilize.</p>\n</main></body></html>\n"
    )
    assert pack_lint(html, "lines", "html") == [(7, "Z001")]


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("**Internal Links:**", "Internal Links:"),
        ("## Related Posts ##", "Related Posts"),
        ("  • [Link to x]", "[Link to x]"),
        ("<p><strong>Call to Action</strong></p>", "Call to Action"),
        ("> 1. Title: x", "Title: x"),
        ("C#", "C#"),
        ("<placeholder>", "<placeholder>"),
        ('<a id="cta"></a>Call to Action', "Call to Action"),
        ('<a href="/signup">Call to Action</a>', '<a href="/signup">Call to Action</a>'),
    ],
)
def test_the_lines_scope_keeps_only_the_text_of_a_markdown_line(line: str, text: str) -> None:
    doc = parse(f"Intro.\n\n{line}\n", "draft.md", "markdown")
    assert doc.views.lines[3].text == text


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("<p><strong>Call to Action</strong></p>", "Call to Action"),
        ("<p>- Call to Action</p>", "- Call to Action"),  # a dash in HTML text is text
        ("<p># Call to Action</p>", "# Call to Action"),
    ],
)
def test_the_lines_scope_peels_only_tags_off_an_html_line(line: str, text: str) -> None:
    doc = parse(f"<main>\n<p>Intro.</p>\n{line}\n</main>\n", "page.html", "html")
    assert doc.views.lines[3].text == text


def test_exceptions_drop_overlapping_matches() -> None:
    extra = 'exceptions = ["(?i)utilize rate"]\n'
    assert pack_lint("utilize rate.\n\nutilize it.\n", "lines", extra=extra) == [(3, "Z001")]


def test_match_tables_with_positions() -> None:
    rules = """
[[rule]]
code = "Z002"
name = "labels"
severity = "error"
summary = "Labels."
message = "label {match}"
scope = "lines"

[[rule.match]]
where = "first-line"
patterns = ['^Title:']

[[rule.match]]
where = "empty-section"
patterns = ['^(?:Related|Latest)$']
"""
    parsed = parse_pack(rules, "t.toml", set())
    from seolint.config.plan import ActiveRule, Plan

    plan = Plan(tuple(ActiveRule(r, r.severity, r.default_options()) for r in parsed))

    def found(text: str) -> list[tuple[int, str]]:
        return codes_at(list(lint_text(text, "x.md", "markdown", plan).findings))

    assert found("Title: A\n\nTitle: B\n") == [(1, "Z002")]
    assert found("Body.\n\nRelated\n\n\nLatest\n<!-- note -->\n") == [(3, "Z002"), (6, "Z002")]
    assert found("Related\n\n- [a](/a/)\n\nLatest\n\n## Next\n\nText.\n") == [(5, "Z002")]
    assert found("Related\n\n```\ncode\n```\n") == []


def test_pack_rules_obey_select_ignore_severity_and_options() -> None:
    draft = "# T\n\nTODO: finish.\n\nIn a nutshell, we ship.\n"
    assert codes_at(lint(draft, select=("S002",))) == [(3, "S002")]
    assert codes_at(lint(draft, select=("todo-marker",))) == [(3, "S002")]
    assert lint(draft, select=("S",), rules=None) and not lint(draft, select=("S003",))
    plan = make_plan(Config(select=("S002",), severity={"S002": make_severity("info")}))
    assert [f.severity.label for f in lint_text(draft, "x.md", "markdown", plan).findings] == ["info"]
    extended = lint(draft, select=("S003",), rules={"S003": {"extend-phrases": ["in a nutshell"]}})
    assert codes_at(extended) == [(5, "S003")]
    with pytest.raises(ConfigError, match="unknown option"):
        make_plan(Config(select=("S003",), rules={"S003": {"phrases": ["x"]}}))


def make_severity(label: str):  # type: ignore[no-untyped-def]
    from seolint.findings.records import Severity

    return Severity.parse(label)


def test_explain_and_rules_show_pack_rules() -> None:
    explained = run_cli(["explain", "template-scaffolding"])
    assert explained.exit_code == 0 and "S001 template-scaffolding [error]" in explained.stdout
    assert "extend-phrases" in explained.stdout
    listed = run_cli(["rules", "--format", "json"])
    assert {"S001", "S002", "S003", "S004"} <= {
        row["code"] for row in __import__("json").loads(listed.stdout)
    }


USER_PACK = """
[[rule]]
code = "Y001"
name = "house-style"
severity = "warning"
summary = "House style."
message = "write {match} differently"
scope = "prose"
patterns = ['\\be-mail\\b']
"""


def test_user_packs_load_from_config_relative_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "style.toml").write_text(USER_PACK, encoding="utf-8")
    (tmp_path / ".seolint.toml").write_text('rule-packs = ["packs"]\nselect = ["Y"]\n', encoding="utf-8")
    (tmp_path / "post.md").write_text("# T\n\nSend an e-mail.\n", encoding="utf-8")
    elsewhere = tmp_path / "sub"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = run_cli(["check", "--format", "text", "--fail-on", "warning", "../post.md"])
    assert result.exit_code == 1
    assert re.search(r"post\.md:3:\d+: Y001", result.stdout)
    assert "Y001" in run_cli(["rules"]).stdout


@pytest.mark.parametrize(
    ("pack", "problem"),
    [
        ("[[rule]\n", "invalid TOML"),
        (USER_PACK.replace("\\be-mail", "(unclosed"), "bad regular expression"),
        (USER_PACK.replace('"Y001"', '"S001"'), "already defined"),
        (USER_PACK + USER_PACK.replace('"house-style"', '"other"'), "already defined"),
        (USER_PACK.replace('"prose"', '"paragraphs"'), "unknown scope"),
        (USER_PACK.replace('summary = "House style."\n', ""), "missing or empty 'summary'"),
        (USER_PACK.replace("patterns = ['\\be-mail\\b']", ""), "needs patterns or phrases"),
        (USER_PACK + 'colour = "red"\n', "unknown key 'colour'"),
        (USER_PACK.replace("\\be-mail\\b", "(?<!x)e-mail"), "look-behind"),
        (USER_PACK.replace('"warning"', '"loud"'), "loud"),
        (USER_PACK.replace("{match}", "{nope}"), "nope"),
        (USER_PACK.replace('"Y001"', '"y-1"'), "bad rule identity"),
    ],
)
def test_pack_errors_name_file_and_rule_and_exit_2(tmp_path: Path, pack: str, problem: str) -> None:
    (tmp_path / "bad.toml").write_text(pack, encoding="utf-8")
    config_file = tmp_path / ".seolint.toml"
    config_file.write_text('rule-packs = ["bad.toml"]\n', encoding="utf-8")
    config = Config(source=config_file, root=tmp_path, rule_packs=("bad.toml",))
    with pytest.raises(ConfigError) as error:
        rules_for(config)
    message = str(error.value)
    assert "bad.toml" in message and problem in message
    if problem != "invalid TOML":
        assert "rule " in message
    (tmp_path / "post.md").write_text("# T\n", encoding="utf-8")
    result = run_cli(["check", "--config", str(config_file), str(tmp_path / "post.md")])
    assert result.exit_code == 2


def test_missing_pack_path_is_a_config_error(tmp_path: Path) -> None:
    config = Config(source=tmp_path / ".seolint.toml", root=tmp_path, rule_packs=("nowhere",))
    with pytest.raises(ConfigError, match="nowhere"):
        rules_for(config)


def _adversarial_inputs(pattern: str, size: int) -> list[str]:
    """Long runs of each character the pattern names, alone and mixed with its own literals."""
    chars = {c for c in pattern if c.isprintable()} | {" ", "\t", "a", "A"}
    literal = re.sub(r"\\[a-zA-Z]|[\\^$()?:*+|{}\[\]]", "", pattern)[:40] or "a"
    inputs = [c * size for c in sorted(chars)]
    inputs.append((literal * (size // len(literal) + 1))[:size])
    inputs.append(("[add " * (size // 5)) + "x")
    inputs.append(("{{" + " " * 10 + "a") * (size // 13))
    return inputs


@pytest.mark.slow  # counted in a spawned callgrind, 4-8 s: CI's slow stage runs it
def test_every_builtin_pack_regex_is_linear_on_adversarial_input() -> None:
    checks = []
    for rule in builtin_pack_rules():
        if not isinstance(rule.check, PackCheck):
            continue  # a terms rule: tests/test_terms.py
        for matcher in rule.check.matchers:
            for pattern in (*matcher.patterns, *matcher.exceptions):
                small = _adversarial_inputs(pattern.pattern, 50)
                large = _adversarial_inputs(pattern.pattern, 500)
                checks.append(
                    Growth(f"{rule.code} {pattern.pattern!r}", partial(scan, pattern), small, large)
                )
    assert_linear(*checks)


@pytest.mark.slow  # counted in a spawned callgrind, 4-8 s: CI's slow stage runs it
def test_whole_pack_rules_are_linear_on_one_huge_line() -> None:
    checks = []
    for filler in ("TODO ", "[Insert ", "{{ x ", "Related Posts ", "**", "<p>", "# "):
        small, large = ("# T\n\n" + filler * (size // len(filler)) + "\n" for size in (250, 2_500))
        checks.append(Growth(repr(filler), partial(rule_findings, ("S",)), small, large, setup=doc_of))
    assert_linear(*checks)


def test_pack_rule_has_no_python_options_beyond_extend_phrases() -> None:
    rule = known_rules().get("S001")
    assert rule.option_defaults() == {"extend-phrases": ()}
    assert rule.options_type is not NoOptions


def test_the_readme_example_pack_is_valid() -> None:
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n# style/house\.toml\n(.*?)```", readme, re.DOTALL)
    assert example is not None
    (rule,) = parse_pack(example.group(1), "house.toml", set())
    from seolint.config.plan import ActiveRule, Plan

    plan = Plan((ActiveRule(rule, rule.severity, rule.default_options()),))
    found = lint_text("Draft: x\n\nWe utilize and leverage caching.\n", "a.md", "markdown", plan).findings
    assert codes_at(list(found)) == [(1, "Z001"), (3, "Z001"), (3, "Z001")]


@pytest.mark.slow  # counted in a spawned callgrind: CI's slow stage runs it
def test_many_empty_section_labels_take_linear_time() -> None:
    small, large = ("# T\n\n" + "Related Posts\n\n" * count for count in (20, 200))
    assert len(lint_selected(large, ("S001",)).findings) == 200
    assert_linear(Growth("S001", partial(rule_findings, ("S001",)), small, large, setup=doc_of))
