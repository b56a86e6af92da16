"""Public pages for an enterprise's own users (no Wagtail page fits: they are per-account)."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core import spam

from . import services
from .forms import AnonymousRegistrationForm, HumanCheckForm, InvitationSignupForm, ProfileForm, RegistrationForm
from .models import EnterpriseMembership


@login_required
def profile_list(request):
    memberships = (
        EnterpriseMembership.objects.filter(user=request.user)
        .exclude(status=EnterpriseMembership.Status.REVOKED)
        .select_related("enterprise")
    )
    active = [m for m in memberships if m.is_active]
    if len(active) == 1 and len(memberships) == 1:
        return redirect("enterprises:profile_edit", pk=active[0].enterprise_id)
    return render(request, "enterprises/profile_list.html", {"memberships": memberships})


@login_required
def profile_edit(request, pk):
    enterprise = get_object_or_404(services.enterprises_for_member(request.user), pk=pk)
    form = ProfileForm(request.POST or None, instance=enterprise)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data if not form.fields[name].disabled}
        changed = services.update_profile(enterprise, request.user, data)
        if changed:
            messages.success(request, _("Đã lưu hồ sơ doanh nghiệp."))
        else:
            messages.info(request, _("Không có thay đổi nào."))
        # Post/redirect/get: a second click or a reload does not post again.
        return redirect("enterprises:profile_edit", pk=enterprise.pk)
    return render(request, "enterprises/profile_form.html", {"form": form, "enterprise": enterprise})


def invitation(request, token):
    membership = services.membership_for_token(token)
    if membership is None:
        raise Http404(_("Lời mời không hợp lệ, đã hết hạn hoặc đã được dùng."))
    has_account = get_user_model().objects.filter(email__iexact=membership.email).exists()
    form = None
    if request.user.is_authenticated:
        form = HumanCheckForm(request.POST or None)
    elif not has_account:
        form = InvitationSignupForm(request.POST or None)
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


def register(request):
    # abuse (issue 13): rate limits per address, tax code and e-mail before anything is
    # written; the form's start token is single use (a repeat lands where the first went).
    if request.method == "POST" and spam.rate_limited(
        request,
        "enterprise-registration",
        tax_code=request.POST.get("tax_code", ""),
        email=request.POST.get("email", "") or getattr(request.user, "email", ""),
    ):
        return spam.too_many_requests(request)
    form_class = RegistrationForm if request.user.is_authenticated else AnonymousRegistrationForm
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with form.single_use() as use:
                user = request.user
                if not user.is_authenticated:
                    user = form.create_user(form.cleaned_data["email"])
                    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                services.register_membership(
                    user,
                    form.cleaned_data["tax_code"],
                    form.cleaned_data["enterprise_name"],
                    form.cleaned_data["position"],
                )
                use.result = reverse("enterprises:profile_list")
        except spam.AlreadySent as repeat:
            if repeat.result:
                return redirect(repeat.result)
            form.add_error(None, repeat.message)
        else:
            messages.success(request, _("Đã nhận yêu cầu. Cán bộ của Sở sẽ xác minh và thông báo cho bạn."))
            return redirect(use.result)
    return render(request, "enterprises/register.html", {"form": form})
