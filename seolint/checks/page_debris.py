"""Page debris (S010): what a web page's chrome leaves in text copied from it.

Copying an article out of a browser, or an answer out of a chat or search page, brings
lines that were buttons, tabs and menus (`close`, `Share`, `Copy link`, `Answer`), the
page's byline (`2 min read 08-11-2024`, `By Ana · 5 min read`), its title again a few lines
further down or over the post's own H1, and the "Related" questions or links under it. They
sit at the top or the bottom of the draft, before the post begins or after it ends, except
a block of two controls in a row (`Share` over `1. nist.gov 2. cisa.gov +2 more`), which is
the page's anywhere. A byline the page's own template marks (a `<time>`, a `post-meta`
element) is not debris, nor a site's own "Related" heading over working links.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence

from seolint.checks.draft_units import Unit, is_prose_line, title_cased
from seolint.checks.interface_runs import interface_runs
from seolint.checks.label_lines import is_known, parse_label
from seolint.checks.leftover_lexicon import leftover_words
from seolint.discover.records import NamedTuple
from seolint.document.model import Document

_HEAD_UNITS = 25  # a title copy is looked for this far down at most
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}|{_MONTHS}\s+\d{{4}})\b",
    re.IGNORECASE,
)
_READ_TIME = re.compile(
    r"\b\d{1,3}\s*(?:-\s*)?(?:min(?:ute)?s?|m)\b(?:\s+read(?:ing)?(?:\s+time)?)?", re.IGNORECASE
)
_DIGIT = re.compile(r"\d")  # what _READ_TIME, _DATE and _AGO all need (tests/test_leftover_screen.py)
_AGO = re.compile(r"\b\d{1,3}\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b", re.IGNORECASE)
_NAME = re.compile(r"^(?:[A-Z][\w'’.-]*|@[\w-]+)$")
_SEPARATORS = re.compile(r"[·•|—–/,:]+|\s-\s")
_MAX_NAME_WORDS = 4
_MAX_RELATED_WORDS = 25  # a related question is one sentence
_MAX_CONTROL_CHARS = 40  # a control's or a related block's label is a few words
_MIN_CHIPS = 2
_MAX_CARD_WORDS = 12  # a source card's line: a page title or a domain and a number
_TAIL_SHARE = 4  # prose under page controls is the page's when the post above is 4 times longer


class Debris(NamedTuple):
    first: int  # lines
    last: int
    what: str  # for the message
    safe: bool  # whether deleting the lines can only make the draft better


def find_debris(doc: Document, units: Sequence[Unit], framing: set[int]) -> list[Debris]:
    """Debris lines of `doc`, in the zones before the post begins and after it ends; a block
    of two or more lines of chat-UI chrome (`Share` over a row of source links) anywhere."""
    linked_lines = {link.span.line for link in doc.links}
    chrome = _chrome_lines(doc, units)
    related = _related_blocks(units, framing, linked_lines, chrome)
    listed = {unit.line for items in related.values() for unit in items}
    prompt = _echoed_prompt(units)
    content = [u for u in units if _is_content(u, framing | prompt) and u.line not in listed]
    cuts = {units[i].line for i, what in chrome.items() if _single_line(units, i) and what not in _MARKS}
    content = before_controls(content, cuts, units)
    chrome.update((i - 1, "the sender's name over a chat message") for i in _senders(units, chrome))
    head_end = content[0].line if content else len(doc.lines) + 1
    tail_start = content[-1].line if content else 0
    meta = {line for span in doc.page_meta for line in range(span.line, span.end_line + 1)}
    anywhere = _slot_lines(units) | _source_blocks(units, linked_lines) | _boxes(units, chrome, related)
    anywhere |= {index for index, what in chrome.items() if what == _MARKS[1] and units[index].text.isupper()}
    chrome.update((index, "the page's chrome") for index in anywhere if index not in chrome)
    weak = _author_boxes(units)
    found: list[Debris] = []
    pasted = any(units[index].line < head_end or units[index].line > tail_start for index in chrome)
    previous: Unit | None = None
    repeats = set()
    for index, unit in enumerate(units):
        repeat = (
            previous is not None and previous.text == unit.text and _only_blank_between(doc, previous, unit)
        )
        previous = unit
        if repeat:
            repeats.add(index)
            continue  # S004 reports a line typed twice in a row, and its fix deletes it
        zoned = unit.line < head_end or unit.line > tail_start
        if unit.line in meta:
            continue
        if index in weak and _in_chrome_block(units, chrome.keys() | weak, index):
            found.append(Debris(unit.line, unit.line, "the platform's author box", True))
        elif index in chrome and (zoned or index in anywhere or _in_chrome_block(units, chrome, index)):
            found.append(Debris(unit.line, unit.line, chrome[index], True))
        elif not zoned:
            continue
        elif index in related:
            found.append(Debris(unit.line, unit.line, "the page's related block", True))
            found += [
                Debris(item.line, item.line, "a related question or link of the page", True)
                for item in related[index]
            ]
        elif (
            is_byline(unit.text)
            and _READ_TIME.search(unit.text)
            and not unit.text.rstrip().endswith(":")
            and not _labelled(unit.text)
            and (pasted or doc.hints.marked_bylines or not _signed(unit.text))
        ):  # "By Ana · 12 March 2026" alone is the writer's own byline; a reading time is the page's,
            # unless the writer signs it in a format with no byline markup and no other chrome came
            found.append(Debris(unit.line, unit.line, "the page's byline", False))
    found += _title_copies(doc, units[:_HEAD_UNITS], head_end)
    found += [Debris(line, line, "the prompt the page echoed above its answer", True) for line in prompt]
    runs = _chrome_runs(units, chrome.keys() | weak | related.keys())
    found += [Debris(units[i].line, units[i].line, "a line of the page's chrome", True) for i in runs]
    found += [
        Debris(units[i].line, units[i].line, "a line of the app's interface", shown)
        for i, shown in interface_runs(units, head_end, tail_start, linked_lines | meta)
        if i not in repeats
    ]
    found += _author_cards(units, {line for d in found for line in range(d.first, d.last + 1)})
    return _one_per_line(found)


def before_controls(content: list[Unit], controls: Collection[int], units: Sequence[Unit]) -> list[Unit]:
    """The post's prose lines `content` up to the first line of page controls (reactions,
    `Reply`, a share bar) under which only a little prose and no section of the post is
    left: readers' comments and an author card are the page's, not the post's."""
    if not content or not controls:
        return content
    total = sum(len(u.text.split()) for u in content)
    headings = [u.line for u in units if u.kind == "heading"]
    for line in sorted(controls):
        if not content[0].line < line < content[-1].line or any(
            line < h < content[-1].line for h in headings
        ):
            continue
        after = sum(len(u.text.split()) for u in content if u.line > line)
        if _TAIL_SHARE * after <= total - after:
            return [u for u in content if u.line < line]
    return content


