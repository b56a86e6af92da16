"""Handlers behind AssessmentPage's routes (the page delegates to these; they stay thin and call
services for every write)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from core import spam
from enterprises.services import find_by_tax_code

from . import mail as assessment_mail
from . import services
from .charts import radar
from .forms import PillarForm, StartForm
from .models import Criterion, Submission

RESUME_SALT = "assessment_forms.resume"


def sign_token(submission):
    r"""The resume token plus its HMAC, as one path segment Wagtail's router accepts ([\w-]+)."""
    token = submission.resume_token
    return f"{token}-{salted_hmac(RESUME_SALT, token).hexdigest()[:24]}"


def unsign_token(value):
    token, _sep, mac = value.rpartition("-")
    if token and constant_time_compare(mac, salted_hmac(RESUME_SALT, token).hexdigest()[:24]):
        return token
    return None


def resume_url(page, submission, name="resume", extra=(), request=None):
    return page.get_url(request=request) + page.reverse_subpage(name, args=[sign_token(submission), *extra])


def load_submission(request, token):
    """The submission behind a signed link (404 for a forged or unknown one). Holding the link is
    what makes someone the enterprise's respondent; assessors and programme editors see the
    same data in the admin."""
    raw = unsign_token(token)
    submission = (
        Submission.objects.select_related(
            "framework", "enterprise", "enterprise__sector__parent", "enterprise__area__parent"
        )
        .filter(resume_token=raw)
        .first()
        if raw
        else None
    )
    if submission is None:
        raise Http404
    return submission


def private(response, noindex=True):
    """Never cached by a shared cache; kept out of search engines unless `noindex` is False
    (the public landing page with its start form is indexable: only the resume, step and
    result pages of a respondent are private)."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    if noindex:
        response["X-Robots-Tag"] = "noindex"
    return response


def steps_of(framework):
    return list(framework.pillars.order_by("order"))


# --- start ------------------------------------------------------------------------------


def start(page, request):
    framework = page.get_framework()
    if framework is None:
        raise Http404
    if request.method == "POST" and spam.rate_limited(
        request,
        "assessment-start",
        tax_code=request.POST.get("tax_code", ""),
        email=request.POST.get("respondent_email", ""),
    ):
        return spam.too_many_requests(request)
    form = StartForm(request.POST or None, min_seconds=page.min_fill_seconds)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with form.single_use() as use:
                existing = Submission.objects.filter(
                    submit_key=data["form_key"], status=Submission.Status.DRAFT
                ).first()
                if existing is None:
                    existing = create_draft(request, framework, data)
                    # The resume link the form promises, to the e-mail given (core.mail, after commit).
                    assessment_mail.resume_link(existing, page)
                use.result = resume_url(page, existing, "step", [1], request=request)
        except spam.AlreadySent as repeat:
            if repeat.result:
                return HttpResponseRedirect(repeat.result)
            form.add_error(None, repeat.message)
        else:
            return HttpResponseRedirect(use.result)
    drafts = []
    if request.user.is_authenticated:
        drafts = [
            {"submission": s, "url": resume_url(page, s, request=request)}
            for s in Submission.objects.filter(user=request.user).select_related("enterprise")[:10]
        ]
    context = page.get_context(request)
    context.update({"form": form, "framework": framework, "drafts": drafts, "steps": steps_of(framework)})
    return private(TemplateResponse(request, "assessment_forms/start.html", context), noindex=False)


@transaction.atomic
def create_draft(request, framework, data):
    """A new draft. Linked to the enterprise only when the respondent is one of its verified
    members (or an assessor); anyone else's draft stays unlinked, with the tax code and name
    they typed, and creates no enterprise: a stranger holding a public tax code adds nothing
    to that enterprise's record (issue 13)."""
    enterprise = find_by_tax_code(data["tax_code"])
    if not services.may_link(request.user, enterprise):
        enterprise = None
    return Submission.objects.create(
        enterprise=enterprise,
        claimed_tax_code=data["tax_code"],
        claimed_name=data.get("enterprise_name", ""),
        framework=framework,
        year=timezone.now().year,
        respondent_name=data["respondent_name"],
        respondent_email=data.get("respondent_email", ""),
        user=request.user if request.user.is_authenticated else None,
        submit_key=data["form_key"],
    )


