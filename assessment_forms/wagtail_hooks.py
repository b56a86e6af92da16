"""Admin wiring: frameworks (versioned; a frozen one is copied on edit), criteria help texts,
the submissions list with filters, exports, distributions and the review/verify view."""

from django import forms
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from core.folding import FoldedSearchMixin

from . import admin_views
from .admin_filters import SubmissionFilterSet
from .loader import clone_framework
from .models import Criterion, Framework, PublishedYear, Submission


class SubmissionIndexView(FoldedSearchMixin, IndexView):
    """The search ignores diacritics and case ("dak mil" finds "Đắk Mil")."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("enterprise", "framework")

    def get_edit_url(self, instance):
        return reverse("assessment_forms_review", args=[instance.pk])

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        query = self.request.GET.urlencode()
        suffix = f"?{query}" if query else ""
        if self.permission_policy.user_has_permission(self.request.user, "export"):
            buttons.append(
                Button(
                    _("Xuất CSV"), url=reverse("assessment_forms_export", args=["csv"]) + suffix, icon_name="download"
                )
            )
            buttons.append(
                Button(
                    _("Xuất XLSX"), url=reverse("assessment_forms_export", args=["xlsx"]) + suffix, icon_name="download"
                )
            )
        if self.permission_policy.user_has_permission(self.request.user, "add"):
            buttons.append(
                Button(_("Nhập kết quả khảo sát"), url=reverse("assessment_forms_import"), icon_name="upload")
            )
        buttons.append(
            Button(_("Phân bố câu trả lời"), url=reverse("assessment_forms_distribution") + suffix, icon_name="table")
        )
        return buttons


class SubmissionViewSet(ModelViewSet):
    model = Submission
    icon = "tasks"
    menu_label = _("Phiếu tự đánh giá")
    url_prefix = "assessment-forms/submissions"
    name = "assessment_submissions"
    index_view_class = SubmissionIndexView
    filterset_class = SubmissionFilterSet
    list_display = ["enterprise", "claimed_tax_code", "year", "framework", "total", "level", "status"]
    search_fields = ["enterprise__name", "enterprise__tax_code", "claimed_tax_code"]
    search_backend_name = None
    form_fields = ["respondent_name", "respondent_email", "verification_note"]
    copy_view_enabled = False
    inspect_view_enabled = True
    list_per_page = 50

    @cached_property
    def permission_policy(self):
        return admin_views.permission_policy


class FrozenAwareForm(forms.ModelForm):
    """Editing a frozen framework (or a criterion of one) saves into a new version instead."""

    def framework_of(self, instance):
        return instance if isinstance(instance, Framework) else instance.framework

    def save(self, commit=True):
        instance = self.instance
        if instance.pk and self.framework_of(instance).frozen and self.has_changed():
            copy = clone_framework(self.framework_of(instance))
            target = copy if isinstance(instance, Framework) else copy.criteria.get(code=instance.code)
            for name in self.changed_data:
                setattr(target, name, self.cleaned_data[name])
            target.save()
            self.instance = target
            return target
        return super().save(commit=commit)


class FrameworkViewSet(ModelViewSet):
    model = Framework
    icon = "list-ol"
    menu_label = _("Bộ chỉ số")
    url_prefix = "assessment-forms/frameworks"
    name = "assessment_frameworks"
    list_display = ["__str__", "title", "valid_from_year", "valid_to_year", "frozen"]
    form_fields = [
        "title",
        "title_en",
        "short_title",
        "short_title_en",
        "legal_basis",
        "legal_basis_url",
        "valid_from_year",
        "valid_to_year",
        "levels",
        "pillar_level_bands",
        "overall_rules",
    ]
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return forms.modelform_factory(Framework, form=FrozenAwareForm, fields=self.form_fields)


class CriterionViewSet(ModelViewSet):
    model = Criterion
    icon = "help"
    menu_label = _("Tiêu chí và hướng dẫn")
    url_prefix = "assessment-forms/criteria"
    name = "assessment_criteria"
    list_display = ["code", "text", "framework", "max_points"]
    list_filter = ["framework"]
    search_fields = ["code", "text", "text_en"]
    search_backend_name = None
    form_fields = ["text", "text_en", "question", "question_en", "help_text", "help_text_en"]
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return forms.modelform_factory(Criterion, form=FrozenAwareForm, fields=self.form_fields)


class _RecordPublisher:
    def save_instance(self):
        if self.form.instance.published and self.form.instance.published_by_id is None:
            self.form.instance.published_by = self.request.user
        return super().save_instance()


class PublishedYearCreateView(_RecordPublisher, CreateView):
    pass


class PublishedYearEditView(_RecordPublisher, EditView):
    pass


class PublishedYearViewSet(ModelViewSet):
    """Programme editors publish a year's results here; the public rankings and dashboard show
    published years only and open on the latest one."""

    model = PublishedYear
    icon = "date"
    menu_label = _("Năm công bố kết quả")
    url_prefix = "assessment-forms/published-years"
    name = "assessment_published_years"
    list_display = ["year", "framework_code", "published", "published_at", "published_by", "note"]
    form_fields = ["year", "framework_code", "published", "note"]
    copy_view_enabled = False

    add_view_class = PublishedYearCreateView
    edit_view_class = PublishedYearEditView


class AssessmentGroup(ViewSetGroup):
    menu_label = _("Tự đánh giá DBI")
    menu_icon = "tasks"
    menu_order = 260
    items = (SubmissionViewSet, PublishedYearViewSet, FrameworkViewSet, CriterionViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return AssessmentGroup()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("assessment-forms/review/<int:pk>/", admin_views.ReviewView.as_view(), name="assessment_forms_review"),
        path("assessment-forms/export/<str:fmt>/", admin_views.ExportView.as_view(), name="assessment_forms_export"),
        path("assessment-forms/import/", admin_views.ImportView.as_view(), name="assessment_forms_import"),
        path(
            "assessment-forms/import/confirm/",
            admin_views.ImportConfirm.as_view(),
            name="assessment_forms_import_confirm",
        ),
        path(
            "assessment-forms/import/cancel/",
            admin_views.ImportCancel.as_view(),
            name="assessment_forms_import_cancel",
        ),
        path(
            "assessment-forms/distribution/",
            admin_views.DistributionView.as_view(),
            name="assessment_forms_distribution",
        ),
    ]


# abuse (issue 13): linking an unlinked submission to its enterprise is an audited act.
@hooks.register("register_log_actions")
def register_link_action(actions):
    from django.utils.translation import gettext_lazy

    actions.register_action(
        "assessment_forms.link",
        gettext_lazy("Liên kết phiếu với doanh nghiệp"),
        gettext_lazy("Liên kết phiếu tự đánh giá với doanh nghiệp"),
    )
