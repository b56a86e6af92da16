"""The public search page and its autocomplete answers. Never writes to the database on GET."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from search import services
from search.hits import record_hit


@require_GET
def search(request):
    """/search/?q=…&kind=…&page=… ; /search/?suggest=… answers the autocomplete in JSON."""
    locale = services.active_locale()
    if "suggest" in request.GET:
        return JsonResponse({"results": services.suggest(request.GET.get("suggest"), locale)})
    outcome = services.site_search(
        request.GET.get("q"),
        locale,
        kind=request.GET.get("kind", ""),
        page_number=request.GET.get("page", 1),
        request=request,
    )
    if outcome.query and request.GET.get("page", "1") in ("", "1") and not outcome.kind:
        record_hit(outcome.query)
    return render(
        request,
        "search/search.html",
        {"search_query": outcome.query, "outcome": outcome, "results": outcome.page},
    )
