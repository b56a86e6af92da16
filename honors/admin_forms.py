"""Admin forms of the honours: the cycle's set-up (jurors chosen among the honours committee
by full name; frozen once scoring opens unless a reason is given; every change of a jury
audited) and the decision (only cycles whose scoring has closed; only its own categories)."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from core import audit

from .models import Category, HonoursCycle


def _refine_child_forms(formset, refine):
    """Apply `refine(form)` to every form of an inline formset, the empty one included."""
    base = formset.form

    class Refined(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            refine(self)

    Refined.__name__ = base.__name__
    formset.form = Refined
    formset.__dict__.pop("forms", None)


class JurorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        from .services.jury import juror_label

        return juror_label(obj)


def _jurors_by_category(cycle):
    if cycle.pk is None:
        return {}
    pairs = Category.jurors.through.objects.filter(category__cycle=cycle).values_list("category_id", "user_id")
    result = {}
    for category_id, user_id in pairs:
        result.setdefault(category_id, set()).add(user_id)
    return result


class CycleForm(WagtailAdminModelForm):
    change_reason = forms.CharField(
        label=_("Lý do sửa sau khi đã mở chấm"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bắt buộc khi sửa thiết lập của đợt đã bước vào giai đoạn chấm; được ghi vào nhật ký kiểm soát."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .services.jury import committee_members

        def refine(form):
            if "jurors" in form.fields:
                field = form.fields["jurors"]
                form.fields["jurors"] = JurorChoiceField(
                    queryset=committee_members(),
                    required=False,
                    label=field.label,
                    help_text=_("Chỉ thành viên Hội đồng xét tôn vinh."),
                    widget=forms.CheckboxSelectMultiple,
                )
                if form.instance.pk:
                    form.initial.setdefault("jurors", list(form.instance.jurors.values_list("pk", flat=True)))

        if "categories" in self.formsets:
            _refine_child_forms(self.formsets["categories"], refine)
        self._jurors_before = _jurors_by_category(self.instance)
        self._frozen = bool(self.instance.pk) and HonoursCycle.objects.get(pk=self.instance.pk).setup_frozen

    def changed_parts(self):
        parts = [name for name in self.changed_data if name != "change_reason"]
        for name, formset in self.formsets.items():
            for form in formset.forms:
                if form.has_changed():
                    # "DELETE" among the changed fields marks a removed row.
                    parts.append(f"{name}:{form.instance.pk or 'new'}:{','.join(form.changed_data)}")
        return parts

    def clean(self):
        cleaned = super().clean()
        if self._frozen and self.changed_parts() and not (cleaned.get("change_reason") or "").strip():
            self.add_error(
                "change_reason",
                _("Đợt này đã mở chấm: thiết lập bị khoá. Ghi lý do để sửa (lý do được ghi vào nhật ký kiểm soát)."),
            )
        return cleaned

    @transaction.atomic
    def save(self, commit=True):
        parts = self.changed_parts()
        instance = super().save(commit=commit)
        if not commit:
            return instance
        user = getattr(self, "for_user", None)
        reason = (self.cleaned_data.get("change_reason") or "").strip()
        if self._frozen and parts:
            audit.record(user, "honours.setup_change", instance, reason=reason, changes=parts)
        after = _jurors_by_category(instance)
        for category_id in sorted(set(self._jurors_before) | set(after)):
            before_ids, after_ids = self._jurors_before.get(category_id, set()), after.get(category_id, set())
            if before_ids != after_ids:
                category = Category.objects.filter(pk=category_id).first()
                audit.record(
                    user,
                    "honours.jury_change",
                    category or instance,
                    cycle=instance.year,
                    added=sorted(after_ids - before_ids),
                    removed=sorted(before_ids - after_ids),
                    reason=reason,
                )
        return instance


def deciding_cycles(current=None):
    """Cycles a decision may be for: scoring has closed; one decision per cycle."""
    from django.db.models import Q

    from .services.phases import DECIDING

    ids = [cycle.pk for cycle in HonoursCycle.objects.all() if cycle.phase in DECIDING]
    free = Q(decision__isnull=True)
    if current is not None:
        free |= Q(pk=current)
    return HonoursCycle.objects.filter(pk__in=ids).filter(free)


class DecisionForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cycle_id = self.instance.cycle_id
        if "cycle" in self.fields:
            self.fields["cycle"].queryset = deciding_cycles(current=cycle_id)
        categories = Category.objects.select_related("cycle")
        categories = (
            categories.filter(cycle_id=cycle_id) if cycle_id else categories.filter(cycle__in=deciding_cycles())
        )

        def refine(form):
            if "category" in form.fields:
                form.fields["category"].queryset = categories

        if "awards" in self.formsets:
            _refine_child_forms(self.formsets["awards"], refine)

    def clean(self):
        cleaned = super().clean()
        cycle = cleaned.get("cycle") or (self.instance.cycle if self.instance.cycle_id else None)
        if cycle is None:
            return cleaned
        awards = self.formsets.get("awards")
        for form in awards.forms if awards is not None else ():
            category = getattr(form, "cleaned_data", {}).get("category")
            if category is not None and category.cycle_id != cycle.pk:
                form.add_error("category", _("Hạng mục phải thuộc đợt tôn vinh của quyết định này."))
        return cleaned


class NominationScreeningForm(WagtailAdminModelForm):
    """The screener's form: a change of status (eligibility) is written to the audit trail."""

    def save(self, commit=True):
        changed = {
            name: self.cleaned_data.get(name) for name in ("status", "screening_note") if name in self.changed_data
        }
        instance = super().save(commit=commit)
        if commit and "status" in changed:
            from django.utils import timezone

            type(instance).objects.filter(pk=instance.pk).update(screened_at=timezone.now())
            audit.record(
                getattr(self, "for_user", None),
                "honours.eligibility",
                instance,
                status=instance.status,
                note=instance.screening_note,
            )
        return instance


class CertificateForm(WagtailAdminModelForm):
    """Revocation in the admin needs a reason and is written to the audit trail."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("revoked_at") and not (cleaned.get("revoked_reason") or "").strip():
            self.add_error("revoked_reason", _("Ghi rõ lý do thu hồi."))
        return cleaned

    def save(self, commit=True):
        was_revoked = "revoked_at" in self.changed_data and self.cleaned_data.get("revoked_at")
        instance = super().save(commit=commit)
        if commit and was_revoked:
            audit.record(
                getattr(self, "for_user", None),
                "honours.certificate_revoke",
                instance,
                reason=instance.revoked_reason,
                code=instance.code[:8],
            )
        return instance
