"""Rights over the catalogue and the board, added to the roles declared in accounts/roles.py.
Programme editors approve listings and moderate the board; nobody else sees the contacts."""

CATALOGUE = [
    f"market.{action}_{model}"
    for model in ("provider", "solution", "post")
    for action in ("add", "change", "delete", "view")
]

ROLE_PERMISSIONS = {
    "programme_editor": CATALOGUE + ["market.view_contactrequest"],
}
