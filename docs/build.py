"""The docs build: render the documentation's images and run the notebook.

    python docs/build.py              # docs/img/troops-timeline.png (+ report.png, below)
    python docs/build.py OUT_DIR      # the images into OUT_DIR instead
    python docs/build.py --screenshot # docs/img/report.png: the HTML report, or fail
    python docs/build.py --notebook   # also re-run docs/notebooks/fact-check.ipynb in place

Everything comes from the seed articles; nothing is fetched. matplotlib draws with its
Agg backend, so no display is needed. The screenshot of ``numcheck check seeds/ --format
html`` is taken with headless Chromium: by default only when a Chromium or Chrome is
installed (a note says so otherwise), with ``--screenshot`` always (an error without one).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
NOTEBOOK = DOCS / "notebooks" / "fact-check.ipynb"
TROOPS = "troops|US|Iraq"
KERNEL = "numcheck-docs-python"
"""The kernel notebooks run on: this very Python, under a name no user setup shadows."""


def render_images(out: Path) -> list[Path]:
    """Draw the documentation's figures into ``out``; the paths written."""
    import matplotlib

    matplotlib.use("Agg")
    import numcheck
    from numcheck.plot import timeline

    report = numcheck.check(numcheck.load_articles(ROOT / "seeds"))
    out.mkdir(parents=True, exist_ok=True)
    path = out / "troops-timeline.png"
    fig = timeline(report, TROOPS)
    fig.savefig(path, dpi=100, metadata={"Software": None})
    return [path]


BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
"""The names a Chromium-based browser is installed under, looked up on the PATH."""
BROWSER_TIMEOUT = 180
"""Seconds a headless browser run may take before it is stopped (a loaded machine)."""
SCREENSHOT_SIZE = (1100, 1400)


def find_browser() -> str | None:
    """The path of an installed Chromium or Chrome, or ``None``."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def headless(browser: str, page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``browser`` headless on the local file ``page`` with ``args`` (``--dump-dom``,
    ``--screenshot=FILE``): no sandbox, GPU, first-run, sync or background network, and a
    throwaway profile. Raises ``subprocess.TimeoutExpired`` after :data:`BROWSER_TIMEOUT`.
    """
    with tempfile.TemporaryDirectory() as profile:
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            *args,
            page.resolve().as_uri(),
        ]
        return subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=BROWSER_TIMEOUT,
            check=False,
            stdin=subprocess.DEVNULL,
        )


def screenshot(browser: str, page: Path, png: Path, size: tuple[int, int]) -> None:
    """A PNG of ``page`` as headless ``browser`` shows it in a window of ``size``."""
    png.unlink(missing_ok=True)
    result = headless(
        browser, page, f"--screenshot={png.resolve()}", "--window-size={},{}".format(*size)
    )
    if not png.exists() or png.stat().st_size == 0:
        raise RuntimeError(f"{browser} wrote no screenshot: {result.stderr.strip()[-500:]}")


def render_report(out: Path, browser: str) -> Path:
    """``docs/img/report.png``: the HTML report of the seeds, taken in ``browser``."""
    import numcheck
    from numcheck._formats import RenderOptions
    from numcheck._formats.html import render

    articles = [  # paths as in the repository, not this machine's
        a.model_copy(update={"path": Path(a.path).relative_to(ROOT).as_posix()}) if a.path else a
        for a in numcheck.load_articles(ROOT / "seeds")
    ]
    report = numcheck.check(articles)
    out.mkdir(parents=True, exist_ok=True)
    png = out / "report.png"
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        page.write_text(render(report, RenderOptions()), encoding="utf-8")
        screenshot(browser, page, png, SCREENSHOT_SIZE)
    return png


def execute_notebook(path: Path, *, timeout: int = 120) -> object:
    """Run the notebook at ``path`` top to bottom, from its own folder, on this Python.

    Returns the executed ``nbformat`` notebook (the file is not written).
    """
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            cell.metadata.pop("execution", None)
    with tempfile.TemporaryDirectory() as jupyter_path:
        spec = Path(jupyter_path) / "kernels" / KERNEL
        spec.mkdir(parents=True)
        argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
        kernel = {"argv": argv, "display_name": "Python (numcheck)", "language": "python"}
        (spec / "kernel.json").write_text(json.dumps(kernel), encoding="utf-8")
        saved = os.environ.get("JUPYTER_PATH")
        os.environ["JUPYTER_PATH"] = jupyter_path
        try:
            NotebookClient(
                notebook,
                timeout=timeout,
                record_timing=False,
                kernel_name=KERNEL,
                resources={"metadata": {"path": str(path.parent)}},
            ).execute()
        finally:
            if saved is None:
                os.environ.pop("JUPYTER_PATH", None)
            else:
                os.environ["JUPYTER_PATH"] = saved
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    return notebook


def main(argv: list[str]) -> int:
    args = [a for a in argv if a not in ("--notebook", "--screenshot")]
    out = Path(args[0]) if args else DOCS / "img"
    for path in render_images(out):
        print(f"wrote {path}")
    browser = find_browser()
    if browser is not None:
        print(f"wrote {render_report(out, browser)}")
    elif "--screenshot" in argv:
        print(f"no Chromium or Chrome found on the PATH ({', '.join(BROWSERS)})", file=sys.stderr)
        return 1
    else:
        print("no Chromium or Chrome found: report.png not rendered", file=sys.stderr)
    if "--notebook" in argv:
        import nbformat

        nbformat.write(execute_notebook(NOTEBOOK), NOTEBOOK)
        print(f"executed {NOTEBOOK}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
