"""Events have their organisers: the accounts and groups named on each event page. An
organiser sees and manages only those events' registrations (listing, export, check-in,
messages, certificates); programme editors hold `events.manage_all_registrations` and see
every event's. Registrations belong to the event in the default language, so the rule is
read on that page.

`organiser_policy` states the rule as a Wagtail permission policy: every organiser view
(events.admin_views) and the event pages' buttons ask it, and nothing else decides."""

from django import forms
from django.contrib.auth import get_permission_codename

from core.policies import ActionPermissionPolicy

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


class OrganiserPermissionPolicy(ActionPermissionPolicy):
    """The organiser scope on events. One action, "manage" (an event's registrations:
    listing, exports, sign-in sheet, check-in, messages, feedback, certificates): it needs
    `events.change_registration` model-wide and, on an event, being one of its organisers
    (an account or a group named on the page) or holding `events.manage_all_registrations`.
    Instances are events; a translation is judged on its default-language page."""

    actions = {"manage": "change"}  # the action → the right on Registration it stands for

    def __init__(self):
        super().__init__("events.EventPage", auth_model="events.Registration")

    def _get_permission_codenames(self, actions):
        meta = self.auth_model._meta
        return {get_permission_codename(self.actions[action], meta) for action in actions if action in self.actions}

    def _get_permission_name(self, action):
        return f"{self.app_label}.{get_permission_codename(self.actions[action], self.auth_model._meta)}"

    def user_has_permission(self, user, action):
        return action in self.actions and user.is_authenticated and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and can_manage_event(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return managed_events(user)


organiser_policy = OrganiserPermissionPolicy()
