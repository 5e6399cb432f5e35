"""The regex engines behind rule packs: linear time on hostile input, one-line load errors.

User patterns run on RE2; the built-in packs keep `re` and are swept with adversarial
input here. Growth is counted in instructions between two input sizes (tests/growth.py),
never timed.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from seolint.registry.packs.load import PackError, builtin_pack_rules, parse_pack
from seolint.registry.packs.match import Matcher, PackCheck
from seolint.registry.packs.regex_safety import PatternError, compile_builtin_pattern
from tests.conftest import run_cli
from tests.growth import Growth, assert_linear


def user_pack(patterns: str = "'x'", message: str = "found {match!r}", exceptions: str = "") -> str:
    return f"""
[[rule]]
code = "Z001"
name = "zed"
severity = "warning"
summary = "Z."
message = "{message}"
scope = "lines"
patterns = [{patterns}]
{exceptions}
"""


def one_matcher(pattern: str) -> Matcher:
    (rule,) = parse_pack(user_pack(patterns=f"'{pattern}'"), "house.toml", set())  # TOML literal string
    assert isinstance(rule.check, PackCheck)
    (matcher,) = rule.check.matchers
    return matcher


def all_matches(matcher: Matcher, texts: list[str]) -> None:
    for text in texts:
        list(matcher.matches(text))


def growth(what: str, matcher: Matcher, makes: list[Callable[[int], str]], size: int) -> Growth:
    """The matches on each input `make` gives, at `size` and ten times `size`."""
    return Growth(
        what,
        partial(all_matches, matcher),
        [make(size) for make in makes],
        [make(size * 10) for make in makes],
    )


@pytest.mark.parametrize(
    ("pattern", "make"),
    [
        (r"(?:\d|\d\d)+%", lambda n: "1" * n),
        (r"(a|a)*b", lambda n: "a" * n),
        (r"(?:x|x?)+y", lambda n: "x" * n),
        (r"\s+,", lambda n: " " * n),
        (r"(e-?mail\s*)+$", lambda n: "email " * (n // 6) + "!"),
    ],
)
def test_backtracking_shapes_take_linear_time_in_user_packs(pattern: str, make: Callable[[int], str]) -> None:
    assert_linear(growth(pattern, one_matcher(pattern), [make], 1_000))


def test_user_phrases_take_linear_time() -> None:
    pack = user_pack(patterns="'x'").replace(
        "patterns = ['x']", 'phrases = ["a b c", "a b d", "sure, here is"]'
    )
    (rule,) = parse_pack(pack, "house.toml", set())
    assert isinstance(rule.check, PackCheck)
    (matcher,) = rule.check.matchers
    makes = [lambda n: "a" + " " * n + "x", lambda n: "a b " * (n // 4), lambda n: "sure, " * (n // 6)]
    assert_linear(
        *(growth(f"phrases on input {index}", matcher, [make], 1_000) for index, make in enumerate(makes))
    )


def test_the_21_second_pattern_is_refused_as_too_many_repeats() -> None:
    with pytest.raises(PackError) as error:
        one_matcher(r"(?:a{1,100}){1,100}b")
    message = str(error.value)
    assert "house.toml: rule Z001: patterns:" in message and "repeat count above 1000" in message


@pytest.mark.parametrize(
    ("pattern", "feature"),
    [
        (r"(?<!\w)TODO", "look-behind (?<!"),
        (r"(?<=: )TBD", "look-behind (?<="),
        (r"TK(?!\w)", "look-ahead (?!"),
        (r"TK(?=:)", "look-ahead (?="),
        (r"(a)\1", "backreferences"),
        (r"(?P<w>a)(?P=w)", "named backreferences"),
        (r"(?>a+)b", "atomic groups"),
        (r"a++b", "possessive repeats"),
        (r"(unclosed", "bad regular expression"),
    ],
)
def test_features_re2_lacks_are_named_in_one_line(
    pattern: str, feature: str, capfd: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(PackError) as error:
        one_matcher(pattern)
    message = str(error.value)
    assert message.startswith("house.toml: rule Z001: patterns: ") and feature in message
    assert "\n" not in message
    assert capfd.readouterr().err == ""  # RE2's own logging is off


def matches_in(text: str, matcher: Matcher) -> None:
    list(matcher.matches(text))


def test_many_groups_do_not_slow_each_match() -> None:
    """2,000 nested groups cost about what one does: a match asks for its span, not every group's."""
    deep, flat = one_matcher("(" * 2_000 + "a" + ")" * 2_000), one_matcher("a")
    assert_linear(Growth("2,000 groups against one", partial(matches_in, "a" * 100), flat, deep))


def test_exceptions_run_on_re2_too() -> None:
    with pytest.raises(PackError, match=r"rule Z001: exceptions: .*look-ahead"):
        parse_pack(user_pack(exceptions="exceptions = ['x(?=y)']"), "house.toml", set())


