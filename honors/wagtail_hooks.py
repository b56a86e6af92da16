"""Admin wiring: snippets for cycles, nominations, decisions and certificates; the jury's
views; audit-log action names."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Certificate, HonoursCycle, HonoursDecision, Nomination, RankingEntry
from .views import jury


class CycleViewSet(SnippetViewSet):
    model = HonoursCycle
    icon = "calendar"
    menu_label = _("Đợt tôn vinh")
    list_display = ["title", "year", "results_year", "nominations_open", "nominations_close", "published"]
    search_fields = ["title"]


class NominationViewSet(SnippetViewSet):
    model = Nomination
    icon = "user"
    menu_label = _("Đề cử và sơ tuyển")
    list_display = ["enterprise", "category", "source", "status", "dbi_total", "dbi_level"]
    list_filter = ["status", "source", "category__cycle"]
    list_export = ["enterprise", "category", "source", "status", "screening_note", "dbi_total", "dbi_level"]
    search_fields = ["statement", "nominator_organisation"]


class DecisionViewSet(SnippetViewSet):
    model = HonoursDecision
    icon = "tick-inverse"
    menu_label = _("Quyết định tôn vinh")
    list_display = ["__str__", "live", "first_published_at"]


class CertificateViewSet(SnippetViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = _("Giấy chứng nhận")
    list_display = ["enterprise_name", "category_name", "year", "issued_at", "revoked_at"]
    list_filter = ["year"]
    search_fields = ["enterprise_name"]
    panels = ["revoked_at", "revoked_reason"]


class RankingEntryViewSet(SnippetViewSet):
    model = RankingEntry
    icon = "list-ol"
    menu_label = _("Bảng xếp hạng (dữ liệu)")
    list_display = ["rank", "name", "year", "total", "level", "consent"]
    list_filter = ["year", "consent", "level"]
    list_export = ["rank", "name", "year", "total", "level", "pillars_at_level", "verified_at", "consent"]
    inspect_view_enabled = True


class HonoursGroup(ViewSetGroup):
    menu_label = _("Tôn vinh")
    menu_icon = "pick"
    menu_order = 250
    items = (CycleViewSet, NominationViewSet, DecisionViewSet, CertificateViewSet, RankingEntryViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return HonoursGroup()


admin_urls = (
    [
        path("", jury.my_categories, name="jury"),
        path("de-cu/<int:pk>/", jury.nominee, name="nominee"),
        path("de-cu/<int:pk>/xung-dot/", jury.declare_conflict, name="conflict"),
        path("hang-muc/<int:pk>/tong-hop/", jury.committee, name="committee"),
        path("dot/<int:pk>/de-cu-tu-dong/", jury.run_auto_nominate, name="auto_nominate"),
        path("dot/<int:pk>/de-xuat/", jury.propose, name="propose"),
    ],
    "honors_admin",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("honors/jury/", include(admin_urls))]


class JuryMenuItem(MenuItem):
    def is_shown(self, request):
        from .services.jury import COMMITTEE_PERMISSION, juror_categories

        return request.user.has_perm(COMMITTEE_PERMISSION) or juror_categories(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_jury_menu_item():
    return JuryMenuItem(_("Hội đồng chấm"), reverse("honors_admin:jury"), icon_name="group", order=251)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("honors.auto_nominate", _("Đề cử tự động"), _("Đề cử tự động từ kết quả DBI"))
    actions.register_action("honors.nominate", _("Nhận đề cử"), _("Nhận hồ sơ đề cử"))
    actions.register_action("honors.screen", _("Sơ tuyển"), _("Sơ tuyển đề cử"))
    actions.register_action("honors.conflict", _("Khai báo xung đột"), _("Khai báo xung đột lợi ích"))
    actions.register_action("honors.score", _("Chấm điểm"), _("Chấm điểm đề cử"))
    actions.register_action("honors.propose", _("Đề xuất danh sách"), _("Hội đồng đề xuất danh sách tôn vinh"))
    actions.register_action("honors.publish", _("Công bố tôn vinh"), _("Công bố danh sách tôn vinh"))
    actions.register_action("honors.certificate_issue", _("Cấp chứng nhận"), _("Cấp giấy chứng nhận"))
    actions.register_action("honors.certificate_revoke", _("Thu hồi chứng nhận"), _("Thu hồi giấy chứng nhận"))
