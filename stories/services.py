"""The newsroom's small public interface, and the desk set-up (workflow and permissions).

Other apps call `latest_stories`, `stories_about` and `create_draft_story`; they never reach
into the models.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Locale
from wagtail.rich_text import RichText

from .choices import Desk, Kind
from .models import DeskIndexPage, StoryEnterprise, StoryPage, story_queryset

if TYPE_CHECKING:
    from wagtail.models import Page

    from .models import Journalist


def _active_locale() -> Locale:
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


def latest_stories(
    limit: int = 6, kind: str | None = None, locale: Locale | None = None, desk: str | None = None
) -> list[StoryPage]:
    """The newest live stories in `locale` (default: the active language), optionally of one
    kind or desk, with cover renditions and bylines prefetched."""
    queryset = story_queryset(locale or _active_locale())
    if kind:
        queryset = queryset.filter(kind=kind)
    if desk:
        queryset = queryset.filter(desk=desk)
    return list(queryset[:limit])


def related_stories(story: StoryPage, limit: int = 3) -> list[StoryPage]:
    """Live stories sharing an enterprise, a DBI pillar or a sector with `story`, newest first,
    topped up with the newest of the same desk. A fixed number of queries."""
    enterprise_ids = [enterprise.pk for enterprise in story.enterprises]
    codes = [code for code, _name in story.pillars]
    sector_ids = [sector.pk for sector in story.sector_tags]
    candidates = StoryPage.objects.live().public().filter(locale_id=story.locale_id).exclude(pk=story.pk)
    shared = Q(pk__in=[])
    if enterprise_ids:
        shared |= Q(featured_enterprises__enterprise_id__in=enterprise_ids)
    if codes:
        shared |= Q(pillar_tags__code__in=codes)
    if sector_ids:
        shared |= Q(sectors__in=sector_ids)
    ordering = ("-publication_date", "-pk")
    ids: list[int] = []
    if enterprise_ids or codes or sector_ids:
        rows = candidates.filter(shared).order_by(*ordering).values_list("pk", "publication_date").distinct()
        ids = list(dict.fromkeys(pk for pk, _date in rows[: limit * 4]))[:limit]
    if len(ids) < limit:
        more = candidates.filter(desk=story.desk).exclude(pk__in=ids).order_by(*ordering)
        ids += list(more.values_list("pk", flat=True)[: limit - len(ids)])
    found = {item.pk: item for item in story_queryset().filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


def stories_about(enterprise: Any, limit: int = 5, locale: Locale | None = None) -> list[StoryPage]:
    """The newest live, public stories that name `enterprise` among their enterprises (the
    story's "Doanh nghiệp trong bài" panel), in `locale` (default: the active language), with
    covers and bylines prefetched. Drafts, private pages and other languages are left out.

    `enterprise` is an Enterprise or its primary key. Used by the enterprise's public profile
    (honors); two queries whatever the number of stories."""
    enterprise_id = getattr(enterprise, "pk", enterprise)
    tagged = StoryEnterprise.objects.filter(enterprise_id=enterprise_id).values("page_id")
    return list(story_queryset(locale or _active_locale()).filter(pk__in=tagged)[:limit])


def enterprise_profiles(enterprises: Sequence[Any]) -> list[dict[str, Any]]:
    """Profile data for each enterprise of a success story, with its verified DBI level only
    when the enterprise agreed to publish it."""
    from assessment_forms.services import latest_verified_by_enterprise

    results = latest_verified_by_enterprise([e for e in enterprises if e.publish_dbi_consent])
    return [
        {"enterprise": enterprise, "dbi": results.get(enterprise.pk) if enterprise.publish_dbi_consent else None}
        for enterprise in enterprises
    ]


def ascii_slug(text: str, max_length: int = 80) -> str:
    """A URL slug without diacritics ("Chuyển đổi số" → "chuyen-doi-so")."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-").lower()
    return slug[:max_length].strip("-") or "bai-viet"


