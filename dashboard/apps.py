from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    name = "dashboard"
    verbose_name = _("Bảng số liệu chuyển đổi số")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from enterprises.models import Enterprise

        from . import sources
        from .cache import invalidate

        # Cached figures go stale when results or the registry change.
        sources.results_changed_signal().connect(invalidate, dispatch_uid="dashboard-results-changed")
        post_save.connect(invalidate, sender=Enterprise, dispatch_uid="dashboard-enterprise-saved")
        post_delete.connect(invalidate, sender=Enterprise, dispatch_uid="dashboard-enterprise-deleted")
