"""End-to-end: the example notebook runs top to bottom in a real kernel and shows HTML results."""

from __future__ import annotations

from pathlib import Path

import pytest

import entity_resolve as er

nbformat = pytest.importorskip("nbformat", reason="the dev extra installs nbformat")
nbclient = pytest.importorskip("nbclient", reason="the dev extra installs nbclient")

NOTEBOOK = Path(__file__).parents[1] / "examples" / "quickstart.ipynb"


@pytest.mark.slow
def test_quickstart_notebook_runs(builtin_resolver: er.Resolver) -> None:
    # builtin_resolver has built and cached the index; the kernel inherits the cache location
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3").execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    texts = [o.get("data", {}).get("text/plain", "") for o in outputs]
    assert "person:khalifa-haftar" in texts[0]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("Khalifa Haftar" in page and "<table" in page for page in html)
    assert "True" in texts[2]


def test_resolution_html_escapes_and_ranks(small_resolver: er.Resolver) -> None:
    page = small_resolver.resolve("الجنرال هوثر")._repr_html_()
    assert "Khalifa Haftar" in page
    assert "<table" in page
    assert 'dir="auto"' in page
    assert "<script>" not in er.Resolution(mention="<script>", entity=None, score=0.0)._repr_html_()
