"""Admin views: review and verify a submission, export, answer distributions, import.

Class-based views on Wagtail's generic views, guarded by the submissions' permission policy
(`SubmissionPermissionPolicy`, also the submissions viewset's): reviewing needs "verify",
exporting "export" (and "view"), the distribution "view", the import "add". A refusal is
Wagtail's PermissionDenied (HTTP 403)."""

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic import PermissionCheckedMixin, WagtailAdminTemplateMixin
from wagtail.permission_policies import ModelPermissionPolicy

from core.admin_import import ImportCancelView, ImportConfirmView, ImportUploadView, StagedImportMixin, UploadForm
from core.exports import export_response
from core.importing import ImportReport

from . import exports, services
from .admin_filters import SubmissionFilterSet
from .importing import AssessmentImporter, import_file
from .models import Criterion, Framework, Submission


class SubmissionPermissionPolicy(ModelPermissionPolicy):
    """Model rights on submissions, plus the custom ones ("verify", "export"); an export
    is a view of the answers, so it needs the view right too."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        if action == "export" and not super().user_has_permission(user, "view"):
            return False
        return super().user_has_permission(user, action)


permission_policy = SubmissionPermissionPolicy(Submission)


class SubmissionAdminMixin(PermissionCheckedMixin):
    permission_policy = permission_policy
    request: HttpRequest

    def filtered(self) -> QuerySet[Submission]:
        """Scored submissions matching the listing's filters (the query string)."""
        queryset = Submission.objects.scored()
        return SubmissionFilterSet(self.request.GET or None, queryset=queryset, request=self.request).qs

    def index_url(self) -> str:
        return reverse("assessment_submissions:index")


class ReviewForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Ghi chú thẩm định"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Bắt buộc khi điều chỉnh câu trả lời: ghi lý do và minh chứng."),
    )

    version = forms.CharField(widget=forms.HiddenInput, required=False, max_length=32)

    def __init__(
        self, *args: Any, criteria: list[Criterion], answers: dict[str, Any], version: str = "", **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = version
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"c_{criterion.code}"] = forms.TypedChoiceField(
                label=f"{criterion.code} {criterion.localized_text}",
                choices=[("", "—")] + [(o.level, f"{o.level} – {o.localized_text}") for o in criterion.options.all()],
                coerce=int,
                empty_value=None,
                required=False,
                initial=answers.get(criterion.code),
            )

    def answers(self) -> dict[str, Any]:
        return {
            c.code: self.cleaned_data[f"c_{c.code}"]
            for c in self.criteria
            if self.cleaned_data[f"c_{c.code}"] is not None
        }


