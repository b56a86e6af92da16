from django.db import connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """Render the 500 page without context processors: the database may be the problem."""
    template = loader.get_template(template_name)
    language = translation.get_language() or "vi"
    return HttpResponseServerError(template.render({"LANGUAGE_CODE": language, "request": None}))


@never_cache
def health(request):
    """For the proxy and the benchmark: answers 200 when the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"}) if request.GET.get("format") == "json" else HttpResponse("ok")


def favicon(request):
    """/favicon.ico, which browsers ask for whatever the page declares (a 404 there is a
    console error): a permanent redirect to the static icon."""
    from django.http import HttpResponsePermanentRedirect
    from django.templatetags.static import static

    return HttpResponsePermanentRedirect(static("img/favicon.ico"))
