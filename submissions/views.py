"""The resident's side of “Submit an event”: the form, its checks and what it stores."""

from django.http import Http404, HttpResponseRedirect

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
