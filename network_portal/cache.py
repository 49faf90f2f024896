"""Django's Redis cache, with one Redis client per connection pool instead of one per call.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` for every cache
operation, and redis-py fills a table of some 200 response callbacks in each constructor.
A signed-in request makes a handful of cache calls (session, page cache, its generation),
so building clients cost more than talking to Redis. A ``redis.Redis`` is safe to share:
it takes a connection from its pool for every command. Django keeps one cache object, and
so one of these clients, per thread.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class PortalRedisCache(RedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    def replace_keeping_expiry(self, key, value, version=None) -> bool:
        """Replace the value of a key that exists and keep when it expires (Redis ``SET``
        with ``XX KEEPTTL``); False, with nothing written, when the key is gone."""
        key = self.make_and_validate_key(key, version=version)
        client = self._cache.get_client(key, write=True)
        return bool(client.set(key, self._cache._serializer.dumps(value), xx=True, keepttl=True))
