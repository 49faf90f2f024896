"""The session engine: Django's ``cached_db`` (the database row is the record, the cache
serves the reads), except that a save which changes nothing but the flash messages goes to
the cache alone.

Every form that ends in "saved" / "registered" puts a flash message into the session and
the next page takes it out again: with ``cached_db`` that is two database writes (each with
its commit) per form, for text that lives a second. Here the row is written only when
something else changed (sign-in, language, an invitation link ...), or when the cached copy
is gone. A message whose cache entry is lost meanwhile is gone, nothing else: the row still
holds the rest of the session. The cached copy keeps the expiry the last full save gave it.
"""

from django.contrib.messages.storage.session import SessionStorage
from django.contrib.sessions.backends.cached_db import SessionStore as CachedDbSessionStore

FLASH_KEYS = frozenset({SessionStorage.session_key})


class SessionStore(CachedDbSessionStore):
    # What the database row holds (as loaded or last saved), serialised: a value changed
    # in place (a list appended to) must not compare equal to itself.
    _durable_stored: bytes | None = None

    def load(self) -> dict:
        data = super().load()
        self._durable_stored = self._durable(data)
        return data

    def save(self, must_create: bool = False) -> None:
        if not must_create and self._only_flash_changed() and self._replace_in_cache():
            return
        super().save(must_create=must_create)
        self._durable_stored = self._durable(self._session)

    def _replace_in_cache(self) -> bool:
        """The cached copy with the new messages, expiring when the row does (the last full
        save set both): a session kept alive by messages alone would outlive its row, and
        ``sessions_end`` finds sessions by their rows. False when the cached copy is gone
        (or the cache is not Redis, as in development): then the row is written."""
        replace = getattr(self._cache, "replace_keeping_expiry", None)
        return bool(replace and replace(self.cache_key, self._session))

    def _durable(self, data: dict) -> bytes:
        kept = {key: value for key, value in data.items() if key not in FLASH_KEYS}
        return self.serializer().dumps(kept)

    def _only_flash_changed(self) -> bool:
        return (
            self.session_key is not None
            and self._durable_stored is not None
            and self._durable(self._session) == self._durable_stored
        )
