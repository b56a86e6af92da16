"""Plain views where no page fits: the signed registration link (view, change, cancel,
accept an offer), post-event feedback, the attendee's certificate, and the embeddable
widget of upcoming events."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_http_methods

from . import services
from .emails import localized_event
from .forms import ChangeRegistrationForm, FeedbackForm
from .models import Registration
from .tokens import read_token


def _registration(token):
    pk = read_token(token)
    registration = Registration.objects.select_related("event", "enterprise").filter(pk=pk).first() if pk else None
    if registration is None:
        raise Http404(_("Đường dẫn không hợp lệ hoặc đã bị thay đổi."))
    return registration


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request, token):
    registration = _registration(token)
    event = localized_event(registration.event, translation.get_language())
    change_form = ChangeRegistrationForm(instance=registration)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "cancel":
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
def registration_ics(request, token):
    from .ical import build_calendar

    registration = _registration(token)
    event = localized_event(registration.event, translation.get_language())
    calendar = build_calendar([event], request=request, attendee=registration)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="su-kien-{event.pk}.ics"'
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def feedback(request, token):
    registration = _registration(token)
    if registration.status != Registration.Status.ATTENDED:
        raise Http404(_("Chỉ người đã tham dự mới gửi góp ý được."))
    instance = getattr(registration, "feedback", None)
    form = FeedbackForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.save_feedback(registration, form.cleaned_data)
        messages.success(request, _("Cảm ơn bạn đã góp ý."))
        return redirect("events:manage", token=token)
    event = localized_event(registration.event, translation.get_language())
    return render(request, "events/feedback.html", {"form": form, "registration": registration, "event": event})


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
