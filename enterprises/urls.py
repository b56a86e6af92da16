"""Plain views of this app (where no page fits), included under the language prefix."""

app_name = "enterprises"

urlpatterns = []
