from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    """State support for enterprises' DX, judged on their DBI result (plan IV.2): support
    programmes as data, online applications, review in steps, the budget."""

    name = "programmes"
    verbose_name = _("Hỗ trợ của Nhà nước")
    default_auto_field = "django.db.models.BigAutoField"
