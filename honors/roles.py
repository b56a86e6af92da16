"""Rights over the honours, added to the roles declared in accounts/roles.py.

Journalists get nothing here: they can neither see nor change nominations or scores.
Jurors are committee members assigned per category; what they may see is checked per
category in honors.services.jury."""

COMMITTEE = [
    "honors.view_honourscycle",
    "honors.change_honourscycle",
    "honors.view_nomination",
    "honors.add_nomination",
    "honors.change_nomination",
    "honors.view_nominationevidence",
    "honors.view_juryreview",
    "honors.view_honoursdecision",
    "honors.add_honoursdecision",
    "honors.change_honoursdecision",
    "honors.view_certificate",
    "honors.view_rankingentry",
]

ROLE_PERMISSIONS = {
    "honours_committee": COMMITTEE,
    "programme_editor": COMMITTEE
    + [
        "honors.add_honourscycle",
        "honors.delete_honourscycle",
        "honors.delete_nomination",
        "honors.publish_honoursdecision",
        "honors.change_certificate",
    ],
}
