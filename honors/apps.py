from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HonorsConfig(AppConfig):
    name = "honors"
    verbose_name = _("Xếp hạng và tôn vinh")
