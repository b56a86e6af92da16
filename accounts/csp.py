"""One Content-Security-Policy for the public site, another for the Wagtail admin.

Wagtail 7's admin writes inline scripts (InlinePanel, MultipleChooserPanel and the date
pickers call their initialiser from a `<script>` next to the field) and inline styles, which
no nonce can reach, so `/admin/` gets `CONTENT_SECURITY_POLICY_ADMIN` ('unsafe-inline' for
scripts and styles, still nothing from outside the site). The public site keeps the strict
`CONTENT_SECURITY_POLICY`. Both come from settings (config/settings/base.py).
"""

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django.conf import settings

ADMIN_PREFIX = "/admin/"


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            parts.config = dict(settings.CONTENT_SECURITY_POLICY_ADMIN)
        return parts
