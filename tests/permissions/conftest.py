"""One world for the permission matrix: a user per role, an object of each kind."""

import pytest


@pytest.fixture
def world(site_home, settings, tmp_path):
    from django.contrib.auth.models import Group
    from django.core.files.base import ContentFile

    from accounts.factories import UserFactory
    from accounts.roles import group_name
    from assessment_forms.factories import VerifiedSubmissionFactory
    from core import audit
    from dashboard.factories import AnnualReportFactory
    from enterprises.factories import (
        AdministrativeUnitFactory,
        EnterpriseFactory,
        EnterpriseMembershipFactory,
        SectorFactory,
    )
    from events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
    from honors.factories import (
        CategoryFactory,
        JuryCriterionFactory,
        NominationFactory,
        RankingEntryFactory,
        move_to_phase,
    )
    from honors.models import Certificate, HonoursCycle, HonoursDecision, NominationEvidence
    from honors.services import jury
    from stories.factories import JournalistFactory, make_newsroom

    settings.MEDIA_ROOT = str(tmp_path)
    users = {
        "journalist": UserFactory(username="m_phongvien", roles=["journalist_newspaper"]),
        "desk_editor": UserFactory(username="m_bientap", roles=["desk_editor_newspaper"]),
        "programme_editor": UserFactory(username="m_chuongtrinh", roles=["programme_editor"]),
        "event_organiser": UserFactory(username="m_tochuc", roles=["event_organiser"]),
        "organiser_other": UserFactory(username="m_tochuc_khac", roles=["event_organiser"]),
        "assessor": UserFactory(username="m_thamdinh", roles=["assessor"]),
        "committee": UserFactory(username="m_hoidong", roles=["honours_committee"]),
        "juror_conflicted": UserFactory(username="m_giamkhao_xungdot", roles=["honours_committee"]),
    }
    make_newsroom(site_home)
    events_index = EventIndexPageFactory(parent=site_home)
    event = EventPageFactory(parent=events_index)
    event.organisers.add(users["event_organiser"])
    event.save()
    registration = RegistrationFactory(event=event)

    sector = SectorFactory(code="Z", name="Ngành thử")
    unit = AdministrativeUnitFactory(code="999", name="Huyện thử")
    consenting = EnterpriseFactory(publish_dbi_consent=True, email="lienhe@dongy.vn")
    private = EnterpriseFactory(publish_dbi_consent=False, email="lienhe@khongdongy.vn")
    membership = EnterpriseMembershipFactory(enterprise=consenting, email="thanhvien@dongy.vn")
    submission = VerifiedSubmissionFactory(enterprise=consenting)

    category = CategoryFactory(jurors=[users["committee"], users["juror_conflicted"]])
    JuryCriterionFactory(cycle=category.cycle)
    nomination = NominationFactory(category=category, enterprise=consenting)
    evidence = NominationEvidence(nomination=nomination)
    evidence.file.save("minh-chung.pdf", ContentFile(b"%PDF-1.4 minh chung"), save=True)
    move_to_phase(category.cycle, HonoursCycle.Phase.JURY)
    jury.declare_conflict(users["juror_conflicted"], nomination, "Người thân làm giám đốc")
    decision = HonoursDecision.objects.create(cycle=category.cycle, live=False, summary="Dự thảo")
    certificate = Certificate.objects.create(
        enterprise=consenting,
        enterprise_name=consenting.name,
        category_name=category.name,
        year=category.cycle.year,
        citation="Tiêu biểu",
    )
    ranked = RankingEntryFactory(enterprise=consenting, consent=True)
    unranked = RankingEntryFactory(enterprise=private, consent=False)
    report = AnnualReportFactory(year=2025)
    journalist = JournalistFactory()
    entry = audit.record(users["programme_editor"], "export.personal_data", event, rows=1)

    from assessment_forms.models import Criterion, Framework

    objects = {
        "enterprises.enterprise": consenting,
        "enterprises.enterprisemembership": membership,
        "enterprises.sector": sector,
        "enterprises.administrativeunit": unit,
        "assessment_forms.submission": submission,
        "assessment_forms.framework": Framework.objects.first(),
        "assessment_forms.criterion": Criterion.objects.first(),
        "events.registration": registration,
        "honors.honourscycle": category.cycle,
        "honors.nomination": nomination,
        "honors.honoursdecision": decision,
        "honors.certificate": certificate,
        "honors.rankingentry": ranked,
        "honors.rankingentry_nonconsenting": unranked,
        "dashboard.annualreport": report,
        "stories.journalist": journalist,
        "core.auditentry": entry,
    }
    assert Group.objects.filter(name=group_name("honours_committee")).exists()
    return {
        "users": users,
        "objects": {key: value for key, value in objects.items() if value is not None},
        "event": event,
        "category": category,
        "nomination": nomination,
        "evidence": evidence,
        "submission": submission,
        "home": site_home,
    }
