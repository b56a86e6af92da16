from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandbookConfig(AppConfig):
    name = "handbook"
    verbose_name = _("Cẩm nang")

    def ready(self):
        from . import signals

        signals.connect()
