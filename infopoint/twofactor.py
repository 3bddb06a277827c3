"""Two-factor sign-in to the admin (wagtail-2fa on django-otp).

Every editor and moderator may add an authenticator app (a TOTP device) from their account menu;
whoever has one is asked for its code after the password at every sign-in. Superusers must add
one before anything else in the admin when settings.TWO_FACTOR_REQUIRED_FOR_SUPERUSERS is on.
Nobody else is made to: a volunteer without a device keeps their whole admin.

wagtail-2fa on its own either asks nobody (WAGTAIL_2FA_REQUIRED off: not even those with a
device) or everyone, and then empties the menu of whoever has no device yet. So its switch is on
and TwoFactorMiddleware decides who must be verified. Its app cannot be installed on Wagtail 8
(its wagtail_hooks imports wagtail.users.widgets), so wagtail_hooks.py registers its views, menu
item and user-listing button; a few of them are replaced by stricter ones: its "may change
users" check names a permission that does not exist, and a missing device or a hand-made form
answered 500.
"""

import django_otp
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, re_path, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django_otp.middleware import OTPMiddleware
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail_2fa import forms as wagtail_2fa_forms
from wagtail_2fa import views as wagtail_2fa_views
from wagtail_2fa.middleware import VerifyUserMiddleware


def setup_required(user):
    """Whether `user` must add a device before using the admin."""
    return bool(user.is_superuser and settings.TWO_FACTOR_REQUIRED_FOR_SUPERUSERS)


def may_manage_devices_of(request_user, user_id):
    """One's own devices, or anyone's for who may change users (to remove a lost phone)."""
    model = get_user_model()._meta
    return int(user_id) == request_user.pk or request_user.has_perm(
        f"{model.app_label}.change_{model.model_name}"
    )


class TwoFactorMiddleware(VerifyUserMiddleware):
    """In the admin: whoever has a device is sent to enter its code until they have; a superuser
    without one, when they must have one, is sent to add it. Elsewhere only django-otp's lazy
    `user.is_verified()` is installed, so public pages do not look at the session for it."""

    def __call__(self, request):
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return OTPMiddleware.__call__(self, request)
        return super().__call__(request)

    def process_request(self, request):
        request.user = SimpleLazyObject(
            lambda user=request.user: self._verify_user_sync(request, user)
        )
        user = request.user
        if not user.is_authenticated:
            return None
        has_device = django_otp.user_has_device(user, confirmed=True)
        user.two_factor_setup_required = not has_device and setup_required(user)
        if user.is_verified() or not (has_device or user.two_factor_setup_required):
            return None
        if not self._require_verified_user(request):
            return None
        if has_device:
            return redirect_to_login(request.get_full_path(), login_url=reverse("wagtail_2fa_auth"))
        return redirect_to_login(
            request.get_full_path(), login_url=reverse("wagtail_2fa_device_new")
        )


class TokenForm(wagtail_2fa_forms.TokenForm):
    """wagtail-2fa's code form names no device, and django-otp 1.7 refuses every code then
    ("Please select a device"): the code is checked against the user's one device, or, when
    they added several, the one they pick (checking each in turn would count a failure
    against every other one)."""

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.devices = list(TOTPDevice.objects.devices_for_user(user, confirmed=True))
        if len(self.devices) > 1:
            self.fields["otp_device"] = forms.ChoiceField(
                label=_("Device"),
                choices=[(device.persistent_id, device.name) for device in self.devices],
            )

    @property
    def extra_fields(self):
        """What the code page shows below the code (its template's `extra_fields`)."""
        return [(name, self[name]) for name in self.fields if name != "otp_token"]

    def _chosen_device(self, user):
        if len(self.devices) == 1:
            return self.devices[0]
        return super()._chosen_device(user)

    def _update_form(self, user):
        """django-otp's would offer a blank choice and every device, confirmed or not."""


class LoginView(wagtail_2fa_views.LoginView):
    """The code after the password; only for someone signed in with a device to check."""

    form_class = TokenForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        if not django_otp.user_has_device(request.user, confirmed=True):
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_home"))
        return super().dispatch(request, *args, **kwargs)


class DeviceListView(wagtail_2fa_views.DeviceListView):
    def dispatch(self, request, *args, **kwargs):
        if not may_manage_devices_of(request.user, kwargs["user_id"]):
            raise PermissionDenied
        if not self.user_allowed(request.user):
            return self.handle_no_permission(request)
        return super(wagtail_2fa_views.DeviceListView, self).dispatch(request, *args, **kwargs)


class DeviceDeleteView(wagtail_2fa_views.DeviceDeleteView):
    # Whoever has a device must have entered its code; who has none (a superuser when the setting
    # is off) may still remove a volunteer's lost phone.
    if_configured = True

    def get_queryset(self):
        return TOTPDevice.objects.filter(confirmed=True).select_related("user")

    def get_success_url(self):
        return reverse("wagtail_2fa_device_list", kwargs={"user_id": self.object.user_id})

    def dispatch(self, request, *args, **kwargs):
        device = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
        if not may_manage_devices_of(request.user, device.user_id):
            raise PermissionDenied
        if not self.user_allowed(request.user):
            return self.handle_no_permission(request)
        return super(wagtail_2fa_views.DeviceDeleteView, self).dispatch(request, *args, **kwargs)


class DeviceQRCodeView(wagtail_2fa_views.DeviceQRCodeView):
    """The QR code of the device being added, drawn here as SVG (nothing from elsewhere)."""

    def get(self, request):
        if wagtail_2fa_views.utils.get_unconfirmed_device(request.user) is None:
            raise Http404
        return super().get(request)


def urlpatterns():
    """wagtail-2fa's addresses and names (its middleware lists the names), some with our views."""
    return [
        path("2fa/auth", LoginView.as_view(), name="wagtail_2fa_auth"),
        re_path(
            r"^2fa/devices/(?P<user_id>\d+)$",
            DeviceListView.as_view(),
            name="wagtail_2fa_device_list",
        ),
        path(
            "2fa/devices/new",
            wagtail_2fa_views.DeviceCreateView.as_view(),
            name="wagtail_2fa_device_new",
        ),
        re_path(
            r"^2fa/devices/(?P<pk>\d+)/update$",
            wagtail_2fa_views.DeviceUpdateView.as_view(),
            name="wagtail_2fa_device_update",
        ),
        re_path(
            r"^2fa/devices/(?P<pk>\d+)/remove$",
            DeviceDeleteView.as_view(),
            name="wagtail_2fa_device_remove",
        ),
        re_path(
            r"^2fa/devices/qr-code$", DeviceQRCodeView.as_view(), name="wagtail_2fa_device_qrcode"
        ),
    ]
