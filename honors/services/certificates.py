"""Certificates: a PDF per award with a QR code opening the public verification page."""

from __future__ import annotations

import base64
from typing import Any

import segno
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Site

from core.pdf import render_pdf

from ..models import Award, Certificate


def absolute_url(path: str, request: HttpRequest | None = None) -> str:
    if request is not None:
        return request.build_absolute_uri(path)
    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site is not None else settings.WAGTAILADMIN_BASE_URL
    return root.rstrip("/") + path


def verify(code: str | None) -> tuple[Certificate | None, str]:
    """The certificate for this code when it exists and is not revoked; otherwise a
    (None or revoked certificate, reason) pair. Returns (certificate, status) where status is
    "valid", "revoked" or "unknown"."""
    certificate = Certificate.objects.filter(code=code).first() if code else None
    if certificate is None:
        return None, "unknown"
    if certificate.revoked_at is not None:
        return certificate, "revoked"
    return certificate, "valid"


def qr_data_uri(url: str) -> str:
    svg = segno.make(url, error="m").svg_inline(scale=4, dark="#0b4f8a")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def certificate_context(certificate: Certificate, request: HttpRequest | None = None) -> dict[str, Any]:
    """What the certificate prints: its frozen text, and the administrative form of Decree
    30/2020/NĐ-CP (issuing body, number, place and date, signer) from the decision record."""
    from core.documents import official_parts

    url = absolute_url(certificate.get_absolute_url(), request)
    decision = certificate.award.decision if certificate.award is not None else None
    if decision is not None:
        document = decision.official_document()
        document["recipients"] = []  # a certificate is handed over, not sent round
        number, date, issuer = decision.number, decision.issued_on, decision.issuer
    else:
        document, number, date, issuer = official_parts(), "", None, ""
    return {
        "certificate": certificate,
        "verify_url": url,
        "qr": qr_data_uri(url),
        "document": document,
        "decision_number": number,
        "decision_date": date,
        "decision_issuer": issuer,
    }


def certificate_pdf(certificate: Certificate, request: HttpRequest | None = None) -> bytes:
    return render_pdf("honors/certificate_pdf.html", certificate_context(certificate, request), request=request)


@transaction.atomic
def issue(award: Award) -> tuple[Certificate, bool]:
    """The award's certificate, created once. Returns (certificate, created)."""
    existing = Certificate.objects.filter(award=award).first()
    if existing is not None:
        return existing, False
    certificate = Certificate.objects.create(
        award=award,
        enterprise=award.enterprise,
        enterprise_name=award.enterprise.name,
        category_name=award.category.name,
        year=award.decision.cycle.year,
        citation=award.citation,
    )
    log(instance=certificate, action="honors.certificate_issue", data={"code": certificate.code})
    return certificate, True


@transaction.atomic
def revoke(certificate: Certificate, reason: str, user: Any = None) -> Certificate:
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = reason
    certificate.save(update_fields=["revoked_at", "revoked_reason"])
    log(instance=certificate, action="honors.certificate_revoke", user=user, data={"reason": reason})
    from core import audit

    audit.record(user, "honours.certificate_revoke", certificate, reason=reason, code=certificate.code[:8])
    return certificate
