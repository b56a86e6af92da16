"""The public pages: the rankings (with CSV/JSON downloads and enterprise profiles as
sub-URLs) and the honours page of each year."""

from django.db import models
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.exports import csv_response
from enterprises.models import Enterprise

from .rankings import PILLARS

EXPORT_FIELDS = [
    "rank",
    "enterprise",
    "sector",
    "area",
    "size_class",
    "total",
    "max_total",
    "level",
    *[code.upper() for code in PILLARS],
    "verified_on",
    "profile",
]


class RankingsPage(RoutablePageMixin, Page):
    """Enterprises ranked by verified DBI results; filters and sort live in the URL."""

    intro = models.TextField(_("giới thiệu"), blank=True)
    method = RichTextField(
        _("phương pháp"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Giải thích thêm về bộ chỉ số DBI; quy tắc xếp hạng luôn được hiển thị."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("method")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("method")]
    subpage_types = ["honors.HonoursYearPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Trang xếp hạng")
        verbose_name_plural = _("Trang xếp hạng")

    # --- helpers -----------------------------------------------------------------------
    @staticmethod
    def _years():
        from ..services.rankings import available_years

        return available_years()

    def _query(self, request):
        from ..services.rankings import RankingQuery

        years = self._years()
        return RankingQuery.from_params(request.GET, years=years), years

    def profile_url(self, enterprise_id, request=None):
        return self.get_url(request) + self.reverse_subpage("profile", args=[enterprise_id])

    def _rows(self, request):
        from ..services.rankings import export_rows, ranking_result

        query, years = self._query(request)
        result = ranking_result(query)
        base = self.get_url(request)
        rows = export_rows(
            result.page.object_list,
            profile_url=lambda e: base + self.reverse_subpage("profile", args=[e.enterprise_id]),
        )
        return query, years, result, rows

    # --- routes ------------------------------------------------------------------------
    @path("")
    def ranking(self, request):
        from ..services.rankings import RankingQuery
        from ..views.rankings import filter_options, results_html

        options = filter_options()
        years = self._years()
        query = RankingQuery.from_params(request.GET, years=years, areas=options["area"], sectors=options["sector"])
        results, number = results_html(self, request, query)
        if number != query.page:
            query.errors.append(
                gettext_now("Trang %(asked)s không có; đang hiển thị trang %(shown)s.")
                % {"asked": query.page, "shown": number}
            )
        context = self.get_context(request)
        context.update(
            {
                "query": query,
                "years": years,
                "results": results,
                "area_options": options["area"].select(query.area),
                "sector_options": options["sector"].select(query.sector),
                "size_options": options["size"].select(query.size or None),
                "level_options": options["level"].select(query.level),
            }
        )
        return self.render(request, context_overrides=context)

    @staticmethod
    def pillar_codes():
        return [code.upper() for code in PILLARS]

    def export_url(self, request, kind, query):
        from django.utils.http import urlencode

        params = query.params()
        return self.get_url(request) + self.reverse_subpage(kind) + ("?" + urlencode(params) if params else "")

    @path("csv/", name="csv")
    def export_csv(self, request):
        query, _years, result, rows = self._rows(request)
        page = result.page
        # The one export path (core.exports): formula-leading names are escaped.
        return csv_response(
            f"xep-hang-dbi-{query.year}-trang-{page.number}.csv",
            EXPORT_FIELDS,
            ([row.get(name, "") for name in EXPORT_FIELDS] for row in rows),
        )

    @path("json/", name="json")
    def export_json(self, request):
        query, _years, result, rows = self._rows(request)
        page, paginator = result.page, result.paginator
        payload = {
            "year": query.year,
            "framework": query.framework_code,
            "filters": query.params(),
            "page": page.number,
            "pages": paginator.num_pages,
            "count": paginator.count,
            # True when there are more rows than `count` (counted up to COUNT_LIMIT).
            "count_is_lower_bound": result.capped,
            "results": rows,
        }
        return JsonResponse(payload, json_dumps_params={"ensure_ascii": False})

    @path("doanh-nghiep/<int:enterprise_id>/", name="profile")
    def profile(self, request, enterprise_id):
        from assessment_forms.services import pillar_choices

        from .. import integrations
        from ..services.public import awards_for_enterprise
        from ..services.rankings import enterprise_history

        history = enterprise_history(enterprise_id)
        if not history:
            raise Http404
        enterprise = get_object_or_404(Enterprise.objects.select_related("sector", "area"), pk=enterprise_id)
        latest = history[-1]
        context = self.get_context(request)
        context.update(
            {
                "enterprise": enterprise,
                "history": history,
                "latest": latest,
                "chart": pillar_chart(latest, names=dict(pillar_choices())),
                "awards": awards_for_enterprise(enterprise_id),
                "stories": integrations.stories_about(enterprise),
                "back_url": self.get_url(request) + "?year=" + str(latest.year),
            }
        )
        return self.render(request, context_overrides=context, template="honors/enterprise_profile.html")


def pillar_chart(entry, width=320, bar_height=22, gap=10, label_width=44, names=None):
    """Geometry for a server-side SVG bar chart of the six pillar percentages (the template
    writes every coordinate with `|machine`); `names` gives the pillars' names for its text."""
    bars = []
    usable = width - label_width - 48
    for index_, code in enumerate(PILLARS):
        percent = float(getattr(entry, code))
        y = index_ * (bar_height + gap)
        bars.append(
            {
                "code": code.upper(),
                "name": (names or {}).get(code.upper(), ""),
                "percent": percent,
                "level": getattr(entry, f"{code}_level"),
                "y": y,
                "text_y": y + bar_height * 0.7,
                "width": round(usable * percent / 100, 1),
                "value_x": label_width + round(usable * percent / 100, 1) + 6,
            }
        )
    return {
        "width": width,
        "height": len(PILLARS) * (bar_height + gap),
        "bar_height": bar_height,
        "label_width": label_width,
        "usable": usable,
        "bars": bars,
    }


class HonoursYearPage(Page):
    """The honoured enterprises of one year, by category, with citations and photos.
    Created and published when the approved decision is published."""

    cycle = models.ForeignKey(
        "honors.HonoursCycle", verbose_name=_("đợt tôn vinh"), on_delete=models.PROTECT, related_name="pages"
    )
    intro = models.TextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("cycle"), FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["honors.RankingsPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Trang tôn vinh theo năm")
        verbose_name_plural = _("Trang tôn vinh theo năm")

    def get_context(self, request, *args, **kwargs):
        from ..services.public import awards_for_year

        context = super().get_context(request, *args, **kwargs)
        groups = {}
        for award in awards_for_year(self.cycle.year):
            groups.setdefault(award.category, []).append(award)
        context["groups"] = list(groups.items())
        rankings = self.get_parent().specific
        context["profile_base"] = rankings.get_url(request) + "doanh-nghiep/"
        return context
