"""Turning a valid resident submission into a draft event that waits for a moderator."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import transaction
from django.http.multipartparser import MultiPartParserError
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.log_actions import log

from infopoint.antispam import RateLimit, client_digest

from .models.submission import EventSubmission


def max_post_bytes():
    """The picture plus generous room for the text fields; anything larger is refused unread."""
    return settings.SUBMISSION_IMAGE_MAX_BYTES + 512 * 1024


class RequestTooLarge(Exception):
    """The request is too large (or too malformed) to read as a submission."""


def submission_rate_limit(page):
    return RateLimit(f"event-submission-rate:{page.pk}", *settings.SUBMISSION_RATE_LIMIT)


def read_post(request):
    """(data, files) of the request, or RequestTooLarge instead of an error page."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > max_post_bytes():
        raise RequestTooLarge
    try:
        return request.POST, request.FILES
    except (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent, MultiPartParserError) as error:
        raise RequestTooLarge from error


def _image(form, neighbourhood):
    upload = form.cleaned_data.get("image")
    if not upload:
        return None
    image = get_image_model()(
        title=form.cleaned_data["title"][:255],
        description=form.cleaned_data["image_alt"],
        collection=neighbourhood.collection,
        file=upload,
    )
    image._set_image_file_metadata()
    image.save()
    return image


def save_submission(form, page, neighbourhood, request):
    """Store the draft event, its first revision and the private submission; start moderation.

    All or nothing: if anything fails, no event, submission or picture (file included) remains.
    """
    image = None
    try:
        with transaction.atomic():
            image = _image(form, neighbourhood)
            event = form.event
            event.image = image
            # A draft: not live, so it writes no occurrences and no listing or feed shows it.
            event.save()
            log(event, "wagtail.create")
            event.save_revision(clean=False)
            EventSubmission.objects.create(
                event=event,
                name=form.cleaned_data["name"].strip(),
                email=form.cleaned_data["email"],
                language=translation.get_language() or settings.LANGUAGE_CODE,
                client=client_digest(request),
            )
            workflow = event.get_workflow()
            if workflow is not None:
                # Nobody is logged in: the workflow records no requester (Wagtail allows None).
                workflow.start(event, None)
    except Exception:
        if image is not None:
            image.file.delete(save=False)
        raise
    return event
