"""Admin views for jurors and the committee, on Wagtail's generic admin views.

Who may do what is `jury_policy` and `evidence_policy` (honors.permissions): the model-wide
right is checked first (PermissionCheckedMixin), then the rule on the nomination, cycle or
file the URL names. A juror sees only their categories and never a nominee they declared a
conflict with; the services check it again on every write."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.views.generic import PermissionCheckedMixin, WagtailAdminTemplateMixin

from ..forms import ConflictForm, ReviewForm
from ..models import Category, HonoursCycle, Nomination, NominationEvidence
from ..permissions import evidence_policy, jury_policy
from ..services import jury
from ..services.decision import propose_decision
from ..services.nominations import auto_nominate
from ..services.phases import require_nominating


class ObjectRuleMixin:
    """After PermissionCheckedMixin in the MRO: looks up `self.object` (404) and applies the
    policy's rule for `permission_required` on it (denied)."""

    model = None

    def get_object(self):
        return get_object_or_404(self.model, pk=self.kwargs["pk"])

    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not self.user_has_permission_for_instance(self.permission_required, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class JuryMixin(PermissionCheckedMixin):
    permission_policy = jury_policy


class MyCategoriesView(JuryMixin, WagtailAdminTemplateMixin, TemplateView):
    """The juror's categories and nominees; the committee's tasks on unpublished cycles."""

    permission_required = "jury"
    template_name = "honors/admin/jury_index.html"
    page_title = gettext_lazy("Hội đồng chấm")
    header_icon = "group"

    def get_context_data(self, **kwargs):
        user = self.request.user
        can_committee = self.user_has_permission("summarise")
        rows = [(category, list(jury.nominees_for(user, category))) for category in jury.juror_categories(user)]
        reviewed = set(jury.JuryReview.objects.filter(juror=user).values_list("nomination_id", flat=True))
        return super().get_context_data(
            rows=rows,
            reviewed=reviewed,
            cycles=HonoursCycle.objects.filter(published=False) if can_committee else [],
            can_committee=can_committee,
            **kwargs,
        )


class NomineeView(JuryMixin, ObjectRuleMixin, WagtailAdminTemplateMixin, FormView):
    """One nominee, the juror's scoring form, and the others' reviews once their own is in."""

    permission_required = "score"
    model = Nomination
    template_name = "honors/admin/nominee.html"
    form_class = ReviewForm
    header_icon = "pick"

    def get_object(self):
        nominations = Nomination.objects.select_related("category__cycle", "enterprise")
        return get_object_or_404(nominations, pk=self.kwargs["pk"])

    def get_page_title(self):
        return str(self.object)

    def setup_review(self):
        self.criteria = list(self.object.category.cycle.criteria.all())
        self.own = jury.own_review(self.request.user, self.object)

    def get_initial(self):
        if self.own is None:
            return {}
        return {"comment": self.own.comment, **{f"c{s.criterion_id}": s.score for s in self.own.scores.all()}}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "criteria": self.criteria}

    def get(self, request, *args, **kwargs):
        self.setup_review()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.setup_review()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            jury.submit_review(self.request.user, self.object, form.scores(), form.cleaned_data["comment"])
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã lưu phiếu chấm."))
        return redirect("honors_admin:nominee", pk=self.object.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            nomination=self.object,
            conflict_form=ConflictForm(),
            own=self.own,
            others=jury.others_reviews(self.request.user, self.object),
            criteria=self.criteria,
            **kwargs,
        )


@method_decorator(require_POST, name="dispatch")  # 405 before any other check
class DeclareConflictView(JuryMixin, ObjectRuleMixin, View):
    permission_required = "declare_conflict"
    model = Nomination

    def post(self, request, pk):
        form = ConflictForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Ghi rõ lý do xung đột lợi ích."))
            return redirect("honors_admin:nominee", pk=pk)
        jury.declare_conflict(request.user, self.object, form.cleaned_data["reason"])
        messages.success(request, _("Đã ghi nhận khai báo. Bạn sẽ không xem và chấm đề cử này."))
        return redirect("honors_admin:jury")


class CommitteeView(JuryMixin, ObjectRuleMixin, WagtailAdminTemplateMixin, TemplateView):
    """The committee's summary of a category (figures hidden from whoever has not scored
    while scoring is open; a conflicted nominee left out)."""

    permission_required = "summarise"
    template_name = "honors/admin/committee.html"
    header_icon = "table"

    def get_object(self):
        return get_object_or_404(Category.objects.select_related("cycle"), pk=self.kwargs["pk"])

    def get_page_title(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        rows, full = jury.summary_for(self.request.user, self.object)
        return super().get_context_data(category=self.object, rows=rows, full=full, **kwargs)


@method_decorator(require_POST, name="dispatch")  # 405 before any other check
class AutoNominateView(JuryMixin, ObjectRuleMixin, View):
    permission_required = "auto_nominate"
    model = HonoursCycle

    def post(self, request, pk):
        try:
            require_nominating(self.object)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("honors_admin:jury")
        created = auto_nominate(self.object, user=request.user)
        messages.success(request, _("Đã tạo %(count)s đề cử tự động.") % {"count": created})
        return redirect("honors_admin:jury")


@method_decorator(require_POST, name="dispatch")  # 405 before any other check
class ProposeView(JuryMixin, ObjectRuleMixin, View):
    """The committee's draft decision, then to its edit page for the approval workflow."""

    permission_required = "propose"
    model = HonoursCycle

    def post(self, request, pk):
        try:
            decision, _revision = propose_decision(self.object, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("honors_admin:jury")
        messages.success(request, _("Đã lập dự thảo danh sách; gửi duyệt theo quy trình."))
        return redirect("wagtailsnippets_honors_honoursdecision:edit", decision.pk)


class EvidenceView(View):
    """One evidence file, for staff who may see it (never a conflicted juror). Whoever may
    not gets "not found", as if the file did not exist."""

    permission_policy = evidence_policy

    def get(self, request, pk):
        item = get_object_or_404(NominationEvidence.objects.select_related("nomination"), pk=pk)
        if not self.permission_policy.user_has_permission_for_instance(request.user, "view", item):
            raise Http404
        try:
            handle = item.file.open("rb")
        except OSError as exc:
            raise Http404 from exc
        return FileResponse(handle, as_attachment=True, filename=str(item))
