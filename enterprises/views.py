"""Public pages for an enterprise's own users (no Wagtail page fits: they are per-account)."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core import spam

from . import services
from .forms import ClassificationForm, HumanCheckForm, InvitationSignupForm, ProfileForm, RegistrationForm
from .models import ClassificationChange


@login_required
def profile_list(request):
    """The member's enterprises are listed on the account page."""
    return redirect(reverse("accounts:home") + "#doanh-nghiep")


@login_required
def profile_edit(request, pk):
    enterprise = get_object_or_404(services.verified_enterprises_for(request.user), pk=pk)
    posted_classification = request.method == "POST" and "classification" in request.POST
    form = ProfileForm(
        request.POST if request.method == "POST" and not posted_classification else None, instance=enterprise
    )
    classification = ClassificationForm(request.POST if posted_classification else None, enterprise=enterprise)
    if posted_classification and classification.is_valid():
        change = services.request_classification_change(
            enterprise,
            request.user,
            sector=classification.cleaned_data["sector"],
            area=classification.cleaned_data["area"],
        )
        if change:
            messages.success(
                request, _("Đã gửi đề nghị đổi ngành, địa bàn. Cán bộ của Sở sẽ xác minh trước khi áp dụng.")
            )
        else:
            messages.info(request, _("Không có thay đổi nào."))
        return redirect("enterprises:profile_edit", pk=enterprise.pk)
    if request.method == "POST" and not posted_classification and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data if not form.fields[name].disabled}
        changed = services.update_profile(enterprise, request.user, data)
        if changed:
            messages.success(request, _("Đã lưu hồ sơ doanh nghiệp."))
        else:
            messages.info(request, _("Không có thay đổi nào."))
        # Post/redirect/get: a second click or a reload does not post again.
        return redirect("enterprises:profile_edit", pk=enterprise.pk)
    pending = enterprise.classification_changes.filter(status=ClassificationChange.Status.PENDING).first()
    context = {"form": form, "enterprise": enterprise, "classification": classification, "pending_change": pending}
    return render(request, "enterprises/profile_form.html", context)


def invitation(request, token):
    membership = services.membership_for_token(token)
    if membership is None:
        message = _("Lời mời không hợp lệ, đã hết hạn, đã được dùng hoặc đã được thay bằng lời mời mới hơn.")
        return render(request, "enterprises/invitation_invalid.html", {"message": message}, status=404)
    if request.user.is_authenticated and not services.invitation_matches(membership, request.user):
        context = {"membership": membership, "enterprise": membership.enterprise}
        return render(request, "enterprises/invitation_refused.html", context, status=403)
    has_account = get_user_model().objects.filter(email__iexact=membership.email).exists()
    form = None
    if request.user.is_authenticated:
        form = HumanCheckForm(request.POST or None)
    elif not has_account:
        form = InvitationSignupForm(request.POST or None, email=membership.email)
    if request.method == "POST" and form is not None and form.is_valid():
        user = request.user
        if not user.is_authenticated:
            user = form.create_user(membership.email)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        membership = services.accept_invitation(membership, user)
        messages.success(request, _("Bạn đã được liên kết với doanh nghiệp."))
        return redirect("enterprises:profile_edit", pk=membership.enterprise_id)
    context = {"membership": membership, "enterprise": membership.enterprise, "form": form, "has_account": has_account}
    return render(request, "enterprises/invitation.html", context)


@login_required
def register(request):
    # abuse (issue 13): rate limits per address, tax code and e-mail before anything is
    # written; the form's start token is single use (a repeat lands where the first went).
    if request.method == "POST" and spam.rate_limited(
        request,
        "enterprise-registration",
        tax_code=request.POST.get("tax_code", ""),
        email=getattr(request.user, "email", ""),
    ):
        return spam.too_many_requests(request)
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with form.single_use() as use:
                membership, invitation = services.register_membership(
                    request.user,
                    form.cleaned_data["tax_code"],
                    form.cleaned_data["enterprise_name"],
                    form.cleaned_data["position"],
                )
                use.result = reverse("accounts:home") + "#doanh-nghiep"
        except spam.AlreadySent as repeat:
            if repeat.result:
                return redirect(repeat.result)
            form.add_error(None, repeat.message)
        else:
            if membership.is_active:
                messages.info(request, _("Bạn đã là thành viên đã xác minh của doanh nghiệp này."))
            elif invitation is not None:
                messages.success(
                    request,
                    _(
                        "Đã nhận yêu cầu. Một lời mời đã được gửi đến địa chỉ thư điện tử của doanh nghiệp "
                        "trong danh sách của Sở (%(email)s): nếu tài khoản của bạn dùng địa chỉ đó, mở thư và "
                        "làm theo liên kết để được xác minh ngay. Nếu không, cán bộ của Sở sẽ xác minh."
                    )
                    % {"email": services.masked_email(invitation.email)},
                )
            else:
                messages.success(request, _("Đã nhận yêu cầu. Cán bộ của Sở sẽ xác minh và thông báo cho bạn."))
            return redirect(use.result)
    return render(request, "enterprises/register.html", {"form": form})
