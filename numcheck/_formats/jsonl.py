"""One finding per line (``--format jsonl``), for log pipelines."""

from __future__ import annotations

import json
from typing import Any

from .._models import Report
from .._report import filter_severity
from . import RenderOptions

NAME = "jsonl"
HELP = "one finding per line: the Discrepancy JSON with its fingerprint, for log pipelines"
COMMANDS = ("check", "ledger check")


def render(report: Report, options: RenderOptions) -> str:
    """Each shown finding as one line of JSON (the Discrepancy contract, ``fingerprint``
    included); under ``ledger check`` with ``acknowledged`` (``null`` or who, when, why)."""
    lines: list[str] = []
    for d in filter_severity(report.discrepancies, options.minimum):
        if options.acks is None:
            lines.append(d.model_dump_json())
            continue
        data: dict[str, Any] = d.model_dump(mode="json")
        ack = options.acks.get(d.fingerprint)
        data["acknowledged"] = (
            None if ack is None else {"by": ack.by, "at": ack.at, "reason": ack.reason}
        )
        lines.append(json.dumps(data, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)
