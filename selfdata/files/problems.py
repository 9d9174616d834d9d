"""Problems found in a file, worded for the person who wrote it.

A :class:`Problem` names the file, then either the line and column (syntax and hostile
content) or the path inside the document (schema and reference errors), then what was
expected. :func:`validation_problems` turns pydantic's errors into such plain phrases
("expected an integer between 1 and 3, got 5", "unknown field 'colour' — did you mean
'color'?") by looking up the field being validated in the model.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

SLUG_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file.

    ``where`` is the path inside the document (``needs[3].themes[0]``), empty for the
    file as a whole; ``line``/``column`` (1-based) locate syntax-level problems.
    """

    file: str
    where: str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        if self.line is not None:
            at = f"{self.line}:{self.column}" if self.column is not None else f"{self.line}"
            return f"{self.file}:{at}: {self.message}"
        if self.where:
            return f"{self.file}: {self.where}: {self.message}"
        return f"{self.file}: {self.message}"


class FileFormatError(Exception):
    """A file that cannot be used, with every problem found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def suggest(word: object, candidates: Iterable[str]) -> str:
    """`` — did you mean 'x'?`` when a candidate is close to ``word``, else ``""``."""
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f" — did you mean '{close[0]}'?" if close else ""


def path_str(loc: Sequence[int | str]) -> str:
    """``("needs", 3, "themes", 0)`` -> ``needs[3].themes[0]``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def join_path(prefix: str, where: str) -> str:
    if not prefix:
        return where
    if not where:
        return prefix
    return prefix + ("" if where.startswith("[") else ".") + where


