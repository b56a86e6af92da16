"""Admin pages beyond the generic listing: a request's manage page (thread, internal notes,
assignment with suggestions, transitions), a consultant's own profile, the review of a
consultant's proposed changes, and a request's private files."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from . import services
from .admin_forms import AssignForm, MessageForm, OwnProfileForm, RefuseForm
from .models import Attachment, Consultant, Topic


def _request_or_404(user, pk):
    support_request = (
        services.requests_for(user)
        .select_related("topic", "consultant__user", "enterprise", "area", "assessment")
        .filter(pk=pk)
        .first()
    )
    if support_request is None:
        raise Http404
    return support_request


def manage(request, pk):
    support_request = _request_or_404(request.user, pk)
    coordinator = services.is_coordinator(request.user)
    consultant = services.is_assigned_consultant(request.user, support_request)
    suggestions = services.suggest(support_request) if coordinator and support_request.is_open else []
    message_form = MessageForm()
    assign_form = AssignForm(suggestions=suggestions)
    refuse_form = RefuseForm()
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "message":
                message_form = MessageForm(request.POST, request.FILES)
                if message_form.is_valid():
                    services.staff_message(
                        support_request,
                        request.user,
                        message_form.cleaned_data["body"],
                        internal=message_form.cleaned_data["internal"],
                        wait=message_form.cleaned_data["wait"],
                        files=message_form.cleaned_data["attachments"],
                    )
                    messages.success(request, _("Đã lưu trao đổi."))
                    return HttpResponseRedirect(request.path)
            elif action == "assign":
                assign_form = AssignForm(request.POST, suggestions=suggestions)
                if assign_form.is_valid():
                    services.assign(support_request, assign_form.cleaned_data["consultant"], request.user)
                    messages.success(request, _("Đã phân công."))
                    return HttpResponseRedirect(request.path)
            elif action == "refuse":
                refuse_form = RefuseForm(request.POST)
                if refuse_form.is_valid():
                    services.refuse(support_request, refuse_form.cleaned_data["reason"], request.user)
                    messages.success(request, _("Đã từ chối yêu cầu."))
                    return HttpResponseRedirect(request.path)
            elif action in ("start", "resolve", "close"):
                getattr(services, action)(support_request, request.user)
                messages.success(request, _("Đã cập nhật trạng thái."))
                return HttpResponseRedirect(request.path)
            else:
                messages.error(request, _("Thao tác không hợp lệ."))
        except services.TransitionError as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(request.path)
    names = services.pillar_names()
    return TemplateResponse(
        request,
        "support/admin/manage.html",
        {
            "req": support_request,
            "thread": services.visible_messages(support_request, for_enterprise=False),
            "attachments": support_request.attachments.all(),
            "coordinator": coordinator,
            "is_consultant": consultant,
            "can_write": coordinator or consultant,
            "suggestions": suggestions,
            "message_form": message_form,
            "assign_form": assign_form,
            "refuse_form": refuse_form,
            "pillars": [(code, names.get(code, "")) for code in support_request.pillars],
            "overdue": support_request.is_overdue(),
            "index_url": reverse("support_request:index"),
        },
    )


def attachment(request, pk, file_pk):
    support_request = _request_or_404(request.user, pk)
    from .views import _file_response

    return _file_response(get_object_or_404(Attachment, pk=file_pk, request=support_request))


def own_profile(request):
    consultant = Consultant.objects.filter(user=request.user).first() if request.user.is_authenticated else None
    if consultant is None:
        raise PermissionDenied
    form = OwnProfileForm(request.POST or None, instance=Consultant.objects.get(pk=consultant.pk))
    if request.method == "POST" and form.is_valid():
        services.propose_changes(consultant, form.changes())
        messages.success(request, _("Đã gửi thay đổi. Hồ sơ công khai sẽ cập nhật sau khi được duyệt."))
        return HttpResponseRedirect(request.path)
    return TemplateResponse(request, "support/admin/own_profile.html", {"form": form, "consultant": consultant})


def profile_review(request, pk):
    if not services.is_coordinator(request.user):
        raise PermissionDenied
    consultant = get_object_or_404(Consultant, pk=pk)
    if request.method == "POST":
        if request.POST.get("action") == "approve":
            services.approve_changes(consultant, request.user)
            messages.success(request, _("Đã duyệt thay đổi hồ sơ."))
        else:
            services.reject_changes(consultant, request.user)
            messages.warning(request, _("Đã bỏ thay đổi hồ sơ."))
        return HttpResponseRedirect(reverse("support_profile_review", args=[pk]))
    pending = consultant.pending_changes or {}
    rows = []
    labels = {f.name: f.verbose_name for f in Consultant._meta.get_fields() if hasattr(f, "verbose_name")}
    for name, value in pending.items():
        if name == "topics":
            current = ", ".join(t.name for t in consultant.topics.all())
            value = ", ".join(Topic.objects.filter(pk__in=value).values_list("name", flat=True))
        elif name == "sectors":
            from enterprises.models import Sector

            current = ", ".join(s.code for s in consultant.sectors.all())
            value = ", ".join(Sector.objects.filter(pk__in=value).values_list("code", flat=True))
        elif name == "pillars":
            current = ", ".join(consultant.pillars.values_list("pillar_code", flat=True))
            value = ", ".join(value)
            labels["pillars"] = _("Trụ cột DBI")
        else:
            current = getattr(consultant, name)
        rows.append({"label": labels.get(name, name), "current": current, "proposed": value})
    return TemplateResponse(request, "support/admin/profile_review.html", {"consultant": consultant, "rows": rows})
