from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The bottom layer every app may use: spam guard, PDF rendering, text folding, the
    outgoing-mail pipeline. It imports none of the project's other apps."""

    name = "core"
    verbose_name = _("Nền tảng chung")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.backends.signals import connection_created

        from core.folding import register_sqlite_fold

        connection_created.connect(register_sqlite_fold, dispatch_uid="core_sqlite_fold")
