"""Learned templates (cleaners/learned.py, template_induce.py, learner.py) on the pages of the
generated demo site, one host with four template families: a template induced from a few
generic analyses gives the generator's expected records on the family's other pages, is
verified, refined and dropped as the learner is told, and survives the JSON round trip."""
from __future__ import annotations

import itertools

import pytest
from learner_replay import crawl_step

from cleaners.analyze import PageAnalysis, analyze_page
from cleaners.learned import Template, disagreement, group_of
from cleaners.learner import (
    DROPPED,
    FAILED,
    HOSTS,
    LISTING_PAGES,
    PAGES,
    STALE,
    STRUCK,
    VERIFIED,
    Learner,
)
from cleaners.template_induce import Sample, induce, refine

# The demo pages on disk hold this origin (routes.json `base_placeholder`) in their absolute
# links, as the demo server's default address.
BASE = "http://127.0.0.1:8765"


@pytest.fixture(scope="module")
def family(demo_site):
    """family -> [(url, page bytes, expected record)] in path order."""
    from crawler.demo.generator import load_expected

    out: dict[str, list] = {}
    for exp in sorted(load_expected(demo_site, BASE), key=lambda e: e["path"]):
        path = exp["path"].lstrip("/")
        file = demo_site / (path + "index.html" if path.endswith("/") else path)
        out.setdefault(exp["family"], []).append((exp["url"], file.read_bytes(), exp))
    return out


def _samples(pages) -> list[Sample]:
    return [Sample(body, url, None, analyze_page(body, url).record) for url, body, _ in pages]


def _learned(pages, n=4) -> Template:
    netloc, group = group_of(pages[0][0])
    template, why = induce(netloc, group, _samples(pages[:n]))
    assert template is not None, why
    return template


def test_url_shape_groups_articles_of_a_section_not_its_listings():
    assert group_of("http://h.example/blog/2024/05/a-post/") == \
        group_of("https://h.example/blog/2019/11/another-one/")[:1] + ("/blog|4|/",)
    assert group_of("http://h.example/keepto/eyes/1003.html") == \
        ("h.example", "/keepto|3|html")
    assert group_of("http://h.example/keepto/list_2.html")[1] != "/keepto|3|html"
    assert group_of("http://h.example/a/b.html") != group_of("http://other.example/a/b.html")
    assert group_of("not a url") is None


@pytest.mark.parametrize("name", ["wp", "keepto", "ghost"])
def test_template_from_four_pages_gives_the_expected_records_of_the_others(family, name):
    pages = family[name]
    template = _learned(pages)
    assert template.selectors["title"] and template.selectors["body"]
    assert template.selectors["prev"] and template.selectors["next"]
    assert template.selectors["teaser_item"]
    checked = 0
    for url, body, exp in pages[4:40]:
        analysis = analyze_page(body, url, profile=template.profile)
        record = analysis.record
        assert analysis.extractor == "learned:127.0.0.1"
        assert record["extractor"].startswith("learned:127.0.0.1 ")
        assert record["title"] == exp["title"], url
        assert record["related_links"] == exp["related_links"], url
        assert record["teasers"] == exp["teasers"], url
        for teaser in exp["teasers"]:
            assert teaser["title"] not in record["body"], url
        assert "Advertisement" not in record["body"] or name != "wp", url
        checked += 1
    assert checked == 36


def test_keepto_arrows_without_classes_are_found_by_their_label(family):
    # <p>&lt;&lt;:&nbsp; <a href="...">Title</a></p>: no class anywhere near the link
    template = _learned(family["keepto"])
    assert "<<:" in template.selectors["prev"]
    assert ">>:" in template.selectors["next"]


def test_no_template_from_pages_of_two_templates(family):
    mixed = family["wp"][:2] + family["ghost"][:2]
    netloc, group = group_of(mixed[0][0])
    template, why = induce(netloc, group, _samples(mixed))
    assert template is None
    assert why


def test_template_json_round_trip_and_damaged_rows(family):
    template = _learned(family["ghost"])
    again = Template.from_json(template.to_json())
    assert again == template
    assert again.profile.learned and again.profile.key == "learned:127.0.0.1"
    assert Template.from_json(b"{not json") is None
    assert Template.from_json(template.to_json().replace('"format":1', '"format":99')) is None
    broken = template.to_json().replace(template.selectors["title"], "h1[[[")
    assert Template.from_json(broken) is None


