from django import template

from accounts import sections

register = template.Library()


@register.simple_tag
def account_menu_sections():
    """The sections the apps registered for the header's account menu: (title, anchor)."""
    return [(section.title, section.key) for section in sections.sections() if section.menu]
