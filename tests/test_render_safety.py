"""What the renderers quote from input can neither drive the terminal nor make Markdown."""

from __future__ import annotations

import html
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from numcheck._report import markdown_text, printable

# Text rich in what matters: controls, escapes, Markdown and HTML syntax, line breaks.
HOSTILE = st.text(
    st.one_of(
        st.sampled_from(
            list("\x1b\x07\x9b\x9d\x9c\r\n\t\x00\x7f\u2028\u2029[]()!|`*_<>&\\#-+.:;= ")
        ),
        st.characters(),
    )
)


def _is_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc" or char in "\u2028\u2029"


@given(HOSTILE)
def test_printable_leaves_no_control_character_and_is_stable(text: str) -> None:
    out = printable(text)
    assert not any(_is_control(c) for c in out)
    assert printable(out) == out


@given(
    st.text(st.characters(blacklist_categories=("Cc", "Cs"))).filter(
        lambda t: not any(c in t for c in "\u2028\u2029")
    )
)
def test_printable_keeps_text_without_controls(text: str) -> None:
    assert printable(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("a\x1b[31mred\x1b[0m b", "ared b", id="colour"),
        pytest.param("x\x1b]0;title\x07y", "xy", id="osc-title-bel"),
        pytest.param("x\x1b]8;;http://e.test\x1b\\link\x1b]8;;\x1b\\y", "xlinky", id="osc-link"),
        pytest.param("x\x9b2Jy", "xy", id="8-bit-csi"),
        pytest.param("one\r\ntwo\tthree", "one  two three", id="breaks-become-spaces"),
        pytest.param("a\x00\x08\x7fb", "ab", id="other-controls-go"),
        pytest.param("تقرير 李明 😀 «é»", "تقرير 李明 😀 «é»", id="any-script-kept"),
    ],
)
def test_printable_examples(text: str, expected: str) -> None:
    assert printable(text) == expected


def _unescape(markdown: str) -> str:
    """What CommonMark shows for inline text: backslash escapes, then entities."""
    return html.unescape(re.sub(r"\\(.)", r"\1", markdown))


@given(HOSTILE)
def test_markdown_text_renders_as_exactly_the_text(text: str) -> None:
    out = markdown_text(text)
    assert "\n" not in out and "\r" not in out
    assert not re.search(r"(?<!\\)(?:\\\\)*[|\[\]`*_<>!]", out)  # nothing unescaped
    assert _unescape(out) == " ".join(printable(text).split())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("- item", "\\- item", id="list"),
        pytest.param("12. item", "12\\. item", id="ordered-list"),
        pytest.param("# heading", "\\# heading", id="heading"),
        pytest.param("a\n## b", "a \\#\\# b", id="newline-heading"),
        pytest.param("<script>x</script>", "&lt;script&gt;x&lt;/script&gt;", id="script"),
        pytest.param("![i](u)", "\\!\\[i\\]\\(u\\)", id="image"),
        pytest.param("a | b", "a \\| b", id="cell"),
        pytest.param("2,500 troops", "2,500 troops", id="plain-text-unchanged"),
    ],
)
def test_markdown_text_examples(text: str, expected: str) -> None:
    assert markdown_text(text) == expected
