"""The public dashboard page and the editable annual report to the Ministry."""

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.documents import AdministrativeDocument

from . import exports, views
from .cache import PAGE_TIMEOUT, VERSION_NAME, get_figures, page_key
from .tables import build_tables

DETAILS_PERMISSION = "dashboard.view_dashboard_details"


class DashboardPage(RoutablePageMixin, Page):
    """The province's DX figures for a chosen year, with open-data downloads of every table.

    Sub-URLs: tai-ve/<table>/csv|json/ (downloads), bien-tap/ (editors' view with every
    figure) and bien-tap/doanh-nghiep/ (the enterprises behind a figure)."""

    intro = RichTextField(_("Giới thiệu"), blank=True, features=["bold", "italic", "link"])
    method_note = RichTextField(
        _("Ghi chú phương pháp"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Nguồn số liệu, cách tính; hiển thị cuối trang."),
    )

    subpage_types = []
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("method_note")]
    # The anonymous page cache (home.page_cache) also keys this page by the figures' version:
    # a new enterprise in the registry or a changed result drops it without emptying the site.
    page_cache_versions = (VERSION_NAME,)
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("Trang bảng số liệu")
        verbose_name_plural = _("Trang bảng số liệu")

    # --- Routes -------------------------------------------------------------------------------

    @path("")
    def dashboard(self, request):
        if request.user.is_authenticated:
            return self._render(request, public=True)
        # Visitors get the whole page from the cache; the key holds the normalised year and
        # filters, the language and the figures' version, so results changes invalidate it.
        year, filters = views.parse_query(request)
        key = page_key(f"{self.pk}.{self.latest_revision_id}", year, filters)
        html = cache.get(key)
        if html is None:
            response = self._render(request, public=True)
            response.render()
            cache.set(key, response.content, PAGE_TIMEOUT)
            return response
        return HttpResponse(html)

    @path("bien-tap/")
    def editors(self, request):
        return self._deny(request) or self._render(request, public=False)

    @path("bien-tap/doanh-nghiep/")
    def drilldown(self, request):
        denied = self._deny(request)
        if denied:
            return denied
        context = self.get_context(request)
        context.update(views.drilldown_context(request))
        return TemplateResponse(request, "dashboard/drilldown.html", context)

    @re_path(r"^tai-ve/(?P<table_key>[a-z_]+)/(?P<fmt>csv|json)/$")
    def download(self, request, table_key, fmt):
        year, filters = views.parse_query(request)
        figures = get_figures(year, filters)
        tables = build_tables(figures, public=True)
        if table_key == "tat_ca" and fmt == "json":
            return JsonResponse(exports.tables_json(figures, tables), json_dumps_params={"ensure_ascii": False})
        table = next((table for table in tables if table.key == table_key), None)
        if table is None:
            raise Http404
        filename = exports.filename(table.key, year, figures["filters"], fmt)
        if fmt == "csv":
            response = HttpResponse(exports.table_csv(table), content_type="text/csv; charset=utf-8")
        else:
            response = JsonResponse(
                exports.table_json(figures, table), json_dumps_params={"ensure_ascii": False, "indent": 1}
            )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Access-Control-Allow-Origin"] = "*"
        return response

    # --- Helpers --------------------------------------------------------------------------------

    def _deny(self, request):
        """A redirect to the login page for visitors, 403 for users without the right, or None."""
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            # A staff page: the admin's login, not the public accounts' (LOGIN_URL).
            return redirect_to_login(request.get_full_path(), "wagtailadmin_login")
        if not request.user.has_perm(DETAILS_PERMISSION):
            raise PermissionDenied
        return None

    def _render(self, request, public):
        context = self.get_context(request)
        context.update(views.dashboard_context(request, self, public=public))
        return TemplateResponse(request, "dashboard/dashboard_page.html", context)