def test_disagreement_names_the_field(family):
    url, body, _ = family["wp"][0]
    record = analyze_page(body, url).record
    assert disagreement(record, dict(record)) is None
    assert disagreement(record, {**record, "title": "Other"}) == "title"
    assert disagreement(record, {**record, "body": "One line."}) == "body"
    assert disagreement(record, {**record, "teasers": record["teasers"][1:]}) == "teasers"
    assert disagreement(record, {**record, "related_links": []}) == "related_links"


def test_learner_learns_verifies_and_drops_a_template_that_stops_agreeing(family):
    learner = Learner(samples=3, verify_every=4)
    pages = family["wp"]
    used = [crawl_step(learner, url, body) for url, body, _ in pages[:30]]
    assert used[:3] == ["generic"] * 3  # the samples
    assert set(used[3:]) == {"learned:127.0.0.1"}
    assert learner.stats[HOSTS] == 1 and learner.stats[VERIFIED] >= 4
    assert learner.stats[PAGES] == 27
    assert [c for c, _t in learner.take_changes()] == ["learned"]
    # The site changes its markup: the body container is renamed.
    url, body, exp = pages[30]
    redesigned = body.replace(b"entry-content", b"post-body")
    assert crawl_step(learner, url, redesigned) == "generic"
    assert learner.stats[DROPPED] == 1
    assert [c for c, _t in learner.take_changes()] == ["dropped"]
    assert learner.plan(pages[31][0]).template is None  # learning again


def test_pages_that_arrived_before_a_drop_do_not_teach_the_old_template_again(family):
    """A redesign mid-crawl: pages fetched before it (old markup) may still wait for their
    analysis when a check on a new page drops the template. Analysed after the drop and
    interleaved with new pages, they are no samples: the group learns the new markup."""
    learner = Learner(samples=3, verify_every=4)
    pages = family["wp"]
    for ticket, (url, body, _exp) in enumerate(pages[:3]):
        learner.observe(url, body, None, analyze_page(body, url), ticket)
    assert learner.stats[HOSTS] == 1
    ticket = 3
    while not learner.stats[DROPPED]:  # the redesign: new pages until a check or a miss drops it
        ticket += 1
        url, body, _exp = pages[ticket]
        crawl_step(learner, url, body.replace(b"entry-content", b"post-body"), ticket)
    stale = 0
    for i, (url, body, _exp) in enumerate(pages[ticket + 1:ticket + 7]):
        if i % 2 == 0:  # fetched before the redesign, analysed only now
            stale += 1
            crawl_step(learner, url, body, i % 4)
        else:
            crawl_step(learner, url, body.replace(b"entry-content", b"post-body"), ticket + 1 + i)
    assert learner.stats[HOSTS] == 2
    assert learner.groups[group_of(url)].template.selectors["body"] == "div.post-body"
    assert learner.stats[STALE] == stale


def test_learner_starts_from_stored_templates_and_verifies_the_first_page(family):
    template = _learned(family["ghost"])
    learner = Learner(templates=(template,))
    plan = learner.plan(family["ghost"][10][0])
    assert plan.template == template and plan.verify
    assert not learner.plan(family["ghost"][11][0]).verify


def test_refine_adds_a_drop_rule_for_an_ad_the_samples_did_not_have(family):
    # WordPress pages carry an ad slot on some pages only:
    # <div class="code-block code-block-2"><span class="ad-label">Advertisement</span>
    pages = family["wp"]
    plain = [p for p in pages if b"code-block" not in p[1]]
    with_ad = [p for p in pages if b"code-block" in p[1]]
    assert len(plain) >= 4 and with_ad
    template = _learned(plain)
    assert not any("code-block" in d for d in template.selectors["body_drop"])
    url, body, _exp = with_ad[0]
    learned = analyze_page(body, url, profile=template.profile).record
    generic = analyze_page(body, url).record
    assert "Advertisement" in learned["body"] and "Advertisement" not in generic["body"]
    refined = refine(template, Sample(body, url, None, generic))
    assert refined is not None
    assert any("code-block" in d for d in refined.selectors["body_drop"])
    for url, body, _exp in with_ad[1:6]:
        assert "Advertisement" not in analyze_page(body, url, profile=refined.profile) \
            .record["body"]


def _with_related_box(body: bytes, selector: str) -> bytes:
    """The page with a related-articles box appended inside its body container."""
    from lxml import html

    root = html.fromstring(body)
    container = root.cssselect(selector)[0]
    container.append(html.fragment_fromstring(
        '<aside class="box-x"><h2>Related articles</h2><ul>'
        '<li><a href="/blog/one/">Five ways to sleep better at night</a></li>'
        '<li><a href="/blog/two/">What a blood test can tell you</a></li>'
        '<li><a href="/blog/three/">Walking after meals, measured</a></li></ul></aside>'))
    return html.tostring(root, encoding="utf-8")


