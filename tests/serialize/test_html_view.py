"""The HTML view in a real browser (the system's headless Chromium, driven by selenium; skipped
where either is absent): every section title and footnote body is on the page, clicking a marker
shows its body, an outline link brings its section into view, and the console stays clean."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import vnreport
from vnreport.model import Section
from vnreport.serialize.inline import footnote_text, one_line

from ..helpers import CORPUS, SEED

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FILES = [SEED, *([CORPUS / "12_hsv-hcmute-van-kien-dai-hoi-xii.txt"] if CORPUS.is_dir() else [])]


def test_page_is_self_contained(seed_doc: vnreport.Document) -> None:
    page = seed_doc.to_html()
    assert page.startswith("<!DOCTYPE html>") and '<html lang="vi">' in page
    assert "http://" not in page.split("<body>")[0] and "src=" not in page and '<link rel="stylesheet"' not in page
    assert page.count('class="fn-ref"') == sum(len(s.footnote_refs) for s in seed_doc.sentences())


def test_text_is_escaped() -> None:
    doc = vnreport.parse("I. KẾT QUẢ\nDoanh thu đạt <script>alert(1)</script> & 5 tỷ đồng trong năm nay.\n")
    page = doc.to_html()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in page


def test_recipients_read_as_one_list(seed_doc: vnreport.Document) -> None:
    """Each printed entry ends in ","; joined with "; " the marks must not double ("),; Các")."""
    page = seed_doc.to_html()
    assert "Thường trực Tỉnh uỷ (báo cáo); Các Ban Đảng" in page
    assert ",;" not in page and "Lưu VT." in page


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    webdriver = pytest.importorskip("selenium.webdriver")
    service_module = pytest.importorskip("selenium.webdriver.chrome.service")
    if not (Path(CHROMIUM).exists() and Path(DRIVER).exists()):
        pytest.skip("no system Chromium (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1300,900"):
        options.add_argument(argument)
    options.binary_location = CHROMIUM
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=service_module.Service(DRIVER), options=options)
    yield driver
    driver.quit()


def _titles(doc: vnreport.Document) -> list[str]:
    return [
        one_line(" ".join(p for p in (n.marker.text if n.marker else "", n.title) if p))
        for n in doc.nodes()
        if isinstance(n, Section) and (n.title or n.marker)
    ]


@pytest.mark.parametrize("path", FILES, ids=lambda p: Path(p).name[:30])
def test_page_in_the_browser(browser: Any, path: Path, tmp_path: Path) -> None:
    by = pytest.importorskip("selenium.webdriver.common.by").By
    doc = vnreport.parse_file(path)
    page = tmp_path / "page.html"
    page.write_text(doc.to_html(), encoding="utf-8")
    browser.get(page.as_uri())
    text = one_line(browser.find_element(by.TAG_NAME, "body").get_attribute("textContent"))
    assert all(title in text for title in _titles(doc))
    assert all(footnote_text(doc.text, note) in text for note in doc.all_footnotes())
    for note in doc.all_footnotes()[:3]:
        marker = browser.find_element(by.CSS_SELECTOR, f'a.fn-ref[href="#fn-{note.id}"]')
        browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", marker)
        marker.click()
        popover = browser.find_element(by.ID, "popover")
        assert popover.is_displayed() and footnote_text(doc.text, note) in one_line(popover.text)
        browser.find_element(by.TAG_NAME, "body").send_keys("\ue00c")  # Escape closes it
        assert not popover.is_displayed()
    links = browser.find_elements(by.CSS_SELECTOR, "nav.outline a[href^='#n-']")
    last = links[-1]
    target = last.get_attribute("href").split("#", 1)[1]
    browser.execute_script("document.documentElement.style.scrollBehavior = 'auto'")
    last.click()
    top = browser.execute_script(f"return document.getElementById('{target}').getBoundingClientRect().top")
    height = browser.execute_script("return window.innerHeight")
    assert 0 <= top < height
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, errors
