"""Streamlit glue: the cached dataset, the sidebar filter and reusable components."""