def test_a_link_list_the_samples_did_not_show_sends_the_page_to_a_check(family):
    from cleaners.profile import UNSEEN_LINK_LIST

    pages = family["wp"]
    template = _learned(pages)
    # ordinary pages of the template raise no flag (they must stay cheap) ...
    for url, body, _exp in pages[4:14]:
        record = analyze_page(body, url, profile=template.profile).record
        assert UNSEEN_LINK_LIST not in record["warnings"], url
    # ... a page whose body container gained a related box does
    url, body, _exp = pages[20]
    boxed = _with_related_box(body, template.selectors["body"])
    learned = analyze_page(boxed, url, profile=template.profile)
    assert UNSEEN_LINK_LIST in learned.record["warnings"]
    assert "Five ways to sleep better" in learned.record["body"]  # what the guard is for
    generic = analyze_page(boxed, url)
    assert "Five ways to sleep better" not in generic.record["body"]
    learner = Learner(templates=(template,))
    result = learner.verify(url, boxed, None, learned, generic)
    assert "Five ways to sleep better" not in result.record["body"]


def test_a_group_rests_after_its_attempts_then_learns_from_fresh_samples(family):
    """Samples of one URL shape that share no template (three themes in turn, so no two of
    any three samples share one, whichever is left out): every induction fails, and after
    `max_failures` attempts the group rests for `verify_every` article pages (they do not wait
    for samples), then learns from a fresh set: a run of odd pages early in a crawl does not
    keep the group generic for the rest of the run."""
    mixed = [p for trio in zip(family["wp"][:7], family["ghost"][:7], family["keepto"][:7],
                               strict=True) for p in trio]
    learner = Learner(samples=2, max_failures=3, verify_every=4)
    assert Learner().max_failures == 10  # HEALTHCRAWL_LEARN_ATTEMPTS' default
    urls = [f"{BASE}/mixed/{n}.html" for n in range(40)]
    pages = iter(zip(urls, mixed, strict=False))
    for url, (_u, body, _exp) in itertools.islice(pages, 4):
        assert learner.plan(url).template is None
        learner.observe(url, body, None, analyze_page(body, url))
    assert learner.stats[FAILED] == 3  # 2 samples, then 3 leaving one out: resting
    assert not learner.learning(urls[4])
    assert learner.failures and all(key.endswith("/mixed|2|html") for key, _ in
                                    learner.failures)
    for url, (_u, body, _exp) in itertools.islice(pages, 4):  # the rest: no attempt
        learner.observe(url, body, None, analyze_page(body, url))
    assert learner.stats[FAILED] == 3 and learner.learning(urls[8])
    # a fresh set of two pages that share a template
    for url, (_u, body, _exp) in zip(urls[8:10], family["wp"][10:12], strict=True):
        learner.observe(url, body, None, analyze_page(body, url))
    assert learner.stats[FAILED] == 3 and learner.stats[HOSTS] == 1
    assert learner.plan(urls[10]).template is not None


def test_each_failure_after_the_attempts_doubles_the_rest(family):
    """Where nothing can be learned, the attempts after `max_failures` grow apart: a few
    inductions over a whole run."""
    mixed = [p for trio in zip(family["wp"][:40], family["ghost"][:40], family["keepto"][:40],
                               strict=True) for p in trio]
    learner = Learner(samples=2, max_failures=2, verify_every=4)
    failed_at = []
    for n, (_u, body, _exp) in enumerate(mixed):
        url = f"{BASE}/mixed/{n}.html"
        before = learner.stats[FAILED]
        learner.observe(url, body, None, analyze_page(body, url))
        if learner.stats[FAILED] > before:
            failed_at.append(n)
    # attempts at pages 1 and 2, then rests of 4, 8, 16, 32 pages, each before 2 samples
    assert failed_at == [1, 2, 8, 18, 36, 70]
    assert learner.stats[HOSTS] == 0


