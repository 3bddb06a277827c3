from django import template
from django.utils import timezone

from ..links import attach_urls
from ..models.service import Service
from ..queries import with_listing_data
from ..walkin import next_walk_in

register = template.Library()


@register.simple_tag(takes_context=True)
def service_card(context, service):
    """A chosen service as residents see it now (its published version) for a guide's block: in
    the page's language where translated (else in Dutch), with its next walk-in; nothing for a
    service not published. {"service": …, "now": …}, as the help finder's card reads them."""
    if service is None or not service.live:
        return None
    published = with_listing_data(
        Service.objects.filter(translation_key=service.translation_key, live=True)
    )
    by_locale = {item.locale_id: item for item in published}
    page_locale = getattr(context.get("page"), "locale_id", None)
    shown = by_locale.get(page_locale) or by_locale.get(service.locale_id)
    if shown is None:
        return None
    now = timezone.now()
    attach_urls([shown], context.get("request"))
    shown.next_walk_in = next_walk_in(shown, now)
    return {"service": shown, "now": now}
