from django import template

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
