"""A block that stories and event pages embed: matching offers from the board."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class MatchingOffersBlock(blocks.StructBlock):
    """Newest approved offers on the supply–demand board, optionally of one sector."""

    heading = blocks.CharBlock(label=_("Tiêu đề"), required=False, default=_("Sản phẩm đang chào bán"))
    sector = blocks.CharBlock(label=_("Mã ngành (VSIC)"), required=False, max_length=10)
    limit = blocks.IntegerBlock(label=_("Số tin"), default=4, min_value=1, max_value=12)

    class Meta:
        icon = "list-ul"
        label = _("Tin chào bán phù hợp")
        template = "market/blocks/matching_offers.html"
        description = _("Các tin chào bán mới nhất trên bảng kết nối cung cầu, lọc theo ngành.")
        preview_value = {"heading": "Sản phẩm đang chào bán", "sector": "", "limit": 3}

    def get_context(self, value, parent_context=None):
        from .services import matching_offers

        context = super().get_context(value, parent_context)
        context["offers"] = matching_offers(value.get("sector") or "", value.get("limit") or 4)
        return context
