"""The registry's small public interface. Other apps call these, not the models' internals."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.http import HttpRequest

from core.rows import FieldRow
from core.text import fold_compact as fold  # noqa: F401  (the registry folds names compactly)

from .models import Enterprise
from .provinces import UnitLookupError, province_ids, province_units, resolve_unit, site_province  # noqa: F401
from .sectors import VSIC_2025_FROM, SectorIndex, SectorLookupError, division_sections_2025, version_on  # noqa: F401
from .stats import Split, count_by_area  # noqa: F401
from .validators import normalize_tax_code, validate_tax_code

if TYPE_CHECKING:
    from core.models import OutgoingMail

    from .models import AdministrativeUnit, ClassificationChange, EnterpriseMembership, Sector


def find_by_tax_code(tax_code: str | None, fields: tuple[str, ...] = ()) -> Enterprise | None:
    """The enterprise with this tax code (in any typed form), or None. `fields`: only these
    are read (the others load when first used), for a caller on a hot path."""
    code = normalize_tax_code(tax_code)
    if not code:
        return None
    if fields:
        return _find_fields(code, fields)
    return next(iter(Enterprise.objects.filter(tax_code=code).order_by()[:1]), None)  # unique: no ORDER BY


_FIND_SQL: dict[tuple[str, tuple[str, ...]], tuple[str, FieldRow]] = {}


def _find_fields(code: str, fields: tuple[str, ...]) -> Enterprise | None:
    """`find_by_tax_code` with only `fields` read, in plain SQL built once per field list
    (perf, issue 21.4: under a registration rush the ORM spent six times as long building
    this one-row lookup as the database spent answering it). The instance is what `.only()`
    gives, values converted as the ORM converts them; the other fields load when first used."""
    from django.db import connection

    entry = _FIND_SQL.get((connection.alias, fields))
    if entry is None:
        meta = Enterprise._meta
        concrete: list[Any] = list(meta.concrete_fields)
        # In the model's field order: `from_db` pairs the values with the fields in that order.
        row = FieldRow(
            [each for each in concrete if each.primary_key or each.name in fields or each.attname in fields], connection
        )
        where = connection.ops.quote_name(next(each.column for each in concrete if each.name == "tax_code"))
        sql = f"SELECT {row.columns} FROM {connection.ops.quote_name(meta.db_table)} WHERE {where} = %s LIMIT 1"  # noqa: S608
        entry = _FIND_SQL[(connection.alias, fields)] = (sql, row)
    sql, row = entry
    with connection.cursor() as cursor:
        cursor.execute(sql, [code])
        found = cursor.fetchone()
    if found is None:
        return None
    return Enterprise.from_db(connection.alias, [field.attname for field in row.fields], row.values(found))


def get_or_create_pending(
    tax_code: str | None, name: str, *, known_missing: bool = False, savepoint: bool = True, **details: Any
) -> tuple[Enterprise, bool]:
    """The enterprise with this tax code, or a new one marked pending for the programme
    editors to verify. Raises ValidationError for an invalid tax code. `known_missing`: the
    caller has just looked the code up (`find_by_tax_code`) and found nothing, so the insert is
    tried at once. `savepoint=False`: inside the caller's transaction without a savepoint of
    its own (two fewer statements); a duplicate tax code then raises IntegrityError, and the
    caller's transaction must be rolled back.

    Idempotent under concurrency: two first registrations with the same new tax code race on
    the unique key; the loser's insert fails inside a savepoint and it reads the winner's row
    (no 500). Returns (enterprise, created)."""
    code = normalize_tax_code(tax_code)
    validate_tax_code(code)
    if not known_missing:
        enterprise = Enterprise.objects.filter(tax_code=code).first()
        if enterprise is not None:
            return enterprise, False
    allowed = {"name_en", "address", "email", "phone", "contact_name", "sector", "area", "legal_form"}
    extra = {key: value for key, value in details.items() if key in allowed and value}
    try:
        with transaction.atomic(savepoint=savepoint):
            enterprise = Enterprise.objects.create(
                tax_code=code, name=name.strip()[:150], status=Enterprise.Status.PENDING, **extra
            )
        return enterprise, True
    except IntegrityError:
        if not savepoint:  # the caller's transaction is broken: it must roll back
            raise
        enterprise = Enterprise.objects.filter(tax_code=code).first()
        if enterprise is None:
            raise
        return enterprise, False


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


def verified_enterprises_for(user: Any) -> QuerySet[Enterprise]:
    """The enterprises whose data this user may see and whose profile they may edit: those
    of their verified (active) memberships. Other apps call this (and `is_verified_member`)."""
    from .models import EnterpriseMembership

    if user is None or not user.is_authenticated:
        return Enterprise.objects.none()
    return Enterprise.objects.filter(
        memberships__user=user, memberships__status=EnterpriseMembership.Status.ACTIVE
    ).distinct()


def is_verified_member(user: Any, enterprise: Enterprise | int | None) -> bool:
    """True when the user is a verified member of the enterprise (not merely claimed it)."""
    if enterprise is None:
        return False
    return verified_enterprises_for(user).filter(pk=getattr(enterprise, "pk", enterprise)).exists()


def can_edit_profile(user: Any, enterprise: Enterprise | int | None) -> bool:
    return is_verified_member(user, enterprise)


def memberships_of(user: Any) -> QuerySet[EnterpriseMembership]:
    """The user's memberships (verified, waiting or invited), newest first, revoked left out."""
    from .models import EnterpriseMembership

    if not user.is_authenticated:
        return EnterpriseMembership.objects.none()
    return (
        EnterpriseMembership.objects.filter(user=user)
        .exclude(status=EnterpriseMembership.Status.REVOKED)
        .select_related("enterprise")
    )


