"""Plain public views where no page fits: the nomination form, certificate verification,
and the embeddable ranking widget."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_http_methods

from ..forms import NominationForm
from ..models import RankingsPage
from ..services import certificates
from ..services.nominations import open_categories, submit_nomination
from ..services.rankings import RankingQuery, available_years, ranking_page


@require_http_methods(["GET", "POST"])
def nominate(request):
    categories = open_categories()
    if request.method == "POST":
        form = NominationForm(request.POST, request.FILES, categories=categories)
        if form.is_valid():
            data = form.cleaned_data
            try:
                nomination, _created = submit_nomination(
                    data["category"],
                    tax_code=data["tax_code"],
                    enterprise_name=data["enterprise_name"],
                    source=data["source"],
                    token=data["token"],
                    files=data["evidence"],
                    nominator_name=data["nominator_name"],
                    nominator_organisation=data["nominator_organisation"],
                    nominator_email=data["nominator_email"],
                    nominator_phone=data["nominator_phone"],
                    statement=data["statement"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Đã nhận hồ sơ đề cử %(name)s. Ban tổ chức sẽ sơ tuyển và liên hệ qua thư điện tử.")
                    % {"name": nomination.enterprise.name},
                )
                return redirect("honors:nominate_thanks")
    else:
        form = NominationForm(
            categories=categories,
            initial={"token": uuid.uuid4().hex, "source": "application"},
        )
    return render(request, "honors/nominate.html", {"form": form, "categories": categories})


def nominate_thanks(request):
    return render(request, "honors/nominate_thanks.html")


def certificate(request, code):
    """The public verification page the QR code opens: 200 when valid, 410 when revoked,
    404 for a code that was never issued (forged)."""
    certificate, status = certificates.verify(code)
    code_status = {"valid": 200, "revoked": 410, "unknown": 404}[status]
    return render(
        request,
        "honors/certificate_verify.html",
        {"certificate": certificate, "status": status},
        status=code_status,
    )


def certificate_pdf(request, code):
    certificate, status = certificates.verify(code)
    if status != "valid":
        return render(
            request, "honors/certificate_verify.html", {"certificate": certificate, "status": status}, status=404
        )
    response = HttpResponse(certificates.certificate_pdf(certificate, request=request), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="chung-nhan-{certificate.year}.pdf"'
    return response


@xframe_options_exempt
def ranking_widget(request):
    """The top of the current ranking, for other sites to embed in an iframe."""
    years = available_years()
    query = RankingQuery.from_params(request.GET, years=years)
    page, _paginator = ranking_page(query, per_page=10)
    rankings = RankingsPage.objects.live().public().filter(locale__language_code=request.LANGUAGE_CODE).first()
    return render(
        request,
        "honors/widget_ranking.html",
        {"query": query, "entries": page.object_list, "rankings": rankings},
    )
