"""Readability rules (R), code-aware: they read prose only (seolint.document.views defines it).

The R001/R002 defaults come from the published posts in ../shared/corpus: at most about
10 % of them get either warning (table in the README, "Readability defaults").
"""

from __future__ import annotations

from collections.abc import Iterator

from seolint.document import prose
from seolint.document.language import DEFAULT_LANGUAGE
from seolint.document.model import Document, PageKind, Span
from seolint.document.views import Views
from seolint.findings.records import Problem, Severity
from seolint.registry.options import Options, option
from seolint.registry.rule import rule


def _whole_post(doc: Document, message: str) -> Problem:
    """A verdict on the whole post's prose, anchored where the prose starts."""
    first = doc.blocks[0].span if doc.blocks else Span.point(1)
    return Problem(Span.point(first.line, first.column), message, about="post")


class ReadingEaseOptions(Options):
    min: float = 40.0  # Flesch reading ease; lower is harder (60-70 is plain English)
    min_words: int = option(100, minimum=0)  # shorter posts are not scored


# Scores of a whole page's prose judge what was written to be read through: not docs pages,
# glossary entries and API pages, or release notes (lists of features). On a published
# technical site its vocabulary decides the score (0 of 43 sampled on the shared sites were
# acted on), so they are on by default for a writer's draft outside a site only.
PROSE_KINDS: tuple[PageKind, ...] = ("post", "landing")


@rule(
    "R001",
    "reading-ease",
    Severity.WARNING,
    ReadingEaseOptions,
    kinds=PROSE_KINDS,
    languages=prose.READING_EASE,
    counts_words=True,
    by_default=False,
    on_lone_drafts=True,
)
def reading_ease(doc: Document, opts: ReadingEaseOptions) -> Iterator[Problem]:
    """The post's Flesch reading ease is lower than the configured minimum.

    Why: long sentences and long words make a post slow to read; readers skim, then
    leave. Code, headings, URLs and tables are not scored, so a code-heavy post is
    judged on its explanations only. Posts under `min-words` words of prose are skipped.
    Each language is scored with its own formula, as textstat has them: English Flesch,
    German Flesch-Amstad, Spanish Fernández-Huerta, French Kandel-Moles, Italian
    Flesch-Vacca, Dutch Flesch-Douma, Russian Flesch-Oborneva, Hungarian; pages in other
    languages are not scored.
    Example: reading ease 18 (dense) -> split sentences, prefer short words.
    """
    views = doc.views
    if views.words < opts.min_words:
        return
    language = doc.page.language or DEFAULT_LANGUAGE
    score = prose.reading_ease(views, language)
    if score is not None and (shown := round(score, 1)) < opts.min:  # as printed: never "40 is below 40"
        formula = "" if language == "en" else f" ({prose.READING_EASE[language][0]})"
        yield _whole_post(doc, f"reading ease {shown:.1f}{formula} is below {opts.min:g}")


class GradeOptions(Options):
    max: float = 12.5  # Flesch-Kincaid grade (US school years)
    min_words: int = option(100, minimum=0)  # shorter posts are not scored


@rule(
    "R002",
    "grade-level",
    Severity.WARNING,
    GradeOptions,
    kinds=PROSE_KINDS,
    languages=prose.GRADE,
    counts_words=True,
    by_default=False,
    on_lone_drafts=True,
)
def grade_level(doc: Document, opts: GradeOptions) -> Iterator[Problem]:
    """The post's Flesch-Kincaid grade is above the configured maximum.

    Why: the grade estimates the years of schooling a reader needs; technical readers
    can take more, but every grade above what the topic needs loses some of them.
    Posts under `min-words` words of prose are skipped. German pages are graded with the
    Wiener Sachtextformel (a school grade too); other languages have no grade formula in
    textstat and are not graded.
    Example: grade 19 -> shorten sentences and explain jargon once.
    """
    views = doc.views
    if views.words < opts.min_words:
        return
    language = doc.page.language or DEFAULT_LANGUAGE
    level = prose.grade(views, language)
    if level is not None and round(level, 1) > opts.max:  # judged as printed: never "12.5 is above 12.5"
        formula = "" if language == "en" else f" ({prose.GRADE[language]})"
        yield _whole_post(doc, f"grade level {level:.1f}{formula} is above {opts.max:g}")


class LongSentenceOptions(Options):
    max_words: int = option(50, minimum=1)  # README, "Defaults and why"


@rule(
    "R003", "long-sentence", Severity.WARNING, LongSentenceOptions, counts_words=True, on_translations=False
)
def long_sentence(doc: Document, opts: LongSentenceOptions) -> Iterator[Problem]:
    """A sentence has more words than the configured maximum.

    Why: readers lose the thread of a very long sentence, and it is often two ideas.
    Reported at the line where the sentence starts. A run of names or items (one comma per
    four words or more, or three semicolons) is a list, not a sentence, and a quotation is
    someone else's words: both are skipped. A translation on a multilingual site keeps its
    original's sentences, so it is judged on the original (in the site's default language).
    Example: a 55-word sentence joined by "and ... which ... so" -> split it in two.
    """
    views = doc.views
    for sentence in views.sentences:
        if sentence.words <= opts.max_words or reads_as_list(sentence.text, sentence.words):
            continue
        if views.blocks[sentence.block].block.kind != "quote":
            yield Problem(
                prose.locate(views, sentence), f"sentence of {sentence.words} words (max {opts.max_words})"
            )


