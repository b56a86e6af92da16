from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentFormsConfig(AppConfig):
    name = "assessment_forms"
    verbose_name = _("Tự đánh giá DBI")

    def ready(self):
        register_enterprise_filter()
        # Its rows on the account page and in "download my data" (accounts.sections).
        from .account import register as register_account_section

        register_account_section()


def has_assessment(queryset, value):
    """Enterprises with (or without) a submitted or verified DBI self-assessment."""
    from .models import Submission

    with_one = Submission.objects.scored().values("enterprise_id")
    return queryset.filter(pk__in=with_one) if value else queryset.exclude(pk__in=with_one)


def register_enterprise_filter():
    """Add "has an assessment" to the registry's admin list, when the registry offers the hook
    (enterprises/hooks.py; the registry cannot import us, so we register into it)."""
    try:
        from enterprises.hooks import register_enterprise_list_filter
    except ImportError:
        return False
    register_enterprise_list_filter("has_assessment", _("Đã tự đánh giá DBI"), has_assessment)
    return True
