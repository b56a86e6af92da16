"""The registry's part of the account page and of "download my data" (accounts.sections)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.sections import Row, register_personal_data, register_scope, register_section

from . import services


def enterprise_rows(user, enterprises):
    rows = []
    for membership in services.memberships_of(user):
        enterprise = membership.enterprise
        url = reverse("enterprises:profile_edit", args=[enterprise.pk]) if membership.is_active else ""
        rows.append(
            Row(
                label=enterprise.name,
                enterprise=_("MST %(code)s") % {"code": enterprise.tax_code},
                date=membership.verified_at or membership.created_at,
                status=membership.get_status_display(),
                url=url,
                detail=membership.position,
            )
        )
    return rows


def personal_data(user):
    from .models import ClassificationChange

    memberships = [
        {
            "enterprise": m.enterprise.name,
            "tax_code": m.enterprise.tax_code,
            "email": m.email,
            "position": m.position,
            "status": m.status,
            "origin": m.origin,
            "created_at": m.created_at,
            "verified_at": m.verified_at,
        }
        for m in services.memberships_of(user)
    ]
    changes = [
        {
            "enterprise": c.enterprise.name,
            "sector": c.sector.code if c.sector else None,
            "area": c.area.code if c.area else None,
            "status": c.status,
            "requested_at": c.requested_at,
        }
        for c in ClassificationChange.objects.filter(requested_by=user).select_related("enterprise", "sector", "area")
    ]
    return {"memberships": memberships, "classification_requests": changes}


def register():
    register_scope(services.verified_enterprises_for)
    register_section(
        "doanh-nghiep",
        _("Doanh nghiệp của tôi"),
        enterprise_rows,
        order=10,
        empty=_("Tài khoản của bạn chưa được liên kết với doanh nghiệp nào."),
    )
    register_personal_data("enterprises", personal_data)
