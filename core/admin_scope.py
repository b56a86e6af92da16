"""Per-user scope for admin viewsets: one rule, applied by every door to the same objects.

A viewset that mixes in `ScopedViewSetMixin` and defines `scope(request, queryset)` gets that
narrowing in all its views — listing, export (the listing's own queryset), edit, delete,
history, inspect, usage, revisions, workflow pages — and in its chooser (list, search and the
"chosen" response), so an object outside the user's scope is "not found" everywhere. Choosers
also require a right on the model (Wagtail's own choosers require only admin access).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

ANY_RIGHT = ["add", "change", "delete", "view"]


def _narrow(viewset, request, queryset):
    # Only the viewset's own objects: a history or usage view lists other models (log
    # entries, references) about an object that has already been checked.
    if not issubclass(queryset.model, viewset.model):
        return queryset
    return viewset.scope(request, queryset)


def _check_object(viewset, request, obj):
    if obj is None or getattr(obj, "pk", None) is None or not isinstance(obj, viewset.model):
        return obj
    if not _narrow(viewset, request, type(obj)._default_manager.filter(pk=obj.pk)).exists():
        raise Http404
    return obj


def scoped_view_class(view_class, viewset):
    """A subclass of a generic admin view that sees only `viewset.scope(request, qs)`."""

    class Scoped(view_class):
        def get_base_queryset(self):
            return _narrow(viewset, self.request, super().get_base_queryset())

        def get_object(self, *args, **kwargs):
            return _check_object(viewset, self.request, super().get_object(*args, **kwargs))

    Scoped.__name__ = view_class.__name__
    Scoped.__qualname__ = view_class.__qualname__
    return Scoped


def scoped_chooser_view_class(view_class, viewset):
    class Scoped(view_class):
        def dispatch(self, request, *args, **kwargs):
            if not viewset.permission_policy.user_has_any_permission(request.user, ANY_RIGHT):
                raise PermissionDenied
            return super().dispatch(request, *args, **kwargs)

        def get_object_list(self, *args, **kwargs):
            return _narrow(viewset, self.request, super().get_object_list(*args, **kwargs))

        def get_object(self, pk):
            obj = super().get_object(pk)
            if not _narrow(viewset, self.request, type(obj)._default_manager.filter(pk=obj.pk)).exists():
                raise type(obj).DoesNotExist
            return obj

        def get_objects(self, pks):
            return _narrow(viewset, self.request, super().get_objects(pks))

    Scoped.__name__ = view_class.__name__
    Scoped.__qualname__ = view_class.__qualname__
    return Scoped


class ScopedViewSetMixin:
    """Mix into a ModelViewSet or SnippetViewSet and define `scope(request, queryset)`."""

    def scope(self, request, queryset):
        return queryset

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(scoped_view_class(view_class, self), **kwargs)

    @property
    def chooser_viewset(self):
        parent = self
        chooser = super().chooser_viewset

        def construct_view(view_class, **kwargs):
            return type(chooser).construct_view(chooser, scoped_chooser_view_class(view_class, parent), **kwargs)

        chooser.construct_view = construct_view
        return chooser
