"""The studio's page icon, drawn here: ``page_icon=":material/translate:"`` made every browser fetch the icon from
fonts.gstatic.com, which fails on a machine without internet (``net::ERR_NAME_NOT_RESOLVED`` on every page)."""

from __future__ import annotations

import functools

from PIL import Image, ImageDraw

SIZE = 64
TEAL = (13, 116, 128, 255)
WHITE = (255, 255, 255, 255)


@functools.cache
def studio_icon() -> Image.Image:
    """A 64 × 64 icon: a teal rounded square holding two lines of text of unequal length, one from each side (a
    left-to-right source above its right-to-left translation)."""
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((2, 2, SIZE - 3, SIZE - 3), radius=14, fill=TEAL)
    draw.rounded_rectangle((12, 18, 44, 26), radius=4, fill=WHITE)  # the source, from the left
    draw.rounded_rectangle((20, 38, 52, 46), radius=4, fill=WHITE)  # its translation, from the right
    return image