def _timestamp(moment: datetime | None) -> int:
    return int(moment.timestamp()) if moment else 0


def invitation_token(membership: EnterpriseMembership) -> str:
    from django.core import signing

    data = {"m": membership.pk, "e": membership.email.lower(), "t": _timestamp(membership.invitation_sent_at)}
    return signing.dumps(data, salt=INVITATION_SALT)


def membership_for_token(token: str) -> EnterpriseMembership | None:
    """The invited membership a token stands for, or None if the link is forged, expired
    (14 days), already used, revoked, or replaced by a newer invitation."""
    from django.core import signing

    from .models import EnterpriseMembership

    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except signing.BadSignature:
        return None
    membership = (
        EnterpriseMembership.objects.select_related("enterprise")
        .filter(pk=data.get("m"), email__iexact=data.get("e", ""), status=EnterpriseMembership.Status.INVITED)
        .first()
    )
    if membership is None or _timestamp(membership.invitation_sent_at) != data.get("t"):
        return None
    return membership


def send_invitation(membership: EnterpriseMembership, request: HttpRequest | None = None) -> OutgoingMail:
    """E-mail the signed link that lets the invited person join the enterprise.

    The link is bound to the membership's e-mail address, valid for 14 days, and voids
    every earlier link for this membership (its time is part of the signature)."""
    from django.urls import reverse
    from django.utils import timezone, translation

    from core.mail import queue_mail, site_url

    membership.invitation_sent_at = timezone.now().replace(microsecond=0)
    membership.save(update_fields=["invitation_sent_at"])
    with translation.override("vi"):
        path = reverse("enterprises:invitation", args=[invitation_token(membership)])
    context = {
        "membership": membership,
        "enterprise": membership.enterprise,
        "link": site_url(path),
        "days": INVITATION_MAX_AGE // 86400,
    }
    return queue_mail(
        "enterprises.invitation",
        membership.email,
        "enterprises/email/invitation",
        context,
        language="vi",
        related=membership,
    )


@transaction.atomic
def invite(enterprise: Enterprise, email: str, *, invited_by: Any = None, position: str = "") -> EnterpriseMembership:
    """Invite the person at `email` to act for the enterprise. A new invitation revokes the
    earlier invitations to the same address for this enterprise. Returns the membership."""
    from .models import EnterpriseMembership

    email = email.strip().lower()
    EnterpriseMembership.objects.filter(
        enterprise=enterprise, email__iexact=email, user__isnull=True, status=EnterpriseMembership.Status.INVITED
    ).update(status=EnterpriseMembership.Status.REVOKED)
    membership = EnterpriseMembership.objects.create(
        enterprise=enterprise,
        email=email,
        status=EnterpriseMembership.Status.INVITED,
        origin=EnterpriseMembership.Origin.INVITATION,
        invited_by=invited_by,
        position=position,
    )
    send_invitation(membership)
    return membership


def invitation_matches(membership: EnterpriseMembership, user: Any) -> bool:
    """True when the account's own e-mail is the invited address (allauth's addresses count)."""
    from allauth.account.models import EmailAddress

    wanted = membership.email.strip().lower()
    if (user.email or "").strip().lower() == wanted:
        return True
    return EmailAddress.objects.filter(user=user, email__iexact=wanted).exists()


class InvitationRefused(Exception):
    """The invitation was sent to another address than the account's."""


@transaction.atomic
def accept_invitation(membership: EnterpriseMembership, user: Any) -> EnterpriseMembership:
    """Link the invited membership to the user who followed the link; it becomes active.

    Only an account with the invited e-mail may accept (InvitationRefused otherwise).
    Following the link proves the person reads that mailbox, so the address is marked
    verified. A claim the same user made earlier is merged into the accepted invitation."""
    from allauth.account.models import EmailAddress
    from django.utils import timezone

    from .models import EnterpriseMembership

    if not invitation_matches(membership, user):
        raise InvitationRefused
    address = EmailAddress.objects.filter(user=user, email__iexact=membership.email).first()
    if address is None:
        EmailAddress.objects.create(
            user=user, email=membership.email.lower(), verified=True, primary=not user.emailaddress_set.exists()
        )
    elif not address.verified:
        address.verified = True
        address.save(update_fields=["verified"])
    existing = EnterpriseMembership.objects.filter(enterprise=membership.enterprise, user=user).exclude(
        pk=membership.pk
    )
    if existing.exists():
        membership.delete()
        membership = cast("EnterpriseMembership", existing.first())
    membership.user = user
    membership.status = EnterpriseMembership.Status.ACTIVE
    membership.verified_at = membership.verified_at or timezone.now()
    membership.verified_by = membership.verified_by or membership.invited_by
    membership.save()
    return membership


