"""Citation markers and fill-in slots by their form (S008, S002, L001): a marker of a source
the draft does not list, and a slot still to fill, in any casing, wording or delimiter, in
Markdown, text and HTML (attribute values included); and their near misses, which must stay
quiet: footnotes with definitions, indexing, regexes, task boxes, shell tests, templates in
code, generics, a site's shortcodes, a post with its reference list."""

from __future__ import annotations

import pytest

from tests.conftest import lint
from tests.short_posts import LEFTOVER, PROSE, html, markdown


def leftover_lines(text: str, fmt: str = "markdown") -> list[tuple[int, str]]:
    return sorted({(f.span.line, f.code) for f in lint(text, fmt) if f.code.startswith(LEFTOVER)})  # type: ignore[arg-type]


# Each: the draft, its format, and the (line, code) that must be among its leftover findings.
FILLED = [
    (markdown("Teams at [Your Company] ship twice as fast since the switch."), "markdown", (3, "S008")),
    (markdown("Sign up at __COMPANY__ to get the beta."), "markdown", (3, "S008")),
    (markdown("Ask <COMPANY> support for an invite."), "markdown", (3, "S008")),
    (markdown("The rollout finished on [DATE] without incidents."), "markdown", (3, "S008")),
    (markdown("It costs $[amount] per seat per month."), "markdown", (3, "S008")),
    (markdown("Latency dropped by [X]% after the change."), "markdown", (3, "S008")),
    (markdown("We now serve [[NUMBER]] requests a day."), "markdown", (3, "S008")),
    (markdown("Hello {{first_name}}, thanks for joining."), "markdown", (3, "S002")),
    (markdown("Our team at {company} ships every day."), "markdown", (3, "S008")),
    (markdown("Error rates fell by XX% in a week."), "markdown", (3, "S002")),
    (markdown("Each hop now adds N ms of latency."), "markdown", (3, "S008")),
    (markdown("Adoption grew 40% last year[1].", "Most teams deploy daily[2]."), "markdown", (3, "S008")),
    (markdown("Rust is memory safe[1][3] and fast[2]."), "markdown", (3, "S008")),
    (markdown("The limit is 100 requests per minute[^2]."), "markdown", (3, "S008")),
    (markdown("Kafka keeps messages for seven days by default【3†source】."), "markdown", (3, "S008")),
    (markdown("The default window is ten seconds [cite: 4]."), "markdown", (3, "S008")),
    (markdown("Most outages start with a config change (source 2)."), "markdown", (3, "S008")),
    (markdown("The protocol was standardised in 2015 [ref]."), "markdown", (3, "S008")),
    (markdown("Adoption doubled³ within a year."), "markdown", (3, "S008")),
    (html('<p>Read more on <a href="[Your Company URL]">our site</a>.</p>'), "html", (3, "L001")),
    (html('<img src="[screenshot of the dashboard]" alt="The dashboard">'), "html", (3, "S008")),
    (
        '<html><head><title>Pools</title><meta name="description" content="[Meta description for the '
        'post]"></head><body><h1>Pools</h1><p>' + PROSE + "</p></body></html>\n",
        "html",
        (1, "S008"),
    ),
    (html('<img src="hero.png" alt="{{alt_text}}">'), "html", (3, "S002")),
    (markdown("[Customer Name] cut their build times in half."), "markdown", (3, "S008")),
    (markdown("Written by [AUTHOR NAME] for the platform team."), "markdown", (3, "S008")),
    (html("<p>Prices start at [$X] a month.</p>"), "html", (3, "S008")),
    (html('<meta property="og:image" content="[hero image URL]">'), "html", (3, "S008")),
    ("Join [Your Company]'s beta today.\n\n" + PROSE + "\n", "text", (1, "S008")),
    (
        html("<p>The survey found that most teams deploy daily.<sup>4</sup> Few roll back.<sup>5</sup></p>"),
        "html",
        (3, "S008"),
    ),
    (markdown("Call us on [PHONE NUMBER] to book a demo."), "markdown", (3, "S008")),
]

# Each: a draft and its format; none may have a leftover finding.
NEAR = [
    (markdown("Rust is fast[^1].", "[^1]: Benchmarks from the 2024 survey."), "markdown"),
    (markdown("The value of a[1] is the second element.", "Then items[0] holds the first."), "markdown"),
    (markdown("Match [a-z]+ at the start of each name."), "markdown"),
    ("# Pools\n\n- [x] Write the tests\n- [ ] Ship it\n\n" + PROSE + "\n", "markdown"),
    (markdown("```sh\n[[ -f pool.conf ]] && echo ok\n```"), "markdown"),
    (markdown("```jinja\nHello {{ company_name }}\n```"), "markdown"),
    (markdown("A Vec<T> owns its items, and an Option<T> may hold one."), "markdown"),
    (markdown("The pool reads <CONFIG_DIR>/pool.toml at start."), "markdown"),
    (
        markdown(
            "Kafka is durable [1] and fast [2].",
            "## References",
            "[1] J. Kreps, The Log, 2013.\n[2] Confluent, Benchmarking Kafka, 2014.",
        ),
        "markdown",
    ),
    ("# Pools\n\n> [!NOTE]\n> Pools are per process.\n\n" + PROSE + "\n", "markdown"),
    (markdown("See [the docs][docs] for more.", "[docs]: https://vector.dev/docs"), "markdown"),
    (markdown("Read [RFC 9110] first.", "[RFC 9110]: https://www.rfc-editor.org/rfc/rfc9110"), "markdown"),
    (markdown("Press [Ctrl]+[C] to stop the pool."), "markdown"),
    (markdown("The log shows [INFO] and [WARN] lines when the pool grows."), "markdown"),
    (markdown("Energy is mc² and the room is 30 m²."), "markdown"),
    (markdown("Go maps look like map[string]int in signatures."), "markdown"),
    (markdown("“We think [the pool] is ready,” she said."), "markdown"),
    (markdown("With N replicas, a write waits for N/2+1 acknowledgements."), "markdown"),
    (markdown("Errors like 5XX are the server's, and builds 1.2.XXX are nightly."), "markdown"),
    (markdown("Details are in the appendix (section 2)."), "markdown"),
    (markdown("Tags look like [beta] or [stable] in the changelog."), "markdown"),
    (markdown("Python calls __init__ first, and C has __FILE__ for the file name."), "markdown"),
    (html("<P>Old pages wrote tags in capitals.<BR>Browsers do not mind.</P>"), "html"),
    (html('<img src="/images/pool.png" alt="A pool of [four] connections">'), "html"),
    (markdown("Call GET /users/{id} to fetch one user."), "markdown"),
    (markdown("`[Your Company]` is the placeholder our template uses."), "markdown"),
    (markdown("The pool has [3] states in the diagram: idle, busy, closed."), "markdown"),
    (markdown("Note [1] in the spec explains the limit, as does note [2]."), "markdown"),
]


@pytest.mark.parametrize(("text", "fmt", "expected"), FILLED, ids=[f"{i}" for i in range(len(FILLED))])
def test_a_marker_or_a_slot_is_reported(text: str, fmt: str, expected: tuple[int, str]) -> None:
    assert expected in leftover_lines(text, fmt)


@pytest.mark.parametrize(("text", "fmt"), NEAR, ids=[f"{i}" for i in range(len(NEAR))])
def test_syntax_that_looks_like_one_is_left_alone(text: str, fmt: str) -> None:
    assert leftover_lines(text, fmt) == []
