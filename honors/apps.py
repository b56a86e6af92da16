from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HonorsConfig(AppConfig):
    name = "honors"
    verbose_name = _("Xếp hạng và tôn vinh")

    def ready(self):
        from django.db.models.signals import post_migrate, post_save
        from wagtail.signals import published

        from enterprises.models import Enterprise

        from . import signals
        from .models import HonoursDecision

        published.connect(signals.decision_published, sender=HonoursDecision, dispatch_uid="honors_decision_published")
        post_save.connect(signals.enterprise_saved, sender=Enterprise, dispatch_uid="honors_enterprise_saved")
        signals.connect_results_changed()
        # A fresh installation gets the decision's approval workflow (committee, then leadership).
        post_migrate.connect(signals.install_decision_workflow, sender=self, dispatch_uid="honors_decision_workflow")
        # Its rows on the account page and in "download my data" (accounts.sections).
        from .account import register as register_account_section

        register_account_section()
