"""Admin wiring for the registry: snippets with filters, folded search, history and exports."""

from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from core.admin_scope import ScopedViewSetMixin
from core.exports import SafeSpreadsheetExportMixin
from core.folding import FoldedSearchMixin
from core.text import fold_compact as fold

from . import admin_views
from .admin_forms import ClassificationChangeAdminForm, EnterpriseAdminForm, EnterpriseFilterSet, MembershipAdminForm
from .models import AdministrativeUnit, ClassificationChange, Enterprise, EnterpriseMembership, Sector
from .services import send_invitation
from .validators import normalize_tax_code


class EnterpriseIndexView(SafeSpreadsheetExportMixin, IndexView):
    """Search on the folded `search_text` column, so "ca phe" finds "Cà phê", and on tax codes
    typed with spaces or dots."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("sector", "area")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        condition = Q(search_text__icontains=fold(self.search_query))
        code = normalize_tax_code(self.search_query)
        if code.replace("-", "").isdigit():
            condition |= Q(tax_code__startswith=code)
        return queryset.filter(condition)

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.permission_policy.user_has_permission(self.request.user, "add"):  # as the import pages
            buttons.append(
                Button(_("Nhập từ tệp CSV/XLSX"), url=reverse("enterprises_import"), icon_name="upload", priority=80)
            )
        return buttons


class EnterpriseViewSet(SnippetViewSet):
    model = Enterprise
    icon = "group"
    menu_label = _("Doanh nghiệp")
    index_view_class = EnterpriseIndexView
    filterset_class = EnterpriseFilterSet
    search_fields = ["search_text"]
    search_backend_name = None
    list_per_page = 50
    list_display = [
        "name",
        "tax_code",
        Column("sector", label=_("Ngành")),
        Column("area", label=_("Địa bàn")),
        Column("get_size_class_display", label=_("Quy mô")),
        Column("get_status_display", label=_("Trạng thái")),
        UpdatedAtColumn(),
    ]
    list_export = [
        "tax_code",
        "name",
        "name_en",
        "short_name",
        "get_legal_form_display",
        "sector.code",
        "sector.name",
        "area.name",
        "address",
        "founded_year",
        "employees",
        "revenue",
        "capital",
        "figures_year",
        "get_size_class_display",
        "contact_name",
        "email",
        "phone",
        "website",
        "get_status_display",
        "publish_dbi_consent",
    ]
    export_headings = {
        "tax_code": _("Mã số thuế"),
        "name": _("Tên doanh nghiệp"),
        "name_en": _("Tên tiếng Anh"),
        "short_name": _("Tên viết tắt"),
        "get_legal_form_display": _("Loại hình"),
        "sector.code": _("Mã ngành"),
        "sector.name": _("Ngành"),
        "area.name": _("Địa bàn"),
        "address": _("Địa chỉ"),
        "founded_year": _("Năm thành lập"),
        "employees": _("Số lao động"),
        "revenue": _("Doanh thu (triệu đồng)"),
        "capital": _("Nguồn vốn (triệu đồng)"),
        "figures_year": _("Năm số liệu"),
        "get_size_class_display": _("Quy mô"),
        "contact_name": _("Người liên hệ"),
        "email": _("Thư điện tử"),
        "phone": _("Điện thoại"),
        "website": _("Trang web"),
        "get_status_display": _("Trạng thái"),
        "publish_dbi_consent": _("Đồng ý công bố DBI"),
    }
    export_filename = "doanh-nghiep"
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("tax_code"),
                    FieldPanel("name"),
                    FieldRowPanel([FieldPanel("name_en"), FieldPanel("short_name")]),
                    FieldRowPanel([FieldPanel("legal_form"), FieldPanel("status")]),
                    FieldPanel("sector"),
                    FieldRowPanel([FieldPanel("area"), FieldPanel("recorded_on")]),
                    FieldPanel("address"),
                    FieldPanel("founded_year"),
                ],
                heading=_("Thông tin chung"),
            ),
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("employees"), FieldPanel("figures_year")]),
                    FieldRowPanel([FieldPanel("revenue"), FieldPanel("capital")]),
                    FieldPanel("figures_verified"),
                    MultiFieldPanel(
                        [
                            FieldPanel("size_class", read_only=True),
                            FieldPanel("size_basis", read_only=True),
                            FieldPanel("figures_verified_by", read_only=True),
                            FieldPanel("figures_verified_at", read_only=True),
                        ],
                        heading=_("Quy mô theo Nghị định 80/2021/NĐ-CP (tự tính khi lưu)"),
                    ),
                ],
                heading=_("Số liệu và quy mô"),
            ),
            ObjectList(
                [
                    FieldPanel("contact_name"),
                    FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                    FieldPanel("website"),
                    FieldPanel("social_pages"),
                    FieldPanel("publish_dbi_consent"),
                ],
                heading=_("Liên hệ"),
            ),
        ],
        base_form_class=EnterpriseAdminForm,
    )


class MembershipIndexView(FoldedSearchMixin, IndexView):
    """The search ignores diacritics and case."""


class MembershipViewSet(ScopedViewSetMixin, SnippetViewSet):
    # Staff rights (issue 14): members' e-mails reach only users with a right on memberships,
    # in the chooser and the translation API too (core.admin_scope).
    model = EnterpriseMembership
    index_view_class = MembershipIndexView
    icon = "user"
    menu_label = _("Người dùng doanh nghiệp")
    list_display = ["email", "enterprise", Column("get_status_display", label=_("Trạng thái")), "created_at"]
    list_filter = ["status", "origin"]
    search_fields = ["email", "enterprise__name", "enterprise__tax_code"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("enterprise"),
            FieldPanel("email"),
            FieldPanel("position"),
            FieldPanel("status"),
            FieldPanel("resend_invitation"),
            FieldPanel("origin", read_only=True),
            FieldPanel("user", read_only=True),
            FieldPanel("verified_by", read_only=True),
            FieldPanel("verified_at", read_only=True),
            FieldPanel("invitation_sent_at", read_only=True),
        ],
        base_form_class=MembershipAdminForm,
    )


class ClassificationChangeViewSet(SnippetViewSet):
    """Members' requests to change their enterprise's main sector or area (accounts, issue 13)."""

    model = ClassificationChange
    icon = "tasks"
    menu_label = _("Đề nghị đổi ngành, địa bàn")
    list_display = [
        "enterprise",
        Column("sector", label=_("Ngành đề nghị")),
        Column("area", label=_("Địa bàn đề nghị")),
        Column("get_status_display", label=_("Trạng thái")),
        "requested_at",
    ]
    list_filter = ["status"]
    search_fields = ["enterprise__name", "enterprise__tax_code"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("enterprise", read_only=True),
            FieldPanel("sector", read_only=True),
            FieldPanel("area", read_only=True),
            FieldPanel("requested_by", read_only=True),
            FieldPanel("requested_at", read_only=True),
            FieldPanel("status", read_only=True),
            FieldPanel("decision"),
            FieldPanel("note"),
            FieldPanel("decided_by", read_only=True),
            FieldPanel("decided_at", read_only=True),
        ],
        base_form_class=ClassificationChangeAdminForm,
    )


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "list-ul"
    menu_label = _("Ngành kinh tế (VSIC)")
    list_display = ["code", "name", "version", Column("get_size_group_display", label=_("Nhóm quy mô"))]
    list_filter = ["version", "level", "size_group"]
    search_fields = ["code", "name", "name_en"]
    search_backend_name = None


class AdministrativeUnitViewSet(SnippetViewSet):
    model = AdministrativeUnit
    icon = "site"
    menu_label = _("Đơn vị hành chính")
    list_per_page = 100
    list_display = ["name", "code", "level", "parent", "valid_from", "valid_to"]
    # 14,000 units of the whole country: the ones in force before or after 1/7/2025 apart.
    list_filter = ["level", "valid_from", "valid_to"]
    search_fields = ["code", "name", "name_en", "aliases"]
    search_backend_name = None


class RegistryGroup(SnippetViewSetGroup):
    menu_label = _("Doanh nghiệp")
    menu_icon = "group"
    menu_order = 250
    items = (
        EnterpriseViewSet,
        MembershipViewSet,
        ClassificationChangeViewSet,
        SectorViewSet,
        AdministrativeUnitViewSet,
    )


register_snippet(RegistryGroup)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("enterprises/import/", admin_views.UploadView.as_view(), name="enterprises_import"),
        path("enterprises/import/confirm/", admin_views.ConfirmView.as_view(), name="enterprises_import_confirm"),
        path("enterprises/import/cancel/", admin_views.CancelView.as_view(), name="enterprises_import_cancel"),
    ]


@hooks.register("after_create_snippet")
def invite_new_member(request, instance):
    """A membership created in the admin for someone not yet linked is an invitation: e-mail
    it, and revoke the earlier invitations to the same address for the same enterprise."""
    waiting = (EnterpriseMembership.Status.INVITED, EnterpriseMembership.Status.PENDING)
    if isinstance(instance, EnterpriseMembership) and instance.user_id is None and instance.status in waiting:
        EnterpriseMembership.objects.filter(
            enterprise=instance.enterprise,
            email__iexact=instance.email,
            user__isnull=True,
            status=EnterpriseMembership.Status.INVITED,
        ).exclude(pk=instance.pk).update(status=EnterpriseMembership.Status.REVOKED)
        instance.status = EnterpriseMembership.Status.INVITED
        instance.origin = EnterpriseMembership.Origin.INVITATION
        instance.invited_by = request.user
        instance.save(update_fields=["status", "origin", "invited_by"])
        send_invitation(instance, request)
