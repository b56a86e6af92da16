"""Extension points for apps above the registry.

The registry sits at the bottom of the architecture and imports no other app of ours. An app
above it that wants to add to the registry's admin (say, assessment_forms: "has an
assessment") registers here from its AppConfig.ready():

    from enterprises.hooks import register_enterprise_list_filter

    register_enterprise_list_filter(
        "has_assessment",
        _("Đã tự đánh giá DBI"),
        lambda queryset, value: queryset.filter(...) if value else queryset.exclude(...),
    )

The filter appears in the admin list (as a yes/no choice) only once registered.
"""

import contextlib
from dataclasses import dataclass


@dataclass(frozen=True)
class ListFilter:
    name: str
    label: str
    queryset_fn: object  # (queryset, value: bool) -> queryset


_list_filters = {}


def register_enterprise_list_filter(name, label, queryset_fn):
    """Add a yes/no filter to the enterprise admin list. Registering a name again replaces it."""
    _list_filters[name] = ListFilter(name, label, queryset_fn)


def unregister_enterprise_list_filter(name):
    _list_filters.pop(name, None)


def enterprise_list_filters():
    return list(_list_filters.values())


@contextlib.contextmanager
def replaced_enterprise_list_filters(*filters):
    """For tests: only `filters` (ListFilter) are registered inside the block; the filters the
    installed apps registered at start-up come back afterwards."""
    saved = dict(_list_filters)
    _list_filters.clear()
    _list_filters.update({item.name: item for item in filters})
    try:
        yield
    finally:
        _list_filters.clear()
        _list_filters.update(saved)
