"""The admin's import pages, for every client of the import engine (`core.importing`):
upload → dry run (the report, one template) → confirm or cancel.

An app subclasses the three views with a `StagedImportMixin` that says which permission
policy and action guard them, where uploads wait (`area`), how the engine is run (`run`)
and which URL names its pages have. The uploaded file waits in private storage
(`core.uploads`, never under MEDIA_ROOT) between the dry run and the confirmation, named in a
signed token (1 hour to confirm, a day to cancel); it is deleted on confirmation, on
cancellation, and by `manage.py purge_staged_uploads` after a day. A second click on
"confirm" changes nothing.
"""

from __future__ import annotations

import csv
import zipfile
from typing import Any

from django import forms
from django.contrib import messages
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic import PermissionCheckedMixin, WagtailAdminTemplateMixin

from .importing import Importer, ImportReport, UnsupportedFile, file_kind
from .uploads import UploadRefused, check_spreadsheet, stage, staging_storage, unstage

CONFIRM_MAX_AGE = 3600
CANCEL_MAX_AGE = 3600 * 24


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Tệp (CSV hoặc XLSX)"))

    def __init__(self, *args: Any, file_label: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if file_label:
            self.fields["file"].label = file_label

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        try:
            file_kind(upload.name)
            # Size, rows, field length, NUL, uncompressed size: checked before any parser runs.
            check_spreadsheet(upload, upload.name)
        except (UnsupportedFile, UploadRefused) as exc:
            raise forms.ValidationError(str(exc))
        return upload

    def options(self) -> dict[str, Any]:
        """The form's choices that the confirmation needs again (signed into the token, so
        JSON values only)."""
        return {}


class StagedImportMixin(PermissionCheckedMixin):
    """Configuration shared by an app's three import views."""

    permission_required = "add"
    area = ""  # the staging area (core.uploads)
    salt = ""  # of the signed token
    form_class: type[UploadForm] = UploadForm
    file_label: Any = None
    upload_url_name = ""
    confirm_url_name = ""
    cancel_url_name = ""
    done_url_name = ""  # where a finished import leads (the imported objects' listing)
    template_name: str | None = "core/admin/import.html"
    header_icon = "upload"
    request: HttpRequest

    importer_class: type[Importer[Any]] = Importer

    def headings(self) -> list[str]:
        """The documented columns, listed under the upload form."""
        return list(self.importer_class.headings)

    def run(self, path: str, name: str, commit: bool, options: dict[str, Any]) -> ImportReport:
        raise NotImplementedError

    def done_message(self, report: ImportReport) -> str:
        return _("Đã nhập %(created)d dòng mới và cập nhật %(updated)d dòng.") % {
            "created": report.counts["created"],
            "updated": report.counts["updated"],
        }

    def get_form(self, data: Any = None, files: Any = None) -> UploadForm:
        return self.form_class(data, files, file_label=self.file_label)

    def run_safely(self, path: str, name: str, commit: bool, options: dict[str, Any]) -> ImportReport | str:
        """The import's report, or a message for a damaged or hostile file instead of a 500."""
        try:
            return self.run(path, name, commit, options)
        except (csv.Error, UnicodeError, ValueError, KeyError, zipfile.BadZipFile) as exc:
            return _("Không đọc được tệp: %(error)s") % {"error": str(exc)[:200]}

    def read_token(self, max_age: int) -> dict[str, Any] | None:
        try:
            return signing.loads(self.request.POST.get("token", ""), salt=self.salt, max_age=max_age)
        except signing.BadSignature:
            return None


class ImportPageMixin(StagedImportMixin, WagtailAdminTemplateMixin):
    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "columns": self.headings(),
                "key_label": self.importer_class.key_label,
                "upload_url": reverse(self.upload_url_name),
                "confirm_url": reverse(self.confirm_url_name),
                "cancel_url": reverse(self.cancel_url_name),
            }
        )
        context.setdefault("token", None)
        return context


class ImportUploadView(ImportPageMixin, TemplateView):
    """GET: the upload form. POST: stage the file, run the dry run, show the report; a clean
    report offers "confirm" (the signed token) and "cancel"."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.get_form(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        upload = form.cleaned_data["file"]
        options = form.options()
        staged = stage(self.area, upload, upload.name)
        report = self.run_safely(staging_storage(self.area).path(staged), upload.name, False, options)
        if isinstance(report, str):
            unstage(self.area, staged)
            form.add_error("file", report)
            return self.render_to_response(self.get_context_data(form=form))
        token = None
        if report.ok:
            token = signing.dumps({"file": staged, "name": upload.name, **options}, salt=self.salt)
        else:
            unstage(self.area, staged)
        return self.render_to_response(self.get_context_data(form=form, report=report, token=token))


class ImportConfirmView(ImportPageMixin, TemplateView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        data = self.read_token(CONFIRM_MAX_AGE)
        if data is None:
            messages.error(request, _("Phiên nhập đã hết hạn. Vui lòng tải tệp lên lại."))
            return redirect(self.upload_url_name)
        storage = staging_storage(self.area)
        staged, name = data.pop("file"), data.pop("name")
        if not storage.exists(staged):
            # Already imported (a second click) or cleaned up.
            messages.info(request, _("Tệp này đã được xử lý."))
            return redirect(self.done_url_name)
        report = self.run_safely(storage.path(staged), name, True, data)
        unstage(self.area, staged)
        if isinstance(report, str):
            messages.error(request, report)
            return redirect(self.upload_url_name)
        if report.written:
            messages.success(request, self.done_message(report))
            return redirect(self.done_url_name)
        return self.render_to_response(self.get_context_data(form=self.get_form(), report=report))


class ImportCancelView(StagedImportMixin, View):
    """Drop a staged file the editor decided not to import."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        data = self.read_token(CANCEL_MAX_AGE)
        if data is None:
            return redirect(self.upload_url_name)
        unstage(self.area, data["file"])
        messages.info(request, _("Đã hủy lần nhập này; tệp đã được xóa."))
        return redirect(self.upload_url_name)