def reads_as_list(text: str, words: int) -> bool:
    """A run of names or items ("Thanks to A, B C, D, ...": one comma per four words or
    more; "A for the fix; B for the review; C for ...": three semicolons or more). Readers
    scan it as a list, not as prose to follow."""
    return text.count(",") * 4 >= words or text.count(";") >= 3


class LongParagraphOptions(Options):
    max_words: int = option(200, minimum=1)  # README, "Defaults and why"


@rule(
    "R004", "long-paragraph", Severity.WARNING, LongParagraphOptions, counts_words=True, on_translations=False
)
def long_paragraph(doc: Document, opts: LongParagraphOptions) -> Iterator[Problem]:
    """A paragraph has more words than the configured maximum.

    Why: on screens a wall of text is skipped; short paragraphs give the eye places to
    rest and make the post easy to scan. A list of names or items (one comma per four
    words or more, or three semicolons, such as a release's thanks) is skipped.
    Example: a 260-word paragraph -> break it where the topic turns.
    """
    for block in doc.views.blocks:
        if block.words > opts.max_words and not reads_as_list(block.text, block.words):
            yield Problem(
                Span.point(block.block.span.line, block.block.span.column),
                f"paragraph of {block.words} words (max {opts.max_words})",
            )


class LongSentenceShareOptions(Options):
    max_share: float = option(0.4, minimum=0, maximum=1)  # fraction of sentences allowed over `long-words`
    long_words: int = option(20, minimum=1)
    min_words: int = option(100, minimum=0)  # shorter posts are not scored


@rule(
    "R005",
    "long-sentence-share",
    Severity.INFO,
    LongSentenceShareOptions,
    kinds=PROSE_KINDS,
    counts_words=True,
    by_default=False,
)
def long_sentence_share(doc: Document, opts: LongSentenceShareOptions) -> Iterator[Problem]:
    """Too many of the post's sentences are long.

    Why: one long sentence is fine; a post where every other sentence runs past 20 words
    is tiring to read even when none is extreme.
    Posts under `min-words` words of prose are skipped.
    Example: half of the sentences over 20 words -> aim for two in five or fewer.
    """
    views = doc.views
    if views.words < opts.min_words or not views.sentences:
        return
    long = sum(1 for s in views.sentences if s.words > opts.long_words and not reads_as_list(s.text, s.words))
    share = long / len(views.sentences)
    if share > opts.max_share:
        yield _whole_post(
            doc, f"{share:.0%} of sentences have more than {opts.long_words} words (max {opts.max_share:.0%})"
        )


class RepeatedStartOptions(Options):
    min_run: int = option(3, minimum=2)  # this many sentences in a row starting with the same word
    skip_words: tuple[str, ...] = ("the", "a", "an")  # openers any prose repeats (README, "Defaults and why")


@rule(
    "R006",
    "repeated-sentence-start",
    Severity.INFO,
    RepeatedStartOptions,
    counts_words=True,
    by_default=False,
)
def repeated_sentence_start(doc: Document, opts: RepeatedStartOptions) -> Iterator[Problem]:
    """Several sentences in a row start with the same word.

    Why: "We ... We ... We ..." reads like a list that forgot to be one; varying the
    openings keeps prose moving. Lists are skipped: parallel items are fine there, and so
    are the articles of `skip-words` ("The ... The ..." rarely reads as a pattern).
    Example: three sentences starting with "This" -> merge two or reword one.
    """
    views = doc.views
    skipped = {word.lower() for word in opts.skip_words}
    run: list[int] = []  # the sentences in a row that start with `run_word`
    run_word = ""
    for index, sentence in enumerate(views.sentences):
        kind = views.blocks[sentence.block].block.kind
        word = _first_word(sentence.text) if kind in ("paragraph", "quote") else ""
        word = "" if word in skipped else word
        if word and word == run_word:
            run.append(index)
            continue
        yield from _report_run(views, run, opts.min_run)
        run, run_word = ([index], word) if word else ([], "")
    yield from _report_run(views, run, opts.min_run)


def _report_run(views: Views, run: list[int], min_run: int) -> Iterator[Problem]:
    if len(run) >= min_run:
        first = views.sentences[run[0]]
        yield Problem(
            prose.locate(views, first),
            f"{len(run)} sentences in a row start with {_first_word(first.text)!r}",
        )


def _first_word(text: str) -> str:
    words = text.split(maxsplit=1)
    return words[0].strip("\"'“‘(*_").lower() if words else ""
