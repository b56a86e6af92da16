"""The committee's proposed list of honoured enterprises, approved through a Wagtail workflow
(the committee, then the programme's leadership), and the certificates issued on publication."""

import secrets

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from core.documents import AdministrativeDocument


class HonoursDecision(
    AdministrativeDocument,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    index.Indexed,
    ClusterableModel,
):
    cycle = models.OneToOneField(
        "honors.HonoursCycle", verbose_name=_("đợt tôn vinh"), on_delete=models.PROTECT, related_name="decision"
    )
    summary = models.TextField(_("tờ trình của hội đồng"), blank=True)
    # The decision as an administrative document (Decree 30/2020/NĐ-CP); its certificates
    # print the issuing body, number, place and date and the signer from here.
    number = models.CharField(
        _("số, ký hiệu quyết định"), max_length=100, blank=True, help_text=_("Ví dụ: 1234/QĐ-UBND.")
    )
    signer_name = models.CharField(_("họ tên người ký"), max_length=150, blank=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="honours_decision")

    panels = [
        FieldPanel("cycle"),
        FieldPanel("summary"),
        AdministrativeDocument.document_panel(FieldPanel("number"), FieldPanel("signer_name")),
        InlinePanel("awards", label=_("Doanh nghiệp được tôn vinh")),
    ]
    search_fields = [index.SearchField("summary")]

    class Meta:
        verbose_name = _("quyết định tôn vinh")
        verbose_name_plural = _("quyết định tôn vinh")

    def __str__(self):
        return str(_("Danh sách tôn vinh %(year)s") % {"year": self.cycle.year})

    @property
    def revisions(self):
        return self._revisions

    def official_document(self, fallback_issuer=""):
        return self.document_parts(number=self.number, signer_name=self.signer_name, fallback_issuer=fallback_issuer)


class Award(Orderable):
    decision = ParentalKey(HonoursDecision, on_delete=models.CASCADE, related_name="awards")
    category = models.ForeignKey("honors.Category", verbose_name=_("hạng mục"), on_delete=models.PROTECT)
    enterprise = models.ForeignKey(
        "enterprises.Enterprise", verbose_name=_("doanh nghiệp"), on_delete=models.PROTECT, related_name="+"
    )
    citation = models.TextField(_("lời tuyên dương"))
    citation_en = models.TextField(_("lời tuyên dương (tiếng Anh)"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("ảnh"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    jury_mean = models.DecimalField(
        _("điểm trung bình hội đồng"), max_digits=6, decimal_places=2, null=True, blank=True
    )

    panels = [
        FieldRowPanel([FieldPanel("category"), FieldPanel("enterprise")]),
        FieldPanel("citation"),
        FieldPanel("citation_en"),
        FieldPanel("photo"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("giải")
        verbose_name_plural = _("giải")

    def __str__(self):
        return f"{self.category.name}: {self.enterprise.name}"

    @property
    def local_citation(self):
        from django.utils import translation

        return self.citation_en if translation.get_language() == "en" and self.citation_en else self.citation


def new_certificate_code():
    # 128 random bits: the code itself is the unguessable credential in the verification URL.
    return secrets.token_urlsafe(16)


class Certificate(models.Model):
    """A certificate as issued: its text is frozen here so it stays verifiable as printed."""

    code = models.CharField(max_length=40, unique=True, default=new_certificate_code, editable=False)
    award = models.OneToOneField(Award, null=True, blank=True, on_delete=models.SET_NULL, related_name="certificate")
    enterprise = models.ForeignKey("enterprises.Enterprise", on_delete=models.PROTECT, related_name="+")
    enterprise_name = models.CharField(_("doanh nghiệp"), max_length=255)
    category_name = models.CharField(_("hạng mục"), max_length=200)
    year = models.PositiveSmallIntegerField(_("năm"))
    citation = models.TextField(_("lời tuyên dương"))
    issued_at = models.DateTimeField(_("cấp lúc"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    revoked_reason = models.CharField(_("lý do thu hồi"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("giấy chứng nhận")
        verbose_name_plural = _("giấy chứng nhận")
        ordering = ["-year", "enterprise_name"]

    def __str__(self):
        return f"{self.year} – {self.enterprise_name} – {self.category_name}"

    @property
    def is_valid(self):
        return self.revoked_at is None

    def get_absolute_url(self):
        return reverse("honors:certificate", args=[self.code])

    def get_pdf_url(self):
        return reverse("honors:certificate_pdf", args=[self.code])
