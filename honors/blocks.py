"""Blocks other apps can place on their pages (the lead wires them into the home page)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class LatestHonoursBlock(blocks.StructBlock):
    """The latest honoured enterprises, newest cycle first, linking to the year's page."""

    heading = blocks.CharBlock(
        label=_("Tiêu đề mục"), max_length=120, required=False, default=_("Doanh nghiệp tiêu biểu")
    )
    limit = blocks.IntegerBlock(label=_("Số doanh nghiệp"), min_value=1, max_value=12, default=6)

    class Meta:
        icon = "pick"
        label = _("Doanh nghiệp được tôn vinh")
        template = "honors/blocks/latest_honours.html"
        description = _("Các doanh nghiệp chuyển đổi số được tôn vinh gần nhất.")
        preview_value = {"heading": "Doanh nghiệp tiêu biểu", "limit": 3}

    def get_context(self, value, parent_context=None):
        from .models import HonoursYearPage
        from .services import latest_honoured

        context = super().get_context(value, parent_context=parent_context)
        awards = latest_honoured(limit=value.get("limit") or 6)
        context["awards"] = awards
        years = {award.decision.cycle.year for award in awards}
        pages = HonoursYearPage.objects.live().public().filter(cycle__year__in=years)
        request = (parent_context or {}).get("request")
        language = getattr(request, "LANGUAGE_CODE", None)
        if language:
            pages = pages.filter(locale__language_code=language)
        context["year_pages"] = {page.cycle_id: page for page in pages}
        return context
