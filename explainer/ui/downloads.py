"""Whole-dataset downloads, built once per dataset version."""

from __future__ import annotations

import io
import zipfile

import streamlit as st

from explainer.export import to_csv_tables, to_json
from explainer.filters import Filters
from explainer.handout import handout_bytes
from explainer.load import Dataset
from explainer.ui.state import version_of


@st.cache_data(show_spinner=False, max_entries=2)
def _bundles(key: str, _data: Dataset) -> tuple[bytes, bytes]:
    """The dataset as JSON bytes and as a zip of CSVs (cached on the dataset's version)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for kind, text in to_csv_tables(_data).items():
            archive.writestr(f"{kind}.csv", text)
    return to_json(_data).encode("utf-8"), buffer.getvalue()


def dataset_downloads(data: Dataset) -> None:
    """Two buttons: the JSON export and the CSV zip."""
    json_bytes, zip_bytes = _bundles(version_of(data), data)
    left, right = st.columns(2)
    left.download_button(
        "Download the dataset (JSON)",
        json_bytes,
        file_name="iran-iraq-explainer.json",
        mime="application/json",
        icon=":material/download:",
    )
    right.download_button(
        "Download the dataset (CSV, zip)",
        zip_bytes,
        file_name="iran-iraq-explainer-csv.zip",
        mime="application/zip",
        icon=":material/download:",
    )


@st.cache_data(show_spinner=False, max_entries=4)
def _handout(key: tuple, _data: Dataset, _filters: Filters) -> bytes:
    """The handout for a dataset version and filter (built once, on the first click)."""
    return handout_bytes(_data, _filters)


def handout_download(data: Dataset, filters: Filters) -> None:
    """A button that downloads the whole explainer as one printable HTML file (built only when clicked)."""
    st.download_button(
        "Download the handout (HTML, prints to PDF)",
        lambda: _handout((version_of(data), filters.actors, filters.themes), data, filters),
        file_name="iran-iraq-explainer-handout.html",
        mime="text/html",
        icon=":material/print:",
        key="handout-download",
        on_click="ignore",
    )
