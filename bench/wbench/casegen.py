"""Synthetic but realistic people's-mediation cases, in the vocabulary of docs/case-format.md.

Case i depends only on (seed, i), so the first N cases of a 10,000-case set are the N-case set. A case is a
plain dict (ordered as in examples/cases/traffic-instalments.xml); wbench.serialize writes it as XML, YAML or
JSON. Names, addresses and numbers are invented; ID numbers, credit codes and instalment sums are valid.
"""

import datetime
import random

from . import identity
from .formatting import amount_text, fen, figures

# (city, district, region code, telephone area code, short name used in case numbers, streets)
REGIONS = (
    ("杭州市", "西湖区", "330106", "0571", "西", ("古荡街道", "翠苑街道", "文新街道", "北山街道")),
    ("北京市", "朝阳区", "110105", "010", "朝", ("建外街道", "望京街道", "劲松街道", "八里庄街道")),
    ("上海市", "浦东新区", "310115", "021", "浦", ("潍坊新村街道", "花木街道", "洋泾街道", "金杨新村街道")),
    ("广州市", "天河区", "440106", "020", "天", ("石牌街道", "沙河街道", "员村街道", "林和街道")),
    ("成都市", "武侯区", "510107", "028", "武", ("浆洗街街道", "玉林街道", "火车南站街道", "红牌楼街道")),
    ("武汉市", "武昌区", "420106", "027", "昌", ("中华路街道", "积玉桥街道", "首义路街道", "南湖街道")),
    ("南京市", "玄武区", "320102", "025", "玄", ("梅园新村街道", "新街口街道", "玄武门街道", "锁金村街道")),
    ("西安市", "雁塔区", "610113", "029", "雁", ("小寨路街道", "大雁塔街道", "长延堡街道", "电子城街道")),
    ("济南市", "历下区", "370102", "0531", "历", ("泉城路街道", "大明湖街道", "千佛山街道", "燕山街道")),
    ("长沙市", "岳麓区", "430104", "0731", "麓", ("橘子洲街道", "望月湖街道", "银盆岭街道", "观沙岭街道")),
)
COMMUNITIES = ("嘉绿苑", "翠苑二区", "文一新村", "阳光花园", "金色家园", "锦绣华庭", "和平里", "幸福小区",
               "东方明珠苑", "梧桐苑", "紫荆花园", "滨江花城", "丽景湾", "春江花月", "桂花城")
ROADS = ("文三路", "学院路", "解放路", "人民路", "建设路", "中山路", "和平路", "新华路", "长江路", "黄河路")
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
            "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
MALE_GIVEN = "建国伟强军磊勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆峰亮志文博晨东海林"
FEMALE_GIVEN = "秀英敏静丽艳娟霞芳燕玲婷雪慧红梅兰琳倩颖洁晶莉萍琴云凤琼桂珍月"
ETHNICITIES = ("汉族",) * 18 + ("回族", "满族", "壮族", "苗族", "土家族", "蒙古族")
OCCUPATIONS = ("个体工商户", "公司职员", "农民", "退休人员", "教师", "自由职业", "工人", "司机", "外卖骑手",
               "厨师", "会计", "销售人员", "无业")
COMPANY_WORDS = ("恒达", "华信", "宏图", "鑫源", "金诚", "瑞丰", "永泰", "天成", "嘉禾", "博远", "中和", "凯越")


