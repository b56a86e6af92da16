"""Organisers' tools in the Wagtail admin: attendees and figures, exports, sign-in sheet,
check-in (by name or by the QR code of the confirmation e-mail), messages, feedback
requests and certificates.

Class-based views on Wagtail's generic admin views. Who may use them is one permission
policy, `organiser_policy` (events.organisers): the model-wide right first
(PermissionCheckedMixin), then the organiser scope on the event the URL names."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.views.generic import BaseListingView, PermissionCheckedMixin, WagtailAdminTemplateMixin

from core import audit
from core.exports import export_response
from core.folding import folded_search

from . import services
from .certificates import certificate_response
from .forms import MessageForm
from .models import EventPage, Feedback, Registration
from .organisers import organiser_policy
from .tokens import CHECK_IN_SALT, LinkState, check_token
from .views import link_refused


def _registrations(event):
    return Registration.objects.filter(event=event).select_related("enterprise").order_by("status", "created_at", "id")


class ScopeMixin:
    """The organiser scope on the event the request is about, checked after the model-wide
    right (put it after PermissionCheckedMixin): `get_scoped_event()` looks the object up
    (404), then the policy's rule is applied to its event (denied unless the user organises it)."""

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission_for_instance(self.permission_required, self.get_scoped_event()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class OrganiserMixin(PermissionCheckedMixin, ScopeMixin):
    """Views of one event (`event_id` in the URL): `self.event` is its default-language page."""

    permission_policy = organiser_policy
    permission_required = "manage"

    def get_scoped_event(self):
        self.event = get_object_or_404(EventPage, pk=self.kwargs["event_id"]).canonical
        return self.event

    def get_page_subtitle(self):
        return self.event.title

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, **kwargs)

    def redirect_to_dashboard(self):
        return redirect("events_admin:dashboard", event_id=self.event.pk)


class EventTemplateView(OrganiserMixin, WagtailAdminTemplateMixin, TemplateView):
    header_icon = "group"


class EventDashboardView(OrganiserMixin, BaseListingView):
    """The event's registrations, filtered by status, with the attendance figures."""

    template_name = "events/admin/dashboard.html"
    page_title = gettext_lazy("Người đăng ký")
    header_icon = "group"
    context_object_name = "registrations"
    paginate_by = None

    @cached_property
    def current_status(self):
        status = self.request.GET.get("status", "")
        return status if status in Registration.Status.values else ""

    def get_base_queryset(self):
        return _registrations(self.event)

    def filter_queryset(self, queryset):
        if self.current_status:
            queryset = queryset.filter(status=self.current_status)
        return queryset

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            figures=services.attendance_figures(self.event),
            statuses=Registration.Status.choices,
            current_status=self.request.GET.get("status", ""),
            **kwargs,
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


class ExportView(OrganiserMixin, View):
    """The registrations as CSV (streamed) or XLSX, through the one export path (core.exports:
    formula-leading text escaped). Personal data: each export goes to the audit trail."""

    formats = ("csv", "xlsx")

    def get(self, request, event_id, fmt):
        if fmt not in self.formats:
            raise Http404
        audit.record(
            request.user, "export.personal_data", self.event, format=fmt, rows=_registrations(self.event).count()
        )
        headers = [label for _name, label in EXPORT_COLUMNS]
        return export_response(fmt, f"nguoi-dang-ky-{self.event.pk}", headers, _rows(self.event), title="Đăng ký")


class SignInSheetView(EventTemplateView):
    template_name = "events/admin/sign_in_sheet.html"
    page_title = gettext_lazy("Danh sách ký tên")

    def get_context_data(self, **kwargs):
        registrations = _registrations(self.event).filter(status__in=Registration.HOLDING).order_by("attendee_name")
        return super().get_context_data(registrations=registrations, **kwargs)


class CheckInSearchView(EventTemplateView):
    template_name = "events/admin/check_in.html"
    page_title = gettext_lazy("Điểm danh")
    limit = 50

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "").strip()
        results = []
        if query:
            # "hung" finds "Hùng": the organiser at the door types without diacritics.
            fields = ["attendee_name", "enterprise_name", "email", "phone"]
            results = folded_search(_registrations(self.event), query, fields)[: self.limit]
        return super().get_context_data(query=query, results=results, **kwargs)


