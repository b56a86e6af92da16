"""The person's own account page, their data (Decree 13/2023/NĐ-CP) and the privacy notice."""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import sections
from .models import DeletionRequest


class DeletionRequestForm(forms.Form):
    message = forms.CharField(
        label=gettext_lazy("Nội dung (không bắt buộc)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        help_text=gettext_lazy("Ví dụ: xóa toàn bộ hay chỉ một phần dữ liệu, lý do."),
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("Tôi hiểu rằng khi yêu cầu được thực hiện, tài khoản sẽ bị xóa và không khôi phục được."),
        error_messages={"required": gettext_lazy("Đánh dấu ô xác nhận để gửi yêu cầu.")},
    )


@login_required
def home(request):
    open_request = DeletionRequest.objects.filter(user=request.user, status=DeletionRequest.Status.OPEN).first()
    context = {
        "sections": sections.filled_sections(request.user),
        "deletion_form": DeletionRequestForm(),
        "open_request": open_request,
    }
    return render(request, "accounts/home.html", context)


def personal_data(user):
    """Everything the site holds about this person, JSON-ready (the apps add their parts)."""
    return {
        "generated_at": timezone.now(),
        "account": {
            "username": user.get_username(),
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in user.emailaddress_set.order_by("email")
            ],
            "deletion_requests": [
                {"created_at": item.created_at, "status": item.status, "message": item.message}
                for item in user.deletion_requests.order_by("created_at")
            ],
        },
        **sections.personal_data(user),
    }


@login_required
def my_data(request):
    """Download my data: one JSON file, never cached, never shown to anybody else."""
    body = json.dumps(personal_data(request.user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="du-lieu-cua-toi-{stamp}.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def request_deletion(request):
    form = DeletionRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Đánh dấu ô xác nhận để gửi yêu cầu xóa dữ liệu."))
        return redirect(reverse("accounts:home") + "#xoa-du-lieu")
    with transaction.atomic():
        deletion, created = DeletionRequest.objects.get_or_create(
            user=request.user,
            status=DeletionRequest.Status.OPEN,
            defaults={"email": request.user.email, "message": form.cleaned_data["message"]},
        )
        if created:
            notify_programme_editors(deletion)
    if created:
        messages.success(request, _("Đã gửi yêu cầu xóa dữ liệu. Cán bộ của Sở sẽ xử lý và trả lời qua thư điện tử."))
    else:
        messages.info(request, _("Bạn đã có một yêu cầu xóa dữ liệu đang chờ xử lý."))
    return redirect(reverse("accounts:home") + "#xoa-du-lieu")


def notify_programme_editors(deletion):
    from django.contrib.auth import get_user_model

    from core.mail import queue_mail, site_url

    from .roles import group_name

    editors = get_user_model().objects.filter(groups__name=group_name("programme_editor"), is_active=True)
    addresses = sorted({user.email for user in editors if user.email})
    if addresses:
        link = site_url(reverse("deletion_requests:edit", args=[deletion.pk]))
        queue_mail(
            "accounts.deletion_request",
            addresses,
            "accounts/email/deletion_request",
            {"deletion": deletion, "link": link},
            related=deletion,
        )


def privacy(request):
    from django.conf import settings

    return render(request, "accounts/privacy.html", {"retention_months": settings.REGISTRATION_DATA_RETENTION_MONTHS})
