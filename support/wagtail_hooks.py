"""Admin wiring of the support desk: the coordinators' queue (a generic ModelViewSet limited
to what each user may see), the consultant network and reference data as snippets, the
manage page of a request, a consultant's own profile and the review of their changes."""

from django import forms
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.exports import SafeExportViewSetMixin
from core.policies import ActionPermissionPolicy

from . import admin_views, services
from .admin_forms import ConsultantAdminForm, RequestFilterSet
from .models import Consultant, ConsultingOrganisation, PublicHoliday, ResponseTarget, SupportRequest, Topic


class RequestPermissionPolicy(ActionPermissionPolicy):
    """Requests come only from the public form and change only through the lifecycle's
    transitions (manage page), never through a generic add/edit/delete form."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        return services.requests_for(user) if "view" in actions else SupportRequest.objects.none()


class QueueIndexView(IndexView):
    def get_base_queryset(self):
        return (
            services.requests_for(self.request.user)
            .select_related("topic", "area", "consultant")
            .order_by("-created_at", "-pk")
        )

    def get_edit_url(self, instance):
        return reverse("support_request:manage", args=[instance.pk])


class FastColumn(Column):
    """A cell rendered without a template: the queue lists 30 rows of 8 columns, and Wagtail's
    per-cell templates were most of the page's time at 100,000 requests."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        return format_html("<td>{}</td>", "" if value is None else value)


class ReferenceColumn(FastColumn):
    def get_value(self, instance):
        return format_html(
            '<a href="{}">{}</a>', reverse("support_request:manage", args=[instance.pk]), instance.reference
        )


class SupportRequestViewSet(SafeExportViewSetMixin, ModelViewSet):
    model = SupportRequest
    icon = "help"
    menu_label = _("Yêu cầu hỗ trợ")
    menu_order = 265
    add_to_admin_menu = True
    url_prefix = "support/requests"
    name = "support_request"
    index_view_class = QueueIndexView
    permission_policy = RequestPermissionPolicy(SupportRequest)
    filterset_class = RequestFilterSet
    list_display = [
        ReferenceColumn("reference", label=_("Mã")),
        FastColumn("enterprise_name", label=_("Doanh nghiệp")),
        FastColumn("topic", label=_("Chủ đề")),
        FastColumn("area", label=_("Địa bàn")),
        FastColumn("consultant", label=_("Chuyên gia")),
        FastColumn("queue_status", label=_("Trạng thái")),
        FastColumn("created_display", label=_("Gửi lúc"), sort_key="created_at"),
        FastColumn("due_display", label=_("Hạn")),
    ]
    search_fields = ["reference", "enterprise_name", "tax_code", "contact_name"]
    search_backend_name = None
    list_per_page = 30
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["refusal_reason"]
    list_export = [
        "reference",
        "tax_code",
        "enterprise_name",
        "topic",
        "area",
        "get_status_display",
        "consultant",
        "created_at",
        "first_response_due",
        "first_response_at",
        "resolved_at",
        "rating",
    ]
    export_filename = "yeu-cau-ho-tro"

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/manage/", admin_views.manage, name="manage"),
            path("<int:pk>/file/<int:file_pk>/", admin_views.attachment, name="attachment"),
        ]


class ConsultantForm(ConsultantAdminForm):
    pillar_codes = forms.MultipleChoiceField(label=_("Chuyên môn theo trụ cột DBI"), required=False)
    languages = forms.MultipleChoiceField(label=_("Ngôn ngữ"), required=False)


class PendingColumn(Column):
    def get_value(self, instance):
        if instance.pending_since:
            return format_html(
                '<a href="{}">{}</a>', reverse("support_profile_review", args=[instance.pk]), _("Có thay đổi chờ duyệt")
            )
        return ""


class ConsultantViewSet(SnippetViewSet):
    model = Consultant
    icon = "user"
    menu_label = _("Chuyên gia tư vấn")
    list_display = [
        "name",
        "organisation",
        Column("get_status_display", label=_("Trạng thái duyệt")),
        Column("get_availability_display", label=_("Khả năng nhận việc")),
        PendingColumn("pending_since", label=_("Hồ sơ tự sửa")),
    ]
    list_filter = ["status", "availability", "network_member", "topics"]
    search_fields = ["name", "search_text"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("name"), FieldPanel("honorific")]),
            FieldPanel("slug"),
            FieldRowPanel([FieldPanel("job_title"), FieldPanel("organisation")]),
            FieldPanel("photo"),
            FieldPanel("biography"),
            MultiFieldPanel(
                [
                    FieldPanel("pillar_codes"),
                    FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("sectors"),
                    InlinePanel("areas", label=_("Địa bàn phục vụ")),
                ],
                heading=_("Chuyên môn và địa bàn"),
            ),
            FieldPanel("languages"),
            FieldRowPanel([FieldPanel("network_member"), FieldPanel("network_reference")]),
            FieldPanel("certifications"),
            FieldRowPanel([FieldPanel("availability"), FieldPanel("capacity")]),
            MultiFieldPanel(
                [
                    FieldPanel("user"),
                    FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                    FieldPanel("language"),
                ],
                heading=_("Liên hệ (không công khai)"),
            ),
            FieldPanel("status"),
        ],
        base_form_class=ConsultantForm,
    )


class OrganisationViewSet(SnippetViewSet):
    model = ConsultingOrganisation
    icon = "group"
    menu_label = _("Tổ chức tư vấn")
    list_display = [
        "name",
        Column("get_kind_display", label=_("Loại")),
        Column("get_status_display", label=_("Trạng thái duyệt")),
    ]
    list_filter = ["status", "kind", "network_member"]
    search_fields = ["name", "search_text"]
    search_backend_name = None
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldRowPanel([FieldPanel("network_member"), FieldPanel("network_reference")]),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("sectors"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("status"),
    ]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Chủ đề hỗ trợ")
    list_display = ["name", "name_en", "slug", "order"]


class TargetViewSet(SnippetViewSet):
    model = ResponseTarget
    icon = "time"
    menu_label = _("Chỉ tiêu thời gian")
    list_display = ["__str__", "first_response_days", "resolution_days"]


class HolidayViewSet(SnippetViewSet):
    model = PublicHoliday
    icon = "date"
    menu_label = _("Ngày nghỉ lễ")
    list_display = ["date", "name"]
    list_per_page = 100


class NetworkGroup(SnippetViewSetGroup):
    menu_label = _("Mạng lưới tư vấn")
    menu_icon = "group"
    menu_order = 266
    items = (ConsultantViewSet, OrganisationViewSet, TopicViewSet, TargetViewSet, HolidayViewSet)


register_snippet(NetworkGroup)


@hooks.register("register_admin_viewset")
def register_queue():
    return SupportRequestViewSet()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("support/my-profile/", admin_views.own_profile, name="support_own_profile"),
        path("support/profile-review/<int:pk>/", admin_views.profile_review, name="support_profile_review"),
    ]


class OwnProfileMenuItem(MenuItem):
    def is_shown(self, request):
        return Consultant.objects.filter(user_id=request.user.pk).exists()


@hooks.register("register_admin_menu_item")
def own_profile_menu_item():
    return OwnProfileMenuItem(
        _("Hồ sơ chuyên gia của tôi"), reverse("support_own_profile"), icon_name="user", order=267
    )


@hooks.register("insert_global_admin_css")
def overdue_css():
    return format_html(
        "<style>{}</style>",
        ".support-overdue{background:#b3261e;color:#fff;border-radius:3px;padding:0 .3em;font-weight:600}"
        ".support-internal{border-left:4px solid #b8860b;background:#fff8e1}",
    )
