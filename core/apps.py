from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The bottom layer every app may use: spam guard, PDF rendering, text folding, the
    outgoing-mail pipeline, fail-open caching, exports. It imports none of the project's other
    apps."""

    name = "core"
    verbose_name = _("Nền tảng chung")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_migrate, post_save

        from . import checks, sites  # noqa: F401  (registers the system checks)
        from .signals import default_admin_language, sync_site_address

        sites.connect()  # perf (issue 21): the cached site table's version
        post_migrate.connect(sync_site_address, sender=self, dispatch_uid="core-site-address")
        post_save.connect(default_admin_language, sender=get_user_model(), dispatch_uid="core-admin-language")
        from django.db.backends.signals import connection_created

        from core.folding import register_sqlite_fold

        connection_created.connect(register_sqlite_fold, dispatch_uid="core_sqlite_fold")
        # abuse (issue 13): production must share the rate-limit and single-use cache.
        from django.core.checks import Tags
        from django.core.checks import register as register_check

        from .spam import check_shared_cache

        register_check(check_shared_cache, Tags.caches, deploy=True)
