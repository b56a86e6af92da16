"""Admin wiring: journalists as snippets, filterable by desk; a journalist's own byline."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import services
from .models import DeskIndexPage, Journalist, StoryPage


class JournalistViewSet(SnippetViewSet):
    model = Journalist
    icon = "user"
    menu_label = _("Phóng viên")
    list_display = ["name", "desk", "title", "user"]
    list_filter = ["desk"]
    search_fields = ["name"]
    add_to_admin_menu = False


register_snippet(JournalistViewSet)


@hooks.register("before_create_page")
def journalist_for_new_story(request, parent_page, page_class):
    """A journalist writing her first story finds her own name in the byline chooser: her
    journalist record is made from her account (she then picks it and may set the name
    printed on the story). Returns nothing, so the editor opens as usual."""
    if issubclass(page_class, StoryPage) and isinstance(parent_page.specific_deferred, DeskIndexPage):
        services.ensure_journalist(request.user, parent_page.specific_deferred.desk)


@hooks.register("before_edit_page")
def journalist_for_story(request, page):
    if isinstance(page.specific_deferred, StoryPage) and page.specific_deferred.desk:
        services.ensure_journalist(request.user, page.specific_deferred.desk)
