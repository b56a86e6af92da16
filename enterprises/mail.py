"""E-mails the registry promises, through the site's one pipeline (core.mail): "your request
was received" when someone asks to act for an enterprise, and "verified" when a programme
editor approves it (the registration page says "Cán bộ của Sở sẽ xác minh và thông báo cho
bạn")."""

from django.conf import settings
from django.db.models.signals import post_save, pre_save
from django.urls import reverse
from django.utils import translation

from core.mail import queue_mail, site_url

from .models import Enterprise, EnterpriseMembership


def contact_emails(enterprise):
    """Everyone who speaks for an enterprise: the e-mail on record and its active members."""
    emails = {enterprise.email} if enterprise.email else set()
    for email, user_email in EnterpriseMembership.objects.filter(
        enterprise=enterprise, status=EnterpriseMembership.Status.ACTIVE
    ).values_list("email", "user__email"):
        emails.update(e for e in (email, user_email) if e)
    return sorted(emails)


def _language():
    return translation.get_language() or settings.LANGUAGE_CODE


def registration_received(membership):
    with translation.override(_language()):
        profiles = site_url(reverse("enterprises:profile_list"))
    return queue_mail(
        "enterprises.registration_received",
        membership.email or (membership.user.email if membership.user_id else ""),
        "enterprises/mail/registration_received",
        {"membership": membership, "enterprise": membership.enterprise, "profiles_url": profiles},
        language=_language(),
        related=membership,
    )


def membership_verified(membership):
    with translation.override(settings.LANGUAGE_CODE):
        edit = site_url(reverse("enterprises:profile_edit", args=[membership.enterprise_id]))
    return queue_mail(
        "enterprises.membership_verified",
        membership.email or (membership.user.email if membership.user_id else ""),
        "enterprises/mail/membership_verified",
        {"membership": membership, "enterprise": membership.enterprise, "edit_url": edit},
        language=settings.LANGUAGE_CODE,
        related=membership,
    )


def _remember_status(sender, instance, **kwargs):
    instance._previous_status = (
        EnterpriseMembership.objects.filter(pk=instance.pk).values_list("status", flat=True).first()
        if instance.pk
        else None
    )


def _on_membership_saved(sender, instance, created, **kwargs):
    previous = getattr(instance, "_previous_status", None)
    if (
        not created
        and instance.origin == EnterpriseMembership.Origin.SELF
        and previous == EnterpriseMembership.Status.PENDING
        and instance.status == EnterpriseMembership.Status.ACTIVE
    ):
        membership_verified(instance)


def connect():
    pre_save.connect(_remember_status, sender=EnterpriseMembership, dispatch_uid="enterprises-mail-pre")
    post_save.connect(_on_membership_saved, sender=EnterpriseMembership, dispatch_uid="enterprises-mail-post")


__all__ = ["Enterprise", "contact_emails", "membership_verified", "registration_received"]
