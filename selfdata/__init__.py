"""Atelier Self Data: the domain package (no Streamlit here; see ``selfdata.ui``)."""

from selfdata import i18n as _i18n
from selfdata.domain import errors as _errors

# The domain words its refusals through the one catalogue without importing it.
_errors.use_catalogue(_i18n.t)
