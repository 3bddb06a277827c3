"""Security headers beyond Django's own: the admin's Content-Security-Policy and a
Permissions-Policy on every response.

The public site's policy is settings.CONTENT_SECURITY_POLICY (django-csp). Wagtail's admin needs
more than the public pages (it writes inline scripts and styles, and shows map tiles after
"Show map"), so paths under ADMIN_CSP_PREFIXES get settings.ADMIN_CONTENT_SECURITY_POLICY
instead: still nothing from a third party but the tiles, no plugins, no framing by others.
"""

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.utils import default_config
from django.conf import settings


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware, with the admin's policy for the admin's paths."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        admin = request.path_info.startswith(tuple(settings.ADMIN_CSP_PREFIXES))
        if admin and not report_only and parts.config is None:
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts


class PermissionsPolicyMiddleware:
    """Tells browsers that no page of ours uses the camera, the microphone, location and the like,
    so no script (or embedded frame) may ask for them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Permissions-Policy" not in response:
            response["Permissions-Policy"] = ", ".join(
                f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DENIED
            )
        return response
