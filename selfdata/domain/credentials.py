"""Join codes, facilitator secrets and participant tokens.

- A join code is short enough to type on a tablet (6 characters) and drawn with
  :mod:`secrets` from an alphabet without look-alikes (no 0/O, 1/I/L): 31^6 ≈ 8.9e8 codes.
- A facilitator secret carries 192 random bits; only its SHA-256 is stored, and checking it
  compares digests in constant time (:func:`hmac.compare_digest`).
- A participant token carries 192 random bits too; only its SHA-256 is stored (it is looked
  up by digest, so a stolen database does not let anyone act as a participant).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6
SECRET_BYTES = 24
TOKEN_BYTES = 24


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str | None:
    """The code as stored, from what a person typed (case, spaces and dashes forgiven);
    ``None`` when it cannot be a code at all."""
    code = "".join(ch for ch in str(text).upper() if ch not in " -_\t")
    if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
        return None
    return code


def new_secret() -> str:
    return secrets.token_urlsafe(SECRET_BYTES)


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()


def secret_matches(given: str | None, stored_digest: str) -> bool:
    if not isinstance(given, str) or not given:
        return False
    return hmac.compare_digest(digest(given), stored_digest)
