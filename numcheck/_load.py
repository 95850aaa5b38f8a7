"""Stage 1: load articles from files, directories and JSON Lines.

Every problem with one input becomes an :class:`~numcheck.InputError` naming the file
(and line) and the problem; the other inputs of the batch are still read.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ._models import Article, InputError, NumcheckError, Precision

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".jsonl")
"""File endings read as articles; other files in a directory are passed over."""

_STANDARD_KEYS = ("id", "title", "source", "url", "published")
_FRONT_OPEN = re.compile(r"---[ \t]*\r?\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
_MD_TITLE = re.compile(r"\A\s*#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


class LoadError(NumcheckError):
    """Some inputs could not be read.

    ``errors`` lists them (file and problem); ``articles`` holds everything that was read.
    """

    def __init__(self, errors: list[InputError], articles: list[Article]) -> None:
        self.errors = errors
        self.articles = articles
        super().__init__("; ".join(str(error) for error in errors))


class BadInputError(Exception):
    """One input's problem, raised inside the loader and turned into an InputError."""


def load_articles(*paths: str | Path, strict: bool = True) -> list[Article]:
    """Read articles from ``.txt``/``.md`` files, directories (recursively) and ``.jsonl``.

    Text files may start with YAML front matter between ``---`` lines holding ``id``,
    ``title``, ``source``, ``url`` and ``published`` (other keys go to ``Article.meta``);
    the body after it is kept byte for byte. With ``strict`` (the default) any unreadable
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


def read_inputs(paths: Iterable[str | Path]) -> tuple[list[Article], list[InputError]]:
    """Read every input; return the articles and one error per unreadable input."""
    articles: list[Article] = []
    errors: list[InputError] = []
    seen: dict[str, str] = {}
    for file, problem in _expand(paths):
        if problem:
            errors.append(InputError(path=str(file), message=problem))
            continue
        for where, item in _read_file(file):
            if isinstance(item, str):
                errors.append(InputError(path=where, message=item))
            elif item.id in seen:
                message = f"duplicate article id {item.id!r} (already read from {seen[item.id]})"
                errors.append(InputError(path=where, message=message))
            else:
                seen[item.id] = where
                articles.append(item)
    return articles, errors


def _expand(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str]]:
    """Yield (file, problem) for every input; directories are walked in sorted order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in ARTICLE_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                yield path, f"no article files ({', '.join(ARTICLE_SUFFIXES)}) in this directory"
            for file in found:
                yield file, ""
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


def _read_file(path: Path) -> Iterator[tuple[str, Article | str]]:
    where = str(path)
    try:
        text = decode_bytes(path.read_bytes())
        if path.suffix.lower() == ".jsonl":
            yield from _read_jsonl(path, text)
            return
        yield where, _parse_text_article(path, text)
    except OSError as exc:
        yield where, f"cannot read: {exc.strerror or exc}"
    except BadInputError as exc:
        yield where, str(exc)


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


def _parse_text_article(path: Path, text: str) -> Article:
    meta: dict[str, Any] = {}
    body = text
    opening = _FRONT_OPEN.match(text)
    if opening:
        closing = _FRONT_CLOSE.search(text, opening.end())
        if closing is None:
            raise BadInputError("front matter opened with '---' on line 1 is never closed")
        meta = _front_matter(text[opening.end() : closing.start()])
        body = text[closing.end() :]
    if not body.strip():
        raise BadInputError("empty article body")
    if "title" not in meta and path.suffix.lower() in (".md", ".markdown"):
        heading = _MD_TITLE.match(body)
        if heading:
            meta["title"] = heading.group(1)
    return _article(meta, body, default_id=path.stem, path=str(path))


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader, keeping dates as strings (read by :func:`parse_published`)."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _front_matter(source: str) -> dict[str, Any]:
    try:
        data = yaml.load(source, Loader=_FrontMatterLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise BadInputError(f"front matter is not valid YAML{where}: {problem}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise BadInputError(f"front matter must be a mapping of keys, not {type(data).__name__}")
    return {str(key): value for key, value in data.items()}


def _read_jsonl(path: Path, text: str) -> Iterator[tuple[str, Article | str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        where = f"{path}:{number}"
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield where, f"not valid JSON: {exc.msg} (column {exc.colno})"
            continue
        if not isinstance(record, dict):
            yield where, f"expected a JSON object, got {type(record).__name__}"
            continue
        body = record.pop("text", None)
        if not isinstance(body, str) or not body.strip():
            yield where, "missing or empty 'text'"
            continue
        try:
            yield where, _article(record, body, default_id=f"{path.stem}-{number}", path=where)
        except BadInputError as exc:
            yield where, str(exc)


def _article(meta: Mapping[str, Any], body: str, *, default_id: str, path: str) -> Article:
    fields: dict[str, Any] = {"text": body, "path": path, "id": default_id}
    for key in _STANDARD_KEYS:
        value = meta.get(key)
        if value is None:
            continue
        if key == "published":
            fields["published"], fields["published_precision"] = parse_published(value)
        elif isinstance(value, str | int | float) and not isinstance(value, bool):
            fields[key] = str(value).strip()
        else:
            kind = type(value).__name__
            raise BadInputError(f"front matter {key!r} must be a string, not {kind}")
    if not fields["id"]:
        raise BadInputError("article id is empty")
    fields["meta"] = {
        key: _plain(value) for key, value in meta.items() if key not in _STANDARD_KEYS
    }
    try:
        return Article(**fields)
    except ValidationError as exc:  # pragma: no cover - fields are checked above
        raise BadInputError(f"invalid article metadata: {exc.errors()[0]['msg']}") from None


def _plain(value: Any) -> Any:
    """Make YAML values JSON-friendly (dates become ISO strings)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def parse_published(value: Any) -> tuple[dt.date, Precision]:
    """Read a publication date: a date, ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ISO time.

    >>> parse_published("2021-03")
    (datetime.date(2021, 3, 1), 'month')
    """
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    if isinstance(value, dt.date):
        return value, "day"
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
    raise BadInputError(
        f"front matter 'published': cannot read {text!r} as a date "
        "(use YYYY-MM-DD, YYYY-MM or YYYY)"
    )
