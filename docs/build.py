"""The docs build: render the documentation's images and run the notebook.

    python docs/build.py            # docs/img/troops-timeline.png
    python docs/build.py OUT_DIR    # the images into OUT_DIR instead
    python docs/build.py --notebook # also re-run docs/notebooks/fact-check.ipynb in place

Everything comes from the seed articles; nothing is fetched. matplotlib draws with its
Agg backend, so no display is needed.
"""

from __future__ import annotations

import json
import os
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
    args = [a for a in argv if a != "--notebook"]
    out = Path(args[0]) if args else DOCS / "img"
    for path in render_images(out):
        print(f"wrote {path}")
    if "--notebook" in argv:
        import nbformat

        nbformat.write(execute_notebook(NOTEBOOK), NOTEBOOK)
        print(f"executed {NOTEBOOK}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
