"""Pages saved in legacy encodings, with missing or wrong declarations, decode correctly."""
from cleaners.encoding import decode_html
from cleaners.extract import extract_article

ZH = ("<html><head>{meta}<title>腰椎间盘突出</title></head><body><h1>腰椎间盘突出与腿无力</h1>"
      "<p>腰椎间盘突出是比较常见的疾病之一，主要是由于腰椎间盘各部分不同程度的退行性改变。</p></body></html>")
RU = ("<html><head>{meta}</head><body><h1>Боль в спине</h1><p>Читайте внимательно: "
      "грыжа межпозвоночного диска встречается часто.</p></body></html>")
FR = ("<html><head>{meta}</head><body><h1>Santé</h1><p>Hernie discale : les symptômes "
      "évoluent, même à l'âge adulte.</p></body></html>")


def test_gbk_with_meta():
    data = ZH.format(meta='<meta charset="gbk">').encode("gbk")
    text, enc, warnings = decode_html(data)
    assert "腰椎间盘突出与腿无力" in text and enc == "gb18030" and warnings == []


def test_gbk_with_wrong_header_and_right_meta():
    data = ZH.format(meta='<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    text, _, _ = decode_html(data.encode("gbk"), header_charset="iso-8859-1")
    assert "腰椎间盘突出与腿无力" in text


def test_utf8_page_with_wrong_latin1_header():
    text, enc, _ = decode_html(FR.format(meta="").encode("utf-8"), header_charset="latin-1")
    assert "évoluent" in text and enc == "utf-8"


def test_cp1251_without_declaration_is_guessed():
    text, enc, warnings = decode_html(RU.format(meta="").encode("cp1251"))
    assert "межпозвоночного" in text
    assert warnings == ["charset_guessed"]


def test_latin1_declared_in_header_only():
    text, enc, warnings = decode_html(FR.format(meta="").encode("latin-1"), "ISO-8859-1")
    assert "évoluent" in text and warnings == []


def test_extract_article_reports_guessed_charset():
    article = extract_article(RU.format(meta="").encode("cp1251"), "http://127.0.0.1/a")
    assert article.title == "Боль в спине"
    assert "charset_guessed" in article.warnings


DE = ("<html><head>{meta}</head><body><h1>Rückenschmerzen</h1>"
      + "<p>Übungen für den Rücken: Bandscheibenvorfälle heilen häufig ohne Operation.</p>" * 40
      + "</body></html>")


def test_utf8_page_with_a_stray_latin1_byte_stays_utf8():
    """One byte of another encoding in a long UTF-8 page (a pasted Latin-1 character) makes
    the strict decode fail; the page is still UTF-8, not a guess that reads every umlaut
    wrong."""
    for meta in ('<meta charset="utf-8">', ""):
        html = DE.format(meta=meta).encode("utf-8")
        cut = html.index(b"</h1>")
        data = html[:cut] + "\u00a7".encode("latin-1") + html[cut:]
        text, enc, warnings = decode_html(data)
        assert enc == "utf-8" and warnings == ["charset_errors"]
        assert "Bandscheibenvorfälle heilen häufig" in text and text.count("\ufffd") == 1


def test_gbk_page_read_as_utf8_is_not_repaired_but_guessed():
    """A page in another encoding leaves far more than a few bad bytes in UTF-8."""
    data = ZH.format(meta="").encode("gbk")
    text, enc, warnings = decode_html(data)
    assert warnings == ["charset_guessed"] and "腰椎间盘突出与腿无力" in text


# Long enough for the double-byte check (cleaners/cjk_charset.py: 20 non-ASCII characters).
ZH_LONG = ZH.replace(
    "</p>", "</p>" + "<p>医生建议患者注意休息，避免长时间久坐，适当进行腰背肌肉锻炼。</p>" * 3)
TW = ("<html><head>{meta}</head><body><h1>腰椎間盤突出</h1>"
      + "<p>醫生建議患者注意休息，避免長時間久坐，適當進行腰背肌肉鍛鍊。</p>" * 3
      + "</body></html>")
KO = ("<html><head>{meta}</head><body><h1>허리 디스크</h1>"
      + "<p>의사는 환자에게 충분히 쉬고 오래 앉아 있지 말라고 권한다.</p>" * 3 + "</body></html>")
RU_LONG = RU.replace(
    "</p>", "</p>" + "<p>Врачи советуют больше двигаться и меньше сидеть за столом.</p>" * 20)


def test_gbk_labelled_latin1_is_read_as_gbk():
    """A server's default ISO-8859-1 (or a wrong <meta>) on a GBK page: Latin-1 decodes any
    bytes, but the double-byte reading gives common hanzi only."""
    data = ZH_LONG.format(meta='<meta charset="iso-8859-1">').encode("gbk")
    text, enc, warnings = decode_html(data)
    assert enc == "gb18030" and warnings == ["charset_guessed"]
    assert "腰椎间盘突出与腿无力" in text
    text, enc, _ = decode_html(ZH_LONG.format(meta="").encode("gbk"), "ISO-8859-1")
    assert enc == "gb18030" and "腰椎间盘突出与腿无力" in text


def test_big5_and_euc_kr_labelled_latin1_are_read_as_such():
    text, enc, _ = decode_html(TW.format(meta="").encode("big5"), "ISO-8859-1")
    assert enc == "big5" and "醫生建議患者注意休息" in text
    text, enc, _ = decode_html(KO.format(meta="").encode("euc_kr"), "ISO-8859-1")
    assert enc == "euc_kr" and "오래 앉아 있지" in text


def test_single_byte_pages_are_not_taken_for_double_byte_ones():
    """Cyrillic and Western text in their own code pages stays there, declared or guessed:
    their high bytes rarely pair up into double-byte characters, and never into common ones."""
    for page, enc in ((RU_LONG, "cp1251"), (RU_LONG, "koi8-r"), (DE, "cp1252"), (FR, "latin-1")):
        data = page.format(meta=f'<meta charset="{enc}">').encode(enc)
        text, used, warnings = decode_html(data)
        assert warnings == [] and text == data.decode(enc), enc
    text, used, _ = decode_html(RU_LONG.format(meta="").encode("cp1251"))
    assert "межпозвоночного" in text and used not in ("gb18030", "big5", "euc_kr")
