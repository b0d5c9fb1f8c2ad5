"""Security headers on every response: the Content-Security-Policy (looser for the Wagtail admin only)
and the Permissions-Policy."""

from csp.middleware import CSPMiddleware, PolicyParts

from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with ADMIN_CONTENT_SECURITY_POLICY's directives for the admin.

    Wagtail's admin needs inline scripts and styles and frames its own previews; the buyer's pages
    need neither, so the looser policy stays under the admin's prefix.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(settings.ADMIN_URL_PREFIX):
            parts = PolicyParts(
                parts.config,
                parts.update,
                {**settings.ADMIN_CONTENT_SECURITY_POLICY, **(parts.replace or {})},
            )
        return parts


def permissions_policy_middleware(get_response):
    """Adds PERMISSIONS_POLICY as the Permissions-Policy header: features no page of the site uses are off."""
    header = ", ".join(
        f"{feature}=({' '.join(allowlist)})" for feature, allowlist in settings.PERMISSIONS_POLICY.items()
    )

    def middleware(request):
        response = get_response(request)
        if header:
            response.headers.setdefault("Permissions-Policy", header)
        return response

    return middleware
