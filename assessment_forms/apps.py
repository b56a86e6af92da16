from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentFormsConfig(AppConfig):
    name = "assessment_forms"
    verbose_name = _("Tự đánh giá DBI")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import checks  # noqa: F401  (registers the start-up checks of our hooks)
        from .models import Framework, Pillar, PublishedYear
        from .services import forget_vocabulary, publication_changed

        register_enterprise_filter()
        for model in (Framework, Pillar):
            post_save.connect(forget_vocabulary, sender=model, dispatch_uid=f"vocabulary-{model.__name__}-save")
            post_delete.connect(forget_vocabulary, sender=model, dispatch_uid=f"vocabulary-{model.__name__}-delete")
        # Publishing or withdrawing a year turns the public rankings and dashboard.
        post_save.connect(publication_changed, sender=PublishedYear, dispatch_uid="published-year-saved")
        post_delete.connect(publication_changed, sender=PublishedYear, dispatch_uid="published-year-deleted")
        # Its rows on the account page and in "download my data" (accounts.sections).
        from .account import register as register_account_section

        register_account_section()


def has_assessment(queryset, value):
    """Enterprises with (or without) a submitted or verified DBI self-assessment."""
    from .models import Submission

    with_one = Submission.objects.scored().values("enterprise_id")
    return queryset.filter(pk__in=with_one) if value else queryset.exclude(pk__in=with_one)


def register_enterprise_filter():
    """Add "has an assessment" to the registry's admin list (enterprises/hooks.py: the registry
    cannot import us, so we register into it)."""
    from enterprises.hooks import register_enterprise_list_filter

    register_enterprise_list_filter("has_assessment", _("Đã tự đánh giá DBI"), has_assessment)
