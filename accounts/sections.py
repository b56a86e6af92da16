"""What the "my account" page shows and what "download my data" contains, filled by the apps.

`accounts` is a low layer: it cannot import the apps that hold an enterprise's assessments,
registrations or nominations. Each of those apps registers, from its `AppConfig.ready()`:

- `register_scope(fn)`: (enterprises only) `fn(user)` → the enterprises whose data the user
  may see (verified memberships);
- `register_section(key, title, rows, order=…)`: `rows(user, enterprises)` → a list of
  `Row`s for the account page (its own rows for the user's verified enterprises);
- `register_personal_data(key, fn)`: `fn(user)` → JSON-ready data about the person
  (what "download my data" returns, Decree 13/2023/NĐ-CP).
"""

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Row:
    """One line of a section: what it is, for which enterprise, when, its state, a link."""

    label: str
    enterprise: str = ""
    date: Any = None
    status: str = ""
    url: str = ""
    detail: str = ""


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    rows: Any
    order: int = 50
    empty: str = ""
    # Shown in the header's account menu (a link to the section on the account page).
    menu: bool = True


@dataclass
class Registry:
    scope: Any = None
    sections: dict = field(default_factory=dict)
    personal_data: dict = field(default_factory=dict)


registry = Registry()


def register_scope(fn):
    registry.scope = fn
    return fn


def register_section(key, title, rows, *, order=50, empty="", menu=True):
    registry.sections[key] = Section(key=key, title=title, rows=rows, order=order, empty=empty, menu=menu)


def register_personal_data(key, fn):
    registry.personal_data[key] = fn
    return fn


def enterprises_for(user):
    if registry.scope is None or not user.is_authenticated:
        return []
    return registry.scope(user)


def sections():
    return sorted(registry.sections.values(), key=lambda section: (section.order, section.key))


def filled_sections(user):
    """Each registered section with its rows for this user, in order."""
    enterprises = list(enterprises_for(user))
    return [(section, list(section.rows(user, enterprises))) for section in sections()]


def personal_data(user):
    return {key: fn(user) for key, fn in sorted(registry.personal_data.items())}
