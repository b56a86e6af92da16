"""The spam guards every public form shares (core/spam.py)."""

import pytest
from django.core import signing

from core import spam


def guarded(**data):
    form = spam.HumanCheckForm(data={"website": "", "started": spam.started_token(seconds_ago=10), **data})
    form.is_valid()
    return [error.code for error in form.non_field_errors().as_data()]


def test_a_person_passes():
    assert guarded() == []


def test_the_honeypot_filled_is_refused():
    assert guarded(website="http://spam.example") == ["spam"]


def test_posting_at_once_is_refused():
    assert guarded(started=spam.started_token()) == ["too_fast"]


def test_forged_missing_or_day_old_start_is_refused():
    forged = signing.dumps(0, salt="another-salt")
    assert guarded(started=forged) == ["expired"]
    assert guarded(started="") == ["expired"]
    assert guarded(started=spam.started_token(seconds_ago=spam.MAX_FILL_SECONDS + 60)) == ["expired"]


def test_an_unbound_form_carries_a_fresh_start():
    form = spam.HumanCheckForm()
    started = signing.loads(form.initial["started"], salt=spam.SALT)
    assert isinstance(started["t"], float) and len(started["n"]) >= 16
    assert signing.loads(spam.HumanCheckForm().initial["started"], salt=spam.SALT)["n"] != started["n"]


def bound(token):
    form = spam.HumanCheckForm(data={"website": "", "started": token})
    assert form.is_valid()
    return form


def test_a_start_token_is_single_use_and_a_repeat_gets_the_first_result():
    token = spam.started_token(seconds_ago=10)
    writes = []
    with bound(token).single_use() as use:
        writes.append(1)
        use.result = "/done/1/"
    with pytest.raises(spam.AlreadySent) as repeat, bound(token).single_use():
        writes.append(2)
    assert repeat.value.result == "/done/1/" and writes == [1]
    # Another loaded form is not affected.
    with bound(spam.started_token(seconds_ago=10)).single_use():
        writes.append(3)
    assert writes == [1, 3]


def test_a_repeat_while_the_first_is_in_flight_gets_a_message_not_a_second_write():
    token = spam.started_token(seconds_ago=10)
    with bound(token).single_use(), pytest.raises(spam.AlreadySent) as repeat, bound(token).single_use():
        pass
    assert repeat.value.result == "" and "đã được gửi" in str(repeat.value.message)


def test_a_refused_or_failed_submission_gives_the_token_back():
    token = spam.started_token(seconds_ago=10)
    with bound(token).single_use() as use:
        use.refuse()
    with pytest.raises(RuntimeError), bound(token).single_use():
        raise RuntimeError("database down")
    with bound(token).single_use() as use:
        use.result = "/ok/"
    with pytest.raises(spam.AlreadySent), bound(token).single_use():
        pass


def test_old_float_tokens_are_expired():
    assert guarded(started=signing.dumps(0.0, salt=spam.SALT)) == ["expired"]


def test_rate_limits_count_per_address_and_per_value(rf, settings):
    settings.RATE_LIMITS = {"default": {"ip": "3/h", "value": "2/h"}}
    request = rf.post("/", REMOTE_ADDR="203.0.113.5")
    assert not spam.rate_limited(request, "form", tax_code="0100109106")
    assert not spam.rate_limited(request, "form", tax_code="0100-109-106 ")  # same code, other spelling
    assert spam.rate_limited(request, "form", tax_code="0100109106")  # third time for that code
    assert spam.rate_limited(request, "form", tax_code="0312345673")  # fourth from the address
    elsewhere = rf.post("/", REMOTE_ADDR="198.51.100.7")
    assert not spam.rate_limited(elsewhere, "form", tax_code="0312345673")
    settings.RATELIMIT_ENABLE = False
    assert not spam.rate_limited(request, "form", tax_code="0100109106")


def test_rate_limits_on_redis_count_in_one_round_trip(rf, settings, monkeypatch):
    """Production's shared cache: every counter of a request in one pipeline, each expiring
    with its window; the limits hold as on any cache (issue 21.4, the registration rush)."""
    import redis
    from django.core.cache import caches

    from core.cache import RedisCache

    location = "redis://127.0.0.1:6379/15"  # the benches use 10 to 14
    try:
        redis.Redis.from_url(location, socket_connect_timeout=0.5).flushdb()
    except redis.RedisError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    settings.CACHES = {"default": {"BACKEND": "core.cache.RedisCache", "LOCATION": location}}
    settings.RATE_LIMITS = {"default": {"ip": "3/h", "value": "2/h"}}
    pipelines = []
    original = RedisCache._count_many

    def counting(self, counters):
        pipelines.append(sorted(counters))
        return original(self, counters)

    monkeypatch.setattr(RedisCache, "_count_many", counting)
    request = rf.post("/", REMOTE_ADDR="203.0.113.5")
    assert not spam.rate_limited(request, "form", tax_code="0100109106", email="a@b.vn")
    assert len(pipelines) == 1 and len(pipelines[0]) == 3  # address, tax code, e-mail
    assert not spam.rate_limited(request, "form", tax_code="0100-109-106")
    assert spam.rate_limited(request, "form", tax_code="0100109106")
    assert spam.rate_limited(request, "form", tax_code="0312345673")  # fourth from the address
    client = caches["default"]._cache.get_client(write=True)
    ttls = [client.ttl(key) for key in client.keys("*")]
    assert ttls and all(0 < ttl <= 3601 for ttl in ttls)


@pytest.mark.django_db
def test_the_429_page_is_vietnamese_and_not_cached(rf):
    response = spam.too_many_requests(rf.post("/"))
    response.render()
    assert response.status_code == 429
    assert "Bạn đã gửi quá nhiều lần" in response.content.decode()
    assert response["Cache-Control"] == "no-store"


def test_private_files_are_typed_by_content():
    import io
    import zipfile

    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from core import private_files

    assert private_files.sniff(SimpleUploadedFile("x.bin", b"%PDF-1.7 ...")) == "pdf"
    assert private_files.sniff(SimpleUploadedFile("x.pdf", b"\xff\xd8\xff\xe0JFIF")) == "jpeg"
    assert private_files.sniff(SimpleUploadedFile("x.pdf", b"\x89PNG\r\n\x1a\n....")) == "png"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert private_files.sniff(SimpleUploadedFile("bang.docx", buffer.getvalue())) == "xlsx"
    assert private_files.sniff(SimpleUploadedFile("a.pdf", b"MZ\x90\x00")) is None
    with pytest.raises(ValidationError):
        private_files.check_upload(SimpleUploadedFile("a.pdf", b"<html>"))
    assert private_files.random_name("pdf") != private_files.random_name("pdf")


def test_deploy_check_warns_about_a_per_process_cache(settings):
    settings.DEBUG = False
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert [w.id for w in spam.check_shared_cache()] == ["core.W001"]
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://x"}}
    assert spam.check_shared_cache() == []
