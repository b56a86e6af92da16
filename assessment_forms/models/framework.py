"""Questionnaires as versioned data: a framework, its pillars, components, criteria and options.

The level names, the pillar level bands and the overall rules are stored as JSON on the
framework in the data-file layout, so 2158/QĐ-BTTTT's 7-pillar index or the large-enterprise
index load without code changes. Once a framework has submissions it is frozen; a changed
data file or an admin edit then makes a new version (see assessment_forms.loader).
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


def localized(vi, en):
    """The English text on English pages when there is one, else the Vietnamese."""
    lang = (get_language() or "vi").lower()
    return en if lang.startswith("en") and en else vi


class Framework(index.Indexed, models.Model):
    code = models.CharField(_("mã bộ chỉ số"), max_length=50, help_text=_("Ví dụ: DBI-1970-SME."))
    version = models.PositiveSmallIntegerField(_("phiên bản"), default=1)
    title = models.CharField(_("tên"), max_length=300)
    title_en = models.CharField(_("tên tiếng Anh"), max_length=300, blank=True)
    short_title = models.CharField(_("tên ngắn"), max_length=200, blank=True)
    short_title_en = models.CharField(_("tên ngắn tiếng Anh"), max_length=200, blank=True)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=300, blank=True)
    legal_basis_url = models.URLField(_("liên kết văn bản"), max_length=500, blank=True)
    valid_from_year = models.PositiveSmallIntegerField(_("áp dụng từ năm"), null=True, blank=True)
    valid_to_year = models.PositiveSmallIntegerField(_("áp dụng đến năm"), null=True, blank=True)
    frozen = models.BooleanField(
        _("đã khóa"),
        default=False,
        help_text=_("Bộ chỉ số đã có phiếu trả lời thì bị khóa; mọi thay đổi tạo phiên bản mới."),
    )
    levels = models.JSONField(_("các mức"), default=list, help_text=_("[{level, name: {vi, en}, meaning: {vi, en}}]"))
    pillar_level_bands = models.JSONField(_("khung mức trụ cột"), default=dict)
    overall_rules = models.JSONField(_("quy tắc mức tổng thể"), default=dict)
    max_points = models.PositiveIntegerField(_("điểm tối đa"), default=0)
    source_hash = models.CharField(_("mã băm tệp nguồn"), max_length=64, blank=True, editable=False)
    source_meta = models.JSONField(_("thông tin nguồn"), default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    search_fields = [
        index.SearchField("title"),
        index.SearchField("title_en"),
        index.AutocompleteField("code"),
        index.FilterField("code"),
    ]

    class Meta:
        verbose_name = _("bộ chỉ số")
        verbose_name_plural = _("bộ chỉ số")
        ordering = ["code", "-version"]
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="unique_framework_code_version")]

    def __str__(self):
        return f"{self.code} v{self.version}"

    @property
    def localized_title(self):
        return localized(self.title, self.title_en)

    def level_info(self, level):
        for item in self.levels:
            if int(item.get("level", -1)) == int(level):
                name = item.get("name") or {}
                meaning = item.get("meaning") or {}
                return {
                    "level": int(level),
                    "name": localized(name.get("vi", ""), name.get("en", "")),
                    "meaning": localized(meaning.get("vi", ""), meaning.get("en", "")),
                }
        return {"level": level, "name": str(level), "meaning": ""}


class Pillar(models.Model):
    framework = models.ForeignKey(
        Framework, verbose_name=_("bộ chỉ số"), on_delete=models.CASCADE, related_name="pillars"
    )
    code = models.CharField(_("mã"), max_length=10)
    name = models.CharField(_("tên"), max_length=200)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200, blank=True)
    description = models.TextField(_("mô tả"), blank=True)
    description_en = models.TextField(_("mô tả tiếng Anh"), blank=True)
    max_points = models.PositiveIntegerField(_("điểm tối đa"))
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("trụ cột")
        verbose_name_plural = _("trụ cột")
        ordering = ["framework", "order"]
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="unique_pillar_code")]

    def __str__(self):
        return f"{self.code} – {self.name}"

    @property
    def localized_name(self):
        return localized(self.name, self.name_en)

    @property
    def localized_description(self):
        return localized(self.description, self.description_en)


class Component(models.Model):
    pillar = models.ForeignKey(Pillar, verbose_name=_("trụ cột"), on_delete=models.CASCADE, related_name="components")
    code = models.CharField(_("mã"), max_length=12)
    name = models.CharField(_("tên"), max_length=200)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200, blank=True)
    max_points = models.PositiveIntegerField(_("điểm tối đa"))
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("thành phần")
        verbose_name_plural = _("thành phần")
        ordering = ["pillar", "order"]

    def __str__(self):
        return f"{self.code} – {self.name}"

    @property
    def localized_name(self):
        return localized(self.name, self.name_en)


class Criterion(models.Model):
    class AnswerKind(models.TextChoices):
        GRADED = "graded", _("Chọn một mức")
        YES_NO_THEN_GRADED = "yes-no-then-graded", _("Có/không rồi chọn mức")
        NUMERIC_BAND = "numeric-band", _("Số liệu theo khoảng")
        MULTI_SELECT = "multi-select", _("Chọn nhiều")

    framework = models.ForeignKey(
        Framework, verbose_name=_("bộ chỉ số"), on_delete=models.CASCADE, related_name="criteria"
    )
    component = models.ForeignKey(
        Component, verbose_name=_("thành phần"), on_delete=models.CASCADE, related_name="criteria"
    )
    code = models.CharField(_("mã"), max_length=16)
    text = models.CharField(_("nội dung"), max_length=300)
    text_en = models.CharField(_("nội dung tiếng Anh"), max_length=300, blank=True)
    question = models.CharField(_("câu hỏi"), max_length=300, blank=True)
    question_en = models.CharField(_("câu hỏi tiếng Anh"), max_length=300, blank=True)
    help_text = models.TextField(_("hướng dẫn"), blank=True)
    help_text_en = models.TextField(_("hướng dẫn tiếng Anh"), blank=True)
    group = models.CharField(_("nhóm"), max_length=200, blank=True)
    group_en = models.CharField(_("nhóm tiếng Anh"), max_length=200, blank=True)
    answer_kind = models.CharField(_("kiểu trả lời"), max_length=20, choices=AnswerKind.choices)
    max_points = models.PositiveIntegerField(_("điểm tối đa"))
    points_per_level = models.PositiveSmallIntegerField(_("điểm mỗi mức"), default=1)
    unconfirmed = models.BooleanField(_("chưa xác nhận"), default=False)
    note = models.TextField(_("ghi chú nguồn"), blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        ordering = ["framework", "order"]
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="unique_criterion_code")]

    def __str__(self):
        return f"{self.code} – {self.text}"

    @property
    def localized_text(self):
        return localized(self.text, self.text_en)

    @property
    def localized_question(self):
        return localized(self.question, self.question_en)

    @property
    def localized_help(self):
        return localized(self.help_text, self.help_text_en)


class AnswerOption(models.Model):
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("tiêu chí"), on_delete=models.CASCADE, related_name="options"
    )
    level = models.PositiveSmallIntegerField(_("mức"))
    points = models.PositiveIntegerField(_("điểm"))
    text = models.CharField(_("nội dung"), max_length=300)
    text_en = models.CharField(_("nội dung tiếng Anh"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("phương án trả lời")
        verbose_name_plural = _("phương án trả lời")
        ordering = ["criterion", "level"]
        constraints = [models.UniqueConstraint(fields=["criterion", "level"], name="unique_option_level")]

    def __str__(self):
        return f"{self.level}: {self.text}"

    @property
    def localized_text(self):
        return localized(self.text, self.text_en)
