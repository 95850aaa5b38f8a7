"""Article files as newsrooms have them, end to end through the real ``numcheck`` command.

Jekyll and Eleventy write the publication date as front matter ``date`` (often with a time),
Hugo writes TOML front matter between ``+++`` lines, and feeds write RFC 2822 dates.
"""

from __future__ import annotations

import json
from pathlib import Path

from test_cli import run

BODY = "There are about 900 US troops in Syria now.\n"

FILES = {
    "jekyll.md": "---\ntitle: Jekyll\ndate: 2024-01-15 10:30:00 +0100\n---\n" + BODY,
    "eleventy.md": "---\ndate: 2023-05-01\npublished: 2024-02-01\n---\n" + BODY,
    "hugo.md": '+++\ntitle = "Hugo"\ndate = 2024-03-10T08:00:00-05:00\n+++\n' + BODY,
    "worded.md": "---\npublished: Jan. 5, 2024\n---\n" + BODY,
    "feed.jsonl": json.dumps(
        {"id": "rss", "published": "Mon, 15 Jan 2024 10:30:00 +0000", "text": BODY}
    )
    + "\n",
}


def test_newsroom_front_matter_dates_reach_the_claims(tmp_path: Path) -> None:
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = run("extract", str(tmp_path), "--format", "jsonl", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    claims = [json.loads(line) for line in result.stdout.splitlines() if line]
    assert {claim["article"]: claim["anchor"] for claim in claims} == {
        "eleventy": "2024-02-01",
        "rss": "2024-01-15",
        "hugo": "2024-03-10",
        "jekyll": "2024-01-15",
        "worded": "2024-01-05",
    }
