"""Frequently asked questions, also published as schema.org FAQPage data."""

from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.rich_text import expand_db_html
from wagtail.search import index

from ..blocks import FAQSectionBlock
from ..toc import unique_anchors
from .chapters import SYNCHRONIZED
from .mixins import AudienceMixin

# Characters that must not appear raw inside a <script> element.


class FAQPage(AudienceMixin, Page):
    """Questions grouped under headings; each question has its own anchor."""

    intro = models.TextField(_("Giới thiệu"), blank=True)
    body = StreamField([("section", FAQSectionBlock())], blank=True, verbose_name=_("Các nhóm câu hỏi"))

    parent_page_types = ["handbook.HandbookIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")] + AudienceMixin.audience_panels
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    override_translatable_fields = SYNCHRONIZED

    class Meta:
        verbose_name = _("Trang hỏi đáp")
        verbose_name_plural = _("Trang hỏi đáp")

    def questions(self):
        """[(section heading, [(question, answer html, anchor)])]."""
        items = [(block.value["heading"], list(block.value["items"])) for block in self.body]
        anchors = iter(unique_anchors(item["question"] for _heading, entries in items for item in entries))
        return [
            (heading, [(item["question"], item["answer"], next(anchors)) for item in entries])
            for heading, entries in items
        ]

    def structured_data(self):
        """The schema.org FAQPage object (JSON-LD) for search engines."""
        return {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "inLanguage": self.locale.language_code,
            "name": self.title,
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": question,
                    "acceptedAnswer": {
                        "@type": "Answer",
                        "text": strip_tags(expand_db_html(answer.source)).strip(),
                    },
                }
                for _heading, entries in self.questions()
                for question, answer, _anchor in entries
            ],
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # perf (issue 21): a callable, evaluated only when the cached fragment is stale.
        context["faq_sections"] = self.questions
        return context
