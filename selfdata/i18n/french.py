"""French spacing for catalogues written with ordinary spaces: a narrow no-break space
before ``: ; ? !`` and a no-break space inside « » (the rule the typography meta-test
checks), applied once when such a catalogue is loaded."""

from __future__ import annotations

import re

_HIGH = re.compile(r"(?<=\S) ([:;?!])")


def space_french(messages: dict[str, dict[str, str]]) -> None:
    """Give every French text of ``messages`` its no-break spaces, in place."""
    for texts in messages.values():
        texts["fr"] = (
            _HIGH.sub("\u202f\\1", texts["fr"]).replace("« ", "«\u00a0").replace(" »", "\u00a0»")
        )
