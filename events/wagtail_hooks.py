"""Admin wiring of the events app: the organisers' views, buttons on event pages, and a
registrations listing with filters and CSV/XLSX export."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from core.admin_scope import ScopedViewSetMixin
from core.exports import SafeSpreadsheetExportMixin
from core.folding import FoldedSearchMixin

from . import admin_urls
from .models import EventPage, Registration
from .organisers import organiser_policy, scope_registrations


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("events/", include(admin_urls, namespace="events_admin"))]


def _can_manage(user, page):
    return organiser_policy.user_has_permission_for_instance(user, "manage", page.specific)


@hooks.register("register_page_listing_more_buttons")
def event_listing_buttons(page, user, next_url=None):
    if isinstance(page.specific_deferred, EventPage) and _can_manage(user, page):
        yield Button(
            _("Người đăng ký"), reverse("events_admin:dashboard", args=[page.pk]), icon_name="group", priority=15
        )


@hooks.register("register_page_header_buttons")
def event_header_buttons(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, EventPage) and _can_manage(user, page):
        yield Button(
            _("Người đăng ký"), reverse("events_admin:dashboard", args=[page.pk]), icon_name="group", priority=15
        )


class AuditedExportIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The listing's CSV/XLSX export holds personal data: each one goes to the audit trail;
    formula-leading text is escaped as in every export of the site (core.exports)."""

    def as_spreadsheet(self, queryset, spreadsheet_format):
        from core import audit

        audit.record(
            self.request.user,
            "export.personal_data",
            None,
            listing="event_registrations",
            format=spreadsheet_format,
            rows=queryset.count(),
            filters=self.request.GET.urlencode(),
        )
        return super().as_spreadsheet(queryset, spreadsheet_format)


class RegistrationIndexView(FoldedSearchMixin, AuditedExportIndexView):
    """The search ignores diacritics and case ("hung" finds "Hùng")."""


class RegistrationViewSet(ScopedViewSetMixin, ModelViewSet):
    """Every door (listing, filters, export, inspect, edit) sees only the registrations of the
    events the user organises; programme editors see all."""

    model = Registration
    index_view_class = RegistrationIndexView
    icon = "group"
    menu_label = _("Đăng ký sự kiện")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["attendee_name", "enterprise_name", "event", "seats", "status", "created_at"]
    list_filter = ["status", "event"]
    list_export = [
        "event",
        "status",
        "attendee_name",
        "position",
        "enterprise_name",
        "tax_code",
        "email",
        "phone",
        "seats",
        "created_at",
        "checked_in_at",
    ]
    export_filename = "dang-ky-su-kien"
    search_fields = ["attendee_name", "enterprise_name", "email"]
    search_backend_name = None
    form_fields = ["attendee_name", "position", "phone", "seats", "note"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        return scope_registrations(request.user, Registration.objects.select_related("event"))

    def scope(self, request, queryset):
        return scope_registrations(request.user, queryset)


registration_viewset = RegistrationViewSet("event_registrations")


@hooks.register("register_admin_viewset")
def register_viewset():
    return registration_viewset
