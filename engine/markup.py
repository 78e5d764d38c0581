"""Text users control, put into the pages' HTML and Markdown so that it shows as it is: never markup.

Two places text goes, two rules:

* :func:`html_text` (and :func:`html_attribute` for attribute values) — inside HTML the pages build
  (``st.markdown(..., unsafe_allow_html=True)``): escaped for HTML, and its line breaks as ``<br>``. Escaping
  alone is not enough there: Streamlit hands the string to a Markdown parser, and a blank line in the text ends
  the HTML block, so the rest of it — and every later cell of a table — was parsed as Markdown (images fetched
  from any address, links, ``:red[...]``, headings).
* :func:`markdown_literal` — inside Markdown (``st.markdown``, ``st.caption``, ``st.info`` … without HTML): every
  ASCII punctuation character backslash-escaped, which CommonMark, Streamlit's directives (``:red[...]``) and its
  math (``$...$``) all read as the character itself; line breaks become spaces.

And for files other tools read: :func:`spreadsheet_cell` keeps a text that starts like a formula a text in a file a
spreadsheet opens, :func:`table_cell` keeps a cell of a Markdown table in a file (a model card) one cell, and
:func:`json_line` writes a JSON Lines line that every reader splits where the file's writer did.
"""

from __future__ import annotations

import html
import json
import re

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_PUNCTUATION = re.compile(r"""([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")


def html_text(text: str) -> str:
    """``text`` for HTML the pages build: HTML-escaped (quotes too), line breaks as ``<br>``."""
    return _LINE_BREAK.sub("<br>", html.escape(str(text)))


def html_attribute(text: str) -> str:
    """``text`` for an attribute value of HTML the pages build (a ``title``): HTML-escaped, line breaks as spaces
    (a blank line ends the HTML block even inside an attribute)."""
    return html.escape(_LINE_BREAK.sub(" ", str(text)))


def markdown_literal(text: str) -> str:
    """``text`` for Markdown: shown as it is (every ASCII punctuation backslash-escaped, line breaks as spaces)."""
    return _PUNCTUATION.sub(r"\\\1", _LINE_BREAK.sub(" ", str(text)))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> object:
    """A CSV cell a spreadsheet shows as written: a text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return gets a leading ``'`` (the spreadsheets' own text marker), else a name like ``=HYPERLINK(...)`` ran as a
    formula when the file was opened. Numbers and other values are returned as they are."""
    return f"'{value}" if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def table_cell(text: object) -> str:
    """``text`` for a cell of a Markdown table in a file (a model card's): its ``|`` escaped and its line breaks as
    spaces — a test set named ``news | 2024`` shifted every column after it."""
    return _LINE_BREAK.sub(" ", str(text)).replace("|", "\\|")


def json_line(value: object) -> str:
    """One JSON Lines line (with its ``\\n``), UTF-8 text kept as written but U+2028 and U+2029 escaped: JSON allows
    them raw, and a reader that splits lines as Python's ``str.splitlines`` does (JavaScript's, editors') found 20
    records in a file of 15."""
    return json.dumps(value, ensure_ascii=False).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n"
