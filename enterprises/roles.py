"""Rights over the registry, added to the roles declared in accounts/roles.py."""

REGISTRY_EDIT = [
    "enterprises.add_enterprise",
    "enterprises.change_enterprise",
    "enterprises.view_enterprise",
    "enterprises.view_sector",
    "enterprises.view_administrativeunit",
]

ROLE_PERMISSIONS = {
    "programme_editor": REGISTRY_EDIT
    + [
        "enterprises.delete_enterprise",
        "enterprises.add_sector",
        "enterprises.change_sector",
        "enterprises.add_administrativeunit",
        "enterprises.change_administrativeunit",
        # The enterprises' own users: invite, verify, revoke.
        "enterprises.add_enterprisemembership",
        "enterprises.change_enterprisemembership",
        "enterprises.delete_enterprisemembership",
        "enterprises.view_enterprisemembership",
        # Members' requests to change the main sector or area (accounts, issue 13): decide.
        "enterprises.view_classificationchange",
        "enterprises.change_classificationchange",
    ],
    "assessor": ["enterprises.view_enterprise", "enterprises.change_enterprise"],
    "event_organiser": ["enterprises.view_enterprise"],
    "honours_committee": ["enterprises.view_enterprise"],
}
