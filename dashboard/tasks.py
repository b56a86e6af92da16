"""Background work of the dashboard (django-tasks): with a worker (TASKS_BACKEND=database),
the figures of the current year are recomputed shortly after results change, so a visitor
rarely meets the cold computation (about a second at 100,000 enterprises)."""

from django_tasks import task


@task()
def warm_figures():
    from .cache import get_figures
    from .stats import default_year

    year = default_year()
    get_figures(year)
    return year
