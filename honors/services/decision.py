"""The committee's proposal, the approval workflow (committee, then programme leadership),
and what publication does: the year's honours page, certificates, e-mails, draft stories."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import linebreaks
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import GroupApprovalTask, Locale, Page, Workflow, WorkflowContentType, WorkflowTask

from accounts.roles import group_name
from core import audit
from core.mail import queue_mail, site_url

from .. import integrations
from ..models import Award, Certificate, HonoursDecision, HonoursYearPage, RankingsPage
from . import certificates
from .jury import aggregates
from .phases import require_deciding

if TYPE_CHECKING:
    from core.models import OutgoingMail

    from ..models import Category, HonoursCycle, Nomination

logger = logging.getLogger(__name__)

WORKFLOW_NAME = "Phê duyệt danh sách tôn vinh"
COMMITTEE_TASK = "Hội đồng xét tôn vinh thông qua"
LEADERSHIP_TASK = "Lãnh đạo chương trình phê duyệt"


def install_decision_workflow() -> Workflow | None:
    """After `migrate`: give honours decisions their approval workflow on a new installation.
    Once decisions have a workflow (this one or one an editor chose), nothing is changed."""
    content_type = ContentType.objects.get_for_model(HonoursDecision)
    if WorkflowContentType.objects.filter(content_type=content_type).exists():
        return None
    return ensure_decision_workflow()


def ensure_decision_workflow() -> Workflow:
    """The two-step approval workflow for honours decisions, assigned to the model. Idempotent."""
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    steps = [
        (COMMITTEE_TASK, "honours_committee"),
        (LEADERSHIP_TASK, "programme_editor"),
    ]
    for order, (name, role) in enumerate(steps):
        task = GroupApprovalTask.objects.filter(name=name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=name)
        group = Group.objects.filter(name=group_name(role)).first()
        if group is not None:
            task.groups.set([group])
        WorkflowTask.objects.update_or_create(workflow=workflow, task=task, defaults={"sort_order": order})
    content_type = ContentType.objects.get_for_model(HonoursDecision)
    WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})
    return workflow


def _points(value: Decimal | float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.2f}".rstrip("0").rstrip(".")


def default_citation(nomination: Nomination, category: Category, language: str = "vi") -> str:
    with translation.override(language):
        return _(
            "%(name)s được tôn vinh ở hạng mục “%(category)s” với kết quả DBI %(total)s điểm, "
            "mức %(level)s, đã thẩm định năm %(year)s."
        ) % {
            "name": nomination.enterprise.name,
            "category": category.name_en if language == "en" and category.name_en else category.name,
            "total": _points(nomination.dbi_total),
            "level": nomination.dbi_level if nomination.dbi_level is not None else "–",
            "year": nomination.dbi_year or category.cycle.results_year,
        }


@transaction.atomic
def propose_decision(cycle: HonoursCycle, user: Any = None) -> tuple[HonoursDecision, Any]:
    """The committee's proposal: the best-scored nominees of each category (jury mean, then
    DBI total), as a draft decision revision for the approval workflow. Only once scoring
    has closed."""
    require_deciding(cycle)
    decision = HonoursDecision.objects.filter(cycle=cycle).first()
    if decision is None:
        decision = HonoursDecision(cycle=cycle, live=False)
    awards = []
    for category in cycle.categories.all():
        rows = [row for row in aggregates(category) if row["mean"] is not None][: category.awards]
        for row in rows:
            nomination = row["nomination"]
            awards.append(
                Award(
                    category=category,
                    enterprise=nomination.enterprise,
                    citation=default_citation(nomination, category),
                    citation_en=default_citation(nomination, category, "en"),
                    jury_mean=row["mean"],
                )
            )
    # A ParentalKey's related set takes a list (modelcluster); the stubs see a manager.
    decision.awards = awards  # type: ignore[misc]
    decision.summary = decision.summary or _("Hội đồng đề xuất danh sách theo điểm trung bình của hội đồng chấm.")
    if decision.pk is None:
        decision.save()
    revision = decision.save_revision(user=user, log_action=True)
    log(instance=decision, action="honors.propose", user=user, data={"awards": len(awards)})
    audit.record(user, "honours.decision_propose", decision, awards=len(awards), revision=revision.pk)
    return decision, revision


def _year_page_parent() -> RankingsPage | None:
    vi = Locale.objects.filter(language_code="vi").first()
    parent = RankingsPage.objects.filter(locale=vi).first() if vi else None
    return parent


def ensure_year_page(cycle: HonoursCycle) -> HonoursYearPage | None:
    """The honours page of the year under the rankings page, in both languages, published."""
    parent = _year_page_parent()
    if parent is None:
        return None
    page = HonoursYearPage.objects.filter(cycle=cycle, locale=parent.locale).first()
    if page is None:
        with translation.override("vi"):
            title = _("Doanh nghiệp chuyển đổi số tiêu biểu năm %(year)s") % {"year": cycle.year}
        page = HonoursYearPage(
            title=title,
            slug=f"ton-vinh-{cycle.year}",
            cycle=cycle,
            intro=cycle.introduction,
        )
        parent.add_child(instance=page)
    page.save_revision(log_action=True).publish(log_action=True)
    en = Locale.objects.filter(language_code="en").first()
    if en is not None and parent.get_translation_or_none(en) is not None:
        translated = page.get_translation_or_none(en)
        if translated is None:
            translated = page.copy_for_translation(en, alias=False)
        translated = translated.specific
        with translation.override("en"):
            translated.title = _("Doanh nghiệp chuyển đổi số tiêu biểu năm %(year)s") % {"year": cycle.year}
        translated.slug = f"honours-{cycle.year}"
        translated.save_revision(log_action=True).publish(log_action=True)
    return page


def _notify(award: Award, certificate: Certificate) -> int:
    """Queue the honours notice with its certificate (core.mail; the PDF is rendered by the
    worker when it sends) to the enterprise's e-mail on record and its active members. With
    nobody to reach, the row is kept as "unreachable" for programme editors to see."""
    from enterprises.services import contact_emails

    mail = queue_mail(
        "honors.certificate",
        contact_emails(award.enterprise),
        renderer="honors.services.decision.render_certificate_mail",
        language="vi",
        related=certificate,
    )
    return int(bool(mail.to))


def render_certificate_mail(mail: OutgoingMail) -> tuple[str, str, str, list[tuple[str, bytes, str]]]:
    """The renderer core.mail calls when it sends an honours notice."""
    certificate = Certificate.objects.select_related("award__enterprise", "award__category").get(pk=mail.related_id)
    award = certificate.award
    url = site_url(certificate.get_absolute_url())
    body = render_to_string("honors/email/honoured.txt", {"award": award, "certificate": certificate, "url": url})
    subject = _("Thông báo tôn vinh doanh nghiệp chuyển đổi số năm %(year)s") % {"year": certificate.year}
    pdf = (
        f"chung-nhan-{certificate.year}-{certificate.code[:8]}.pdf",
        certificates.certificate_pdf(certificate),
        "application/pdf",
    )
    return subject, body, linebreaks(body, autoescape=True), [pdf]


def _draft_stories(decision: HonoursDecision, awards: Sequence[Award], user: Any = None) -> list[Any]:
    cycle = decision.cycle
    names = [award.enterprise.name for award in awards]
    title = _("Tỉnh tôn vinh %(count)s doanh nghiệp chuyển đổi số tiêu biểu năm %(year)s") % {
        "count": len(awards),
        "year": cycle.year,
    }
    standfirst = _("Danh sách do hội đồng xét tôn vinh đề xuất và lãnh đạo chương trình phê duyệt.")
    paragraphs = [f"{award.category.name}: {award.enterprise.name}. {award.citation}" for award in awards] or [
        ", ".join(names)
    ]
    drafted = []
    for desk in integrations.DESKS:
        story = integrations.draft_story(
            desk, title, standfirst, paragraphs, enterprises=[a.enterprise for a in awards], user=user
        )
        if story is not None:
            drafted.append(story)
    return drafted


def publish_decision(decision: HonoursDecision, user: Any = None) -> dict[str, Any]:
    """Everything publication does, once per award: called when the approved decision is
    published (the workflow's last approval publishes it)."""
    cycle = decision.cycle
    first_time = not cycle.published
    awards = list(decision.awards.select_related("category", "enterprise", "decision__cycle"))
    with transaction.atomic():
        cycle.published = True
        cycle.save(update_fields=["published"])
        page = ensure_year_page(cycle)
        issued = []
        for award in awards:
            certificate, created = certificates.issue(award)
            if created:
                issued.append((award, certificate))
        for stale in Certificate.objects.filter(year=cycle.year, revoked_at__isnull=True).exclude(
            award__in=[award.pk for award in awards]
        ):
            certificates.revoke(stale, _("Không còn trong danh sách tôn vinh được phê duyệt."), user=user)
    sent = 0
    for award, certificate in issued:
        try:
            sent += _notify(award, certificate)
        except Exception:  # a mail server outage must not undo the publication
            logger.exception("Could not e-mail the certificate %s", certificate.pk)
    stories = _draft_stories(decision, awards, user=user) if first_time else []
    audit.record(
        user,
        "honours.decision_publish",
        decision,
        awards=len(awards),
        certificates=len(issued),
        through_workflow=bool(published_through_workflow(decision)),
    )
    log(
        instance=decision,
        action="honors.publish",
        user=user,
        data={"awards": len(awards), "certificates": len(issued), "emails": sent, "stories": len(stories)},
    )
    return {"page": page, "certificates": issued, "emails": sent, "stories": stories}


def published_through_workflow(decision: HonoursDecision) -> Any:
    """Whether the decision is being published by its approval workflow's last approval: the
    approving user (or True when unknown), else False (a direct publication)."""
    from ..workflow import workflow_approver

    return workflow_approver() or False


def on_published(sender: Any, instance: HonoursDecision, revision: Any = None, user: Any = None, **kwargs: Any) -> None:
    publish_decision(instance, user=user)


def live_year_pages() -> Any:
    return Page.objects.type(HonoursYearPage).live()
