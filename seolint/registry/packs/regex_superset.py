"""Turn a pattern of Python's `re` into an RE2 pattern that matches wherever it does, and maybe more.

Pack screens search all the texts of a scope at once, joined by newlines, with RE2 (one
linear pass of a DFA) and let `re` look closer only when that finds something. So the RE2
pattern may match more than the original but never less, and every rule below widens:

- zero-width assertions (`\\b`, `\\B`, look-arounds) are dropped, and `^ $ \\A \\Z` match at
  every line, since each text is one or more lines of the joined text;
- counted repeats become `*` or `+`, which keeps the DFA small;
- `\\s` is Python's own list of whitespace (RE2's is ASCII), `\\w`, `\\d` and `\\S` become
  RE2's `\\S` (a wider class), `\\W` and `\\D` any character but an ASCII word character or
  digit (what Python's Unicode classes hold beyond ASCII differs from RE2's tables);
- under IGNORECASE, `i` and `I` also match U+0130 and U+0131 (dotted and dotless I), as in
  Python's case folding.

A pattern it cannot translate with certainty (group references, the verbose or ASCII flag,
a cased non-ASCII letter under IGNORECASE) gives None: that rule is screened by `re` alone.

`lowered=True` translates for a text made by `comparable` (its ASCII letters lower-cased,
with the four letters beyond ASCII that Python's IGNORECASE matches to ASCII ones mapped to
them): every ASCII letter of the pattern is lower-cased and no flag ignores case, which RE2
compiles in half the time and searches with a smaller automaton. Only what names letters
changes: a literal, a class's letters (kept, with their lower case added), and a negated
class holding a letter, which becomes any character. A cased letter beyond ASCII, which
`comparable` leaves as it is, becomes any character (`comparable` keeps every character one
character: a word such as "übersetzer" in a grammar of words still screens on its other
letters); in a class, it gives None.
"""

from __future__ import annotations

import re
import string

# Python's `\s` for str patterns (str.isspace), as an RE2 class body; a test recomputes it.
WHITESPACE = (
    r"\t-\r\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"
)
_ANY = "(?s:.)"
_NOTHING = "(?:)"  # a dropped assertion: still something a stray quantifier can follow
_FOLDED_I = r"[iI\x{130}\x{131}]"  # Python's (?i) i also matches U+0130 (lowercase: i), U+0131 (uppercase: I)
_DOTTED_I = r"\x{130}\x{131}"
_FLAGS = re.compile(r"\(\?([aiLmsux]*)(?:-([imsx]+))?([:)])")
_QUANTIFIER = re.compile(r"\{(\d*)(,\d*)?\}")
_ESCAPED_CHARS = {"a": "\a", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}
# Characters both engines read as themselves outside a class (and `|`, which both read as
# an alternation), taken a run at a time: most of a grammar of words.
_PLAIN = re.compile(r"[A-Za-z0-9 |,'\-:;!\"/<>=@%&~_]+")
_FOLD_I = str.maketrans({"i": _FOLDED_I, "I": _FOLDED_I})


class Untranslatable(Exception):
    """A construct this module does not translate with certainty."""


def re2_superset(source: str, lowered: bool = False) -> str | None:
    """An RE2 pattern that matches every text `source` matches, or with `lowered` the text
    made by `comparable` of every such text (see the module docstring)."""
    try:
        return _Translator(source, lowered).translate()
    except Untranslatable:
        return None


def comparable(text: str) -> bytes:
    """`text` as a `lowered` superset reads it, in UTF-8: its ASCII letters lower-cased, and the
    four letters beyond ASCII that Python's IGNORECASE matches to ASCII ones (U+0130 and U+0131
    to "i", U+017F to "s", the Kelvin sign to "k") made those letters. Other letters stay as
    they are (a lowered superset reads a cased letter beyond ASCII as any character), so the
    bytes are lower-cased, not the characters: one pass in C over the text, whatever its script."""
    if not text.isascii():  # str.translate would read every character in Python's loop
        for letter, ascii_letter in _FOLDED_TO_ASCII:
            text = text.replace(letter, ascii_letter)
    return text.encode().lower()


