"""A multiple-choice model field stored as comma-separated codes.

It works the same on SQLite and PostgreSQL (no JSON or array columns), keeps Wagtail
revisions plain, and filters with a simple `__contains` because no code is a substring
of another (P1–P6, micro/small/medium/large, 0–5).
"""

from django import forms
from django.db import models


class ChoiceListField(models.CharField):
    def __init__(self, *args, item_choices=None, **kwargs):
        self.item_choices = item_choices or []
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("default", None)
        return name, path, args, kwargs

    @staticmethod
    def split(value):
        if value is None:
            return []
        if isinstance(value, (list, tuple)):
            return [str(item) for item in value if str(item)]
        return [item for item in str(value).split(",") if item]

    def from_db_value(self, value, expression, connection):
        return self.split(value)

    def to_python(self, value):
        return self.split(value)

    def get_prep_value(self, value):
        if isinstance(value, str):
            return value
        return ",".join(self.split(value))

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def get_default(self):
        return []

    def validate(self, value, model_instance):
        if not self.blank and not value:
            super().validate("", model_instance)

    def formfield(self, **kwargs):
        choices = self.item_choices
        return forms.MultipleChoiceField(
            choices=choices,
            required=not self.blank,
            label=kwargs.get("label", self.verbose_name),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )
