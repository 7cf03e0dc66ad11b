"""``gongkai fees …``: the 信息处理费 calculator (国办函〔2020〕109号).

``gongkai fees pages N`` prints the fee of one application of N pages
(按量计收); ``gongkai fees applications K`` the fee of the K-th application
of one applicant in a calendar month (按件计收).  The first line is the fee
in 元 (a bare integer, for scripts); the breakdown follows.

Exit status: 0 done; 2 malformed N or K (Chinese message on stderr).
"""

import sys

from gongkai.applications.fees import FeeError, application_fee, page_fee

EXIT_OK, EXIT_USAGE = 0, 2


def register(subparsers) -> None:
    parser = subparsers.add_parser("fees", help="信息处理费计算（国办函〔2020〕109号）")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    pages = commands.add_parser(
        "pages",
        help="按量计收：一件申请提供 N 页的费用",
        description="输出一件申请提供 N 页时的信息处理费（元），随后逐档列出计算过程。",
    )
    pages.add_argument("n", metavar="N", help="页数，非负整数")
    pages.set_defaults(handler=run_pages)
    applications = commands.add_parser(
        "applications",
        help="按件计收：同一申请人本月第 K 件申请的费用",
        description="输出同一申请人一个自然月内第 K 件申请的信息处理费（元），随后列出所在档次。",
    )
    applications.add_argument("k", metavar="K", help="本月第几件，正整数")
    applications.set_defaults(handler=run_applications)


def run_pages(args) -> int:
    return _print(page_fee, args.n, "页数")


def run_applications(args) -> int:
    return _print(application_fee, args.k, "件次")


def _print(function, text: str, name: str) -> int:
    try:
        fee = function(_integer(text, name))
    except FeeError as error:
        print(f"错误：{error}", file=sys.stderr)
        return EXIT_USAGE
    print(fee.amount)
    for line in fee.lines():
        print(line)
    return EXIT_OK


def _integer(text: str, name: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise FeeError(f"{name}应为整数，收到 {text!r}") from None
