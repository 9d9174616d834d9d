"""Atelier Self Data: the domain package (no Streamlit here; see ``selfdata.ui``)."""