def _senders(units: Sequence[Unit], chrome: dict[int, str]) -> list[int]:
    """Indexes of a chat's time stamps with a name right above them ("Priya Nair" over
    "Yesterday 10:42 AM"): a message's header, as a chat or a thread export shows it."""
    found = []
    for index, what in chrome.items():
        above = units[index - 1] if index > 0 else None
        if what != _MARKS[0] or above is None or above.line != units[index].line - 1:
            continue
        names = above.text.split()
        if above.kind == "paragraph" and 0 < len(names) <= _MAX_NAME_WORDS and all(map(_NAME.match, names)):
            found.append(index)
    return found


def _single_line(units: Sequence[Unit], index: int) -> bool:
    """A block of one line (a control of its own, `Reply`), not the end of a sentence's
    paragraph ("(like `driver.Bucket`).")."""
    unit = units[index]
    following = units[index + 1] if index + 1 < len(units) else None
    return unit.first and (following is None or unit.block is None or following.block != unit.block)


def _one_per_line(found: list[Debris]) -> list[Debris]:
    """Each line reported once: a line two forms take (an item of two related blocks) is
    one piece of debris."""
    seen: set[int] = set()
    kept = []
    for debris in sorted(found):
        if debris.first not in seen:
            seen.update(range(debris.first, debris.last + 1))
            kept.append(debris)
    return kept


