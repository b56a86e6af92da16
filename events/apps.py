from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Sự kiện và tập huấn")

    def ready(self):
        # The assessment results suggest upcoming events on the enterprise's weakest pillars.
        from assessment_forms.services import register_recommendation_provider

        from .services import recommend_events

        register_recommendation_provider(recommend_events)
        # Its rows on the account page and in "download my data" (accounts.sections).
        from .account import register as register_account_section

        register_account_section()
        # Seats left on cached event pages follow registrations (issue 21.2).
        from . import signals

        signals.connect()
