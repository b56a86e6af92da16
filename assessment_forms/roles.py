"""Rights over the DBI self-assessment, added to the roles declared in accounts/roles.py."""

VIEW = [
    "assessment_forms.view_framework",
    "assessment_forms.view_pillar",
    "assessment_forms.view_criterion",
    "assessment_forms.view_submission",
    "assessment_forms.view_submissionrevision",
    "assessment_forms.view_publishedyear",
]

ROLE_PERMISSIONS = {
    "assessor": VIEW
    + [
        "assessment_forms.change_submission",
        "assessment_forms.verify_submission",
        "assessment_forms.export_submission",
    ],
    "programme_editor": VIEW
    + [
        "assessment_forms.add_framework",
        "assessment_forms.change_framework",
        "assessment_forms.change_pillar",
        "assessment_forms.change_criterion",
        "assessment_forms.add_submission",
        "assessment_forms.change_submission",
        "assessment_forms.delete_submission",
        "assessment_forms.verify_submission",
        "assessment_forms.export_submission",
        # Publishing a year's results turns the public rankings and dashboard to it.
        "assessment_forms.add_publishedyear",
        "assessment_forms.change_publishedyear",
        "assessment_forms.delete_publishedyear",
    ],
    # The honours committee reads the verified result (levels and points) through the
    # nomination's snapshot and the ranking rows, never the answers: respondents are told
    # that only assessors and programme editors (and their own members) see those.
}
