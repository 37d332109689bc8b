"""Page furniture shared by the templates: inline CSS, scripts, icon sprites, pagination.

Real health sites ship 30-60 KB pages of which the article is a small part; this is the rest.
Everything here is built once per generation from a seeded RNG, so pages stay deterministic.
"""
from __future__ import annotations

import html
import random

esc = html.escape

_SELECTORS = (
    "body", "a", "a:hover", "h1", "h2", "h3", "p", "ul", "li", "img", "input", "button",
    ".wrap", ".header", ".logo", ".nav", ".nav li", ".nav a", ".nav .sub", ".search",
    ".search input", ".crumbs", ".main", ".left", ".right", ".box", ".box h3", ".box li",
    ".article", ".article h1", ".info", ".content", ".content p", ".content img", ".pages",
    ".pages a", ".pages .current", ".footer", ".footer a", ".copyright", ".list li",
    ".list h2", ".list p", ".tags a", ".share", ".share a", ".ad", ".top", ".menu",
    ".menu-item", ".widget", ".widget-title", ".entry-meta", ".entry-footer", ".site-title",
    ".comments-area", ".comment-form", ".screen-reader-text", ".sidebar", ".card",
    ".card-title", ".badge", ".btn", ".btn-primary", ".clearfix", ".hidden", ".icon",
)
_PROPS = (
    ("margin", ("0", "0 auto", "10px 0", "0 0 16px", "8px 12px", "20px 0 10px")),
    ("padding", ("0", "4px 8px", "10px", "12px 16px", "6px 0", "0 15px")),
    ("color", ("#333", "#666", "#999", "#1a6fb0", "#c00", "#2b2b2b", "#fff", "#0a7d55")),
    ("background", ("#fff", "#f5f5f5", "#fafafa", "#1a6fb0", "#eef6fb", "transparent")),
    ("font-size", ("12px", "13px", "14px", "16px", "18px", "22px", "1.1em", "0.9rem")),
    ("line-height", ("1.5", "1.6", "1.8", "24px", "30px", "normal")),
    ("border", ("none", "1px solid #ddd", "1px solid #e5e5e5", "2px solid #1a6fb0")),
    ("display", ("block", "inline-block", "flex", "none", "inline")),
    ("width", ("100%", "1200px", "300px", "860px", "auto", "48%")),
    ("text-align", ("left", "center", "right", "justify")),
    ("font-weight", ("normal", "bold", "600", "400")),
    ("overflow", ("hidden", "auto", "visible")),
    ("border-radius", ("0", "3px", "4px", "50%")),
    ("text-decoration", ("none", "underline")),
    ("float", ("left", "right", "none")),
)


def stylesheet(rng: random.Random, rules: int) -> str:
    out = []
    for i in range(rules):
        sel = rng.choice(_SELECTORS)
        if i % 7 == 0:
            sel = f"{sel}, {rng.choice(_SELECTORS)}"
        props = rng.sample(_PROPS, rng.randint(3, 7))
        body = ";".join(f"{name}:{rng.choice(values)}" for name, values in props)
        if i % 23 == 0:
            out.append(f"@media (max-width:{rng.choice((480, 640, 768, 1024))}px)"
                       f"{{{sel}{{{body}}}}}")
        else:
            out.append(f"{sel}{{{body}}}")
    return "\n".join(out)


def svg_sprite(rng: random.Random, names: tuple[str, ...]) -> str:
    symbols = []
    for name in names:
        points = " ".join(f"{rng.randint(0, 24)}.{rng.randint(0, 99)},{rng.randint(0, 24)}"
                          f".{rng.randint(0, 99)}" for _ in range(rng.randint(14, 26)))
        symbols.append(f'<symbol id="icon-{name}" viewBox="0 0 24 24"><path d="M{points}Z"/>'
                       "</symbol>")
    return ('<svg xmlns="http://www.w3.org/2000/svg" style="display:none">'
            + "".join(symbols) + "</svg>")


