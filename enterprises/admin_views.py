"""Admin pages for importing the province's business registry lists: upload → dry run → confirm.

The pages are the site's generic import views (`core.admin_import`, on Wagtail's generic
views), guarded by the enterprise model's permission policy: adding enterprises."""

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.permission_policies import ModelPermissionPolicy

from core.admin_import import ImportCancelView, ImportConfirmView, ImportUploadView, StagedImportMixin, UploadForm
from core.importing import ImportReport

from .importing import EnterpriseImporter, import_file
from .models import Enterprise

AREA = "enterprise-imports"


class EnterpriseUploadForm(UploadForm):
    on_date = forms.DateField(
        label=gettext_lazy("Ngày của danh sách"),
        required=False,
        help_text=gettext_lazy("Xác định đơn vị hành chính áp dụng; để trống là hôm nay."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def options(self) -> dict[str, Any]:
        on_date = self.cleaned_data["on_date"]
        return {"on": on_date.isoformat() if on_date else None}


class EnterpriseImport(StagedImportMixin):
    permission_policy = ModelPermissionPolicy(Enterprise)
    permission_required = "add"
    area = AREA
    salt = "enterprises.import"
    form_class = EnterpriseUploadForm
    importer_class = EnterpriseImporter
    file_label = gettext_lazy("Tệp danh sách doanh nghiệp (CSV hoặc XLSX)")
    page_title = gettext_lazy("Nhập danh sách doanh nghiệp")
    upload_url_name = "enterprises_import"
    confirm_url_name = "enterprises_import_confirm"
    cancel_url_name = "enterprises_import_cancel"
    done_url_name = "wagtailsnippets_enterprises_enterprise:list"

    def run(self, path: str, name: str, commit: bool, options: dict[str, Any]) -> ImportReport:
        return import_file(path, name, commit=commit, on_date=options.get("on"))

    def done_message(self, report: ImportReport) -> str:
        return _("Đã nhập %(created)d doanh nghiệp mới và cập nhật %(updated)d doanh nghiệp.") % {
            "created": report.counts["created"],
            "updated": report.counts["updated"],
        }


class UploadView(EnterpriseImport, ImportUploadView):
    pass


class ConfirmView(EnterpriseImport, ImportConfirmView):
    pass


class CancelView(EnterpriseImport, ImportCancelView):
    pass
