"""Output formats: one module per ``--format`` value (the registry is formats15's)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .._models import Severity

if TYPE_CHECKING:
    from .._ledger import Ack


@dataclass(frozen=True)
class RenderOptions:
    """How a report is rendered: what to hide, colour, width, caps, acknowledgements."""

    minimum: Severity = "info"
    colour: bool = False
    width: int = 100
    max_per_key: int | None = None
    acks: Mapping[str, Ack] | None = None
