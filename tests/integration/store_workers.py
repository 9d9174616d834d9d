"""Code run in child processes by the concurrency and crash tests (importable by spawn)."""

from __future__ import annotations

import os
import queue
import threading

from selfdata.app import services
from selfdata.store import Store

Task = tuple[str, str, int]
"""(participant token, need id, delta)."""
Outcome = tuple[str, str, int, str]
"""The task and ``ok``, ``refused`` or ``error: …``."""


def cast_votes(url: str, code: str, tasks: list[Task], threads: int) -> list[Outcome]:
    """Cast ``tasks`` from ``threads`` threads sharing one store; report every outcome."""
    store = Store(url, create=False)
    todo: queue.SimpleQueue[Task] = queue.SimpleQueue()
    for task in tasks:
        todo.put(task)
    outcomes: list[Outcome] = []
    lock = threading.Lock()

    def worker() -> None:
        while True:
            try:
                token, need, delta = todo.get_nowait()
            except queue.Empty:
                return
            try:
                services.vote(store, code, token, need, delta)
                outcome = "ok"
            except services.LimitExceeded:
                outcome = "refused"
            except Exception as exc:  # reported, and the test fails on it
                outcome = f"error: {type(exc).__name__}: {exc}"
            with lock:
                outcomes.append((token, need, delta, outcome))

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    store.dispose()
    return outcomes


def vote_until_killed(url: str, code: str, tokens: list[str], needs: list[str], acks: str) -> None:
    """Vote one dot at a time and append a line to ``acks`` after each acknowledged vote,
    until the parent kills this process."""
    store = Store(url, create=False)
    with open(acks, "a", encoding="utf-8") as out:
        for i, token in enumerate(tokens):
            for _ in range(5):
                for need in needs:
                    services.vote(store, code, token, need)
                    out.write(f"{i} {need}\n")
                    out.flush()
    os._exit(0)
