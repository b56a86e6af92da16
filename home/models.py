"""The home page, a plain content page, and the site's contact profile."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock, FooterLinkBlock, HomeSectionsBlock


class HomePage(Page):
    """The root of each language's tree: sections editable by programme editors."""

    intro = models.TextField(_("Giới thiệu ngắn"), blank=True)
    sections = StreamField(HomeSectionsBlock(), blank=True, verbose_name=_("Các mục"))

    parent_page_types = ["wagtailcore.Page"]
    # The home page (top layer) decides which sections sit under it; the sections' apps never
    # name it (README, "Architecture").
    subpage_types = [
        "home.StandardPage",
        "stories.NewsroomPage",
        "handbook.HandbookIndexPage",
        "events.EventIndexPage",
        "dashboard.DashboardPage",
        "honors.RankingsPage",
        "assessment_forms.AssessmentPage",
    ]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("sections")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("Trang chủ")
        verbose_name_plural = _("Trang chủ")

    def get_context(self, request, *args, **kwargs):
        from .page_cache import content_version

        context = super().get_context(request, *args, **kwargs)
        # The sections query stories, events and honours; their rendered HTML is kept until
        # any content changes (the same version that invalidates the page cache).
        context["content_version"] = content_version()
        return context

    # perf (issue 21): routing in two queries whatever the depth.
    def route(self, request, path_components):
        """Find the page a path leads to in one query (all pages on the path by `url_path`)
        plus its specific row, instead of Wagtail's two queries per level. Same result as
        walking the tree: a live routable page on the way whose own routes match the rest of
        the path takes the request first (as `RoutablePageMixin.route` does); otherwise the
        deepest page on the path routes what is left (a sub-route, or a 404)."""
        if not path_components:
            return super().route(request, path_components)
        from django.urls import Resolver404
        from wagtail.contrib.routable_page.models import RoutablePageMixin

        prefixes = [self.url_path + "/".join(path_components[:end]) + "/" for end in range(1, len(path_components) + 1)]
        on_path = list(
            Page.objects.filter(url_path__in=prefixes, path__startswith=self.path, depth__gt=self.depth).order_by(
                "depth"
            )
        )
        if not on_path:
            return super().route(request, path_components)
        target = on_path[-1]
        for page in on_path[:-1]:
            cls = page.specific_class
            if page.live and cls is not None and issubclass(cls, RoutablePageMixin):
                rest = path_components[page.depth - self.depth :]
                try:
                    cls.get_resolver().resolve("/" + "/".join(rest) + "/")
                except Resolver404:
                    continue
                target = page
                break
        return target.specific.route(request, path_components[target.depth - self.depth :])


class StandardPage(Page):
    """A general content page (about the programme, contacts, privacy notice)."""

    intro = models.TextField(_("Tóm tắt"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Nội dung"))

    subpage_types = ["home.StandardPage"]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("Trang nội dung")
        verbose_name_plural = _("Trang nội dung")


@register_setting(icon="site")
class SiteProfile(BaseSiteSetting):
    """Who runs the programme and how to reach them, shown in the footer."""

    programme_name = models.CharField(_("Tên chương trình"), max_length=200, blank=True)
    programme_name_en = models.CharField(_("Tên chương trình (tiếng Anh)"), max_length=200, blank=True)
    owner = models.CharField(_("Cơ quan chủ trì"), max_length=200, blank=True)
    owner_en = models.CharField(_("Cơ quan chủ trì (tiếng Anh)"), max_length=200, blank=True)
    address = models.CharField(_("Địa chỉ"), max_length=300, blank=True)
    address_en = models.CharField(_("Địa chỉ (tiếng Anh)"), max_length=300, blank=True)
    phone = models.CharField(_("Điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("Thư điện tử"), blank=True)
    footer_note = RichTextField(_("Ghi chú chân trang"), blank=True, features=["bold", "italic", "link"])
    footer_note_en = RichTextField(_("Ghi chú chân trang (tiếng Anh)"), blank=True, features=["bold", "italic", "link"])
    footer_links = StreamField([("link", FooterLinkBlock())], blank=True, verbose_name=_("Liên kết chân trang"))
    main_menu = StreamField(
        [("link", FooterLinkBlock())],
        blank=True,
        verbose_name=_("Nhãn trình đơn chính"),
        help_text=_(
            "Nhãn ngắn (1–3 từ) cho các trang của trình đơn chính, để trình đơn nằm trên một dòng. "
            "Trang không có nhãn ở đây hiện bằng tiêu đề của nó."
        ),
    )

    panels = [
        MultiFieldPanel([FieldPanel("programme_name"), FieldPanel("programme_name_en")], heading=_("Chương trình")),
        MultiFieldPanel(
            [
                FieldPanel("owner"),
                FieldPanel("owner_en"),
                FieldPanel("address"),
                FieldPanel("address_en"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading=_("Liên hệ"),
        ),
        FieldPanel("footer_note"),
        FieldPanel("footer_note_en"),
        FieldPanel("footer_links"),
        FieldPanel("main_menu"),
    ]

    class Meta:
        verbose_name = _("Thông tin đơn vị")

    def _localized(self, field):
        if translation.get_language() == "en":
            return getattr(self, f"{field}_en") or getattr(self, field)
        return getattr(self, field)

    @property
    def local_programme_name(self):
        return self._localized("programme_name")

    @property
    def local_owner(self):
        return self._localized("owner")

    @property
    def local_address(self):
        return self._localized("address")

    @property
    def local_footer_note(self):
        return self._localized("footer_note")
