"""The registry's small public interface. Other apps call these, not the models' internals."""

from django.db import transaction

from core.text import fold_compact as fold  # noqa: F401  (the registry folds names compactly)

from .models import Enterprise
from .validators import normalize_tax_code, validate_tax_code


def find_by_tax_code(tax_code):
    """The enterprise with this tax code (in any typed form), or None."""
    code = normalize_tax_code(tax_code)
    return Enterprise.objects.filter(tax_code=code).first() if code else None


@transaction.atomic
def get_or_create_pending(tax_code, name, **details):
    """The enterprise with this tax code, or a new one marked pending for the programme
    editors to verify. Raises ValidationError for an invalid tax code.

    Returns (enterprise, created)."""
    code = normalize_tax_code(tax_code)
    validate_tax_code(code)
    enterprise = Enterprise.objects.select_for_update().filter(tax_code=code).first()
    if enterprise is not None:
        return enterprise, False
    allowed = {"name_en", "address", "email", "phone", "contact_name", "sector", "area", "legal_form"}
    extra = {key: value for key, value in details.items() if key in allowed and value}
    enterprise = Enterprise.objects.create(tax_code=code, name=name.strip(), status=Enterprise.Status.PENDING, **extra)
    return enterprise, True


# --- The enterprise's own users -----------------------------------------------------------

INVITATION_SALT = "enterprises.invitation"
INVITATION_MAX_AGE = 14 * 24 * 3600  # seconds

# What an enterprise's own users may change on its record (its public profile).
PROFILE_FIELDS = (
    "name",
    "name_en",
    "short_name",
    "address",
    "contact_name",
    "email",
    "phone",
    "website",
    "social_pages",
    "publish_dbi_consent",
)


def invitation_token(membership):
    from django.core import signing

    return signing.dumps({"m": membership.pk, "e": membership.email.lower()}, salt=INVITATION_SALT)


def membership_for_token(token):
    """The invited membership a token stands for, or None if the link is forged, expired or used."""
    from django.core import signing

    from .models import EnterpriseMembership

    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except signing.BadSignature:
        return None
    return (
        EnterpriseMembership.objects.select_related("enterprise")
        .filter(pk=data.get("m"), email__iexact=data.get("e", ""), status=EnterpriseMembership.Status.INVITED)
        .first()
    )


def send_invitation(membership, request=None):
    """E-mail the signed link that lets the invited person join the enterprise."""
    from django.conf import settings
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.urls import reverse

    link = reverse("enterprises:invitation", args=[invitation_token(membership)])
    link = request.build_absolute_uri(link) if request else settings.WAGTAILADMIN_BASE_URL.rstrip("/") + link
    context = {"membership": membership, "enterprise": membership.enterprise, "link": link}
    send_mail(
        render_to_string("enterprises/email/invitation_subject.txt", context).strip(),
        render_to_string("enterprises/email/invitation.txt", context),
        None,
        [membership.email],
    )


@transaction.atomic
def accept_invitation(membership, user):
    """Link the invited membership to the user who followed the link; it becomes active."""
    from django.utils import timezone

    from .models import EnterpriseMembership

    existing = EnterpriseMembership.objects.filter(enterprise=membership.enterprise, user=user).exclude(
        pk=membership.pk
    )
    if existing.exists():
        membership.delete()
        membership = existing.first()
    membership.user = user
    membership.status = EnterpriseMembership.Status.ACTIVE
    membership.verified_at = membership.verified_at or timezone.now()
    membership.verified_by = membership.verified_by or membership.invited_by
    membership.save()
    return membership


@transaction.atomic
def register_membership(user, tax_code, enterprise_name="", position=""):
    """A user asks to act for the enterprise with this tax code; a programme editor verifies.

    Unknown tax codes create a pending enterprise (get_or_create_pending). Returns the
    membership; asking twice returns the same one."""
    from .models import EnterpriseMembership

    enterprise = find_by_tax_code(tax_code)
    if enterprise is None:
        enterprise, _ = get_or_create_pending(tax_code, enterprise_name or tax_code)
    membership, _ = EnterpriseMembership.objects.get_or_create(
        enterprise=enterprise,
        user=user,
        defaults={
            "email": user.email,
            "status": EnterpriseMembership.Status.PENDING,
            "origin": EnterpriseMembership.Origin.SELF,
            "position": position,
        },
    )
    return membership


def enterprises_for_member(user):
    """The enterprises this user may edit (active memberships only)."""
    from .models import EnterpriseMembership

    if not user.is_authenticated:
        return Enterprise.objects.none()
    return Enterprise.objects.filter(
        memberships__user=user, memberships__status=EnterpriseMembership.Status.ACTIVE
    ).distinct()


def can_edit_profile(user, enterprise):
    return enterprises_for_member(user).filter(pk=enterprise.pk).exists()


def editable_profile_fields(enterprise):
    """The profile fields plus the figures, unless an assessor has verified the figures."""
    from .models import VERIFIED_FIGURES

    return PROFILE_FIELDS if enterprise.figures_verified else PROFILE_FIELDS + VERIFIED_FIGURES


@transaction.atomic
def update_profile(enterprise, user, data):
    """Apply a member's changes to the fields they may change; others in `data` are ignored.

    Returns the names of the fields that changed; the change is logged in the audit trail."""
    from django.core.exceptions import PermissionDenied
    from wagtail.log_actions import log

    if not can_edit_profile(user, enterprise):
        raise PermissionDenied
    enterprise = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
    allowed = editable_profile_fields(enterprise)
    changed = [name for name in allowed if name in data and getattr(enterprise, name) != data[name]]
    for name in changed:
        setattr(enterprise, name, data[name])
    if changed:
        enterprise.save()
        log(enterprise, "wagtail.edit", user=user, data={"fields": changed, "via": "profile"})
    return changed


def is_verified_member(user, enterprise):
    """Whether the user is a verified (active) member of the enterprise: the key to its
    history, registrations and nominations. A minimal version; the accounts work refines it."""
    from .models import EnterpriseMembership

    if enterprise is None or user is None or not user.is_authenticated:
        return False
    return EnterpriseMembership.objects.filter(
        user=user, enterprise=enterprise, status=EnterpriseMembership.Status.ACTIVE
    ).exists()
