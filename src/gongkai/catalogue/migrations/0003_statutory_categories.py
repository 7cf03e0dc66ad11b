"""The statutory catalogue categories: the fifteen items of 《条例》第二十条,
the 第二十一条 items for 设区的市级、县级 and for 乡（镇）, and the two
columns 政府信息公开制度 and 政策解读 (R40)."""

from django.db import migrations

ARTICLE_20 = [
    ("行政法规、规章和规范性文件", "行政法规、规章和规范性文件"),
    ("机构职能", "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名"),
    ("规划信息", "国民经济和社会发展规划、专项规划、区域规划及相关政策"),
    ("统计信息", "国民经济和社会发展统计信息"),
    ("行政许可和其他对外管理服务", "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果"),
    ("行政处罚和行政强制", "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定"),
    ("财政预算、决算", "财政预算、决算信息"),
    ("行政事业性收费", "行政事业性收费项目及其依据、标准"),
    ("政府集中采购", "政府集中采购项目的目录、标准及实施情况"),
    ("重大建设项目", "重大建设项目的批准和实施情况"),
    ("民生保障", "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况"),
    ("应急管理", "突发公共事件的应急预案、预警信息及应对情况"),
    ("监督检查", "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况"),
    ("公务员招考", "公务员招考的职位、名额、报考条件等事项以及录用结果"),
    ("其他法定主动公开信息", "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息"),
]
ARTICLE_21_COUNTY = ["市政建设", "公共服务", "公益事业", "土地征收", "房屋征收", "治安管理", "社会救助"]
ARTICLE_21_TOWNSHIP = [
    "贯彻落实农业农村政策",
    "农田水利工程建设运营",
    "农村土地承包经营权流转",
    "宅基地使用情况审核",
    "土地征收",
    "房屋征收",
    "筹资筹劳",
    "社会救助",
]
COLUMNS = [
    ("system", "政府信息公开制度", "本机关政府信息公开工作的制度规定（《条例》第四条、第十七条、第二十二条）"),
    ("interpretation", "政策解读", "对重要政策文件的解读（三同步：同步起草、同步审批、同步发布）"),
]


def rows():
    for i, (name, text) in enumerate(ARTICLE_20, start=1):
        yield dict(code=f"art20-{i:02d}", name=name, group="article20",
                   article_item=i, description=text, sort_order=i)
    for i, name in enumerate(ARTICLE_21_COUNTY, start=1):
        yield dict(code=f"art21c-{i:02d}", name=name, group="article21_county",
                   description=name, sort_order=100 + i)
    for i, name in enumerate(ARTICLE_21_TOWNSHIP, start=1):
        yield dict(code=f"art21t-{i:02d}", name=name, group="article21_township",
                   description=name, sort_order=200 + i)
    for i, (code, name, text) in enumerate(COLUMNS, start=1):
        yield dict(code=code, name=name, group="column", description=text,
                   sort_order=300 + i)


def seed(apps, schema_editor):
    Category = apps.get_model("catalogue", "Category")
    for row in rows():
        Category.objects.update_or_create(code=row["code"], defaults=row)


def unseed(apps, schema_editor):
    Category = apps.get_model("catalogue", "Category")
    Category.objects.filter(code__in=[r["code"] for r in rows()]).delete()


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0002_search_and_guards")]

    operations = [migrations.RunPython(seed, unseed)]
