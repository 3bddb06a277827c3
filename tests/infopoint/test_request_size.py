"""A request body larger than anything the site accepts is refused from its Content-Length,
before a byte of it is read (no 60 MB temporary file before the 413)."""

import pytest


class UnreadableBody:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read

    def __iter__(self):
        raise AssertionError("the body was read")


def post_huge(client, url, length):
    return client.generic(
        "POST",
        url,
        content_type="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": UnreadableBody()},
    )


@pytest.mark.parametrize(
    "url", ["/admin/images/multiple/add/", "/admin/login/", "/nl/contact/", "/nl/"]
)
def test_a_huge_body_is_refused_unread(client, db, url):
    response = post_huge(client, url, 60 * 1024 * 1024)

    assert response.status_code == 413
    assert "Te groot om te versturen" in response.content.decode()


def test_the_limit_is_the_largest_upload_plus_room_for_the_fields(client, db, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 2 * 1024 * 1024
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 3 * 1024 * 1024
    settings.SUBMISSION_IMAGE_MAX_BYTES = 1024 * 1024

    assert post_huge(client, "/admin/login/", 4 * 1024 * 1024 + 1).status_code == 413
    # Within the limit the request goes on to the view (and reads its body).
    response = client.post("/admin/login/", {"username": "nobody", "password": "wrong"})
    assert response.status_code == 200


def test_the_limit_can_be_set(client, db, settings):
    settings.REQUEST_MAX_BYTES = 1000

    assert post_huge(client, "/admin/login/", 1001).status_code == 413
    response = client.post("/admin/login/", {"username": "nobody", "password": "wrong"})
    assert response.status_code == 200
