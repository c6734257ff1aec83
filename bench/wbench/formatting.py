"""The small formatting helpers every engine is given (the People's Bank rules for filling vouchers): money in capitals and figures, dates
in Chinese or Arabic numerals, Chinese numbers. Standard library only: they run inside each peer's venv.

Amounts are decimal strings computed in integer 分, never binary floating point. Spelling choices (kept
stable): "整" after 元 and after 角 when there is no 分; one 零 for a run of zeros inside the integer part;
零 after 元 when 角 is 0 and 分 is not; no 零 between 元 and a non-zero 角 (￥1,680.32 → …捌拾元叁角贰分);
壹拾 for a leading ten.
"""

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ("仟", "佰", "拾", "")
BIG_UNITS = ("", "万", "亿", "万亿")
PLAIN_DIGITS = "〇一二三四五六七八九"


def fen(amount):
    """'34020.00' → 3402000; refuses signs, separators and more than two decimals."""
    text = str(amount).strip()
    whole, _, frac = text.partition(".")
    if not whole.isdigit() or len(frac) > 2 or (frac and not frac.isdigit()):
        raise ValueError("not an amount: %r" % text)
    return int(whole) * 100 + int((frac + "00")[:2])


def amount_text(cents, always_decimals=True):
    """3402000 → '34020.00' (or '34020' when always_decimals is False and there are no 分)."""
    yuan, rest = divmod(cents, 100)
    if rest == 0 and not always_decimals:
        return str(yuan)
    return "%d.%02d" % (yuan, rest)


def _group_capitals(group):
    """A four-digit group (1…9999) in capitals, with one 零 for an inner run of zeros."""
    out = []
    pending_zero = False
    digits = "%04d" % group
    for digit, unit in zip(digits, SMALL_UNITS):
        if digit == "0":
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(DIGITS[int(digit)] + unit)
    return "".join(out)


def _integer_capitals(number):
    groups = []
    while number:
        number, group = divmod(number, 10000)
        groups.append(group)
    out = []
    zero_pending = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            zero_pending = bool(out)
            continue
        if out and (zero_pending or group < 1000):
            out.append("零")
        out.append(_group_capitals(group) + BIG_UNITS[index])
        zero_pending = False
    return "".join(out)


def capitals(amount):
    """'1409.02' → '人民币壹仟肆佰零玖元零贰分'."""
    cents = fen(amount)
    yuan, rest = divmod(cents, 100)
    jiao, fen_ = divmod(rest, 10)
    if cents == 0:
        return "人民币零元整"
    out = ["人民币"]
    if yuan:
        out.append(_integer_capitals(yuan) + "元")
    if jiao == 0 and fen_ == 0:
        out.append("整")
    elif jiao == 0:
        out.append(("零" if yuan else "") + DIGITS[fen_] + "分")
    else:
        out.append(DIGITS[jiao] + "角" + (DIGITS[fen_] + "分" if fen_ else "整"))
    return "".join(out)


def figures(amount):
    """'34020' → '￥34,020.00' (U+FFE5, thousands separators)."""
    yuan, rest = divmod(fen(amount), 100)
    return "\uffe5{:,}.{:02d}".format(yuan, rest)


def chinese_number(n):
    """0…99 in Chinese numerals as counted: 3 → 三, 10 → 十, 21 → 二十一."""
    n = int(n)
    if n < 10:
        return "零一二三四五六七八九"[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else "零一二三四五六七八九"[tens]) + "十" + ("" if units == 0 else "零一二三四五六七八九"[units])


def chinese_date(iso):
    """'2026-03-10' → '二〇二六年三月十日' (agreements and court papers)."""
    year, month, day = iso.split("-")
    return "".join(PLAIN_DIGITS[int(d)] for d in year) + "年" + chinese_number(month) + "月" + chinese_number(day) + "日"


def arabic_date(iso):
    """'1978-03-12' → '1978年3月12日' (GB/T 9704: no leading zeros)."""
    year, month, day = iso.split("-")
    return "%s年%d月%d日" % (year, int(month), int(day))


# The names under which the helpers are passed into every engine (the templates use these names).
HELPERS = {
    "capitals": capitals,
    "figures": figures,
    "cn_number": chinese_number,
    "cn_date": chinese_date,
    "date": arabic_date,
    "enumerate": enumerate,
}


def _self_check():
    table = {
        "1409.02": "人民币壹仟肆佰零玖元零贰分",
        "1680.32": "人民币壹仟陆佰捌拾元叁角贰分",
        "34020.00": "人民币叁万肆仟零贰拾元整",
        "10": "人民币壹拾元整",
        "19.99": "人民币壹拾玖元玖角玖分",
        "0.07": "人民币柒分",
        "0.50": "人民币伍角整",
        "100000000.01": "人民币壹亿元零壹分",
        "10005": "人民币壹万零伍元整",
        "1000500": "人民币壹佰万零伍佰元整",
        "200000": "人民币贰拾万元整",
    }
    for given, wanted in table.items():
        assert capitals(given) == wanted, (given, capitals(given), wanted)
    assert figures("1409.02") == "\uffe51,409.02"
    assert figures("34020") == "\uffe534,020.00"
    assert chinese_date("2026-11-22") == "二〇二六年十一月二十二日"
    assert chinese_date("2026-03-10") == "二〇二六年三月十日"
    assert arabic_date("2026-03-02") == "2026年3月2日"
    assert fen("19.99") == 1999 and fen("100000000.01") == 10000000001


if __name__ == "__main__":
    _self_check()
    print("formatting: all checks pass")
