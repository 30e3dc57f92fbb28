"""Indicators (CSV/JSONL rows per figure), corpus statistics, bundles and tables in the tree."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import vnreport
from vnreport.cli import main
from vnreport.model import SubDocument, Table
from vnreport.serialize.table import COLUMNS, indicator_rows

from ..helpers import CORPUS, SEED, check_document


def test_indicator_rows_of_the_seed(seed_doc: vnreport.Document) -> None:
    rows = list(indicator_rows(seed_doc))
    assert len(rows) > 400
    budget = next(r for r in rows if r["text"] == "1.683.240 triệu đồng")
    assert budget["value"] == 1_683_240_000_000 and budget["unit"] == "VND"
    assert budget["section_path"].startswith("Phần I")
    share = next(r for r in rows if r["text"] == "28,67%")
    assert share["comparison"] == "achieved_vs_target"
    cited = next(r for r in rows if r["footnotes"] == "3")
    assert "802,2 tỷ đồng" in cited["sentence"]
    assert all(seed_doc.text[r["start"] : r["end"]] == r["text"] for r in rows)


def test_indicators_cli_csv_and_jsonl() -> None:
    result = CliRunner().invoke(main, ["indicators", str(SEED)])
    assert result.exit_code == 0
    reader = csv.DictReader(io.StringIO(result.output))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    assert sum(1 for _ in reader) > 400
    result = CliRunner().invoke(main, ["indicators", str(SEED), "--format", "jsonl"])
    first = json.loads(result.output.splitlines()[0])
    assert set(first) == set(COLUMNS)


def test_to_frame(seed_doc: vnreport.Document) -> None:
    pytest.importorskip("pandas")
    frame = seed_doc.to_frame()
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == len(list(indicator_rows(seed_doc)))
    assert frame.loc[frame["text"] == "802,2 tỷ đồng", "value"].iloc[0] == 802_200_000_000


def test_targets_api(seed_doc: vnreport.Document) -> None:
    targets = seed_doc.targets()
    assert [t.label for t in targets] == [str(n) for n in range(1, 19)]
    income = targets[1]
    assert income.deadline_year == 2025
    assert income.values[0].low == 40_000_000 and income.values[0].high == 45_000_000


def test_evidence_summary_per_claim(seed_doc: vnreport.Document) -> None:
    claims = list(seed_doc.claims())
    assert all(c.check is not None for c in claims)
    statuses = {c.check.status for c in claims if c.check is not None}
    assert statuses <= {"supported", "partly-supported", "unsupported", "no-figures"}
    assert "supported" in statuses or "partly-supported" in statuses


def test_stats_cli_on_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "b.txt").write_text("I- MỘT\n1- Hai\nBa bốn.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    result = CliRunner().invoke(main, ["stats", str(tmp_path)])
    # The table still shows every file, but an unreadable one makes the exit status 2.
    assert result.exit_code == 2
    assert result.stderr == "vnreport: error: c.txt: input is a PNG image, not text\n"
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["file", "chars", "sections", "items"]
    seed_row = next(line for line in lines if line.startswith("a.txt"))
    assert " 47 " in seed_row  # footnote bodies
    assert "error: input is a PNG image" in next(line for line in lines if line.startswith("c.txt"))
    rows = [
        json.loads(x)
        for x in CliRunner().invoke(main, ["stats", str(tmp_path), "--format", "jsonl"]).stdout.splitlines()
    ]
    assert rows[0]["linked"] == 47


BUNDLE = """BỘ CÔNG THƯƠNG
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 56/2025/TT-BCT
Hà Nội, ngày 28 tháng 11 năm 2025

THÔNG TƯ
Quy định quy trình kiểm tra chuyên ngành

Điều 1. Phạm vi điều chỉnh
Thông tư này quy định quy trình kiểm tra chuyên ngành thuộc phạm vi quản lý của Bộ Công Thương.
Điều 2. Đối tượng áp dụng
Thông tư này áp dụng đối với cơ quan, tổ chức, cá nhân có liên quan đến hoạt động kiểm tra.
Điều 3. Trình tự kiểm tra
Việc kiểm tra được thực hiện theo kế hoạch đã được phê duyệt và công bố công khai.
Điều 4. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 15 tháng 01 năm 2026 trên phạm vi cả nước.
Các cơ quan, đơn vị có trách nhiệm tổ chức thực hiện nghiêm túc các quy định tại Thông tư này.
Trong quá trình thực hiện, nếu có vướng mắc, đề nghị phản ánh về Bộ Công Thương để hướng dẫn.

ĐOÀN KIỂM TRA
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: …/BC-ĐKT
……., ngày … tháng … năm ……

BÁO CÁO
Kết quả kiểm tra

1. Thông tin chung về cuộc kiểm tra.
2. Kết quả kiểm tra tại đơn vị.
"""


def test_a_file_with_several_documents_keeps_each_ones_furniture_and_tree() -> None:
    doc = vnreport.parse(BUNDLE)
    check_document(doc)
    subdocs = [n for n in doc.body if isinstance(n, SubDocument)]
    assert len(subdocs) == 2
    first, second = subdocs
    assert first.metadata.number == "56/2025" or first.metadata.symbol == "TT-BCT"
    assert second.metadata.doc_type_code in ("BC", None)
    assert doc.metadata == first.metadata  # the main (longest) document's
    ids = [n.id for n in doc.nodes() if hasattr(n, "id")]
    assert len(ids) == len(set(ids))
    assert all(n.id.startswith("d2.") for n in second.children)
    data = doc.to_dict()
    assert [n["type"] for n in data["body"]] == ["document", "document"]


def test_markdown_table_becomes_a_table_node() -> None:
    text = (
        "1. Kết quả thực hiện\n\nCác chỉ tiêu đạt như sau:\n\n| TT | Chỉ tiêu | Kết quả |\n|---|---|---|\n"
        "| 1 | Tăng trưởng | 7,5% |\n| 2 | Thu ngân sách | **1.683** tỷ đồng |\n\n2. Nhiệm vụ\n\nTiếp tục thực hiện.\n"
    )
    doc = vnreport.parse(text)
    check_document(doc)
    (table,) = [n for n in doc.nodes() if isinstance(n, Table)]
    assert [[c.text for c in row.cells] for row in table.rows][-1] == ["2", "Thu ngân sách", "**1.683** tỷ đồng"]
    assert all(doc.text[c.span.start : c.span.end] == c.text for row in table.rows for c in row.cells)


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus not present")
def test_corpus_appendix_tables_and_pdf_footnotes() -> None:
    doc = vnreport.parse_file(CORPUS / "01_thainguyen-bao-cao-chinh-tri-2025.txt")
    tables = [n for n in doc.nodes() if isinstance(n, Table)]
    assert tables and len(tables[0].rows) > 50
    refs = [r for s in doc.sentences() for r in s.footnote_refs]
    assert len(doc.footnotes) >= 26 and all(r.footnote for r in refs)
    circular = vnreport.parse_file(CORPUS / "18_thong-tu-56-2025-tt-bct_markdown.txt")
    assert len([n for n in circular.body if isinstance(n, SubDocument)]) >= 5
    assert circular.metadata.number == "56/2025" or "56" in (circular.metadata.number or "")
