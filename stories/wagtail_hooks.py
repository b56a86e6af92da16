"""Admin wiring: journalists as snippets, filterable by desk."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Journalist


class JournalistViewSet(SnippetViewSet):
    model = Journalist
    icon = "user"
    menu_label = _("Phóng viên")
    list_display = ["name", "desk", "title", "user"]
    list_filter = ["desk"]
    search_fields = ["name"]
    add_to_admin_menu = False


register_snippet(JournalistViewSet)
