from django import template
from django.utils import formats

from home import navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    return navigation.main_menu(context.get("request"))


@register.simple_tag(takes_context=True)
def language_links(context):
    return navigation.language_links(context.get("request"), context.get("page"))


@register.filter
def number(value, decimal_pos=None):
    """A number with the active language's grouping: 1.234.567 in Vietnamese, 1,234,567 in English."""
    if value in (None, ""):
        return ""
    return formats.number_format(value, decimal_pos=decimal_pos, use_l10n=True, force_grouping=True)
