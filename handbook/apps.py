from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandbookConfig(AppConfig):
    name = "handbook"
    verbose_name = _("Cẩm nang")

    def ready(self):
        from assessment_forms.services import register_recommendation_provider

        from . import services, signals

        signals.connect()
        # Assessment results link to the chapters for the enterprise's weakest pillars.
        register_recommendation_provider(services.recommendations)
