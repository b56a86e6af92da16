"""Choices that come from lower layers: DBI pillars (the assessment framework's own names,
cached there per language) and size classes (the registry's)."""


def pillar_choices():
    """[(code, name)] of the DBI pillars of the current assessment framework."""
    from assessment_forms.services import pillar_choices as framework_pillars

    return framework_pillars()


def size_choices():
    from enterprises.models import Enterprise

    return list(Enterprise.SizeClass.choices)