def test_one_sample_unlike_the_others_is_left_out_with_the_next_page(family):
    """A host whose generic record of a few pages differs from the rest (the GBK portal's
    generic body sometimes takes the dateline and the reference list): a failed set keeps its
    samples, and with the next page each of them is left out in turn."""
    wp, ghost = family["wp"], family["ghost"]
    pages = [wp[0], ghost[0], wp[1], wp[2]]
    urls = [f"{BASE}/mixed/{n}.html" for n in range(len(pages))]
    learner = Learner(samples=3)
    for url, (_u, body, _exp) in zip(urls, pages, strict=True):
        assert learner.plan(url).template is None
        learner.observe(url, body, None, analyze_page(body, url))
    assert learner.stats[FAILED] == 1 and learner.stats[HOSTS] == 1
    template = learner.plan(f"{BASE}/mixed/9.html").template
    assert template is not None and template.selectors["body"] == _learned(wp).selectors["body"]


def test_one_check_unlike_the_rest_checks_the_next_page_three_in_a_row_drop(family):
    """A check whose generic body differs from the learned one keeps the generic record and
    sends the next page to a check too; the template goes only after STRIKES_TO_DROP (3)
    disagreements in a row: with two, a host whose generic body is odd on 14 % of its pages
    lost its template on one check in ~50."""
    pages = family["wp"]
    learner = Learner(samples=3, verify_every=50)
    for url, body, _exp in pages[:3]:
        learner.observe(url, body, None, analyze_page(body, url))
    assert learner.stats[HOSTS] == 1

    def check(url, body, generic_body=None):
        plan = learner.plan(url)
        learned = analyze_page(body, url, profile=plan.template.profile)
        generic = analyze_page(body, url)
        if generic_body is not None:  # the generic extractor took another block
            generic = generic._replace(record={**generic.record, "body": generic_body})
        return plan.verify, learner.verify(url, body, None, learned, generic)

    odd = "A dateline of the page.\n\nA reference list of the page."
    (url, body, _), (url2, body2, _), (url3, body3, _) = pages[3:6]
    verified, result = check(url, body, odd)  # the first page after learning is a check
    assert verified and result.extractor == "generic" and learner.stats[STRUCK] == 1
    assert learner.stats[DROPPED] == 0
    verified, result = check(url2, body2)  # checked too, agrees: the strike is forgotten
    assert verified and result.extractor == "learned:127.0.0.1"
    learner.groups[group_of(url)].verify_next = True
    check(url3, body3, odd)
    assert learner.stats[DROPPED] == 0 and learner.stats[STRUCK] == 2
    verified, result = check(pages[7][0], pages[7][1], odd)  # a second in a row
    assert verified and result.extractor == "generic"
    assert learner.stats[DROPPED] == 0 and learner.stats[STRUCK] == 3
    verified, result = check(pages[8][0], pages[8][1], odd)  # a third in a row
    assert verified and learner.stats[DROPPED] == 1
    assert learner.plan(pages[9][0]).template is None


def test_a_settled_template_clears_the_failures_of_its_group(family):
    """A template whose checks reached the `verify_every` interval, all agreeing, proves the
    group learnable: a later drop counts from zero, the group does not rest for failures
    gathered before it."""
    pages = family["wp"]
    learner = Learner(samples=3, verify_every=4, max_failures=2)
    group = learner._group(group_of(pages[0][0]))
    group.failures = 1  # an earlier failed attempt
    for url, body, _exp in pages[:3]:
        learner.observe(url, body, None, analyze_page(body, url))
    assert learner.stats[HOSTS] == 1
    for url, body, _exp in pages[3:12]:  # checks at pages 1, 2, 4, then every 4th
        crawl_step(learner, url, body)
    assert learner.stats[VERIFIED] >= 3 and group.failures == 0
    url, body, _exp = pages[12]
    while not learner.stats[DROPPED]:  # a redesign: the body container renamed
        crawl_step(learner, url, body.replace(b"entry-content", b"post-body"))
    assert group.failures == 1 and learner.learning(pages[13][0])  # no rest


def _seen(kind: str) -> PageAnalysis:
    """A generic analysis as the learner sees it: its kind and page kind (no record for a
    listing; a record's content does not matter to the listing logic)."""
    record = {"body": "text"} if kind == "article" else None
    return PageAnalysis(kind, record, [], "utf-8", False, kind, "generic")


def _listing_plans(learner, urls, kind="listing") -> list[str]:
    out = []
    for url in urls:
        plan = learner.plan(url)
        if plan.links_only:
            out.append("links")
        else:
            assert plan.template is None
            learner.observe(url, b"", None, _seen(kind))
            out.append("generic")
    return out


