"""The editorial and programme roles, as Django groups with the permissions each needs.

Roles are declared here once; a data migration (and `manage.py sync_roles`) makes the
database match. Later features extend a role by adding to its lists and shipping a
migration that calls `sync_roles` again. Least privilege: a role gets only what its
people need; page permissions on desk or section pages are granted by the features that
create those pages (see `page_permissions`).
"""

from dataclasses import dataclass, field

ADMIN_ACCESS = "wagtailadmin.access_admin"

# Permissions over images and documents, granted on the root collection.
MEDIA_CONTRIBUTE = ["add_image", "choose_image", "add_document", "choose_document"]
MEDIA_MANAGE = MEDIA_CONTRIBUTE + ["change_image", "delete_image", "change_document", "delete_document"]

# Page permission codenames (Wagtail 6+ uses ordinary Permission objects).
PAGE_WRITE = ["add_page", "change_page"]
PAGE_PUBLISH = PAGE_WRITE + ["publish_page", "lock_page", "unlock_page"]
PAGE_MANAGE = PAGE_PUBLISH + ["bulk_delete_page"]


@dataclass(frozen=True)
class Role:
    key: str
    name: str
    description: str
    # "app_label.codename" model permissions.
    permissions: list = field(default_factory=list)
    # Codenames granted on the root collection for images and documents.
    collection_permissions: list = field(default_factory=list)
    # Codenames granted on the root of the page tree (whole site); desk roles get
    # theirs on their desk's pages instead.
    root_page_permissions: list = field(default_factory=list)


DESKS = {
    "newspaper": ("Báo", "the newspaper"),
    "radio": ("Phát thanh – Truyền hình", "radio and television"),
    "portal": ("Cổng thông tin", "the web portal"),
}

ROLES = [
    *[
        Role(
            key=f"journalist_{desk}",
            name=f"Phóng viên – {vi}",
            description=f"Journalists of {en}: draft stories on their desk and submit them for review.",
            permissions=[ADMIN_ACCESS],
            collection_permissions=MEDIA_CONTRIBUTE,
        )
        for desk, (vi, en) in DESKS.items()
    ],
    *[
        Role(
            key=f"desk_editor_{desk}",
            name=f"Biên tập viên – {vi}",
            description=f"Editors of {en}: review, approve, schedule and publish their desk's stories.",
            permissions=[ADMIN_ACCESS],
            collection_permissions=MEDIA_MANAGE,
        )
        for desk, (vi, en) in DESKS.items()
    ],
    Role(
        key="programme_editor",
        name="Biên tập chương trình",
        description=(
            "Programme editors of the provincial departments: edit and publish anywhere on the "
            "site, keep the enterprise registry, run training and the honours."
        ),
        permissions=[
            ADMIN_ACCESS,
            "wagtailcore.view_locale",
            "wagtailsearchpromotions.add_query",
            "wagtailsearchpromotions.change_query",
            "wagtailsearchpromotions.delete_query",
            "wagtailredirects.add_redirect",
            "wagtailredirects.change_redirect",
            "wagtailredirects.delete_redirect",
            # People's requests to delete their personal data (accounts, issue 13).
            "accounts.view_deletionrequest",
            "accounts.change_deletionrequest",
        ],
        collection_permissions=MEDIA_MANAGE,
        root_page_permissions=PAGE_MANAGE,
    ),
    Role(
        key="event_organiser",
        name="Tổ chức sự kiện",
        description="Event organisers: publish training events, manage registrations and check-in.",
        permissions=[ADMIN_ACCESS],
        collection_permissions=MEDIA_CONTRIBUTE,
    ),
    Role(
        key="assessor",
        name="Thẩm định viên",
        description="Assessors: review DBI self-assessments, adjust answers with a note, verify.",
        permissions=[ADMIN_ACCESS],
    ),
    Role(
        key="honours_committee",
        name="Hội đồng xét tôn vinh",
        description="The honours committee and jury: screen nominations, score, propose the list.",
        permissions=[ADMIN_ACCESS],
    ),
]

ROLES_BY_KEY = {role.key: role for role in ROLES}
# Wagtail's starter groups grant page rights on the whole tree; our roles replace them.
RETIRED_GROUPS = ["Moderators", "Editors"]


