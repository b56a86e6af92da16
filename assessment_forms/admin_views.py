"""Admin views: review and verify a submission, export, answer distributions."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exports import export_response

from . import exports, services
from .admin_filters import SubmissionFilterSet
from .models import Criterion, Submission


class ReviewForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Ghi chú thẩm định"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Bắt buộc khi điều chỉnh câu trả lời: ghi lý do và minh chứng."),
    )

    version = forms.CharField(widget=forms.HiddenInput, required=False, max_length=32)

    def __init__(self, *args, criteria, answers, version="", **kwargs):
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

    def answers(self):
        return {
            c.code: self.cleaned_data[f"c_{c.code}"]
            for c in self.criteria
            if self.cleaned_data[f"c_{c.code}"] is not None
        }


def review(request, pk):
    if not request.user.has_perm("assessment_forms.verify_submission"):
        raise PermissionDenied
    submission = get_object_or_404(Submission.objects.select_related("framework", "enterprise"), pk=pk)
    criteria = list(
        Criterion.objects.filter(framework=submission.framework)
        .select_related("component__pillar")
        .prefetch_related("options")
        .order_by("order")
    )
    form = ReviewForm(
        request.POST or None,
        criteria=criteria,
        answers=submission.answers,
        version=services.submission_version(submission),
    )
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action")
        note = form.cleaned_data["note"]
        answers = form.answers()
        if answers != {k: v for k, v in submission.answers.items() if v is not None}:
            if not note:
                form.add_error("note", _("Hãy ghi lý do điều chỉnh."))
                return _render_review(request, submission, form)
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
    return _render_review(request, submission, form)


def _render_review(request, submission, form):
    return TemplateResponse(
        request,
        "assessment_forms/admin/review.html",
        {
            "submission": submission,
            "form": form,
            "pillar_scores": submission.pillar_scores.select_related("pillar").order_by("pillar__order"),
            "revisions": submission.revisions.select_related("user"),
            "header_title": _("Thẩm định phiếu"),
            "index_url": reverse("assessment_submissions:index"),
        },
    )


def _filtered(request):
    if not request.user.has_perm("assessment_forms.view_submission"):
        raise PermissionDenied
    queryset = Submission.objects.scored()
    return SubmissionFilterSet(request.GET or None, queryset=queryset, request=request).qs


def export(request, fmt):
    if not request.user.has_perm("assessment_forms.export_submission"):
        raise PermissionDenied
    header, body = exports.rows(_filtered(request))
    # The one export path (core.exports): formula-leading answers are escaped.
    return export_response("xlsx" if fmt == "xlsx" else "csv", "phieu-dbi", header, body, title=_("Phiếu DBI"))


def distribution(request):
    total, items = exports.distributions(_filtered(request))
    return TemplateResponse(
        request,
        "assessment_forms/admin/distribution.html",
        {
            "total": total,
            "items": items,
            "levels": range(6),
            "query": request.GET.urlencode(),
            "header_title": _("Phân bố câu trả lời"),
            "index_url": reverse("assessment_submissions:index"),
        },
    )
