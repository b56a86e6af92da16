"""Public pages of the support desk: the directory, profiles, the request form, the private
status page (signed link) and the yearly figures. Plain views: no page in the tree fits a
filtered directory of rows or a private page by link."""

from django.contrib import messages
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.fragments import ListingVersion, cached
from core.mail import site_url

from . import services
from .forms import DirectoryFilterForm, RatingForm, ReplyForm, RequestForm
from .models import (
    ApprovalStatus,
    Attachment,
    Consultant,
    ConsultingOrganisation,
    SupportRequest,
    Topic,
    localized,
)
from .signals import VERSION

PER_PAGE = 24


def _areas():
    from enterprises.models import AdministrativeUnit
    from enterprises.units import units_for_date

    day = timezone.localdate()
    province_units = units_for_date(day).exclude(level=AdministrativeUnit.Level.PROVINCE)
    # Only the units some consultant serves, so the list stays short and useful.
    served = services.ServedArea.objects.filter(consultant__status=ApprovalStatus.APPROVED).values("unit_id")
    units = AdministrativeUnit.objects.filter(Q(pk__in=served) | Q(pk__in=province_units.values("pk")))
    return [(code, name) for code, name in units.order_by("name", "code").values_list("code", "name")]


def _sectors():
    from enterprises.models import Sector

    used = Consultant.sectors.through.objects.values("sector_id")
    rows = Sector.objects.filter(level=1, pk__in=used).values_list("code", "name", "name_en")
    return [(code, f"{code} – {localized(name, name_en)}") for code, name, name_en in rows]


def _topics():
    return [
        (slug, localized(name, name_en)) for slug, name, name_en in Topic.objects.values_list("slug", "name", "name_en")
    ]


def _filter_choices():
    """The directory's filters: the pillars (the framework's own cached names) and options
    built from the rows, cached under the "support" version (support.signals) per language and
    day (areas are dated)."""
    from core.widgets import Options

    everything = [("", _("Tất cả"))]
    day = timezone.localdate().isoformat()
    return {
        "pillars": services.pillar_choices(),
        "topics": Options("support-topics", _topics, names=[VERSION], first=everything),
        "sectors": Options("support-sectors", _sectors, names=[VERSION], first=everything),
        "areas": Options("support-areas", _areas, names=[VERSION], parts=[day], first=everything),
    }


def _load_cards(pks):
    """The consultants of the cards to render, with what a card shows (photo renditions too)."""
    from django.db.models import prefetch_related_objects

    people = list(services.consultant_directory().filter(pk__in=pks))
    photos = [c.photo for c in people if c.photo is not None]
    if photos:
        prefetch_related_objects(photos, "renditions")
    return people


LISTING = ListingVersion(
    "support-directory",
    "support/includes/consultant_card.html",
    names=[VERSION],
    load=_load_cards,
    as_name="c",
)


def _organisations():
    return [(o.slug, o.name, o.listed) for o in services.organisation_directory()]


def directory(request):
    form = DirectoryFilterForm(request.GET or None, **_filter_choices())
    filters = {}
    if form.is_bound:
        form.is_valid()
        filters = {k: v for k, v in form.cleaned_data.items() if v}
    page = LISTING.page(lambda: services.consultant_directory(**filters), filters, request.GET.get("trang"), PER_PAGE)
    query = request.GET.copy()
    query.pop("trang", None)
    return render(
        request,
        "support/directory.html",
        {
            "form": form,
            "page_obj": page,
            "cards": LISTING.cards(page.object_list),
            "filters": filters,
            "organisations": [] if filters else cached("support-organisations", _organisations, names=[VERSION]),
            "query": query.urlencode(),
        },
    )


def _person_ld(consultant, request):
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": consultant.name,
        "url": site_url(request.path),
    }
    if consultant.honorific:
        data["honorificPrefix"] = consultant.honorific
    if consultant.job_title:
        data["jobTitle"] = consultant.job_title
    if consultant.biography:
        data["description"] = consultant.biography
    if consultant.organisation_id and consultant.organisation.is_listed:
        data["worksFor"] = {"@type": "Organization", "name": consultant.organisation.name}
    topics = [t.name for t in consultant.topics.all()]
    if topics:
        data["knowsAbout"] = topics
    if consultant.languages:
        data["knowsLanguage"] = consultant.languages
    if consultant.certification_list:
        data["hasCredential"] = [
            {"@type": "EducationalOccupationalCredential", "name": c} for c in consultant.certification_list
        ]
    if consultant.network_member:
        data["memberOf"] = {
            "@type": "Organization",
            "name": "Mạng lưới tư vấn kinh tế số và chuyển đổi số doanh nghiệp",
        }
    return data


