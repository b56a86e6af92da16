from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    name = "support"
    verbose_name = _("Hỗ trợ doanh nghiệp")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The DBI result page's "next steps" show consultants for the two weakest pillars and a
        # link that opens a pre-filled request (assessment_forms offers the hook, we fill it).
        from assessment_forms.services import register_next_steps_section

        from .services import result_next_steps

        register_next_steps_section(result_next_steps)

        from . import signals

        signals.connect()
