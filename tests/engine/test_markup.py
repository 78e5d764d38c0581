"""Text users control, shown as it is in the pages' HTML and Markdown (``engine.markup``)."""

from __future__ import annotations

import re
import string

from engine.markup import html_attribute, html_text, json_line, markdown_literal, table_cell

HOSTILE = "أين المحطة\n\n![x](http://127.0.0.1:9/t.png) [Click](javascript:alert(1)) :red[WARNING] **b**\r\n# h"


def test_html_text_has_no_line_break_that_could_end_the_html_block():
    # a blank line ended Streamlit's HTML block: the rest of the text (and every later table cell) became Markdown
    out = html_text(HOSTILE)
    assert "\n" not in out and "\r" not in out
    assert out.startswith("أين المحطة<br><br>![x]") and out.endswith("**b**<br># h")
    assert html_text("<img src=x onerror=alert(1)> & 'q'") == "&lt;img src=x onerror=alert(1)&gt; &amp; &#x27;q&#x27;"


def test_html_attribute_keeps_one_line_and_its_quotes_escaped():
    assert html_attribute("a\n\nb 'c' \"d\"") == "a  b &#x27;c&#x27; &quot;d&quot;"


def test_markdown_literal_escapes_every_ascii_punctuation_and_keeps_the_text():
    out = markdown_literal(HOSTILE)
    assert "\n" not in out and "\r" not in out
    # every punctuation character is preceded by a backslash (CommonMark reads "\x" as x, for any ASCII punctuation)
    punctuation = re.escape(string.punctuation)
    assert re.fullmatch(rf"(?:\\[{punctuation}]|[^{punctuation}])*", out)
    assert re.sub(r"\\(.)", r"\1", out) == HOSTILE.replace("\r\n", " ").replace("\n", " ")
    assert markdown_literal("Amina") == "Amina" and markdown_literal("سارة") == "سارة"


def test_a_table_cell_of_a_file_stays_one_cell():
    # a test set named "news | 2024" in a model card's metrics table shifted every column after it
    row = f"| {table_cell('news | 2024')} | {table_cell('greedy' + chr(10) + 'beam')} |"
    assert row == "| news \\| 2024 | greedy beam |" and row.replace("\\|", "").count("|") == 3


def test_a_json_line_is_one_line_for_every_reader():
    import json

    line = json_line({"text": "a\u2028b\u2029c", "ar": "صباح الخير"})
    assert line.endswith("\n") and len(line.splitlines()) == 1 and "صباح الخير" in line
    assert json.loads(line) == {"text": "a\u2028b\u2029c", "ar": "صباح الخير"}