class ReviewView(SubmissionAdminMixin, WagtailAdminTemplateMixin, TemplateView):
    """Read a submission's answers and history, correct answers (with a note) and verify."""

    permission_required = "verify"
    template_name = "assessment_forms/admin/review.html"
    page_title = gettext_lazy("Thẩm định phiếu")

    @cached_property
    def submission(self) -> Submission:
        return get_object_or_404(Submission.objects.select_related("framework", "enterprise"), pk=self.kwargs["pk"])

    def get_form(self) -> ReviewForm:
        submission = self.submission
        criteria = list(
            Criterion.objects.filter(framework=submission.framework)
            .select_related("component__pillar")
            .prefetch_related("options")
            .order_by("order")
        )
        return ReviewForm(
            self.request.POST or None,
            criteria=criteria,
            answers=submission.answers,
            version=services.submission_version(submission),
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        submission = self.submission
        context.update(
            {
                "submission": submission,
                "pillar_scores": submission.pillar_scores.select_related("pillar").order_by("pillar__order"),
                "revisions": submission.revisions.select_related("user"),
                "index_url": self.index_url(),
            }
        )
        return context

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        submission = self.submission
        form = self.get_form()
        if not form.is_valid():  # also an empty POST (an unbound form), as a GET
            return self.render_to_response(self.get_context_data(form=form))
        action = request.POST.get("action")
        note = form.cleaned_data["note"]
        answers = form.answers()
        if answers != {k: v for k, v in submission.answers.items() if v is not None}:
            if not note:
                form.add_error("note", _("Hãy ghi lý do điều chỉnh."))
                return self.render_to_response(self.get_context_data(form=form))
            try:
                services.adjust_answers(
                    submission, answers, request.user, note, expected_version=form.cleaned_data["version"] or None
                )
            except services.StaleSubmission:
                messages.error(
                    request,
                    _(
                        "Phiếu vừa được người khác điều chỉnh trong lúc bạn xem. Điều chỉnh của bạn chưa được lưu: "
                        "hãy xem lại phiên bản mới rồi điều chỉnh lại."
                    ),
                )
                return redirect("assessment_forms_review", pk=submission.pk)
            messages.success(request, _("Đã lưu điều chỉnh; phiên bản cũ vẫn còn trong lịch sử."))
        if action == "verify":
            try:
                services.verify(submission, request.user, note)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Đã thẩm định phiếu."))
        elif action == "unverify":
            services.unverify(submission, request.user, note)
            messages.warning(request, _("Đã hủy thẩm định."))
        return redirect("assessment_forms_review", pk=submission.pk)


class ExportView(SubmissionAdminMixin, View):
    """The filtered listing as CSV (streamed) or XLSX, through the one export path
    (core.exports): formula-leading answers are escaped."""

    permission_required = "export"

    def get(self, request: HttpRequest, fmt: str) -> HttpResponse | StreamingHttpResponse:
        header, body = exports.rows(self.filtered())
        return export_response("xlsx" if fmt == "xlsx" else "csv", "phieu-dbi", header, body, title=_("Phiếu DBI"))


class DistributionView(SubmissionAdminMixin, WagtailAdminTemplateMixin, TemplateView):
    """How many filtered submissions chose each level of each criterion."""

    permission_required = "view"
    template_name = "assessment_forms/admin/distribution.html"
    page_title = gettext_lazy("Phân bố câu trả lời")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        total, items = exports.distributions(self.filtered())
        context.update(
            {
                "total": total,
                "items": items,
                "levels": range(6),
                "query": self.request.GET.urlencode(),
                "index_url": self.index_url(),
            }
        )
        return context


# --- import of survey results: the site's import pages (core.admin_import) -----------------


class AssessmentUploadForm(UploadForm):
    framework = forms.ModelChoiceField(label=gettext_lazy("Bộ chỉ số"), queryset=Framework.objects.all())
    create_missing = forms.BooleanField(
        label=gettext_lazy("Thêm mã số thuế chưa có trong danh sách thành doanh nghiệp chờ xác minh"),
        required=False,
        initial=True,
    )
    verify = forms.BooleanField(label=gettext_lazy("Đánh dấu các kết quả là đã thẩm định"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["framework"].initial = services.current_framework()

    def options(self) -> dict[str, Any]:
        return {
            "framework": self.cleaned_data["framework"].pk,
            "create_missing": self.cleaned_data["create_missing"],
            "verify": self.cleaned_data["verify"],
        }


class AssessmentImport(StagedImportMixin):
    """Survey results (one row per enterprise and year) for programme editors ("add")."""

    permission_policy = permission_policy
    permission_required = "add"
    area = "assessment-imports"
    salt = "assessment_forms.import"
    form_class = AssessmentUploadForm
    importer_class = AssessmentImporter
    file_label = gettext_lazy("Tệp kết quả khảo sát (CSV hoặc XLSX)")
    page_title = gettext_lazy("Nhập kết quả khảo sát DBI")
    upload_url_name = "assessment_forms_import"
    confirm_url_name = "assessment_forms_import_confirm"
    cancel_url_name = "assessment_forms_import_cancel"
    done_url_name = "assessment_submissions:index"

    def headings(self) -> list[str]:
        framework = services.current_framework()
        return AssessmentImporter(framework).headings if framework else ["Mã số thuế", "Năm", "Tên doanh nghiệp"]

    def run(self, path: str, name: str, commit: bool, options: dict[str, Any]) -> ImportReport:
        framework = Framework.objects.get(pk=options["framework"])
        return import_file(
            path,
            framework,
            name,
            commit=commit,
            create_missing=options["create_missing"],
            # Marking results verified is an assessor's act: only with that right.
            verify=options["verify"] and self.user_has_permission("verify"),
            user=self.request.user,
        )

    def done_message(self, report: ImportReport) -> str:
        return _("Đã nhập %(created)d phiếu mới và cập nhật %(updated)d phiếu.") % {
            "created": report.counts["created"],
            "updated": report.counts["updated"],
        }


class ImportView(AssessmentImport, ImportUploadView):
    pass


class ImportConfirm(AssessmentImport, ImportConfirmView):
    pass


class ImportCancel(AssessmentImport, ImportCancelView):
    pass
