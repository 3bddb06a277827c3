"""Helpers shared by the test suite."""


def host(neighbourhood_or_site):
    """The Host header that routes a test-client request to a neighbourhood's site."""
    site = getattr(neighbourhood_or_site, "site", neighbourhood_or_site)
    return site.hostname if site.port == 80 else f"{site.hostname}:{site.port}"


def get(client, neighbourhood_or_site, path, **extra):
    return client.get(path, HTTP_HOST=host(neighbourhood_or_site), **extra)


def uses_test_database(connection):
    """Whether `connection` points at a test database (pytest-django creates one only when some
    collected test asks for it); session fixtures must never write to a real database."""
    from django.db.backends.base.creation import TEST_DATABASE_PREFIX

    if connection.vendor == "sqlite":
        return connection.is_in_memory_db()
    return connection.settings_dict["NAME"].startswith(TEST_DATABASE_PREFIX)
