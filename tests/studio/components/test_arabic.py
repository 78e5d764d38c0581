"""Arabic table cells: right-to-left, escaped, and an empty output said to be empty."""

from __future__ import annotations

from studio.components.arabic import arabic_text_cell


def test_an_output_of_spaces_reads_empty_and_markup_is_text():
    # a whitespace-only translation showed as a blank cell, read as missing
    for blank in ("", "   ", "\n\t"):
        assert arabic_text_cell(blank) == "<td class='tarjama-ar' dir='rtl' lang='ar'><em>(empty)</em></td>"
    assert arabic_text_cell("<b>قطة</b>") == "<td class='tarjama-ar' dir='rtl' lang='ar'>&lt;b&gt;قطة&lt;/b&gt;</td>"
