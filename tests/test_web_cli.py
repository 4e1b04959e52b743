"""`whimbrel serve` and `whimbrel demo`'s pointer to the dashboard."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from whimbrel.cli import main
from whimbrel.cli.serve import check_host
from whimbrel.errors import ConfigError


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "example.org"])
def test_serve_refuses_other_hosts_without_the_flag(host, tmp_path):
    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "x.db"), "--host", host])
    assert r.exit_code == 2 and "E100" in r.output and "--allow-remote" in r.output
    assert not (tmp_path / "x.db").exists()


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost", "127.0.0.2"])
def test_loopback_is_allowed(host):
    check_host(host, allow_remote=False)


def test_allow_remote_is_explicit():
    check_host("0.0.0.0", allow_remote=True)
    with pytest.raises(ConfigError):
        check_host("0.0.0.0", allow_remote=False)


@pytest.mark.parametrize("width", [80, 100, 160])
def test_demo_fits_the_terminal_and_points_to_the_dashboard(demo_copy, width):
    r = CliRunner(env={"COLUMNS": str(width)}).invoke(main, ["demo", "--db", str(demo_copy)])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    table = [ln for ln in lines if ln.lstrip().startswith("we:")]
    assert len(table) > 50
    body = [ln for ln in lines if not ln.startswith(("whimbrel demo:", "Dashboard:", "Explore:", "read ", "reports ", "("))]
    assert max(len(ln) for ln in body) <= width
    assert all(len(ln.split()[0]) == 19 for ln in table)  # event ids are never cut
    assert f"whimbrel serve --db {demo_copy}" in r.output and "http://127.0.0.1:8000/" in r.output
    assert "--serve" in CliRunner().invoke(main, ["demo", "--help"]).output
