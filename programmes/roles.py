"""Rights over support programmes and applications, added to the roles of accounts/roles.py.

Programme editors keep the programmes, decide and manage contracts and payments; assessors
screen and score applications; nobody else sees them (applicants see their own on the site)."""

ROLE_PERMISSIONS = {
    "programme_editor": [
        "programmes.add_programme",
        "programmes.change_programme",
        "programmes.view_programme",
        "programmes.view_application",
        "programmes.screen_application",
        "programmes.assess_application",
        "programmes.decide_application",
        "programmes.manage_payment",
    ],
    "assessor": [
        "programmes.view_programme",
        "programmes.view_application",
        "programmes.screen_application",
        "programmes.assess_application",
    ],
}
