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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from selfdata.i18n import t

SLUG_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"


class Msg(str):
    """A message of the catalogue (``files.problem.*``) that reads as its English text
    (what the files' readers have always said) and can be worded again in another language
    with :meth:`in_lang`; values that are themselves :class:`Msg` follow the language."""

    key: str
    values: dict[str, object]

    def __new__(cls, key: str, /, **values: object) -> Msg:
        made = super().__new__(cls, t(key, "en", **values))
        made.key = key
        made.values = values
        return made

    def __reduce__(self) -> tuple[Any, ...]:  # str's own would rebuild it from its text
        return (_msg, (self.key, self.values))

    def in_lang(self, lang: str) -> str:
        return t(self.key, lang, **{k: localise(v, lang) for k, v in self.values.items()})


def _msg(key: str, values: dict[str, object]) -> Msg:
    return Msg(key, **values)


class ForeignWords(Msg):
    """A library's own words (PyYAML's, pydantic's, the standard library's, the system's)
    that the catalogue has no phrase for: as they are in English (what the readers have
    always written), and in any other language the catalogue's general phrase ``key``, so
    that no English reaches a French page or command (issue 29)."""

    words: str

    def __new__(cls, key: str, /, **values: object) -> ForeignWords:
        words = str(values.pop("words", ""))
        made = str.__new__(cls, words)
        made.key, made.values, made.words = key, values, words
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (_foreign, (self.key, self.words))

    def in_lang(self, lang: str) -> str:
        return self.words if lang == "en" else t(self.key, lang)


def _foreign(key: str, words: str) -> ForeignWords:
    return ForeignWords(key, words=words)


def localise(text: object, lang: str) -> object:
    """``text`` in ``lang`` when it is a :class:`Msg`, else as it is."""
    return text.in_lang(lang) if isinstance(text, Msg) else text


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
        return self.text()

    def text(self, lang: str | None = None) -> str:
        """The problem on one line, its message in ``lang`` (None: as written, English)."""
        message = self.message if lang is None else localise(self.message, lang)
        if self.line is not None:
            at = f"{self.line}:{self.column}" if self.column is not None else f"{self.line}"
            return f"{self.file}:{at}: {message}"
        if self.where:
            return f"{self.file}: {self.where}: {message}"
        return f"{self.file}: {message}"


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
    return Msg("files.problem.did_you_mean", word=close[0]) if close else ""


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
        return Msg("files.problem.empty_value")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:37] + "..."
        return f"'{text}'"
    if isinstance(value, list | tuple):
        return Msg("files.problem.a_list")
    if isinstance(value, dict):
        return Msg("files.problem.a_mapping")
    return Msg("files.problem.a_type", type=type(value).__name__)


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
    return Msg(
        "files.problem.an_integer" if _unwrap(annotation) is int else "files.problem.a_number"
    )


def _bounds(spot: _Spot | None) -> str:
    """``between 1 and 3`` / ``at least 0`` / ``greater than 0 and at most 10``."""
    if spot is None:
        return ""
    low: str = ""
    high: str = ""
    lo_val: Any = None
    hi_val: Any = None
    for c in _constraints(spot.annotation, spot.info):
        if isinstance(c, annotated_types.Ge):
            low, lo_val = Msg("files.problem.at_least", n=c.ge), c.ge
        elif isinstance(c, annotated_types.Gt):
            low, lo_val = Msg("files.problem.greater_than", n=c.gt), None
        elif isinstance(c, annotated_types.Le):
            high, hi_val = Msg("files.problem.at_most", n=c.le), c.le
        elif isinstance(c, annotated_types.Lt):
            high, hi_val = Msg("files.problem.less_than", n=c.lt), None
    if lo_val is not None and hi_val is not None:
        return Msg("files.problem.between", low=lo_val, high=hi_val)
    if low and high:
        return Msg("files.problem.both", low=low, high=high)
    return low or high


def _literal_values(spot: _Spot | None) -> list[str]:
    if spot is None:
        return []
    current = _unwrap(spot.annotation)
    if get_origin(current) is Literal:
        return [str(v) for v in get_args(current)]
    return []


def _pattern_phrase(pattern: str) -> str:
    if pattern == SLUG_PATTERN:
        return Msg("files.problem.expected_id")
    if pattern == r"^#[0-9A-Fa-f]{6}$":
        return Msg("files.problem.expected_colour")
    return Msg("files.problem.expected_pattern", pattern=pattern)


@dataclass(frozen=True)
class _Error:
    """One pydantic error, with what every phrase needs: its kind, its place (``where``,
    the model field it names: ``spot``), what the file had (``got``) and its context."""

    model: type[BaseModel]
    raw: Any
    kind: str
    loc: list[Any]
    where: str
    spot: Any
    got: str
    ctx: dict[str, Any]
    key_error: bool
    """The error is about a mapping's key (``loc`` then names the mapping)."""


def _phrase(model: type[BaseModel], error: Any) -> tuple[str, str]:
    """(where, message) for one pydantic error."""
    loc = list(error["loc"])
    key_error = bool(loc) and loc[-1] == "[key]"
    if key_error:
        loc = loc[:-2]  # (... mapping, key, "[key]") -> the mapping itself
    e = _Error(
        model,
        error,
        error["type"],
        loc,
        path_str(loc),
        _walk(model, loc),
        describe(error.get("input")),
        error.get("ctx") or {},
        key_error,
    )
    if e.kind in _EXPECTED:
        return e.where, Msg(_EXPECTED[e.kind], got=e.got)
    phrase = _PHRASES.get(e.kind)
    if phrase is not None:
        return phrase(e)
    if e.kind.startswith("datetime") or e.kind.startswith("date_"):
        return e.where, Msg("files.problem.expected_datetime", got=e.got)
    message = str(error["msg"])
    return e.where, _refused(message[:1].lower() + message[1:])


