"""Programme editors run editors' picks (search promotions) and read the search terms report."""

ROLE_PERMISSIONS = {
    "programme_editor": [
        "wagtailsearchpromotions.add_searchpromotion",
        "wagtailsearchpromotions.change_searchpromotion",
        "wagtailsearchpromotions.delete_searchpromotion",
        "wagtailsearchpromotions.view_searchpromotion",
    ],
}
