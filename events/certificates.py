"""Certificates of attendance as PDF (core.pdf.render_pdf, with the shipped fonts)."""

from django.http import HttpResponse
from django.utils import timezone, translation

from core.pdf import render_pdf

from .emails import localized_event


def certificate_response(registrations, request, filename):
    language = translation.get_language()
    items = [
        {"registration": registration, "event": localized_event(registration.event, language)}
        for registration in registrations
    ]
    pdf = render_pdf("events/certificate.html", {"items": items, "issued": timezone.localdate()}, request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
