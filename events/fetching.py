"""Fetching a partner's calendar without letting its address be turned against us.

A feed's URL is typed in by a volunteer, so it is treated as hostile: only http(s), and only to
public addresses. The host name is resolved once per hop, every address it resolves to is
checked (loopback, private, link-local, shared, multicast, reserved and unspecified networks
are refused, IPv4 written as IPv6 included), and the connection is made to the address that was
checked, so a name that resolves differently a moment later (DNS rebinding) cannot slip past.
Redirects are followed by hand, each one checked the same way. One deadline covers the whole
fetch, redirects included: a watchdog cuts the connection when it passes, so a server that
sends a byte a second cannot stretch it. Every failure is a FeedError with a sentence for a
volunteer, never an exception's own text.

`EVENTS_FEED_PRIVATE_NETWORKS` lists networks that may be fetched all the same (an intranet's
calendar server; tests on the loopback interface).

Written on http.client rather than a client library: pinning the checked address and cutting a
slow response at one deadline are the whole point here, and no library in our stack offers both.
"""

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

ALLOWED_SCHEMES = {"http", "https"}
REDIRECTS = {301, 302, 303, 307, 308}
MAX_REDIRECTS = 5
CHUNK = 64 * 1024
USER_AGENT = "Wijkinfo calendar import"


class FeedError(Exception):
    """Why a feed could not be imported, in words an editor understands."""


def max_bytes():
    return getattr(settings, "EVENTS_FEED_MAX_BYTES", 2 * 1024 * 1024)


def timeout_seconds():
    return getattr(settings, "EVENTS_FEED_TIMEOUT", 10)


def _allowed_networks():
    return [
        ipaddress.ip_network(network, strict=False)
        for network in getattr(settings, "EVENTS_FEED_PRIVATE_NETWORKS", ())
    ]


def may_fetch_from(address):
    """Whether a resolved address may be connected to: a public one, or one in a network the
    settings allow."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 scope ("%eth0") is no part
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if any(ip in network for network in _allowed_networks()):
        return True
    return ip.is_global and not ip.is_multicast


def _resolve(host, port):
    """(family, socket address) to connect to; FeedError unless every address is allowed."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise FeedError(
            _("The calendar's server “%(host)s” could not be found. Check the address.")
            % {"host": host}
        ) from error
    refused = [info[4][0] for info in infos if not may_fetch_from(info[4][0])]
    if refused or not infos:
        raise FeedError(
            _(
                "The calendar's address “%(host)s” leads to a private network (%(address)s). "
                "Only calendars on the public internet are imported."
            )
            % {"host": host, "address": refused[0] if refused else "?"}
        )
    family, _type, _proto, _name, sockaddr = infos[0]
    return family, sockaddr


class _Pinned:
    """Connects to the address that was checked, whatever the host name resolves to now."""

    def __init__(self, host, port, *, family, sockaddr, timeout, **kwargs):
        super().__init__(host, port, timeout=timeout, **kwargs)
        self._family, self._sockaddr = family, sockaddr

    def _open_socket(self):
        sock = socket.socket(self._family, socket.SOCK_STREAM)
        sock.settimeout(self.timeout)
        try:
            sock.connect(self._sockaddr)
        except BaseException:
            sock.close()
            raise
        return sock


class _PinnedHTTP(_Pinned, http.client.HTTPConnection):
    def connect(self):
        # Kept apart too: http.client lets go of `sock` once a response will close it.
        self.sock = self.wire = self._open_socket()


class _PinnedHTTPS(_Pinned, http.client.HTTPSConnection):
    def connect(self):
        # The certificate is checked against the host name, as for any https request.
        sock = self._context.wrap_socket(self._open_socket(), server_hostname=self.host)
        self.sock = self.wire = sock