_RUN_WORDS = 5  # a line of a page's chrome is a few words: a control, a name, a tag, a count
_RUN_CHROME = 3  # chrome lines that make a run of short lines the page's
_RUN_GAP = 2  # lines from one line of a run to the next (one blank line between)
_TITLE_WORDS = 4
_LETTERED = re.compile(r"[^\W\d_]{2,}")  # a word of letters: a title has two at least
_BYLINE_WORDS = 12  # a byline is names, a date, a reading time: a few words
# A count a page shows (claps, replies, followers): "312", "1,024", "1.2K Followers"; not "1.14.2".
_COUNT = re.compile(r"^(?:\d{1,3}(?:,\d{3})*|\d{1,3}(?:\.\d)?[KkM])(?:\s+[A-Za-z]+)?$")
_MIN_CARD_BIO_WORDS = 5  # a bio is a sentence, not a control between two others
_MAX_CARD_BIO_WORDS = 25


def _short(unit: Unit) -> bool:
    """A line that could be a piece of a page's chrome: a few words, no sentence."""
    return (
        unit.kind == "paragraph"
        and not unit.prose
        and len(unit.text.split()) <= _RUN_WORDS
        and not unit.text.rstrip().endswith((".", "!", ":"))
    )


def _runs_of_short_lines(units: Sequence[Unit]) -> Iterator[list[int]]:
    """Indexes of short lines one under the other (a blank line at most between)."""
    run: list[int] = []
    for index, unit in enumerate(units):
        short = _short(unit) or (
            unit.kind == "paragraph"
            and not unit.prose
            and len(unit.text.split()) <= _BYLINE_WORDS
            and is_byline(unit.text)
        )
        if run and short and unit.line - units[run[-1]].line <= _RUN_GAP:
            run.append(index)
            continue
        if run:
            yield run
        run = [index] if short else []
    if run:
        yield run


def _chrome_runs(units: Sequence[Unit], chrome: Collection[int]) -> set[int]:
    """Runs of short lines that are mostly a page's chrome (controls, counts, a byline, an
    author line): the page's bar or footer, with the names and tags between them
    (`Rafael Okoye` / `Follow` / `8 min read` / `312` / `Share`); and the short lines above
    the title at the very top of the text, when one of them is a control (`Sign in`)."""
    found: set[int] = set()
    title = _first_title(units, chrome)
    for whole in _runs_of_short_lines(units):
        before = [i for i in whole if title is None or i < title]
        after = [i for i in whole if title is not None and i > title]
        found.update(_chrome_of_run(units, before, chrome) | _chrome_of_run(units, after, chrome))
    return found


def _first_title(units: Sequence[Unit], chrome: Collection[int]) -> int | None:
    """The index of the page's title, which no bar of chrome holds: the first line in title
    case of four words or more ("Memory Limits in Practice") before the text begins."""
    for index, unit in enumerate(units):
        if is_prose_line(unit):
            return None
        if index not in chrome and len(unit.text.split()) >= _TITLE_WORDS and title_cased(unit.text):
            return index
    return None


def _chrome_of_run(units: Sequence[Unit], run: list[int], chrome: Collection[int]) -> set[int]:
    """A run's lines when it is mostly chrome, or when it is the bar at the top of the text."""
    known = [i for i in run if i in chrome or _COUNT.match(units[i].text) or is_byline(units[i].text)]
    if len(known) >= _RUN_CHROME and 2 * len(known) >= len(run):
        return set(run)
    if run and run[0] == 0 and len(run) < len(units):
        return set(_top_bar(units, run, chrome))
    return set()


def _top_bar(units: Sequence[Unit], run: list[int], chrome: Collection[int]) -> list[int]:
    """The short lines at the very top of the text above its title (a line typed again
    further down is the title), when one of them is a control: the page's header bar."""
    texts = [unit.text for unit in units]
    bar = []
    for index in run:
        if texts.count(texts[index]) > 1:
            break
        bar.append(index)
    return bar if len(bar) > 1 and any(i in chrome for i in bar) else []


def _author_cards(units: Sequence[Unit], debris: set[int]) -> list[Debris]:
    """An author's short bio on a platform's author card: one paragraph line with the page's
    chrome right above and right under it."""
    return [
        Debris(unit.line, unit.line, "the platform's author card", True)
        for unit in units
        if unit.kind == "paragraph"
        and unit.line - 1 in debris
        and unit.line + 1 in debris
        and _MIN_CARD_BIO_WORDS <= len(unit.text.split()) <= _MAX_CARD_BIO_WORDS
        and not title_cased(unit.text)  # a title between a header bar and a byline is the title
    ]


