"""Admin wiring of the core layer: the outgoing-mail list (failures, unreachable, resend)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views
from .models import OutgoingMail


class OutgoingMailViewSet(ModelViewSet):
    model = OutgoingMail
    icon = "mail"
    menu_label = _("Thư gửi đi")
    url_prefix = "outgoing-mail"
    name = "outgoing_mail"
    add_to_settings_menu = True
    index_view_class = admin_views.OutgoingMailIndexView
    inspect_view_class = admin_views.OutgoingMailInspectView
    filterset_class = admin_views.OutgoingMailFilterSet
    list_display = ["kind", "__str__", "subject", "status", "attempts", "created_at", "sent_at"]
    search_fields = ["subject", "kind", "related_id"]
    search_backend_name = None
    form_fields = ["status"]
    inspect_view_enabled = True
    copy_view_enabled = False
    list_per_page = 50

    @property
    def permission_policy(self):
        return admin_views.OutgoingMailPermissionPolicy(self.model)


outgoing_mail_viewset = OutgoingMailViewSet()


@hooks.register("register_admin_viewset")
def register_outgoing_mail():
    return outgoing_mail_viewset


@hooks.register("register_admin_urls")
def outgoing_mail_urls():
    return [path("outgoing-mail/resend/<int:pk>/", admin_views.resend_view, name="core_mail_resend")]
