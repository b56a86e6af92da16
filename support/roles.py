"""The support desk's two roles and the rights the other roles get over it.

- "Điều phối hỗ trợ" (`support_coordinator`): the programme's coordinators triage the queue,
  assign consultants, refuse or close requests, review consultants' profiles. Least
  privilege: no page rights, no registry rights beyond reading enterprises.
- "Chuyên gia tư vấn" (`consultant`): a consultant of the network with an account: logs in to
  the admin to see the requests assigned to them (the queue filters by assignee for anyone
  without `support.assign_supportrequest`) and to propose changes to their own profile.
"""

from accounts.roles import ADMIN_ACCESS, Role

COORDINATE = [
    "support.view_supportrequest",
    "support.change_supportrequest",
    "support.assign_supportrequest",
    "support.view_consultant",
    "support.add_consultant",
    "support.change_consultant",
    "support.view_consultingorganisation",
    "support.add_consultingorganisation",
    "support.change_consultingorganisation",
    "support.view_topic",
    "support.view_responsetarget",
    "support.view_publicholiday",
    "enterprises.view_enterprise",
]

# Roles of this feature (collected by accounts.roles.all_roles()).
ROLES = [
    Role(
        key="support_coordinator",
        name="Điều phối hỗ trợ",
        description="Support coordinators: triage enterprises' requests for help, assign consultants, follow targets.",
        permissions=[ADMIN_ACCESS, *COORDINATE],
    ),
    Role(
        key="consultant",
        name="Chuyên gia tư vấn",
        description="Consultants of the network: answer the requests assigned to them, keep their own profile.",
        permissions=[ADMIN_ACCESS, "support.view_supportrequest"],
    ),
]

ROLE_PERMISSIONS = {
    # Programme editors keep the reference data (topics, targets, holidays) and can do
    # everything a coordinator does.
    "programme_editor": [
        *COORDINATE,
        "support.delete_consultant",
        "support.delete_consultingorganisation",
        "support.add_topic",
        "support.change_topic",
        "support.add_responsetarget",
        "support.change_responsetarget",
        "support.delete_responsetarget",
        "support.add_publicholiday",
        "support.change_publicholiday",
        "support.delete_publicholiday",
    ],
}
