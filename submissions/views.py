"""The resident's side of “Submit an event”: the form, its checks and what it stores."""

from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from infopoint.scope import neighbourhoods

from .forms import EventSubmissionForm
from .handling import RequestTooLarge, read_post, save_submission, submission_rate_limit


def submit(request, page):
    neighbourhood = page.neighbourhood()
    if neighbourhood is None:
        raise Http404("This page is not part of a neighbourhood.")
    context = {"neighbourhood": neighbourhood}
    status = 200
    form = EventSubmissionForm(page=page, neighbourhood=neighbourhood)
    if request.method == "POST":
        limit = submission_rate_limit(page)
        try:
            data, files = read_post(request)
        except RequestTooLarge:
            # The input cannot be read back, so the form starts empty, with the reason why.
            context["problem"] = "too_large"
            status = 413
        else:
            form = EventSubmissionForm(data, files, page=page, neighbourhood=neighbourhood)
            if limit.exceeded(request):
                context["problem"] = "rate_limited"
                status = 429
            elif form.is_valid():
                save_submission(form, page, neighbourhood, request)
                limit.count(request)
                thanks = page.reverse_subpage("thanks")
                return HttpResponseRedirect(f"{page.get_url(request)}{thanks}")
            else:
                status = 400
    context["form"] = form
    response = page.render(request, context_overrides=context)
    response.status_code = status
    return response


def neighbourhood_forms(page, request):
    """[(neighbourhood, URL of its “Submit an event” page)] in the portal page's language, by
    name: two queries, whatever the number of neighbourhoods."""
    from .models import EventSubmissionPage  # lazily: the page models route to these views

    forms = list(EventSubmissionPage.objects.live().filter(locale_id=page.locale_id))
    step = Page.steplen * 2
    home_keys = dict(
        Page.objects.filter(path__in={form.path[:step] for form in forms}).values_list(
            "path", "translation_key"
        )
    )
    by_home = {n.site.root_page.translation_key: n for n in neighbourhoods()}
    chosen = []
    for form in forms:
        neighbourhood = by_home.get(home_keys.get(form.path[:step]))
        if neighbourhood is not None:
            chosen.append((neighbourhood, form.get_url(request)))
    return sorted(chosen, key=lambda item: item[0].name)


def choose_neighbourhood(request, page):
    """The portal's “Submit an event”: which neighbourhood is it in? Then that neighbourhood's
    form, read by its moderators. A choice that is not on the list is answered, never a 500."""
    choices = neighbourhood_forms(page, request)
    wanted = request.GET.get("neighbourhood")
    if wanted:
        url = next((url for n, url in choices if n.slug == wanted), None)
        if url is not None:
            return HttpResponseRedirect(url)
    context = page.get_context(request)
    context.update(
        choices=choices,
        problem=_("Choose one of the neighbourhoods in the list.") if wanted else "",
    )
    response = TemplateResponse(request, "submissions/choose_neighbourhood.html", context)
    if wanted:
        response.status_code = 400
    return response
