"""The newsroom: a combined front, one index per outlet desk, and the stories themselves.

Tree: HomePage → NewsroomPage → DeskIndexPage (newspaper | radio | portal) → StoryPage.
Each desk index carries its desk's workflow and page permissions (see services.setup_desk),
so journalists write only within their desk.
"""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, get_page_models
from wagtail.search import index

from .blocks import StoryBodyBlock
from .choices import Desk, Kind
from .pillars import pillar_choices, pillar_name

PAGE_SIZE = 12


class Journalist(index.Indexed, models.Model):
    """A byline: a journalist of one of the desks, linked to an admin user when they have one."""

    name = models.CharField(_("họ và tên"), max_length=150)
    desk = models.CharField(_("ban biên tập"), max_length=20, choices=Desk.choices)
    user = models.OneToOneField(
        "auth.User",
        verbose_name=_("tài khoản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="journalist",
    )
    title = models.CharField(_("chức danh"), max_length=150, blank=True)
    bio = models.TextField(_("giới thiệu"), blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("desk")]
    panels = [FieldPanel("name"), FieldPanel("desk"), FieldPanel("title"), FieldPanel("user"), FieldPanel("bio")]

    class Meta:
        verbose_name = _("phóng viên")
        verbose_name_plural = _("phóng viên")
        ordering = ["name"]

    def __str__(self):
        return self.name


def story_queryset(locale=None):
    """Live stories with what listings show (cover renditions, bylines) fetched in a fixed
    number of queries, newest first."""
    Image = get_image_model()
    queryset = StoryPage.objects.live().public().order_by("-publication_date", "-pk")
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    return queryset.defer_streamfields().prefetch_related(
        Prefetch("cover_image", queryset=Image.objects.prefetch_renditions()),
        Prefetch("bylines", queryset=StoryByline.objects.select_related("journalist")),
    )


class ListingMixin:
    """Paginated, kind-filtered listing of stories below this page."""

    def listing(self, request, stories):
        """`stories()` gives the queryset to list (a callable: `.public()` reads the view
        restrictions at once, and a cached fragment of the results needs no query at all)."""
        kind = request.GET.get("kind", "")
        if kind not in Kind.values:
            kind = ""
        lookups = {}
        filters = {}
        pillar = request.GET.get("pillar", "")
        if pillar and pillar in dict(pillar_choices()):
            lookups["pillar_tags__code"] = pillar
            filters["pillar"] = pillar_name(pillar)
        sector = request.GET.get("sector", "")
        if sector:
            lookups["sectors__code"] = sector
            filters["sector"] = sector
        area = request.GET.get("area", "")
        if area:
            lookups["areas__code"] = area
            filters["area"] = area
        number = request.GET.get("page")
        pages = {}

        def page_obj():
            # perf (issue 21): counted and fetched only when the template's cached fragment
            # of this page of results is stale.
            if "page" not in pages:
                queryset = stories()
                if kind:
                    queryset = queryset.filter(kind=kind)
                for lookup, value in lookups.items():
                    queryset = queryset.filter(**{lookup: value})
                paginator = Paginator(queryset.distinct() if filters else queryset, PAGE_SIZE)
                pages["page"] = paginator.get_page(number)
            return pages["page"]

        return {
            "stories": lambda: page_obj().object_list,
            "page_obj": page_obj,
            "kind": kind,
            "kinds": Kind.choices,
            "filters": filters,
            # What the cached fragment of the results varies on (with the page's tokens).
            "listing_key": [kind, pillar, sector, area, number or ""],
        }


class NewsroomPage(ListingMixin, Page):
    """The combined front of the three outlets' stories."""

    intro = models.TextField(_("giới thiệu"), blank=True)

    subpage_types = ["stories.DeskIndexPage"]
    max_count_per_parent = 1

    @classmethod
    def clean_parent_page_models(cls):
        # The newsroom sits only under a page that names it in its subpage_types (the home
        # page decides its sections), never under the bare tree root, without naming home here.
        if cls._clean_parent_page_models is None:
            cls._clean_parent_page_models = [
                model
                for model in get_page_models()
                if getattr(model, "subpage_types", None) is not None and cls in model.clean_subpage_models()
            ]
        return cls._clean_parent_page_models

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("Trang tin bài")
        verbose_name_plural = _("Trang tin bài")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["desks"] = lambda: DeskIndexPage.objects.child_of(self).live().order_by("path")
        context.update(self.listing(request, lambda: story_queryset().descendant_of(self)))
        return context


class DeskIndexPage(ListingMixin, Page):
    """The stories of one outlet desk. Its desk key ties it to the desk's roles and workflow."""

    desk = models.CharField(_("ban biên tập"), max_length=20, choices=Desk.choices)
    intro = models.TextField(_("giới thiệu"), blank=True)

    parent_page_types = ["stories.NewsroomPage"]
    subpage_types = ["stories.StoryPage"]

    content_panels = Page.content_panels + [FieldPanel("desk"), FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.FilterField("desk")]

    class Meta:
        verbose_name = _("Trang ban biên tập")
        verbose_name_plural = _("Trang ban biên tập")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing(request, lambda: story_queryset().child_of(self)))
        return context


