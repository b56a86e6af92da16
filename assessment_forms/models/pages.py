"""The assessment page: intro, the multi-step form and the result, as one routable page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .framework import Framework


class AssessmentPage(RoutablePageMixin, Page):
    """Embeds a DBI self-assessment. Sub-URLs (see assessment_forms.routes): the start form,
    each pillar step, the result and its PDF, all keyed by the respondent's resume token."""

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    framework_code = models.CharField(
        _("mã bộ chỉ số"),
        max_length=50,
        default="DBI-1970-SME",
        help_text=_("Trang luôn dùng phiên bản mới nhất của bộ chỉ số này."),
    )
    privacy_note = models.TextField(
        _("ghi chú quyền riêng tư"),
        blank=True,
        default=_(
            "Câu trả lời và kết quả chỉ doanh nghiệp (người giữ đường dẫn tiếp tục), thẩm định viên "
            "và cán bộ chương trình xem được."
        ),
    )
    min_fill_seconds = models.PositiveSmallIntegerField(
        _("thời gian điền tối thiểu (giây)"),
        default=3,
        help_text=_("Phiếu gửi nhanh hơn thời gian này bị coi là thư rác."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("framework_code"),
        FieldPanel("privacy_note"),
        FieldPanel("min_fill_seconds"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = []

    class Meta:
        verbose_name = _("Trang tự đánh giá DBI")
        verbose_name_plural = _("Trang tự đánh giá DBI")

    def get_framework(self):
        return Framework.objects.filter(code=self.framework_code).order_by("-version").first()
