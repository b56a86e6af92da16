"""Bench: two app servers sharing one PostgreSQL database and Redis, with a separate task
worker (issue 21, point 6).

    .venv/bin/python bench/bench_two_servers.py [--db-name dx_two_servers_bench] [--reuse]
        [--template DB]   # clone an already migrated database instead of migrating a new one

Starts gunicorn A (port 8921) and gunicorn B (port 8922), production settings, 2 sync
workers each, the page cache on (Redis DB 12), TASKS_BACKEND=database, and `manage.py
db_worker` as a third process. Then, through HTTP only:

1. a visitor loads the newsroom, the desk and the (unpublished) story's URL on B, so B's
   page cache holds the pages without the story;
2. an editor logs in to the Wagtail admin on A and publishes the story (the admin's bulk
   "publish" action); the very next GETs on B (six of each, so both of B's workers answer)
   must show the story on its URL, in the desk listing and on the newsroom front;
3. the editor, with the same session cookie (sessions live in the database), unpublishes it
   through B's admin; the next GETs on A must answer 404 for the story and no longer list it;
4. a visitor registers for an event on A; the confirmation e-mail is an OutgoingMail row
   queued by A and sent by the worker (the row turns "sent" and the message is written by the
   file e-mail backend), never by a web server.

Exits with status 1 when any check fails.
"""

import argparse
import http.client
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from common import PG_BASE, PYTHON, manage, site_env  # noqa: E402

HOST = "127.0.0.1"
PORT_A, PORT_B = 8921, 8922
ADMIN_PASSWORD = "bench-admin-password"  # noqa: S105  (a throwaway bench database)
FIELD = re.compile(r'name="(csrfmiddlewaretoken|started|submission_key)" value="([^"]+)"')


