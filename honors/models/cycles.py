"""An honours cycle per year: its phases, award categories with eligibility rules, and the
weighted criteria the jury scores on. Editors set all of it in the admin."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from enterprises.models import Enterprise

# The registry's size classes (Decree 80/2021/NĐ-CP): one vocabulary for the whole site.
SIZE_CHOICES = Enterprise.SizeClass.choices


class HonoursCycle(index.Indexed, ClusterableModel):
    class Phase(models.TextChoices):
        PREPARING = "preparing", _("Chuẩn bị")
        NOMINATION = "nomination", _("Nhận đề cử")
        SCREENING = "screening", _("Sơ tuyển")
        JURY = "jury", _("Hội đồng chấm")
        DECISION = "decision", _("Quyết định")
        PUBLISHED = "published", _("Đã công bố")

    year = models.PositiveSmallIntegerField(_("năm"), unique=True)
    title = models.CharField(_("tên đợt"), max_length=200)
    framework_code = models.CharField(_("bộ chỉ số"), max_length=40, default="DBI-1970-SME")
    results_year = models.PositiveSmallIntegerField(
        _("năm kết quả DBI"), help_text=_("Năm của kết quả DBI đã thẩm định dùng để xét (thường là năm trước).")
    )
    introduction = models.TextField(_("giới thiệu"), blank=True)
    nominations_open = models.DateField(_("mở nhận đề cử"))
    nominations_close = models.DateField(_("hạn nhận đề cử"))
    screening_until = models.DateField(_("hạn sơ tuyển"))
    jury_until = models.DateField(_("hạn hội đồng chấm"))
    decision_by = models.DateField(_("hạn quyết định"))
    ceremony_on = models.DateField(_("ngày lễ tôn vinh"), null=True, blank=True)
    published = models.BooleanField(_("đã công bố"), default=False, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("results_year"), FieldPanel("framework_code")]),
        FieldPanel("title"),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("nominations_open"), FieldPanel("nominations_close")]),
                FieldRowPanel([FieldPanel("screening_until"), FieldPanel("jury_until")]),
                FieldRowPanel([FieldPanel("decision_by"), FieldPanel("ceremony_on")]),
            ],
            heading=_("Các giai đoạn"),
        ),
        InlinePanel("categories", label=_("Hạng mục"), min_num=1),
        InlinePanel("criteria", label=_("Tiêu chí chấm (có trọng số)"), min_num=1),
    ]
    search_fields = [index.SearchField("title"), index.FilterField("year")]

    class Meta:
        verbose_name = _("đợt tôn vinh")
        verbose_name_plural = _("đợt tôn vinh")
        ordering = ["-year"]

    def __str__(self):
        return self.title

    def clean(self):
        dates = [self.nominations_open, self.nominations_close, self.screening_until, self.jury_until, self.decision_by]
        if all(dates) and dates != sorted(dates):
            raise ValidationError(_("Các mốc thời gian phải theo thứ tự: đề cử, sơ tuyển, chấm, quyết định."))

    def phase_on(self, day=None):
        day = day or timezone.localdate()
        if self.published:
            return self.Phase.PUBLISHED
        if day < self.nominations_open:
            return self.Phase.PREPARING
        if day <= self.nominations_close:
            return self.Phase.NOMINATION
        if day <= self.screening_until:
            return self.Phase.SCREENING
        if day <= self.jury_until:
            return self.Phase.JURY
        return self.Phase.DECISION

    @property
    def phase(self):
        return self.phase_on()

    @property
    def phase_label(self):
        """The phase as people read it ("Nhận đề cử"), never the stored value."""
        return self.Phase(self.phase).label

    def scoring_open_on(self):
        """The first day of scoring: from then on the set-up is frozen."""
        return self.screening_until + datetime.timedelta(days=1)

    @property
    def setup_frozen(self):
        return self.phase in (self.Phase.JURY, self.Phase.DECISION, self.Phase.PUBLISHED)

    @property
    def scoring_closed(self):
        return self.phase in (self.Phase.DECISION, self.Phase.PUBLISHED)

    def accepts_nominations(self, day=None):
        return self.phase_on(day) == self.Phase.NOMINATION


class Category(ClusterableModel, Orderable):
    class Kind(models.TextChoices):
        LEADING_SIZE = "leading_size", _("Doanh nghiệp dẫn đầu theo quy mô")
        IMPROVEMENT = "improvement", _("Tiến bộ vượt bậc so với năm trước")
        SECTOR = "sector", _("Doanh nghiệp tiêu biểu theo ngành")
        GENERAL = "general", _("Doanh nghiệp chuyển đổi số tiêu biểu")

    cycle = ParentalKey(HonoursCycle, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(_("tên hạng mục"), max_length=200)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200, blank=True)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.GENERAL)
    awards = models.PositiveSmallIntegerField(_("số giải"), default=1)
    # Eligibility rules, set by editors.
    min_level = models.PositiveSmallIntegerField(_("mức DBI tối thiểu đã thẩm định"), default=1)
    size_class = models.CharField(_("quy mô"), max_length=10, choices=SIZE_CHOICES, blank=True)
    sector = models.ForeignKey(
        "enterprises.Sector",
        verbose_name=_("ngành"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Để trống: mọi ngành. Ngành cấp trên bao gồm các ngành con."),
    )
    area = models.ForeignKey(
        "enterprises.AdministrativeUnit",
        verbose_name=_("địa bàn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Để trống: toàn tỉnh. Đơn vị cấp trên bao gồm các đơn vị trực thuộc."),
    )
    require_consent = models.BooleanField(_("chỉ doanh nghiệp đồng ý công bố kết quả"), default=True)
    min_improvement = models.DecimalField(
        _("mức tăng tổng điểm tối thiểu"),
        max_digits=6,
        decimal_places=2,
        default=0,
        help_text=_("Chỉ dùng cho hạng mục tiến bộ: tổng điểm năm xét trừ năm trước."),
    )
    jurors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("thành viên hội đồng chấm"), blank=True, related_name="+"
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("awards")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("min_level"), FieldPanel("size_class")]),
                FieldRowPanel([FieldPanel("sector"), FieldPanel("area")]),
                FieldRowPanel([FieldPanel("require_consent"), FieldPanel("min_improvement")]),
            ],
            heading=_("Điều kiện"),
        ),
        FieldPanel("jurors"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("hạng mục")
        verbose_name_plural = _("hạng mục")

    def __str__(self):
        return f"{self.cycle.year} – {self.name}"

    @property
    def local_name(self):
        from django.utils import translation

        return self.name_en if translation.get_language() == "en" and self.name_en else self.name


class JuryCriterion(Orderable):
    cycle = ParentalKey(HonoursCycle, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("tiêu chí"), max_length=200)
    description = models.TextField(_("hướng dẫn chấm"), blank=True)
    weight = models.DecimalField(_("trọng số"), max_digits=5, decimal_places=2, default=1)
    max_score = models.PositiveSmallIntegerField(_("điểm tối đa"), default=10)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("weight"), FieldPanel("max_score")]),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("tiêu chí chấm")
        verbose_name_plural = _("tiêu chí chấm")

    def __str__(self):
        return self.name
