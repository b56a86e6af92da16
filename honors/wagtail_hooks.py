"""Admin wiring: snippets for cycles, nominations, decisions and certificates; the jury's
views; audit-log action names."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_scope import ScopedViewSetMixin
from core.exports import SafeExportViewSetMixin
from core.policies import ActionPermissionPolicy

from .admin_forms import CertificateForm, CycleForm, DecisionForm, NominationScreeningForm
from .models import Certificate, ConflictDeclaration, HonoursCycle, HonoursDecision, Nomination, RankingEntry
from .panels import PublicNominationsPanel
from .permissions import evidence_policy, jury_policy
from .views import jury

ALL_RANKINGS_PERMISSION = "honors.view_all_rankingentry"


class CycleViewSet(ScopedViewSetMixin, SnippetViewSet):
    """Set-up of a cycle: programme editors only (the committee reads it); frozen once scoring
    opens unless a reason is given (CycleForm)."""

    model = HonoursCycle
    icon = "calendar"
    menu_label = _("Đợt tôn vinh")
    list_display = ["title", "year", "results_year", "nominations_open", "nominations_close", "phase_label"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [*HonoursCycle.panels, FieldPanel("change_reason")],
        base_form_class=CycleForm,
    )


class NoAddPolicy(ActionPermissionPolicy):
    """Nominations come from the public form (nomination phase) and automatic nomination;
    nobody adds one by hand in the admin, whatever the phase."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


class EvidencePanel(Panel):
    """The evidence files, each through the rights-checked view, for whoever screens."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "honors/admin/evidence_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            files = list(self.instance.evidence.all()) if self.instance.pk else []
            user = self.request.user
            context["files"] = [f for f in files if evidence_policy.user_has_permission_for_instance(user, "view", f)]
            return context


class NominationViewSet(SafeExportViewSetMixin, ScopedViewSetMixin, SnippetViewSet):
    """Screening. A juror who declared a conflict with a nomination never reaches it here:
    not in the listing or its export, not its edit, history, usage or chooser (404)."""

    model = Nomination
    icon = "user"
    menu_label = _("Đề cử và sơ tuyển")
    list_display = ["enterprise", "category", "source", "status", "dbi_total", "dbi_level"]
    list_filter = ["status", "source", "category__cycle"]
    list_export = ["enterprise", "category", "source", "status", "screening_note", "dbi_total", "dbi_level"]
    search_fields = ["statement", "nominator_organisation"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("category", read_only=True), FieldPanel("enterprise", read_only=True)]),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("dbi_year", read_only=True),
                            FieldPanel("dbi_total", read_only=True),
                            FieldPanel("dbi_level", read_only=True),
                            FieldPanel("dbi_improvement", read_only=True),
                        ]
                    ),
                ],
                heading=_("Kết quả DBI đã thẩm định tại thời điểm đề cử"),
            ),
            MultiFieldPanel([FieldPanel("status"), FieldPanel("screening_note")], heading=_("Sơ tuyển")),
            MultiFieldPanel(
                [
                    FieldPanel("source", read_only=True),
                    FieldPanel("nominator_name", read_only=True),
                    FieldPanel("nominator_organisation", read_only=True),
                    FieldPanel("nominator_email", read_only=True),
                    FieldPanel("statement", read_only=True),
                    EvidencePanel(heading=_("Minh chứng")),
                ],
                heading=_("Hồ sơ đề cử"),
            ),
            # Every public nomination of this candidacy, side by side (engineer "abuse").
            PublicNominationsPanel(heading=_("Các hồ sơ đề cử công khai")),
        ],
        base_form_class=NominationScreeningForm,
    )

    @property
    def permission_policy(self):
        return NoAddPolicy(self.model)

    def scope(self, request, queryset):
        # A primary-key subquery, not exclude() across the relation: the admin search runs
        # through the search backend, which cannot read the NOT EXISTS that exclude() builds
        # (an HTTP 500 on every search of the listing).
        conflicted = ConflictDeclaration.objects.filter(juror=request.user).values("nomination_id")
        return queryset.exclude(pk__in=conflicted)


class DecisionViewSet(ScopedViewSetMixin, SnippetViewSet):
    """The decision: only a cycle whose scoring has closed, only its own categories; published
    only by the approval workflow (nobody holds the publish right; a superuser's direct
    publication is written to the audit trail)."""

    model = HonoursDecision
    icon = "tick-inverse"
    menu_label = _("Quyết định tôn vinh")
    list_display = ["__str__", "live", "first_published_at"]
    edit_handler = ObjectList(HonoursDecision.panels, base_form_class=DecisionForm)


class CertificateViewSet(ScopedViewSetMixin, SnippetViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = _("Giấy chứng nhận")
    list_display = ["enterprise_name", "category_name", "year", "issued_at", "revoked_at"]
    list_filter = ["year"]
    search_fields = ["enterprise_name"]
    edit_handler = ObjectList([FieldPanel("revoked_at"), FieldPanel("revoked_reason")], base_form_class=CertificateForm)


class RankingEntryViewSet(SafeExportViewSetMixin, ScopedViewSetMixin, SnippetViewSet):
    """The ranking's read model. Rows of enterprises that did not consent to publication never
    leave the programme editors (listing, export, inspect, chooser, translation API)."""

    model = RankingEntry
    icon = "list-ol"
    menu_label = _("Bảng xếp hạng (dữ liệu)")
    list_display = ["rank", "name", "year", "total", "level", "consent"]
    list_filter = ["year", "consent", "level"]
    list_export = ["rank", "name", "year", "total", "level", "pillars_at_level", "verified_at", "consent"]
    inspect_view_enabled = True

    def scope(self, request, queryset):
        if request.user.has_perm(ALL_RANKINGS_PERMISSION):
            return queryset
        return queryset.filter(consent=True)


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
        path("", jury.MyCategoriesView.as_view(), name="jury"),
        path("de-cu/<int:pk>/", jury.NomineeView.as_view(), name="nominee"),
        path("de-cu/<int:pk>/xung-dot/", jury.DeclareConflictView.as_view(), name="conflict"),
        path("hang-muc/<int:pk>/tong-hop/", jury.CommitteeView.as_view(), name="committee"),
        path("dot/<int:pk>/de-cu-tu-dong/", jury.AutoNominateView.as_view(), name="auto_nominate"),
        path("dot/<int:pk>/de-xuat/", jury.ProposeView.as_view(), name="propose"),
        path("minh-chung/<int:pk>/", jury.EvidenceView.as_view(), name="evidence"),
    ],
    "honors_admin",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("honors/jury/", include(admin_urls))]


class JuryMenuItem(MenuItem):
    def is_shown(self, request):
        return jury_policy.user_has_permission(request.user, "jury")


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