_EXPECTED: dict[str, str] = {
    "string_type": "files.problem.expected_text",
    "string_unicode": "files.problem.expected_text",
    "bool_type": "files.problem.expected_bool",
    "bool_parsing": "files.problem.expected_bool",
    "list_type": "files.problem.expected_list",
    "tuple_type": "files.problem.expected_list",
    "set_type": "files.problem.expected_list",
    "dict_type": "files.problem.expected_mapping",
    "model_type": "files.problem.expected_mapping",
    "model_attributes_type": "files.problem.expected_mapping",
    "mapping_type": "files.problem.expected_mapping",
}
"""Errors said as "expected this kind of value, got that"."""


def _missing(e: _Error) -> tuple[str, str]:
    return path_str(e.loc[:-1]), Msg("files.problem.missing_one", names=f"'{e.loc[-1]}'")


def _extra(e: _Error) -> tuple[str, str]:
    parent = _parent_model(e.model, e.loc[:-1])
    hint = suggest(e.loc[-1], _field_names(parent)) if parent else ""
    return path_str(e.loc[:-1]), Msg("files.problem.unknown_field", name=e.loc[-1], hint=hint)


def _literal(e: _Error) -> tuple[str, str]:
    values = _literal_values(e.spot)
    if len(values) == 1:
        return e.where, Msg("files.problem.expected_value", value=values[0], got=e.got)
    if values:
        hint = suggest(e.raw.get("input"), values)
        message = Msg("files.problem.unknown_value", got=e.got, hint=hint, values=", ".join(values))
        return e.where, message
    expected = e.ctx.get("expected") or Msg("files.problem.allowed")
    return e.where, Msg("files.problem.expected_got", expected=expected, got=e.got)


def _pattern(e: _Error) -> tuple[str, str]:
    message = _pattern_phrase(str(e.ctx.get("pattern", "")))
    key = "files.problem.invalid_key" if e.key_error else "files.problem.got"
    return e.where, Msg(key, message=message, got=e.got)


def _number(e: _Error) -> tuple[str, str]:
    bounds = _bounds(e.spot)
    number = (
        Msg("files.problem.an_integer")
        if e.kind.startswith("int")
        else _kind_of_number(e.spot and e.spot.annotation)
    )
    if bounds:
        message = Msg("files.problem.expected_bounded", number=number, bounds=bounds, got=e.got)
        return e.where, message
    return e.where, Msg("files.problem.expected_got", expected=number, got=e.got)


def _bounded(e: _Error) -> tuple[str, str]:
    number = _kind_of_number(e.spot.annotation) if e.spot else Msg("files.problem.a_number")
    bounds = _bounds(e.spot) or _refused(str(e.raw["msg"]).lower())
    return e.where, Msg("files.problem.expected_bounded", number=number, bounds=bounds, got=e.got)


def _too_short_text(e: _Error) -> tuple[str, str]:
    if e.ctx.get("min_length") == 1:
        return e.where, Msg("files.problem.not_empty")
    return e.where, Msg("files.problem.too_short", n=e.ctx.get("min_length"))


def _too_long_text(e: _Error) -> tuple[str, str]:
    value = e.raw.get("input")
    length = len(value) if isinstance(value, str) else "?"
    return e.where, Msg("files.problem.too_long", length=length, n=e.ctx.get("max_length"))


def _few_items(e: _Error) -> tuple[str, str]:
    message = _items("files.problem.min_items", e.ctx.get("min_length"), e.ctx.get("actual_length"))
    return e.where, message


def _many_items(e: _Error) -> tuple[str, str]:
    message = _items("files.problem.max_items", e.ctx.get("max_length"), e.ctx.get("actual_length"))
    return e.where, message


def _value(e: _Error) -> tuple[str, str]:
    return e.where, _refused(str(e.raw["msg"]).removeprefix("Value error, "))


def _assertion(e: _Error) -> tuple[str, str]:
    return e.where, _refused(str(e.raw["msg"]).removeprefix("Assertion failed, "))


_PHRASES: dict[str, Callable[[_Error], tuple[str, str]]] = {
    "missing": _missing,
    "extra_forbidden": _extra,
    "literal_error": _literal,
    "string_pattern_mismatch": _pattern,
    **dict.fromkeys(
        ("int_type", "int_parsing", "int_from_float", "float_type", "float_parsing"), _number
    ),
    **dict.fromkeys(
        ("greater_than_equal", "less_than_equal", "greater_than", "less_than"), _bounded
    ),
    "string_too_short": _too_short_text,
    "string_too_long": _too_long_text,
    "too_short": _few_items,
    "too_long": _many_items,
    "value_error": _value,
    "assertion_error": _assertion,
}
"""How each kind of pydantic error is said (the others: :data:`_EXPECTED`, dates, and the
library's own words as a last resort)."""


def _refused(words: str) -> ForeignWords:
    """Pydantic's own words for an error the phrases above do not cover."""
    return ForeignWords("files.problem.refused", words=words)


def _items(key: str, n: object, actual: object) -> Msg:
    return Msg(key + ("_one" if n == 1 else ""), n=n, actual=actual)


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
        message: str
        if target is None:
            where, message = path_str(error["loc"]), _refused(str(error["msg"]))
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
            key = "files.problem.missing_many" if len(names) > 1 else "files.problem.missing_one"
            p = Problem(file, p.where, Msg(key, names=", ".join(f"'{n}'" for n in names)))
        out.append(p)
    return out
