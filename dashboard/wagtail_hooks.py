"""Admin wiring: the annual report snippet, with XLSX/PDF export buttons and URLs."""

from django.contrib.auth.decorators import permission_required
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import HeaderButton, ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet

from core.admin_scope import ScopedViewSetMixin

from .models import AnnualReport
from .views import report_download

EXPORT_PERMISSION = "dashboard.view_annualreport"


def export_buttons(report, button_class):
    return [
        button_class(
            _("Xuất %(format)s") % {"format": fmt.upper()},
            url=reverse("dashboard_report", args=[report.year, fmt]),
            icon_name="download",
            priority=90 + index,
        )
        for index, fmt in enumerate(("xlsx", "pdf"))
    ]


class ReportIndexView(IndexView):
    def get_list_buttons(self, instance):
        return super().get_list_buttons(instance) + export_buttons(instance, ListingButton)


class ReportEditView(EditView):
    @property
    def header_buttons(self):
        return super().header_buttons + export_buttons(self.object, HeaderButton)


class AnnualReportViewSet(ScopedViewSetMixin, SnippetViewSet):
    # Staff rights (issue 14): the unpublished report is chosen only by those with a right on it.
    model = AnnualReport
    icon = "doc-full"
    menu_label = _("Báo cáo năm")
    menu_order = 400
    add_to_admin_menu = True
    list_display = ["display_title", "year", "updated_at"]
    search_fields = ["title"]
    index_view_class = ReportIndexView
    edit_view_class = ReportEditView


register_snippet(AnnualReportViewSet)


@hooks.register("register_admin_urls")
def report_urls():
    view = permission_required(EXPORT_PERMISSION, raise_exception=True)(report_download)
    return [path("dashboard/bao-cao/<int:year>/<str:fmt>/", view, name="dashboard_report")]
