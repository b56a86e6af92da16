"""Admin page for importing the province's business registry lists: upload → dry run → confirm."""

import csv
import uuid
import zipfile
from pathlib import Path

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.uploads import UploadRefused, check_spreadsheet, staging_storage, unstage

from .importing import COLUMNS, import_file
from .importing.readers import UnsupportedFile, file_kind

SALT = "enterprises.import"


AREA = "enterprise-imports"


def _storage():
    # Uploaded lists wait in private storage (never under /media/) between the dry run and
    # the confirmation; deleted on confirmation, cancellation or after a day (core.uploads).
    return staging_storage(AREA)


def _run(path, name, **kwargs):
    """The import, with a damaged or hostile file reported instead of a 500."""
    try:
        return import_file(path, name, **kwargs), None
    except (csv.Error, UnicodeError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        return None, _("Không đọc được tệp: %(error)s") % {"error": str(exc)[:200]}


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Tệp danh sách doanh nghiệp (CSV hoặc XLSX)"))
    on_date = forms.DateField(
        label=gettext_lazy("Ngày của danh sách"),
        required=False,
        help_text=gettext_lazy("Xác định đơn vị hành chính áp dụng; để trống là hôm nay."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            file_kind(upload.name)
            # Size, rows, field length, NUL, uncompressed size: checked before any parser runs.
            check_spreadsheet(upload, upload.name)
        except (UnsupportedFile, UploadRefused) as exc:
            raise forms.ValidationError(str(exc))
        return upload


def _check(request):
    if not request.user.has_perm("enterprises.add_enterprise"):
        raise PermissionDenied


def import_upload(request):
    _check(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    context = {"form": form, "columns": list(COLUMNS.values())}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        suffix = Path(upload.name).suffix.lower()
        stored = _storage().save(f"{uuid.uuid4().hex}{suffix}", upload)
        on_date = form.cleaned_data["on_date"]
        report, error = _run(_storage().path(stored), upload.name, commit=False, on_date=on_date)
        if error:
            _storage().delete(stored)
            form.add_error("file", error)
            return TemplateResponse(request, "enterprises/admin/import.html", context)
        token = signing.dumps(
            {"file": stored, "name": upload.name, "on": on_date.isoformat() if on_date else None}, salt=SALT
        )
        context.update({"report": report, "token": token if report.ok else None})
        if not report.ok:
            _storage().delete(stored)
    return TemplateResponse(request, "enterprises/admin/import.html", context)


@require_POST
def import_confirm(request):
    _check(request)
    try:
        data = signing.loads(request.POST.get("token", ""), salt=SALT, max_age=3600)
    except signing.BadSignature:
        messages.error(request, _("Phiên nhập đã hết hạn. Vui lòng tải tệp lên lại."))
        return redirect("enterprises_import")
    storage = _storage()
    if not storage.exists(data["file"]):
        # Already imported (a second click) or cleaned up.
        messages.info(request, _("Tệp này đã được xử lý."))
        return redirect("wagtailsnippets_enterprises_enterprise:list")
    report, error = _run(storage.path(data["file"]), data["name"], commit=True, on_date=data["on"])
    storage.delete(data["file"])
    if error:
        messages.error(request, error)
        return redirect("enterprises_import")
    if report.written:
        messages.success(
            request,
            _("Đã nhập %(created)d doanh nghiệp mới và cập nhật %(updated)d doanh nghiệp.")
            % {"created": report.counts["created"], "updated": report.counts["updated"]},
        )
        return redirect("wagtailsnippets_enterprises_enterprise:list")
    return TemplateResponse(
        request, "enterprises/admin/import.html", {"form": UploadForm(), "report": report, "token": None}
    )


@require_POST
def import_cancel(request):
    """Drop a staged list the editor decided not to import."""
    _check(request)
    try:
        data = signing.loads(request.POST.get("token", ""), salt=SALT, max_age=3600 * 24)
    except signing.BadSignature:
        return redirect("enterprises_import")
    unstage(AREA, data["file"])
    messages.info(request, _("Đã hủy lần nhập này; tệp đã được xóa."))
    return redirect("enterprises_import")
