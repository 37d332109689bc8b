"""The URL guard: schemes, private addresses (classified without connecting), off-site."""
import pytest

from crawler.urlpolicy import is_private_host, origin, parse_allowed_hosts, refusal


@pytest.mark.parametrize("host", [
    "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.1", "192.168.1.1", "169.254.169.254",
    "127.0.0.1", "127.0.0.2", "::1", "[::1]", "fe80::1", "fc00::1", "0.0.0.0", "localhost",
    "::ffff:10.0.0.1", "api.localhost",
])
def test_private_hosts(host):
    assert is_private_host(host)


@pytest.mark.parametrize("host", ["93.184.216.34", "172.32.0.1", "example.org", "8.8.8.8"])
def test_public_hosts(host):
    assert not is_private_host(host)


@pytest.mark.parametrize("url, reason", [
    ("file:///etc/passwd", "unsafe_scheme"),
    ("data:text/html,<h1>x</h1>", "unsafe_scheme"),
    ("ftp://example.org/x", "unsafe_scheme"),
    ("javascript:alert(1)", "unsafe_scheme"),
    ("http://127.0.0.2/x", "private_host"),
    ("http://10.1.2.3/", "private_host"),
    ("http://[::1]:8080/", "private_host"),
    ("http://example.org:99999/", "bad_url"),
    ("http:///nohost", "bad_url"),
])
def test_refused(url, reason):
    assert refusal(url, parse_allowed_hosts("127.0.0.1")) == reason


def test_allowed():
    allowed = parse_allowed_hosts("127.0.0.1, localhost")
    assert refusal("http://127.0.0.1:8765/a", allowed) is None
    assert refusal("https://example.org/a", frozenset()) is None


def test_origin_includes_port():
    assert origin("http://Example.org/a") == "http://example.org:80"
    assert origin("http://127.0.0.1:8765/x") != origin("http://127.0.0.1:8766/x")


# Appended with the fault-injection suite (tests/test_faults.py): the other spellings of an
# address that the system resolver accepts, and names with a trailing dot.
@pytest.mark.parametrize("host", [
    "127.1", "2130706433", "0x7f000001", "0x7f.1", "017700000001", "0177.0.0.1", "10.1",
    "167772161", "192.168.257", "0xa9.0xfe.0xa9.0xfe", "0", "localhost.", "127.0.0.1.",
    "LOCALHOST", "[::ffff:127.0.0.1]", "::", "[fe80::1]",
])
def test_private_hosts_in_other_spellings(host):
    assert is_private_host(host)


@pytest.mark.parametrize("host", ["8.8.8.8.", "134744072", "0x08080808", "deadbeef",
                                  "1e3.example", "0xdeadbeef.example.org", "example.org."])
def test_public_hosts_in_other_spellings(host):
    assert not is_private_host(host)


@pytest.mark.parametrize("url", ["http://127.1:8765/", "http://2130706433/",
                                 "http://0x7f000001/x", "http://localhost./"])
def test_refused_private_spellings(url):
    assert refusal(url, parse_allowed_hosts("127.0.0.1")) == "private_host"


def test_seen_urls_keep_membership_as_hashes() -> None:
    from crawler.links import SeenUrls

    seen = SeenUrls()
    seen.add("http://127.0.0.1:9/a.html")
    seen.update(["http://127.0.0.1:9/b.html", "http://127.0.0.1:9/a.html"])
    assert "http://127.0.0.1:9/a.html" in seen and "http://127.0.0.1:9/b.html" in seen
    assert "http://127.0.0.1:9/c.html" not in seen and "http://127.0.0.1:9/A.html" not in seen
    assert len(seen) == 2
    assert not hasattr(seen, "__iter__")  # membership only: it cannot list its URLs