_FOLDED_TO_ASCII = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))


class _Translator:
    """One left-to-right pass over a pattern, tracking which groups ignore case."""

    def __init__(self, source: str, lowered: bool = False) -> None:
        self.source = source
        self.lowered = lowered
        self.index = 0
        self.ignore_case = [False]  # one entry per open group, the innermost last

    def translate(self) -> str:
        flags = ""
        while (leading := _FLAGS.match(self.source, self.index)) and leading.group(3) == ")":
            if leading.group(2):
                raise Untranslatable("flags turned off outside a group")
            flags += self._checked_flags(leading.group(1))
            self.index = leading.end()
        self.ignore_case[0] = "i" in flags
        if self.lowered:
            flags = flags.replace("i", "")
        parts = []
        while self.index < len(self.source):
            parts.append(self._next())
        if len(self.ignore_case) != 1:
            raise Untranslatable("unbalanced parentheses")
        return (f"(?{flags})" if flags else "") + "".join(parts)

    def _next(self) -> str:
        plain = _PLAIN.match(self.source, self.index)
        if plain is not None:  # the same as `_literal` a character at a time, several times faster
            self.index = plain.end()
            if self.lowered:
                return plain.group().lower()
            return plain.group().translate(_FOLD_I) if self.ignore_case[-1] else plain.group()
        char = self.source[self.index]
        if char == "\\":
            return self._escape()
        if char == "[":
            return self._class()
        if char == "(":
            return self._open()
        self.index += 1
        if char == ")":
            if len(self.ignore_case) == 1:
                raise Untranslatable("unbalanced parentheses")
            self.ignore_case.pop()
            return ")"
        if char in "*+?":
            return char + self._quantifier_suffix()
        if char == "{":
            return self._braces()
        if char in "^$":
            return f"(?m:{char})"
        if char in "|.":
            return char
        return self._literal(char)

    def _quantifier_suffix(self) -> str:
        """A lazy quantifier stays lazy; a possessive one becomes greedy (it can match more)."""
        if self.source.startswith("?", self.index):
            self.index += 1
            return "?"
        if self.source.startswith("+", self.index):
            self.index += 1
        return ""

    def _braces(self) -> str:
        """`{m,n}` as `*` or `+`; a brace that is no quantifier (Python's rules) is a literal."""
        quantifier = _QUANTIFIER.match(self.source, self.index - 1)
        if quantifier is None or quantifier.group() == "{}":
            return self._literal("{")
        self.index = quantifier.end()
        least = int(quantifier.group(1) or 0)
        return ("+" if least else "*") + self._quantifier_suffix()

    def _open(self) -> str:
        source, start = self.source, self.index
        if not source.startswith("(?", start):
            self._push(self.ignore_case[-1])
            self.index += 1
            return "(?:"
        rest = source[start + 2 : start + 4]
        if rest.startswith(("=", "!", "<=", "<!")):  # a look-around: zero-width, dropped
            self.index = group_end(source, start)
            if self.index < 0:
                raise Untranslatable("look-around never closes")
            return _NOTHING
        if rest.startswith("#"):
            end = source.find(")", start)
            if end < 0:
                raise Untranslatable("comment never closes")
            self.index = end + 1
            return ""
        if rest.startswith((":", ">")):  # atomic groups match a subset of what (?:...) does
            self._push(self.ignore_case[-1])
            self.index = start + 3
            return "(?:"
        if rest.startswith("P<"):
            end = source.find(">", start)
            if end < 0:
                raise Untranslatable("group name never closes")
            self._push(self.ignore_case[-1])
            self.index = end + 1
            return "(?:"
        flags = _FLAGS.match(source, start)
        if flags is None or flags.group(3) == ")":  # references, conditionals, flags mid-pattern
            raise Untranslatable(source[start : start + 4])
        on, off = self._checked_flags(flags.group(1)), self._checked_flags(flags.group(2) or "")
        self._push(("i" in on or self.ignore_case[-1]) and "i" not in off)
        self.index = flags.end()
        if self.lowered:
            on, off = on.replace("i", ""), off.replace("i", "")
        return f"(?{on}-{off}:" if off else f"(?{on}:"

    def _push(self, ignore_case: bool) -> None:
        self.ignore_case.append(ignore_case)

    @staticmethod
    def _checked_flags(letters: str) -> str:
        """The flags RE2 shares with Python (i, m, s); `u` is Python's default for str."""
        if set(letters) & set("aLx"):
            raise Untranslatable(f"flags {letters}")
        return "".join(letter for letter in letters if letter in "ims")

    def _escape(self) -> str:
        letter = self.source[self.index + 1 : self.index + 2]
        self.index += 2
        if letter in ("A", "Z"):
            return "(?m:^)" if letter == "A" else "(?m:$)"
        if letter in ("b", "B"):
            return _NOTHING
        if letter in ("d", "w", "S"):
            return r"\S"
        if letter in ("D", "W"):  # Python's \d and \w hold every ASCII digit and letter, and more
            return "[^0-9]" if letter == "D" else "[^0-9a-z_]" if self.lowered else "[^0-9A-Za-z_]"
        if letter == "s":
            return f"[{WHITESPACE}]"
        return self._literal(self._escaped_char(letter))

    def _escaped_char(self, letter: str) -> str:
        """The character an escape such as `\\x27`, `\\u2019`, `\\N{EM DASH}`, `\\n` or `\\.` stands for."""
        if letter in _HEX_DIGITS:
            digits = self.source[self.index : self.index + _HEX_DIGITS[letter]]
            if len(digits) != _HEX_DIGITS[letter] or not all(d in string.hexdigits for d in digits):
                raise Untranslatable(f"\\{letter}{digits}")
            self.index += len(digits)
            try:
                return chr(int(digits, 16))
            except ValueError:
                raise Untranslatable(f"\\{letter}{digits}") from None
        if letter == "N":
            return self._named_char()
        if letter == "0":
            digits = ""
            while len(digits) < 2 and self.source[self.index : self.index + 1] in tuple("01234567"):
                digits += self.source[self.index]
                self.index += 1
            return chr(int(digits or "0", 8))
        if letter in _ESCAPED_CHARS:
            return _ESCAPED_CHARS[letter]
        if not letter or (letter.isascii() and letter.isalnum()):  # references, \z, the end of the text
            raise Untranslatable(f"\\{letter}")
        return letter

    def _named_char(self) -> str:
        import unicodedata

        end = self.source.find("}", self.index)
        if not self.source.startswith("{", self.index) or end < 0:
            raise Untranslatable("\\N without {name}")
        try:
            char = unicodedata.lookup(self.source[self.index + 1 : end])
        except KeyError:
            raise Untranslatable("unknown character name") from None
        self.index = end + 1
        return char

    def _literal(self, char: str) -> str:
        if self.lowered:
            if _cased_beyond_ascii(char):
                return _ANY  # one character, maybe not the one `re`'s case folding would give
            return _re2_char(char.lower())
        if self.ignore_case[-1] and char in "iI":
            return _FOLDED_I
        if self.ignore_case[-1] and _cased_beyond_ascii(char):
            raise Untranslatable(f"case folding of {char!r}")
        return _re2_char(char)

    def _class(self) -> str:
        """A character class, exact where RE2 can say it and widened where it cannot."""
        self.index += 1
        negated = self.source.startswith("^", self.index)
        self.index += negated
        items: list[str] = []
        widened = False  # \w, \d or \S: RE2's \S holds all of them
        anything = False  # the class can match any character
        letters = False  # the class names an ASCII letter
        while True:
            if self.index >= len(self.source):
                raise Untranslatable("class never closes")
            if self.source[self.index] == "]" and (items or widened or anything):
                self.index += 1
                break
            first = self._class_atom()
            if len(first) > 1:  # a class escape
                widened |= first in ("\\d", "\\w", "\\S")
                anything |= first in ("\\D", "\\W")
                if first == "\\s":
                    items.append(WHITESPACE)
                continue
            if self.source.startswith("-", self.index) and not self.source.startswith("-]", self.index):
                self.index += 1
                last = self._class_atom()
                if len(last) > 1 or last < first:
                    raise Untranslatable("bad range")
            else:
                last = first
            items.append(self._class_range(first, last))
            letters |= _holds_ascii_letter(first, last)
        if anything or (negated and widened) or (negated and self.lowered and letters):
            return _ANY
        return "[" + ("^" if negated else "") + "".join(items) + ("\\S" if widened else "") + "]"

    def _class_atom(self) -> str:
        """One character of a class, or a class escape such as `\\s` (two characters)."""
        char = self.source[self.index]
        if char != "\\":
            self.index += 1
            return char
        letter = self.source[self.index + 1 : self.index + 2]
        if letter in ("d", "D", "s", "S", "w", "W"):
            self.index += 2
            return "\\" + letter
        if letter == "b":  # a backspace inside a class
            self.index += 2
            return "\b"
        self.index += 2
        return self._escaped_char(letter)

    def _class_range(self, first: str, last: str) -> str:
        body = _re2_char(first) + ("" if first == last else "-" + _re2_char(last))
        if self.lowered:
            return body + self._lowered_letters(first, last)
        if not self.ignore_case[-1]:
            return body
        if _cased_beyond_ascii(first) or (first != last and not last.isascii()):
            raise Untranslatable("case folding beyond ASCII")
        covers_i = first <= "i" <= last or first <= "I" <= last
        return body + (_DOTTED_I if covers_i else "")

    def _lowered_letters(self, first: str, last: str) -> str:
        """The lower case of a range's capitals, to add to it (beyond ASCII: Untranslatable
        unless the range holds no cased letter)."""
        if not last.isascii():
            if ord(last) - ord(first) > 1000 or any(
                _cased_beyond_ascii(chr(point)) for point in range(ord(first), ord(last) + 1)
            ):
                raise Untranslatable("lower case beyond ASCII")
            last = min(last, "\x7f")
        low, high = max(first, "A"), min(last, "Z")
        if low > high:
            return ""
        return low.lower() + ("" if low == high else "-" + high.lower())


