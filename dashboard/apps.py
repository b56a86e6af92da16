from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    name = "dashboard"
    verbose_name = _("Bảng số liệu chuyển đổi số")

    def ready(self):
        from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

        from assessment_forms.models import Submission
        from enterprises.importing import written
        from enterprises.models import Enterprise

        from . import sources
        from .cache import (
            on_enterprise_changed,
            on_enterprise_changing,
            on_enterprises_written,
            on_results_changed,
            on_submission_changed,
        )

        # The summary tables follow every change to results or the registry, in the change's
        # transaction; the cached figures go stale after it (dashboard.summary).
        sources.results_changed_signal().connect(on_results_changed, dispatch_uid="dashboard-results-changed")
        pre_save.connect(on_enterprise_changing, sender=Enterprise, dispatch_uid="dashboard-enterprise-saving")
        pre_delete.connect(on_enterprise_changing, sender=Enterprise, dispatch_uid="dashboard-enterprise-deleting")
        post_save.connect(on_enterprise_changed, sender=Enterprise, dispatch_uid="dashboard-enterprise-saved")
        post_delete.connect(on_enterprise_changed, sender=Enterprise, dispatch_uid="dashboard-enterprise-deleted")
        post_save.connect(on_submission_changed, sender=Submission, dispatch_uid="dashboard-submission-saved")
        post_delete.connect(on_submission_changed, sender=Submission, dispatch_uid="dashboard-submission-deleted")
        written.connect(on_enterprises_written, dispatch_uid="dashboard-enterprises-written")
