from django import template
from django.utils.http import urlencode

from assessment_forms import services as assessment
from core import numbers
from enterprises.models import Enterprise

register = template.Library()


@register.filter
def level_name(level):
    """The name of a DBI overall level (0–5) as the framework names it (one vocabulary for the
    whole site; cached per language by the assessment app, so a listing costs no query per row)."""
    return assessment.level_name(level)


@register.filter
def size_name(code):
    """The registry's name of a size class (Decree 80/2021/NĐ-CP)."""
    return dict(Enterprise.SizeClass.choices).get(code, code or "–")


@register.simple_tag
def query_url(query, **overrides):
    """The current ranking URL's query string with some parameters changed."""
    params = query.params(**overrides)
    return "?" + urlencode(params) if params else "?"


@register.filter
def num(value):
    """A score as people read it: no trailing zeros, the language's decimal mark (90,77 in
    Vietnamese). Machines (SVG, CSV, JSON) get core.numbers.machine instead."""
    return numbers.human(value)


@register.filter
def item(mapping, key):
    """mapping[key] in a template ({{ row|item:"P1" }}), None when missing."""
    return mapping.get(key) if hasattr(mapping, "get") else None
