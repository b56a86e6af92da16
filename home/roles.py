"""Rights over the home app's models, added to the roles declared in accounts/roles.py:
programme editors keep the site profile (who runs the programme, shown in the footer)."""

ROLE_PERMISSIONS = {
    "programme_editor": ["home.change_siteprofile"],
}
