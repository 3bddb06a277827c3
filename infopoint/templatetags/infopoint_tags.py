from django import template
from django.utils import formats

from infopoint import jsonld

register = template.Library()


@register.simple_tag
def json_ld(data):
    """A schema.org data block; escaped so the data can never close the script element."""
    return jsonld.script(data)


@register.filter
def page_numbers(page_obj):
    """The page numbers a pagination shows around `page_obj`, with Django's ellipses between."""
    paginator = page_obj.paginator
    return list(paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1))


# Where a language sets no SHORT_DAY_MONTH_FORMAT (config/formats/<language>/formats.py).
SHORT_DAY_MONTH_FORMAT = "D j M"


@register.filter(expects_localtime=True)
def day_and_month(value):
    """A short date with its weekday as the language writes it: "di 1 dec", "Tue 1 Dec"."""
    if not value:
        return ""
    format_name = "SHORT_DAY_MONTH_FORMAT"
    date_format = formats.get_format(format_name)
    if date_format == format_name:  # get_format answers an unknown name with the name
        date_format = SHORT_DAY_MONTH_FORMAT
    return formats.date_format(value, date_format)
