"""The national annual-report format as data.

Two formats exist:

- "2021": 国办公开办函〔2021〕30号, for reports on 2021 and later;
- "2019": the trial format of 国办公开办函〔2019〕60号 (reports on 2019, 2020).

Keys are the canonical JSON names of ``spec/report-json.md``; labels are the
official text character for character (full-width brackets, “三安全一稳定”
with Chinese quotes).  Templates, parsers and checks read labels from here and
never keep copies of their own.
"""

from dataclasses import dataclass, field

SCHEMA_ID = "gongkai.annual-report/1"
FORMATS = ("2021", "2019")

# 《条例》第五十条 and the format: six sections, fixed order and headings.
SECTION_HEADINGS = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)
# The free-text sections and their keys in ``sections``.
NARRATIVE_SECTIONS = {"overview": 0, "problems": 4, "other": 5}

# Sub-topics of section 一 required by the 2021 format (R63).
OVERVIEW_TOPICS = (
    "主动公开",
    "依申请公开",
    "政府信息管理",
    "政府信息公开平台建设",
    "监督保障",
)


@dataclass(frozen=True)
class Column:
    key: str
    label: str


# ---------------------------------------------------------------------------
# Section 三: 收到和处理政府信息公开申请情况 (identical columns in both formats)
# ---------------------------------------------------------------------------

APPLICANT_COLUMNS = (
    Column("natural_person", "自然人"),
    Column("commercial", "商业企业"),
    Column("research", "科研机构"),
    Column("public_interest", "社会公益组织"),
    Column("legal_services", "法律服务机构"),
    Column("other_org", "其他"),
    Column("total", "总计"),
)
N_COLUMNS = len(APPLICANT_COLUMNS)
TOTAL_COLUMN = N_COLUMNS - 1
APPLICANT_HEADER = "申请人情况"
ORGANISATION_HEADER = "法人或其他组织"
# The five sub-types of 法人或其他组织 span columns 1..5.
ORGANISATION_SPAN = (1, 6)
BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
RESULTS_BLOCK = "三、本年度办理结果"


@dataclass(frozen=True)
class Row:
    """One data row of table 三.

    ``group`` is the label of the (三)–(六) group a leaf belongs to, or ``None``
    for rows standing alone; ``in_results`` marks the rows inside the vertical
    三、本年度办理结果 block; ``outcome`` marks the leaf outcome rows whose sum is
    （七）总计.
    """

    key: str
    label: str
    group: str | None = None
    in_results: bool = False
    outcome: bool = False


def _leaves(prefix: str, group: str, labels: tuple[str, ...]) -> tuple[Row, ...]:
    return tuple(
        Row(f"{prefix}_{i}", label, group, in_results=True, outcome=True)
        for i, label in enumerate(labels, start=1)
    )


GROUP_WITHHELD = "（三）不予公开"
GROUP_UNABLE = "（四）无法提供"
GROUP_NOT_PROCESSED = "（五）不予处理"
GROUP_OTHER = "（六）其他处理"

_HEAD_ROWS = (
    Row("new", "一、本年新收政府信息公开申请数量"),
    Row("carried_over", "二、上年结转政府信息公开申请数量"),
    Row("disclosed", "（一）予以公开", in_results=True, outcome=True),
    Row(
        "partially_disclosed",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        in_results=True,
        outcome=True,
    ),
    *_leaves(
        "withheld",
        GROUP_WITHHELD,
        (
            "1.属于国家秘密",
            "2.其他法律行政法规禁止公开",
            "3.危及“三安全一稳定”",
            "4.保护第三方合法权益",
            "5.属于三类内部事务信息",
            "6.属于四类过程性信息",
            "7.属于行政执法案卷",
            "8.属于行政查询事项",
        ),
    ),
    *_leaves(
        "unable",
        GROUP_UNABLE,
        (
            "1.本机关不掌握相关政府信息",
            "2.没有现成信息需要另行制作",
            "3.补正后申请内容仍不明确",
        ),
    ),
    *_leaves(
        "not_processed",
        GROUP_NOT_PROCESSED,
        (
            "1.信访举报投诉类申请",
            "2.重复申请",
            "3.要求提供公开出版物",
            "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息",
        ),
    ),
)
_OTHER_2021 = _leaves(
    "other",
    GROUP_OTHER,
    (
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
    ),
)
_OTHER_2019 = (Row("other", GROUP_OTHER, in_results=True, outcome=True),)
_TAIL_ROWS = (
    Row("total", "（七）总计", in_results=True),
    Row("carried_forward", "四、结转下年度继续办理"),
)


# ---------------------------------------------------------------------------
# Section 二: 主动公开政府信息情况
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ProactiveRow:
    """A row of a section 二 sub-table; ``key`` is its name in ``proactive``.

    ``fields`` are the JSON names of the row's cells, in column order.  A row
    with a single cell stores a bare number (``fields == ("",)``).
    """

    key: str
    label: str
    fields: tuple[str, ...] = ("",)


@dataclass(frozen=True)
class ProactiveTable:
    item: str  # 第二十条第（一）项
    columns: tuple[str, ...]  # header labels after 信息内容
    rows: tuple[ProactiveRow, ...]


PROACTIVE_FIRST_COLUMN = "信息内容"