def _holds_ascii_letter(first: str, last: str) -> bool:
    """Whether the range `first`-`last` holds a letter of A-Z or a-z."""
    return first <= "z" and last >= "A" and not (first > "Z" and last < "a")


def _cased_beyond_ascii(char: str) -> bool:
    return not char.isascii() and (char.lower() != char or char.upper() != char)


def _re2_char(char: str) -> str:
    """One character as RE2 reads it literally, in a class or outside one."""
    if (char.isascii() and char.isalnum()) or char == " ":
        return char
    if char in string.punctuation:
        return "\\" + char
    return f"\\x{{{ord(char):x}}}"


def group_end(text: str, start: int = 0) -> int:
    """The index just past the group opened at `text[start]`, or -1 if it never closes."""
    depth, index = 0, start
    while index < len(text):
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index + 1
        index = token_end(text, index)
    return -1


def token_end(text: str, index: int) -> int:
    """The index after the token at `index`: an escape, a character class or one character."""
    if text[index] == "\\":
        return index + 2
    if text[index] != "[":
        return index + 1
    index += 1
    if text.startswith("^", index):
        index += 1
    if text.startswith("]", index):  # a "]" first in a class is a literal
        index += 1
    while index < len(text) and text[index] != "]":
        index += 2 if text[index] == "\\" else 1
    return index + 1