class CheckInTokenView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """The page the QR code of the confirmation e-mail opens on an organiser's phone."""

    permission_policy = organiser_policy
    permission_required = "manage"
    template_name = "events/admin/check_in_token.html"
    page_title = gettext_lazy("Điểm danh")

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission(self.permission_required):
            raise PermissionDenied
        self.registration, state, _salt = check_token(kwargs["token"], (CHECK_IN_SALT,))
        if state != LinkState.VALID:
            # Expired (the day after the event has passed), revoked (a new link was sent) or forged.
            return link_refused(request, state)
        if not self.user_has_permission_for_instance(self.permission_required, self.registration.event):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        outcome = services.check_in(self.registration)
        (messages.success if outcome.ok else messages.error)(request, outcome.message)
        return redirect(request.path)

    def get_context_data(self, **kwargs):
        return super().get_context_data(registration=self.registration, event=self.registration.event, **kwargs)


@method_decorator(require_POST, name="dispatch")  # 405 before any other check
class RegistrationActionView(PermissionCheckedMixin, ScopeMixin, View):
    """Approve, reject, cancel, check in, or send new links (a new link for the attendee
    revokes every older one, issue 13), then back to where the organiser was."""

    permission_policy = organiser_policy
    permission_required = "manage"

    def get_scoped_event(self):
        self.registration = get_object_or_404(Registration.objects.select_related("event"), pk=self.kwargs["pk"])
        return self.registration.event

    def handlers(self):
        return {
            "approve": services.approve,
            "reject": services.reject,
            "cancel": lambda r, request: services.cancel(r, reason="organiser", request=request),
            "check-in": lambda r, request: services.check_in(r),
            "new-link": lambda r, request: services.Outcome(
                bool(services.renew_links(r, request=request)),
                message=_("Đã gửi đường dẫn mới; đường dẫn cũ hết hiệu lực."),
            ),
        }

    def post(self, request, pk, action):
        handlers = self.handlers()
        if action not in handlers:
            raise Http404
        registration = self.registration
        outcome = handlers[action](registration, request=request)
        (messages.success if outcome.ok else messages.error)(
            request, f"{registration.attendee_name}: {outcome.message}"
        )
        fallback = reverse("events_admin:dashboard", args=[registration.event_id])
        next_url = request.POST.get("next", "")
        return redirect(next_url if next_url.startswith("/admin/") else fallback)


class MessageAttendeesView(OrganiserMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "events/admin/message.html"
    page_title = gettext_lazy("Gửi thư cho người tham dự")
    header_icon = "mail"
    form_class = MessageForm

    def form_valid(self, form):
        count = services.message_attendees(
            self.event,
            form.cleaned_data["subject"],
            form.cleaned_data["body"],
            statuses=form.cleaned_data["statuses"],
            request=self.request,
        )
        messages.success(self.request, _("Đã gửi thư tới %(count)s người.") % {"count": count})
        return self.redirect_to_dashboard()


@method_decorator(require_POST, name="dispatch")  # 405 before any other check
class FeedbackRequestView(OrganiserMixin, View):
    def post(self, request, *args, **kwargs):
        count = services.request_feedback(self.event, request=request)
        messages.success(request, _("Đã gửi phiếu góp ý tới %(count)s người tham dự.") % {"count": count})
        return self.redirect_to_dashboard()


class FeedbackListView(OrganiserMixin, BaseListingView):
    template_name = "events/admin/feedback.html"
    page_title = gettext_lazy("Góp ý và số liệu tham dự")
    header_icon = "comment"
    context_object_name = "feedback"
    paginate_by = None

    def get_base_queryset(self):
        return Feedback.objects.filter(registration__event=self.event).select_related("registration")

    def get_context_data(self, **kwargs):
        return super().get_context_data(figures=services.attendance_figures(self.event), **kwargs)


class CertificatesView(OrganiserMixin, View):
    """Every attendee's certificate in one PDF, for printing."""

    def get(self, request, *args, **kwargs):
        attended = list(
            _registrations(self.event).filter(status=Registration.Status.ATTENDED).order_by("attendee_name")
        )
        if not attended:
            messages.error(request, _("Chưa có ai điểm danh tham dự."))
            return self.redirect_to_dashboard()
        return certificate_response(attended, request, filename=f"chung-nhan-{self.event.pk}.pdf")
