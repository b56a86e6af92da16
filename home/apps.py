from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Trang chủ và khung trang")

    def ready(self):
        from . import page_cache, signals

        signals.connect()
        page_cache.connect()
