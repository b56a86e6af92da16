"""Search-term hits for the "search terms" report, buffered so a search never writes to the
database: each search increments a counter in the cache (a Redis hash per day when the cache
is Redis, otherwise a dict in the process's cache), and `manage.py flush_search_hits` (cron,
every few minutes) moves the counts into wagtail.contrib.search_promotions' Query and
QueryDailyHits in one transaction.
"""

import datetime
import threading

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.search.utils import normalise_query_string

KEY = "search:hits"
_lock = threading.Lock()


def _redis():
    """The redis-py client behind Django's RedisCache, or None for other caches."""
    inner = getattr(cache, "_cache", None)
    if inner is None or not hasattr(inner, "get_client"):
        return None
    return inner.get_client(write=True)


def _day_key(day):
    return cache.make_key(f"{KEY}:{day.isoformat()}")


def record_hit(query_string, day=None):
    """Count one search for `query_string` (normalised as the report shows it). Never raises."""
    query_string = normalise_query_string(query_string or "")
    if not query_string:
        return
    day = day or timezone.localdate()
    try:
        client = _redis()
        if client is not None:
            key = _day_key(day)
            client.hincrby(key, query_string, 1)
            client.expire(key, 60 * 60 * 24 * 14)
            return
        with _lock:
            counts = cache.get(KEY) or {}
            counts[(day.isoformat(), query_string)] = counts.get((day.isoformat(), query_string), 0) + 1
            cache.set(KEY, counts, None)
    except Exception:  # noqa: BLE001 - statistics must never break a search
        return


def _take_buffered():
    """The buffered counts {(day, query): hits}, removed from the buffer."""
    taken = {}
    client = _redis()
    if client is not None:
        pattern = cache.make_key(f"{KEY}:*")
        for key in client.scan_iter(match=pattern):
            key = key.decode() if isinstance(key, bytes) else key
            flushing = key + ":flushing"
            try:
                client.rename(key, flushing)  # atomic: new hits go to a fresh hash
            except Exception:  # noqa: BLE001, S112 - the key vanished meanwhile
                continue
            day = key.rsplit(":", 1)[-1]
            for query, hits in client.hgetall(flushing).items():
                query = query.decode() if isinstance(query, bytes) else query
                taken[(day, query)] = taken.get((day, query), 0) + int(hits)
            client.delete(flushing)
        return taken
    with _lock:
        taken = cache.get(KEY) or {}
        cache.delete(KEY)
    return taken


def flush_hits():
    """Write the buffered hits to the database; returns the number of hits written."""
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

    buffered = _take_buffered()
    total = 0
    with transaction.atomic():
        for (day, query_string), hits in sorted(buffered.items()):
            query, _ = Query.objects.get_or_create(query_string=query_string[:255])
            daily, _ = QueryDailyHits.objects.get_or_create(query=query, date=datetime.date.fromisoformat(day))
            QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + hits)
            total += hits
    return total
