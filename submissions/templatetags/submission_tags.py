from django import template

register = template.Library()


@register.inclusion_tag("submissions/includes/agenda_link.html", takes_context=True)
def submit_event_link(context, agenda):
    """“Organising something? Submit an event”, when the agenda's home has a submission page.

    The URL is cached with the agenda's other lookups (stale after any page is published).
    """
    from events.queries import cached

    from ..models import EventSubmissionPage

    request = context.get("request")

    def find():
        page = EventSubmissionPage.objects.live().sibling_of(agenda).first()
        return (page.get_url(request) or "") if page is not None else ""

    return {"url": cached(f"submit-event-url-{agenda.pk}", find)}