ICONS = ("search", "menu", "close", "home", "user", "heart", "share", "print", "facebook",
         "twitter", "weibo", "wechat", "arrow-left", "arrow-right", "clock", "eye", "tag", "mail")


def analytics(site_id: str) -> str:
    return (
        "var _hmt = _hmt || [];\n(function() {\n  var hm = document.createElement(\"script\");\n"
        f"  hm.src = \"https://hm.example-analytics.com/hm.js?{site_id}\";\n"
        "  var s = document.getElementsByTagName(\"script\")[0];\n"
        "  s.parentNode.insertBefore(hm, s);\n})();\n"
        "window.dataLayer = window.dataLayer || [];\n"
        "function gtag(){dataLayer.push(arguments);}\ngtag('js', new Date());\n"
        f"gtag('config', 'G-{site_id[:10].upper()}');\n"
    )


# A page-behaviour script of the kind every CMS theme inlines (menus, back-to-top, lazy images).
THEME_SCRIPT = """
(function () {
  'use strict';
  var doc = document, win = window;
  function qsa(sel, ctx) { return Array.prototype.slice.call((ctx || doc).querySelectorAll(sel)); }
  function on(el, ev, fn) { if (el) { el.addEventListener(ev, fn, false); } }
  function toggleMenu(e) {
    var menu = doc.querySelector('.menu');
    if (!menu) { return; }
    menu.classList.toggle('open');
    e.preventDefault();
  }
  on(doc.querySelector('.menu-toggle'), 'click', toggleMenu);
  qsa('.nav li').forEach(function (li) {
    on(li, 'mouseenter', function () { li.classList.add('hover'); });
    on(li, 'mouseleave', function () { li.classList.remove('hover'); });
  });
  var lazy = qsa('img[data-src]');
  function loadVisible() {
    lazy = lazy.filter(function (img) {
      var r = img.getBoundingClientRect();
      if (r.top < win.innerHeight + 200) { img.src = img.getAttribute('data-src'); return false; }
      return true;
    });
  }
  on(win, 'scroll', loadVisible);
  loadVisible();
  var top = doc.createElement('a');
  top.className = 'back-to-top';
  top.href = '#';
  top.innerHTML = '&uarr;';
  on(top, 'click', function (e) { win.scrollTo(0, 0); e.preventDefault(); });
  doc.body.appendChild(top);
  on(win, 'scroll', function () {
    top.style.display = win.pageYOffset > 600 ? 'block' : 'none';
  });
  qsa('.share a').forEach(function (a) {
    on(a, 'click', function (e) {
      win.open(a.href, 'share', 'width=600,height=480');
      e.preventDefault();
    });
  });
  var fontBtns = qsa('.font-size a');
  fontBtns.forEach(function (btn) {
    on(btn, 'click', function (e) {
      var size = btn.getAttribute('data-size') || '16';
      qsa('.content p').forEach(function (p) { p.style.fontSize = size + 'px'; });
      e.preventDefault();
    });
  });
  if (win.localStorage) {
    try {
      var visits = parseInt(win.localStorage.getItem('visits') || '0', 10) + 1;
      win.localStorage.setItem('visits', String(visits));
    } catch (err) { /* private mode */ }
  }
})();
"""

AD_SCRIPT = (
    "(adsbygoogle = window.adsbygoogle || []).push({});\n"
    "var adSlots = document.querySelectorAll('.ad ins');\n"
    "for (var i = 0; i < adSlots.length; i++) { adSlots[i].setAttribute('data-loaded', '1'); }\n"
)


def page_window(current: int, last: int, width: int = 4) -> list[int]:
    """Page numbers shown around the current one: 1 ... 7 8 [9] 10 11 ... last."""
    lo, hi = max(1, current - width), min(last, current + width)
    return sorted({1, last, *range(lo, hi + 1)})
