"""Reading YAML and JSON documents that may be hostile, and writing them back.

Decks and workshop files come from people: a facilitator's laptop, an e-mail attachment,
an upload. Before anything is validated, :func:`read_document` refuses, with the file and
a line/column where it can:

- files over :data:`MAX_FILE_BYTES` (checked before reading),
- binary content (a NUL byte), UTF-16, bytes that are not UTF-8, control characters,
- YAML syntax errors, several documents in one file, custom tags (``!!python/…``),
- duplicate mapping keys (YAML and JSON),
- nesting deeper than :data:`MAX_DEPTH`,
- documents whose aliases (``*name``) expand beyond :data:`MAX_NODES` values (the "billion
  laughs" attack: a few lines that PyYAML would happily turn into an exponential tree
  once something walks it), and recursive aliases.

Speed: libyaml (PyYAML's C parser) scans the text, and a plain document — the common case —
is built straight from its events under the same checks (:func:`_build_plain`); anything
unusual (tags, merge keys, repeated keys, suspicious aliases) is read again by the guarded
Python composer, which words every refusal.

YAML is read as YAML 1.2 reads booleans: only ``true``/``false``, so ``country: NO`` stays
the text ``"NO"``. Files ending in ``.json`` are read as strict JSON.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentEndEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _CParser = None  # type: ignore[assignment, misc]

from selfdata.files.problems import FileFormatError, ForeignWords, Msg, Problem

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Largest file accepted (5 MB): a large workshop file weighs well under 1 MB."""
MAX_DEPTH = 20
"""Deepest nesting of lists and mappings accepted (our formats need 7)."""
MAX_NODES = 250_000
"""Most values (mappings, lists, keys and scalars) a document may hold, aliases expanded.

A 40-participant workshop with ten scenarios rated on ten criteria holds about 40,000.
Counted while composing, so a file of millions of tiny values stops early."""
REPARSE_BYTES = 1024 * 1024
"""Syntax errors in files up to this size are worded by the pure-Python parser."""


class _DocumentError(Exception):
    def __init__(self, message: str, mark: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


_YAML12_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


def _yaml12_resolvers() -> dict[Any, list[tuple[str, Any]]]:
    """SafeLoader's implicit types, with YAML 1.2 booleans (no yes/no/on/off)."""
    bool_tag = "tag:yaml.org,2002:bool"
    table = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != bool_tag]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    for first in "tTfF":
        table.setdefault(first, []).append((bool_tag, _YAML12_BOOL))
    return {k: v for k, v in table.items() if v}


class _Guards:
    """Composer and constructor checks shared by both loaders below: no over-deep
    nesting (checked while composing, before Python's recursion limit), no duplicate key."""

    yaml_implicit_resolvers = _yaml12_resolvers()
    _depth = 0
    _nodes = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()  # type: ignore[attr-defined]
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise _DocumentError(
                Msg("files.problem.too_many_values", n=MAX_NODES), event.start_mark
            )
        if not isinstance(event, CollectionStartEvent):
            return super().compose_node(parent, index)  # type: ignore[misc, no-any-return]
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _DocumentError(Msg("files.problem.too_deep", n=MAX_DEPTH), event.start_mark)
            return super().compose_node(parent, index)  # type: ignore[misc, no-any-return]
        finally:
            self._depth -= 1

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[str, Any] = {}
        for key_node, _ in node.value:
            if isinstance(key_node, ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                first = seen.get(key_node.value)
                if first is not None:
                    raise _DocumentError(
                        Msg(
                            "files.problem.duplicate_key_at",
                            key=key_node.value,
                            line=first.line + 1,
                        ),
                        key_node.start_mark,
                    )
                seen[key_node.value] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)  # type: ignore[misc, no-any-return]


class _PureLoader(_Guards, yaml.SafeLoader):
    """Pure-Python loader: slower, but its error messages are the ones we word."""


_FastLoader: Any = None
if _CParser is not None:  # pragma: no branch - libyaml ships in the PyYAML wheels

    class _CLoader(_Guards, Composer, _CParser, SafeConstructor, Resolver):
        """libyaml's scanner and parser (5x faster) under our Python composer."""

        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            Composer.__init__(self)

    _FastLoader = _CLoader


