"""Select boxes for public filter forms, written without the template engine (issue 21).

Django renders a <select> through a template per option: a filter of provinces, wards or
sectors (hundreds to thousands of options) costs more than the rest of a listing page. Here:

- `FastSelect` writes the same markup (``<select name id class…><option value="v">label…``)
  straight from its choices, escaping values and labels, and marks the selected option (the
  first one with that value, as Django does). Labels stay real text, the <label for> of the
  form still points at the select's id: nothing changes for assistive technology.
- `Options` is a list of choices built from the database (the areas some consultant serves…),
  kept in the cache with its rendered options under a key made of `core.cache` version names
  (bumped by whoever changes the rows), the active language and any extra key parts (the day):
  a warm filter costs one cache read, no query and no rendering. With the cache down it is
  built and rendered each time (fail open), never stale: a bump makes the old key unreachable.
- `OptionsField` is a ChoiceField whose choices are an `Options`: it validates a submitted
  value against the options without copying them into the form on every request.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from django import forms
from django.core.cache import cache
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from core import cache as versions

Choice = tuple[str, str]

# Options are rebuilt at least this often even without a bump (rows written in bulk, without
# model signals, e.g. loading the country's administrative units).
OPTIONS_SECONDS = 600


def options_html(choices: Iterable[tuple[Any, Any]]) -> str:
    """`<option value="…">label</option>` for each (value, label), escaped, nothing selected."""
    parts = []
    for value, label in choices:
        if isinstance(label, list | tuple):  # an optgroup: (group label, [(value, label)…])
            inner = options_html(label)
            parts.append(f'<optgroup label="{escape(value)}">{inner}</optgroup>')
            continue
        parts.append(f'<option value="{escape("" if value is None else value)}">{escape(label)}</option>')
    return "".join(parts)


def mark_selected(html: str, values: Sequence[str], multiple: bool = False) -> str:
    """`html` of options with the options of `values` marked selected (the first one only for
    a single select, as Django's own Select does)."""
    for value in values if multiple else values[:1]:
        needle = f'<option value="{escape(value)}">'
        html = html.replace(needle, f'<option value="{escape(value)}" selected>', -1 if multiple else 1)
    return html


class Options:
    """Choices built by `build()` (a list of (value, label)), cached per language, `names`
    (core.cache version names: a bump drops them) and `parts` (extra key parts, such as the
    day for dated data), with their options HTML. `first` choices (the "All" entry) are put
    before them and are part of the cached HTML too."""

    def __init__(
        self,
        name: str,
        build: Callable[[], Iterable[Choice]],
        *,
        names: Sequence[str] = (),
        parts: Sequence[Any] = (),
        first: Sequence[Choice] = (),
        timeout: int = OPTIONS_SECONDS,
        cached: bool = True,
    ) -> None:
        self.name = name
        self.cached = cached
        self.build = build
        self.names = tuple(names)
        self.parts = tuple(parts)
        self.first = tuple(first)
        self.timeout = timeout
        self._key: str | None = None
        self._choices: list[Choice] | None = None
        self._values: set[str] | None = None
        self._html: str | None = None

    @property
    def key(self) -> str:
        if self._key is None:
            tokens = versions.versions(*self.names) if self.names else {}
            self._key = ":".join(
                ["options", self.name, get_language() or "", *map(str, self.parts), *(tokens[n] for n in self.names)]
            )
        return self._key

    def _all(self) -> list[Choice]:
        return [(str(value), str(label)) for value, label in (*self.first, *self.build())]

    @classmethod
    def fixed(cls, choices: Iterable[Choice], first: Sequence[Choice] = ()) -> Options:
        """Options of a list at hand (not cached: nothing to build)."""
        items = list(choices)
        return cls("fixed", lambda: items, first=first, cached=False)

    @property
    def choices(self) -> list[Choice]:
        if self._choices is None and not self.cached:
            self._choices = self._all()
        if self._choices is None:
            found = cache.get(self.key + ":choices")
            if found is None:
                found = self._all()
                cache.set(self.key + ":choices", found, self.timeout)
            self._choices = found
        return self._choices

    def __iter__(self) -> Iterator[Choice]:
        return iter(self.choices)

    def __len__(self) -> int:
        return len(self.choices)

    def __contains__(self, value: object) -> bool:
        if self._values is None:
            self._values = {value for value, _ in self.choices}
        return str(value) in self._values

    def label(self, value: object, default: str = "") -> str:
        return dict(self.choices).get(str(value), default)

    @property
    def html(self) -> str:
        if self._html is None and not self.cached:
            self._html = options_html(self.choices)
        if self._html is None:
            found = cache.get(self.key + ":html")
            if found is None:
                found = options_html(self.choices)
                cache.set(self.key + ":html", found, self.timeout)
            self._html = found
        return self._html


class FastSelect(forms.Select):
    """A <select> written directly (see the module docstring), from its `cached_options` (an
    `Options`: HTML from the cache) or else its plain choices."""

    cached_options: Options | None = None

    def render(self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None) -> SafeString:
        final = self.build_attrs(self.attrs, attrs)
        final["name"] = name
        if self.allow_multiple_selected:
            final["multiple"] = True
        cached = self.cached_options
        html = cached.html if cached is not None else options_html(self.choices)
        selected = [str(v) for v in self.format_value(value)]
        html = mark_selected(html, selected, self.allow_multiple_selected)
        return mark_safe(f"<select{flatatt(final)}>{html}</select>")  # noqa: S308 - every part escaped above


class OptionsField(forms.ChoiceField):
    """A ChoiceField over an `Options` (cached choices), rendered by a `FastSelect`."""

    widget = FastSelect

    def __init__(self, *, options: Options | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if options is not None:
            self.options = options

    @property
    def options(self) -> Options | None:
        return getattr(self, "_options", None)

    @options.setter
    def options(self, value: Options) -> None:
        # Not the widget's `choices`: Django would copy the whole list into it (normalized)
        # for every form; the widget reads the options (and their cached HTML) when rendered.
        self._options = value
        self.widget.cached_options = value

    def valid_value(self, value: Any) -> bool:
        options = self.options
        if options is None:
            return super().valid_value(value)
        return str(value) in options


class FilterFormMixin:
    """`{{ form.as_filters }}`: a GET filter form's fields in Bootstrap 5 markup (a label above
    each control, checkboxes as form-check, each error under its field, tied to the control by
    aria-describedby), written in Python instead of a template pack's templates per field."""

    def as_filters(self) -> SafeString:
        parts = []
        for bound in self:  # type: ignore[attr-defined]
            widget = bound.field.widget
            attrs: dict[str, Any] = {}
            errors = bound.errors
            error_id = f"{bound.auto_id}_error"
            if errors:
                attrs["aria-describedby"] = error_id
                attrs["aria-invalid"] = "true"
            check = isinstance(widget, forms.CheckboxInput)
            css = widget.attrs.get("class", "")
            wanted = (
                "form-check-input" if check else ("form-select" if isinstance(widget, forms.Select) else "form-control")
            )
            classes = " ".join(dict.fromkeys([*css.split(), wanted, *(["is-invalid"] if errors else [])]))
            attrs["class"] = classes
            control = bound.as_widget(attrs=attrs)
            label = escape(bound.label)
            error_html = (
                f'<div id="{error_id}" class="invalid-feedback d-block">{escape(" ".join(errors))}</div>'
                if errors
                else ""
            )
            if check:
                parts.append(
                    f'<div class="mb-3"><div class="form-check">{control}'
                    f'<label class="form-check-label" for="{bound.id_for_label}">{label}</label>'
                    f"{error_html}</div></div>"
                )
            else:
                parts.append(
                    f'<div class="mb-3"><label class="form-label" for="{bound.id_for_label}">{label}</label>'
                    f"{control}{error_html}</div>"
                )
        return mark_safe("".join(parts))  # noqa: S308 - labels and errors escaped, controls by Django
