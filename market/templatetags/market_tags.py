from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """`mapping|get_item:key` — a label looked up by code (pillar names)."""
    try:
        return mapping.get(key, "")
    except AttributeError:
        return ""
