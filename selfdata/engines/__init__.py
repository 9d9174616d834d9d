"""Pure engines: matching, governance fit, value network and its edits, ranking. No Streamlit, no
SQL, no file I/O.
"""