@pytest.mark.parametrize("pattern", [r"a{99999999999}", "(" * 2_000 + "a" + ")" * 2_000])
def test_huge_repeats_and_deep_nesting_do_not_crash(pattern: str) -> None:
    matcher = one_matcher(pattern)  # RE2 reads the first as a literal, the second as groups
    assert len(list(matcher.matches("a" * 10))) in (0, 10)
    with pytest.raises(PatternError) as error:  # and `re` would have crashed on both
        compile_builtin_pattern(pattern).compiled()  # compiled when first used
    assert "bad regular expression" in str(error.value) and len(str(error.value)) < 200


@pytest.mark.parametrize(
    "message",
    [
        "{match:>9999999999999}",
        "{match!r:^99}",
        "{match.__class__}",
        "{match[0]}",
        "{0}",
        "{}",
        "{other}",
        "{match",
    ],
)
def test_message_fields_other_than_plain_match_are_refused(message: str) -> None:
    with pytest.raises(PackError) as error:
        parse_pack(user_pack(message=message), "house.toml", set())
    assert str(error.value).startswith("house.toml: rule Z001: message: ")
    assert len(str(error.value)) < 200


@pytest.mark.parametrize("message", ["found {match}", "found {match!r}", "{match!s} and {{braces}}"])
def test_plain_match_fields_are_allowed(message: str) -> None:
    parse_pack(user_pack(message=message), "house.toml", set())


@pytest.mark.parametrize(
    "pack",
    [
        user_pack(message="{match:>9999999999999}"),
        user_pack(patterns=r"'(?<!\w)TODO'"),
        user_pack(patterns=r"'(?:a{1,100}){1,100}b'"),
    ],
)
def test_cli_prints_one_line_and_exits_2(tmp_path: Path, pack: str) -> None:
    (tmp_path / "house.toml").write_text(pack, encoding="utf-8")
    config = tmp_path / ".seolint.toml"
    config.write_text('rule-packs = ["house.toml"]\n', encoding="utf-8")
    (tmp_path / "post.md").write_text("# T\n\nx\n", encoding="utf-8")
    result = run_cli(["check", "--no-cache", "--config", str(config), str(tmp_path / "post.md")])
    assert result.exit_code == 2
    lines = (result.stdout + result.stderr).strip().splitlines()
    assert len(lines) == 1 and "house.toml" in lines[0] and "rule Z001" in lines[0], result.stderr


def test_user_pack_rules_survive_pickling_for_worker_processes() -> None:
    (rule,) = parse_pack(user_pack(patterns=r"'\bx+'"), "house.toml", set())
    assert isinstance(rule.check, PackCheck)
    copy = pickle.loads(pickle.dumps(rule.check))
    assert [m.span() for m in copy.matchers[0].matches("a xx x")] == [(2, 4), (5, 6)]


def builtin_patterns() -> list[tuple[str, Matcher]]:
    found = []
    for rule in builtin_pack_rules():
        if not isinstance(rule.check, PackCheck):
            continue  # a terms rule: tests/test_terms.py
        for matcher in rule.check.matchers:
            for pattern in (*matcher.patterns, *matcher.exceptions):
                found.append((f"{rule.code} {pattern.pattern[:50]}", Matcher((pattern,))))
    return found


HOSTILE_STARTS = [
    "[add ",
    "[ Insert ",
    "<insert ",
    "{{ ",
    "(TBD",
    "the TODO",
    "TODO",
    "as an AI ",
    "Meta Description:",
]


@pytest.mark.parametrize(
    ("name", "matcher"), builtin_patterns(), ids=[name for name, _ in builtin_patterns()]
)
def test_builtin_patterns_take_linear_time_on_hostile_lines(name: str, matcher: Matcher) -> None:
    makes = [
        make
        for start in HOSTILE_STARTS
        for make in (lambda n, s=start: s + " " * n + "x", lambda n, s=start: s * (n // len(s)))
    ]
    assert_linear(growth(f"{name} on hostile lines", matcher, makes, 300))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Add [Insert statistic] here.", ["[Insert statistic]"]),
        ("[add  example ]", ["[add  example ]"]),
        ("[insert  ]", ["[insert  ]"]),
        ("[insert ]", []),
        ("[Add link to docs]", []),
        ("[insert source here]", []),
        ("[Add example](https://x.dev)", []),
        ("[insert " + "x" * 200 + "]", ["[insert " + "x" * 200 + "]"]),
        ("[insert " + "x" * 201 + "]", []),
    ],
)
def test_bracket_placeholder_pattern_keeps_its_matches(line: str, expected: list[str]) -> None:
    (matcher,) = [m for name, m in builtin_patterns() if "insert|add" in name]
    assert [m.group() for m in matcher.matches(line)] == expected
