"""Stage 1: load articles from files, directories and JSON Lines.

Every problem with one input becomes an :class:`~numcheck.InputError` naming the file
(and line) and the problem; the other inputs of the batch are still read.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import os
import re
import stat
import tomllib
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

import yaml
from pydantic import ValidationError

from ._columns import read_claims_csv
from ._locations import count_line_breaks
from ._models import (
    LONE_SURROGATE,
    Article,
    Claim,
    InputError,
    NumcheckError,
    Precision,
    TimeSpan,
    published_problem,
)

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".jsonl")
"""File endings read as articles; other files in a directory are passed over."""

_STANDARD_KEYS = ("id", "title", "source", "url", "published")
_FRONT_OPEN = re.compile(r"---[ \t]*\r?\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
_TOML_OPEN = re.compile(r"\+\+\+[ \t]*\r?\n")
_TOML_CLOSE = re.compile(r"^\+\+\+[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_MD_TITLE = re.compile(r"\A\s*#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


class LoadError(NumcheckError):
    """Some inputs could not be read.

    ``errors`` lists them (file and problem); ``articles`` holds everything that was read.
    """

    def __init__(self, errors: list[InputError], articles: list[Article]) -> None:
        self.errors = errors
        self.articles = articles
        super().__init__("; ".join(str(error) for error in errors))


class BadInputError(NumcheckError):
    """One input's problem, raised inside the loader and turned into an InputError."""


def load_articles(*paths: str | Path, strict: bool = True) -> list[Article]:
    """Read articles from ``.txt``/``.md`` files, directories (recursively) and ``.jsonl``.

    Text files may start with YAML front matter between ``---`` lines, or TOML between
    ``+++`` lines, holding ``id``, ``title``, ``source``, ``url`` and ``published`` (or
    ``date`` when ``published`` is absent; other keys go to ``Article.meta``); the body
    after it is kept byte for byte. With ``strict`` (the default) any unreadable
    input raises :class:`LoadError` after the whole batch was read (the error carries the
    good articles too); with ``strict=False`` each problem is a warning and is skipped.
    """
    articles, errors = read_inputs(paths)
    if errors:
        if strict:
            raise LoadError(errors, articles)
        for error in errors:
            warnings.warn(str(error), stacklevel=2)
    return articles


STDIN = "-"
"""The path that stands for standard input (one article; see :func:`read_inputs`)."""
STDIN_NAME = "<stdin>"
"""What an article read from standard input is called unless it is given a name."""


def read_inputs(
    paths: Iterable[str | Path],
    *,
    stdin: BinaryIO | None = None,
    stdin_name: str = STDIN_NAME,
) -> tuple[list[Article], list[InputError]]:
    """Read every input; return the articles and one error per unreadable input.

    With ``stdin``, the path ``-`` reads one article from it, read as a file named
    ``stdin_name`` would be (front matter, a ``.jsonl`` name for JSON Lines; its id the
    name's stem), and every error names ``stdin_name``.
    """
    articles: list[Article] = []
    errors: list[InputError] = []
    seen: dict[str, str] = {}
    stdin_read = False
    inputs: list[tuple[str, Callable[[], list[tuple[str, Article | str]]]]]
    for raw in paths:
        if stdin is not None and str(raw) == STDIN:
            if stdin_read:
                errors.append(InputError(path=stdin_name, message="'-' given twice; read once"))
                continue
            stdin_read = True
            inputs = [(stdin_name, partial(_read_stream, stdin, stdin_name))]
        else:
            inputs = [(str(file), _reader(file, problem)) for file, problem in _expand([raw])]
        for where_read, read in inputs:
            try:
                items = read()
            except Exception as exc:  # a loader bug on one file: its error; the batch goes on
                errors.append(internal_error(where_read, "reading the file", exc))
                continue
            for where, item in items:
                if isinstance(item, str):
                    errors.append(InputError(path=where, message=item))
                elif item.id in seen:
                    message = (
                        f"duplicate article id {item.id!r} (already read from {seen[item.id]})"
                    )
                    errors.append(InputError(path=where, message=message))
                else:
                    seen[item.id] = where
                    articles.append(item)
    return articles, errors


def _reader(file: Path, problem: str) -> Callable[[], list[tuple[str, Article | str]]]:
    if problem:
        return lambda: [(str(file), problem)]
    return lambda: list(_read_file(file))


