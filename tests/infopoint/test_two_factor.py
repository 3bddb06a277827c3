"""Two-factor sign-in: a volunteer may add an authenticator app and is then asked for its code at
every sign-in; a superuser must add one first when the deployment says so; nobody without one
loses their admin. The codes are computed from the device's key at the test's frozen moment, as
the volunteer's phone would."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "lang-en-geheim-42"
START = datetime(2026, 3, 2, 9, 0, 10, tzinfo=UTC)
NEW_DEVICE = "/admin/2fa/devices/new"
CODE_PAGE = "/admin/2fa/auth"


def code(device):
    """The code the volunteer's authenticator app shows now."""
    number = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{number:0{device.digits}d}"


def main_menu(html):
    """The sidebar's menu (Wagtail draws it from this JSON)."""
    return re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    ).group(1)


def sign_in(client, user):
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]


def devices_url(user):
    return reverse("wagtail_2fa_device_list", kwargs={"user_id": user.pk})


def add_device(client, user, name="Telefoon"):
    """What a volunteer does: open the form, scan the code, type what the app shows."""
    assert client.get(NEW_DEVICE).status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(
        NEW_DEVICE, {"name": name, "otp_token": code(device), "password": PASSWORD}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == devices_url(user)
    device.refresh_from_db()
    assert device.confirmed
    return device


def confirmed_device(user, name="Telefoon"):
    return TOTPDevice.objects.create(user=user, name=name, confirmed=True)


@pytest.fixture
def make_editor(lunetten, django_user_model):
    def make(username="lunetten-editor", group=None):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", PASSWORD)
        user.groups.add(group or lunetten.editors)
        return user

    return make


@pytest.fixture
def editor(make_editor):
    return make_editor()


@pytest.fixture
def superuser(django_user_model, portal):
    return django_user_model.objects.create_superuser("beheer", "beheer@example.org", PASSWORD)


def test_an_editor_with_a_device_is_asked_for_its_code_at_every_sign_in(
    client, editor, time_machine
):
    time_machine.move_to(START, tick=False)
    sign_in(client, editor)
    device = add_device(client, editor)
    assert client.get("/admin/pages/").status_code == 200  # adding it counts as verified
    client.post("/admin/logout/")

    time_machine.shift(timedelta(minutes=2))  # a later sign-in, a later code
    sign_in(client, editor)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{CODE_PAGE}?next=/admin/pages/"
    page = client.get(response["Location"]).content.decode()
    assert "Voer je 2FA verificatiecode in" in page

    wrong = f"{(int(code(device)) + 1) % 10**6:06d}"
    refused = client.post(CODE_PAGE, {"otp_token": wrong, "next": "/admin/pages/"})
    assert refused.status_code == 200
    assert "Ongeldige code" in refused.content.decode()
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # the code was checked, and was wrong
    assert client.get("/admin/pages/").status_code == 302

    time_machine.shift(timedelta(seconds=5))  # django-otp waits a moment after a wrong code
    accepted = client.post(CODE_PAGE, {"otp_token": code(device), "next": "/admin/pages/"})
    assert accepted.status_code == 302
    assert accepted["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_used_code_does_not_open_a_second_session(client, editor, time_machine):
    time_machine.move_to(START, tick=False)
    device = confirmed_device(editor)
    sign_in(client, editor)
    used = code(device)
    assert client.post(CODE_PAGE, {"otp_token": used}).status_code == 302

    client.post("/admin/logout/")
    time_machine.shift(timedelta(seconds=5))
    sign_in(client, editor)
    assert client.post(CODE_PAGE, {"otp_token": used}).status_code == 200
    assert client.get("/admin/").status_code == 302


def test_with_two_devices_the_volunteer_picks_the_one_whose_code_they_type(
    client, editor, time_machine
):
    time_machine.move_to(START, tick=False)
    confirmed_device(editor, "Telefoon")
    tablet = confirmed_device(editor, "Tablet")
    sign_in(client, editor)

    page = client.get(CODE_PAGE).content.decode()
    assert "Apparaat" in page
    assert "Tablet" in page
    response = client.post(
        CODE_PAGE, {"otp_token": code(tablet), "otp_device": tablet.persistent_id}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_the_device_form_refuses_a_wrong_code_and_a_wrong_password(client, editor, time_machine):
    time_machine.move_to(START, tick=False)
    sign_in(client, editor)
    client.get(NEW_DEVICE)
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    wrong_code = f"{(int(code(device)) + 1) % 10**6:06d}"

    response = client.post(
        NEW_DEVICE, {"name": "Telefoon", "otp_token": wrong_code, "password": PASSWORD}
    )
    assert response.status_code == 200
    assert "Ongeldige code" in response.content.decode()
    time_machine.shift(timedelta(seconds=5))
    response = client.post(
        NEW_DEVICE, {"name": "Telefoon", "otp_token": code(device), "password": "niet-het"}
    )
    assert response.status_code == 200
    assert "Ongeldig wachtwoord" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


def test_an_editor_without_a_device_keeps_their_menu_and_pages(client, editor):
    sign_in(client, editor)

    home = client.get("/admin/")
    assert home.status_code == 200
    menu = main_menu(home.content.decode())
    assert '"explorer"' in menu  # Pages
    assert '"images"' in menu
    assert "two-factor-setup" not in menu
    assert client.get("/admin/pages/").status_code == 200
    assert client.get("/admin/images/").status_code == 200
    account = client.get("/admin/account/").content.decode()
    assert "Beheer je 2FA apparaten" in account
    assert devices_url(editor) in account


def test_when_required_a_superuser_without_a_device_must_add_one_first(client, superuser, settings):
    settings.TWO_FACTOR_REQUIRED_FOR_SUPERUSERS = True
    sign_in(client, superuser)

    for url in ("/admin/", "/admin/pages/", "/admin/users/", "/admin/snippets/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"{NEW_DEVICE}?next={url}"
    setup = client.get(NEW_DEVICE)
    assert setup.status_code == 200
    menu = main_menu(setup.content.decode())
    assert "Tweestapsaanmelding instellen" in menu  # the one menu item left
    assert '"explorer"' not in menu
    assert '"images"' not in menu


def test_when_required_a_superuser_is_let_in_once_their_device_is_added(
    client, superuser, settings, time_machine
):
    settings.TWO_FACTOR_REQUIRED_FOR_SUPERUSERS = True
    time_machine.move_to(START, tick=False)
    sign_in(client, superuser)
    add_device(client, superuser)

    assert client.get("/admin/pages/").status_code == 200


def test_when_not_required_a_superuser_without_a_device_uses_the_admin(client, superuser):
    sign_in(client, superuser)

    assert client.get("/admin/pages/").status_code == 200
    menu = main_menu(client.get("/admin/").content.decode())
    assert '"explorer"' in menu
    assert "two-factor-setup" not in menu


def test_the_requirement_is_for_superusers_only(client, editor, settings):
    settings.TWO_FACTOR_REQUIRED_FOR_SUPERUSERS = True
    sign_in(client, editor)

    assert client.get("/admin/pages/").status_code == 200


def test_the_two_factor_pages_read_in_dutch(client, editor, time_machine):
    time_machine.move_to(START, tick=False)
    sign_in(client, editor)

    listing = client.get(devices_url(editor))
    assert listing.status_code == 200
    assert "Deze gebruiker heeft geen 2FA apparaten." in listing.content.decode()
    assert "Nieuw 2FA apparaat" in listing.content.decode()

    form = client.get(NEW_DEVICE)
    assert form.status_code == 200
    html = form.content.decode()
    for dutch in ("Twee Staps Verificatie Instellingen", "Huidig wachtwoord", "Toevoegen"):
        assert dutch in html
    assert "Two-Factor authentication is a method" not in html

    device = add_device(client, editor)
    listing = client.get(devices_url(editor)).content.decode()
    assert "Telefoon" in listing
    assert "Bewerk apparaat" in listing
    update = client.get(reverse("wagtail_2fa_device_update", kwargs={"pk": device.pk}))
    assert update.status_code == 200
    assert "Huidig wachtwoord" in update.content.decode()
    remove = client.get(reverse("wagtail_2fa_device_remove", kwargs={"pk": device.pk}))
    assert remove.status_code == 200
    assert "Wil je dit 2FA apparaat verwijderen?" in remove.content.decode()

    client.post("/admin/logout/")
    time_machine.shift(timedelta(minutes=2))
    sign_in(client, editor)
    code_page = client.get(CODE_PAGE)
    assert code_page.status_code == 200
    assert "Voer je 2FA verificatiecode in" in code_page.content.decode()
    assert "Uitloggen" in code_page.content.decode()


def test_the_qr_code_comes_from_our_own_site_under_the_admin_policy(client, editor):
    sign_in(client, editor)

    form = client.get(NEW_DEVICE)
    html = form.content.decode()
    assert '<img src="/admin/2fa/devices/qr-code">' in html
    policy = form["Content-Security-Policy"]
    assert "img-src 'self'" in policy
    assert "default-src 'self'" in policy

    image = client.get("/admin/2fa/devices/qr-code")
    assert image.status_code == 200
    assert image["Content-Type"] == "image/svg+xml"
    svg = image.content.decode()
    assert "<svg" in svg
    assert "href" not in svg  # draws itself: no picture, font or style from elsewhere
    assert "@import" not in svg


def test_nothing_to_show_answers_404_not_500(client, editor):
    sign_in(client, editor)

    assert client.get("/admin/2fa/devices/qr-code").status_code == 404  # no device being added
    assert client.get("/admin/2fa/devices/987654/remove").status_code == 404


def test_the_code_page_is_for_someone_signed_in_with_a_device(client, editor):
    response = client.get(CODE_PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")

    sign_in(client, editor)
    assert client.get(CODE_PAGE).status_code == 302  # nothing to check: no device


def test_an_editor_cannot_see_or_remove_another_users_devices(client, editor, make_editor, oost):
    other = make_editor("oost-editor", group=oost.editors)
    device = confirmed_device(other)
    sign_in(client, editor)

    # Wagtail answers a refusal in the admin by sending the editor to the dashboard.
    listing = client.get(devices_url(other))
    assert (listing.status_code, listing["Location"]) == (302, "/admin/")
    remove = reverse("wagtail_2fa_device_remove", kwargs={"pk": device.pk})
    for response in (client.get(remove), client.post(remove, {"user_id": other.pk})):
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    update = client.get(reverse("wagtail_2fa_device_update", kwargs={"pk": device.pk}))
    assert (update.status_code, update["Location"]) == (302, "/admin/")


def test_who_may_change_users_can_remove_a_lost_phone(client, make_editor, lunetten, oost):
    managers = Group.objects.create(name="Gebruikersbeheer")
    managers.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(content_type__app_label="auth", codename="change_user"),
    )
    manager = make_editor("gebruikersbeheer", group=managers)
    other = make_editor("oost-editor", group=oost.editors)
    device = confirmed_device(other)
    sign_in(client, manager)

    listing = client.get(devices_url(other))
    assert listing.status_code == 200
    assert "Telefoon" in listing.content.decode()
    remove = reverse("wagtail_2fa_device_remove", kwargs={"pk": device.pk})
    assert client.get(remove).status_code == 200
    response = client.post(remove, {"user_id": "not-a-number"})
    assert response.status_code == 302
    assert response["Location"] == devices_url(other)
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()


def test_the_users_listing_offers_managing_2fa_to_who_may_change_users(client, superuser, editor):
    sign_in(client, superuser)

    html = client.get("/admin/users/").content.decode()
    assert devices_url(editor) in html
    assert "Beheer 2FA" in html


def test_public_pages_do_not_look_at_the_session_for_two_factor(client, lunetten):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Cookie" not in response.get("Vary", "")
