"""A tablet's sidebar links in one element (issue 25): relative addresses that keep the
viewer's parameters, labels as text, 44 px touch targets."""

from __future__ import annotations

import re

from selfdata.ui.chrome import LINK_STYLE, link_list


def test_a_tablets_links_keep_its_token_and_show_labels_as_text() -> None:
    params = {"code": "ABC123", "token": "t-ok_1", "lang": "en"}
    block = link_list([("home", "My data", params), ("needs", "Needs <b>(current)</b>", params)])
    hrefs = re.findall(r'href="([^"]*)"', block)
    assert hrefs == [
        "./?code=ABC123&amp;token=t-ok_1&amp;lang=en",
        "./needs?code=ABC123&amp;token=t-ok_1&amp;lang=en",
    ]
    assert "&lt;b&gt;(current)&lt;/b&gt;" in block and "<b>" not in block
    assert "min-height:44px" in LINK_STYLE and block.count(LINK_STYLE) == 2