def _related_blocks(
    units: Sequence[Unit], framing: set[int], linked: set[int], chrome: Collection[int]
) -> dict[int, list[Unit]]:
    """Blocks a chat or search page shows under its answer: a "Related" or "People also ask"
    line and the questions, post cards ("Understanding errgroup — Li Wen") or short lines
    under it, by the head's index. A site's own "Related" heading over working links is the
    page's own navigation, not pasted chrome; under a platform's controls (`Like · Comment`
    a line or two above the head) its links were pasted with them."""
    heads = leftover_words().related_blocks
    found: dict[int, list[Unit]] = {}
    for index, unit in enumerate(units):
        if len(unit.text) > _MAX_CONTROL_CHARS or not _related_head(_key(unit.text), heads):
            continue
        pasted = any(at in chrome for at in range(max(0, index - _RELATED_REACH), index))
        items = []
        for item in units[index + 1 :]:
            question = item.text.rstrip().endswith("?") or _asks(item.text)
            if (
                item.kind == "heading"
                or (item.line in linked and not pasted)
                or item.line in framing
                or len(item.text.split()) > _MAX_RELATED_WORDS
                or not (question or _post_card(item) or not is_prose_line(item))
            ):
                break
            items.append(item)
        if items or not (unit.kind == "heading" and not unit.marker):
            found[index] = items
    return found


def _chrome_lines(doc: Document, units: Sequence[Unit]) -> dict[int, str]:
    """Lines that are a page's controls, by index: a lone UI word (`Share`, `Copy link`) that
    is not a working link, or a row of source chips (`1. nist.gov 2. cisa.gov +2 more`)."""
    ui_words = leftover_words().ui_words
    openers = leftover_words().chrome_openers
    linked = {(link.span.line, link.text.strip()) for link in doc.links}
    found = {}
    for index, unit in enumerate(units):
        if unit.kind == "heading":
            continue
        short = len(unit.text) <= _MAX_CONTROL_CHARS
        few_words = short or len(unit.text.split()) <= _MAX_NAME_WORDS * 2
        key = _key(unit.text) if few_words else ""  # a long line is no control nor footer
        control = short and (key in ui_words or _shape(key) in ui_words or _without_object(key) in ui_words)
        if control and (unit.line, unit.text.strip()) not in linked:
            found[index] = f"the page's {unit.text.strip()!r} control"
        elif is_source_chips(unit.text) or (_in_cells(unit.text) and _source_row(unit.text)):
            found[index] = "the page's row of source links"
        elif _in_cells(unit.text) and _control_row(unit.text, ui_words, leftover_words().row_words):
            found[index] = "the page's row of controls"
        elif unit.text.startswith("#") and _TAG_LINE.match(unit.text):
            found[index] = "the page's tag line"
        elif _tabbed(doc.lines[unit.line - 1]):
            found[index] = "the page's row of tabs"
        elif short and _LANGUAGE_PAIR.match(unit.text.strip()):
            found[index] = "a translation tool's language pair"
        elif short and _TIME_STAMP.match(unit.text.strip()):
            found[index] = _MARKS[0]
        elif unit.text[:1] in "=-*~" and _BANNER.match(unit.text.strip()):
            found[index] = _MARKS[1]
        elif few_words and key.startswith(openers):
            found[index] = "the page's footer"
    return found


