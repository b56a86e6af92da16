"""A model field for short lists of codes (DBI pillar codes, enterprise size classes)."""

from django import forms
from django.db import models


class CodeListField(models.CharField):
    """A list of short codes stored as ",P1,P3," so that `field__contains=",P1,"` finds one code
    with a plain LIKE on SQLite and PostgreSQL alike. Edited as a group of check boxes.

    `code_choices` is a list of (code, label) pairs or a callable returning one, so the choices
    can come from data (the pillars of the loaded DBI framework) without a migration per change.
    """

    def __init__(self, *args, code_choices=None, **kwargs):
        self.code_choices = code_choices
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.code_choices is not None:
            kwargs["code_choices"] = self.code_choices
        return name, path, args, kwargs

    @staticmethod
    def split(value):
        if value is None:
            return []
        if isinstance(value, list | tuple | set):
            return [str(code) for code in value if code]
        return [code for code in str(value).split(",") if code]

    def from_db_value(self, value, expression, connection):
        return self.split(value)

    def to_python(self, value):
        return self.split(value)

    def get_prep_value(self, value):
        codes = self.split(value)
        return f",{','.join(codes)}," if codes else ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def get_choices_list(self):
        choices = self.code_choices() if callable(self.code_choices) else self.code_choices
        return list(choices or [])

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.MultipleChoiceField,
            "choices": self.get_choices_list,
            "widget": forms.CheckboxSelectMultiple,
            "required": not self.blank,
            "label": self.verbose_name,
            "help_text": self.help_text,
        }
        defaults.update(kwargs)
        form_class = defaults.pop("form_class")
        defaults.pop("max_length", None)
        return form_class(**{k: v for k, v in defaults.items() if k in _FORM_ARGS})


_FORM_ARGS = {"choices", "widget", "required", "label", "help_text", "initial"}


def contains_code(field_name, code):
    """The lookup kwargs that match rows whose `field_name` list contains `code`."""
    return {f"{field_name}__contains": f",{code},"}