class Builder:
    """Random choices for one case, all drawn from one seeded generator."""

    def __init__(self, seed, index):
        self.rng = random.Random("%s:%d" % (seed, index))
        self.index = index
        self.city, self.district, self.region_code, self.area_code, self.short, self.streets = \
            self.rng.choice(REGIONS)
        self.used_names = set()

    # --- people and organisations ------------------------------------------------------------
    def name(self, gender, surname=None):
        while True:
            pool = MALE_GIVEN if gender == "男" else FEMALE_GIVEN
            given = "".join(self.rng.choice(pool) for _ in range(self.rng.choice((1, 2, 2))))
            full = (surname or self.rng.choice(SURNAMES)) + given
            if full not in self.used_names:
                self.used_names.add(full)
                return full

    def address(self):
        return "%s%s%s%s%d幢%d单元%d室" % (
            self.city, self.district, self.rng.choice(self.streets), self.rng.choice(COMMUNITIES),
            self.rng.randint(1, 30), self.rng.randint(1, 4), self.rng.randint(1, 18) * 100 + self.rng.randint(1, 4))

    def phone(self):
        return identity.mobile(self.rng) if self.rng.random() < 0.85 else identity.landline(self.rng, self.area_code)

    def birth_date(self, on, youngest=20, oldest=75):
        age = self.rng.randint(youngest, oldest)
        start = datetime.date(on.year - age - 1, on.month, 1) + datetime.timedelta(days=1)
        return start + datetime.timedelta(days=self.rng.randrange(360))

    def person(self, pid, role, on, gender=None, surname=None, occupation=None, youngest=20, oldest=75):
        gender = gender or self.rng.choice(("男", "女"))
        born = self.birth_date(on, youngest, oldest)
        return {
            "id": pid, "role": role, "kind": "person",
            "name": self.name(gender, surname),
            "gender": gender,
            "ethnicity": self.rng.choice(ETHNICITIES),
            "birth_date": born.isoformat(),
            "occupation": occupation or self.rng.choice(OCCUPATIONS),
            "id_type": "居民身份证",
            "id_number": identity.resident_id(self.rng, self.region_code, born, gender),
            "address": self.address(),
            "phone": self.phone(),
        }

    def organisation(self, pid, role, name, representative_title="法定代表人", public_body=False):
        gender = self.rng.choice(("男", "女"))
        code = identity.credit_code(self.rng, self.region_code, "12" if public_body else "91")
        return {
            "id": pid, "role": role, "kind": "organisation",
            "name": name,
            "credit_code": code,
            "address": "%s%s%s%d号" % (self.city, self.district, self.rng.choice(ROADS), self.rng.randint(1, 300)),
            "phone": identity.landline(self.rng, self.area_code),
            "representative": {"name": self.name(gender), "title": representative_title},
        }

    def company(self, trade):
        return "%s%s%s有限公司" % (self.city[:-1], self.rng.choice(COMPANY_WORDS), trade)

    def agent(self, on, relation=None):
        gender = {"女": "女", "子": "男"}.get((relation or " ")[-1]) or self.rng.choice(("男", "女"))
        born = self.birth_date(on, 25, 60)
        lawyer = relation is None
        agent = {
            "name": self.name(gender),
            "kind": "委托代理人",
        }
        if relation:
            agent["relation"] = relation
        agent.update({
            "gender": gender,
            "id_type": "居民身份证",
            "id_number": identity.resident_id(self.rng, self.region_code, born, gender),
        })
        if lawyer:
            agent["workplace"] = "%s%s律师事务所" % (self.city[:2], self.rng.choice(("明德", "正义", "天平", "君信", "和达")))
        agent.update({
            "phone": identity.mobile(self.rng),
            "authority": self.rng.choice(("一般授权", "特别授权")),
        })
        agent["may_apply_confirmation"] = "true" if agent["authority"] == "特别授权" else "false"
        return agent

    # --- money -------------------------------------------------------------------------------
    def amount(self, low, high, step=1):
        """An amount in 分 between low and high yuan, a multiple of `step` yuan (step 0.01 gives 分)."""
        step_fen = max(1, int(round(step * 100)))
        return self.rng.randrange(int(low * 100) // step_fen, int(high * 100) // step_fen + 1) * step_fen

    def split(self, total, parts):
        """Instalments in 分 summing exactly to total: round hundreds of yuan, the remainder first."""
        if parts <= 1 or total < parts * 20000:
            return [total]
        rest = [total // parts // 10000 * 10000] * (parts - 1)
        return [total - sum(rest)] + rest

    def money(self, cents):
        """A decimal string as a clerk types it: '14020.00', '10000' or '19.99'."""
        return amount_text(cents, always_decimals=cents % 100 != 0 or self.rng.random() < 0.5)

    # --- dates -------------------------------------------------------------------------------
    def later(self, day, low, high):
        return day + datetime.timedelta(days=self.rng.randint(low, high))


def _yuan(cents):
    """'34,020' or '1,409.02' for amounts written inside sentences."""
    return figures(amount_text(cents))[1:].removesuffix(".00")


# --- scenarios: one per dispute type; each fills parties, story and the agreement's terms -----------

def traffic(b, on):
    a = b.person("p1", "申请人", on)
    r = b.person("p2", "被申请人", on, occupation=b.rng.choice(("公司职员", "司机", "个体工商户")))
    plate = "%s·%s%d%s%d" % (b.rng.choice("ABCDE"), b.rng.choice("ABCDEFGHJK"), b.rng.randint(1, 9),
                            b.rng.choice("KLMNPQ"), b.rng.randint(100, 999))
    injury = b.rng.choice(("左腿骨折", "右臂骨折", "头部挫伤", "多处软组织挫伤", "锁骨骨折"))
    road = b.rng.choice(ROADS)
    claimed = b.amount(8000, 150000, 100)
    total = claimed * b.rng.choice((6, 7, 8)) // 10 // 10000 * 10000 + b.amount(0, 99, 1)
    share = b.rng.choice(("主要", "全部"))
    when = b.later(on, -40, -5)
    return {
        "type": "道路交通事故", "title_tail": "道路交通事故损害赔偿纠纷", "parties": [a, r],
        "committee": ("%s%s道路交通事故人民调解委员会" % (b.city, b.district), "行业性专业性"),
        "series": "交",
        "summary": "%s，%s驾驶车牌号为%s的小型轿车行经%s时，与%s相撞，致%s%s。交警部门认定%s负事故%s责任。双方就赔偿数额协商未果。"
                   % (b_date(when), r["name"], plate, road, a["name"], a["name"], injury, r["name"], share),
        "claims": ["请求被申请人赔偿医疗费、误工费、护理费、交通费等各项损失共计人民币%s元。" % _yuan(claimed)],
        "facts": "%s，%s驾驶小型轿车与%s发生碰撞，致%s%s。双方就赔偿数额发生争议。" % (b_date(when), r["name"], a["name"], a["name"], injury),
        "responsibilities": "经公安机关交通管理部门认定，%s负事故%s责任%s。" % (
            r["name"], share, "" if share == "全部" else "，%s负次要责任" % a["name"]),
        "terms": [
            ("被申请人%s赔偿申请人%s医疗费、误工费、护理费、交通费等各项损失共计人民币%s元。" % (r["name"], a["name"], _yuan(total)), total),
            ("上述款项支付方式为银行转账至申请人指定账户。", None),
            ("本协议履行完毕后，双方就本次事故再无其他争议。", None),
        ],
        "total": total, "instalments": b.rng.choice((1, 2, 3, 3)),
        "performance_terms": "被申请人按上述期限支付，逾期未付的，申请人可就未付部分依法申请强制执行。",
    }


def neighbours(b, on):
    a = b.person("p1", "申请人", on)
    r = b.person("p2", "被申请人", on)
    total = b.amount(500, 15000, 10)
    return {
        "type": "邻里", "title_tail": "相邻关系纠纷", "parties": [a, r],
        "summary": "%s家卫生间水管渗漏，致楼下%s家天花板及墙面受损。双方多次协商维修及赔偿事宜未果，矛盾激化。" % (r["name"], a["name"]),
        "claims": ["请求被申请人修复渗漏水管并赔偿装修损失%s元。" % _yuan(total)],
        "facts": "%s家水管渗漏致%s家天花板、墙面受损，双方就维修和赔偿发生争议。" % (r["name"], a["name"]),
        "responsibilities": "经现场查看，渗漏系被申请人家中水管老化所致，被申请人应承担维修及赔偿责任。",
        "terms": [
            ("被申请人%s于协议签订后七日内修复渗漏水管，并做闭水试验。" % r["name"], None),
            ("被申请人赔偿申请人装修损失共计人民币%s元。" % _yuan(total), total),
            ("双方今后互谅互让，和睦相处。", None),
        ],
        "total": total, "instalments": 1,
        "performance_terms": "赔偿款于修复完成之日一次性当面付清。",
    }


def contract(b, on):
    a = b.person("p1", "申请人", on, occupation="个体工商户")
    company = b.company(b.rng.choice(("建材", "商贸", "装饰工程", "餐饮管理")))
    r = b.organisation("p2", "被申请人", company)
    total = b.amount(10000, 500000, 1)
    return {
        "type": "合同", "title_tail": "买卖合同纠纷", "parties": [a, r],
        "summary": "%s向%s供应货物，双方签订买卖合同。货物交付后，%s尚欠货款%s元未付，经多次催要未果。" % (a["name"], company, company, _yuan(total)),
        "claims": ["请求被申请人支付所欠货款%s元。" % _yuan(total)],
        "facts": "申请人依约交付货物，被申请人尚欠货款%s元未付，双方就付款期限发生争议。" % _yuan(total),
        "responsibilities": "被申请人未按合同约定期限付款，应承担付款责任；申请人同意不再主张逾期利息。",
        "terms": [
            ("被申请人%s向申请人%s支付货款共计人民币%s元。" % (company, a["name"], _yuan(total)), total),
            ("申请人放弃逾期付款利息的请求。", None),
        ],
        "total": total, "instalments": b.rng.choice((1, 2, 3, 4, 6)),
        "performance_terms": "被申请人按下列期限以银行转账方式分期支付，任何一期逾期超过十五日的，申请人可就全部未付款项申请强制执行。",
    }


def labour(b, on):
    a = b.person("p1", "申请人", on, occupation=b.rng.choice(("工人", "厨师", "司机", "销售人员")))
    company = b.company(b.rng.choice(("机械制造", "食品", "物流", "建筑工程")))
    r = b.organisation("p2", "被申请人", company)
    months = b.rng.randint(1, 6)
    total = months * b.amount(3000, 12000, 100)
    return {
        "type": "劳动争议", "title_tail": "追索劳动报酬纠纷", "parties": [a, r],
        "committee": ("%s%s劳动争议人民调解委员会" % (b.city, b.district), "行业性专业性"),
        "series": "劳",
        "summary": "%s在%s工作，公司拖欠其%s个月工资共计%s元，经多次催要未果。" % (a["name"], company, chinese_months(months), _yuan(total)),
        "claims": ["请求被申请人支付拖欠的工资%s元。" % _yuan(total)],
        "facts": "申请人在被申请人处工作期间，被申请人拖欠工资%s个月，共计%s元。" % (chinese_months(months), _yuan(total)),
        "responsibilities": "被申请人未依法按时足额支付劳动报酬，应承担支付责任。",
        "terms": [
            ("被申请人%s支付申请人%s拖欠工资共计人民币%s元。" % (company, a["name"], _yuan(total)), total),
            ("双方劳动关系于本协议签订之日解除，申请人于三日内办理工作交接。", None),
        ],
        "total": total, "instalments": b.rng.choice((1, 2)),
        "performance_terms": "被申请人以银行转账方式支付至申请人工资账户。",
    }


def family(b, on):
    father_surname = b.rng.choice(SURNAMES)
    a = b.person("p1", "申请人", on, surname=father_surname, occupation=b.rng.choice(("退休人员", "农民", "无业")),
                 youngest=65, oldest=88)
    children = [b.person("p%d" % (i + 2), "被申请人", on, surname=father_surname, youngest=35, oldest=55, gender="男" if i == 0 else None)
                for i in range(b.rng.choice((1, 2, 2, 3)))]
    monthly = b.amount(300, 2000, 50)
    terms = [("被申请人%s自%s起每月向申请人%s支付赡养费人民币%s元，于每月十日前支付。" % (c["name"], b_month(on), a["name"], _yuan(monthly)), monthly)
             for c in children]
    terms.append(("申请人患病住院期间的医疗费用，扣除医疗保险报销部分后，由被申请人平均负担。", None))
    if b.rng.random() < 0.4:
        a["agents"] = [b.agent(on, relation="系申请人之女")]
    names = "、".join(c["name"] for c in children)
    return {
        "type": "婚姻家庭", "title_tail": "赡养纠纷", "parties": [a] + children,
        "summary": "%s年老体弱，无固定收入，要求子女%s支付赡养费，子女之间因负担比例产生分歧。" % (a["name"], names),
        "claims": ["请求被申请人每月支付赡养费。"],
        "facts": "申请人年事已高，被申请人系申请人子女，就赡养费的数额和负担方式发生争议。",
        "responsibilities": "赡养老人是子女的法定义务，各被申请人应当履行赡养义务。",
        "terms": terms, "total": None, "instalments": 0,
        "performance_terms": "赡养费以银行转账方式按月支付至申请人账户。",
        "status_relation": False,
    }


def property_fee(b, on):
    company = b.company("物业管理")
    a = b.organisation("p1", "申请人", company)
    r = b.person("p2", "被申请人", on)
    years = b.rng.randint(1, 4)
    total = b.amount(800, 6000, 0.01) * years
    return {
        "type": "物业", "title_tail": "物业服务合同纠纷", "parties": [a, r],
        "summary": "%s系%s所在小区业主，以物业服务不到位为由拒交物业费%s年，共计%s元。" % (r["name"], company, chinese_months(years), _yuan(total)),
        "claims": ["请求被申请人缴纳拖欠的物业服务费%s元。" % _yuan(total)],
        "facts": "被申请人拖欠物业服务费%s年，共计%s元；被申请人认为楼道保洁、绿化养护不到位。" % (chinese_months(years), _yuan(total)),
        "responsibilities": "被申请人应按物业服务合同缴纳物业费；申请人应改进保洁和绿化服务。",
        "terms": [
            ("被申请人%s向申请人%s缴纳拖欠的物业服务费共计人民币%s元。" % (r["name"], company, _yuan(total)), total),
            ("申请人于一个月内整改楼道保洁和绿化养护问题。", None),
        ],
        "total": total, "instalments": b.rng.choice((1, 2)),
        "performance_terms": "被申请人到申请人物业服务中心缴纳，申请人开具收据。",
    }


def consumer(b, on):
    a = b.person("p1", "申请人", on)
    company = b.company(b.rng.choice(("家电销售", "家具", "汽车销售服务", "通信器材")))
    r = b.organisation("p2", "被申请人", company, representative_title=b.rng.choice(("法定代表人", "负责人")))
    price = b.amount(200, 30000, 0.01)
    return {
        "type": "消费", "title_tail": "买卖合同纠纷", "parties": [a, r],
        "summary": "%s在%s购买商品，使用不久即出现质量问题，要求退货退款遭拒。" % (a["name"], company),
        "claims": ["请求被申请人退还货款%s元。" % _yuan(price)],
        "facts": "申请人所购商品在三包期内出现质量问题，双方就退货退款发生争议。",
        "responsibilities": "商品在三包期内出现性能故障，被申请人应依法承担退货责任。",
        "terms": [
            ("申请人%s将所购商品退还被申请人%s。" % (a["name"], company), None),
            ("被申请人退还申请人货款人民币%s元。" % _yuan(price), price),
        ],
        "total": price, "instalments": 1,
        "performance_terms": "被申请人于收到退货之日起三日内原路退还货款。",
    }


def medical(b, on):
    a = b.person("p1", "申请人", on)
    hospital = "%s%s第%s人民医院" % (b.city, b.district, "一二三四"[b.rng.randrange(4)])
    r = b.organisation("p2", "被申请人", hospital, representative_title="负责人", public_body=True)
    total = b.amount(10000, 300000, 100)
    a["agents"] = [b.agent(on)]
    return {
        "type": "医疗", "title_tail": "医疗损害责任纠纷", "parties": [a, r],
        "committee": ("%s医疗纠纷人民调解委员会" % b.city, "行业性专业性"),
        "series": "医",
        "summary": "%s在%s接受手术后出现并发症，认为医院诊疗存在过错，要求赔偿。" % (a["name"], hospital),
        "claims": ["请求被申请人赔偿医疗费、误工费、护理费等损失。"],
        "facts": "申请人在被申请人处住院手术后出现并发症，双方就医院是否存在过错及赔偿数额发生争议。",
        "responsibilities": "经医疗纠纷人民调解委员会咨询专家意见，被申请人在术后观察中存在不足，应承担相应责任。",
        "terms": [
            ("被申请人%s一次性补偿申请人%s人民币%s元。" % (hospital, a["name"], _yuan(total)), total),
            ("申请人不再就本次诊疗向被申请人主张其他权利。", None),
        ],
        "total": total, "instalments": 1,
        "performance_terms": "被申请人于协议生效后十五日内以银行转账方式支付。",
    }


def homestead(b, on):
    a = b.person("p1", "申请人", on, occupation="农民")
    r = b.person("p2", "被申请人", on, occupation="农民")
    total = b.amount(1000, 8000, 100)
    return {
        "type": "房屋宅基地", "title_tail": "宅基地相邻权纠纷", "parties": [a, r],
        "committee": ("%s%s%s人民调解委员会" % (b.city, b.district, b.rng.choice(b.streets)), "乡镇(街道)"),
        "summary": "%s翻建房屋时，院墙越过与%s家的宅基地分界线约三十公分，双方发生争执。" % (r["name"], a["name"]),
        "claims": ["请求被申请人拆除越界院墙，恢复原状。"],
        "facts": "被申请人翻建院墙越过双方宅基地分界线，双方就院墙位置发生争议。",
        "responsibilities": "被申请人未经协商越界建墙，应承担恢复原状的责任。",
        "terms": [
            ("被申请人%s于三十日内将越界院墙退回原分界线。" % r["name"], None),
            ("被申请人补偿申请人损失人民币%s元。" % _yuan(total), total),
        ],
        "total": total, "instalments": 1,
        "performance_terms": "院墙退回后由人民调解委员会现场确认，补偿款同日付清。",
    }


def damages(b, on):
    a = b.person("p1", "申请人", on)
    r = b.person("p2", "被申请人", on)
    total = b.amount(1000, 20000, 0.01)
    return {
        "type": "损害赔偿", "title_tail": "饲养动物损害责任纠纷", "parties": [a, r],
        "summary": "%s饲养的犬只在小区内将%s咬伤，%s花去医疗费、疫苗费等费用，双方就赔偿发生争议。" % (r["name"], a["name"], a["name"]),
        "claims": ["请求被申请人赔偿医疗费、误工费等损失%s元。" % _yuan(total)],
        "facts": "被申请人饲养的犬只未拴绳，将申请人咬伤。双方就赔偿数额发生争议。",
        "responsibilities": "被申请人未对犬只采取安全措施，应承担侵权责任。",
        "terms": [
            ("被申请人%s赔偿申请人%s医疗费、误工费等各项损失共计人民币%s元。" % (r["name"], a["name"], _yuan(total)), total),
            ("被申请人今后遛犬时应拴绳并清理粪便。", None),
        ],
        "total": total, "instalments": b.rng.choice((1, 2)),
        "performance_terms": "被申请人按下列期限以现金或银行转账方式支付。",
    }


SCENARIOS = ((traffic, 4), (neighbours, 3), (contract, 2), (labour, 2), (family, 3), (property_fee, 2),
             (consumer, 1), (medical, 1), (homestead, 1), (damages, 2))


def chinese_months(n):
    return "一二三四五六七八九十"[n - 1] if n <= 10 else str(n)


def b_date(day):
    return "%d年%d月%d日" % (day.year, day.month, day.day)


def b_month(day):
    return "%d年%d月" % (day.year, day.month)


def make_case(seed, index):
    """Case number index (0-based) of the set drawn with `seed`."""
    b = Builder(seed, index)
    rng = b.rng
    year = rng.choice((2025, 2026))
    received = datetime.date(year, 1, 2) + datetime.timedelta(days=rng.randrange(280))
    scenario = rng.choices([s for s, _ in SCENARIOS], weights=[w for _, w in SCENARIOS])[0]
    story = scenario(b, received)
    parties = story["parties"]
    applicant, respondent = parties[0], parties[1]
    if "agents" not in applicant and rng.random() < 0.25:
        applicant["agents"] = [b.agent(received)]
    committee_name, level = story.get("committee") or (
        "%s%s%s人民调解委员会" % (b.city, b.district, rng.choice(b.streets)), rng.choice(("乡镇(街道)", "村(居)")))
    series = story.get("series", "")
    number = index + 1
    accepted = b.later(received, 0, 2)
    session = b.later(accepted, 3, 20)
    mediators = [b.person("m1", "主持调解员", received)]
    if rng.random() < 0.4:
        mediators.append(b.person("m2", "调解员", received))
    recorder = b.name(rng.choice(("男", "女")))

    instalments = []
    if story["total"] is not None:
        pieces = b.split(story["total"], story["instalments"])
        due = session
        for piece in pieces:
            due = b.later(due, 10, 31)
            instalments.append({"due": due.isoformat(), "amount": b.money(piece)})
    closed = datetime.date.fromisoformat(instalments[-1]["due"]) if instalments else session
    present = "、".join([p["name"] if p["kind"] == "person" else p["representative"]["name"] for p in parties]
                       + [m["name"] for m in mediators] + [recorder])
    place = "%s调解室" % committee_name

    agreement = {
        "number": "（%d）%s%s调协字第%d号" % (year, b.short, series, number),
        "form": "written",
        "date": session.isoformat(),
        "effective": session.isoformat(),
        "facts": story["facts"],
        "responsibilities": story["responsibilities"],
        "terms": [dict([("text", text)] + ([("amount", b.money(amount))] if amount is not None else []))
                  for text, amount in story["terms"]],
    }
    if story["total"] is not None:
        agreement["total_amount"] = amount_text(story["total"])
        agreement["instalments"] = instalments
    agreement.update({
        "performance_terms": story["performance_terms"],
        "copies": str(len(parties) + 1),
        "confirms_status_relation": "false",
        "confirms_ownership": "false",
    })
    performed = rng.random() < 0.7
    if instalments:
        payments = instalments if performed else instalments[:len(instalments) // 2]
        agreement["performance"] = {"status": "已履行" if performed else ("部分履行" if payments else "未履行")}
        if payments:
            agreement["performance"]["payments"] = [
                {"date": b.later(datetime.date.fromisoformat(p["due"]), -3, 0).isoformat(), "amount": p["amount"]}
                for p in payments]

    case = {
        "number": "（%d）%s%s调字第%d号" % (year, b.short, series, number),
        "title": "%s与%s%s" % (applicant["name"], respondent["name"], story["title_tail"]),
        "committee": {
            "name": committee_name, "level": level,
            "address": "%s%s%s%d号" % (b.city, b.district, rng.choice(ROADS), rng.randint(1, 200)),
            "phone": identity.landline(rng, b.area_code),
        },
        "type": story["type"],
        "grade": rng.choices(("一般", "疑难", "重大"), weights=(8, 2, 1))[0],
        "source": {"kind": "申请"},
        "received": received.isoformat(),
        "accepted": accepted.isoformat(),
        "accepted_by": mediators[0]["name"],
        "closed": closed.isoformat(),
        "summary": story["summary"],
        "claims": story["claims"],
        "parties": parties,
        "mediators": [{"name": m["name"], "role": m["role"], "id_number": m["id_number"], "phone": m["phone"]}
                      for m in mediators],
        "recorder": {"name": recorder},
        "sessions": [{
            "date": session.isoformat(), "time": "%02d:%02d" % (rng.choice((9, 10, 14, 15)), rng.choice((0, 30))),
            "place": place, "present": present,
            "course": "调解员告知各方权利义务后，听取各方陈述，核实相关证据，释明有关法律规定，经背对背协商，各方达成一致意见。",
            "result": "各方达成协议。",
        }],
        "outcome": {"result": "调解成功"},
        "agreement": agreement,
    }
    if rng.random() < 0.6:
        visit = b.later(closed, 3, 15)
        case["visits"] = [{
            "date": visit.isoformat(), "method": rng.choice(("电话回访", "上门回访")),
            "visitor": mediators[0]["name"], "recorder": recorder,
            "performance": "协议已履行完毕。" if performed else "协议正在履行中。",
            "satisfaction": rng.choice(("满意", "满意", "基本满意")),
        }]
    case["attachments"] = [
        {"kind": "身份证明", "title": "%s身份证明" % p["name"], "pages": "1"} for p in parties]
    case["dossier"] = {
        "number": "（%d）%s%s人调卷字第%d号" % (year, b.short, series, number),
        "filed_by": recorder,
        "filed_on": b.later(closed, 5, 20).isoformat(),
        "retention": rng.choice(("10年", "30年")),
    }
    return case


def party_names(case):
    return [p["name"] for p in case["parties"]]


def problems(case):
    """The invariants every generated case keeps (the generator checks each case it writes): valid ID
    numbers agreeing with birth date and gender, valid credit codes, instalments and payments summing to
    the total, amounts as decimal strings."""
    found = []
    people = [p for p in case["parties"] if p["kind"] == "person"] + case["mediators"]
    for person in people + [a for p in case["parties"] for a in p.get("agents", [])]:
        number = person["id_number"]
        if identity.id_check_character(number[:17]) != number[17]:
            found.append("%s: ID check character" % person["name"])
        if "birth_date" in person and number[6:14] != person["birth_date"].replace("-", ""):
            found.append("%s: ID birth date" % person["name"])
        if "gender" in person and (int(number[16]) % 2 == 1) != (person["gender"] == "男"):
            found.append("%s: ID gender digit" % person["name"])
    for party in case["parties"]:
        if party["kind"] == "organisation":
            code = party["credit_code"]
            total = sum(identity.CREDIT_ALPHABET.index(c) * w for c, w in zip(code, identity.CREDIT_WEIGHTS))
            if (total + identity.CREDIT_ALPHABET.index(code[17])) % 31:
                found.append("%s: credit code check" % party["name"])
    agreement = case["agreement"]
    if "total_amount" in agreement:
        total = fen(agreement["total_amount"])
        if sum(fen(i["amount"]) for i in agreement["instalments"]) != total:
            found.append("instalments do not sum to the total")
        performance = agreement.get("performance", {})
        if performance.get("status") == "已履行" and sum(fen(p["amount"]) for p in performance.get("payments", [])) != total:
            found.append("payments of a performed agreement do not sum to the total")
    return found
