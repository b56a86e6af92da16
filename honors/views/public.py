"""Plain public views where no page fits: the nomination form, certificate verification,
and the embeddable ranking widget."""

import re
import uuid

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_http_methods

from core import private_files, spam

from ..forms import NominationForm
from ..models import NominationEvidence, RankingsPage
from ..services import certificates
from ..services.evidence import can_view_evidence
from ..services.nominations import entry_for_receipt, open_categories, submit_nomination
from ..services.rankings import RankingQuery, available_years, ranking_page


@require_http_methods(["GET", "POST"])
def nominate(request):
    categories = open_categories()
    if request.method == "POST" and spam.rate_limited(
        request,
        "nomination",
        tax_code=request.POST.get("tax_code", ""),
        email=request.POST.get("nominator_email", ""),
    ):
        return spam.too_many_requests(request)
    if request.method == "POST":
        form = NominationForm(request.POST, request.FILES, categories=categories)
        if form.is_valid():
            data = form.cleaned_data
            try:
                with form.single_use() as use:
                    entry, _created = submit_nomination(
                        data["category"],
                        tax_code=data["tax_code"],
                        enterprise_name=data["enterprise_name"],
                        source=data["source"],
                        token=data["token"],
                        files=data["evidence"],
                        language=translation.get_language() or "vi",
                        nominator_name=data["nominator_name"],
                        nominator_organisation=data["nominator_organisation"],
                        nominator_email=data["nominator_email"],
                        nominator_phone=data["nominator_phone"],
                        statement=data["statement"],
                    )
                    use.result = reverse("honors:nominate_thanks")
            except spam.AlreadySent as repeat:
                if repeat.result:
                    return redirect(repeat.result)
                form.add_error(None, repeat.message)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _(
                        "Đã nhận hồ sơ đề cử %(name)s. Thư xác nhận kèm đường dẫn riêng để xem lại hồ sơ đã "
                        "được gửi tới %(email)s. Ban tổ chức sẽ sơ tuyển và liên hệ qua thư điện tử."
                    )
                    % {"name": entry.nomination.enterprise.name, "email": entry.nominator_email},
                )
                return redirect(use.result)
    else:
        form = NominationForm(
            categories=categories,
            initial={"token": uuid.uuid4().hex, "source": "application"},
        )
    return render(request, "honors/nominate.html", {"form": form, "categories": categories})


def nominate_thanks(request):
    return render(request, "honors/nominate_thanks.html")


CODE_RE = re.compile(r"[A-Za-z0-9_-]{16,40}")
LOOKUP_LIMIT, LOOKUP_WINDOW = 30, 10 * 60  # lookups per address per window


def _typed_code(text):
    """The code from what a holder typed or pasted: the code itself, or the whole verification
    address printed under the QR code (…/ton-vinh/chung-nhan/<code>/)."""
    text = (text or "").strip()
    match = re.search(r"chung-nhan/([^/?#\s]+)", text)
    if match:
        text = match.group(1)
    text = text.replace(" ", "")
    return text if CODE_RE.fullmatch(text) else None


def _over_limit(request):
    """A light per-address counter, so the form cannot be used to try codes in bulk (the codes
    are 128 random bits anyway); the limit answers 429 with Retry-After, as a proxy would."""
    from django.core.cache import cache

    key = "honors:certificate-lookup:" + request.META.get("REMOTE_ADDR", "")
    if cache.add(key, 1, LOOKUP_WINDOW):
        return False
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, LOOKUP_WINDOW)
        return False
    return count > LOOKUP_LIMIT


@require_http_methods(["GET"])
def certificate_lookup(request):
    """/ton-vinh/chung-nhan/: type (or paste) the code printed on a certificate. A valid-looking
    code leads to its verification page (200 valid, 410 revoked, 404 unknown); nothing else is
    listed or revealed, and GET never writes."""
    typed = request.GET.get("ma", "")
    context = {"typed": typed[:200], "error": ""}
    if "ma" in request.GET:
        if _over_limit(request):
            context["error"] = _("Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau ít phút.")
            response = render(request, "honors/certificate_lookup.html", context, status=429)
            response["Retry-After"] = str(LOOKUP_WINDOW)
            return response
        code = _typed_code(typed)
        if code is None:
            context["error"] = _(
                "Mã xác minh gồm 22 ký tự chữ, số, dấu gạch ngang hoặc gạch dưới, in dưới mã QR của giấy "
                "chứng nhận. Vui lòng kiểm tra lại."
            )
            return render(request, "honors/certificate_lookup.html", context, status=400)
        return redirect("honors:certificate", code=code)
    return render(request, "honors/certificate_lookup.html", context)


def _private(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    response["X-Robots-Tag"] = "noindex"
    return response


def nomination_receipt(request, key):
    """What the nominator sent, behind the private link of their receipt e-mail."""
    entry = entry_for_receipt(key)
    if entry is None:
        return _private(render(request, "honors/nomination_receipt.html", {"entry": None}, status=404))
    return _private(render(request, "honors/nomination_receipt.html", {"entry": entry}))


def receipt_evidence(request, key, pk):
    """One of the nominator's own files, through their private link."""
    entry = entry_for_receipt(key)
    evidence = entry.evidence.filter(pk=pk).first() if entry else None
    if evidence is None:
        raise Http404(_("Không tìm thấy tệp."))
    return _serve_evidence(evidence)


def evidence_file(request, pk):
    """An evidence file for the people who screen and judge: refused to everyone else."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    evidence = NominationEvidence.objects.select_related("nomination__category").filter(pk=pk).first()
    if evidence is None:
        raise Http404(_("Không tìm thấy tệp."))
    if not can_view_evidence(request.user, evidence):
        raise PermissionDenied(_("Bạn không có quyền xem tệp minh chứng này."))
    return _serve_evidence(evidence)


def _serve_evidence(evidence):
    try:
        return private_files.file_response(evidence.file, evidence.download_name)
    except (FileNotFoundError, OSError, ValueError):
        raise Http404(_("Tệp không còn trên máy chủ.")) from None


def certificate(request, code):
    """The public verification page the QR code opens: 200 when valid, 410 when revoked,
    404 for a code that was never issued (forged). Lookups are rate limited per address, so
    codes cannot be guessed in bulk."""
    if spam.rate_limited(request, "certificate"):
        return spam.too_many_requests(request)
    certificate, status = certificates.verify(code)
    code_status = {"valid": 200, "revoked": 410, "unknown": 404}[status]
    return render(
        request,
        "honors/certificate_verify.html",
        {"certificate": certificate, "status": status},
        status=code_status,
    )


def certificate_pdf(request, code):
    if spam.rate_limited(request, "certificate"):
        return spam.too_many_requests(request)
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