def masked_email(email: str | None) -> str:
    """ "n***@caphe.vn": enough for the owner to recognise the address, not to learn it."""
    local, _at, domain = (email or "").partition("@")
    return f"{local[:1]}***@{domain}" if domain else ""


@transaction.atomic
def register_membership(
    user: Any, tax_code: str, enterprise_name: str = "", position: str = ""
) -> tuple[EnterpriseMembership, EnterpriseMembership | None]:
    """A user claims the enterprise with this tax code; a programme editor verifies.

    Unknown tax codes create a pending enterprise (get_or_create_pending). When the registry
    holds an e-mail address for the enterprise, an invitation goes to that address too: a
    claimant who reads that mailbox (and whose account uses it) is verified by following it.
    Returns (membership, invitation or None); claiming twice returns the same membership."""
    from datetime import timedelta

    from django.utils import timezone

    from .models import EnterpriseMembership

    enterprise = find_by_tax_code(tax_code)
    if enterprise is None:
        enterprise, _ = get_or_create_pending(tax_code, enterprise_name or tax_code)
    membership, created = EnterpriseMembership.objects.get_or_create(
        enterprise=enterprise,
        user=user,
        defaults={
            "email": user.email,
            "status": EnterpriseMembership.Status.PENDING,
            "origin": EnterpriseMembership.Origin.SELF,
            "position": position,
        },
    )
    if created:
        from .mail import registration_received

        registration_received(membership)
    invitation = None
    if membership.status == EnterpriseMembership.Status.PENDING and enterprise.email:
        recent = EnterpriseMembership.objects.filter(
            enterprise=enterprise,
            email__iexact=enterprise.email,
            status=EnterpriseMembership.Status.INVITED,
            invitation_sent_at__gte=timezone.now() - timedelta(hours=1),
        ).first()
        # One invitation an hour at most, so a claim cannot be used to flood the mailbox.
        invitation = recent or invite(enterprise, enterprise.email, position=position)
    return membership, invitation


def contact_emails(enterprise: Enterprise) -> list[str]:
    """Everyone who speaks for an enterprise: its e-mail on record and its active members'."""
    from .mail import contact_emails as emails

    return emails(enterprise)


# --- Classification (main sector, area): changed by members, approved by programme editors


@transaction.atomic
def request_classification_change(
    enterprise: Enterprise, user: Any, *, sector: Sector | None = None, area: AdministrativeUnit | None = None
) -> ClassificationChange | None:
    """A member asks for a new main sector and/or area; it waits for a programme editor.
    A newer request replaces the member's earlier pending one. Returns the request, or None
    when nothing differs from the registry."""
    from django.core.exceptions import PermissionDenied

    from .models import ClassificationChange

    if not is_verified_member(user, enterprise):
        raise PermissionDenied
    sector = sector if sector is not None and sector.pk != enterprise.sector_id else None
    area = area if area is not None and area.pk != enterprise.area_id else None
    if sector is None and area is None:
        return None
    ClassificationChange.objects.filter(enterprise=enterprise, status=ClassificationChange.Status.PENDING).delete()
    return ClassificationChange.objects.create(enterprise=enterprise, sector=sector, area=area, requested_by=user)


@transaction.atomic
def decide_classification_change(
    change: ClassificationChange, user: Any, *, approve: bool, note: str = ""
) -> ClassificationChange:
    """A programme editor approves (the registry takes the new sector/area) or rejects."""
    from django.utils import timezone
    from wagtail.log_actions import log

    from .models import ClassificationChange

    change = ClassificationChange.objects.select_for_update().get(pk=change.pk)
    if change.status != ClassificationChange.Status.PENDING:
        return change
    change.status = ClassificationChange.Status.APPROVED if approve else ClassificationChange.Status.REJECTED
    change.decided_by = user
    change.decided_at = timezone.now()
    change.note = note or change.note
    change.save()
    if approve:
        enterprise = Enterprise.objects.select_for_update().get(pk=change.enterprise_id)
        fields = []
        if change.sector_id:
            enterprise.sector_id = change.sector_id
            fields.append("sector")
        if change.area_id:
            enterprise.area_id = change.area_id
            enterprise.recorded_on = timezone.localdate()
            fields.append("area")
        enterprise.save()
        log(enterprise, "wagtail.edit", user=user, data={"fields": fields, "via": "classification_change"})
    return change


def editable_profile_fields(enterprise: Enterprise) -> tuple[str, ...]:
    """The profile fields plus the figures, unless an assessor has verified the figures."""
    from .models import VERIFIED_FIGURES

    return PROFILE_FIELDS if enterprise.figures_verified else PROFILE_FIELDS + VERIFIED_FIGURES


@transaction.atomic
def update_profile(enterprise: Enterprise, user: Any, data: Mapping[str, Any]) -> list[str]:
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