class _Watchdog:
    """Cuts a connection when the deadline passes, waking a read that is waiting on it."""

    def __init__(self, connection, seconds):
        self.connection, self.expired = connection, threading.Event()
        self.timer = threading.Timer(seconds, self._cut)
        self.timer.daemon = True

    def _cut(self):
        self.expired.set()
        sock = getattr(self.connection, "wire", None)
        if sock is not None:
            with contextlib.suppress(OSError):  # already closed
                sock.shutdown(socket.SHUT_RDWR)

    def __enter__(self):
        self.timer.start()
        return self

    def __exit__(self, *exc_info):
        self.timer.cancel()


def _late(timeout):
    return FeedError(
        _("The calendar did not arrive within %(seconds)s seconds. Try again later.")
        % {"seconds": timeout}
    )


def _broken(host, error):
    """A sentence for what went wrong on the wire."""
    if isinstance(error, ssl.SSLCertVerificationError):
        message = _("The secure connection to “%(host)s” could not be trusted (its certificate).")
    elif isinstance(error, ssl.SSLError):
        message = _("The secure connection to “%(host)s” failed.")
    elif isinstance(error, ConnectionRefusedError):
        message = _("The calendar's server “%(host)s” refused the connection.")
    elif isinstance(error, (http.client.RemoteDisconnected, ConnectionResetError)):
        message = _("The calendar's server “%(host)s” broke off the connection.")
    elif isinstance(error, http.client.IncompleteRead):
        message = _("The calendar's server “%(host)s” stopped sending halfway.")
    else:
        message = _("The calendar could not be fetched from “%(host)s”.")
    return FeedError(message % {"host": host})


def _get(url, deadline, timeout, limit):
    """One hop: (None, the body) or (the address it redirects to, None)."""
    parts = urlsplit(url)
    if parts.scheme not in ALLOWED_SCHEMES or not parts.hostname:
        raise FeedError(
            _("Only http:// and https:// addresses can be imported, not “%(url)s”.") % {"url": url}
        )
    host = parts.hostname
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise FeedError(_("The address “%(url)s” has no valid port.") % {"url": url}) from error
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise _late(timeout)
    family, sockaddr = _resolve(host, port)
    kind = _PinnedHTTPS if parts.scheme == "https" else _PinnedHTTP
    connection = kind(host, port, family=family, sockaddr=sockaddr, timeout=remaining)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    watchdog = _Watchdog(connection, remaining)
    try:
        with watchdog:
            connection.request("GET", target, headers={"User-Agent": USER_AGENT})
            response = connection.getresponse()
            if response.status in REDIRECTS:
                location = response.getheader("Location")
                if not location:
                    raise FeedError(_("The calendar's server redirects without saying where."))
                return urljoin(url, location), None
            if response.status != 200:
                raise FeedError(
                    _("The calendar's server answered “%(status)s %(reason)s”.")
                    % {"status": response.status, "reason": response.reason}
                )
            return None, _read(response, limit)
    except FeedError:
        if watchdog.expired.is_set():
            raise _late(timeout) from None
        raise
    except (OSError, http.client.HTTPException, ValueError) as error:
        if watchdog.expired.is_set() or isinstance(error, TimeoutError):
            raise _late(timeout) from error
        raise _broken(host, error) from error
    finally:
        connection.close()
        if watchdog.expired.is_set():
            raise _late(timeout)


def _read(response, limit):
    too_large = FeedError(
        _("The calendar is larger than %(kb)s kB; it was not imported.") % {"kb": limit // 1024}
    )
    declared = response.getheader("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    chunks, size = [], 0
    while chunk := response.read1(CHUNK):
        size += len(chunk)
        if size > limit:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def fetch(url, *, timeout=None, limit=None):
    """The feed's bytes; FeedError when the address is not allowed, the calendar is too big or
    too slow, or the server cannot be reached or misbehaves."""
    timeout = timeout or timeout_seconds()
    limit = limit or max_bytes()
    deadline = time.monotonic() + timeout
    for _hop in range(MAX_REDIRECTS + 1):
        url, body = _get(url, deadline, timeout, limit)
        if url is None:
            return body
    raise FeedError(
        _("The calendar's address redirects more than %(count)s times.") % {"count": MAX_REDIRECTS}
    )
