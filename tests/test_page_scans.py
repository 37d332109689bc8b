"""cleaners/page_scans.py: a scan is made once per page inside one_page(), every time outside."""
from lxml import etree

from cleaners.html import parse_html
from cleaners.page_scans import from_headline, one_page


class _Counting:
    """An XPath that counts its evaluations."""

    def __init__(self, path: str):
        self.xpath, self.calls = etree.XPath(path), 0

    def __call__(self, root):
        self.calls += 1
        return self.xpath(root)


PAGE = (b"<html><body>\n<p class='date'>menu 1 May</p>\n<h1>Title</h1>\n"
        b"<p class='date'>2 May 2024</p>\n</body></html>")


def test_one_scan_per_page_and_xpath_inside_one_page():
    root, _ = parse_html(PAGE)
    other, _ = parse_html(PAGE)
    dates = _Counting("//*[contains(@class,'date')]")
    with one_page():
        first = from_headline(root, dates)
        assert from_headline(root, dates) is first and dates.calls == 1
        from_headline(other, dates)  # another tree: its own scan
        assert dates.calls == 2
    # the headline's elements first, then the ones before it
    assert [el.text for el in first] == ["2 May 2024", "menu 1 May"]
    from_headline(root, dates)
    from_headline(root, dates)
    assert dates.calls == 4  # outside one_page(): every call scans
