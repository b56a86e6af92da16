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
from core.fragments import ListingVersion
from enterprises.models import Enterprise
from enterprises.services import verified_enterprises_for

from . import services, signals
from .forms import BoardFilterForm, CatalogueFilterForm, ContactForm, PostForm
from .models import Listing, Post

PER_PAGE = 20


def _page(request, queryset):
    return Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))


def _filters(form):
    """The valid filters of a bound form (an invalid one is shown as an error and ignored)."""
    if not form.is_bound:
        return {}
    form.is_valid()
    return {name: value for name, value in form.cleaned_data.items() if value}


def _load_solutions(pks):
    return services.public_solutions().filter(pk__in=pks)


CATALOGUE = ListingVersion(
    "market-catalogue",
    "market/_solution_card.html",
    names=[signals.CATALOGUE],
    load=_load_solutions,
    as_name="solution",
)


def catalogue(request):
    form = CatalogueFilterForm(request.GET or None, pillars=pillar_choices(), sizes=Enterprise.SizeClass.choices)
    data = _filters(form)
    filters = services.CatalogueFilter(**data)
    page = CATALOGUE.page(lambda: services.filter_solutions(filters), data, request.GET.get("page"), PER_PAGE)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "market/catalogue.html",
        {"form": form, "page_obj": page, "cards": CATALOGUE.cards(page.object_list), "query": query.urlencode()},
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


def _load_posts(pks):
    return Post.objects.filter(pk__in=pks).select_related("enterprise", "sector", "area")


BOARD = ListingVersion(
    "market-board", "market/_post_card.html", names=[signals.BOARD], load=_load_posts, as_name="post"
)


def _first_expiry(posts):
    return posts.order_by("expires_at").values_list("expires_at", flat=True).first()


def board(request):
    form = BoardFilterForm(request.GET or None)
    data = _filters(form)
    page = BOARD.page(
        lambda: services.public_posts(**data), data, request.GET.get("page"), PER_PAGE, deadline=_first_expiry
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "market/board.html",
        {"form": form, "page_obj": page, "cards": BOARD.cards(page.object_list), "query": query.urlencode()},
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
