from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search import admin_urls
from search.admin_views import can_see_search_terms, can_see_translation_status


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("dx-search/", include(admin_urls, namespace="search_admin"))]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_translation_status(request.user)


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        # Superusers already see Wagtail's own entry.
        return can_see_search_terms(request.user) and not request.user.is_superuser


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Tình trạng bản dịch"),
        reverse("search_admin:translation_status"),
        name="translation-status",
        icon_name="globe",
        order=1400,
    )


@hooks.register("register_reports_menu_item")
def register_search_terms_menu_item():
    return SearchTermsMenuItem(
        _("Từ khóa tìm kiếm"),
        reverse("search_admin:search_terms"),
        name="programme-search-terms",
        icon_name="search",
        order=1310,
    )
