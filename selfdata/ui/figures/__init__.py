"""The figures on screen, one module per subject, named like the engine it draws (``network``,
``ranking``, ``matching``, ``governance``; ``votes`` draws the dot counts).

Pure functions: a domain object or read model in, a ``plotly.graph_objects.Figure`` out. No
Streamlit, no store, no file: the same input always gives the same figure, so the tests read
the traces directly, and the pages cache the figures by workshop version
(``selfdata/ui/outcome_data.py``, ``selfdata/ui/room_views.py``).

========================  ===============================================================
module                    draws
========================  ===============================================================
``network``               the value network (``network_figure``) and its gives/gets table
                          (``balance_rows``); on paper: ``selfdata/export/network_drawing.py``
``network_wall``          the value network restyled for the projector (``network_on_wall``)
``ranking``               the scenarios' ranking: score bars, consensus, rank-probability
                          heatmap
``votes``                 the needs step's dots per need (``vote_bars``)
``matching``              the use-cases step's needs × sources heatmap (``match_heatmap``)
``governance``            the governance step's fit per model (``fit_bars``)
``tables``                a large room's tables side by side: dots per table
                          (``table_vote_bars``), each table's places (``rank_grid``)
``wall``                  any of the above restyled for the projector (``on_wall``)
``ready``                 a finished figure kept as plain data for the cache and
                          ``st.plotly_chart`` (``ReadyFigure``, ``NO_TOOLBAR``)
``common``                what they share: sizes, safe labels, the room's bar layout,
                          reading traces back by ``meta["role"]``
========================  ===============================================================

Colours come only from :mod:`selfdata.domain.palette`, the one palette of screen and paper.
"""