def unique_child_slug(parent: Page, title: str) -> str:
    base = ascii_slug(title)
    slug, n = base, 1
    while parent.get_children().filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def desk_page(desk_key: str, locale: Locale | None = None) -> DeskIndexPage:
    """The desk index page of `desk_key` in `locale` (default: the default language)."""
    locale = locale or Locale.get_default()
    page = DeskIndexPage.objects.filter(desk=desk_key, locale=locale).order_by("path").first()
    if page is None:
        raise LookupError(f"No desk index page for {desk_key!r}")
    return page


@transaction.atomic
def create_draft_story(
    desk_key: str,
    title: str,
    standfirst: str,
    body_paragraphs: Iterable[str],
    enterprises: Iterable[Any] = (),
    user: Any = None,
    kind: str = Kind.ARTICLE,
) -> StoryPage:
    """An unpublished StoryPage draft on the desk, for its journalists and editors to finish
    and send through the desk's workflow. `body_paragraphs` are plain-text paragraphs."""
    desk = desk_page(desk_key)
    body = [("paragraph", RichText("".join(f"<p>{escape(text)}</p>" for text in body_paragraphs)))]
    story = StoryPage(
        title=title,
        slug=unique_child_slug(desk, title),
        standfirst=standfirst,
        kind=kind,
        body=body,
        live=False,
        owner=user,
    )
    story.featured_enterprises = [StoryEnterprise(enterprise=enterprise) for enterprise in enterprises]
    desk.add_child(instance=story)
    story.save_revision(user=user, log_action=True)
    return story


# --- Desk set-up: workflow and page permissions ------------------------------------------

JOURNALIST_PAGE_PERMISSIONS = ["add_page"]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


def _desk_label(desk_key: str) -> str:
    with translation.override("vi"):
        return str(Desk(desk_key).label)


def workflow_name(desk_key: str) -> str:
    return f"Duyệt bài – {_desk_label(desk_key)}"


@transaction.atomic
def setup_desk(page: DeskIndexPage) -> Any:
    """Give a desk index page its desk's workflow (a group approval by the desk's editors and
    the programme editors) and page permissions: journalists add (and so edit their own
    drafts and submit them), editors add, change, publish and lock. Idempotent."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

    from accounts.roles import group_name

    desk_key = page.desk
    journalists = Group.objects.filter(name=group_name(f"journalist_{desk_key}")).first()
    editors = Group.objects.filter(name=group_name(f"desk_editor_{desk_key}")).first()
    programme = Group.objects.filter(name=group_name("programme_editor")).first()

    workflow, _ = Workflow.objects.get_or_create(name=workflow_name(desk_key), defaults={"active": True})
    task, _ = GroupApprovalTask.objects.get_or_create(name=f"Biên tập viên duyệt – {_desk_label(desk_key)}")
    task.groups.set([group for group in (editors, programme) if group is not None])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})

    for group, codenames in ((journalists, JOURNALIST_PAGE_PERMISSIONS), (editors, EDITOR_PAGE_PERMISSIONS)):
        if group is None:
            continue
        for codename in codenames:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    return workflow


def ensure_journalist(user: Any, desk_key: str) -> Journalist | None:
    """The journalist record of a user of a journalist or desk editor role, created from the
    account (full name, else user name) on the desk when missing. None for other users."""
    from accounts.roles import group_name

    from .models import Journalist

    if not user.is_authenticated:
        return None
    existing = Journalist.objects.filter(user=user).first()
    if existing is not None:
        return existing
    roles = {group_name(f"journalist_{desk_key}"), group_name(f"desk_editor_{desk_key}")}
    if not user.groups.filter(name__in=roles).exists():
        return None
    # Vietnamese order: family name first ("Nguyễn Minh Anh").
    name = f"{user.last_name} {user.first_name}".strip() or user.get_username()
    if Journalist.objects.filter(name=name).exists():
        name = f"{name} ({user.get_username()})"
    return Journalist.objects.create(name=name, desk=desk_key, user=user)
