"""The spam guards every public form shares (core/spam.py)."""

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
    assert isinstance(started, float)
