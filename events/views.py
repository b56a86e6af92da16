"""Plain views where no page fits: the registration form's POST, the signed registration
link (view, change, cancel, accept an offer), post-event feedback, the attendee's
certificate, and the embeddable widget of upcoming events."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_http_methods, require_POST

from core import spam

from . import services
from .emails import localized_event
from .forms import ChangeRegistrationForm, FeedbackForm
from .models import Registration
from .tokens import AFTER_SALT, MANAGE_SALT, LinkState, check_token


# --- Registration -----------------------------------------------------------------------------
def registrable_event(request, pk):
    """The live event `pk` this visitor may see (as Wagtail's serve would allow), or 404.

    A public event is kept in the cache until any page is published, unpublished or moved
    ("pages", "site"): under a registration rush no request queries it (the seats are read
    under the lock, from the database). A restricted one is read every time."""
    from copy import copy

    from django.db.models import Exists, OuterRef
    from django.db.models.functions import Length, Substr
    from wagtail.models import PageViewRestriction

    from core import cache as versions

    from .models import EventPage

    def load():
        # A restriction on the page or any ancestor (its path is a prefix of the page's).
        restrictions = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
        page = (
            EventPage.objects.live()
            .filter(pk=pk)
            .select_related("locale")
            .annotate(restricted=Exists(restrictions))
            .first()
        )
        loaded["page"] = page
        return page if page is not None and not page.restricted else None

    loaded = {}
    key = versions.key("events:registrable", int(pk), names=("pages", "site"))
    page = versions.versioned(key, load, 60 * 60)
    if page is None:
        page = loaded.get("page")
        if page is None:
            raise Http404
    else:
        page = copy(page)  # shared with this process's other requests
    if page.restricted and not all(r.accept_request(request) for r in page.get_view_restrictions()):
        raise Http404
    return page


def handle_registration_post(request, event, action):
    """The registration form's POST for `event` (the default-language page): rate limits,
    the anti-bot checks, the single-use start token, then `services.register`.

    Returns (response, form): a redirect to the registration's page (also for a repeated
    post), a 429, or (None, the bound form with its errors) for the caller to show."""
    from .forms import RegistrationForm

    # abuse (issue 13): rate limits before anything is read or written; the start token is
    # single use (a repeat gets the first registration's page).
    if spam.rate_limited(
        request,
        "event-registration",
        tax_code=request.POST.get("tax_code", ""),
        email=request.POST.get("email", ""),
    ):
        return spam.too_many_requests(request), None
    form = RegistrationForm(event, data=request.POST, action=action)
    if form.is_valid():
        try:
            with form.single_use() as use:
                outcome = services.register(
                    event, form.cleaned_data, language=translation.get_language(), request=request
                )
                if outcome.ok:
                    use.result = outcome.manage_url
                else:
                    use.refuse()
        except spam.AlreadySent as repeat:
            if repeat.result:
                return redirect(repeat.result), form
            form.add_error(None, repeat.message)
        else:
            if outcome.ok:
                return redirect(outcome.manage_url), form
            form.add_error(outcome.field, outcome.message)
    return None, form


@require_POST
def register(request, pk):
    """Where the event page's form posts (issue 21.4, the registration rush): no page
    routing, the same protection (CSRF, rate limits, anti-bot checks, single-use token) and
    messages as the page. A refused form is shown again on the event page, never cached."""
    page = registrable_event(request, pk)
    event = page.canonical
    state = event.registration_state()
    form = None
    if state == "open":
        response, form = handle_registration_post(request, event, event.registration_post_url())
        if response is not None:
            return response
    shown = localized_event(page, translation.get_language())
    response = shown.render(
        request,
        context_overrides={"form": form, "registration_state": state, "event": event},
    )
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


class LinkRefused(Exception):
    def __init__(self, state):
        self.state = state


LINK_MESSAGES = {
    LinkState.EXPIRED: gettext_lazy(
        "Đường dẫn này đã hết hạn: đường dẫn quản lý đăng ký chỉ dùng được đến khi sự kiện kết thúc. "
        "Nếu cần hỗ trợ, vui lòng liên hệ ban tổ chức."
    ),
    LinkState.REVOKED: gettext_lazy(
        "Đường dẫn này đã bị thu hồi vì một đường dẫn mới đã được gửi. Hãy dùng đường dẫn trong thư mới nhất."
    ),
    LinkState.INVALID: gettext_lazy("Đường dẫn không hợp lệ hoặc đã bị thay đổi."),
}


def link_refused(request, state, status=None):
    """The page of a link that cannot be used, saying why (410 expired/revoked, 404 forged)."""
    response = render(
        request,
        "events/link_refused.html",
        {"state": state.value, "message": LINK_MESSAGES[state]},
        status=status or (404 if state == LinkState.INVALID else 410),
    )
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def _registration(token, salts=(MANAGE_SALT, AFTER_SALT)):
    registration, state, salt = check_token(token, salts)
    if state != LinkState.VALID:
        raise LinkRefused(state)
    registration.link_salt = salt
    return registration


def refuses_links(view):
    """Answer a refused link with its explanation page instead of a bare error."""
    from functools import wraps

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except LinkRefused as refused:
            return link_refused(request, refused.state)

    return wrapper


@never_cache
@refuses_links
@require_http_methods(["GET", "POST"])
def manage(request, token):
    registration = _registration(token)
    event = localized_event(registration.event, translation.get_language())
    change_form = ChangeRegistrationForm(instance=registration)
    if request.method == "POST" and spam.rate_limited(request, "registration-manage", registration=registration.pk):
        return spam.too_many_requests(request)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "renew":
            services.renew_links(registration, request=request)
            response = render(request, "events/link_refused.html", {"state": "renewed", "registration": registration})
            response["Cache-Control"] = "no-store"
            return response
        if registration.link_salt != MANAGE_SALT:
            outcome = services.Outcome(False, message=_("Sự kiện đã kết thúc: không thể thay đổi đăng ký."))
        elif action == "cancel":
            outcome = services.cancel(registration, request=request)
        elif action == "accept":
            outcome = services.accept_offer(registration, request=request)
        elif action == "change":
            change_form = ChangeRegistrationForm(request.POST, instance=Registration.objects.get(pk=registration.pk))
            if not change_form.is_valid():
                return _render_manage(request, registration, event, change_form, status=400)
            outcome = services.change_registration(registration, change_form.cleaned_data, request=request)
        else:
            outcome = services.Outcome(False, message=_("Thao tác không hợp lệ."))
        (messages.success if outcome.ok else messages.error)(request, outcome.message)
        return redirect(request.path)
    return _render_manage(request, registration, event, change_form)


def _render_manage(request, registration, event, change_form, status=200):
    import segno

    qr = None
    if registration.status in (Registration.Status.CONFIRMED, Registration.Status.PENDING):
        qr = segno.make(services.check_in_url(registration, request), error="m").svg_data_uri(scale=5, border=2)
    context = {
        "registration": registration,
        "event": event,
        "change_form": change_form,
        "qr": qr,
        "show_online_link": registration.status in (Registration.Status.CONFIRMED, Registration.Status.ATTENDED)
        and event.is_online,
        "show_documents": registration.status in (Registration.Status.CONFIRMED, Registration.Status.ATTENDED)
        and event.is_past,
        "can_change": registration.is_active and not event.is_past,
    }
    return render(request, "events/manage.html", context, status=status)


@never_cache
@refuses_links
def registration_ics(request, token):
    from .ical import build_calendar

    registration = _registration(token)
    event = localized_event(registration.event, translation.get_language())
    calendar = build_calendar([event], request=request, attendee=registration)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="su-kien-{event.pk}.ics"'
    return response


@never_cache
@refuses_links
@require_http_methods(["GET", "POST"])
def feedback(request, token):
    registration = _registration(token)
    if registration.status != Registration.Status.ATTENDED:
        raise Http404(_("Chỉ người đã tham dự mới gửi góp ý được."))
    instance = getattr(registration, "feedback", None)
    if request.method == "POST" and spam.rate_limited(request, "registration-manage", registration=registration.pk):
        return spam.too_many_requests(request)
    form = FeedbackForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.save_feedback(registration, form.cleaned_data)
        messages.success(request, _("Cảm ơn bạn đã góp ý."))
        return redirect("events:manage", token=token)
    event = localized_event(registration.event, translation.get_language())
    return render(request, "events/feedback.html", {"form": form, "registration": registration, "event": event})


@refuses_links
def certificate(request, token):
    registration = _registration(token)
    if registration.status != Registration.Status.ATTENDED:
        raise Http404(_("Chỉ người đã tham dự mới có giấy chứng nhận."))
    from .certificates import certificate_response

    return certificate_response([registration], request, filename=f"chung-nhan-{registration.pk}.pdf")


@xframe_options_exempt
def widget(request):
    """Upcoming events for other sites to embed in an iframe (no site header or footer)."""
    try:
        limit = max(1, min(int(request.GET.get("limit", 5)), 20))
    except ValueError:
        limit = 5
    pillars = [code for code in request.GET.getlist("pillar") if code]
    events = services.upcoming_events(limit=limit, pillars=pillars or None)
    response = render(request, "events/widget.html", {"events": events})
    response["Cache-Control"] = "public, max-age=300"
    return response
