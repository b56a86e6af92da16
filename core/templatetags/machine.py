"""Numbers for machines and numbers for people, in templates.

`{{ x|machine }}` writes a number the way SVG, JSON-LD, data attributes and CSV need it
(a dot, no grouping, whatever the language): the Vietnamese decimal comma (``170,0``) is not a
number to a browser. `{{ x|human }}` and `{{ x|human:1 }}` write it the way a person reads it in
the current language (``90,77`` and ``1.234.567`` in Vietnamese). `{% vndate d %}` gives
``20/10/2025``. Python code uses `core.numbers` directly."""

from django import template

from core import numbers

register = template.Library()


@register.filter(is_safe=True)
def machine(value, digits=""):
    """A number as machines read it: '12.5', '170', never '12,5'. '' for missing values."""
    return numbers.machine(value, digits)


@register.filter(is_safe=True)
def machine_points(points):
    """A sequence of (x, y) pairs as an SVG `points` attribute: '10.5,20 30,40.2'."""
    return numbers.machine_points(points)


@register.filter
def human(value, digits=""):
    """A number as people read it in the current language: 90,77 and 1.234.567 in Vietnamese."""
    return numbers.human(value, digits)


@register.filter
def vndate(value):
    """A date as people read it in the current language's short form (20/10/2025)."""
    return numbers.short_date(value)