def consultant(request, slug):
    person = get_object_or_404(
        Consultant.objects.filter(status=ApprovalStatus.APPROVED)
        .select_related("organisation", "photo")
        .prefetch_related("topics", "sectors", "pillars", "areas__unit"),
        slug=slug,
    )
    names = services.pillar_names()
    day = timezone.localdate()
    return render(
        request,
        "support/consultant.html",
        {
            "consultant": person,
            "pillars": [(p.pillar_code, names.get(p.pillar_code, "")) for p in person.pillars.all()],
            "areas": [a.unit for a in person.areas.all() if a.is_valid_on(day)],
            "json_ld": _person_ld(person, request),
        },
    )


def organisation(request, slug):
    org = get_object_or_404(ConsultingOrganisation.objects.filter(status=ApprovalStatus.APPROVED), slug=slug)
    people = org.consultants.filter(status=ApprovalStatus.APPROVED).order_by("name")
    data = {"@context": "https://schema.org", "@type": "Organization", "name": org.name, "url": site_url(request.path)}
    if org.description:
        data["description"] = org.description
    if org.website:
        data["sameAs"] = [org.website]
    if people:
        data["member"] = [{"@type": "Person", "name": p.name} for p in people]
    return render(request, "support/organisation.html", {"organisation": org, "people": people, "json_ld": data})


def _prefill(request):
    """Initial values from the link the DBI result page makes, or the member's enterprise."""
    initial = {}
    pillar = request.GET.get("tru-cot", "")
    codes = dict(services.pillar_choices())
    if pillar in codes:
        initial["pillars"] = [pillar]
    token = request.GET.get("ket-qua", "")
    submission = services.submission_for_token(token) if token else None
    if submission is not None:
        initial["result"] = token
        enterprise = submission.enterprise
        if enterprise is not None:
            initial.update(tax_code=enterprise.tax_code, enterprise_name=enterprise.name)
        initial.setdefault("contact_name", submission.respondent_name)
        initial.setdefault("email", submission.respondent_email)
        if not initial.get("pillars"):
            from assessment_forms.services import weakest_pillars

            initial["pillars"] = weakest_pillars(submission)
    if request.user.is_authenticated:
        from enterprises.services import verified_enterprises_for

        enterprise = verified_enterprises_for(request.user).first()
        if enterprise is not None and "tax_code" not in initial:
            initial.update(tax_code=enterprise.tax_code, enterprise_name=enterprise.name)
        initial.setdefault("email", request.user.email)
        initial.setdefault("contact_name", request.user.get_full_name())
    return initial, submission


@never_cache
@require_http_methods(["GET", "POST"])
def request_form(request):
    initial, submission = _prefill(request)
    choices = services.pillar_choices()
    if request.method == "POST":
        form = RequestForm(request.POST, request.FILES, pillar_choices=choices)
        if form.is_valid():
            data = form.cleaned_data
            submission = services.submission_for_token(data["result"]) if data.get("result") else None
            from enterprises.services import find_by_tax_code, is_verified_member

            enterprise = find_by_tax_code(data["tax_code"])
            user = request.user if request.user.is_authenticated else None
            member = bool(user and enterprise and is_verified_member(user, enterprise))
            lang = (request.LANGUAGE_CODE or "vi")[:2]
            support_request = services.create_request(
                files=data["attachments"],
                enterprise=enterprise,
                tax_code=data["tax_code"],
                enterprise_name=enterprise.name if enterprise else data["enterprise_name"],
                contact_name=data["contact_name"],
                email=data["email"],
                phone=data["phone"].strip(),
                user=user if member else None,
                language=lang,
                topic=data["topic"],
                pillars=data["pillars"],
                description=data["description"],
                preferred_format=data["preferred_format"],
                consent=data["consent"],
                assessment=submission
                if submission and submission.enterprise_id == getattr(enterprise, "pk", None)
                else None,
            )
            messages.success(
                request,
                _("Đã nhận yêu cầu %(ref)s. Hãy lưu đường dẫn của trang này để theo dõi.")
                % {"ref": support_request.reference},
            )
            return HttpResponseRedirect(reverse("support:status", args=[services.link_token(support_request)]))
    else:
        form = RequestForm(initial=initial, pillar_choices=choices)
    consultant_slug = request.GET.get("chuyen-gia", "")
    wanted = (
        Consultant.objects.filter(status=ApprovalStatus.APPROVED, slug=consultant_slug).first()
        if consultant_slug
        else None
    )
    return render(request, "support/request_form.html", {"form": form, "submission": submission, "wanted": wanted})


