"""Per-client rate limits: a token bucket for each (client, action), pure and thread-safe.

One person holding the join code must not fill the room with scripted joins, guess codes
at 19 per second, or drown the server in actions. Each client (a browser session id, or
an address) has one bucket per kind of action; a bucket holds up to ``burst`` tokens and
refills at ``per_minute`` tokens a minute; an attempt takes one token or is refused with
the seconds to wait.

No Streamlit and no global state: the UI keeps one :class:`RateLimiter` per server process
(its buckets are per-client counters, not workshop state) and asks :meth:`RateLimiter.
check` before calling a service. The clock is injected, so tests drive time by hand.
Memory is bounded: a bucket that has refilled completely holds no information and is
dropped, and beyond ``max_keys`` buckets the least recently used go first.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from selfdata.domain.errors import LimitExceeded


@dataclass(frozen=True)
class Rate:
    """``burst`` attempts at once, then ``per_minute`` a minute on average."""

    per_minute: float
    burst: int
    lockout: float = 0.0
    """Seconds a client that emptied its bucket stays refused, whatever the refill (0: none):
    a cap, not only a pace."""

    def __post_init__(self) -> None:
        if self.per_minute <= 0 or self.burst < 1 or self.lockout < 0:
            raise ValueError(f"a rate needs per_minute > 0, burst >= 1, lockout >= 0: {self}")

    @property
    def seconds_per_token(self) -> float:
        return 60.0 / self.per_minute


DEFAULT_RATES: Mapping[str, Rate] = {
    # a tablet joins once; a few retries after a typo or a taken pseudonym are fine, a
    # script's thousand joins a minute are not
    "join": Rate(per_minute=6, burst=5),
    # typing a code: a handful of typos, not a scan of the code space
    "code": Rate(per_minute=10, burst=5),
    # taps (dots, ratings, proposals, withdrawals): a busy person taps ~1/s in bursts
    "action": Rate(per_minute=120, burst=30),
    # a code that opens no workshop (typed, or in the address): ten typos from one browser,
    # thirty from one network address (a room behind one NAT), then five minutes without
    # looking any code up; a scan of the code space stops there
    "wrong_code": Rate(per_minute=2, burst=10, lockout=300),
    "wrong_code_address": Rate(per_minute=6, burst=30, lockout=300),
}
"""The kinds of action the UI limits and their default rates."""


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after: float
    """Seconds until the next attempt would be allowed (0 when allowed)."""


@dataclass
class _Bucket:
    tokens: float
    updated: float
    locked_until: float = 0.0


class RateLimiter:
    """Token buckets keyed by ``(client, kind)``. Safe to share between threads."""

    def __init__(
        self,
        rates: Mapping[str, Rate] = DEFAULT_RATES,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = 10_000,
    ) -> None:
        if max_keys < 1:
            raise ValueError("max_keys must be at least 1")
        self._rates = dict(rates)
        self._clock = clock
        self._max_keys = max_keys
        self._buckets: OrderedDict[tuple[str, str], _Bucket] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        """Buckets held now (for tests and monitoring)."""
        with self._lock:
            return len(self._buckets)

    def hit(self, client: str, kind: str) -> Decision:
        """Take one token for ``client`` doing ``kind``; refused with the wait when empty.
        An unknown ``kind`` is a programming error (``KeyError``)."""
        rate = self._rates[kind]
        with self._lock:
            now = self._clock()
            key = (client, kind)
            bucket = self._buckets.pop(key, None)
            if bucket is None:
                bucket = _Bucket(tokens=float(rate.burst), updated=now)
            else:
                elapsed = max(0.0, now - bucket.updated)
                bucket.tokens = min(rate.burst, bucket.tokens + elapsed / rate.seconds_per_token)
                bucket.updated = now
            if bucket.locked_until > now:
                decision = Decision(False, bucket.locked_until - now)
            elif bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                decision = Decision(True, 0.0)
            elif rate.lockout:
                bucket.locked_until = now + rate.lockout
                decision = Decision(False, rate.lockout)
            else:
                decision = Decision(False, (1.0 - bucket.tokens) * rate.seconds_per_token)
            self._buckets[key] = bucket  # most recently used last
            self._evict(now)
            return decision

    def locked(self, client: str, kind: str) -> float:
        """Seconds ``client`` stays locked out of ``kind`` (0 when it is not), without
        taking a token."""
        with self._lock:
            bucket = self._buckets.get((client, kind))
            if bucket is None:
                return 0.0
            return max(0.0, bucket.locked_until - self._clock())

    def check(self, client: str, kind: str) -> None:
        """:meth:`hit`, raising :class:`LimitExceeded` (``rate.limited``, translated, with
        the wait rounded up) when refused."""
        decision = self.hit(client, kind)
        if not decision.allowed:
            wait = max(1, int(-(-decision.retry_after // 1)))
            raise LimitExceeded("rate.limited", wait=wait)

    def _evict(self, now: float) -> None:
        """Drop full buckets from the least recently used end (a full bucket is the same as
        no bucket), then the oldest ones beyond ``max_keys``. Amortised O(1): it stops at the
        first bucket still refilling."""
        while self._buckets:
            (client, kind), oldest = next(iter(self._buckets.items()))
            rate = self._rates[kind]
            refilled = oldest.tokens + (now - oldest.updated) / rate.seconds_per_token
            still_locked = oldest.locked_until > now
            if (refilled < rate.burst or still_locked) and len(self._buckets) <= self._max_keys:
                break
            self._buckets.popitem(last=False)