class AnnualReport(AdministrativeDocument, index.Indexed, models.Model):
    """The year's report to the Ministry: the editors' executive summary; the figures come
    from the dashboard when the report is exported."""

    year = models.PositiveSmallIntegerField(_("năm"), unique=True)
    title = models.CharField(
        _("tiêu đề"), max_length=255, blank=True, help_text=_("Để trống: “Báo cáo kết quả chuyển đổi số doanh nghiệp”.")
    )
    recipient = models.CharField(_("nơi nhận"), max_length=255, default="Bộ Khoa học và Công nghệ")
    reference = models.CharField(
        _("số, ký hiệu văn bản"), max_length=100, blank=True, help_text=_("Ví dụ: 125/BC-SKHCN.")
    )
    summary = RichTextField(_("tóm tắt"), blank=True, help_text=_("Phần tóm tắt đứng đầu báo cáo."))
    signer = models.CharField(_("họ tên người ký"), max_length=150, blank=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    panels = [
        FieldPanel("year"),
        FieldPanel("title"),
        FieldPanel("recipient"),
        FieldPanel("summary"),
        AdministrativeDocument.document_panel(FieldPanel("reference"), FieldPanel("signer")),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("summary"), index.FilterField("year")]

    class Meta:
        verbose_name = _("báo cáo năm")
        verbose_name_plural = _("báo cáo năm")
        ordering = ["-year"]
        permissions = [("view_dashboard_details", "Xem bảng số liệu chi tiết đến từng doanh nghiệp")]

    def __str__(self):
        return self.display_title

    def official_document(self, fallback_issuer=""):
        """The Decree 30 parts of the report (core/document/*.html print them)."""
        return self.document_parts(number=self.reference, signer_name=self.signer, fallback_issuer=fallback_issuer)

    @property
    def display_title(self):
        from django.utils.translation import gettext

        return self.title or gettext("Báo cáo kết quả chuyển đổi số doanh nghiệp năm %(year)s") % {"year": self.year}


# --- Pre-aggregated figures (dashboard.summary keeps them; the dashboard reads only them) -------
# Plain integer columns, not foreign keys: a cell is keyed by the enterprise's raw sector, area
# and size, so the figures' groups (sector sections, districts) are folded when read and a
# change of the taxonomy never needs a rebuild.


class SummaryCell(models.Model):
    """A count (and sum of totals) of one kind for one year and one raw (sector, area, size)
    cell: the registry (year 0), the enterprises assessed in a year, or the verified results of
    a year at one level."""

    class Kind(models.TextChoices):
        REGISTRY = "registry", "registry"
        ASSESSED = "assessed", "assessed"
        RESULT = "result", "result"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    year = models.PositiveSmallIntegerField()
    sector_id = models.BigIntegerField(null=True)
    area_id = models.BigIntegerField(null=True)
    size_class = models.CharField(max_length=20, blank=True)
    level = models.PositiveSmallIntegerField(default=0)
    n = models.PositiveIntegerField()
    total = models.BigIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["kind", "year"], name="dashboard_cell_kind_year")]

    def __str__(self):
        return f"{self.kind} {self.year} {self.sector_id}/{self.area_id}/{self.size_class}: {self.n}"


class SummaryPillar(models.Model):
    """The pillar scores of a year's verified results in one cell: count, sums, maximum."""

    year = models.PositiveSmallIntegerField()
    pillar = models.CharField(max_length=32)
    sector_id = models.BigIntegerField(null=True)
    area_id = models.BigIntegerField(null=True)
    size_class = models.CharField(max_length=20, blank=True)
    n = models.PositiveIntegerField()
    points = models.BigIntegerField()
    percent = models.DecimalField(max_digits=18, decimal_places=2)
    maximum = models.PositiveIntegerField(null=True)

    class Meta:
        indexes = [models.Index(fields=["year"], name="dashboard_pillar_year")]

    def __str__(self):
        return f"{self.pillar} {self.year} {self.sector_id}/{self.area_id}/{self.size_class}: {self.n}"


class SummaryValue(models.Model):
    """How many of a year's verified results in one cell have this total (pillar "") or this
    pillar's points: the histograms the medians are read from, exactly."""

    year = models.PositiveSmallIntegerField()
    pillar = models.CharField(max_length=32, blank=True)
    sector_id = models.BigIntegerField(null=True)
    area_id = models.BigIntegerField(null=True)
    size_class = models.CharField(max_length=20, blank=True)
    value = models.IntegerField()
    n = models.PositiveIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["year", "pillar"], name="dashboard_value_year_pillar"),
            # The medians over all cells (every year's, every pillar's) from the index alone on
            # PostgreSQL: an index-only scan in value order, half the time of reading the rows.
            models.Index(fields=["pillar", "year", "value"], include=["n"], name="dashboard_value_histogram"),
        ]

    def __str__(self):
        return f"{self.pillar or 'total'} {self.year} = {self.value}: {self.n}"


class SummaryState(models.Model):
    """One row once the summary has been built in full (`rebuild_dashboard_summary`, or the
    dashboard's first read); until then changes are not tracked cell by cell."""

    built_at = models.DateTimeField()

    def __str__(self):
        return f"built {self.built_at:%Y-%m-%d %H:%M}"
