"""nblabel in marimo: `marimo edit notebooks/marimo_quickstart.py` (or `marimo run`)."""

import marimo

app = marimo.App()


@app.cell
def _():
    import marimo as mo

    import nblabel

    folder = mo.notebook_dir()
    images = nblabel.samples.shapes(folder / "sample_images", n=24, size=(320, 240))
    labeler = nblabel.ImageLabeler(
        images,
        image="path",
        choices=["circle", "square", "triangle"],
        store=folder / "marimo-shapes.nblabel.sqlite",
    )
    # Click the labeler, then 1-3 pick a shape, Enter submits, u undoes, ? shows every key.
    widget = mo.ui.anywidget(labeler)
    widget  # noqa: B018 - marimo shows the last expression of a cell
    return folder, labeler, mo, nblabel


@app.cell
def _(folder, mo, nblabel):
    import pandas as pd

    docs = pd.DataFrame({"text": ["Ada 👩‍💻 met Grace in London."]})
    spans = nblabel.TextLabeler(
        docs, spans=["PER", "LOC"], store=folder / "marimo-spans.nblabel.sqlite"
    )
    # Double-click (or drag over) a name, then 1 or 2 labels it; Enter submits.
    mo.ui.anywidget(spans)
    return


@app.cell
def _(labeler):
    # Labels as a DataFrame; re-run this cell to refresh it.
    labeler.labels.head()
    return


if __name__ == "__main__":
    app.run()
