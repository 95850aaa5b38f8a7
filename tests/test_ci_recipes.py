"""The CI recipes under docs/examples/: GitHub Actions workflows that run as written."""

from __future__ import annotations

import contextlib
import io
import os
import shlex
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT

from numcheck import Ledger
from numcheck.cli import _parser

WORKFLOWS = {
    "annotations": ROOT / "docs" / "examples" / "github-annotations.yml",
    "pytest": ROOT / "docs" / "examples" / "ci" / "github-workflow.yml",
}
"""The workflows, by short name."""


def steps(path: Path) -> list[dict[str, Any]]:
    """Every step of every job of a workflow file."""
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def numcheck_commands(path: Path) -> list[list[str]]:
    """The arguments of each ``numcheck`` command line in the workflow's ``run`` scripts
    (lines continued with a backslash joined)."""
    found = []
    for step in steps(path):
        for line in step.get("run", "").replace("\\\n", " ").splitlines():
            words = shlex.split(line, comments=True)
            if words[:1] == ["numcheck"]:
                found.append(words[1:])
    return found


def without_format_values(words: list[str]) -> list[str]:
    """The arguments less ``--format VALUE``: the formats are another change's (issue 15's
    ``--format github``), checked where they are implemented."""
    kept: list[str] = []
    skip = False
    for word in words:
        if skip:
            skip = False
        elif word == "--format":
            skip = True
        elif not word.startswith("--format="):
            kept.append(word)
    return kept


def knows_format(name: str) -> bool:
    """Whether this numcheck's ``check --format`` accepts ``name``."""
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            _parser().parse_args(["check", "--format", name, "article.md"])
    except SystemExit:
        return False
    return True


def run_step(script: str, cwd: Path, env: dict[str, str] | None = None) -> Any:
    """A ``run`` script as GitHub's runner runs it (bash, stop at the first error), with
    this environment's numcheck and pytest first on the PATH."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=cwd,
        env={**os.environ, "PATH": path, **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.parametrize(
    ("workflow", "expected"),
    [
        pytest.param(
            "annotations",
            [["check", "--format", "github", "${changed[@]}"]],
            id="annotations-check-the-changed-articles",
        ),
        pytest.param("pytest", [["ledger", "add", "published"]], id="pytest-ledger-add"),
    ],
)
def test_every_numcheck_command_of_the_workflows_parses(
    workflow: str, expected: list[list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    commands = numcheck_commands(WORKFLOWS[workflow])
    assert commands == expected
    for words in commands:
        try:
            args = _parser().parse_args(without_format_values(words))
        except SystemExit:
            error = capsys.readouterr().err.strip()
            pytest.fail(f"{workflow}: numcheck {shlex.join(words)}: {error}")
        assert args.command == words[0]


def test_the_pytest_recipe_runs_as_written_on_a_fresh_runner(tmp_path: Path) -> None:
    path = WORKFLOWS["pytest"]
    shutil.copytree(ROOT / "docs" / "examples" / "ci", tmp_path, dirs_exist_ok=True)
    assert not (tmp_path / "numcheck.db").exists()  # a fresh runner: no ledger, no cache
    installs = [step["run"] for step in steps(path) if "pip install" in step.get("run", "")]
    assert installs == ['pip install "numcheck[pytest]"']  # pytest comes with the extra
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extra = pyproject["project"]["optional-dependencies"]["pytest"]
    assert [req for req in extra if req.startswith("pytest>=")] == extra != []
    status = {}
    for step in steps(path):
        if "run" in step and step["run"] not in installs:  # the cache steps miss here
            done = run_step(step["run"], tmp_path)
            status[step["name"]] = done.returncode
            assert "Traceback" not in done.stdout + done.stderr
    assert status == {
        "Bring the ledger up to date (creates it when there is none)": 0,
        "Check today's articles": 1,  # today/troops-iraq.md contradicts the ledger
    }
    with Ledger(tmp_path / "numcheck.db", create=False) as ledger:  # made by the recipe
        assert sorted(ledger.articles()) == ["2023-10-05-qaraqosh", "2024-01-06-pentagon"]
    cases = ET.parse(tmp_path / "numcheck.xml").getroot().iter("testcase")
    assert {case.get("name"): case.find("failure") is not None for case in cases} == {
        "qaraqosh-followup": False,
        "syria": False,
        "troops-iraq": True,
    }


def test_the_annotations_workflow_checks_the_changed_articles(tmp_path: Path) -> None:
    [step] = [s for s in steps(WORKFLOWS["annotations"]) if "numcheck check" in s.get("run", "")]
    dated = "---\npublished: 2024-01-15\n---\n"
    git = ["git", "-c", "user.name=Desk", "-c", "user.email=desk@example.org"]

    def commit(message: str) -> None:
        subprocess.run([*git, "add", "-A"], cwd=tmp_path, check=True)
        subprocess.run([*git, "commit", "-qm", message], cwd=tmp_path, check=True)

    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=tmp_path, check=True)
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "old.md").write_text(dated + "About 900 US troops are in Syria now.\n")
    commit("published")
    subprocess.run(["git", "checkout", "-qb", "desk"], cwd=tmp_path, check=True)
    (articles / "a.md").write_text(dated + "About 2,500 US troops are in Iraq now.\n")
    (articles / "b.md").write_text(dated + "About 5,000 US troops are in Iraq now.\n")
    (tmp_path / "notes.md").write_text("Not an article: 12 troops.\n")
    commit("today")
    done = run_step(step["run"], tmp_path, env={"BASE": "main"})
    assert done.stdout.splitlines()[:2] == ["checking articles/a.md", "checking articles/b.md"]
    if knows_format("github"):
        assert done.returncode == 1  # a conflict: the pull request's check is red
        assert "::error file=articles/" in done.stdout
    else:  # --format github is another change of issue 15
        assert done.returncode == 2
        assert "invalid choice: 'github'" in done.stderr


@pytest.mark.parametrize(
    ("document", "shown"),
    [
        pytest.param("docs/ci-howto.md", "pytest", id="how-to-shows-the-pytest-workflow"),
        pytest.param("README.md", "annotations", id="readme-shows-the-annotations-step"),
    ],
)
def test_the_docs_link_the_workflows_and_show_them_as_they_are(document: str, shown: str) -> None:
    path = ROOT / document
    text = path.read_text(encoding="utf-8")
    for workflow in WORKFLOWS.values():
        link = os.path.relpath(workflow, path.parent).replace(os.sep, "/")
        assert f"]({link})" in text
    blocks = [block.split("```", 1)[0] for block in text.split("```yaml\n")[1:]]
    source = WORKFLOWS[shown].read_text(encoding="utf-8")
    assert any(block and block in source for block in blocks)  # verbatim, whole or a part
