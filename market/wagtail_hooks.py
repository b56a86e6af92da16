"""The catalogue and the board in the admin: programme editors approve listings and moderate."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.exports import SafeExportViewSetMixin

from .models import ContactRequest, Post, Provider, Solution


class ProviderViewSet(SnippetViewSet):
    model = Provider
    icon = "group"
    menu_label = _("Nhà cung cấp")
    list_display = ["name", "tax_code", "make_in_vietnam", "status"]
    list_filter = ["status", "make_in_vietnam"]
    search_fields = ["name", "tax_code"]
    panels = [
        FieldPanel("name"),
        FieldPanel("tax_code"),
        FieldPanel("website"),
        FieldPanel("contact_email"),
        FieldPanel("contact_phone"),
        FieldPanel("make_in_vietnam"),
        FieldPanel("description"),
        FieldPanel("owners"),
        FieldPanel("status"),
    ]


class SolutionViewSet(SafeExportViewSetMixin, SnippetViewSet):
    model = Solution
    icon = "cogs"
    menu_label = _("Giải pháp")
    list_display = ["name", "provider", "category", "status", "updated_at"]
    list_filter = ["status", "category", "has_trial", "is_platform"]
    search_fields = ["name", "search_text"]
    list_export = ["name", "provider", "category", "status", "price_min", "price_max"]


class PostViewSet(SnippetViewSet):
    model = Post
    icon = "list-ul"
    menu_label = _("Tin cung cầu")
    list_display = ["title", "kind", "enterprise", "status", "expires_at"]
    list_filter = ["status", "kind"]
    search_fields = ["title", "description"]


class ContactRequestViewSet(SnippetViewSet):
    model = ContactRequest
    icon = "mail"
    menu_label = _("Yêu cầu liên hệ")
    list_display = ["name", "post", "created_at"]
    inspect_view_enabled = True


class MarketGroup(SnippetViewSetGroup):
    menu_label = _("Kết nối thị trường")
    menu_icon = "site"
    menu_order = 260
    items = (ProviderViewSet, SolutionViewSet, PostViewSet, ContactRequestViewSet)


register_snippet(MarketGroup)


@hooks.register("register_admin_urls")
def register_pending_changes_urls():
    from . import admin_views

    return [
        path(
            "market/thay-doi/",
            include(
                (
                    [
                        path("", admin_views.pending, name="pending"),
                        path("<str:model>/<int:pk>/", admin_views.decide, name="decide"),
                    ],
                    "market_admin",
                ),
                namespace="market_admin",
            ),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_pending_changes_menu_item():
    from django.urls import reverse
    from wagtail.admin.menu import MenuItem

    class PendingChangesMenuItem(MenuItem):
        def is_shown(self, request):
            return request.user.has_perm("market.change_solution")

    return PendingChangesMenuItem(
        _("Thay đổi niêm yết chờ duyệt"), reverse("market_admin:pending"), icon_name="cogs", order=262
    )
