"""Rate limits hold on real deployments: behind trusted proxies each resident counts on their own,
and without one a forged X-Forwarded-For does not escape the limit."""

import pytest
from django.test import RequestFactory

from infopoint.antispam import RateLimit, client_address

PROXY = "10.0.0.2"


def request_from(forwarded_for=None, remote=PROXY):
    extra = {"REMOTE_ADDR": remote}
    if forwarded_for is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().post("/nl/contact/", **extra)


def use_up(limit, request):
    for _message in range(limit.limit):
        assert not limit.exceeded(request)
        limit.count(request)
    assert limit.exceeded(request)


def test_behind_one_trusted_proxy_two_residents_are_two_clients(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    limit = RateLimit("contact-rate:1", 3, 3600)

    use_up(limit, request_from("198.51.100.1"))

    assert not limit.exceeded(request_from("198.51.100.2"))


def test_behind_a_trusted_proxy_what_the_client_wrote_itself_is_not_believed(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    limit = RateLimit("contact-rate:1", 3, 3600)

    use_up(limit, request_from("192.0.2.50, 198.51.100.1"))

    # Another forged first entry; the proxy appended the same real address.
    assert limit.exceeded(request_from("192.0.2.99, 198.51.100.1"))


def test_without_trusted_proxies_a_forged_forwarded_for_does_not_escape_the_limit(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    limit = RateLimit("contact-rate:1", 3, 3600)

    use_up(limit, request_from("198.51.100.1", remote="203.0.113.5"))

    assert limit.exceeded(request_from("198.51.100.2", remote="203.0.113.5"))
    assert limit.exceeded(request_from(None, remote="203.0.113.5"))


@pytest.mark.parametrize(
    ("count", "forwarded_for", "expected"),
    [
        (2, "198.51.100.1, 10.0.0.1", "198.51.100.1"),  # CDN, then the load balancer
        (2, "192.0.2.1, 198.51.100.1, 10.0.0.1", "198.51.100.1"),
        (2, "10.0.0.1", PROXY),  # fewer entries than proxies: not through them
        (1, "not-an-address", PROXY),
        (1, "", PROXY),
        (1, "2001:DB8::1", "2001:db8::1"),
    ],
)
def test_the_client_address_is_taken_that_many_proxies_from_the_right(
    settings, count, forwarded_for, expected
):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_address(request_from(forwarded_for)) == expected
