"""The app keeps its data promise: nothing is fetched from or sent to the internet."""

import tomllib
from pathlib import Path

CONFIG = tomllib.loads((Path(__file__).parents[2] / ".streamlit" / "config.toml").read_text())


def test_streamlit_usage_statistics_are_off() -> None:
    assert CONFIG["browser"]["gatherUsageStats"] is False


def test_the_start_up_banner_that_looks_up_the_public_ip_address_is_off() -> None:
    # streamlit.web.bootstrap._print_url calls net_util.get_external_ip (checkip.amazonaws.com)
    # when headless on a wildcard address, unless the welcome message is hidden.
    assert CONFIG["logger"]["hideWelcomeMessage"] is True
    assert CONFIG["server"]["headless"] is True


def test_the_server_listens_on_the_local_network_for_the_tablets() -> None:
    assert CONFIG["server"]["address"] == "0.0.0.0"
