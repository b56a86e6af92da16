"""`{% json_ld data %}`: a schema.org JSON-LD script element, written by
`core.jsonld` (the site's one JSON-LD writer: escaped for a script element, numbers never
localised)."""

from django import template

from core import jsonld

register = template.Library()


@register.simple_tag
def json_ld(data):
    return jsonld.script(data)
