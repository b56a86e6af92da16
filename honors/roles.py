"""Rights over the honours, added to the roles declared in accounts/roles.py (the reasons are
in docs/permissions.md).

Journalists get nothing here. The honours committee screens nominations, reads the cycle and
the evidence, proposes the decision and approves it in the workflow; it does not change a
cycle's set-up (categories, criteria, weights, jurors, dates), add nominations by hand,
publish, or read the rows of enterprises that did not consent. Programme editors set up the
cycles and revoke certificates. Nobody holds `publish_honoursdecision`: a decision is
published by its approval workflow (a superuser's direct publication is audited). What a
juror sees is checked per category and per conflict in honors.services.jury."""

COMMITTEE = [
    "honors.view_honourscycle",
    "honors.view_nomination",
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
        "honors.change_honourscycle",
        "honors.delete_honourscycle",
        "honors.add_nomination",
        "honors.delete_nomination",
        "honors.change_certificate",
        "honors.view_all_rankingentry",
    ],
}