def _read_stream(stream: BinaryIO, name: str) -> list[tuple[str, Article | str]]:
    """The article of a stream (standard input), named ``name`` as if it were a file."""
    try:
        return list(_read_text(Path(name), decode_bytes(stream.read())))
    except OSError as exc:
        return [(name, f"cannot read: {exc.strerror or exc}")]
    except BadInputError as exc:
        return [(name, str(exc))]


REPORT_BUGS = "the numcheck developers"
"""Where an internal error asks to be reported."""


def internal_error(where: str, doing: str, exc: BaseException) -> InputError:
    """An unexpected exception while handling one input, as that input's one-line error."""
    detail = " ".join(str(exc).split())
    if len(detail) > 200:
        detail = detail[:199] + "…"
    return InputError(
        path=where,
        message=f"internal error while {doing}: {type(exc).__name__}: {detail}; "
        f"this is a bug: please report it to {REPORT_BUGS} with the file",
    )


def _expand(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str]]:
    """Yield (file, problem) for every input; directories are walked in sorted order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_symlink() and not path.exists():
            yield path, f"dangling symbolic link (to {os.readlink(path)!r})"
        elif not path.exists():
            yield path, "no such file or directory"
        elif path.suffix.lower() not in ARTICLE_SUFFIXES:
            yield (
                path,
                f"unsupported file type {path.suffix or '(none)'!r}; expected "
                + (", ".join(ARTICLE_SUFFIXES)),
            )
        else:
            yield path, ""


def _walk(folder: Path) -> Iterator[tuple[Path, str]]:
    """The article files under ``folder`` and one problem per unreadable entry, in order.

    Hidden files and folders and files of other types are passed over; symbolic links to
    folders are not followed (no cycles). An unreadable subfolder, a dangling symbolic link
    or a FIFO named like an article is reported, never silently skipped or opened.
    """
    found: list[tuple[Path, str]] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else folder
        found.append((where, f"cannot read this folder: {exc.strerror or exc}"))

    for root, folders, files in os.walk(folder, onerror=unreadable):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in files:
            if name.startswith(".") or Path(name).suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            file = Path(root, name)
            found.append((file, _regular_file_problem(file)))
    if not found:
        found.append(
            (folder, f"no article files ({', '.join(ARTICLE_SUFFIXES)}) in this directory")
        )
    found.sort(key=lambda entry: entry[0].relative_to(folder).parts)
    yield from found


def _regular_file_problem(path: Path) -> str:
    """Why ``path`` cannot be read as a file, or "" when it is a regular file."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            return f"dangling symbolic link (to {os.readlink(path)!r})"
        return "no such file or directory"
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    return "" if stat.S_ISREG(mode) else f"not a regular file ({_kind(mode)}); not read"


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISDIR, "a directory"),
    ):
        if test(mode):
            return name
    return "not a plain file"


def read_regular_file(path: Path) -> bytes:
    """The bytes of ``path``; anything but a regular file (a FIFO, a device) is refused.

    Such files are never opened for reading (that can block for ever); the file is opened
    without blocking and checked again, so swapping it for a FIFO meanwhile is caught too.
    Raises :class:`OSError` or :class:`BadInputError`.
    """
    problem = _regular_file_problem(path)
    if problem:
        raise BadInputError(problem)
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(descriptor, "rb") as handle:
        mode = os.fstat(handle.fileno()).st_mode
        if not stat.S_ISREG(mode):
            raise BadInputError(f"not a regular file ({_kind(mode)}); not read")
        return handle.read()


def _read_file(path: Path) -> Iterator[tuple[str, Article | str]]:
    where = str(path)
    try:
        yield from _read_text(path, decode_bytes(read_regular_file(path)))
    except OSError as exc:
        yield where, f"cannot read: {exc.strerror or exc}"
    except BadInputError as exc:
        yield where, str(exc)


def _read_text(path: Path, text: str) -> Iterator[tuple[str, Article | str]]:
    """The articles of a file's text: JSON Lines by its name, else one text article."""
    if path.suffix.lower() == ".jsonl":
        yield from _read_jsonl(path, text)
        return
    yield str(path), _parse_text_article(path, text)


