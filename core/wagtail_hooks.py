"""Admin wiring of the core layer: the outgoing-mail list (failures, unreachable, resend), the
audit trail's read-only listing for programme editors, and the guarded translation API."""

from collections.abc import Callable, Iterable
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import URLPattern, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from . import admin_views
from .audit import AuditEntry
from .models import OutgoingMail
from .policies import ActionPermissionPolicy


class OutgoingMailViewSet(ModelViewSet):
    model = OutgoingMail
    icon = "mail"
    menu_label = _("Thư gửi đi")
    url_prefix = "outgoing-mail"
    name = "outgoing_mail"
    add_to_settings_menu = True
    index_view_class = admin_views.OutgoingMailIndexView
    inspect_view_class = admin_views.OutgoingMailInspectView
    filterset_class = admin_views.OutgoingMailFilterSet
    list_display = ["kind", "__str__", "subject", "status", "attempts", "created_at", "sent_at"]
    search_fields = ["subject", "kind", "related_id"]
    search_backend_name = None
    form_fields = ["status"]
    inspect_view_enabled = True
    copy_view_enabled = False
    list_per_page = 50

    @property
    def permission_policy(self) -> ModelPermissionPolicy:
        return admin_views.OutgoingMailPermissionPolicy(self.model)


outgoing_mail_viewset = OutgoingMailViewSet()


@hooks.register("register_admin_viewset")
def register_outgoing_mail() -> OutgoingMailViewSet:
    return outgoing_mail_viewset


@hooks.register("register_admin_urls")
def outgoing_mail_urls() -> list[URLPattern]:
    return [path("outgoing-mail/resend/<int:pk>/", admin_views.resend_view, name="core_mail_resend")]


# --- The audit trail ------------------------------------------------------------------------


class ReadOnlyPolicy(ActionPermissionPolicy):
    """Nobody adds, changes or deletes an audit entry through the admin, not even a superuser:
    only `view` is ever granted."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        return action == "view" and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user: Any, action: str, instance: Any) -> bool:
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user: Any, actions: Iterable[str], instance: Any) -> bool:
        return self.user_has_any_permission(user, actions)


class AuditEntryViewSet(ModelViewSet):
    model = AuditEntry
    icon = "history"
    menu_label = _("Nhật ký kiểm soát")
    menu_order = 900
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = [
        DateColumn("timestamp", label=_("thời điểm")),
        Column("user_label", label=_("người thực hiện")),
        Column("action_label", label=_("hành động")),
        Column("object_label", label=_("đối tượng")),
        Column("details_text", label=_("chi tiết")),
    ]
    list_filter = ["action", "object_type"]
    search_fields = ["user_label", "object_label", "action"]
    search_backend_name = None
    inspect_view_fields = ["timestamp", "user_label", "action", "object_type", "object_id", "object_label", "details"]
    form_fields: list[str] = []
    copy_view_enabled = False

    @property
    def permission_policy(self) -> ModelPermissionPolicy:
        return ReadOnlyPolicy(self.model)


audit_viewset = AuditEntryViewSet("audit_trail")


@hooks.register("register_admin_viewset")
def register_audit_viewset() -> AuditEntryViewSet:
    return audit_viewset


# --- The translation API (wagtail-localize) ----------------------------------------------
# wagtail-localize's /admin/localize/api/snippets/<app>/<model>/ lists every instance of any
# registered snippet (its string and edit URL) to anyone who can log in to the admin. Its
# only use is choosing translatable snippets in the translation editor, so ours, registered
# first under the same paths, answers only for translatable snippet models, only to users
# with a right on the model, and only with the objects the model's viewset lets them see.


def _localize_snippets_api(
    request: HttpRequest, app_label: str, model_name: str, pk: str | None = None
) -> JsonResponse:
    from django.apps import apps
    from django.http import Http404, JsonResponse
    from wagtail.models import TranslatableMixin

    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as exc:
        raise Http404 from exc
    viewset = getattr(model, "snippet_viewset", None)
    if viewset is None or not issubclass(model, TranslatableMixin):
        raise Http404
    if not viewset.permission_policy.user_has_any_permission(request.user, ["add", "change", "delete", "view"]):
        raise Http404
    queryset = model._default_manager.all()
    scope = getattr(viewset, "scope", None)
    if scope is not None:
        queryset = scope(request, queryset)
    from django.contrib.admin.utils import quote
    from django.urls import reverse

    def row(instance: Any) -> dict[str, Any]:
        return {
            "id": instance.pk,
            "title": str(instance),
            "edit_url": reverse(viewset.get_url_name("edit"), args=[quote(instance.pk)]),
        }

    if pk is not None:
        instance = queryset.filter(pk=pk).first()
        if instance is None:
            raise Http404
        return JsonResponse(row(instance))
    return JsonResponse([row(instance) for instance in queryset[:1000]], safe=False)


TRANSLATE_PERMISSION = "wagtail_localize.submit_translation"


def _translations_report(results_only: bool = False) -> Callable[..., HttpResponse]:
    """wagtail-localize's translations report (titles of every translated page and snippet,
    published or not), for those who may send content for translation only."""
    from django.core.exceptions import PermissionDenied
    from wagtail_localize.views.report import TranslationsReportView

    view = TranslationsReportView.as_view(results_only=results_only)

    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm(TRANSLATE_PERMISSION):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


@hooks.register("register_admin_urls", order=-100)
def register_guarded_localize_api() -> list[URLPattern]:
    from django.urls import path

    return [
        path("localize/api/snippets/<slug:app_label>/<slug:model_name>/", _localize_snippets_api),
        path("localize/api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/", _localize_snippets_api),
        path("localize/reports/translations/", _translations_report()),
        path("localize/reports/translations/results/", _translations_report(results_only=True)),
    ]
