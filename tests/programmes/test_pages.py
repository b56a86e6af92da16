"""The applicant's pages: eligibility shown with reasons, applying, seeing only one's own
applications, the private attachment and the decision letter; the staff's review page."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.factories import UserFactory
from programmes import services
from programmes.factories import ApplicationFactory
from programmes.models import Application
from tests.helpers import assert_denied

pytestmark = pytest.mark.django_db
S = Application.Status


@pytest.fixture(autouse=True)
def _today(monkeypatch, today):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: today)


def test_programme_page_shows_eligibility_with_reasons(client, programme, member, make_result):
    user, enterprise = member
    make_result(enterprise, level=4)
    client.force_login(user)
    html = client.get(reverse("programmes:detail", args=[programme.slug])).content.decode()
    assert enterprise.name in html
    assert "chưa đủ điều kiện" in html
    assert "ngoài khoảng 1–3" in html


def test_apply_with_a_catalogue_solution_and_a_pdf(client, programme, member, make_result, human_payload, settings):
    from market.factories import SolutionFactory

    user, enterprise = member
    make_result(enterprise, level=2)
    solution = SolutionFactory()
    client.force_login(user)
    pdf = SimpleUploadedFile("du-toan.pdf", b"%PDF-1.4 du toan chi phi", content_type="application/pdf")
    response = client.post(
        reverse("programmes:apply", args=[programme.slug]),
        human_payload(
            enterprise=enterprise.pk,
            purpose="solutions",
            description="Thuê phần mềm kế toán",
            cost_estimate=40_000_000,
            solution=solution.pk,
            consent="on",
            attachment=pdf,
        ),
    )
    application = Application.objects.get()
    assert response.status_code == 302 and application.reference in response["Location"]
    assert application.solution == solution
    # Stored outside the public media folder, under a random name.
    path = application.attachment.path
    assert not path.startswith(str(settings.MEDIA_ROOT)) and "du-toan" not in path
    assert client.get(reverse("programmes:attachment", args=[application.pk])).status_code == 200


def test_a_file_that_is_not_what_it_claims_is_refused(client, programme, member, make_result, human_payload):
    user, enterprise = member
    make_result(enterprise, level=2)
    client.force_login(user)
    fake = SimpleUploadedFile("hoa-don.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(
        reverse("programmes:apply", args=[programme.slug]),
        human_payload(
            enterprise=enterprise.pk,
            purpose="solutions",
            description="x",
            cost_estimate=1000,
            consent="on",
            attachment=fake,
        ),
    )
    assert response.status_code == 200 and not Application.objects.exists()
    assert "không phải PDF" in response.content.decode()


def test_nobody_sees_another_enterprises_application(client, programme, member):
    user, enterprise = member
    mine = ApplicationFactory(programme=programme, enterprise=enterprise)
    theirs = ApplicationFactory(programme=programme)
    client.force_login(user)
    listing = client.get(reverse("programmes:mine")).content.decode()
    assert mine.reference in listing and theirs.reference not in listing
    assert client.get(reverse("programmes:application", args=[theirs.reference])).status_code == 404
    assert client.get(reverse("programmes:attachment", args=[theirs.pk])).status_code == 404
    client.force_login(UserFactory())
    assert client.get(reverse("programmes:application", args=[mine.reference])).status_code == 404
    client.logout()
    assert client.get(reverse("programmes:application", args=[mine.reference])).status_code == 302


def test_decision_letter_in_administrative_form(client, programme, member):
    from pypdf import PdfReader

    user, enterprise = member
    application = ApplicationFactory(programme=programme, enterprise=enterprise, status=S.ASSESSMENT)
    client.force_login(user)
    letter = reverse("programmes:letter", args=[application.reference])
    assert client.get(letter).status_code == 404  # nothing decided yet
    services.advance(application, S.APPROVED, UserFactory(roles=["programme_editor"]), amount=20_000_000)
    response = client.get(letter)
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "20.000.000" in text and enterprise.name in text


def test_review_page_by_role(client, programme):
    application = ApplicationFactory(programme=programme)
    url = reverse("programmes_admin:review", args=[application.pk])
    client.force_login(UserFactory(roles=["journalist_portal"]))
    assert_denied(client.get(url))
    assert_denied(client.post(url, {"to": S.SCREENING}))
    assert Application.objects.get(pk=application.pk).status == S.RECEIVED
    client.force_login(UserFactory(roles=["assessor"]))
    assert client.get(url).status_code == 200
    assert client.post(url, {"to": S.SCREENING, "note": ""}).status_code == 302
    assert Application.objects.get(pk=application.pk).status == S.SCREENING
