"""The Redis cache keeps one client per connection pool and behaves as Django's."""

import threading

from django.core.cache import cache, caches

from network_portal.cache import PortalRedisCache


def test_cache_is_the_portal_redis_cache_and_round_trips_values():
    assert isinstance(caches["default"], PortalRedisCache)
    cache.set("cache-test:plain", {"Veranstaltung": "Wirtschaft trifft Wirtschaft"}, 30)
    assert cache.add("cache-test:plain", "other", 30) is False
    assert cache.get("cache-test:plain") == {"Veranstaltung": "Wirtschaft trifft Wirtschaft"}
    cache.set_many({"cache-test:a": 1, "cache-test:b": 2}, 30)
    assert cache.get_many(["cache-test:a", "cache-test:b", "cache-test:c"]) == {
        "cache-test:a": 1,
        "cache-test:b": 2,
    }
    assert cache.incr("cache-test:a") == 2
    cache.delete("cache-test:plain")
    assert cache.get("cache-test:plain", "gone") == "gone"


def test_one_client_per_pool_and_thread():
    first = cache._cache.get_client(write=True)
    assert cache._cache.get_client(write=False) is first
    assert cache._cache.get_client("some-key", write=True) is first

    clients = []
    thread = threading.Thread(
        target=lambda: clients.append(caches["default"]._cache.get_client(write=True))
    )
    thread.start()
    thread.join()
    assert clients[0] is not first  # Django keeps one cache object per thread


def test_replace_keeping_expiry_only_replaces_a_key_that_exists():
    redis_cache = caches["default"]
    assert redis_cache.replace_keeping_expiry("cache-test:absent", "x") is False
    assert redis_cache.get("cache-test:absent") is None

    redis_cache.set("cache-test:kept", "old", 50)
    assert redis_cache.replace_keeping_expiry("cache-test:kept", {"neu": 1}) is True
    assert redis_cache.get("cache-test:kept") == {"neu": 1}
    client = redis_cache._cache.get_client(write=True)
    assert 0 < client.ttl(redis_cache.make_and_validate_key("cache-test:kept")) <= 50
