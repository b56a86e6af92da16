"""The DBI guide: the index explained, generated from the framework data."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .chapters import SYNCHRONIZED
from .mixins import AudienceMixin


class DBIGuidePage(AudienceMixin, Page):
    """Pillars, components, criteria, answer levels, bands, overall rules and how the score is
    computed, all read from the loaded framework (see handbook.guide); editors write only the
    introduction and the closing note."""

    intro = RichTextField(_("Giới thiệu"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    framework_code = models.CharField(
        _("Mã bộ chỉ số"),
        max_length=50,
        default="DBI-1970-SME",
        help_text=_("Trang luôn trình bày phiên bản mới nhất của bộ chỉ số này."),
    )
    assessment_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Trang tự đánh giá"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closing_note = RichTextField(_("Ghi chú cuối trang"), blank=True, features=["bold", "italic", "link", "ol", "ul"])

    parent_page_types = ["handbook.HandbookIndexPage"]
    subpage_types = []

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("intro"),
            FieldPanel("framework_code"),
            PageChooserPanel("assessment_page", "assessment_forms.AssessmentPage"),
            FieldPanel("closing_note"),
        ]
        + AudienceMixin.audience_panels
    )
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("closing_note")]
    override_translatable_fields = SYNCHRONIZED

    class Meta:
        verbose_name = _("Trang hướng dẫn bộ chỉ số DBI")
        verbose_name_plural = _("Trang hướng dẫn bộ chỉ số DBI")

    def get_context(self, request, *args, **kwargs):
        from ..guide import guide_for

        context = super().get_context(request, *args, **kwargs)
        # perf (issue 21): callables, evaluated only when the cached fragment is stale.
        context["guide"] = lambda: guide_for(self.framework_code)
        if self.assessment_page_id:
            context["assessment_target"] = lambda: self.assessment_page.localized
        return context
