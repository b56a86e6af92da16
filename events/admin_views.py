"""Organisers' tools in the Wagtail admin: attendees and figures, exports, sign-in sheet,
check-in (by name or by the QR code of the confirmation e-mail), messages, feedback
requests and certificates."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.exports import export_response
from core.folding import folded_search

from . import services
from .forms import MessageForm
from .models import EventPage, Registration
from .organisers import can_manage_event
from .tokens import CHECK_IN_SALT, LinkState, check_token

PERMISSION = "events.change_registration"


def _event(request, event_id):
    """The event (default-language page) if the user organises it (or sees every event)."""
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    event = get_object_or_404(EventPage, pk=event_id).canonical
    if not can_manage_event(request.user, event):
        raise PermissionDenied
    return event


def _registrations(event):
    return Registration.objects.filter(event=event).select_related("enterprise").order_by("status", "created_at", "id")


def event_dashboard(request, event_id):
    event = _event(request, event_id)
    status = request.GET.get("status", "")
    registrations = _registrations(event)
    if status in Registration.Status.values:
        registrations = registrations.filter(status=status)
    return TemplateResponse(
        request,
        "events/admin/dashboard.html",
        {
            "event": event,
            "registrations": registrations,
            "figures": services.attendance_figures(event),
            "statuses": Registration.Status.choices,
            "current_status": status,
        },
    )


EXPORT_COLUMNS = [
    ("id", "ID"),
    ("status", "Trạng thái"),
    ("attendee_name", "Họ và tên"),
    ("position", "Chức vụ"),
    ("enterprise_name", "Doanh nghiệp"),
    ("tax_code", "Mã số thuế"),
    ("email", "Thư điện tử"),
    ("phone", "Điện thoại"),
    ("seats", "Số người"),
    ("created_at", "Đăng ký lúc"),
    ("checked_in_at", "Điểm danh lúc"),
]


def _rows(event):
    for registration in _registrations(event):
        row = []
        for name, _label in EXPORT_COLUMNS:
            value = getattr(registration, name)
            if name == "status":
                value = registration.get_status_display()
            elif hasattr(value, "tzinfo") and value is not None:
                value = timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
            row.append("" if value is None else value)
        yield row


def export(request, event_id, fmt):
    event = _event(request, event_id)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    headers = [label for _name, label in EXPORT_COLUMNS]
    filename = f"nguoi-dang-ky-{event.pk}"
    from core import audit

    audit.record(request.user, "export.personal_data", event, format=fmt, rows=_registrations(event).count())
    # The one export path: CSV streamed, XLSX written, formula-leading text escaped.
    return export_response(fmt, filename, headers, _rows(event), title="Đăng ký")


def sign_in_sheet(request, event_id):
    event = _event(request, event_id)
    registrations = _registrations(event).filter(status__in=Registration.HOLDING).order_by("attendee_name")
    return TemplateResponse(
        request, "events/admin/sign_in_sheet.html", {"event": event, "registrations": registrations}
    )


def check_in_search(request, event_id):
    event = _event(request, event_id)
    query = request.GET.get("q", "").strip()
    results = []
    if query:
        # "hung" finds "Hùng": the organiser at the door types without diacritics.
        results = folded_search(_registrations(event), query, ["attendee_name", "enterprise_name", "email", "phone"])[
            :50
        ]
    return TemplateResponse(request, "events/admin/check_in.html", {"event": event, "query": query, "results": results})


def check_in_token(request, token):
    """The page the QR code of the confirmation e-mail opens on an organiser's phone."""
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    registration, state, _salt = check_token(token, (CHECK_IN_SALT,))
    if state != LinkState.VALID:
        # Expired (the day after the event has passed), revoked (a new link was sent) or forged.
        from .views import link_refused

        return link_refused(request, state)
    if not can_manage_event(request.user, registration.event):
        raise PermissionDenied
    if request.method == "POST":
        outcome = services.check_in(registration)
        (messages.success if outcome.ok else messages.error)(request, outcome.message)
        return redirect(request.path)
    return TemplateResponse(
        request, "events/admin/check_in_token.html", {"registration": registration, "event": registration.event}
    )


def _renew_links(registration, request):
    services.renew_links(registration, request=request)
    return services.Outcome(True, message=_("Đã gửi đường dẫn mới; đường dẫn cũ hết hiệu lực."))


@require_POST
def registration_action(request, pk, action):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    registration = get_object_or_404(Registration.objects.select_related("event"), pk=pk)
    if not can_manage_event(request.user, registration.event):
        raise PermissionDenied
    handlers = {
        "approve": services.approve,
        "reject": services.reject,
        "cancel": lambda r, request: services.cancel(r, reason="organiser", request=request),
        "check-in": lambda r, request: services.check_in(r),
        # abuse (issue 13): a new link for the attendee revokes every older one.
        "new-link": lambda r, request: services.Outcome(
            bool(services.renew_links(r, request=request)),
            message=_("Đã gửi đường dẫn mới; đường dẫn cũ hết hiệu lực."),
        ),
    }
    if action not in handlers:
        raise Http404
    outcome = handlers[action](registration, request=request)
    (messages.success if outcome.ok else messages.error)(request, f"{registration.attendee_name}: {outcome.message}")
    fallback = reverse("events_admin:dashboard", args=[registration.event_id])
    next_url = request.POST.get("next", "")
    return redirect(next_url if next_url.startswith("/admin/") else fallback)


def message_attendees(request, event_id):
    event = _event(request, event_id)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        count = services.message_attendees(
            event,
            form.cleaned_data["subject"],
            form.cleaned_data["body"],
            statuses=form.cleaned_data["statuses"],
            request=request,
        )
        messages.success(request, _("Đã gửi thư tới %(count)s người.") % {"count": count})
        return redirect("events_admin:dashboard", event_id=event.pk)
    return TemplateResponse(request, "events/admin/message.html", {"event": event, "form": form})


@require_POST
def feedback_request(request, event_id):
    event = _event(request, event_id)
    count = services.request_feedback(event, request=request)
    messages.success(request, _("Đã gửi phiếu góp ý tới %(count)s người tham dự.") % {"count": count})
    return redirect("events_admin:dashboard", event_id=event.pk)


def feedback_list(request, event_id):
    event = _event(request, event_id)
    from .models import Feedback

    feedback = Feedback.objects.filter(registration__event=event).select_related("registration")
    return TemplateResponse(
        request,
        "events/admin/feedback.html",
        {"event": event, "feedback": feedback, "figures": services.attendance_figures(event)},
    )


def certificates(request, event_id):
    event = _event(request, event_id)
    from .certificates import certificate_response

    attended = list(_registrations(event).filter(status=Registration.Status.ATTENDED).order_by("attendee_name"))
    if not attended:
        messages.error(request, _("Chưa có ai điểm danh tham dự."))
        return redirect("events_admin:dashboard", event_id=event.pk)
    return certificate_response(attended, request, filename=f"chung-nhan-{event.pk}.pdf")
