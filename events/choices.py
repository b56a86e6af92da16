"""Vocabularies of the events app: formats and languages are its own; audience sizes, DX levels and
DBI pillars are read from the registry and the assessment framework (one vocabulary for the site)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from enterprises.models import Enterprise


def pillar_choices():
    """[("P1", name), ...]: the assessment framework's own names (one vocabulary for the site)."""
    from assessment_forms.services import pillar_choices as framework_pillars

    return framework_pillars()


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", _("Trực tiếp")
    ONLINE = "online", _("Trực tuyến")
    HYBRID = "hybrid", _("Kết hợp trực tiếp và trực tuyến")


class EventLanguage(models.TextChoices):
    VI = "vi", _("Tiếng Việt")
    EN = "en", _("Tiếng Anh")
    BOTH = "vi_en", _("Tiếng Việt và tiếng Anh")


# Enterprise size classes of Decree 80/2021/NĐ-CP: the registry's own choices.
SIZE_CHOICES = Enterprise.SizeClass.choices


def LEVEL_CHOICES():  # noqa: N802 - a callable in place of the former constant, for the form field
    """DBI levels 0–5 with the framework's names ("Mức 0 – Chưa khởi động", …)."""
    from assessment_forms.services import level_choices

    return [
        (str(level), _("Mức %(level)s – %(name)s") % {"level": level, "name": name}) for level, name in level_choices()
    ]


def label_for(choices, code):
    if callable(choices):
        choices = choices()
    return dict(choices).get(code, code)
