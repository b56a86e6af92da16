from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The bottom layer every app may use: spam guard, PDF rendering, text folding, the
    outgoing-mail pipeline. It imports none of the project's other apps."""

    name = "core"
    verbose_name = _("Nền tảng chung")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # abuse (issue 13): production must share the rate-limit and single-use cache.
        from django.core import checks

        from .spam import check_shared_cache

        checks.register(check_shared_cache, checks.Tags.caches, deploy=True)
