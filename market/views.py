"""Public pages of the catalogue and the board (plain views: no page type fits a filtered
catalogue or a moderated board)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from assessment_forms.services import pillar_choices
from enterprises.models import Enterprise
from enterprises.services import verified_enterprises_for

from . import services
from .forms import BoardFilterForm, CatalogueFilterForm, ContactForm, PostForm
from .models import Listing, Post

PER_PAGE = 20


def _page(request, queryset):
    return Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))


def catalogue(request):
    form = CatalogueFilterForm(request.GET or None, pillars=pillar_choices(), sizes=Enterprise.SizeClass.choices)
    filters = services.CatalogueFilter()
    if form.is_valid():
        data = form.cleaned_data
        filters = services.CatalogueFilter(
            q=data["q"],
            category=data["category"],
            pillar=data["pillar"],
            size=data["size"],
            trial=data["trial"],
            make_in_vietnam=data["make_in_vietnam"],
        )
    page = _page(request, services.filter_solutions(filters))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "market/catalogue.html",
        {"form": form, "page_obj": page, "query": query.urlencode(), "pillar_names": dict(pillar_choices())},
    )


def solution_detail(request, pk):
    solution = get_object_or_404(services.public_solutions().prefetch_related("sectors"), pk=pk)
    return render(request, "market/solution.html", {"solution": solution, "pillar_names": dict(pillar_choices())})


def compare(request):
    try:
        ids = [int(value) for value in request.GET.getlist("id") if value.isdigit()]
    except ValueError:
        ids = []
    solutions = services.compare(ids)
    return render(
        request,
        "market/compare.html",
        {"solutions": solutions, "limit": services.COMPARE_LIMIT, "pillar_names": dict(pillar_choices())},
    )


def platforms(request):
    """Joining e-commerce platforms: the platforms in the catalogue and where to get help."""
    solutions = services.filter_solutions(services.CatalogueFilter(platform=True))
    return render(request, "market/platforms.html", {"solutions": solutions})


def board(request):
    form = BoardFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    posts = services.public_posts(
        kind=data.get("kind", ""), sector=data.get("sector", ""), area=data.get("area", ""), q=data.get("q", "")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "market/board.html", {"form": form, "page_obj": _page(request, posts), "query": query.urlencode()}
    )


def post_detail(request, pk):
    post = get_object_or_404(Post.objects.select_related("enterprise", "sector", "area"), pk=pk)
    if post.status != Listing.APPROVED or post.expires_at <= timezone.now():
        raise Http404
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.request_contact(post, form.contact_data(), language=get_language())
        messages.success(request, _("Đã gửi lời nhắn. Người đăng tin sẽ liên hệ lại với bạn qua thư điện tử."))
        return redirect("market:post", pk=post.pk)
    return render(request, "market/post.html", {"post": post, "form": form})


@login_required
def new_post(request):
    enterprises = list(verified_enterprises_for(request.user))
    if not enterprises:
        messages.info(request, _("Chỉ thành viên đã xác minh của một doanh nghiệp mới đăng được tin."))
        return redirect("market:board")
    form = PostForm(request.POST or None, enterprises=enterprises)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        enterprise = data.pop("enterprise")
        for key in ("website", "started"):
            data.pop(key, None)
        services.submit_post(enterprise, data, user=request.user)
        messages.success(request, _("Đã nhận tin của bạn. Tin sẽ hiện trên bảng sau khi được kiểm duyệt."))
        return redirect("market:board")
    return render(request, "market/post_form.html", {"form": form})
