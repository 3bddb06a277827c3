"""Crawl every public page of a loaded demo city in all four languages.

Reports links and assets (images, scripts, styles, icons) that do not answer, and whether each
site offers the same footer and navigation in every language as in Dutch. Media renditions are
left out: only a server that serves MEDIA_ROOT answers them.

    DJANGO_SETTINGS_MODULE=config.settings.test DATABASE_URL=sqlite:////tmp/crawl.sqlite3 \
        .venv/bin/python manage.py migrate
    … manage.py load_demo --port 80
    … .venv/bin/python tests/benchmarks/crawl_demo.py
"""

from collections import defaultdict
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import django

LANGUAGES = ("nl", "en", "ar", "tr")
SKIPPED = ("/admin", "/documents")
FEEDS = (".ics", "/feed/", "/atom/")


class Page(HTMLParser):
    """The links, assets and the footer's and navigation's links of one HTML page."""

    def __init__(self):
        super().__init__()
        self.links, self.assets, self.footer, self.nav, self.open = [], [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("footer", "nav"):
            self.open.append(tag)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
            if "footer" in self.open:
                self.footer.append(attrs["href"])
            elif "nav" in self.open:
                self.nav.append(attrs["href"])
        if tag in ("img", "script") and attrs.get("src"):
            self.assets.append(attrs["src"])
        if tag == "link" and attrs.get("rel") in ("icon", "stylesheet") and attrs.get("href"):
            self.assets.append(attrs["href"])

    def handle_endtag(self, tag):
        if self.open and self.open[-1] == tag:
            self.open.pop()


def followed(path, href, host):
    """The address to crawl next for a link on `path`, or None."""
    url = urlsplit(urljoin(path, href))
    if url.scheme not in ("", "http") or (url.netloc and url.netloc.split(":")[0] != host):
        return None
    if url.path.startswith(SKIPPED) or url.path.endswith(FEEDS) or "/report/" in url.path:
        return None
    if url.query and "page=" not in url.query:
        return None  # filter links: the pages they filter are crawled without them
    return url.path + (f"?{url.query}" if url.query else "")


def crawl(client, host, broken, shapes, assets_seen):
    queue, came_from, seen = [f"/{code}/" for code in LANGUAGES], {}, set()
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path, HTTP_HOST=host, follow=True)
        if response.status_code != 200:
            broken.append((response.status_code, host, path, came_from.get(path)))
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        page = Page()
        page.feed(response.content.decode())
        shapes[(host, path.split("/")[1])].add((len(page.footer), len(page.nav)))
        for src in page.assets:
            url = urlsplit(urljoin(path, src))
            if url.netloc and url.netloc != host or url.path.startswith("/media/"):
                continue
            if url.path not in assets_seen:
                assets_seen.add(url.path)
                status = client.get(url.path, HTTP_HOST=host).status_code
                if status not in (200, 302):
                    broken.append((status, host, url.path, path))
        for href in page.links:
            target = followed(path, href, host)
            if target is not None and target not in seen:
                queue.append(target)
                came_from.setdefault(target, path)
    return len(seen)


def main():
    django.setup()
    from django.test import Client  # noqa: PLC0415 - only once Django is set up
    from wagtail.models import Site  # noqa: PLC0415

    client, broken, shapes, assets_seen = Client(), [], defaultdict(set), set()
    hosts = [site.hostname for site in Site.objects.all()]
    pages = sum(crawl(client, host, broken, shapes, assets_seen) for host in hosts)
    print(f"{pages} addresses on {len(hosts)} sites, {len(assets_seen)} assets")
    print(f"not answering: {len(broken)}")
    for status, host, path, source in broken:
        print(f"  {status} {host}{path} (linked from {source})")
    for host in hosts:
        for code in LANGUAGES[1:]:
            if shapes[(host, code)] != shapes[(host, "nl")]:
                print(f"  {host} /{code}/: footer and navigation differ from the Dutch ones")
    print(
        "footer and navigation: the same in every language"
        if not any(
            shapes[(host, code)] != shapes[(host, "nl")] for host in hosts for code in LANGUAGES
        )
        else ""
    )


if __name__ == "__main__":
    main()
