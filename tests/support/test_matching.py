"""Suggested consultants: topic and pillar expertise, sector, area served, current load."""

import pytest

from enterprises.factories import EnterpriseFactory, SectorFactory
from support import matching, services
from support.factories import ConsultantFactory, SupportRequestFactory, topic

pytestmark = pytest.mark.django_db


def test_matching_order(units):
    shop = topic("thuong-mai-dien-tu")
    other_topic = topic("ke-toan-hoa-don-dien-tu")
    sector = SectorFactory(code="G", name="Bán buôn và bán lẻ")
    enterprise = EnterpriseFactory(sector=sector, area=units["commune"])
    req = SupportRequestFactory(enterprise=enterprise, topic=shop, pillars=["P1", "P2"])

    # topic 40 + two pillars 30 + sector 15 + area (its old district) 20 = 105
    best = ConsultantFactory(
        name="An Best", topics=[shop], pillars=["P1", "P2"], sectors=[sector], areas=[units["district"]]
    )
    # the same, but three open requests: 105 - 24 = 81
    busy = ConsultantFactory(
        name="An Busy", topics=[shop], pillars=["P1", "P2"], sectors=[sector], areas=[units["district"]]
    )
    for _ in range(3):
        SupportRequestFactory(topic=shop, status="in_progress", consultant=busy)
    # topic 40 + one pillar 15 + area via the successor commune 20 = 75
    successor = ConsultantFactory(name="An Successor", topics=[shop], pillars=["P1"], areas=[units["new"]])
    # topic only: 40
    topic_only = ConsultantFactory(name="An Topic", topics=[shop], areas=[units["other"]])
    # pillar only, another topic: 15
    pillar_only = ConsultantFactory(name="An Pillar", topics=[other_topic], pillars=["P2"])
    # left out: nothing in common, not taking requests, at capacity, not approved
    ConsultantFactory(name="An Nothing", topics=[other_topic])
    ConsultantFactory(name="An Away", topics=[shop], pillars=["P1"], availability="unavailable")
    full = ConsultantFactory(name="An Full", topics=[shop], pillars=["P1", "P2"], capacity=1)
    SupportRequestFactory(topic=shop, status="assigned", consultant=full)
    ConsultantFactory(name="An Pending", topics=[shop], pillars=["P1", "P2"], status="pending")

    suggestions = services.suggest(req, limit=10)
    assert [(s.consultant.name, s.score) for s in suggestions] == [
        ("An Best", 105),
        ("An Busy", 81),
        ("An Successor", 75),
        ("An Topic", 40),
        ("An Pillar", 15),
    ]
    assert suggestions[0].reasons == ["topic", "pillar", "sector", "area"]
    assert suggestions[1].load == 3
    assert {best, busy, successor, topic_only, pillar_only} == {s.consultant for s in suggestions}


def test_area_keys_follow_parents_and_successors(units):
    keys = matching.area_keys(units["commune"])
    assert {units["commune"].pk, units["district"].pk, units["province"].pk, units["new"].pk} <= keys
    assert units["other"].pk not in keys


def test_serving_for_the_result_page(units):
    near = ConsultantFactory(name="Gần", pillars=["P3"], areas=[units["district"]])
    ConsultantFactory(name="Xa", pillars=["P3"], areas=[units["other"]])
    ConsultantFactory(name="Khác trụ cột", pillars=["P4"], areas=[units["district"]])
    assert services.serving(["P3"], units["commune"]) == [near]


def test_a_new_commune_is_served_by_whoever_served_the_units_it_replaced(units):
    keys = matching.area_keys(units["new"])
    assert {units["new"].pk, units["commune"].pk, units["district"].pk} <= keys
    old_hand = ConsultantFactory(name="Cũ", pillars=["P2"], areas=[units["district"]])
    assert services.serving(["P2"], units["new"]) == [old_hand]