def decode_bytes(data: bytes) -> str:
    if not data.strip():
        raise BadInputError("empty file")
    if b"\x00" in data:
        raise BadInputError("binary file (contains NUL bytes), not a text article")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        byte = data[exc.start]
        raise BadInputError(
            f"not valid UTF-8 (byte 0x{byte:02X} at offset {exc.start}; "
            "Latin-1 or Windows-1252?): convert it, e.g. iconv -f latin1 -t utf-8"
        ) from None


MAX_FRONT_MATTER = 64 * 1024
"""The largest front matter read, in bytes of UTF-8 (metadata, not content)."""
MAX_DEPTH = 64
"""The deepest nesting of lists and mappings read from front matter and JSON."""
_MAX_INT_BITS = 10_000
"""Larger integers (about 3,000 digits) are refused: Python cannot even print them."""


def _parse_text_article(path: Path, text: str) -> Article:
    meta: dict[str, Any] = {}
    body = text
    body_line = 1
    for opens, closes, fence, read in (
        (_FRONT_OPEN, _FRONT_CLOSE, "---", _front_matter),
        (_TOML_OPEN, _TOML_CLOSE, "+++", _toml_front_matter),
    ):
        opening = opens.match(text)
        if opening:
            closing = closes.search(text, opening.end())
            if closing is None:
                raise BadInputError(f"front matter opened with {fence!r} on line 1 is never closed")
            meta = read(text[opening.end() : closing.start()])
            body = text[closing.end() :]
            body_line += count_line_breaks(text, 0, closing.end())
            break
    if not body.strip():
        raise BadInputError("empty article body")
    if "title" not in meta and path.suffix.lower() in (".md", ".markdown"):
        heading = _MD_TITLE.match(body)
        if heading:
            meta["title"] = heading.group(1)
    return _article(
        meta, body, default_id=path.stem, path=str(path), date_key="date", body_line=body_line
    )


