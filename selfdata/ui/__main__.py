"""``python -m selfdata.ui run workshop_app.py …``: ``streamlit …`` with the same arguments,
in a process where ``selfdata.ui`` is loaded first (so :mod:`selfdata.ui.restart_taps` is in
place before the first browser's request). What ``selfdata serve`` starts."""

from __future__ import annotations

import sys

from streamlit.web.cli import main

if __name__ == "__main__":
    sys.argv[0] = "streamlit"
    main(prog_name="streamlit")
