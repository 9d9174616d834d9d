"""Per-client rate limits (token buckets), driven by a hand-moved clock."""

from __future__ import annotations

import threading

import pytest

from selfdata.domain.errors import LimitExceeded
from selfdata.domain.ratelimit import DEFAULT_RATES, Rate, RateLimiter


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def _limiter(**kwargs: object) -> tuple[RateLimiter, FakeClock]:
    clock = FakeClock()
    rates = {"join": Rate(per_minute=6, burst=3), "action": Rate(per_minute=60, burst=10)}
    return RateLimiter(rates, clock=clock, **kwargs), clock  # type: ignore[arg-type]


def test_a_burst_is_allowed_then_the_next_attempt_waits_for_a_token():
    limiter, clock = _limiter()
    assert [limiter.hit("tab-1", "join").allowed for _ in range(3)] == [True] * 3
    refused = limiter.hit("tab-1", "join")
    assert not refused.allowed and refused.retry_after == pytest.approx(10.0)  # 6 a minute
    clock.advance(4)
    assert limiter.hit("tab-1", "join").retry_after == pytest.approx(6.0)
    clock.advance(6)
    assert limiter.hit("tab-1", "join").allowed
    assert not limiter.hit("tab-1", "join").allowed


def test_a_thousand_scripted_joins_a_minute_get_six_through():
    limiter, clock = _limiter()
    allowed = 0
    for _ in range(1000):
        allowed += limiter.hit("script", "join").allowed
        clock.advance(0.06)
    assert allowed == 3 + 5  # the burst, then 6 a minute (the 6th falls at 60 s)


def test_clients_and_kinds_have_their_own_buckets():
    limiter, _ = _limiter()
    for _ in range(3):
        limiter.hit("tab-1", "join")
    assert not limiter.hit("tab-1", "join").allowed
    assert limiter.hit("tab-2", "join").allowed  # another tablet is not slowed
    assert limiter.hit("tab-1", "action").allowed  # nor are this tablet's taps


def test_tokens_never_pile_up_beyond_the_burst():
    limiter, clock = _limiter()
    limiter.hit("tab-1", "join")
    clock.advance(3600)
    assert [limiter.hit("tab-1", "join").allowed for _ in range(4)] == [True, True, True, False]


def test_a_clock_going_backwards_gives_no_free_tokens():
    limiter, clock = _limiter()
    for _ in range(3):
        limiter.hit("tab-1", "join")
    clock.advance(-100)
    assert not limiter.hit("tab-1", "join").allowed


def test_check_raises_a_translated_refusal_with_the_wait():
    limiter, _ = _limiter()
    for _ in range(3):
        limiter.check("tab-1", "join")
    with pytest.raises(LimitExceeded) as refused:
        limiter.check("tab-1", "join")
    assert refused.value.key == "rate.limited"
    assert "10\u00a0s" in refused.value.message("fr") and "10 s" in refused.value.message("en")
    assert "\u202f:" in refused.value.message("fr")


def test_an_unknown_kind_is_a_programming_error():
    limiter, _ = _limiter()
    with pytest.raises(KeyError):
        limiter.hit("tab-1", "teleport")


def test_a_hundred_thousand_distinct_clients_keep_memory_bounded():
    limiter, clock = _limiter(max_keys=1000)
    for i in range(100_000):
        assert limiter.hit(f"client-{i}", "join").allowed
        clock.advance(0.001)
    assert len(limiter) <= 1000


def test_idle_clients_are_forgotten_once_their_bucket_is_full_again():
    limiter, clock = _limiter()
    for i in range(500):
        limiter.hit(f"client-{i}", "join")
    assert len(limiter) == 500
    clock.advance(11)  # one token back: every bucket full again
    limiter.hit("late", "join")
    assert len(limiter) == 1


def test_beyond_max_keys_the_least_recently_used_bucket_goes_first():
    limiter, _ = _limiter(max_keys=2)
    for _ in range(3):
        limiter.hit("tab-1", "join")
    limiter.hit("tab-2", "join")
    for _ in range(3):
        limiter.hit("tab-2", "join")  # tab-2 used last
    limiter.hit("tab-3", "join")  # one bucket too many: tab-1 goes
    assert len(limiter) == 2
    assert not limiter.hit("tab-2", "join").allowed  # tab-2 kept its empty bucket


def test_concurrent_hits_never_give_more_than_the_burst():
    limiter = RateLimiter({"join": Rate(per_minute=0.001, burst=50)})
    allowed: list[bool] = []
    lock = threading.Lock()

    def hammer() -> None:
        for _ in range(100):
            ok = limiter.hit("shared", "join").allowed
            with lock:
                allowed.append(ok)

    threads = [threading.Thread(target=hammer) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(allowed) == 50 and len(allowed) == 800


def test_the_default_rates_cover_joins_code_lookups_and_actions():
    assert set(DEFAULT_RATES) == {"join", "code", "action", "wrong_code", "wrong_code_address"}
    limiter = RateLimiter(clock=FakeClock())
    # 19 code guesses a second (the measured attack) get through only the first burst
    assert sum(limiter.hit("guesser", "code").allowed for _ in range(19)) == 5


def test_a_rate_must_let_something_through():
    with pytest.raises(ValueError):
        Rate(per_minute=0, burst=1)
    with pytest.raises(ValueError):
        Rate(per_minute=1, burst=0)


def test_wrong_codes_are_capped_with_a_lock_out_not_only_paced():
    clock = FakeClock()
    limiter = RateLimiter(clock=clock)
    allowed = 0
    for _ in range(60):  # the measured scan: 60 codes in 14 s from one session
        allowed += limiter.hit("session:s", "wrong_code").allowed
        clock.advance(14 / 60)
    assert allowed <= DEFAULT_RATES["wrong_code"].burst + 1
    assert limiter.locked("session:s", "wrong_code") > 200
    clock.advance(120)  # the bucket has refilled a few tokens, the lock-out still holds
    assert not limiter.hit("session:s", "wrong_code").allowed
    assert limiter.locked("session:other", "wrong_code") == 0
    clock.advance(DEFAULT_RATES["wrong_code"].lockout)
    assert limiter.hit("session:s", "wrong_code").allowed
