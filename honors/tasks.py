"""Background work of the honours app (django-tasks): immediate in the embedded default,
the database backend and `manage.py db_worker` in production."""

from django_tasks import task


@task()
def rerank_task(year, framework_code):
    from .services.rankings import rerank

    rerank(year, framework_code)
