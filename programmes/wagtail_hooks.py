"""Programmes and the review queue in the admin."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.exports import SafeExportViewSetMixin

from . import admin_urls
from .forms import ProgrammeAdminForm
from .models import Application, Programme


class ProgrammeViewSet(SnippetViewSet):
    model = Programme
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldPanel("status"),
            FieldPanel("legal_basis"),
            FieldPanel("description"),
            FieldPanel("pays_for"),
            FieldPanel("support_rate"),
            FieldPanel("caps"),
            FieldPanel("budget"),
            FieldPanel("starts_on"),
            FieldPanel("ends_on"),
            FieldPanel("eligible_sizes"),
            FieldPanel("eligible_sectors"),
            FieldPanel("eligible_areas"),
            FieldPanel("min_level"),
            FieldPanel("max_level"),
            FieldPanel("require_verified"),
            FieldPanel("result_max_age_months"),
            FieldPanel("max_awards_per_enterprise"),
            FieldPanel("documents_required"),
            FieldPanel("review_criteria"),
            FieldPanel("issuing_body"),
            FieldPanel("signer_title"),
            FieldPanel("signer_name"),
        ],
        base_form_class=ProgrammeAdminForm,
    )
    icon = "doc-full"
    menu_label = _("Chương trình hỗ trợ")
    list_display = ["name", "version", "status", "starts_on", "ends_on", "budget"]
    list_filter = ["status"]
    search_fields = ["name"]


class ApplicationViewSet(SafeExportViewSetMixin, SnippetViewSet):
    """The review queue. Editing happens on the review page, step by step, never in a form
    that could skip a step; the list links there."""

    model = Application
    icon = "tasks"
    menu_label = _("Hồ sơ đề nghị hỗ trợ")
    list_display = ["reference", "enterprise", "programme", "status", "requested_amount", "created_at"]
    list_filter = ["status", "programme", "purpose"]
    search_fields = ["reference"]
    list_export = [
        "reference",
        "enterprise",
        "programme",
        "status",
        "requested_amount",
        "approved_amount",
        "paid_amount",
    ]
    add_view_enabled = False
    inspect_view_enabled = True

    def get_edit_url(self, instance):
        return reverse("programmes_admin:review", args=[instance.pk])


class ProgrammesGroup(SnippetViewSetGroup):
    menu_label = _("Hỗ trợ của Nhà nước")
    menu_icon = "doc-full-inverse"
    menu_order = 250
    items = (ProgrammeViewSet, ApplicationViewSet)


register_snippet(ProgrammesGroup)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("programmes/review/", include(admin_urls, namespace="programmes_admin"))]
