"""Output formats: one module per ``--format`` value, and the registry of them.

Each module of this package whose name does not start with ``_`` is a format. It defines
``NAME`` (the ``--format`` value), ``HELP`` (one line for ``--help`` and the docs),
``COMMANDS`` (which commands offer it: ``"check"``, ``"ledger check"``) and
``render(report, options) -> str``; ``FOR_PEOPLE = True`` marks a format people read.
:data:`FORMATS` maps each name to its module; the command line reads its ``--format``
choices from it, and ``docs/cli.md``'s table of formats is checked against it. A new
format is one new module here.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from .._models import Severity

if TYPE_CHECKING:
    from .._ledger import Ack

DEFAULT = "text"
"""The format of ``check`` and ``ledger check`` when ``--format`` is not given."""


@dataclass(frozen=True)
class RenderOptions:
    """How a report is rendered: fields may be added, none renamed."""

    minimum: Severity = "info"
    """Findings below this severity are left out."""
    colour: bool = False
    """Colour for a terminal (human formats only)."""
    width: int | None = None
    """The width to wrap long lines to (human formats only; ``None``: not wrapped)."""
    max_per_key: int | None = None
    """Findings shown per measure key in human formats, then "and N more" (``None``: all)."""
    acks: Mapping[str, Ack] | None = None
    """Ledger acknowledgements by fingerprint (``ledger check``), shown where the format
    can; ``None`` outside the ledger."""
    ack_paths: Mapping[str, str] | None = None
    """Under ``ledger check``, the files of the checked articles not in the ledger, by
    article id (shell-quoted): the command that acknowledges a finding names them."""


_REQUIRED = ("NAME", "HELP", "COMMANDS", "render")


def _discover() -> dict[str, ModuleType]:
    """Every format module of this package, by name: ``text`` first, then by name."""
    found: dict[str, ModuleType] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        missing = [name for name in _REQUIRED if not hasattr(module, name)]
        if missing:  # pragma: no cover - a developer's mistake, caught by the tests
            raise TypeError(f"format module {module.__name__} lacks {', '.join(missing)}")
        found[module.NAME] = module
    return dict(sorted(found.items(), key=lambda item: (item[0] != DEFAULT, item[0])))


FORMATS: dict[str, ModuleType] = _discover()
"""The output formats by ``--format`` name."""


def formats_for(command: str) -> dict[str, ModuleType]:
    """The formats a command offers (``"check"``, ``"ledger check"``), in order."""
    return {name: module for name, module in FORMATS.items() if command in module.COMMANDS}


def for_people(name: str) -> bool:
    """Whether format ``name`` is read by people (its module sets ``FOR_PEOPLE``): what
    ``--statistics`` adds follows it on stdout; after the others it goes to stderr, so
    that stdout stays parseable."""
    return bool(getattr(FORMATS[name], "FOR_PEOPLE", False))


def render(name: str, report: object, options: RenderOptions) -> str:
    """The report in format ``name``."""
    text: str = FORMATS[name].render(report, options)
    return text
