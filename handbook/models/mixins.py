"""Fields and behaviour shared by the handbook's page types."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from ..choices import pillar_choices, size_choices
from ..fields import CodeListField


class AudienceMixin(models.Model):
    """Who a page is for (enterprise sizes, sectors), which DBI pillars it helps with, and
    when its content was last checked."""

    audience_sizes = CodeListField(_("Quy mô doanh nghiệp"), code_choices=size_choices, blank=True)
    sectors = ParentalManyToManyField("enterprises.Sector", verbose_name=_("Ngành"), blank=True)
    pillar_codes = CodeListField(
        _("Trụ cột DBI"),
        code_choices=pillar_choices,
        blank=True,
        help_text=_("Các trụ cột của bộ chỉ số DBI mà trang này giúp cải thiện."),
    )
    last_reviewed = models.DateField(_("Rà soát lần cuối"), null=True, blank=True)

    audience_panels = [
        MultiFieldPanel(
            [
                FieldPanel("pillar_codes"),
                FieldPanel("audience_sizes"),
                FieldPanel("sectors"),
                FieldPanel("last_reviewed"),
            ],
            heading=_("Đối tượng và trụ cột"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def pillar_labels(self):
        names = dict(pillar_choices())
        return [(code, names.get(code, code)) for code in self.pillar_codes]

    @property
    def size_labels(self):
        names = dict(size_choices())
        return [names.get(code, code) for code in self.audience_sizes]
