"""The outgoing-mail list for programme editors: every e-mail, its status, failures and the
unreachable (nobody to send to), with filters and a resend action (core.mail.resend)."""

from typing import Any

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.widgets.button import Button, ListingButton

from .mail import resend
from .models import OutgoingMail
from .policies import ActionPermissionPolicy

RESENDABLE = (OutgoingMail.Status.FAILED, OutgoingMail.Status.UNREACHABLE, OutgoingMail.Status.SENT)


class OutgoingMailPermissionPolicy(ActionPermissionPolicy):
    """Rows are written by the site only: nobody adds, edits or deletes them in the admin;
    "resend" needs the change permission, looking needs the view permission."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        if action in ("add", "change", "delete"):
            return False
        if action == "resend":
            return super().user_has_permission(user, "change")
        return super().user_has_permission(user, action)


def _kinds() -> list[tuple[str, str]]:
    return [(kind, kind) for kind in OutgoingMail.objects.order_by("kind").values_list("kind", flat=True).distinct()]


class OutgoingMailFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=gettext_lazy("Trạng thái"), choices=OutgoingMail.Status.choices)
    kind = django_filters.ChoiceFilter(label=gettext_lazy("Loại thư"), choices=_kinds)

    class Meta:
        model = OutgoingMail
        fields = ["status", "kind"]


class OutgoingMailIndexView(IndexView):
    def get_list_more_buttons(self, instance: OutgoingMail) -> list[Any]:
        buttons = list(super().get_list_more_buttons(instance))
        if instance.status in RESENDABLE and self.permission_policy.user_has_permission(self.request.user, "resend"):
            buttons.append(
                ListingButton(_("Gửi lại"), url=reverse("core_mail_resend", args=[instance.pk]), icon_name="mail")
            )
        return buttons


class OutgoingMailInspectView(InspectView):
    @cached_property
    def header_more_buttons(self) -> list[Any]:
        buttons = list(super().header_more_buttons)
        if self.object.status in RESENDABLE and self.permission_policy.user_has_permission(self.request.user, "resend"):
            buttons.append(
                Button(_("Gửi lại"), url=reverse("core_mail_resend", args=[self.object.pk]), icon_name="mail")
            )
        return buttons


def resend_view(request: HttpRequest, pk: int) -> HttpResponse:
    from .wagtail_hooks import outgoing_mail_viewset

    if not outgoing_mail_viewset.permission_policy.user_has_permission(request.user, "resend"):
        raise PermissionDenied
    mail = get_object_or_404(OutgoingMail, pk=pk)
    if request.method == "POST":
        if not mail.to:
            messages.error(request, _("Thư này không có người nhận; hãy bổ sung địa chỉ thư điện tử trong hồ sơ."))
        else:
            resend(mail)
            messages.success(request, _("Đã đưa thư vào hàng đợi gửi lại."))
        return redirect(outgoing_mail_viewset.get_url_name("index"))
    return TemplateResponse(
        request,
        "core/admin/resend.html",
        {"mail": mail, "index_url": reverse(outgoing_mail_viewset.get_url_name("index"))},
    )