class StoryPage(Page):
    """A story: news, a success story, a photo story, a radio segment, a video or an interview."""

    standfirst = models.TextField(_("sa-pô"), max_length=600, help_text=_("Đoạn mở đầu tóm tắt bài viết."))
    kind = models.CharField(_("loại bài"), max_length=20, choices=Kind.choices, default=Kind.ARTICLE)
    # Copied from the parent desk on save, so feeds and listings filter without joins.
    desk = models.CharField(_("ban biên tập"), max_length=20, choices=Desk.choices, editable=False, blank=True)
    publication_date = models.DateTimeField(_("ngày đăng"), default=timezone.now, db_index=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh bìa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Đặt điểm lấy nét của ảnh để ảnh được cắt đúng chỗ ở mọi khổ."),
    )
    cover_caption = models.CharField(_("chú thích ảnh bìa"), max_length=300, blank=True)
    body = StreamField(StoryBodyBlock(), blank=True, verbose_name=_("nội dung"))
    sectors = ParentalManyToManyField("enterprises.Sector", verbose_name=_("ngành"), blank=True, related_name="+")
    areas = ParentalManyToManyField(
        "enterprises.AdministrativeUnit", verbose_name=_("địa bàn"), blank=True, related_name="+"
    )

    parent_page_types = ["stories.DeskIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        FieldPanel("kind"),
        InlinePanel("bylines", label=_("Tác giả"), min_num=0),
        MultiFieldPanel([FieldPanel("cover_image"), FieldPanel("cover_caption")], heading=_("Ảnh bìa")),
        FieldPanel("body"),
    ]
    tag_panels = [
        InlinePanel("featured_enterprises", label=_("Doanh nghiệp trong bài")),
        FieldPanel("sectors"),
        FieldPanel("areas"),
        InlinePanel("pillar_tags", label=_("Trụ cột DBI")),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("publication_date")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Nội dung")),
            ObjectList(tag_panels, heading=_("Phân loại")),
            ObjectList(promote_panels, heading=_("Quảng bá")),
            ObjectList(Page.settings_panels, heading=_("Thiết lập"), classname="settings"),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("desk"),
        index.FilterField("publication_date"),
    ]

    class Meta:
        verbose_name = _("Tin bài")
        verbose_name_plural = _("Tin bài")
        indexes = [models.Index(fields=["desk", "kind"])]

    def save(self, *args, **kwargs):
        if self.path and self.depth and self.depth > 1:
            parent = self.get_parent()
            if parent is not None and isinstance(parent.specific_deferred, DeskIndexPage):
                self.desk = parent.specific_deferred.desk
        return super().save(*args, **kwargs)

    @cached_property
    def byline_names(self):
        bylines = self.bylines.all()
        if "bylines" not in getattr(self, "_prefetched_objects_cache", {}):  # the page itself, not a listing
            bylines = bylines.select_related("journalist")
        return [byline.name for byline in bylines if byline.journalist_id]

    @cached_property
    def sector_tags(self):
        return list(self.sectors.all())

    @cached_property
    def pillars(self):
        return [(tag.code, pillar_name(tag.code)) for tag in self.pillar_tags.all()]

    @cached_property
    def enterprises(self):
        return [
            item.enterprise
            for item in self.featured_enterprises.select_related("enterprise__sector", "enterprise__area")
        ]

    def first_audio(self):
        """The first audio block's value (for the podcast feed), or None."""
        for block in self.body:
            if block.block_type == "audio":
                return block.value
        return None

    def related_stories(self, limit=3):
        """Live stories sharing an enterprise, a pillar or a sector, then the desk's newest."""
        from .services import related_stories

        return related_stories(self, limit=limit)

    def enterprise_profiles(self):
        from .services import enterprise_profiles

        return enterprise_profiles(self.enterprises)

    @cached_property
    def story_parents(self):
        """(desk index, newsroom) above this story, in one query; (None, None) elsewhere."""
        steplen = self.steplen
        paths = [self.path[:-steplen], self.path[: -2 * steplen]]
        parents = {page.path: page for page in Page.objects.filter(path__in=paths)}
        desk = parents.get(paths[0])
        return desk, (parents.get(paths[1]) if desk else None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # perf (issue 21): callables, evaluated only when the template's cached fragments
        # (body, tags, related stories) are stale; the desk and the newsroom in one query.
        context["related"] = self.related_stories
        context["desk_page"] = lambda: self.story_parents[0]
        context["newsroom"] = lambda: self.story_parents[1]
        # The desk's own token: its title in the breadcrumb (a desk is not a top-level page).
        context["desk_token"] = f"page:{self.path[: -self.steplen]}"
        if self.kind == Kind.SUCCESS_STORY:
            context["profiles"] = self.enterprise_profiles
        return context


class StoryByline(Orderable):
    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="bylines")
    journalist = models.ForeignKey(Journalist, verbose_name=_("phóng viên"), on_delete=models.PROTECT, related_name="+")
    credit = models.CharField(
        _("tên ghi trên bài"),
        max_length=150,
        blank=True,
        help_text=_("Tên tác giả in trên bài (bút danh, tên nhóm…); để trống thì dùng tên phóng viên."),
    )

    panels = [FieldPanel("journalist"), FieldPanel("credit")]

    @property
    def name(self):
        return self.credit or self.journalist.name

    class Meta(Orderable.Meta):
        verbose_name = _("tác giả")


class StoryEnterprise(Orderable):
    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="featured_enterprises")
    enterprise = models.ForeignKey(
        "enterprises.Enterprise", verbose_name=_("doanh nghiệp"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("enterprise")]

    class Meta(Orderable.Meta):
        verbose_name = _("doanh nghiệp trong bài")


class StoryPillarTag(Orderable):
    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="pillar_tags")
    code = models.CharField(_("trụ cột"), max_length=4, choices=pillar_choices)

    panels = [FieldPanel("code")]

    class Meta(Orderable.Meta):
        verbose_name = _("trụ cột DBI")
        indexes = [models.Index(fields=["code"])]
