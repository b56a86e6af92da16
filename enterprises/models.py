"""The enterprise registry's shared taxonomy: administrative units as dated data.

Units are loaded from data files (enterprises/data/units/*.yaml), never hard-coded, so
another province loads the same way. A unit is valid from `valid_from` to `valid_to`
(inclusive, open-ended when empty). A record keeps the unit it was made with; the
province's reorganisation of 1/7/2025 adds new units rather than renaming old ones.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AdministrativeUnitQuerySet(models.QuerySet):
    def valid_on(self, day):
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )


class AdministrativeUnit(models.Model):
    class Level(models.TextChoices):
        PROVINCE = "province", _("Tỉnh, thành phố trực thuộc trung ương")
        DISTRICT = "district", _("Huyện, thị xã, thành phố thuộc tỉnh")
        COMMUNE = "commune", _("Xã, phường, thị trấn")

    code = models.CharField(
        _("mã"),
        max_length=32,
        help_text=_("Mã đơn vị hành chính của Tổng cục Thống kê, kèm hậu tố giai đoạn nếu cần."),
    )
    name = models.CharField(_("tên"), max_length=150)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=150, blank=True)
    kind = models.CharField(_("loại"), max_length=60, blank=True, help_text=_("Ví dụ: huyện, thành phố, xã, phường."))
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị kế thừa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
        help_text=_("Đơn vị tiếp nhận địa bàn này sau khi sắp xếp."),
    )

    objects = AdministrativeUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["level", "code"]
        constraints = [models.UniqueConstraint(fields=["code"], name="unique_administrative_unit_code")]
        indexes = [models.Index(fields=["level", "valid_from", "valid_to"])]

    def __str__(self):
        return self.name

    def is_valid_on(self, day):
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)