def test_a_listing_group_is_read_for_its_links_with_checks_on_the_template_schedule():
    learner = Learner(samples=4, verify_every=8)
    urls = [f"{BASE}/blog/page/{n}/" for n in range(2, 40)]
    used = _listing_plans(learner, urls)
    assert used[:4] == ["generic"] * 4  # the samples
    # then checked at the 1st, 2nd, 4th, 8th page and every 8th after that
    checks = [i for i, u in enumerate(used[4:], 1) if u == "generic"]
    assert checks[:4] == [1, 3, 7, 15] and checks[4] - checks[3] == 8
    assert learner.stats[LISTING_PAGES] == used.count("links")
    assert learner.stats[HOSTS] == 0 and not learner.take_changes()


def test_an_article_in_the_group_ends_links_only_reading():
    learner = Learner(samples=4)
    urls = [f"{BASE}/news/page/{n}/" for n in range(2, 8)]
    assert _listing_plans(learner, urls[:6]) == ["generic"] * 5 + ["links"]  # 4 + 1 check
    # an article under the same URL shape: every later page is analysed
    learner.observe(f"{BASE}/news/slug/a-story/", b"", None, _seen("article"))
    assert _listing_plans(learner, [f"{BASE}/news/page/{n}/" for n in range(8, 30)],
                          kind="listing") == ["generic"] * 22


def test_only_urls_that_say_listing_are_read_for_links_only():
    """Section fronts and plain slugs are weak hints: a listing there is still analysed, and
    so is a page of a listing group whose own URL does not say listing."""
    learner = Learner(samples=2)
    assert _listing_plans(learner, [f"{BASE}/health/", f"{BASE}/diet/", f"{BASE}/eyes/"]) \
        == ["generic"] * 3
    tags = [f"{BASE}/tag/{t}/" for t in ("a", "b", "c", "d")]
    assert _listing_plans(learner, tags) == ["generic", "generic", "generic", "links"]
    assert not learner.plan(f"{BASE}/tag/some-page.html").links_only  # another shape


def _consistent(pages) -> list:
    """zh pages whose generic body is the lead-in plus the expected body (on the others the
    generic body takes the dateline and the reference list as well)."""
    out = []
    for url, body, exp in pages:
        record = analyze_page(body, url).record
        if record and record["body"].split("\n\n")[1:] == exp["body"].split("\n\n"):
            out.append((url, body, exp, record))
    return out


def _text_between_brs(body: bytes) -> bool:
    from lxml import html

    box = html.fromstring(body).find(".//div[@id='text']")
    return box is not None and not [p for p in box.iter("p") if p.get("class") != "editor"]


def test_a_container_holding_its_text_between_brs_still_gets_drop_rules(family):
    """The GBK portal writes some articles as text between <br>s right in the body container
    and others as <p>s, with an editor's line (p.editor) after the text that the generic
    body leaves out. A container that holds paragraphs itself must not shield that line
    from a drop rule, or no set of samples with such a page gives a template."""
    pages = _consistent(family["zh"][:30])
    brs = [p for p in pages if _text_between_brs(p[1])]
    paras = [p for p in pages if not _text_between_brs(p[1])]
    assert len(brs) >= 2 and len(paras) >= 3
    chosen = brs[:2] + paras[:2]
    netloc, group = group_of(chosen[0][0])
    template, why = induce(netloc, group, [Sample(body, url, None, record)
                                           for url, body, _exp, record in chosen])
    assert template is not None, why
    assert "p.editor" in template.selectors["body_drop"]
    for url, body, exp, _record in brs[2:] + paras[2:]:
        learned = analyze_page(body, url, profile=template.profile).record
        assert learned["body"] == exp["body"] and learned["title"] == exp["title"]


def test_a_template_of_undated_pages_skips_the_date_search_and_a_dated_page_disagrees(family):
    """The keepto family's pages show no date: its template says so (`dated`), kept in the
    stored JSON (an older row without the key searches, as before), and its pages skip
    htmldate's search; a checked page that has a date disagrees with it."""
    undated = _learned(family["keepto"])
    assert undated.dated is False and undated.profile.date_search is False
    assert _learned(family["wp"]).dated is True
    assert Template.from_json(undated.to_json()).dated is False
    row = undated.to_json().replace('"dated":false,', "")
    assert '"dated"' not in row and Template.from_json(row).dated is True
    url, body, _exp = family["keepto"][5]
    learned = analyze_page(body, url, profile=undated.profile).record
    assert learned["published"] is None
    generic = analyze_page(body, url).record
    assert disagreement(generic, learned) is None
    assert disagreement({**generic, "published": "2024-05-01"}, learned) == "published"