def _expanded_size(root: Node) -> None:
    """Refuse documents whose aliases expand too far, or loop back on themselves."""
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    in_progress: set[int] = set()
    # Iterative post-order walk over the node graph, memoised on node identity, so shared
    # (aliased) nodes are visited once however often they are referenced.
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            in_progress.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in children)
            depth[key] = (1 + max((depth[id(c)] for c in children), default=0)) if children else 0
            if size[key] > MAX_NODES:
                raise _DocumentError(
                    Msg("files.problem.alias_bomb", n=MAX_NODES),
                    node.start_mark,
                )
            if depth[key] > MAX_DEPTH:
                raise _DocumentError(
                    Msg("files.problem.too_deep_aliases", n=MAX_DEPTH), node.start_mark
                )
            continue
        if key in size:
            continue
        if key in in_progress:
            raise _DocumentError(Msg("files.problem.recursive_alias"), node.start_mark)
        in_progress.add(key)
        stack.append((node, True))
        for child in children:
            if id(child) in in_progress:
                raise _DocumentError(Msg("files.problem.recursive_alias"), child.start_mark)
            if id(child) not in size:
                stack.append((child, False))


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [n for pair in node.value for n in pair]
    return []


MAX_VALUE_SHOWN = 40
"""Characters of a refused value quoted in its problem line."""


def _bad_value(text: str | None, exc: Exception) -> str:
    """One short line for a value that cannot be read: the value cut to
    :data:`MAX_VALUE_SHOWN` characters, and a number too long said as such (Python's own
    message for it quotes the digits' limit and a programmer's hint)."""
    shown = "" if text is None else f" {_cut(text)!r}"
    if "integer string conversion" in str(exc):
        if text is None:
            return Msg("files.problem.number_too_long", shown=shown)
        return Msg("files.problem.number_too_long_digits", shown=shown, n=len(text))
    detail = str(exc)
    plain = (
        Msg(_DATE_PHRASES[detail])
        if detail in _DATE_PHRASES
        else ForeignWords("files.problem.value_other", words=_cut(detail))
    )
    return Msg("files.problem.bad_value", shown=shown, detail=plain)


_DATE_PHRASES = {
    "month must be in 1..12": "files.problem.date.month",
    "day is out of range for month": "files.problem.date.day",
    "hour must be in 0..23": "files.problem.date.hour",
    "minute must be in 0..59": "files.problem.date.minute",
    "second must be in 0..59": "files.problem.date.second",
}
"""Python's words for an impossible date, as catalogue messages (the same English)."""


def _cut(text: str) -> str:
    return text if len(text) <= MAX_VALUE_SHOWN else text[: MAX_VALUE_SHOWN - 1] + "…"


def _line_col(data: bytes | str, offset: int) -> tuple[int, int]:
    newline: Any = b"\n" if isinstance(data, bytes) else "\n"
    line = data.count(newline, 0, offset) + 1
    column = offset - (data.rfind(newline, 0, offset) + 1) + 1
    return line, column


