"""Per-user scope for admin viewsets: one rule, applied by every door to the same objects.

A viewset that mixes in `ScopedViewSetMixin` and defines `scope(request, queryset)` gets that
narrowing in all its views — listing, export (the listing's own queryset), edit, delete,
history, inspect, usage, revisions, workflow pages — and in its chooser (list, search and the
"chosen" response), so an object outside the user's scope is "not found" everywhere. Choosers
also require a right on the model (Wagtail's own choosers require only admin access).
"""

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse

if TYPE_CHECKING:  # Wagtail ships no type information: the base is Any to mypy
    from wagtail.admin.viewsets.model import ModelViewSet as _ViewSetBase
else:
    _ViewSetBase = object

ANY_RIGHT = ["add", "change", "delete", "view"]


def _narrow(viewset: Any, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
    # Only the viewset's own objects: a history or usage view lists other models (log
    # entries, references) about an object that has already been checked.
    if not issubclass(queryset.model, viewset.model):
        return queryset
    return viewset.scope(request, queryset)


def _check_object(viewset: Any, request: HttpRequest, obj: Model | None) -> Model | None:
    if obj is None or getattr(obj, "pk", None) is None or not isinstance(obj, viewset.model):
        return obj
    if not _narrow(viewset, request, type(obj)._default_manager.filter(pk=obj.pk)).exists():
        raise Http404
    return obj


def scoped_view_class(view_class: Any, viewset: Any) -> type:
    """A subclass of a generic admin view that sees only `viewset.scope(request, qs)`."""

    class Scoped(view_class):
        def get_base_queryset(self) -> QuerySet[Any]:
            return _narrow(viewset, self.request, super().get_base_queryset())

        def get_object(self, *args: Any, **kwargs: Any) -> Model | None:
            return _check_object(viewset, self.request, super().get_object(*args, **kwargs))

    Scoped.__name__ = view_class.__name__
    Scoped.__qualname__ = view_class.__qualname__
    return Scoped


def scoped_chooser_view_class(view_class: Any, viewset: Any) -> type:
    class Scoped(view_class):
        def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not viewset.permission_policy.user_has_any_permission(request.user, ANY_RIGHT):
                raise PermissionDenied
            return super().dispatch(request, *args, **kwargs)

        def get_object_list(self, *args: Any, **kwargs: Any) -> QuerySet[Any]:
            return _narrow(viewset, self.request, super().get_object_list(*args, **kwargs))

        def get_object(self, pk: Any) -> Model:
            obj = super().get_object(pk)
            if not _narrow(viewset, self.request, type(obj)._default_manager.filter(pk=obj.pk)).exists():
                raise type(obj).DoesNotExist
            return obj

        def get_objects(self, pks: Any) -> QuerySet[Any]:
            return _narrow(viewset, self.request, super().get_objects(pks))

    Scoped.__name__ = view_class.__name__
    Scoped.__qualname__ = view_class.__qualname__
    return Scoped


class ScopedViewSetMixin(_ViewSetBase):
    """Mix into a ModelViewSet or SnippetViewSet and define `scope(request, queryset)`."""

    def scope(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset

    def construct_view(self, view_class: Any, **kwargs: Any) -> Any:
        return super().construct_view(scoped_view_class(view_class, self), **kwargs)

    @property
    def chooser_viewset(self) -> Any:
        parent = self
        chooser = super().chooser_viewset

        def construct_view(view_class: Any, **kwargs: Any) -> Any:
            return type(chooser).construct_view(chooser, scoped_chooser_view_class(view_class, parent), **kwargs)

        chooser.construct_view = construct_view
        return chooser
