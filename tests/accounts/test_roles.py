import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from accounts.factories import UserFactory
from accounts.roles import ROLES, ROLES_BY_KEY, sync_roles

pytestmark = pytest.mark.django_db


def perms(group):
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def test_every_role_exists_as_a_group():
    names = set(Group.objects.values_list("name", flat=True))
    for role in ROLES:
        assert role.name in names
    expected = {
        "journalist_newspaper",
        "journalist_radio",
        "journalist_portal",
        "desk_editor_newspaper",
        "desk_editor_radio",
        "desk_editor_portal",
        "programme_editor",
        "event_organiser",
        "assessor",
        "honours_committee",
    }
    assert expected <= set(ROLES_BY_KEY)


def test_wagtail_starter_groups_are_gone():
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()


def test_every_role_can_reach_the_admin_and_nothing_more_by_default():
    for role in ROLES:
        group = Group.objects.get(name=role.name)
        assert "wagtailadmin.access_admin" in perms(group)


def test_only_programme_editors_hold_rights_on_the_whole_page_tree():
    root = Page.get_first_root_node()
    holders = set(GroupPagePermission.objects.filter(page=root).values_list("group__name", flat=True))
    assert holders == {ROLES_BY_KEY["programme_editor"].name}
    codenames = set(GroupPagePermission.objects.filter(page=root).values_list("permission__codename", flat=True))
    assert {"add_page", "change_page", "publish_page"} <= codenames


def test_journalists_can_upload_but_not_delete_media():
    group = Group.objects.get(name=ROLES_BY_KEY["journalist_radio"].name)
    root = Collection.get_first_root_node()
    codenames = set(
        GroupCollectionPermission.objects.filter(group=group, collection=root).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_image", "choose_image", "add_document", "choose_document"} == codenames


def test_assessors_and_committee_have_no_page_or_media_rights():
    for key in ("assessor", "honours_committee"):
        group = Group.objects.get(name=ROLES_BY_KEY[key].name)
        assert not GroupPagePermission.objects.filter(group=group).exists()
        assert not GroupCollectionPermission.objects.filter(group=group).exists()


def test_sync_is_idempotent_and_repairs_drift():
    group = Group.objects.get(name=ROLES_BY_KEY["programme_editor"].name)
    group.permissions.clear()
    sync_roles()
    sync_roles()
    assert "home.change_siteprofile" in perms(group)
    assert Group.objects.filter(name=group.name).count() == 1


def test_a_journalist_can_log_in_to_the_admin(client):
    UserFactory(username="phongvien", password="matkhau-thu-nghiem", roles=["journalist_newspaper"])
    assert client.login(username="phongvien", password="matkhau-thu-nghiem")
    assert client.get("/admin/").status_code == 200


def test_a_user_without_a_role_cannot_enter_the_admin(client):
    UserFactory(username="khach", password="matkhau-thu-nghiem")
    client.login(username="khach", password="matkhau-thu-nghiem")
    response = client.get("/admin/")
    assert response.status_code == 302


def test_admin_login_page_and_login(client):
    UserFactory(username="quantri", password="matkhau-thu-nghiem", is_superuser=True, is_staff=True)
    assert client.get("/admin/login/").status_code == 200
    response = client.post("/admin/login/", {"username": "quantri", "password": "matkhau-thu-nghiem"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
