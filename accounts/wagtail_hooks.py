"""Admin: the deletion requests people send from their account page (programme editors)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from core.exports import SafeExportViewSetMixin

from .models import DeletionRequest


class DeletionRequestForm(WagtailAdminModelForm):
    """Closing a request records who handled it and when."""

    def save(self, commit=True):
        deletion = super().save(commit=False)
        if deletion.status != DeletionRequest.Status.OPEN and not deletion.handled_at:
            deletion.handled_at = timezone.now()
            deletion.handled_by = getattr(self, "for_user", None)
        if commit:
            deletion.save()
        return deletion


class DeletionRequestViewSet(SafeExportViewSetMixin, ModelViewSet):
    model = DeletionRequest
    name = "deletion_requests"
    icon = "warning"
    menu_label = _("Yêu cầu xóa dữ liệu")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["email", Column("get_status_display", label=_("Trạng thái")), "created_at", "handled_at"]
    list_filter = ["status"]
    search_fields = ["email", "message"]
    search_backend_name = None
    list_export = ["email", "status", "message", "note", "created_at", "handled_at"]
    edit_handler = ObjectList(
        [
            FieldPanel("email", read_only=True),
            FieldPanel("user", read_only=True),
            FieldPanel("message", read_only=True),
            FieldPanel("created_at", read_only=True),
            FieldPanel("status"),
            FieldPanel("note"),
            FieldPanel("handled_by", read_only=True),
            FieldPanel("handled_at", read_only=True),
        ],
        base_form_class=DeletionRequestForm,
    )


@hooks.register("register_admin_viewset")
def register_deletion_requests():
    return DeletionRequestViewSet()