# --- steps ------------------------------------------------------------------------------


def resume(page, request, token):
    submission = load_submission(request, token)
    if submission.status != Submission.Status.DRAFT:
        return HttpResponseRedirect(resume_url(page, submission, "result", request=request))
    return HttpResponseRedirect(
        resume_url(page, submission, "step", [max(1, submission.current_step)], request=request)
    )


def step(page, request, token, number):
    submission = load_submission(request, token)
    if submission.status != Submission.Status.DRAFT:
        return HttpResponseRedirect(resume_url(page, submission, "result", request=request))
    pillars = steps_of(submission.framework)
    number = int(number)
    if not 1 <= number <= len(pillars):
        raise Http404
    pillar = pillars[number - 1]
    criteria = list(
        Criterion.objects.filter(component__pillar=pillar)
        .select_related("component")
        .prefetch_related("options")
        .order_by("order")
    )
    if request.method == "POST" and spam.rate_limited(request, "assessment-step", draft=submission.resume_token):
        return spam.too_many_requests(request)
    form = PillarForm(request.POST or None, pillar=pillar, criteria=criteria, answers=submission.answers)
    if request.method == "POST" and form.is_valid():
        save_step(submission, form, number)
        if request.headers.get("X-Autosave"):
            return JsonResponse({"saved": True, "step": number})
        action = request.POST.get("action", "next")
        if action == "back" and number > 1:
            return HttpResponseRedirect(resume_url(page, submission, "step", [number - 1], request=request))
        if action == "save":
            messages.success(request, _("Đã lưu. Bạn có thể đóng trang và quay lại bằng đường dẫn tiếp tục."))
            return HttpResponseRedirect(resume_url(page, submission, "step", [number], request=request))
        if action == "submit" or number == len(pillars):
            submitted, newly = services.submit(
                submission, submit_key=request.POST.get("submit_key", ""), user=request.user
            )
            if newly:
                assessment_mail.submitted(submitted, page)
            return HttpResponseRedirect(resume_url(page, submission, "result", request=request))
        return HttpResponseRedirect(resume_url(page, submission, "step", [number + 1], request=request))
    answered = sum(1 for value in submission.answers.values() if value is not None)
    context = page.get_context(request)
    context.update(
        {
            "submission": submission,
            "form": form,
            "pillar": pillar,
            "number": number,
            "steps": pillars,
            "step_links": [
                (p, resume_url(page, submission, "step", [i], request=request)) for i, p in enumerate(pillars, start=1)
            ],
            "total_steps": len(pillars),
            "progress": round(100 * (number - 1) / len(pillars)),
            "answered": answered,
            "criteria_count": submission.framework.criteria.count(),
            "resume_link": request.build_absolute_uri(resume_url(page, submission, request=request)),
            "step_url": resume_url(page, submission, "step", [number], request=request),
        }
    )
    return private(TemplateResponse(request, "assessment_forms/step.html", context))


@transaction.atomic
def save_step(submission, form, number):
    """Merge this step's answers into the draft (answers of other steps are kept)."""
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    if locked.status != Submission.Status.DRAFT:
        return locked
    answers = dict(locked.answers)
    for criterion in form.criteria:
        answers.pop(criterion.code, None)
    answers.update(form.answers())
    locked.answers = answers
    locked.current_step = number
    locked.save(update_fields=["answers", "current_step", "updated_at"])
    submission.answers = answers
    return locked


# --- result -----------------------------------------------------------------------------


