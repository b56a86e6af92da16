"""Providers keep their own listing: edits wait for a programme editor's approval."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import services
from .models import Provider, Solution


class ProviderForm(forms.ModelForm):
    class Meta:
        model = Provider
        fields = list(services.PROVIDER_FIELDS)


class SolutionForm(forms.ModelForm):
    class Meta:
        model = Solution
        fields = list(services.SOLUTION_FIELDS)
        labels = {"url": gettext_lazy("Địa chỉ giới thiệu")}


@login_required
def my_listings(request):
    providers = list(services.providers_of(request.user))
    if not providers:
        raise Http404
    return render(request, "market/my_listings.html", {"providers": providers})


def _owned(request, model, pk):
    queryset = model.objects.filter(pk=pk)
    owner = "owners" if model is Provider else "provider__owners"
    obj = queryset.filter(**{owner: request.user}).first()
    if obj is None:
        raise Http404  # someone else's listing does not exist for this person
    return obj


@login_required
def edit_listing(request, kind, pk):
    model, form_class = (Provider, ProviderForm) if kind == "nha-cung-cap" else (Solution, SolutionForm)
    obj = _owned(request, model, pk)
    initial = {**{name: getattr(obj, name) for name in form_class.Meta.fields}, **(obj.pending_changes or {})}
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        changes = services.propose_changes(obj, form.cleaned_data, request.user)
        if changes:
            messages.success(request, _("Đã gửi thay đổi. Thay đổi hiện công khai sau khi cán bộ của Sở duyệt."))
        else:
            messages.info(request, _("Không có gì thay đổi."))
        return redirect("market:my_listings")
    return render(request, "market/edit_listing.html", {"form": form, "object": obj})
