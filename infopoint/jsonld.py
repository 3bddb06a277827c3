"""schema.org data for search engines and other systems, written into a page one way."""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

# The characters that could end the script element or start markup, as JSON escapes (what
# Django's json_script does), so the data can never break out of its element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def script(data):
    """A `<script type="application/ld+json">` element holding `data`, or "" for no data."""
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308
