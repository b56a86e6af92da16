"""The published ranking table: one row per verified result, refreshed from the assessment app.

Results are read only through `assessment_forms.services`; this table is a read model, rebuilt
by `honors.services.rankings.refresh_rankings` whenever results change (the `results_changed`
signal) or an enterprise changes its publication consent. It holds the folded name for
diacritic-free search and the provincial rank, computed in the database with a window function.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

PILLARS = ("p1", "p2", "p3", "p4", "p5", "p6")


class RankingEntry(models.Model):
    year = models.PositiveSmallIntegerField(_("năm"))
    framework_code = models.CharField(_("bộ chỉ số"), max_length=40)
    enterprise = models.ForeignKey(
        "enterprises.Enterprise", verbose_name=_("doanh nghiệp"), on_delete=models.CASCADE, related_name="+"
    )
    # The assessment app's submission id; no foreign key, so the read model stays decoupled.
    submission_id = models.PositiveBigIntegerField(_("mã bài đánh giá"))
    name = models.CharField(_("tên doanh nghiệp"), max_length=255)
    name_folded = models.CharField(max_length=255, db_index=True)
    sector = models.ForeignKey("enterprises.Sector", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    area = models.ForeignKey(
        "enterprises.AdministrativeUnit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    size_class = models.CharField(_("quy mô"), max_length=10, blank=True)
    consent = models.BooleanField(_("đồng ý công bố"), default=False)
    total = models.DecimalField(_("tổng điểm"), max_digits=7, decimal_places=2)
    max_total = models.DecimalField(_("điểm tối đa"), max_digits=7, decimal_places=2)
    level = models.PositiveSmallIntegerField(_("mức"))
    pillars_at_level = models.PositiveSmallIntegerField(_("số trụ cột đạt mức"), default=0)
    verified_at = models.DateTimeField(_("thẩm định lúc"))
    p1 = models.DecimalField(max_digits=6, decimal_places=2, default=0)
    p2 = models.DecimalField(max_digits=6, decimal_places=2, default=0)
    p3 = models.DecimalField(max_digits=6, decimal_places=2, default=0)
    p4 = models.DecimalField(max_digits=6, decimal_places=2, default=0)
    p5 = models.DecimalField(max_digits=6, decimal_places=2, default=0)
    p6 = models.DecimalField(max_digits=6, decimal_places=2, default=0)
    p1_level = models.PositiveSmallIntegerField(default=0)
    p2_level = models.PositiveSmallIntegerField(default=0)
    p3_level = models.PositiveSmallIntegerField(default=0)
    p4_level = models.PositiveSmallIntegerField(default=0)
    p5_level = models.PositiveSmallIntegerField(default=0)
    p6_level = models.PositiveSmallIntegerField(default=0)
    # Provincial rank among consenting enterprises for (year, framework); equal only on a full tie.
    rank = models.PositiveIntegerField(_("hạng"), null=True, blank=True)

    class Meta:
        verbose_name = _("dòng xếp hạng")
        verbose_name_plural = _("bảng xếp hạng")
        # Rows of enterprises that did not consent stay with the programme editors.
        permissions = [("view_all_rankingentry", _("Xem cả dòng của doanh nghiệp không đồng ý công bố"))]
        constraints = [
            models.UniqueConstraint(fields=["year", "framework_code", "enterprise"], name="unique_ranking_entry"),
        ]
        indexes = [
            # The default order (rank, then name for a full tie); a page of it reads its ids
            # from this index only, however deep (id is what the rows are then fetched by).
            # It replaces honors_rank_idx (year, framework_code, consent, rank), its prefix.
            models.Index(
                fields=["year", "framework_code", "consent", "rank", "name", "id"], name="honors_rank_name_idx"
            ),
            # The size, area and sector filters: rows in rank order and a count by index only
            # (size, the widest filter, also pages deep by index only, like honors_rank_name_idx).
            models.Index(
                fields=["year", "framework_code", "consent", "size_class", "rank", "name", "id"], name="honors_size_idx"
            ),
            models.Index(fields=["year", "framework_code", "consent", "area", "rank"], name="honors_area_idx"),
            models.Index(fields=["year", "framework_code", "consent", "sector", "rank"], name="honors_sector_idx"),
            models.Index(fields=["year", "framework_code", "consent", "-total"], name="honors_total_idx"),
            models.Index(fields=["enterprise", "year"], name="honors_ent_year_idx"),
            # The level filter and sort (count by index only; rows already in rank order).
            models.Index(fields=["year", "framework_code", "consent", "-level", "rank"], name="honors_level_idx"),
            # Sorting by a pillar reads the top rows in index order (then rank, name for ties).
            *(
                models.Index(fields=["year", "framework_code", "consent", f"-{code}"], name=f"honors_{code}_idx")
                for code in PILLARS
            ),
            # ... and with a level filter: the rows of one level are spread down the whole pillar
            # order (the pillar index skipped 246,000 rows of other levels to find 25: 0.7-5.9 s
            # at a million enterprises a year). One more index per pillar: a re-ranking writes
            # each moved row into it too.
            *(
                models.Index(
                    fields=["year", "framework_code", "consent", "level", f"-{code}"], name=f"honors_{code}_lvl_idx"
                )
                for code in PILLARS
            ),
        ]
        # PostgreSQL also has a trigram index on name_folded for the name search (migration 0003).

    def __str__(self):
        return f"{self.year} {self.name}: {self.total}"

    @property
    def pillar_percents(self):
        return [getattr(self, code) for code in PILLARS]

    @property
    def pillar_levels(self):
        return [getattr(self, f"{code}_level") for code in PILLARS]
