from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnterprisesConfig(AppConfig):
    name = "enterprises"
    verbose_name = _("Doanh nghiệp và địa bàn")

    def ready(self):
        from . import mail

        # "Received" and "verified" e-mails of a request to act for an enterprise.
        mail.connect()
        from . import checks  # noqa: F401  (registers the shipped-data check)

        # The account page's "my enterprises" and whose data a member may see (accounts.sections).
        from .account import register

        register()
