"""Draft leftovers by form (S005-S010): metadata labels, an outline above the draft, the chat
assistant's sentences, notes to the author, Markdown leaked into HTML, and page debris.

Each form is found by its own module (label_lines, outline_block, author_notes,
page_debris; the assistant's sentences by seolint.checks.assistant and, by the grammar of
address, seolint.checks.address); `anatomy` reads a draft once with all of them, so that
each knows what the others took (an outline's `Hook:` items are not labels, a note S008
names is not also S007's) and C001 can set every leftover line aside when it reads the ending.
"""

from __future__ import annotations

from collections.abc import Iterator

from seolint.checks.assistant import Said, assistant_sentences, s003_reports
from seolint.checks.author_notes import Note, find_notes
from seolint.checks.chat_turns import find_earlier_turns
from seolint.checks.draft_units import units
from seolint.checks.front_matter_notes import front_matter_notes
from seolint.checks.label_lines import Label, find_labels, find_property_rows
from seolint.checks.leftover_screen import may_hold, unit_texts
from seolint.checks.outline_block import (
    EXAMPLE_SIGNS,
    OUTLINE_SIGNS,
    Outline,
    example_plans,
    find_outline,
    language_signs,
)
from seolint.checks.page_copy import find_page_around
from seolint.checks.page_debris import Debris, find_debris
from seolint.checks.post_body import find_outside, find_trace
from seolint.checks.tool_records import find_copy_fence, find_run_logs, find_run_records, find_working_title
from seolint.discover.records import NamedTuple
from seolint.document.language import DEFAULT_LANGUAGE
from seolint.document.model import Document, Field, Span
from seolint.findings.records import Edit, Fix, Problem, Severity
from seolint.parse.html.authored import html_for
from seolint.registry.edits import removable, remove_lines, remove_section, remove_sentence
from seolint.registry.rule import NoOptions, rule


class Anatomy(NamedTuple):
    framing: tuple[Said, ...]
    outline: Outline | None
    debris: tuple[Debris, ...]
    notes: tuple[Note, ...]
    labels: tuple[Label, ...]
    lines: frozenset[int]  # every line a leftover form covers


def anatomy(doc: Document) -> Anatomy:
    """The leftovers of `doc`, found once however many rules ask."""
    return doc.views.derived(_anatomy)


def _anatomy(doc: Document) -> Anatomy:
    found = units(doc)
    screen = unit_texts(doc)
    said = assistant_sentences(doc)
    framing_lines = {s.span.line for s in said}
    outline = (
        find_outline(found, framing_lines, doc.lines)
        if may_hold(screen, *OUTLINE_SIGNS, *language_signs())
        else None
    )
    outline_lines = set(range(outline.first, outline.last + 1)) if outline is not None else set()
    pasted = find_debris(doc, found, framing_lines | outline_lines)
    records = find_run_records(doc, found) + find_run_logs(found) + find_copy_fence(doc)
    records += find_earlier_turns(found, framing_lines) + find_working_title(doc)
    debris = tuple(find_trace(doc) + records + pasted + find_page_around(doc, pasted))
    debris_lines = {line for d in debris for line in range(d.first, d.last + 1)}
    spoken = {s.span.line for s in said if not s.addressed}
    notes = tuple(find_notes(doc, found, spoken, framing_lines - spoken))
    noted = {n.span.line for n in notes}
    framing = tuple(s for s in said if not (s.addressed and s.span.line in noted))  # S008 names a note better
    note_lines = {line for n in notes if n.removable for line in range(n.span.line, n.span.end_line + 1)}
    taken = framing_lines | outline_lines | debris_lines | note_lines
    cells = [(block.span.line, block.text) for block in doc.blocks if block.kind == "table-cell"]
    examples = example_plans(found, framing_lines) if may_hold(screen, *EXAMPLE_SIGNS) else set()
    labels = tuple(find_labels(found, taken | examples) + find_property_rows(cells, found, taken))
    lines = (
        taken
        | {n.span.line for n in notes}
        | {n for label in labels for n in range(label.line, label.last + 1)}
    )
    markers = {unit.line for unit in found if unit.marker}
    whole = taken | {n for label in labels for n in range(label.line, label.last + 1)}
    outside = find_outside(doc, found, lines | markers, whole, framing_lines, debris_lines)
    lines |= {line for d in outside for line in range(d.first, d.last + 1)}
    return Anatomy(framing, outline, debris + tuple(outside), notes, labels, frozenset(lines))


