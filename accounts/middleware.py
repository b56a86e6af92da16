"""The Wagtail admin is for staff: an account without admin access never lands in /admin/."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

ADMIN_PREFIX = "/admin/"
# The admin's own login and logout pages stay reachable (a staff member may sign in there
# while a public session is open).
OPEN_PATHS = ("/admin/login/", "/admin/logout/", "/admin/password_reset/")


class StaffOnlyAdminMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        user = getattr(request, "user", None)
        if (
            path.startswith(ADMIN_PREFIX)
            and not path.startswith(OPEN_PATHS)
            and user is not None
            and user.is_authenticated
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            messages.info(
                request,
                _("Trang quản trị chỉ dành cho cán bộ. Đây là trang tài khoản của bạn trên cổng thông tin."),
            )
            return redirect("accounts:home")
        return self.get_response(request)
