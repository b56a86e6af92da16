"""Events have their organisers: the accounts and groups named on each event page. An
organiser sees and manages only those events' registrations (listing, export, check-in,
messages, certificates); programme editors hold `events.manage_all_registrations` and see
every event's. Registrations belong to the event in the default language, so the rule is
read on that page."""

from django import forms

MANAGE_PERMISSION = "events.change_registration"
ALL_PERMISSION = "events.manage_all_registrations"


class OrganiserSelect(forms.CheckboxSelectMultiple):
    """A plain list of checkboxes: a handful of organisers and groups."""


def sees_all(user):
    return user.is_authenticated and user.has_perm(ALL_PERMISSION)


def managed_events(user):
    """The events (default-language pages) whose registrations the user manages."""
    from django.db.models import Q

    from .models import EventPage

    if not user.is_authenticated or not user.has_perm(MANAGE_PERMISSION):
        return EventPage.objects.none()
    if sees_all(user):
        return EventPage.objects.all()
    return EventPage.objects.filter(Q(organisers=user) | Q(organiser_groups__in=user.groups.all())).distinct()


def can_manage_event(user, event):
    if not user.is_authenticated or not user.has_perm(MANAGE_PERMISSION):
        return False
    if sees_all(user):
        return True
    return managed_events(user).filter(pk=event.canonical.pk).exists()


def scope_registrations(user, queryset):
    if sees_all(user):
        return queryset
    return queryset.filter(event__in=managed_events(user).values("pk"))
