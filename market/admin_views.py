"""Programme editors approve or drop providers' own edits of their listings."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_denied

from . import services
from .models import Provider, Solution

MODELS = {"provider": Provider, "solution": Solution}


def _may_review(user):
    return user.has_perm("market.change_solution") and user.has_perm("market.change_provider")


def pending(request):
    if not _may_review(request.user):
        return permission_denied(request)
    items = [*Provider.objects.exclude(pending_changes={}), *Solution.objects.exclude(pending_changes={})]
    rows = [
        {
            "object": obj,
            "model": "provider" if isinstance(obj, Provider) else "solution",
            "changes": [(name, getattr(obj, name), value) for name, value in obj.pending_changes.items()],
        }
        for obj in items
    ]
    return TemplateResponse(request, "market/admin/pending.html", {"rows": rows})


@require_POST
def decide(request, model, pk):
    if not _may_review(request.user) or model not in MODELS:
        return permission_denied(request)
    obj = get_object_or_404(MODELS[model], pk=pk)
    approve = request.POST.get("decision") == "approve"
    services.decide_changes(obj, request.user, approve=approve)
    messages.success(request, _("Đã duyệt thay đổi.") if approve else _("Đã bỏ thay đổi."))
    return redirect("market_admin:pending")
