"""Public pages of the support programmes, and the staff's review page in the admin."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_denied

from core import private_files
from core.pdf import render_pdf
from enterprises.services import verified_enterprises_for

from . import services
from .forms import ApplicationForm, ReviewForm
from .models import Application, Programme


def programme_list(request):
    programmes = Programme.objects.filter(status=Programme.Status.OPEN).order_by("ends_on")
    return render(request, "programmes/list.html", {"programmes": programmes})


def programme_detail(request, slug):
    programme = get_object_or_404(Programme.objects.exclude(status=Programme.Status.DRAFT), slug=slug)
    checks = [
        (enterprise, services.check_eligibility(programme, enterprise))
        for enterprise in verified_enterprises_for(request.user)
    ]
    return render(
        request,
        "programmes/detail.html",
        {"programme": programme, "checks": [(e, c, services.is_eligible(c)) for e, c in checks]},
    )


@login_required
def apply(request, slug):
    programme = get_object_or_404(Programme, slug=slug, status=Programme.Status.OPEN)
    enterprises = list(verified_enterprises_for(request.user))
    if not enterprises:
        messages.info(request, _("Chỉ thành viên đã xác minh của một doanh nghiệp mới nộp được hồ sơ."))
        return redirect("programmes:detail", slug=slug)
    form = ApplicationForm(request.POST or None, request.FILES or None, enterprises=enterprises, programme=programme)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.apply(
                programme, form.cleaned_data["enterprise"], request.user, form.application_data()
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _("Đã nhận hồ sơ %(ref)s. Chúng tôi sẽ thông báo từng bước xét qua thư điện tử.")
                % {"ref": application.reference},
            )
            return redirect("programmes:application", reference=application.reference)
    return render(request, "programmes/apply.html", {"programme": programme, "form": form})


@login_required
def my_applications(request):
    return render(request, "programmes/mine.html", {"applications": services.applications_for(request.user)})


def _own_application(request, reference):
    application = services.applications_for(request.user).filter(reference=reference).first()
    if application is None:
        raise Http404  # another enterprise's application does not exist for this person
    return application


@login_required
def application_detail(request, reference):
    application = _own_application(request, reference)
    steps = application.steps.select_related("user")
    return render(request, "programmes/application.html", {"application": application, "steps": steps})


DECIDED = (Application.Status.APPROVED, Application.Status.APPROVED_PARTLY, Application.Status.REFUSED)


def _letter(application):
    context = {"application": application, "programme": application.programme}
    return render_pdf("programmes/letter.html", context)


@login_required
def decision_letter(request, reference):
    application = _own_application(request, reference)
    if application.decided_at is None:
        raise Http404
    response = HttpResponse(_letter(application), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="quyet-dinh-{application.reference}.pdf"'
    return response


# --- admin -------------------------------------------------------------------------------


def _staff_may_view(user):
    return user.has_perm("programmes.view_application")


def review(request, pk):
    if not _staff_may_view(request.user):
        return permission_denied(request)
    application = get_object_or_404(
        Application.objects.select_related("programme", "enterprise", "solution__provider", "applicant"), pk=pk
    )
    steps = services.next_steps(application, request.user)
    form = ReviewForm(request.POST or None, steps=steps, criteria=application.programme.review_criteria)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.advance(
                application, data["to"], request.user, note=data["note"], amount=data["amount"], scores=form.scores()
            )
        except PermissionDenied:
            return permission_denied(request)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Đã chuyển hồ sơ %(ref)s.") % {"ref": application.reference})
            return redirect("programmes_admin:review", pk=pk)
    return render(
        request,
        "programmes/admin/review.html",
        {
            "application": application,
            "form": form,
            "steps": application.steps.select_related("user"),
            "remaining": services.remaining(application.programme),
        },
    )


def attachment(request, pk):
    """The applicant's file, to the staff who review it and the enterprise's own members."""
    application = get_object_or_404(Application, pk=pk)
    own = request.user.is_authenticated and services.applications_for(request.user).filter(pk=pk).exists()
    if not (own or _staff_may_view(request.user)) or not application.attachment:
        raise Http404
    name = application.attachment.name.rsplit("/", 1)[-1]
    return private_files.file_response(application.attachment, f"{application.reference}-{name}")