@never_cache
def my_requests(request):
    """A verified member's requests: those of the enterprises they act for (by membership),
    each opening its private status page."""
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    from enterprises.services import verified_enterprises_for

    rows = (
        SupportRequest.objects.filter(enterprise__in=verified_enterprises_for(request.user))
        .select_related("topic")
        .order_by("-created_at")[:100]
    )
    items = [{"req": r, "url": reverse("support:status", args=[services.link_token(r)])} for r in rows]
    return render(request, "support/my_requests.html", {"items": items})


def _load(token):
    support_request = services.request_for_token(token)
    if support_request is None:
        raise Http404(_("Đường dẫn không hợp lệ hoặc đã hết hiệu lực."))
    return support_request


@never_cache
@require_http_methods(["GET", "POST"])
def status(request, token):
    support_request = _load(token)
    reply_form, rating_form = ReplyForm(), RatingForm()
    if request.method == "POST":
        try:
            if "rating" in request.POST:
                rating_form = RatingForm(request.POST)
                if rating_form.is_valid():
                    services.rate(
                        support_request, rating_form.cleaned_data["rating"], rating_form.cleaned_data["comment"]
                    )
                    messages.success(request, _("Cảm ơn bạn đã đánh giá."))
                    return HttpResponseRedirect(request.path)
            else:
                reply_form = ReplyForm(request.POST, request.FILES)
                if reply_form.is_valid():
                    services.enterprise_reply(
                        support_request, reply_form.cleaned_data["body"], reply_form.cleaned_data["attachments"]
                    )
                    messages.success(request, _("Đã gửi trao đổi."))
                    return HttpResponseRedirect(request.path)
        except services.TransitionError as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(request.path)
    support_request.refresh_from_db()
    thread = services.visible_messages(support_request, for_enterprise=True)
    response = render(
        request,
        "support/status.html",
        {
            "req": support_request,
            "thread": thread,
            "token": token,
            "reply_form": reply_form,
            "rating_form": rating_form,
            "can_reply": support_request.status not in ("closed", "refused"),
            "can_rate": support_request.status in ("resolved", "closed") and support_request.rating is None,
            "attachments": support_request.attachments.filter(message__isnull=True)
            | support_request.attachments.filter(message__internal=False),
        },
    )
    response["X-Robots-Tag"] = "noindex"
    # The link is the key: never sent to other sites. (no-referrer would make browsers post
    # "Origin: null", which CSRF protection refuses.)
    response["Referrer-Policy"] = "same-origin"
    return response


def attachment(request, token, pk):
    """A file of the request, for whoever holds its link (internal notes' files excluded)."""
    support_request = _load(token)
    item = get_object_or_404(Attachment.objects.exclude(message__internal=True), pk=pk, request=support_request)
    return _file_response(item)


def _file_response(item):
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("Không tìm thấy tệp.")) from None
    response = FileResponse(handle, as_attachment=True, filename=item.name)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def figures_page(request):
    current = timezone.localdate().year
    try:
        year = int(request.GET.get("nam", current))
    except ValueError:
        year = current
    if not 2000 <= year <= current + 1:
        year = current
    data = services.figures(year)
    return render(
        request,
        "support/figures.html",
        {
            "figures": data,
            "year": year,
            "years": list(range(current, current - 5, -1)),
            "min_group": services.MIN_GROUP,
        },
    )
