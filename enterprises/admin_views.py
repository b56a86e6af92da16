"""Admin page for importing the province's business registry lists (upload → dry run → confirm)."""

from django.http import Http404


def import_upload(request):
    raise Http404


def import_confirm(request):
    raise Http404
