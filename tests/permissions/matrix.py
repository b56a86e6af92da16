"""Builds the real permission matrix from the running code: one user per role, one object of
each kind, each action through the admin's own views (GET, and an empty POST to edit forms),
and reads the documented matrix from docs/permissions.md.

Outcome of a request: "Y" when the view serves the user (200, or a redirect that is not the
admin's refusal), "-" when it refuses (403, 404, or Wagtail's redirect to the dashboard or
the login page). A 500 fails the test."""

import re
from pathlib import Path

from django.conf import settings
from django.contrib.admin.utils import quote
from django.urls import NoReverseMatch, reverse

DOC = Path(settings.BASE_DIR) / "docs" / "permissions.md"
BLOCK = re.compile(r"```matrix\n(.*?)```", re.S)

# Personas, in the column order of the document.
PERSONAS = [
    "journalist",
    "desk_editor",
    "programme_editor",
    "event_organiser",
    "organiser_other",
    "assessor",
    "committee",
    "juror_conflicted",
]


def read_documented():
    text = DOC.read_text(encoding="utf-8")
    found = BLOCK.search(text)
    assert found, "docs/permissions.md has no ```matrix block"
    lines = [line for line in found.group(1).splitlines() if line.strip() and not line.startswith("#")]
    header = [cell.strip() for cell in lines[0].split("|")]
    assert header[1:] == PERSONAS, f"matrix columns must be {PERSONAS}"
    table = {}
    for line in lines[1:]:
        cells = [cell.strip() for cell in line.split("|")]
        table[cells[0]] = dict(zip(PERSONAS, cells[1:], strict=True))
    return table


def render(table):
    width = max(len(key) for key in table) if table else 10
    lines = [" | ".join([f"{'door':<{width}}", *PERSONAS])]
    for key in sorted(table):
        row = table[key]
        lines.append(" | ".join([f"{key:<{width}}", *[row[p].center(len(p)) for p in PERSONAS]]))
    return "\n".join(lines) + "\n"


def outcome(response):
    status = response.status_code
    if status >= 500:
        raise AssertionError(f"{response.request['REQUEST_METHOD']} {response.request['PATH_INFO']} → {status}")
    if status in (401, 403, 404, 405):
        return "-"
    if status in (301, 302):
        location = response["Location"]
        refused = location.rstrip("/").endswith("/admin") or "/login" in location
        return "-" if refused else "Y"
    if status == 200:
        return "Y"
    return str(status)


def _try_reverse(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


PROJECT_APPS = {
    "core",
    "accounts",
    "enterprises",
    "assessment_forms",
    "events",
    "stories",
    "handbook",
    "honors",
    "dashboard",
    "home",
    "search",
}


def viewset_doors(objects):
    """(door name, method, url) for every model viewset of the project's apps."""
    from wagtail.admin.viewsets import viewsets as registry
    from wagtail.admin.viewsets.model import ModelViewSet
    from wagtail.snippets.views.snippets import SnippetViewSet

    doors = []
    seen = set()
    for viewset in registry.viewsets:
        if not isinstance(viewset, ModelViewSet) or viewset.model._meta.app_label not in PROJECT_APPS:
            continue
        label = viewset.model._meta.label_lower
        if label in seen:
            continue
        seen.add(label)
        index = _try_reverse(viewset.get_url_name("list")) or _try_reverse(viewset.get_url_name("index"))
        doors.append((f"{label}.index", "GET", index))
        if getattr(viewset, "list_export", None):
            doors.append((f"{label}.export", "GET", index + "?export=csv"))
        add = _try_reverse(viewset.get_url_name("add"))
        if add:
            doors.append((f"{label}.add", "GET", add))
        for key, instance in objects.items():
            if instance._meta.label_lower != label:
                continue
            pk = quote(instance.pk)
            for action in ("edit", "delete", "history", "inspect", "usage"):
                url = _try_reverse(viewset.get_url_name(action), pk)
                if url and (action != "inspect" or viewset.inspect_view_enabled):
                    doors.append((f"{key}.{action}", "GET", url))
            edit = _try_reverse(viewset.get_url_name("edit"), pk)
            if edit:
                doors.append((f"{key}.edit_post", "POST", edit))
            if isinstance(viewset, SnippetViewSet):
                chooser = viewset.chooser_viewset
                chosen = _try_reverse(chooser.get_url_name("chosen"), pk)
                if chosen:
                    doors.append((f"{key}.chosen", "GET", chosen))
        if isinstance(viewset, SnippetViewSet):
            doors.append((f"{label}.chooser", "GET", _try_reverse(viewset.chooser_viewset.get_url_name("choose"))))
            api = f"/admin/localize/api/snippets/{viewset.model._meta.app_label}/{viewset.model._meta.model_name}/"
            doors.append((f"{label}.translation_api", "GET", api))
    return doors
