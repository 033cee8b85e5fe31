"""The labeling core: no widget, no browser, no tag by name.

Schema (a Label Studio config read against tag plugins), items and their sources, the
durable store, the session (queue, undo), result checks, predictions, the DataFrame views
and the job that ties them together. Tags plug in through :mod:`nblabel.core.tag`.
"""
