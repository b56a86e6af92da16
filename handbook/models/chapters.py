"""The handbook index (with the whole-handbook PDF) and its nested chapters."""

from django.db import models
from django.http import HttpResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..blocks import ChapterBodyBlock
from ..toc import build_toc, count_words, reading_minutes, unique_anchors
from .mixins import AudienceMixin

SYNCHRONIZED = [
    SynchronizedField("audience_sizes"),
    SynchronizedField("pillar_codes"),
    SynchronizedField("sectors"),
    SynchronizedField("last_reviewed"),
]


class HandbookIndexPage(RoutablePageMixin, Page):
    """The handbook's front: its table of contents, the FAQ and guide, and the PDF."""

    intro = models.TextField(_("Giới thiệu"), blank=True)

    subpage_types = ["handbook.HandbookChapterPage", "handbook.FAQPage", "handbook.DBIGuidePage"]

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("Trang chủ cẩm nang")
        verbose_name_plural = _("Trang chủ cẩm nang")

    def get_context(self, request, *args, **kwargs):
        from .. import services

        context = super().get_context(request, *args, **kwargs)
        pillar = request.GET.get("tru-cot", "")
        # perf (issue 21): callables, evaluated only when the template's cached fragment (under
        # this page's tokens and the handbook's version) is stale.
        context["chapter_tree"] = lambda: services.chapter_tree(self, request)
        context["pillar_choices"] = services.pillar_filter_choices()
        context["selected_pillar"] = pillar
        if pillar:
            context["filtered_chapters"] = lambda: services.chapters_for_pillars(
                [pillar], locale=self.locale, limit=None
            )
        context["extra_pages"] = lambda: services.other_handbook_pages(self, request)
        return context

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("pdf/", name="pdf")
    def pdf(self, request):
        """The whole handbook as one PDF, cached until a handbook page is published."""
        from ..pdf import handbook_pdf

        response = HttpResponse(handbook_pdf(self, request), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.pdf"'
        return response


class HandbookChapterPage(AudienceMixin, Page):
    """A chapter (or section of a chapter: chapters nest)."""

    intro = models.TextField(_("Tóm tắt"), blank=True)
    body = StreamField(ChapterBodyBlock(), blank=True, verbose_name=_("Nội dung"))
    reading_minutes = models.PositiveSmallIntegerField(_("Thời gian đọc (phút)"), default=1, editable=False)

    parent_page_types = ["handbook.HandbookIndexPage", "handbook.HandbookChapterPage"]
    subpage_types = ["handbook.HandbookChapterPage"]

    content_panels = (
        Page.content_panels
        + [FieldPanel("intro"), FieldPanel("body"), InlinePanel("attachments", label=_("Tài liệu tải về"))]
        + AudienceMixin.audience_panels
    )
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    override_translatable_fields = SYNCHRONIZED

    class Meta:
        verbose_name = _("Chương cẩm nang")
        verbose_name_plural = _("Chương cẩm nang")

    def save(self, *args, **kwargs):
        # Computed on save so that reading a chapter never has to count words.
        texts = self.body.stream_block.get_searchable_content(self.body) if self.body else []
        self.reading_minutes = reading_minutes(count_words(self.intro, *texts))
        return super().save(*args, **kwargs)

    def body_with_anchors(self):
        """[(block, anchor or None)] in order; headings get unique anchors."""
        headings = [block for block in self.body if block.block_type == "heading"]
        anchors = dict(
            zip((id(block) for block in headings), unique_anchors(b.value["text"] for b in headings), strict=True)
        )
        return [(block, anchors.get(id(block))) for block in self.body]

    def toc(self, blocks_with_anchors=None):
        items = blocks_with_anchors if blocks_with_anchors is not None else self.body_with_anchors()
        return build_toc(
            [(int(block.value["level"]), block.value["text"], anchor) for block, anchor in items if anchor]
        )

    @cached_property
    def _blocks_with_anchors(self):
        return self.body_with_anchors()

    @cached_property
    def _toc(self):
        return self.toc(self._blocks_with_anchors)

    def get_context(self, request, *args, **kwargs):
        from .. import services

        context = super().get_context(request, *args, **kwargs)
        # perf (issue 21): callables, evaluated only when the template's cached fragment of
        # the chapter (under this page's tokens and the handbook's version) is stale.
        context["blocks_with_anchors"] = lambda: self._blocks_with_anchors
        context["toc"] = lambda: self._toc
        neighbours = {}

        def neighbour(name):
            if not neighbours:
                neighbours.update(services.chapter_neighbours(self, request))
            return neighbours.get(name)

        for name in ("handbook_index", "previous_chapter", "next_chapter", "chapter_position", "chapter_count"):
            context[name] = lambda name=name: neighbour(name)
        context["attachments"] = lambda: list(self.attachments.select_related("document"))
        context["sector_list"] = lambda: self._sector_list
        return context

    @cached_property
    def _sector_list(self):
        return list(self.sectors.all())


class ChapterAttachment(Orderable):
    """A document offered for download beside a chapter."""

    page = ParentalKey(HandbookChapterPage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("Tài liệu"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("Tên hiển thị"), max_length=160, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("Tài liệu tải về")
        verbose_name_plural = _("Tài liệu tải về")

    @property
    def label(self):
        return self.title or self.document.title
