from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Tài khoản và vai trò")

    def ready(self):
        from django.db.models.signals import post_migrate

        # Every app declares its rights in its own roles.py; after each `migrate` the groups are
        # made to hold exactly today's declarations (historical data migrations do nothing).
        post_migrate.connect(apply_roles, sender=self, dispatch_uid="accounts-apply-roles")


def apply_roles(sender, using="default", **kwargs):
    from .roles import sync_roles

    sync_roles(using=using)