# --- support: roles declared by feature apps ------------------------------------------------
# A feature app may declare roles of its own as ROLES = [Role(...)] in its roles.py (support:
# support_coordinator, consultant); all_roles() lists them after the foundation's.
def _app_roles_modules():
    from importlib import import_module

    from django.apps import apps as global_apps

    for app_config in global_apps.get_app_configs():
        if app_config.name == "accounts":
            continue
        try:
            yield app_config.name, import_module(f"{app_config.name}.roles")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app_config.name}.roles":
                raise


def all_roles():
    """The foundation's roles plus those the feature apps declare."""
    extra = [role for _name, module in _app_roles_modules() for role in getattr(module, "ROLES", [])]
    return ROLES + extra


# --- end support ---------------------------------------------------------------------------


def app_role_permissions():
    """Extra model permissions that each feature app declares in its own `roles.py` as
    ROLE_PERMISSIONS = {"role_key": ["app_label.codename", ...]}, so a feature owns the
    rights over its models without editing this file."""
    from importlib import import_module

    from django.apps import apps as global_apps

    extra = {}
    for app_config in global_apps.get_app_configs():
        if app_config.name == "accounts":
            continue
        try:
            module = import_module(f"{app_config.name}.roles")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app_config.name}.roles":
                raise
            continue
        for key, permissions in getattr(module, "ROLE_PERMISSIONS", {}).items():
            if key not in ROLES_BY_KEY and key not in {r.key for r in all_roles()}:
                raise LookupError(f"{app_config.name}.roles names an unknown role {key!r}")
            extra.setdefault(key, []).extend(permissions)
    return extra


def role_permissions(role):
    """Every model permission the role holds: its own plus those the feature apps add."""
    return list(dict.fromkeys(role.permissions + app_role_permissions().get(role.key, [])))


def group_name(key):
    if key in ROLES_BY_KEY:
        return ROLES_BY_KEY[key].name
    return {role.key: role for role in all_roles()}[key].name


def _permission(apps, dotted):
    """The Permission row for "app_label.codename", created if the app has not made it yet
    (in a fresh database Django creates permissions only after all migrations have run)."""
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    app_label, codename = dotted.split(".", 1)
    found = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
    if found:
        return found
    model = codename.rsplit("_", 1)[1]
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return Permission.objects.create(content_type=content_type, codename=codename, name=codename.replace("_", " "))


def sync_roles(apps=None, using="default"):
    """Create or update the groups so they hold exactly the declared permissions."""
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    apps = apps or global_apps
    # In a fresh database the permission rows are created after all migrations; make them now.
    # (create_permissions skips an app whose models_module is None; restore each app's own value
    # afterwards: post_migrate is only sent to apps whose models_module is set, so leaving None
    # here silenced every later app's post_migrate handler, e.g. the honours workflow.)
    for app_config in apps.get_app_configs():
        models_module = app_config.models_module
        app_config.models_module = models_module or True
        try:
            create_permissions(app_config, apps=apps, verbosity=0, using=using)
        finally:
            app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    Group.objects.filter(name__in=RETIRED_GROUPS).delete()
    root_collection = Collection.objects.filter(depth=1).first()
    root_page = Page.objects.filter(depth=1).first()

    for role in all_roles():
        group, _ = Group.objects.get_or_create(name=role.name)
        group.permissions.set([_permission(apps, p) for p in role_permissions(role)])

        if root_collection is not None:
            wanted = set()
            for codename in role.collection_permissions:
                app_label = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
                perm = _permission(apps, f"{app_label}.{codename}")
                wanted.add(perm.pk)
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=perm
                )
            GroupCollectionPermission.objects.filter(group=group, collection=root_collection).exclude(
                permission_id__in=wanted
            ).delete()

        if root_page is not None:
            wanted = set()
            for codename in role.root_page_permissions:
                perm = _permission(apps, f"wagtailcore.{codename}")
                wanted.add(perm.pk)
                GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=perm)
            GroupPagePermission.objects.filter(group=group, page=root_page).exclude(permission_id__in=wanted).delete()