def _line_span(doc: Document, line: int) -> Span:
    text = doc.lines[line - 1]
    start = len(text) - len(text.lstrip())
    return Span(line, start + 1, line, len(text.rstrip()) + 1)


def _delete(doc: Document, first: int, last: int, safe: bool, title: str, on_top: bool = False) -> Fix | None:
    """Delete lines first..last as a unit, when that leaves the markup around them whole;
    `on_top`: nothing but other leftovers is above them, so the blank lines under them go too."""
    if not removable("\n".join(doc.lines[first - 1 : last])):
        return None
    if on_top:
        while last < len(doc.lines) and not doc.lines[last].strip():
            last += 1
        return Fix((remove_lines(doc, first, last),), "safe" if safe else "unsafe", title)
    return Fix((remove_section(doc, first, last),), "safe" if safe else "unsafe", title)


@rule("S005", "metadata-label", Severity.ERROR)
def metadata_label(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """A line of the draft's metadata (`Slug: ...`, `**Reading time:** 6 min`) was left in.

    Why: tools and chat assistants put the keyword, slug, reading time, audience or meta
    description on `Key: value` lines above or below the draft; published, readers see the
    brief the post was written from. Found by form: a short key (not a sentence), a colon and
    a value or nothing, plain, bold or in `<strong>`. At the top or bottom of the draft a
    metadata key or a block of such lines is enough; elsewhere only keys no post uses for its
    own text (`Meta description`, `Focus keyword`, `Word count`) count, and not when the value
    explains the key (a "Keywords" section in a post about SEO). An emoji or symbol may stand
    before the key (`🔑 **Slug:** ...`), and a short heading in words of metadata right above
    such a block (`📌 **SEO Metadata**`) goes with it. A row of cells holding a label
    (`Made in X · Tone: calm`) is a label line, and a table of metadata keys above the post
    (a Notion page's properties) is one finding for the whole table. `Note:`, `Update:`,
    `Step 1:` and the like are the post's own. Keys in eleven other languages count alike
    (`Titre SEO :`, `Słowo kluczowe:`, `Fokus-Keyword:`; seolint/checks/leftover_languages.toml).
    Example: `**Primary keyword:** grpc deadlines` above the title -> move it to front matter
    (`keyphrase:`) or delete it.
    Fix (unsafe): the line is deleted; unsafe because its value may be wanted elsewhere.
    """
    template_labels = _s001_lines(doc)
    labels = anatomy(doc).labels
    runs = _runs({n for label in labels for n in range(label.line, label.last + 1)} | template_labels)
    for label in labels:
        if label.line in template_labels:  # S001 names the label; its value below is still left
            if label.last > label.line:
                span = _line_span(doc, label.line + 1)._replace(end_line=label.last)
                yield Problem(span, f"the value of the template label {label.key!r} left in the post")
            continue
        span = _line_span(doc, label.line)
        if label.last != label.line:
            span = span._replace(end_line=label.last, end_column=len(doc.lines[label.last - 1].rstrip()) + 1)
            fix = _delete(doc, label.line, label.last, False, "Delete the metadata lines")
        else:
            first, last = runs[label.line]
            fix = _delete(
                doc,
                first,
                last,
                False,
                "Delete the metadata lines" if last > first else "Delete the metadata line",
            )
        yield Problem(span, f"draft metadata {label.key!r} left in the post", fix)
    for note in front_matter_notes(doc):
        what = "a value still to write in" if note.unwritten else "a writing tool's key left in"
        yield Problem(_line_span(doc, note.line), f"{what} the front matter: {note.key!r}")


def _runs(lines: set[int]) -> dict[int, tuple[int, int]]:
    """Each line's run of consecutive lines in `lines`: a block of labels is deleted whole,
    so the blank lines around it stay as they were."""
    found: dict[int, tuple[int, int]] = {}
    for line in sorted(lines):
        first = found[line - 1][0] if line - 1 in found else line
        found[line] = (first, line)
    for line in sorted(lines, reverse=True):
        last = found[line + 1][1] if line + 1 in found else found[line][1]
        found[line] = (found[line][0], last)
    return found


def _s001_lines(doc: Document) -> set[int]:
    """Lines S001's template labels are reported on, so that one line is not reported twice."""
    from seolint.registry.packs.load import builtin_pack_rules

    rule_ = next((r for r in builtin_pack_rules() if r.code == "S001"), None)
    if rule_ is None:
        return set()
    return {problem.span.line for problem in rule_.run(doc, rule_.default_options())}


@rule("S006", "outline-left-in", Severity.ERROR)
def outline_left_in(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """The outline the draft was written from is still above it.

    Why: chat assistants often answer with an outline first (`I. Introduction`, `Hook:`,
    `Thesis:`, `Key points:`, `CTA:`) and then the post after a marker such as `Draft:` or
    `Full post`; pasted whole, the outline is the first thing readers see. Found by form:
    before the post begins, an outline with parts of a plan (hook, thesis, key points, CTA)
    or Roman numerals, ending in such a marker (or opened by an "Outline" heading); or any
    three items between an "Outline"/"**Structure**" heading or a list's head ("Headings to
    cover:") and a marker ("**The post**", "Generated draft ↓", `<h3>Blog Post</h3>`); or
    anything between a head in words of a plan or brief before the post begins ("Proposed
    structure", "OUTLINE (dana) — ...", "Brief (generated by ...)") and a draft marker at most
    30 lines under it ("The full post", "Draft", "=== draft v1 below ==="). One finding for the
    whole block. An outline shown inside a post about outlining comes after
    the post has begun and is left alone.
    Example: `Outline:` / `1. Hook: ...` / `2. Thesis: ...` / `Full post:` -> delete them.
    Fix (unsafe): the whole block is deleted, marker included.
    """
    outline = anatomy(doc).outline
    if outline is None:
        return
    last = doc.lines[outline.last - 1]
    span = Span(outline.first, 1, outline.last, len(last) + 1)
    fix = _delete(doc, outline.first, outline.last, False, "Delete the outline")
    yield Problem(span, f"an outline is left above the draft (lines {outline.first}-{outline.last})", fix)


@rule("S007", "assistant-talk", Severity.ERROR)
def assistant_talk(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """A chat assistant's sentence to the person who asked for the draft was left in the post.

    Why: "Want me to make it shorter?", "I've kept the tone practical", "As an AI, I can't
    browse the web" or "Be sure to verify these statistics before publishing" speak to the
    requester, not to readers; published, they tell readers the post was pasted from a chat.
    What counts is the sentence's grammar, not a list of phrases: the assistant offering
    to do more, hoping the draft helps, saying what it did to the draft, describing the draft,
    stating its limits as a model, telling the requester to change the draft or check facts
    it invented, announcing the draft or how it will write it ("I'll write this as a practical
    explainer"), disclosing that AI wrote it (or a tool's note that it generated the draft),
    a chat page's warning that its answers may be wrong ("Gemini can make mistakes", at the
    edges only), or thinking aloud about the request (a reasoning trace, whose whole
    paragraph is the assistant's). Saying what it left out counts as saying what it did
    ("I didn't include a call to action"), and the items of a list under its own head line
    ("A few notes on the draft:", "Things to check before this goes live:") are its notes
    too, whatever they say. Beyond these shapes, the grammar of address reads any clause
    for who it speaks to (seolint/checks/address.py): the assistant reporting on its work
    ("I went light on the history section since you said ..."), the draft's facts said to
    be made up ("my figures are illustrative"), a directive whose object is the draft's
    material and not the reader's system ("double-check the pricing tiers I listed", not
    "double-check your config"), and an offer of a version or change of the draft ("Happy
    to trim it"); a note set apart (in parentheses, after a label such as "Reminder:") needs
    a weaker cue. The slot words are in seolint/checks/assistant_words.toml; in eleven
    other languages (an interface in the user's language frames an English post) a few
    shapes over seolint/checks/leftover_languages.toml find the answer's opening that names
    the draft, an offer naming a part of it, a check before publishing, and the model itself. Blockquotes (a
    post quoting a chatbot) are skipped but for a note their label opens, and so are
    sentences S003's phrases already report; a note to the writer S008 names is left to it.
    Example: `Hope this works for you! Want me to add a section on retries?` -> delete both.
    Fix (unsafe): the sentence is deleted (its paragraph, when it is the whole paragraph);
    unsafe because it may also say something the post needs.
    """
    views = doc.views
    language = doc.page.language or DEFAULT_LANGUAGE
    for said in anatomy(doc).framing:
        if s003_reports(said.text, language):
            continue
        block = views.blocks[said.block].block
        one_line = block.span.line <= said.span.line == said.span.end_line
        edit = remove_sentence(doc, said.span, block) if one_line else None
        fix = Fix((edit,), "unsafe", "Delete the assistant's sentence") if edit is not None else None
        yield Problem(said.span, f"the chat assistant {said.form}: not a sentence for readers", fix)


@rule("S008", "author-note", Severity.ERROR)
def author_note(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """A note to the author was left in the post.

    Why: drafts mark what is still to do: `(Suggested image: ...)`, `[Screenshot: ...]`,
    `[Include a diagram of ...]`, `(Add a benchmark here.)`, `[citation needed]`, `[3] TODO`,
    a bracketed name to fill in (`[Company]`, `[Your Product Name]`, `[X]%`), a "Note to
    editor:" line, a "Suggested links:" list, or a list of notes on publishing at the end of
    the draft (`📝 **Notes for publishing:**`, `Before you publish:`, `SEO tips:`; a heading
    is the post's own section), a document editor's comment and its `[a]` anchor, a line
    that tells the writer what to add ("Link our docs here (ask Sam)", "Suggested alt text
    for the diagram: ..."), a tip or note for the editor or writer ("> Tip for the editor:
    ..."), or notes addressed to someone by name ("Notes for Lena:") over lines that tell
    the writer what to do ("Double-check ...", "Consider adding ..."); "Notes for Windows:"
    over facts is the post's; a note addressed to the writer in brackets ("[Writer: decide
    ...]"), a suggestion to add something here ("(Consider adding a diagram here ...)"), a
    head with a note on what to write under it ("FAQ (add 3 questions from ...)", "Key
    Takeaways (bullet list for skimmers):"), a list of things for the writer to add
    ("Internal links to add:", "Related posts you could link to:", and at the end "FAQ
    ideas:"), a line telling the reviewer what to add or a tool's note of what it left
    out ("No CTA added"). Published, they show the post is unfinished.
    Link placeholders (`[Link to ...]`) are L001's and `[Insert ...]` S002's.
    Example: `At [Company], we cut costs by [X]%.` -> the real name and figure.
    Also a note in an attribute (`alt="[ALT TEXT: ...]"`, `alt="Image idea: ..."`, a meta
    description that reads `[Write a compelling ...]`), an HTML comment that is such a note
    (`<!-- add a chart here: ... -->`), an open citation (`(source?)`, `(cite: ...)`,
    `[cite the RFC]`), and a suggestion line
    ("Image suggestion: ...").
    Fix (unsafe): a note that is a whole line (or a list with its label) is deleted; one
    inside a sentence or an attribute needs a rewrite, and a comment may be a suppression,
    so they get no fix.
    """
    for note in anatomy(doc).notes:
        fix = (
            _delete(doc, note.span.line, note.span.end_line, False, "Delete the note")
            if note.removable
            else None
        )
        yield Problem(note.span, f"{note.what} left in the post", fix)


@rule("S009", "markdown-in-html", Severity.WARNING)
def markdown_in_html(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """Markdown syntax was left in an HTML page, which shows it as typed.

    Why: a draft converted to HTML by hand, or by a chat assistant, keeps `**bold**`,
    `## Heading`, backticks or `[text](url)` inside its tags; browsers do not render them,
    so readers see the asterisks and brackets. (Markdown and plain-text drafts render it.)
    Also `*italic*`, `_italic_`, `![alt](src)`, and a list or quote marker opening a `<p>` or
    `<li>` (`<li>1. Step</li>`); not `a * b`, snake_case, a footnote's `*`, or `<pre>`/`<code>`.
    Example: `<p>**Rule of thumb:** delete it.</p>` -> `<p><strong>Rule of thumb:</strong> delete it.</p>`.
    Fix (safe): strong, emphasis, code, links and images become their HTML; headings and
    list markers change the element around them, so they get no fix.
    """
    for markup in doc.stray_markup:
        yield Problem(
            markup.span,
            f"Markdown {markup.text[:40]!r} in HTML: the page shows it as typed",
            _as_html(doc, markup),
        )


def _as_html(doc: Document, markup: Field) -> Fix | None:
    start = doc.offset(markup.span.line, markup.span.column)
    end = doc.offset(markup.span.end_line, markup.span.end_column)
    html = html_for(markup.text) if doc.source[start:end] == markup.text else None
    return Fix((Edit(start, end, html),), "safe", f"Write it as HTML: {html[:40]}") if html else None


@rule("S010", "page-debris", Severity.WARNING)
def page_debris(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """A line of a web page's chrome was pasted with the text.

    Why: copying an article out of a browser, or an answer out of a chat or search page,
    brings its buttons, tabs and menus (`close`, `Share`, `Copy link`, `Answer`), its byline
    (`2 min read 08-11-2024`), its title again a few lines down (or over the post's own H1 of
    other words), its "Related" or "People also ask" questions, an answer page's echoed
    prompt ("write a blog post on ...", "seo blog post: ...") and "Sources" cards
    (`docs.kernel.org · 1`, "View 3 more"), a writing tool's buttons ("Try again", "1 of 2
    responses", "Thought for 19 seconds"), a blog platform's
    claps, author line and "More from" list, and a translation service's footer. A run of
    short lines that is mostly controls, counts and bylines is the page's bar or footer, the
    names, tags and author's bio between them included; so are the short lines above the
    title at the very top when one is a control, and a row of controls or source cards
    between separators (`Share · Export · Rewrite`, `Answer · Images · Sources 9`). So is a
    run of interface text in any language, whatever its words: two short lines or more (or
    cells of a row) with no sentence in them, of an interface's words (`New chat`, `Kopieren`,
    `Copy to clipboard`, `Ask anything…`), counts (`3 sources`, `12 / 20 credits`), dates,
    domains, keys (`⌘K`) and icons (`👍 👎`), on half the lines from its first to its last,
    with no text of the post between it and the start or the end of the draft (a subtitle
    or a disclaimer at most, for a longer run); a working link is no interface text. They sit
    before the post begins or after it ends (an ad slot's "Advertisement" and a "Sources"
    block of cards anywhere); two controls in a row (`Share` over a row of source links such
    as `1. nist.gov 2. cisa.gov +2 more`) are the page's wherever they are. A byline the
    page's own template marks (a `<time>`, a `post-meta` element) is not debris, nor is a
    control that is a working link, nor a site's own "Related" heading over its links, nor a
    byline with no reading time (`By Ana Costa · 12 March 2026`) outside a run of chrome.
    Inside the text, lines stacked with no blank line between them of which half or more
    are controls (`Subscribe`, `Your email`, `Accept all`) are the page's box: a newsletter
    sign-up, a cookie banner, a "Keep reading" list. A reasoning model's `<think>` ...
    `</think>` trace is the tool's wherever it is (not one shown in a code block), and so
    are a tool's banner in capitals (`=== OUTPUT ===`), a comment or an export row that
    records a writing tool's run (`<!-- Generated by docs-agent v0.9 on ... -->`, "run 3
    of 3", "1,046 words"), and an agent's log or notes as the last section ("## Agent
    log"). A page saved whole from a blog platform (its article holds the platform's
    chrome) brings the text around its article, the lines above its H1 and a `<title>`
    with the platform's name; a "More from" list of post cards ("Title — Author") or,
    under the platform's controls, of links is the page's.
    The post is its title and its first through last paragraph of prose; once a stretch
    outside it (above the title or the first paragraph, or under the last paragraph)
    holds another leftover, that stretch is the tool's, and its other lines that are not
    the post's prose are reported too: everything above the title, and around the text
    any line but a heading, the post's title and section head, and a list (a post's
    sources). With no leftover there, a published post's header and footer are left alone.
    Example: a lone `close` above the title -> delete it.
    Fix: the line is deleted; safe for controls, title copies, boxes and a `<think>` trace,
    unsafe for a byline (the writer may want its date) and for a line found only by being
    outside the post.
    """
    found = anatomy(doc).debris
    pasted = {doc.lines[line - 1].strip() for d in found for line in range(d.first, d.last + 1)}
    for debris in found:
        span = Span(debris.first, 1, debris.last, len(doc.lines[debris.last - 1]) + 1)
        title = "Delete the byline" if debris.what == "the page's byline" else "Delete the pasted line"
        fix = _delete(doc, debris.first, debris.last, debris.safe, title, _on_top(doc, debris.first, pasted))
        yield Problem(span, f"{debris.what}, pasted with the text", fix)


def _on_top(doc: Document, line: int, pasted: set[str]) -> bool:
    """Whether only pasted lines (and blank ones) are above `line`: the post will start
    below it, so no blank line under it should be left."""
    return all(not text.strip() or text.strip() in pasted for text in doc.lines[: line - 1])
