"""Only real HTML comments reach Document.comments, so only they can suppress (issue 17).

A `<!-- ... -->` written inside code, Markdown or HTML, is an example in the text.
"""

from __future__ import annotations

import pytest

from tests.conftest import codes_at, doc_of, lint

MARKDOWN = """<!-- block -->

Text <!-- inline --> and `<!-- inline code -->`.

```html
<!-- fenced -->
```

    <!-- indented -->

> <!-- quoted -->

<pre><!-- in pre --></pre>

<p><code><!-- in code --></code> <!-- after code --></p>
"""

HTML = """<html><head><title><!-- in title --></title><!-- head -->
<script>var s = "<!-- in script -->";</script><style>/* <!-- in style --> */</style></head>
<body><p>Text <!-- body --></p><pre><!-- in pre --></pre><p><code><!-- in code --></code></p>
<textarea><!-- in textarea --></textarea><noscript><!-- in noscript --></noscript></body></html>
"""


def test_markdown_comments_are_only_those_outside_code() -> None:
    found = [(c.text, c.span.line, c.span.column) for c in doc_of(MARKDOWN).comments]
    assert found == [("block", 1, 1), ("inline", 3, 6), ("quoted", 11, 3), ("after code", 15, 34)]


def test_html_comments_are_only_those_outside_code_and_raw_text() -> None:
    found = [(c.text, c.span.line) for c in doc_of(HTML, "html").comments]
    assert found == [("head", 1), ("body", 3), ("in noscript", 4)]


@pytest.mark.parametrize(
    "text",
    [
        "Write `<!-- seolint-disable-file -->` in a post.\n\nTODO: finish. [link](#)\n",
        "```html\n<!-- seolint-disable-file -->\n```\n\nTODO: finish. [link](#)\n",
        "<pre><!-- seolint-disable-file --></pre>\n\nTODO: finish. [link](#)\n",
    ],
)
def test_a_suppression_written_in_code_suppresses_nothing(text: str) -> None:
    line = text.splitlines().index("TODO: finish. [link](#)") + 1
    assert {(line, "S002"), (line, "L001")} <= set(codes_at(lint(text, select=("S002", "L001"))))


@pytest.mark.parametrize("wrapper", ["pre", "code", "script", "textarea"])
def test_a_suppression_in_html_code_or_script_suppresses_nothing(wrapper: str) -> None:
    page = (
        f'<{wrapper}><!-- seolint-disable-file --></{wrapper}>\n<p>TODO: finish. <a href="#">link</a></p>\n'
    )
    assert {(2, "S002"), (2, "L001")} <= set(codes_at(lint(page, "html", select=("S002", "L001"))))


def test_a_real_comment_still_suppresses() -> None:
    text = "<!-- seolint-disable-file -->\n\nTODO: finish. [link](#)\n"
    assert lint(text, select=("S002", "L001")) == []