# A platform's tag line: two hashtags or more and nothing else ("#go #grpc #backend").
_TAG_LINE = re.compile(r"^(?:#[^\W\d_][\w-]*[ \t,·]*){2,}$")
# Chrome that marks a message or a part, not a control: no end of the post is read from it.
_MARKS = ("a chat's time stamp", "the tool's banner line")
# A page's tabs copied as one line: three capitalised names or more, wide gaps between
# ("Text    Images    Documents    Websites").
_TABS = re.compile(r"^[A-Z][\w'-]*(?: [\w'-]+)?(?:(?: {2,}|\t+)[A-Z][\w'-]*(?: [\w'-]+)?){2,}$")
# A translation tool's language pair: "Spanish (detected) ⇄ English", "German → English".
_LANGUAGE_PAIR = re.compile(r"^[A-Z][a-z]+(?: \([a-z -]+\))? [⇄↔⇆→] [A-Z][a-z]+(?: \([a-z -]+\))?$")
# A chat's time stamp on a line of its own: "Yesterday 10:42 AM", "Tue 09:15 (edited)".
_TIME_STAMP = re.compile(
    r"^(?:(?:yesterday|today|mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*\(edited\))?$",
    re.IGNORECASE,
)
# A tool's banner between runs of the same rule: "=== OUTPUT ===", "--- end of draft ---";
# in capitals (a tool's part: PROMPT, OUTPUT) anywhere, else before or after the post.
_BANNER = re.compile(r"^(?P<rule>={3,}|-{3,}|\*{3,}|~{3,})\s+\S.*?\s+(?P=rule)$")
_ROW = re.compile(r"(?<!\s)\s+[·•|]\s+")  # from the run's start only: linear on long runs


def _tabbed(source: str) -> bool:
    """A line typed as a row of tabs, its wide gaps kept in the source."""
    return ("  " in source or "\t" in source) and _TABS.match(source.strip()) is not None


def _in_cells(text: str) -> bool:
    """Whether a line holds a separator of cells at all (most lines do not)."""
    return "·" in text or "•" in text or "|" in text


def _control_row(text: str, ui_words: frozenset[str], row_words: frozenset[str]) -> bool:
    """A row of a page's controls on one line, between separators: `Share · Export · Rewrite`,
    `Answer · Images · Sources 9`, `Like · Comment · Repost`, `© 2026 · About · Privacy Policy`
    (a count is any number; a row of counts and footer links needs one control or two links)."""
    cells = [_shape(_key(cell)) for cell in _ROW.split(text.strip())]
    if len(cells) < _MIN_CHIPS or not all(cell in ui_words or cell in row_words for cell in cells):
        return False
    return any(cell in ui_words for cell in cells) or sum(cell != "n" for cell in cells) >= _MIN_CHIPS


def _source_row(text: str) -> bool:
    """A chat page's row of source cards behind a "Sources" head: `Sources · wikipedia ·
    crdt.tech · +4`, names of a word or two and a count of the others."""
    head, *cells = _ROW.split(text.strip())
    return (
        _key(head) in leftover_words().source_blocks
        and len(cells) >= _MIN_CHIPS
        and all(len(cell.split()) <= _MIN_CHIPS for cell in cells)
        and any(_is_chip(cell) or _is_domain(cell) for cell in cells)
    )


def _slot_lines(units: Sequence[Unit]) -> set[int]:
    """An ad slot's lone label ("Advertisement"), by index: no post says that alone on a line."""
    words = leftover_words().slot_words
    return {
        index
        for index, unit in enumerate(units)
        if unit.kind != "heading" and len(unit.text) <= _MAX_CONTROL_CHARS and _key(unit.text) in words
    }


def _source_blocks(units: Sequence[Unit], linked: set[int]) -> set[int]:
    """A chat page's list of sources, by index: a "Sources" line over cards on the lines right
    under it (`docs.kernel.org · 1`, a bare domain, "View 3 more"), each maybe under its
    page's title; half its lines at least are cards. A post's own sources are links."""
    heads = leftover_words().source_blocks
    found: set[int] = set()
    for index, unit in enumerate(units):
        if len(unit.text) > _MAX_CONTROL_CHARS or _key(unit.text) not in heads:
            continue
        block = []
        for at in range(index + 1, len(units)):
            item = units[at]
            adjacent = item.line == units[at - 1].line + 1
            if not adjacent or item.line in linked or len(item.text.split()) > _MAX_CARD_WORDS:
                break
            block.append(at)
        cards = sum(_is_card(units[at].text) for at in block)
        if cards and 2 * cards >= len(block):
            found.update([index, *block])
    return found


