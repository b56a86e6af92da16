from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Trang chủ và khung trang")

    def ready(self):
        from . import page_cache, signals

        signals.connect()
        page_cache.connect()
        _ascii_slugs_only()


def _ascii_slugs_only():
    """With WAGTAIL_ALLOW_UNICODE_SLUGS = False, Wagtail's editor makes ASCII slugs in the
    browser but its page form still accepts "nông-dân" typed by hand. The model's own
    validation (run by every admin form) refuses it with Django's slug message."""
    from django.conf import settings
    from django.core.validators import validate_slug
    from wagtail.models import Page

    if getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True):
        return
    validators = Page._meta.get_field("slug").validators
    if validate_slug not in validators:
        validators.append(validate_slug)
