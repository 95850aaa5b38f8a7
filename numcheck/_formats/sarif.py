"""SARIF 2.1.0 (``--format sarif``), for code-scanning tools and editors.

One run of the tool ``numcheck``; each finding is a result: ``ruleId`` is the rule
(``troops/conflict``), ``level`` the severity's SARIF level, ``message`` the explanation,
the location the second figure (the one that disagrees with the first) and the related
location the first, ``partialFingerprints`` the finding's fingerprint. Each rule used is
described in ``tool.driver.rules`` (from the table of checks). Columns count Unicode code
points (``columnKind``). Inputs that could not be read are tool execution notifications,
and acknowledged findings (``ledger check``) carry an accepted suppression.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from .. import __version__
from .._models import SEVERITIES, Claim, Discrepancy, Report
from .._report import article_paths, filter_severity
from .._rules import CHECKS
from . import RenderOptions
from ._where import Place, place, relative_posix

NAME = "sarif"
HELP = "SARIF 2.1.0, for code scanning (GitHub, editors); each finding with its fingerprint"
COMMANDS = ("check", "ledger check")

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_NAME = "numcheck/v1"
"""The key of our fingerprint in ``partialFingerprints``."""
INFORMATION_URI = "https://pypi.org/project/numcheck/"


def render(report: Report, options: RenderOptions) -> str:
    """The report as one SARIF 2.1.0 log (JSON, and a final newline)."""
    paths = article_paths(report)
    shown = filter_severity(report.discrepancies, options.minimum)
    rules: dict[str, int] = {}
    for d in shown:
        rules.setdefault(d.rule, len(rules))
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "numcheck",
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(rule) for rule in rules],
            }
        },
        "columnKind": "unicodeCodePoints",
        "invocations": [
            {
                "executionSuccessful": not report.errors,
                "toolExecutionNotifications": [
                    {
                        "level": "error",
                        "message": {"text": error.message},
                        "locations": [_file_location(error.path)],
                    }
                    for error in report.errors
                ],
            }
        ],
        "results": [_result(d, rules[d.rule], paths, options) for d in shown],
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _rule(rule: str) -> dict[str, Any]:
    measure, _, check = rule.rpartition("/")
    described = CHECKS.get(check, "A discrepancy between two figures.")
    return {
        "id": rule,
        "name": rule.replace("/", "-"),
        "shortDescription": {"text": f"{check} ({measure or 'any measure'})"},
        "fullDescription": {"text": described},
        "properties": {"measure": measure, "check": check},
    }


def _result(
    d: Discrepancy, index: int, paths: Mapping[str, str], options: RenderOptions
) -> dict[str, Any]:
    first, second = d.claims
    result: dict[str, Any] = {
        "ruleId": d.rule,
        "ruleIndex": index,
        "level": SEVERITIES[d.severity].sarif,
        "message": {"text": d.explanation},
        "locations": [_location(second, paths)],
        "relatedLocations": [
            {**_location(first, paths), "id": 1, "message": {"text": _figure(first, "first")}}
        ],
        "partialFingerprints": {FINGERPRINT_NAME: d.fingerprint},
        "properties": {
            "fingerprint": d.fingerprint,
            "verdict": d.verdict,
            "severity": d.severity,
            "key": d.key,
        },
    }
    ack = options.acks.get(d.fingerprint) if options.acks else None
    if ack is not None:
        result["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": f"{ack.reason} (acknowledged by {ack.by} at {ack.at})",
            }
        ]
    return result


def _figure(claim: Claim, which: str) -> str:
    return f"the {which} figure, “{claim.text}” in {claim.article}"


def _location(claim: Claim, paths: Mapping[str, str]) -> dict[str, Any]:
    where = place(claim, paths)
    if where is None:  # a claim of a --claims file: only its article's name is known
        return {"logicalLocations": [{"name": claim.article}], "message": {"text": claim.text}}
    return {"physicalLocation": _physical(where)}


def _physical(where: Place) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(where.file)}}
    if where.line is not None:
        region: dict[str, int] = {"startLine": where.line}
        if where.column is not None:
            region["startColumn"] = where.column
        if where.end_line is not None and where.end_column is not None:
            region["endLine"] = where.end_line
            region["endColumn"] = where.end_column
        physical["region"] = region
    return physical


def _file_location(path: str) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(relative_posix(path))}}}


def _uri(path: str) -> str:
    """A relative reference (``news/a b.md`` becomes ``news/a%20b.md``), or a ``file:``
    URI for an absolute path outside the current folder."""
    if path.startswith("/"):
        return "file://" + quote(path)
    return quote(path)
