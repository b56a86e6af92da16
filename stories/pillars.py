"""The DBI pillars a story can be tagged with, stored as codes "P1".."P6".

The names are the assessment framework's own (a lower layer, cached there per language), so
stories name the pillars exactly as the result page, the handbook and the events do."""


def pillar_choices():
    """[("P1", name), ...] in the active language."""
    from assessment_forms.services import pillar_choices as framework_pillars

    return framework_pillars()


def pillar_name(code):
    return dict(pillar_choices()).get(code, code)
