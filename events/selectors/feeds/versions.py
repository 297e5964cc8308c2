"""A feed's version: one aggregate query per source of rows, keying the cache and the ETag."""

import datetime
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, Max


@dataclass(frozen=True)
class Source:
    """Rows whose count and latest updated_at version a feed; extra: more `Max` fields."""

    queryset: object
    extra: tuple = ()


@dataclass
class Feed:
    key: str
    name: str
    language: str
    sources: list[Source]
    build: Callable[[], list]
    public: bool = False
    salt: str = ""  # anything else the content depends on (e.g. today's date)
    filename: str = "calendar.ics"
    _version: tuple | None = field(default=None, repr=False)

    def version(self):
        """(version string, last modified) from one aggregate query per source."""
        if self._version is None:
            parts, latest = [self.key, self.language, self.salt], []
            for source in self.sources:
                fields = {"n": Count("pk"), "last": Max("updated_at")}
                fields.update({f"x{i}": Max(name) for i, name in enumerate(source.extra)})
                row = source.queryset.order_by().aggregate(**fields)
                parts += [str(row[name]) for name in sorted(row)]
                latest += [value for value in row.values() if isinstance(value, datetime.datetime)]
            digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]
            self._version = (digest, max(latest) if latest else None)
        return self._version

    def components(self):
        return self.build()
