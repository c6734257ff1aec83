"""Identity numbers for synthetic cases: resident ID numbers (GB 11643-1999) whose birth
date and gender digit agree with the person, unified social credit codes (GB 32100-2015), telephones."""

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)  # GB 11714 organisation code, the credit code's characters 9–17
MOBILE_PREFIXES = ("130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152", "158",
                   "159", "177", "180", "181", "182", "186", "187", "188", "189", "199")


def id_check_character(first17):
    return ID_CHECK[sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS)) % 11]


def resident_id(rng, region_code, birth_date, gender):
    """18 characters: region, birth date YYYYMMDD, a sequence whose last digit is odd for 男 and even for 女,
    and the check character."""
    sequence = rng.randrange(0, 100) * 10 + rng.choice((1, 3, 5, 7, 9) if gender == "男" else (0, 2, 4, 6, 8))
    first17 = "%s%s%03d" % (region_code, birth_date.strftime("%Y%m%d"), sequence)
    return first17 + id_check_character(first17)


def credit_code(rng, region_code, prefix="91"):
    """Registering body and kind ('91' a company, '12' a public institution such as a hospital) + region +
    a GB 11714 organisation code + check."""
    org8 = "".join(rng.choice("0123456789") for _ in range(8))
    org_check = 11 - sum(int(c) * w for c, w in zip(org8, ORG_WEIGHTS)) % 11
    org9 = org8 + {10: "X", 11: "0"}.get(org_check, str(org_check))
    first17 = prefix + region_code + org9
    total = sum(CREDIT_ALPHABET.index(c) * w for c, w in zip(first17, CREDIT_WEIGHTS))
    check = 31 - total % 31
    return first17 + CREDIT_ALPHABET[0 if check == 31 else check]


def mobile(rng):
    return rng.choice(MOBILE_PREFIXES) + "%08d" % rng.randrange(10 ** 8)


def landline(rng, area_code):
    digits = 8 if len(area_code) == 3 else rng.choice((7, 8))
    return "%s-%d%0*d" % (area_code, rng.randrange(2, 9), digits - 1, rng.randrange(10 ** (digits - 1)))


def _self_check():
    # The two IDs of examples/cases/traffic-instalments.xml.
    assert id_check_character("33010619780312123") == "9"
    assert id_check_character("33010619820715246") == "3"
    import random
    rng = random.Random(1)
    for _ in range(1000):
        code = credit_code(rng, "330106")
        total = sum(CREDIT_ALPHABET.index(c) * w for c, w in zip(code, CREDIT_WEIGHTS))
        assert (total + CREDIT_ALPHABET.index(code[17])) % 31 == 0, code


if __name__ == "__main__":
    _self_check()
    print("identity: all checks pass")