def result_context(page, request, submission):
    framework = submission.framework
    scores = list(submission.pillar_scores.select_related("pillar").order_by("pillar__order"))
    comparison = services.comparison(submission)
    # Earlier results, trend and change only for the enterprise's verified members and the
    # assessors: holding a result link (or a tax code) shows no one else's history.
    history = services.can_see_history(request.user, submission)
    previous = services.previous_result(submission) if history else None
    previous_by_code = {ps.pillar.code: ps for ps in previous.pillar_scores.all()} if previous else {}
    pillars = []
    for ps in scores:
        before = previous_by_code.get(ps.pillar.code)
        pillars.append(
            {
                "code": ps.pillar.code,
                "name": ps.pillar.localized_name,
                "points": ps.points,
                "max": ps.max_points,
                "percent": float(ps.percent),
                "level": ps.level,
                "level_name": framework.level_info(ps.level)["name"],
                "median": comparison["pillars"].get(ps.pillar.code) if comparison else None,
                "change": float(ps.percent) - float(before.percent) if before else None,
            }
        )
    weakest = services.weakest_pillars(submission, scores=scores)
    return {
        "submission": submission,
        "framework": framework,
        "level": framework.level_info(submission.level),
        "pillars": pillars,
        "chart": radar(pillars, comparison["pillars"] if comparison else None),
        "comparison": comparison,
        "min_peers": services.MIN_PEERS,
        "previous": previous,
        "total_change": submission.total - previous.total if previous else None,
        "weakest": [p for p in pillars if p["code"] in weakest],
        "next_steps": next_steps(submission, weakest),
        "recommendations": services.recommendations(weakest, request),
        "next_steps_sections": services.next_steps_sections(
            submission,
            sorted((p for p in pillars if p["code"] in weakest), key=lambda p: weakest.index(p["code"])),
            request,
        ),
        "unanswered": framework.criteria.count() - sum(1 for v in submission.answers.values() if v is not None),
        "show_history": history,
        "can_link": not submission.enterprise_id
        and services.may_link(request.user, services.claimed_enterprise(submission)),
    }


def next_steps(submission, pillar_codes, per_pillar=3):
    """For each weak pillar, the criteria with the most room, each with the next level's wording."""
    criteria = (
        Criterion.objects.filter(framework=submission.framework, component__pillar__code__in=pillar_codes)
        .select_related("component__pillar")
        .prefetch_related("options")
        .order_by("order")
    )
    by_pillar = {code: [] for code in pillar_codes}
    for criterion in criteria:
        current = submission.answers.get(criterion.code) or 0
        options = sorted(criterion.options.all(), key=lambda o: o.level)
        target = next((o for o in options if o.level > current), None)
        if target is None:
            continue
        by_pillar[criterion.component.pillar.code].append(
            {"criterion": criterion, "current": current, "target": target, "room": criterion.max_points - current}
        )
    return [
        {"code": code, "items": sorted(items, key=lambda i: -i["room"])[:per_pillar]}
        for code, items in by_pillar.items()
    ]


def result(page, request, token):
    submission = load_submission(request, token)
    if submission.status == Submission.Status.DRAFT:
        return HttpResponseRedirect(resume_url(page, submission, request=request))
    if request.method == "POST" and request.POST.get("action") == "link":
        try:
            services.link_submission(submission, request.user)
        except PermissionDenied:
            messages.error(request, _("Chỉ thành viên đã xác minh của doanh nghiệp mới liên kết được phiếu này."))
        else:
            messages.success(request, _("Đã liên kết phiếu với doanh nghiệp."))
        return HttpResponseRedirect(resume_url(page, submission, "result", request=request))
    context = page.get_context(request)
    context.update(result_context(page, request, submission))
    context["pdf_url"] = resume_url(page, submission, "result_pdf", request=request)
    context["resume_link"] = request.build_absolute_uri(resume_url(page, submission, "result", request=request))
    return private(TemplateResponse(request, "assessment_forms/result.html", context))


def result_pdf(page, request, token):
    from core.pdf import render_pdf

    submission = load_submission(request, token)
    if submission.status == Submission.Status.DRAFT:
        raise Http404
    context = {"page": page, **result_context(page, request, submission)}
    pdf = render_pdf("assessment_forms/result_pdf.html", context, request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"dbi-{submission.year}-{submission.display_tax_code or submission.pk}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return private(response)
