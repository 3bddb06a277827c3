"""What every public form uses against robots and floods: a honeypot and a per-address limit."""

import hashlib
import ipaddress

import django.forms
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

# A field people never see (the template hides it with `.form__trap`) but form-filling robots
# do fill in.
HONEYPOT_FIELD = "website"


def honeypot_field():
    return django.forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=django.forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


def client_address(request):
    """The address the request came from (also what django-axes counts logins by).

    Behind TRUSTED_PROXY_COUNT reverse proxies (a load balancer, a CDN) the connection comes from
    the nearest proxy, and each proxy appends the address it was reached from to
    X-Forwarded-For: the client is the entry that many places from the right. What stands further
    left was written by the client itself and is never believed. With no trusted proxy (the
    default) X-Forwarded-For is ignored, so it cannot be used to dodge a limit.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < proxies:  # came past fewer proxies than configured: not through them
        return remote
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def client_digest(request):
    """The client's address, hashed: the cache never holds residents' IP addresses."""
    address = client_address(request)
    return hashlib.sha256(f"{settings.SECRET_KEY}|{address}".encode()).hexdigest()[:32]


class RateLimit:
    """At most `limit` counted actions per client address in `window` seconds, per `scope`.

    The counts live in Django's default cache, Redis in production, so every app server and
    worker counts together (`manage.py check --deploy` warns when the cache is per process).

    Callers count only what succeeded, so a resident correcting mistakes is never locked out.
    """

    def __init__(self, scope, limit, window):
        self.scope, self.limit, self.window = scope, limit, window

    def key(self, request):
        return f"{self.scope}:{client_digest(request)}"

    def exceeded(self, request):
        return (cache.get(self.key(request)) or 0) >= self.limit

    def count(self, request):
        key = self.key(request)
        if not cache.add(key, 1, self.window):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, self.window)