def decode_text(data: bytes, file: str) -> str:
    """Strict UTF-8 text of ``data``, or a :class:`FileFormatError` saying why not."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileFormatError([Problem(file, "", Msg("files.problem.utf16"))])
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _line_col(data, nul)
        raise FileFormatError(
            [
                Problem(
                    file,
                    "",
                    Msg("files.problem.binary"),
                    line,
                    col,
                )
            ]
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        byte = data[exc.start]
        raise FileFormatError(
            [
                Problem(
                    file,
                    "",
                    Msg("files.problem.not_utf8", byte=byte),
                    line,
                    col,
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")


def read_bytes(path: Path, file: str | None = None) -> bytes:
    """The file's bytes, refusing directories, missing files and files over the size limit."""
    name = file if file is not None else str(path)
    try:
        if path.is_dir():
            raise FileFormatError([Problem(name, "", Msg("files.problem.directory"))])
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FileFormatError([too_large(name, size)])
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise FileFormatError([Problem(name, "", Msg("files.problem.not_found"))]) from None
    except OSError as exc:
        raise FileFormatError(
            [Problem(name, "", Msg("files.problem.unreadable", detail=_system(exc)))]
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise FileFormatError([too_large(name, len(data))])
    return data


def too_large(name: str, size: int) -> Problem:
    mb = MAX_FILE_BYTES / 1024 / 1024
    return Problem(name, "", Msg("files.problem.too_large", size=size / 1024 / 1024, limit=mb))


def parse_text(text: str, file: str, *, json_syntax: bool = False) -> Any:
    """Parse a YAML (or, with ``json_syntax``, strict JSON) text under the guards above."""
    if not text.strip():
        raise FileFormatError([Problem(file, "", Msg("files.problem.empty"))])
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise FileFormatError([too_large(file, len(text.encode("utf-8")))])
    try:
        data = _parse_json(text) if json_syntax else _parse_yaml(text)
    except _PARSE_ERRORS as exc:
        raise FileFormatError([_parse_problem(exc, text, file)]) from None
    if data is None:
        raise FileFormatError([Problem(file, "", Msg("files.problem.empty"))])
    return data


_PARSE_ERRORS = (
    _DocumentError,
    json.JSONDecodeError,
    yaml.YAMLError,
    ValueError,
    OverflowError,
    RecursionError,
)


def _parse_problem(exc: BaseException, text: str, file: str) -> Problem:
    """The problem a parser's error is told as (in the order of the classes: a JSON error is
    a ValueError, a reader's error a YAML one)."""
    if isinstance(exc, _DocumentError):
        mark = exc.mark
        if mark is None:
            return Problem(file, "", exc.message)
        return Problem(file, "", exc.message, mark.line + 1, mark.column + 1)
    if isinstance(exc, json.JSONDecodeError):
        detail = _plain_json(exc.msg)
        return Problem(
            file, "", Msg("files.problem.invalid_json", detail=detail), exc.lineno, exc.colno
        )
    if isinstance(exc, yaml.reader.ReaderError):
        line, col = _line_col(text, exc.position)
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        return Problem(file, "", Msg("files.problem.control", code=ord(char)), line, col)
    if isinstance(exc, yaml.MarkedYAMLError):
        return _yaml_problem(file, exc)
    if isinstance(exc, yaml.YAMLError):
        return Problem(file, "", Msg("files.problem.invalid_yaml", detail=_plain_yaml(str(exc))))
    if isinstance(exc, ValueError | OverflowError):  # a date like 2019-13-45, a huge number
        return Problem(file, "", _bad_value(None, exc))
    return Problem(file, "", Msg("files.problem.too_deep", n=MAX_DEPTH))  # RecursionError


def _parse_yaml(text: str) -> Any:
    if _FastLoader is not None:
        try:
            return _build_plain(text)
        except _Unusual:
            pass  # anchors, tags, merge keys…: the guarded composer below reads those
        except yaml.YAMLError:
            if len(text) > REPARSE_BYTES:
                raise
            return _load_with(_PureLoader, text)  # words syntax errors better
        try:
            return _load_with(_FastLoader, text)
        except yaml.YAMLError:
            if len(text) > REPARSE_BYTES:
                raise
            # Read again below: the pure-Python parser words syntax errors better.
    return _load_with(_PureLoader, text)


class _Unusual(Exception):
    """Something :func:`_build_plain` leaves to the guarded composer and constructor."""


class _Yaml12Resolver(Resolver):
    yaml_implicit_resolvers = _Guards.yaml_implicit_resolvers


_PLAIN = (True, False)
_STR_TAG = "tag:yaml.org,2002:str"


def _build_plain(text: str) -> Any:
    """The document of ``text`` built straight from libyaml's events, under the guards.

    The common case — mappings, lists and scalars with no anchor, alias, tag, merge key,
    non-text key nor repeated key — is built in one pass over the C parser's events, about
    4x faster than composing nodes and constructing them in Python (the demo workshop:
    0.95 s -> 0.2 s; ``bench/files.py``). Depth and the number of values are checked on
    the same events, in the same order, as :class:`_Guards` does, so the same file stops at
    the same line:column. Anything else raises :class:`_Unusual` and is read again by the
    guarded composer, which words it exactly as before (aliases are measured there).
    """
    parser = _CParser(text)
    try:
        return _build_events(parser.get_event)
    finally:
        parser.dispose()


class _Frame:
    """An open mapping or list while :func:`_build_events` reads its items."""

    __slots__ = ("anchor", "container", "height", "keys", "pending", "size")

    def __init__(self, container: Any, keys: set[str] | None, anchor: str | None) -> None:
        self.container = container
        self.keys = keys  # raw keys seen so far; None for a list
        self.pending: Any = _NO_KEY  # a mapping's key waiting for its value
        self.size = 1  # values inside, aliases expanded (as _expanded_size counts)
        self.height = 0  # levels below, aliases expanded (as _expanded_size counts)
        self.anchor = anchor


_NO_KEY = object()


def _build_events(next_event: Any) -> Any:  # noqa: C901, PLR0912, PLR0915 — see below
    # One loop over libyaml's events, kept whole on purpose: it runs once per value of a
    # workshop file (up to MAX_NODES), and it is the fast path the guarded composer must
    # agree with line for line (LONG_MODULES in tests/unit/test_architecture.py says why).
    resolver = _Yaml12Resolver()
    constructor = SafeConstructor()
    plain: dict[str, Any] = {}  # plain scalar text -> its value, within this document
    bad: list[_DocumentError] = []
    anchors: dict[str, tuple[Any, int, int]] = {}  # name -> (value, size, height)
    open_anchors: set[str] = set()

    def value_of(event: ScalarEvent) -> Any:
        if event.implicit != _PLAIN:
            return event.value  # quoted or block text: always a text
        text = event.value
        if text in plain:
            return plain[text]
        tag = resolver.resolve(ScalarNode, text, _PLAIN)  # type: ignore[no-untyped-call]
        if tag == _STR_TAG:
            value: Any = text
        else:
            make = SafeConstructor.yaml_constructors.get(tag)
            if make is None:
                raise _Unusual  # '<<' and '=' and the like
            try:
                value = make(constructor, ScalarNode(tag, text))
            except (ValueError, OverflowError) as exc:
                # Reported once the whole document is known to be within the guards.
                bad.append(_DocumentError(_bad_value(text, exc), event.start_mark))
                return None
        plain[text] = value
        return value

    next_event()  # stream start
    if type(next_event()) is StreamEndEvent:
        return None  # no document at all (comments only)
    nodes = 0
    frames: list[_Frame] = []
    root: Any = None
    while True:
        event = next_event()
        kind = type(event)
        size, height = 1, 0
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            frame = frames.pop()
            value, size = frame.container, frame.size
            height = frame.height + 1 if size > 1 else 0
            if frame.anchor is not None:
                anchors[frame.anchor] = (value, size, height)
                open_anchors.discard(frame.anchor)
            if size > MAX_NODES or height > MAX_DEPTH:
                raise _Unusual  # grown through aliases: measured and worded by _expanded_size
            if not frames:
                root = value
                break
            parent = frames[-1]
            parent.size += size
            parent.height = max(parent.height, height)
            continue
        if kind is DocumentEndEvent:
            break
        nodes += 1
        if nodes > MAX_NODES:
            raise _DocumentError(
                Msg("files.problem.too_many_values", n=MAX_NODES), event.start_mark
            )
        top = frames[-1] if frames else None
        awaiting_key = top is not None and top.keys is not None and top.pending is _NO_KEY
        if kind is AliasEvent:
            name = event.anchor
            if awaiting_key or name not in anchors or name in open_anchors:
                raise _Unusual  # an alias key, an unknown or a recursive alias
            value, size, height = anchors[name]
        else:
            if event.tag is not None:
                raise _Unusual  # explicit tags: refused or read by the guarded constructor
            anchor = event.anchor
            if anchor is not None and (anchor in anchors or anchor in open_anchors):
                raise _Unusual  # an anchor defined twice
            if kind is ScalarEvent:
                value = value_of(event)
                if anchor is not None:
                    anchors[anchor] = (value, 1, 0)
                if awaiting_key:
                    assert top is not None and top.keys is not None
                    if event.value in top.keys:
                        raise _Unusual  # a repeated key: worded by the guarded constructor
                    top.keys.add(event.value)
                    top.pending = value
                    continue
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if awaiting_key:
                    raise _Unusual  # a list or mapping used as a key
                if len(frames) + 1 > MAX_DEPTH:
                    raise _DocumentError(
                        Msg("files.problem.too_deep", n=MAX_DEPTH), event.start_mark
                    )
                mapping = kind is MappingStartEvent
                frame = _Frame({} if mapping else [], set() if mapping else None, anchor)
                if anchor is not None:
                    open_anchors.add(anchor)
                if top is not None:
                    _attach(top, frame.container)
                frames.append(frame)
                continue
            else:
                raise _Unusual
        if top is None:
            root = value
            break
        # _attach, inlined: this line runs once per value of the document.
        if top.keys is None:
            top.container.append(value)
        else:
            try:
                top.container[top.pending] = value
            except TypeError:
                raise _Unusual from None  # an unhashable key
            top.pending = _NO_KEY
        top.size += size
        if height > top.height:
            top.height = height
    if kind is not DocumentEndEvent:
        next_event()  # document end
    if type(next_event()) is not StreamEndEvent:
        raise _Unusual  # several documents: worded by the guarded composer
    if bad:
        raise bad[0]
    return root


def _attach(frame: _Frame, value: Any) -> None:
    if frame.keys is None:
        frame.container.append(value)
        return
    try:
        frame.container[frame.pending] = value
    except TypeError:
        raise _Unusual from None  # an unhashable key
    frame.pending = _NO_KEY


def _load_with(loader_class: Any, text: str) -> Any:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _expanded_size(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _reject_constant(name: str) -> Any:
    raise _DocumentError(Msg("files.problem.json_constant", name=name))


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DocumentError(Msg("files.problem.duplicate_key", key=key))
        out[key] = value
    return out


def _parse_json(text: str) -> Any:
    data = json.loads(text, object_pairs_hook=_json_object, parse_constant=_reject_constant)
    _check_depth(data)
    return data


def _check_depth(data: Any) -> None:
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        children = (
            value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        )
        if not children:
            continue
        if depth > MAX_DEPTH:
            raise _DocumentError(Msg("files.problem.too_deep", n=MAX_DEPTH))
        stack.extend((c, depth + 1) for c in children)


def _yaml_problem(file: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "invalid YAML"
    if "cannot start any token" in problem and "'\\t'" in problem:
        problem = Msg("files.problem.tab")
    elif "could not determine a constructor for the tag" in problem:
        tag = problem.rsplit(" ", 1)[-1]
        problem = Msg("files.problem.tag", tag=tag)
    elif "expected a single document" in (exc.context or ""):
        problem = Msg("files.problem.several_documents")
    else:
        problem = Msg("files.problem.invalid_yaml", detail=_plain_yaml(problem))
    if mark is None:
        return Problem(file, "", problem)
    return Problem(file, "", problem, mark.line + 1, mark.column + 1)


_YAML_PHRASES = (
    ("expected <block end>, but found", "files.problem.yaml.indent"),
    ("mapping values are not allowed here", "files.problem.yaml.colon"),
    ("could not find expected ':'", "files.problem.yaml.no_colon"),
    ("found unexpected end of stream", "files.problem.yaml.in_quotes"),
    ("but found '<stream end>'", "files.problem.yaml.too_early"),
    ("but got '<stream end>'", "files.problem.yaml.too_early"),
    ("found undefined alias", "files.problem.yaml.undefined_alias"),
    ("found unhashable key", "files.problem.yaml.unhashable_key"),
    ("YAML directive", "files.problem.yaml.directive"),
    ("that cannot start any token", "files.problem.yaml.character"),
)


_JSON_PHRASES = {
    "Expecting property name enclosed in double quotes": "files.problem.json.name",
    "Expecting value": "files.problem.json.value",
    "Expecting ',' delimiter": "files.problem.json.comma",
    "Expecting ':' delimiter": "files.problem.json.colon",
    "Unterminated string starting at": "files.problem.json.string",
    "Extra data": "files.problem.json.extra",
    "Invalid control character at": "files.problem.json.control",
}


def _plain_json(problem: str) -> str:
    """The standard library's JSON message as a catalogue message (the same English)."""
    key = _JSON_PHRASES.get(problem)
    return Msg(key) if key else ForeignWords("files.problem.json.other", words=problem)


def _plain_yaml(problem: str) -> str:
    """PyYAML's message as a catalogue message (the same English); one it has no phrase for
    stays PyYAML's in English, and is a general phrase in another language."""
    return next(
        (Msg(key) for raw, key in _YAML_PHRASES if raw in problem),
        ForeignWords("files.problem.yaml.other", words=problem),
    )


def _system(exc: OSError) -> str:
    """The system's words for a file it will not read (English), or a general phrase."""
    return ForeignWords("files.problem.system", words=exc.strerror or str(exc))


def read_document(path: Path, file: str | None = None) -> Any:
    """Parse a YAML or JSON file safely; ``file`` is the name used in messages."""
    name = file if file is not None else str(path)
    text = decode_text(read_bytes(path, name), name)
    return parse_text(text, name, json_syntax=path.suffix.lower() == ".json")


class _PlainDumper(yaml.SafeDumper):
    """Writes no anchors or aliases: our reader would not need them, people might trip."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_yaml(data: Any) -> str:
    """YAML text for ``data`` (plain types), keys in the given order, UTF-8 kept readable."""
    return yaml.dump(
        data,
        Dumper=_PlainDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