def prepare_database(name, reuse=False, template=None):
    import psycopg

    with psycopg.connect(f"{PG_BASE}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and reuse:
            return f"{PG_BASE}/{name}", False
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    return f"{PG_BASE}/{name}", True


class Browser:
    """Cookies and plain HTTP requests (no redirect following), to one host, any port."""

    def __init__(self):
        self.cookies = {}

    def request(self, port, method, path, data=None, referer=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = referer or f"http://{HOST}:{port}{path}"
        conn = http.client.HTTPConnection(HOST, port, timeout=60)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            conn.close()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _sep, rest = cookie.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, text, response

    def get(self, port, path):
        return self.request(port, "GET", path)

    def post(self, port, path, data, referer=None):
        return self.request(port, "POST", path, data, referer)

    def csrf(self, html):
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        return match.group(1) if match else self.cookies.get("csrftoken", "")


def wait_for(port, process):
    for _ in range(150):
        if process.poll() is not None:
            raise RuntimeError(f"the server on port {port} exited")
        try:
            if Browser().get(port, "/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"the server on port {port} did not start")


def setup_content(env):
    """A draft story under the newspaper desk, an event open for registration (in process,
    against the same database)."""
    os.environ.update(env)
    import django

    django.setup()
    from datetime import timedelta

    from django.utils import timezone

    from events.factories import EventIndexPageFactory, EventPageFactory
    from events.models import EventIndexPage, EventPage
    from home.models import HomePage
    from stories.factories import StoryPageFactory, make_newsroom

    home = HomePage.objects.get(depth=2, locale__language_code="vi")
    newsroom, desks = make_newsroom(home)
    desk = next(iter(desks.values()))
    stamp = time.strftime("%Y%m%d%H%M%S")
    story = StoryPageFactory(
        parent=desk,
        live=False,
        title=f"Bài đo hai máy chủ {stamp}",
        slug=f"bai-do-hai-may-chu-{stamp}",
    )
    story.save_revision()
    index = EventIndexPage.objects.filter(locale=home.locale).first() or EventIndexPageFactory(parent=home)
    EventPage.objects.filter(slug="bench-two-servers").delete()
    event = EventPageFactory(
        parent=index,
        slug="bench-two-servers",
        title="Hội thảo đo hai máy chủ",
        start=timezone.now() + timedelta(days=7),
        capacity=10,
        max_seats_per_enterprise=1,
    )
    return {
        "story_id": story.pk,
        "story_title": story.title,
        "story_path": desk.url + story.slug + "/",
        "desk_path": desk.url,
        "newsroom_path": newsroom.url,
        "event_path": event.url,
    }


def admin_login(browser, port):
    status, html, _r = browser.get(port, "/admin/login/")
    status, _html, response = browser.post(
        port,
        "/admin/login/",
        {"csrfmiddlewaretoken": browser.csrf(html), "username": "admin", "password": ADMIN_PASSWORD, "next": "/admin/"},
    )
    if status != 302:
        raise RuntimeError(f"admin login on {port} answered {status}")


def bulk_action(browser, port, action, page_id):
    path = f"/admin/bulk/wagtailcore/page/{action}/?id={page_id}&next=/admin/"
    status, html, _r = browser.get(port, path)
    if status != 200:
        raise RuntimeError(f"{action} confirmation on {port} answered {status}")
    status, _html, _r = browser.post(port, path, {"csrfmiddlewaretoken": browser.csrf(html)})
    if status != 302:
        raise RuntimeError(f"{action} on {port} answered {status}")


def register(port, event_path, email):
    # The event page is served from the page cache without per-visitor tokens (issue 21.2);
    # its form without JavaScript, register/, carries them and takes the POST.
    visitor = Browser()
    form_path = event_path + "register/"
    status, html, _r = visitor.get(port, form_path)
    fields = dict(FIELD.findall(html))
    if status != 200 or len(fields) != 3:
        raise RuntimeError(f"event form on {port}: {status}, fields {sorted(fields)}")
    time.sleep(3.2)  # the form's minimum fill time
    status, _html, response = visitor.post(
        port,
        form_path,
        {
            **fields,
            "tax_code": "0100109106",
            "enterprise_name": "Doanh nghiệp đo hai máy chủ",
            "attendee_name": "Người tham dự",
            "position": "Giám đốc",
            "email": email,
            "phone": "0912345678",
            "seats": "1",
            "consent": "on",
            "website": "",
        },
    )
    if status != 302:
        raise RuntimeError(f"registration on {port} answered {status}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db-name", default="dx_two_servers_bench")
    parser.add_argument("--reuse", action="store_true", help="keep the database an earlier run prepared")
    parser.add_argument("--template", help="create the database as a copy of this (migrated) one")
    args = parser.parse_args()

    url, fresh = prepare_database(args.db_name, args.reuse, args.template)
    mail_dir = Path(tempfile.mkdtemp(prefix="bench-two-servers-mail-"))
    env = site_env(
        url,
        REDIS_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12"),
        CACHE_KEY_PREFIX="bench-two",
        TASKS_BACKEND="database",
        EMAIL_BACKEND="file",
        EMAIL_FILE_PATH=str(mail_dir),
        RATE_LIMIT_IP="10000/h",
        SITE_BASE_URL=f"http://{HOST}:{PORT_A}",
        DEMO_ADMIN_PASSWORD=ADMIN_PASSWORD,
    )
    import redis

    redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    if fresh:
        print(f"database {args.db_name}: migrate, demo content, static files…", flush=True)
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput")
    content = setup_content(env)
    # Tasks and e-mails left queued in the database (an earlier run, or the template's: a
    # registration rush leaves hundreds, with no worker to send them) would sit in front of
    # this run's e-mail, which the worker sends oldest first: it starts on an empty queue.
    from django_tasks_db.models import DBTaskResult

    from core.models import OutgoingMail

    DBTaskResult.objects.all().delete()
    OutgoingMail.objects.filter(status=OutgoingMail.Status.PENDING).delete()
    # Marks of tasks just deleted (core.mail's "drain queued") must go with them.
    redis.Redis.from_url(env["REDIS_URL"]).flushdb()

    gunicorn = str(Path(PYTHON).parent / "gunicorn")
    processes = []
    failures = []

    def check(condition, message):
        print(("  ok   " if condition else "  FAIL ") + message, flush=True)
        if not condition:
            failures.append(message)

    try:
        for port in (PORT_A, PORT_B):
            processes.append(
                subprocess.Popen(
                    [gunicorn, "config.wsgi:application", "-w", "2", "-b", f"{HOST}:{port}", "--log-level", "error"],
                    cwd=ROOT,
                    env=env,
                )
            )
        worker_log = open(mail_dir.parent / f"{mail_dir.name}-worker.log", "w")  # noqa: SIM115
        worker = subprocess.Popen(
            [PYTHON, "manage.py", "db_worker", "--interval", "0.5"],
            cwd=ROOT,
            env=env,
            stdout=worker_log,
            stderr=worker_log,
        )
        print(f"worker log: {worker_log.name}")
        processes.append(worker)
        wait_for(PORT_A, processes[0])
        wait_for(PORT_B, processes[1])
        title = content["story_title"]
        listings = (content["desk_path"], content["newsroom_path"])

        print("1. visitors on B before the publish (B's pages cached without the story)")
        visitor = Browser()
        for _ in range(3):
            check(visitor.get(PORT_B, content["story_path"])[0] == 404, f"B: {content['story_path']} is 404")
            for path in listings:
                status, html, _r = visitor.get(PORT_B, path)
                check(status == 200 and title not in html, f"B: {path} does not list the story")

        print("2. the editor publishes the story through A's admin; the next GETs on B")
        editor = Browser()
        admin_login(editor, PORT_A)
        bulk_action(editor, PORT_A, "publish", content["story_id"])
        published = time.perf_counter()
        for n in range(6):
            status, html, response = visitor.get(PORT_B, content["story_path"])
            if n == 0:
                print(
                    f"     first GET on B answered {time.perf_counter() - published:.3f} s after the publish returned"
                )
            check(status == 200 and title in html, f"B: {content['story_path']} shows the story ({status})")
            for path in listings:
                status, html, response = visitor.get(PORT_B, path)
                check(status == 200 and title in html, f"B: {path} lists the story")

        print("3. the same editor session unpublishes it through B's admin; the next GETs on A")
        for path in (content["story_path"], *listings):  # A's view of it, cached after the publish
            visitor.get(PORT_A, path)
        bulk_action(editor, PORT_B, "unpublish", content["story_id"])
        for _ in range(6):
            check(visitor.get(PORT_A, content["story_path"])[0] == 404, f"A: {content['story_path']} is 404 again")
            for path in listings:
                status, html, _r = visitor.get(PORT_A, path)
                check(status == 200 and title not in html, f"A: {path} no longer lists the story")

        print("4. a registration on A: its e-mail queued by A, sent by the worker")
        email = f"hai-may-chu-{int(time.time())}@doanhnghiep.vn"
        register(PORT_A, content["event_path"], email)
        from core.models import OutgoingMail

        queued = time.perf_counter()
        mail = None
        while time.perf_counter() - queued < 60:
            mail = OutgoingMail.objects.filter(to__contains=[email]).order_by("-pk").first()
            if mail is not None and mail.status != OutgoingMail.Status.PENDING:
                break
            time.sleep(0.25)
        check(mail is not None, "A stored the e-mail as an OutgoingMail row")
        if mail is not None:
            check(mail.status == OutgoingMail.Status.SENT, f"the worker sent it (status {mail.status})")
            print(f"     sent {time.perf_counter() - queued:.1f} s after the registration returned")
            written = [p for p in mail_dir.iterdir() if email in p.read_text(errors="replace")]
            check(bool(written), f"the file e-mail backend wrote it ({len(written)} file)")
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
    print(json.dumps({"checks_failed": failures}, ensure_ascii=False))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
