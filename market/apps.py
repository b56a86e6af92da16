from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MarketConfig(AppConfig):
    """Market connections: the catalogue of DX solutions and their providers, and the board
    where enterprises post what they sell and what they want to buy (plan II.4, appendix 9)."""

    name = "market"
    verbose_name = _("Kết nối thị trường")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from assessment_forms.services import register_recommendation_provider

        from .services import solution_recommendations

        register_recommendation_provider(solution_recommendations)

        from . import signals

        signals.connect()