def _is_card(text: str) -> bool:
    """A source card's line: `docs.kernel.org · 1`, `freedesktop · 2`, a bare domain, "View 3 more"."""
    name, dot, number = text.rpartition("·")
    if dot and number.strip().isdigit() and 0 < len(name.split()) <= 2:
        return True
    words = text.split()
    return (len(words) == 1 and _is_domain(words[0])) or _shape(_key(text)) in ("view n more", "show n more")


_BOX_WORDS = 25  # a line of a box is a field, a button, a name or one sentence


def _boxes(units: Sequence[Unit], chrome: Collection[int], related: Collection[int]) -> set[int]:
    """A page's interface box inside the text, by index: lines one right under the other (a
    cookie banner, a newsletter sign-up, a "Keep reading" list) of which half or more are
    controls (`Accept`, `Subscribe`, `Type your email…`), capitalised as buttons are (a
    wrapped sentence's `like:` is a word of it). A post's paragraphs stand apart; a title
    ends a box (the page's header bar runs into its title)."""
    controls = {i for i in {*chrome, *related} if units[i].text[:1].isupper() and _boxed(units[i])}
    found: set[int] = set()
    for index in sorted(controls):
        if index in found:
            continue
        box = _box_around(units, index)
        if len(box) > 1 and 2 * len(controls.intersection(box)) >= len(box):
            found.update(box)
    return found


def _box_around(units: Sequence[Unit], index: int) -> range:
    """The indexes of the lines stacked with the line at `index`, no blank line between."""
    first = last = index
    while first > 0 and units[first - 1].line == units[first].line - 1 and _boxed(units[first - 1]):
        first -= 1
    while last + 1 < len(units) and units[last + 1].line == units[last].line + 1 and _boxed(units[last + 1]):
        last += 1
    return range(first, last + 1)


def _boxed(unit: Unit) -> bool:
    """A line that may be part of a box: a short paragraph line, not a title."""
    words = len(unit.text.split())
    return (
        unit.kind == "paragraph"
        and words <= _BOX_WORDS
        and not (words >= _TITLE_WORDS and title_cased(unit.text))
    )


def _author_boxes(units: Sequence[Unit]) -> set[int]:
    """A blog platform's "Written by Ines Barros" line, by index: the page's only next to
    other chrome (claps, "Follow"); a theme's own author box stands alone."""
    found = set()
    for index, unit in enumerate(units):
        if "by" not in unit.text.lower():
            continue  # most lines: no "Written by"
        words = unit.text.split()
        names = words[2:]
        signed = [w.lower() for w in words[:2]] == ["written", "by"]
        if signed and 0 < len(names) <= _MAX_NAME_WORDS and all(_NAME.match(name) for name in names):
            found.add(index)
    return found


_PROMPT_VERBS = ("write", "draft", "create", "generate", "compose")
_PROMPT_PIECES = ("post", "article", "blog", "piece")
_PROMPT_REACH = 6  # words from the verb to the piece asked for


def _echoed_prompt(units: Sequence[Unit]) -> set[int]:
    """The request an answer page shows above its answer ("write a blog post explaining
    ...", "seo blog post: how to ..."), as the draft's first line: a verb of writing, or a
    line typed in lower case with no end, then the piece asked for."""
    if not units or units[0].kind == "heading":
        return set()
    text = units[0].text
    words = [w.lower().strip(",.:;") for w in text.split()]
    typed = text[:1].islower() and not text.rstrip().endswith((".", "!", "?"))  # "seo blog post: ..."
    if not words or not (words[0] in _PROMPT_VERBS or typed):
        return set()
    return {units[0].line} if any(w in _PROMPT_PIECES for w in words[:_PROMPT_REACH]) else set()


def _related_head(key: str, heads: frozenset[str]) -> bool:
    """A related block's head: "Related", "People also ask", or "More from" or "More articles
    by" and an author."""
    words = key.split()
    return (
        key in heads
        or any(  # "More from" or "More articles by" and an author's name
            " ".join(words[:length]) in heads and words[0] == "more" and len(words) > length
            for length in (2, 3)
        )
    )


_RELATED_REACH = 2  # lines above a related block's head where a platform's controls make it pasted
_CARD_SEPARATORS = re.compile(r"\s[—–·|]\s")


