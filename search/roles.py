"""Programme editors run editors' picks (search promotions), read the search terms report and
the translation status; they and the desk editors send pages and snippets for translation
(wagtail-localize)."""

TRANSLATE = "wagtail_localize.submit_translation"

_ROLE_PERMISSIONS = {
    "desk_editor_newspaper": [TRANSLATE],
    "desk_editor_radio": [TRANSLATE],
    "desk_editor_portal": [TRANSLATE],
    "programme_editor": [
        TRANSLATE,
        "wagtailsearchpromotions.add_searchpromotion",
        "wagtailsearchpromotions.change_searchpromotion",
        "wagtailsearchpromotions.delete_searchpromotion",
        "wagtailsearchpromotions.view_searchpromotion",
    ],
}


def _translate_permission_exists():
    """wagtail-localize creates its permission in its own migration 0006, with a name that
    accounts.roles._permission would not give it; earlier role syncs (other apps' migrations
    that run first in a fresh database) must leave it to that migration."""
    from django.contrib.auth.models import Permission
    from django.db import DatabaseError

    try:
        return Permission.objects.filter(
            content_type__app_label="wagtail_localize", codename="submit_translation"
        ).exists()
    except DatabaseError:  # pragma: no cover - tables not created yet
        return False


class _RolePermissions(dict):
    def items(self):
        exists = _translate_permission_exists()
        return [(key, [p for p in perms if exists or p != TRANSLATE]) for key, perms in super().items()]


ROLE_PERMISSIONS = _RolePermissions(_ROLE_PERMISSIONS)
