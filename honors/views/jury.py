"""Admin views for jurors and the committee. Access is checked in the services: a juror
sees only their categories and never a nominee they declared a conflict with."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..forms import ConflictForm, ReviewForm
from ..models import Category, HonoursCycle, Nomination
from ..services import jury
from ..services.decision import propose_decision
from ..services.nominations import auto_nominate
from ..services.phases import require_nominating


def _can_committee(user):
    return user.has_perm(jury.COMMITTEE_PERMISSION)


def my_categories(request):
    if not _can_committee(request.user) and not jury.juror_categories(request.user).exists():
        raise PermissionDenied
    categories = list(jury.juror_categories(request.user))
    rows = [(category, list(jury.nominees_for(request.user, category))) for category in categories]
    reviewed = set(jury.JuryReview.objects.filter(juror=request.user).values_list("nomination_id", flat=True))
    cycles = HonoursCycle.objects.filter(published=False) if _can_committee(request.user) else []
    return TemplateResponse(
        request,
        "honors/admin/jury_index.html",
        {"rows": rows, "reviewed": reviewed, "cycles": cycles, "can_committee": _can_committee(request.user)},
    )


def nominee(request, pk):
    nomination = get_object_or_404(Nomination.objects.select_related("category__cycle", "enterprise"), pk=pk)
    jury.nominee_for(request.user, nomination)  # PermissionDenied for conflicted or non-jurors
    criteria = list(nomination.category.cycle.criteria.all())
    own = jury.own_review(request.user, nomination)
    initial = {}
    if own is not None:
        initial = {"comment": own.comment, **{f"c{s.criterion_id}": s.score for s in own.scores.all()}}
    form = ReviewForm(request.POST or None, criteria=criteria, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            jury.submit_review(request.user, nomination, form.scores(), form.cleaned_data["comment"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã lưu phiếu chấm."))
            return redirect("honors_admin:nominee", pk=nomination.pk)
    return TemplateResponse(
        request,
        "honors/admin/nominee.html",
        {
            "nomination": nomination,
            "form": form,
            "conflict_form": ConflictForm(),
            "own": own,
            "others": jury.others_reviews(request.user, nomination),
            "criteria": criteria,
        },
    )


@require_POST
def declare_conflict(request, pk):
    nomination = get_object_or_404(Nomination, pk=pk)
    form = ConflictForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Ghi rõ lý do xung đột lợi ích."))
        return redirect("honors_admin:nominee", pk=pk)
    jury.declare_conflict(request.user, nomination, form.cleaned_data["reason"])
    messages.success(request, _("Đã ghi nhận khai báo. Bạn sẽ không xem và chấm đề cử này."))
    return redirect("honors_admin:jury")


@permission_required(jury.COMMITTEE_PERMISSION, raise_exception=True)
def committee(request, pk):
    category = get_object_or_404(Category.objects.select_related("cycle"), pk=pk)
    rows, full = jury.summary_for(request.user, category)
    return TemplateResponse(request, "honors/admin/committee.html", {"category": category, "rows": rows, "full": full})


@require_POST
@permission_required("honors.add_nomination", raise_exception=True)
def run_auto_nominate(request, pk):
    cycle = get_object_or_404(HonoursCycle, pk=pk)
    try:
        require_nominating(cycle)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("honors_admin:jury")
    created = auto_nominate(cycle, user=request.user)
    messages.success(request, _("Đã tạo %(count)s đề cử tự động.") % {"count": created})
    return redirect("honors_admin:jury")


@require_POST
@permission_required("honors.add_honoursdecision", raise_exception=True)
def propose(request, pk):
    cycle = get_object_or_404(HonoursCycle, pk=pk)
    if cycle.published:
        raise PermissionDenied
    try:
        decision, _revision = propose_decision(cycle, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("honors_admin:jury")
    messages.success(request, _("Đã lập dự thảo danh sách; gửi duyệt theo quy trình."))
    return redirect("wagtailsnippets_honors_honoursdecision:edit", decision.pk)


def evidence(request, pk):
    """One evidence file, for staff who may see it (never a conflicted juror)."""
    from django.http import FileResponse, Http404

    from ..models import NominationEvidence
    from ..services.evidence import can_view_evidence

    item = get_object_or_404(NominationEvidence.objects.select_related("nomination"), pk=pk)
    if not can_view_evidence(request.user, item):
        raise Http404
    try:
        handle = item.file.open("rb")
    except OSError as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=str(item))