def _post_card(item: Unit) -> bool:
    """A list item naming another post by its title and its author or byline: "Building a
    service mesh with Envoy — Karin Oyelaran", "Recording rules, explained · 6 min read"."""
    if item.kind != "list-item" or item.text.rstrip().endswith((".", "!", ":")):
        return False
    *_, tail = _CARD_SEPARATORS.split(item.text)
    names = tail.split()
    if len(names) == len(item.text.split()):
        return False  # no separator: a phrase, not a card
    named = 0 < len(names) <= _MAX_NAME_WORDS and all(_NAME.match(name) for name in names)
    return named or is_byline(tail)


_QUESTION_WORDS = frozenset(
    ["how", "what", "why", "when", "which", "where", "who", "is", "are", "can", "does", "do", "should"]
)


def _asks(text: str) -> bool:
    """A question written without its mark, as answer pages list them ("How to read PSI
    metrics")."""
    words = text.split()
    return bool(words) and words[0].lower() in _QUESTION_WORDS and not text.rstrip().endswith((".", "!", ":"))


def _in_chrome_block(units: Sequence[Unit], chrome: Collection[int], index: int) -> bool:
    """Whether a chrome line has another one right next to it, in paragraphs that hold
    nothing else: a lone "Share" in a post may be a word of it, two controls in a row are the
    page's."""

    def bare(at: int) -> bool:
        unit = units[at] if 0 <= at < len(units) else None
        return (
            unit is not None
            and at in chrome
            and unit.kind == "paragraph"
            and all(i in chrome for i, other in enumerate(units) if other.block == unit.block)
        )

    return bare(index) and (bare(index - 1) or bare(index + 1))


def is_source_chips(text: str) -> bool:
    """A row of a chat page's source links with an optional label: `Learn more: 1.
    microsoft.com 2. nist.gov +2 more`; two domains at least, numbered or counted ("+2"), as
    a list of mirrors in a post ("Mirrors: ftp.debian.org, mirror.kernel.org") is not."""
    if text.count(".") < _MIN_CHIPS:
        return False  # most lines: no two dotted names
    label, colon, rest = text.partition(":")
    tokens = [token.strip(",;·|") for token in (rest if colon and len(label.split()) <= 3 else text).split()]
    tokens = [token for token in tokens if token]
    if not all(_is_domain(token) or _is_chip(token) for token in tokens):
        return False  # a line of prose: a word that is neither (no token is both)
    domains = sum(map(_is_domain, tokens))
    chips = sum(map(_is_chip, tokens))
    return domains >= _MIN_CHIPS and chips > 0 and domains + chips == len(tokens)


def _is_domain(token: str) -> bool:
    """`nist.gov`, `learn.microsoft.com/en-us`: dotted names ending in a top-level domain."""
    parts = token.split("/", 1)[0].split(".")
    return (
        len(parts) >= 2
        and all(part and part.replace("-", "").isalnum() for part in parts)
        and parts[-1].isalpha()
        and len(parts[-1]) >= 2
    )


def _is_chip(token: str) -> bool:
    """A source's number or count: `1.`, `2)`, `[3]`, `+2`, `more`."""
    number = token.strip("[]").rstrip(".)").removeprefix("+")
    return token.lower() == "more" or (number.isdigit() and len(number) <= 2)


def _is_content(unit: Unit, framing: set[int]) -> bool:
    """A line of the post's own text: not the assistant's, not a metadata label."""
    return unit.line not in framing and is_prose_line(unit) and not _labelled(unit.text)


def _labelled(text: str) -> bool:
    """A metadata label ("Reading time: 6 min") is S005's, not a byline."""
    if ":" not in text:
        return False  # most lines: no label to parse
    label = parse_label(text)
    return label is not None and is_known(label[0])


_NOT_KEY = re.compile(r"[^\w\s×✕⋮👏'&]")  # compiled here: `_key` reads most lines of a draft


def _key(text: str) -> str:
    return " ".join(_NOT_KEY.sub(" ", text.lower()).split()) or text.strip()


_PAGE_NOUNS = frozenset({"post", "article", "story", "page", "thread"})


_OBJECT_WORDS = frozenset({"this", "the", "full", "to"})  # between a control and its page


