"""Which years' results the programme has published.

The rankings and the dashboard show, by default, the latest year a programme editor has
published here, never simply the newest year with a verified result: the first verification
of a new January must not turn the public pages to a year with one result."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class PublishedYear(index.Indexed, models.Model):
    framework_code = models.CharField(_("mã bộ chỉ số"), max_length=40, default="DBI-1970-SME")
    year = models.PositiveSmallIntegerField(_("năm kết quả"))
    published = models.BooleanField(
        _("đã công bố"),
        default=True,
        help_text=_(
            "Bảng xếp hạng và bảng số liệu công khai chỉ hiển thị các năm đã công bố; "  # noqa: ISC001
            "năm mặc định là năm công bố gần nhất."
        ),
    )
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    published_at = models.DateTimeField(_("công bố lúc"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người công bố"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )

    search_fields = [index.FilterField("year"), index.SearchField("note")]

    class Meta:
        verbose_name = _("năm công bố kết quả")
        verbose_name_plural = _("năm công bố kết quả")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["framework_code", "year"], name="unique_published_year_per_framework")
        ]

    def __str__(self):
        return f"{self.year} ({self.framework_code})"

    def save(self, *args, **kwargs):
        if self.published and self.published_at is None:
            self.published_at = timezone.now()
        if not self.published:
            self.published_at = None
        super().save(*args, **kwargs)