PROACTIVE_2021 = (
    ProactiveTable(
        "第二十条第（一）项",
        ("本年制发件数", "本年废止件数", "现行有效件数"),
        (
            ProactiveRow("regulations", "规章", ("issued", "repealed", "in_force")),
            ProactiveRow(
                "normative_documents",
                "行政规范性文件",
                ("issued", "repealed", "in_force"),
            ),
        ),
    ),
    ProactiveTable(
        "第二十条第（五）项",
        ("本年处理决定数量",),
        (ProactiveRow("licensing", "行政许可"),),
    ),
    ProactiveTable(
        "第二十条第（六）项",
        ("本年处理决定数量",),
        (ProactiveRow("penalty", "行政处罚"), ProactiveRow("enforcement", "行政强制")),
    ),
    ProactiveTable(
        "第二十条第（八）项",
        ("本年收费金额（单位：万元）",),
        (ProactiveRow("fees_10k_yuan", "行政事业性收费"),),
    ),
)

_ITEM_COLUMNS_2019 = ("上一年项目数量", "本年增/减", "处理决定数量")
_ITEM_FIELDS_2019 = ("previous", "change", "decisions")

PROACTIVE_2019 = (
    ProactiveTable(
        "第二十条第（一）项",
        ("本年新制作数量", "本年新公开数量", "对外公开总数量"),
        (
            ProactiveRow("regulations", "规章", ("made", "published", "total_public")),
            ProactiveRow(
                "normative_documents",
                "规范性文件",
                ("made", "published", "total_public"),
            ),
        ),
    ),
    ProactiveTable(
        "第二十条第（五）项",
        _ITEM_COLUMNS_2019,
        (
            ProactiveRow("licensing", "行政许可", _ITEM_FIELDS_2019),
            ProactiveRow("other_services", "其他对外管理服务事项", _ITEM_FIELDS_2019),
        ),
    ),
    ProactiveTable(
        "第二十条第（六）项",
        _ITEM_COLUMNS_2019,
        (
            ProactiveRow("penalty", "行政处罚", _ITEM_FIELDS_2019),
            ProactiveRow("enforcement", "行政强制", _ITEM_FIELDS_2019),
        ),
    ),
    ProactiveTable(
        "第二十条第（八）项",
        ("上一年项目数量", "本年增/减"),
        (ProactiveRow("fees", "行政事业性收费", ("previous", "change")),),
    ),
    ProactiveTable(
        "第二十条第（九）项",
        ("采购项目数量", "采购总金额"),
        (ProactiveRow("procurement", "政府集中采购", ("projects", "amount")),),
    ),
)

# ---------------------------------------------------------------------------
# Section 四: 政府信息公开行政复议、行政诉讼情况 (identical in both formats)
# ---------------------------------------------------------------------------

APPEAL_COLUMNS = (
    Column("upheld", "结果维持"),
    Column("corrected", "结果纠正"),
    Column("other", "其他结果"),
    Column("pending", "尚未审结"),
    Column("total", "总计"),
)
N_APPEAL_COLUMNS = len(APPEAL_COLUMNS)
RECONSIDERATION_HEADER = "行政复议"
LITIGATION_HEADER = "行政诉讼"
APPEAL_GROUPS = (
    Column("reconsideration", "行政复议"),
    Column("litigation_direct", "未经复议直接起诉"),
    Column("litigation_after_reconsideration", "复议后起诉"),
)


# ---------------------------------------------------------------------------
# One object per format
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportFormat:
    key: str
    title: str
    source: str
    proactive: tuple[ProactiveTable, ...]
    rows: tuple[Row, ...]
    row_index: dict[str, int] = field(default_factory=dict, compare=False)

    def __post_init__(self):
        self.row_index.update({row.key: i for i, row in enumerate(self.rows)})

    @property
    def row_keys(self) -> tuple[str, ...]:
        return tuple(row.key for row in self.rows)

    @property
    def outcome_keys(self) -> tuple[str, ...]:
        return tuple(row.key for row in self.rows if row.outcome)

    def row(self, key: str) -> Row:
        return self.rows[self.row_index[key]]

    def proactive_rows(self):
        """Yield ``(table, row)`` for every row of section 二."""
        for table in self.proactive:
            for row in table.rows:
                yield table, row


FORMAT_2021 = ReportFormat(
    "2021",
    "中华人民共和国政府信息公开工作年度报告格式",
    "国办公开办函〔2021〕30号",
    PROACTIVE_2021,
    _HEAD_ROWS + _OTHER_2021 + _TAIL_ROWS,
)
FORMAT_2019 = ReportFormat(
    "2019",
    "中华人民共和国政府信息公开工作年度报告格式（试行）",
    "国办公开办函〔2019〕60号",
    PROACTIVE_2019,
    _HEAD_ROWS + _OTHER_2019 + _TAIL_ROWS,
)
REPORT_FORMATS = {"2021": FORMAT_2021, "2019": FORMAT_2019}


def get_format(key: str) -> ReportFormat:
    """Return the format for ``"2021"`` or ``"2019"``; raise ``KeyError`` else."""
    return REPORT_FORMATS[key]


def format_for_year(year: int) -> str:
    """Return the format a report on ``year`` must use (R52)."""
    return "2019" if year <= 2020 else "2021"