def _without_object(key: str) -> str:
    """A control with the page it acts on ("next post", "share this article", "save
    story", "listen to this article", "share full article") as the control alone ("next",
    "share", "save", "listen")."""
    words = key.split()
    if len(words) < _MIN_CHIPS or words[-1] not in _PAGE_NOUNS:
        return ""
    words = words[:-1]
    while len(words) > 1 and words[-1] in _OBJECT_WORDS:
        words = words[:-1]
    return " ".join(words)


def _shape(key: str) -> str:
    """A key with its numbers as `n` ("view 3 more" -> "view n more")."""
    return " ".join("n" if word.isdigit() else word for word in key.split())


def _signed(text: str) -> bool:
    """A byline that names its writer ("By Ana Duarte · 7 min read"), as a post's own does."""
    return text.lstrip(" *_").lower().startswith("by ")


def is_byline(text: str) -> bool:
    """A line made of a byline's parts only: names after "By", dates, a reading time, and
    the words and separators between them; it needs a reading time, or a date with "by",
    "posted", "published" or "updated"."""
    if _DIGIT.search(text) is None:
        return False  # most lines: a reading time and every date hold a digit
    read = bool(_READ_TIME.search(text))
    dated = bool(_DATE.search(text) or _AGO.search(text))
    rest = _AGO.sub(" ", _READ_TIME.sub(" ", _DATE.sub(" ", text)))
    words = [w for w in _SEPARATORS.sub(" ", rest).split() if w]
    lowered = [w.lower().strip(".") for w in words]
    names = [w for w, low in zip(words, lowered, strict=True) if low not in leftover_words().byline_words]
    announced = any(w in ("by", "posted", "published", "updated") for w in lowered)
    if not (read or (dated and announced)):
        return False
    return len(names) <= _MAX_NAME_WORDS and all(_NAME.match(name) for name in names)


def _title_copies(doc: Document, head: Sequence[Unit], head_end: int) -> list[Debris]:
    """Paragraph lines in the first lines that repeat the title: the front-matter title, the
    H1, or the draft's first line (not the line just before: S004 reports a repeat typed right
    under its original)."""
    titles: dict[str, int] = {}
    if doc.title is not None and doc.title.origin == "front-matter":
        titles[_key(doc.title.text)] = doc.title.span.line
    titles.update((_key(u.text), u.line) for u in head if u.kind == "heading" and u.level == 1)
    ui_words = leftover_words().ui_words
    first = next((u for u in head if _key(u.text) not in ui_words and not is_byline(u.text)), None)
    if first is not None and first.kind == "paragraph" and not is_prose_line(first):
        titles.setdefault(_key(first.text), first.line)
    found = []
    previous: Unit | None = None
    for unit in head:
        if unit.line >= head_end and unit.kind != "heading":
            break
        key = _key(unit.text)
        adjacent = (
            previous is not None and previous.text == unit.text and _only_blank_between(doc, previous, unit)
        )
        original = titles.get(key)
        copied = original is not None and original != unit.line and unit.kind != "heading"
        if copied and not adjacent and len(key.split()) >= 2:
            found.append(Debris(unit.line, unit.line, f"a copy of the title on line {original}", True))
        previous = unit
    if first is not None and first.kind == "paragraph" and titles.get(_key(first.text)) == first.line:
        found += _page_title(head, first)
    return found


def _page_title(head: Sequence[Unit], first: Unit) -> list[Debris]:
    """The source page's title, when the text was copied with it: a title line, typed again
    below or stacked right on an H1 of other words; the post's title is the H1."""
    key = _key(first.text)
    copies = [u for u in head if u.line != first.line and u.kind != "heading" and _key(u.text) == key]
    h1 = next((u for u in head if u.kind == "heading" and u.level == 1 and u.line > first.line), None)
    if h1 is None or _key(h1.text) == key or not title_cased(first.text) or len(_LETTERED.findall(key)) < 2:
        return []  # a date above the H1 ("March 3, 2026") is no title
    stacked = next((u for u in head if u.line > first.line), None) is h1
    if not (copies or stacked):
        return []
    return [
        Debris(first.line, first.line, f"the source page's title (the post's H1 is on line {h1.line})", True)
    ]


def _only_blank_between(doc: Document, before: Unit, after: Unit) -> bool:
    return all(not doc.lines[index].strip() for index in range(before.line, after.line - 1))