def describe(value: object) -> str:
    """A short, YAML-flavoured rendering of an input value for messages."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:37] + "..."
        return f"'{text}'"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


# --- finding the field a pydantic error is about -------------------------------------------


def _unwrap(annotation: Any) -> Any:
    """Strip ``Annotated`` and ``X | None`` to the type that matters for messages."""
    while True:
        origin = get_origin(annotation)
        if origin is typing.Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def _constraints(annotation: Any, info: FieldInfo | None) -> list[Any]:
    found: list[Any] = list(info.metadata) if info is not None else []
    while True:
        origin = get_origin(annotation)
        if origin is typing.Annotated:
            found += list(get_args(annotation)[1:])
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            members = [a for a in get_args(annotation) if a is not type(None)]
            if len(members) != 1:
                return found
            annotation = members[0]
        else:
            return found


def _model_field(model: type[BaseModel], name: str) -> FieldInfo | None:
    if name in model.model_fields:
        return model.model_fields[name]
    return next((f for f in model.model_fields.values() if f.alias == name), None)


def _field_names(model: type[BaseModel]) -> list[str]:
    return [f.alias or n for n, f in model.model_fields.items()]


@dataclass
class _Spot:
    """What sits at a place in the document: its declared type and field info."""

    annotation: Any
    info: FieldInfo | None = None


def _walk(model: type[BaseModel], loc: Sequence[int | str]) -> _Spot | None:
    spot = _Spot(model)
    for part in loc:
        current = _unwrap(spot.annotation)
        origin = get_origin(current)
        if isinstance(current, type) and issubclass(current, BaseModel) and isinstance(part, str):
            info = _model_field(current, part)
            if info is None:
                return None
            spot = _Spot(info.annotation, info)
        elif origin in (list, Sequence) and isinstance(part, int):
            spot = _Spot(get_args(current)[0])
        elif origin is dict:
            spot = _Spot(get_args(current)[1])
        else:
            return None
    return spot


def _parent_model(model: type[BaseModel], loc: Sequence[int | str]) -> type[BaseModel] | None:
    spot = _walk(model, loc)
    if spot is None:
        return None
    current = _unwrap(spot.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


# --- pydantic error -> plain phrase ---------------------------------------------------------


def _kind_of_number(annotation: Any) -> str:
    return "an integer" if _unwrap(annotation) is int else "a number"


def _bounds(spot: _Spot | None) -> str:
    """``between 1 and 3`` / ``at least 0`` / ``greater than 0 and at most 10``."""
    if spot is None:
        return ""
    low = high = ""
    lo_val: Any = None
    hi_val: Any = None
    for c in _constraints(spot.annotation, spot.info):
        if isinstance(c, annotated_types.Ge):
            low, lo_val = f"at least {c.ge}", c.ge
        elif isinstance(c, annotated_types.Gt):
            low, lo_val = f"greater than {c.gt}", None
        elif isinstance(c, annotated_types.Le):
            high, hi_val = f"at most {c.le}", c.le
        elif isinstance(c, annotated_types.Lt):
            high, hi_val = f"less than {c.lt}", None
    if lo_val is not None and hi_val is not None:
        return f"between {lo_val} and {hi_val}"
    return " and ".join(x for x in (low, high) if x)


def _literal_values(spot: _Spot | None) -> list[str]:
    if spot is None:
        return []
    current = _unwrap(spot.annotation)
    if get_origin(current) is Literal:
        return [str(v) for v in get_args(current)]
    return []


def _pattern_phrase(pattern: str) -> str:
    if pattern == SLUG_PATTERN:
        return "expected an id (lower-case letters, digits, '_' and '-')"
    if pattern == r"^#[0-9A-Fa-f]{6}$":
        return "expected a colour like '#0072B2'"
    return f"expected text matching {pattern}"


def _phrase(model: type[BaseModel], error: Any) -> tuple[str, str]:
    """(where, message) for one pydantic error."""
    loc = list(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    got = describe(error.get("input"))
    key_error = bool(loc) and loc[-1] == "[key]"
    if key_error:
        loc = loc[:-2]  # (... mapping, key, "[key]") -> the mapping itself
    spot = _walk(model, loc)
    where = path_str(loc)

    if kind == "missing":
        return path_str(loc[:-1]), f"missing required field '{loc[-1]}'"
    if kind == "extra_forbidden":
        parent = _parent_model(model, loc[:-1])
        hint = suggest(loc[-1], _field_names(parent)) if parent else ""
        return path_str(loc[:-1]), f"unknown field '{loc[-1]}'{hint}"
    if kind == "literal_error":
        values = _literal_values(spot)
        if len(values) == 1:
            return where, f"expected '{values[0]}', got {got}"
        if values:
            hint = suggest(error.get("input"), values)
            return where, f"unknown value {got}{hint} (expected one of: {', '.join(values)})"
        return where, f"expected {ctx.get('expected', 'one of the allowed values')}, got {got}"
    if kind == "string_pattern_mismatch":
        message = _pattern_phrase(str(ctx.get("pattern", "")))
        return where, (
            f"invalid key: {message}, got {got}" if key_error else f"{message}, got {got}"
        )
    if kind in ("int_type", "int_parsing", "int_from_float", "float_type", "float_parsing"):
        bounds = _bounds(spot)
        number = (
            "an integer" if kind.startswith("int") else _kind_of_number(spot and spot.annotation)
        )
        return where, f"expected {number}{' ' + bounds if bounds else ''}, got {got}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        number = _kind_of_number(spot.annotation) if spot else "a number"
        bounds = _bounds(spot) or str(error["msg"]).lower()
        return where, f"expected {number} {bounds}, got {got}"
    if kind in ("string_type", "string_unicode"):
        return where, f"expected a text, got {got}"
    if kind == "string_too_short":
        if ctx.get("min_length") == 1:
            return where, "must not be empty"
        return where, f"too short (at least {ctx.get('min_length')} characters)"
    if kind == "string_too_long":
        length = len(error["input"]) if isinstance(error.get("input"), str) else "?"
        return where, f"too long ({length} characters; at most {ctx.get('max_length')})"
    if kind in ("bool_type", "bool_parsing"):
        return where, f"expected true or false, got {got}"
    if kind in ("list_type", "tuple_type", "set_type"):
        return where, f"expected a list, got {got}"
    if kind in ("dict_type", "model_type", "model_attributes_type", "mapping_type"):
        return where, f"expected a mapping (key: value), got {got}"
    if kind == "too_short":
        n = ctx.get("min_length")
        return (
            where,
            f"expected at least {n} item{'s' if n != 1 else ''}, got {ctx.get('actual_length')}",
        )
    if kind == "too_long":
        n = ctx.get("max_length")
        return (
            where,
            f"expected at most {n} item{'s' if n != 1 else ''}, got {ctx.get('actual_length')}",
        )
    if kind.startswith("datetime") or kind.startswith("date_"):
        return where, f"expected a date and time like 2019-10-01T09:30:00, got {got}"
    if kind == "value_error":
        return where, str(error["msg"]).removeprefix("Value error, ")
    if kind == "assertion_error":
        return where, str(error["msg"]).removeprefix("Assertion failed, ")
    message = str(error["msg"])
    return where, message[:1].lower() + message[1:]


def validation_problems(
    file: str,
    err: ValidationError,
    prefix: str = "",
    model: type[BaseModel] | None = None,
) -> list[Problem]:
    """One :class:`Problem` per pydantic error, in plain words.

    ``model`` is the model that was validated (without it, pydantic's own wording is kept);
    ``prefix`` is the path of the validated object inside the document (``cards[3]``).
    Missing fields of one object are reported on one line.
    """
    target = model
    problems: list[Problem] = []
    missing: dict[str, list[str]] = {}
    for error in err.errors():
        if target is None:
            where, message = path_str(error["loc"]), str(error["msg"])
        elif error["type"] == "missing":
            parent = join_path(prefix, path_str(error["loc"][:-1]))
            if parent not in missing:
                missing[parent] = []
                problems.append(Problem(file, parent, ""))  # placeholder, keeps the order
            missing[parent].append(str(error["loc"][-1]))
            continue
        else:
            where, message = _phrase(target, error)
        problems.append(Problem(file, join_path(prefix, where), message))
    out = []
    for p in problems:
        if p.message == "" and p.where in missing:
            names = missing[p.where]
            plural = "s" if len(names) > 1 else ""
            listed = ", ".join(f"'{n}'" for n in names)
            p = Problem(file, p.where, f"missing required field{plural} {listed}")
        out.append(p)
    return out
