"""The resident's “Submit an event” form: a few plain questions, limits on every answer."""

from datetime import datetime, timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.html import linebreaks
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from events import dates, recurrence
from events.models import Event
from infopoint.antispam import HONEYPOT_FIELD, honeypot_field
from infopoint.translation import in_language
from venues.models import Venue

NAME_MAX_LENGTH = 100
TITLE_MAX_LENGTH = 150
PLACE_MAX_LENGTH = 200
DESCRIPTION_MAX_LENGTH = 4000
ALT_MAX_LENGTH = 255
PRICE_MAX_LENGTH = Event._meta.get_field("price").max_length
SUMMARY_LENGTH = 200
IMAGE_MAX_PIXELS = 40_000_000
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}
# How far ahead a resident may announce something, and how long a series may run.
MAX_DAYS_AHEAD = 2 * 365
MAX_SERIES_DAYS = 365
MAX_TIMES = 52

# The simple repetitions a resident can choose, as the events app's own schedule fields.
REPEATS = {
    "once": {"repeat": "none", "interval": 1},
    "weekly": {"repeat": "weekly", "interval": 1},
    "fortnightly": {"repeat": "weekly", "interval": 2},
    "monthly": {"repeat": "monthly_weekday", "interval": 1},
}
REPEAT_CHOICES = [
    ("once", _("Once")),
    ("weekly", _("Every week")),
    ("fortnightly", _("Every two weeks")),
    ("monthly", _("Every month, on the same weekday (e.g. the first Tuesday)")),
]


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _time_input():
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def too_large():
    return _("The picture is too large; choose one of at most %(size)s.") % {
        "size": filesizeformat(settings.SUBMISSION_IMAGE_MAX_BYTES)
    }


class EventSubmissionForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=NAME_MAX_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("Only the moderators see your name and e-mail address, to ask you questions."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    title = forms.CharField(
        label=_("Name of the activity"),
        max_length=TITLE_MAX_LENGTH,
        help_text=_("For example: Coffee morning for neighbours."),
    )
    date = forms.DateField(
        label=_("Date"),
        help_text=_("For a repeating activity: the first date."),
        widget=_date_input(),
    )
    start_time = forms.TimeField(label=_("Starts at"), widget=_time_input())
    end_time = forms.TimeField(label=_("Ends at"), widget=_time_input())
    repeat = forms.ChoiceField(
        label=_("How often"), choices=REPEAT_CHOICES, initial="once", widget=forms.RadioSelect
    )
    repeat_until = forms.DateField(
        label=_("Last date"),
        required=False,
        help_text=_("For a repeating activity: the last date, or fill in the number of times."),
        widget=_date_input(),
    )
    repeat_count = forms.IntegerField(
        label=_("Number of times"),
        required=False,
        min_value=2,
        max_value=MAX_TIMES,
        help_text=_("For a repeating activity: how many times in total (at most 52)."),
    )
    venue = forms.TypedChoiceField(
        label=_("Meeting place"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("Choose a meeting place of this neighbourhood, or describe the place below."),
    )
    place = forms.CharField(
        label=_("Other place"),
        max_length=PLACE_MAX_LENGTH,
        required=False,
        help_text=_("For example: the playground behind the school, Kruisweg 12."),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=DESCRIPTION_MAX_LENGTH,
        help_text=_("What happens, for whom, what it costs and whether people must sign up."),
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    cost = forms.ChoiceField(
        label=_("What does it cost?"),
        choices=[("free", _("Free")), ("paid", _("Residents pay"))],
        widget=forms.RadioSelect,
    )
    price = forms.CharField(
        label=_("Price"),
        max_length=PRICE_MAX_LENGTH,
        required=False,
        help_text=_("When residents pay: how much, e.g. “€ 3, coffee included”."),
    )
    image = forms.ImageField(
        label=_("Picture (optional)"),
        required=False,
        help_text=_("A JPEG, PNG or WebP file of at most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    image_alt = forms.CharField(
        label=_("What the picture shows"),
        max_length=ALT_MAX_LENGTH,
        required=False,
        help_text=_("One sentence for people who cannot see the picture. Needed with a picture."),
    )

    # Fields the template groups under “When” and “Where”, and the honeypot it hides.
    when_fields = ["date", "start_time", "end_time", "repeat", "repeat_until", "repeat_count"]
    where_fields = ["venue", "place"]
    honeypot_name = HONEYPOT_FIELD

    def __init__(self, *args, page, neighbourhood, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.neighbourhood = neighbourhood
        self.fields[HONEYPOT_FIELD] = honeypot_field()
        self.venues = self._venues()
        self.fields["venue"].choices = [("", _("Another place (describe it below)"))] + [
            (pk, name) for pk, name in self.venues.items()
        ]
        self.event = None

    def _venues(self):
        """Dutch venue pk -> name in the page's language (falling back to Dutch)."""
        dutch = list(
            Venue.objects.filter(
                neighbourhood=self.neighbourhood,
                locale__language_code=settings.LANGUAGE_CODE,
                is_active=True,
                live=True,
            )
            .only("pk", "name", "translation_key", "locale_id")
            .order_by("name")
        )
        if not dutch:
            return {}
        shown = in_language(dutch, self.page.locale_id)
        return {venue.pk: shown_venue.name for venue, shown_venue in zip(dutch, shown, strict=True)}

    # -- cleaning ----------------------------------------------------------------------------

    def clean_website(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise ValidationError(_("Your event could not be sent."), code="honeypot")
        return ""

    def clean_date(self):
        day = self.cleaned_data["date"]
        today = dates.local_today()
        if day < today:
            raise ValidationError(_("The date has passed; choose today or a later date."))
        if day > today + timedelta(days=MAX_DAYS_AHEAD):
            raise ValidationError(_("Choose a date within the next two years."))
        return day

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if not upload:
            return None
        if upload.size > settings.SUBMISSION_IMAGE_MAX_BYTES:
            raise ValidationError(too_large())
        picture = getattr(upload, "image", None)
        if picture is None or picture.format not in IMAGE_FORMATS:
            raise ValidationError(_("Choose a JPEG, PNG or WebP picture."))
        width, height = picture.size
        if width * height > IMAGE_MAX_PIXELS:
            raise ValidationError(too_large())
        return upload

    def clean(self):
        """Checks across answers, each made when its answers are readable, so a resident sees
        every problem at once; the event is built only from a form without any problem."""
        data = super().clean()
        valid = {name: value for name, value in data.items() if name not in self.errors}
        if {"start_time", "end_time"} <= valid.keys() and data["end_time"] <= data["start_time"]:
            self.add_error("end_time", _("The end must be after the start."))
        if {"repeat", "date", "repeat_until", "repeat_count"} <= valid.keys():
            self._check_repetition(data)
        if {"venue", "place"} <= valid.keys():
            if data["venue"] and data["place"]:
                self.add_error(
                    "place",
                    _("Choose a meeting place from the list or describe another place, not both."),
                )
            elif not data["venue"] and not data["place"]:
                self.add_error(
                    "venue", _("Choose a meeting place or describe where it takes place.")
                )
        if valid.get("cost") == "paid" and "price" in valid and not data["price"].strip():
            self.add_error("price", _("Say what it costs, or choose “Free”."))
        if valid.get("image") and "image_alt" in valid and not data["image_alt"]:
            self.add_error("image_alt", _("Say in one sentence what the picture shows."))
        if not self.errors:
            self.event = self._build_event(data)
        return data

    def _check_repetition(self, data):
        if data["repeat"] == "once":
            return
        until, count = data["repeat_until"], data["repeat_count"]
        if until and count:
            self.add_error(
                "repeat_count", _("Fill in either the last date or the number of times, not both.")
            )
        elif not until and not count:
            self.add_error(
                "repeat_until",
                _("Fill in the last date or the number of times of a repeating activity."),
            )
        elif until and until <= data["date"]:
            self.add_error("repeat_until", _("The last date must be after the first date."))
        elif until and until > data["date"] + timedelta(days=MAX_SERIES_DAYS):
            self.add_error(
                "repeat_until", _("A series can run for at most a year; ask us for more.")
            )

    def _build_event(self, data):
        """The unsaved draft event, checked by the events app's own rules."""
        start = recurrence.to_utc(datetime.combine(data["date"], data["start_time"]))
        end = recurrence.to_utc(datetime.combine(data["date"], data["end_time"]))
        schedule = dict(REPEATS[data["repeat"]])
        if data["repeat"] != "once":
            if data.get("repeat_until"):
                schedule.update(ends="until", repeat_until=data["repeat_until"])
            else:
                schedule.update(ends="count", repeat_count=data["repeat_count"])
        if data["repeat"] == "monthly" and data["date"].day > 28:
            # A fifth weekday is missing from most months; residents mean “the last one”.
            schedule["week_of_month"] = -1
        description = data["description"].strip()
        event = Event(
            title=data["title"].strip(),
            neighbourhood=self.neighbourhood,
            # Submissions go into the Dutch source whatever the page's language: the agenda of
            # every language shows Dutch events until moderators translate them.
            locale=Locale.get_default(),
            summary=Truncator(" ".join(description.split())).chars(SUMMARY_LENGTH),
            description=linebreaks(description, autoescape=True),
            start=start,
            end=end,
            venue_id=data.get("venue"),
            place=data.get("place", "").strip(),
            # Asked, never assumed: only what the resident answered shows as “Free”.
            is_free=data["cost"] == "free",
            price="" if data["cost"] == "free" else data["price"].strip(),
            live=False,
            has_unpublished_changes=True,
            **schedule,
        )
        try:
            event.full_clean()
        except ValidationError as error:
            # The events app words its messages for editors; the resident gets one plain line.
            raise ValidationError(
                _("These dates cannot be planned; check the date, times and repetition."),
                code="schedule",
            ) from error
        return event

    # -- presentation ------------------------------------------------------------------------

    def error_summary(self):
        """(anchor, field label, message) for every problem, in the order of the form: the
        summary names the field each message is about ("Your name: This field is required.")."""
        items = [("", "", message) for message in self.non_field_errors()]
        for name in self.fields:
            if name == HONEYPOT_FIELD:
                items.extend(("", "", message) for message in self.errors.get(name, []))
                continue
            bound = self[name]
            items.extend((bound.auto_id, bound.label, message) for message in bound.errors)
        return items