class _Refused(yaml.MarkedYAMLError):
    """A YAML construct front matter does not allow."""


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader for front matter: dates stay strings (read by
    :func:`parse_published`); anchors, aliases and merge keys are refused while the
    document is composed, so alias bombs and recursive aliases cannot be built, and
    nesting deeper than :data:`MAX_DEPTH` is refused before it can exhaust the stack."""

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]  # untyped in the stubs
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _Refused(
                problem="front matter uses YAML aliases/anchors, which are not allowed",
                problem_mark=event.start_mark,
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(
                    problem=f"front matter is nested deeper than {MAX_DEPTH} levels",
                    problem_mark=event.start_mark,
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError, LookupError, AttributeError, TypeError) as exc:
            # PyYAML's constructors fail like this on malformed tagged values
            # ("!!timestamp x", "!!bool x", "!!int ''"), or on int() of 5,000 digits.
            value = node.value if isinstance(node.value, str) else ""
            shown = f" {value[:40]!r}" if value else ""
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise _Refused(
                problem=f"front matter holds a value that cannot be read as {tag}{shown}"
                + (f" ({exc})" if isinstance(exc, ValueError) and len(str(exc)) < 80 else ""),
                problem_mark=node.start_mark,
            ) from None

    def flatten_mapping(self, node: yaml.MappingNode) -> None:
        for key, _ in node.value:
            if key.tag == "tag:yaml.org,2002:merge":
                raise _Refused(
                    problem="front matter uses a YAML merge key ('<<'), which is not allowed",
                    problem_mark=key.start_mark,
                )
        super().flatten_mapping(node)


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _check_front_matter_size(source: str) -> None:
    size = len(source.encode("utf-8", "surrogatepass"))
    if size > MAX_FRONT_MATTER:
        raise BadInputError(
            f"front matter is {size:,} bytes; at most {MAX_FRONT_MATTER // 1024} KiB is read"
        )


def _toml_front_matter(source: str) -> dict[str, Any]:
    """TOML front matter between ``+++`` lines (Hugo), bounded and checked like YAML's.

    TOML dates and date-times become ISO strings (read by :func:`parse_published`);
    times of day, nesting deeper than :data:`MAX_DEPTH` and integers too large to print
    are refused.
    """
    _check_front_matter_size(source)
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        problem = str(exc).splitlines()[0] if str(exc) else "invalid TOML"
        at = _TOML_AT.search(problem)
        where = ""
        if at:
            problem = problem[: at.start()]
            where = f" (line {int(at.group(1)) + 1})"  # the '+++' line is line 1
        raise BadInputError(f"front matter is not valid TOML{where}: {problem}") from None
    except RecursionError:
        raise BadInputError(f"front matter is nested deeper than {MAX_DEPTH} levels") from None
    except ValueError as exc:  # an integer of more than 4,300 digits
        first = (str(exc).splitlines() or [type(exc).__name__])[0]
        raise BadInputError(f"front matter holds a value that cannot be read: {first}") from None
    return _plain(data, "front matter")


def _front_matter(source: str) -> dict[str, Any]:
    _check_front_matter_size(source)
    try:
        data = yaml.load(source, Loader=_FrontMatterLoader)  # a SafeLoader subclass
    except _Refused as exc:
        mark = exc.problem_mark
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise BadInputError(f"{exc.problem}{where}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise BadInputError(f"front matter is not valid YAML{where}: {problem}") from None
    except (ValueError, OverflowError, LookupError, AttributeError, TypeError) as exc:
        first = (str(exc).splitlines() or [type(exc).__name__])[0]
        raise BadInputError(f"front matter holds a value that cannot be read: {first}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise BadInputError(f"front matter must be a mapping of keys, not {type(data).__name__}")
    return _plain(data, "front matter")


def _read_jsonl(path: Path, text: str) -> Iterator[tuple[str, Article | str]]:
    for number, where, record in _json_lines(path, text):
        if isinstance(record, str):
            yield where, record
            continue
        body = record.pop("text", None)
        if not isinstance(body, str) or not body.strip():
            yield where, "missing or empty 'text'"
            continue
        try:
            yield where, _article(record, body, default_id=f"{path.stem}-{number}", path=where)
        except BadInputError as exc:
            yield where, str(exc)


def _json_lines(path: Path | str, text: str) -> Iterator[tuple[int, str, dict[str, Any] | str]]:
    """(line number, ``path:line``, JSON object or problem) per non-blank line of JSON Lines.

    Lines end at ``\\n`` only (a raw U+2028 inside a JSON string is not a line break).
    Objects nested deeper than :data:`MAX_DEPTH`, strings with lone surrogates (which
    cannot be written out as UTF-8 again) and integers too large to print are refused.
    """
    for number, line in enumerate(text.split("\n"), start=1):
        where = f"{path}:{number}"
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, where, f"not valid JSON: {exc.msg} (column {exc.colno})"
            continue
        except RecursionError:
            yield number, where, f"JSON nested deeper than {MAX_DEPTH} levels"
            continue
        except ValueError as exc:  # an integer of more than 4,300 digits
            yield number, where, f"not readable JSON: {(str(exc).splitlines() or ['?'])[0]}"
            continue
        if not isinstance(record, dict):
            yield number, where, f"expected a JSON object, got {_json_type(record)}"
            continue
        try:
            yield number, where, _plain(record, "JSON")
        except BadInputError as exc:
            yield number, where, str(exc)


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


def _plain(data: dict[Any, Any], what: str) -> dict[str, Any]:
    """A copy of parsed YAML or JSON that is safe to keep and write out as JSON.

    Keys become strings, dates ISO strings, sets lists; bytes (``!!binary``), strings
    with lone surrogates, integers too large to print and nesting deeper than
    :data:`MAX_DEPTH` raise :class:`BadInputError` naming the key.
    """

    def clean(value: Any, at: str, depth: int) -> Any:
        where = f"{what} {at!r}" if at else what
        if depth > MAX_DEPTH:
            raise BadInputError(f"{where}: nested deeper than {MAX_DEPTH} levels")
        if isinstance(value, str):
            bad = LONE_SURROGATE.search(value)
            if bad:
                raise BadInputError(
                    f"{where}: a string holds a lone surrogate (\\u{ord(bad.group()):04x}), "
                    "which is not Unicode text"
                )
            return value
        if isinstance(value, bool) or value is None or isinstance(value, float):
            return value
        if isinstance(value, int):
            if value.bit_length() > _MAX_INT_BITS:
                raise BadInputError(f"{where}: integer too large")
            return value
        if isinstance(value, dt.date):  # datetimes too
            return value.isoformat()
        if isinstance(value, dict):
            out: dict[str, Any] = {}
            for key, item in value.items():
                name = clean(key, at, depth + 1)
                name = name if isinstance(name, str) else str(name)
                out[name] = clean(item, f"{at}.{name}" if at else name, depth + 1)
            return out
        if isinstance(value, list | set | tuple):
            items = sorted(value, key=repr) if isinstance(value, set) else value
            return [clean(item, f"{at}[{i}]", depth + 1) for i, item in enumerate(items)]
        raise BadInputError(f"{where}: values of type {type(value).__name__} are not allowed")

    result: dict[str, Any] = clean(data, "", 0)
    return result


def _article(
    meta: Mapping[str, Any],
    body: str,
    *,
    default_id: str,
    path: str,
    date_key: str = "",
    body_line: int | None = None,
) -> Article:
    """An article from its metadata and body.

    ``date_key`` (``"date"`` for front matter, as Jekyll, Hugo and Eleventy write it) is
    read as the publication date when ``published`` is absent; ``published`` wins.
    """
    fields: dict[str, Any] = {"text": body, "path": path, "id": default_id}
    if body_line is not None:
        fields["body_line"] = body_line
    for key in _STANDARD_KEYS:
        value = meta.get(key)
        if key == "published" and value is None and date_key:
            key, value = date_key, meta.get(date_key)
        if value is None:
            continue
        if key in ("published", date_key):
            day_and_precision = parse_published(value, key=key)
            fields["published"], fields["published_precision"] = day_and_precision
        elif isinstance(value, str | int | float) and not isinstance(value, bool):
            fields[key] = str(value).strip()
        else:
            kind = type(value).__name__
            raise BadInputError(f"front matter {key!r} must be a string, not {kind}")
    if not fields["id"]:
        raise BadInputError("article id is empty")
    fields["meta"] = {key: value for key, value in meta.items() if key not in _STANDARD_KEYS}
    try:
        return Article(**fields)
    except ValidationError as exc:  # pragma: no cover - fields are checked above
        raise BadInputError(f"invalid article metadata: {exc.errors()[0]['msg']}") from None


_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def parse_published(value: Any, *, key: str = "published") -> tuple[dt.date, Precision]:
    """Read a publication date: a date, ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ISO time,
    or a date in words or RFC 2822 (see :func:`_worded_date`).

    A date with a time (``2024-01-15 10:30:00 +0100``) is the day as written, whatever
    the offset. ``key`` names the field in error messages.

    >>> parse_published("2021-03")
    (datetime.date(2021, 3, 1), 'month')
    >>> parse_published("2024-01-15 10:30:00 +0100")
    (datetime.date(2024, 1, 15), 'day')
    """
    day, precision = _read_published(value, key)
    problem = published_problem(day)
    if problem:
        raise BadInputError(f"front matter {key!r}: {problem}")
    return day, precision


def _read_published(value: Any, key: str) -> tuple[dt.date, Precision]:
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    if isinstance(value, dt.date):
        return value, "day"
    if isinstance(value, bool) or not isinstance(value, str | int):
        kind = "null" if value is None else type(value).__name__
        raise BadInputError(f"front matter {key!r} must be a date, not {kind}")
    if isinstance(value, int) and not -(10**8) < value < 10**8:
        raise BadInputError(f"front matter {key!r}: not a date (a very large number)")
    text = str(value).strip()
    try:
        if "T" in text or " " in text:
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date(), "day"
        match = _PARTIAL_DATE.fullmatch(text)
        if match:
            year, month, day = match.groups()
            if day:
                return dt.date(int(year), int(month), int(day)), "day"
            if month:
                return dt.date(int(year), int(month), 1), "month"
            return dt.date(int(year), 1, 1), "year"
    except ValueError:
        pass
    worded = _worded_date(text)
    if worded is not None:
        return worded
    raise BadInputError(
        f"front matter {key!r}: cannot read {text!r} as a date (use YYYY-MM-DD, YYYY-MM or YYYY)"
    )


_MONTHS = {
    name: number
    for number, full in enumerate(
        (
            "january february march april may june july august september october november december"
        ).split(),
        start=1,
    )
    for name in (full, full[:3])
} | {"sept": 9}
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_MONTH_FIRST = re.compile(
    _WEEKDAY + rf"(?P<month>[a-z]+)\.?\s+(?P<day>\d{{1,2}}){_ORDINAL},?\s+(?P<year>\d{{4}})",
    re.IGNORECASE,
)
_DAY_FIRST = re.compile(
    _WEEKDAY + rf"(?P<day>\d{{1,2}}){_ORDINAL}\s+(?P<month>[a-z]+)\.?,?\s+(?P<year>\d{{4}})",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(r"(?P<month>[a-z]+)\.?,?\s+(?P<year>\d{4})", re.IGNORECASE)
_RFC_2822 = re.compile(
    r"(?:[a-z]{3},\s*)?\d{1,2}\s+[a-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s+(?:[+-]\d{4}|[a-z]{1,5}))?",
    re.IGNORECASE,
)


def _worded_date(text: str) -> tuple[dt.date, Precision] | None:
    """A date as newsrooms and feeds write it, or None.

    "January 15, 2024", "Jan. 15, 2024", "15 January 2024", "Monday, January 15, 2024"
    (day precision), "January 2024" (month precision), and RFC 2822 as in RSS feeds
    ("Mon, 15 Jan 2024 10:30:00 +0000": the day as written, whatever the offset).
    """
    text = " ".join(text.split())
    try:
        for pattern in (_MONTH_FIRST, _DAY_FIRST):
            match = pattern.fullmatch(text)
            if match and match["month"].lower() in _MONTHS:
                month = _MONTHS[match["month"].lower()]
                return dt.date(int(match["year"]), month, int(match["day"])), "day"
        match = _MONTH_YEAR.fullmatch(text)
        if match and match["month"].lower() in _MONTHS:
            return dt.date(int(match["year"]), _MONTHS[match["month"].lower()], 1), "month"
        if _RFC_2822.fullmatch(text):
            return email.utils.parsedate_to_datetime(text).date(), "day"
    except (ValueError, TypeError, OverflowError):
        pass
    return None


_CLAIM_FIELDS = frozenset(Claim.model_fields)
_TIME_FIELDS = frozenset(TimeSpan.model_fields)


def read_claims(
    paths: Iterable[str | Path],
) -> tuple[list[Claim], list[InputError], list[str]]:
    """Read ``--claims`` files: JSON Lines, one object in the Claim schema per line, or
    CSV (a file ending ``.csv``) with a header row of flat column names (see
    :mod:`numcheck._columns`).

    Returns the claims, one error per unreadable file or line (``file:line``), and one
    warning per unknown field (``file:line: unknown field 'foo' ignored``) or CSV column.
    ``null`` (an empty CSV cell) means unknown: a field that cannot be null takes its
    default (``sentence`` ``""``); a ``time`` with dates and no ``basis`` is ``explicit``.
    """
    claims: list[Claim] = []
    errors: list[InputError] = []
    notes: list[str] = []
    for name in paths:
        path = Path(name)
        try:
            text = decode_bytes(read_regular_file(path))
        except OSError as exc:
            errors.append(InputError(path=str(name), message=f"cannot read: {exc.strerror or exc}"))
            continue
        except BadInputError as exc:
            errors.append(InputError(path=str(name), message=str(exc)))
            continue
        if path.suffix.lower() == ".csv":
            more, bad, warned = read_claims_csv(str(name), text)
            claims += more
            errors += bad
            notes += warned
            continue
        for _, where, record in _json_lines(name, text):
            if isinstance(record, str):
                errors.append(InputError(path=where, message=record))
                continue
            notes += [f"{where}: unknown field {field!r} ignored" for field in _unknown(record)]
            try:
                claims.append(Claim.model_validate(record))
            except ValidationError as exc:
                first = exc.errors()[0]
                field = ".".join(str(p) for p in first["loc"]) or "claim"
                message = f"not a valid Claim: {field}: {' '.join(first['msg'].split())}"
                errors.append(InputError(path=where, message=message))
    return claims, errors, notes


def _unknown(record: Mapping[str, Any]) -> list[str]:
    """The fields of a claim record (and of its ``time``) that the schema does not have."""
    unknown = [field for field in record if field not in _CLAIM_FIELDS]
    time = record.get("time")
    if isinstance(time, Mapping):
        unknown += [f"time.{field}" for field in time if field not in _TIME_FIELDS]
    return unknown
