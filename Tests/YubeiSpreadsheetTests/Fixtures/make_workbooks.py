#!/usr/bin/env python3
"""Writes the workbooks the spreadsheet tests read, with openpyxl (a real spreadsheet writer),
and the CSV and YAML files they are compared with. Usage: make_workbooks.py OUTDIR"""
import csv
import datetime
import os
import sys
import zipfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

out = sys.argv[1]
os.makedirs(out, exist_ok=True)

# --- Drill records: the same records as a workbook (Chinese headers, a title row, date cells,
# numbers, booleans, an empty row) and as CSV (English header).
HEADER_ZH = ["单位名称", "演练日期", "演练类型", "演练形式", "预案名称", "参演人数", "是否评估", "是否上报", "负责人"]
HEADER_EN = ["organization", "date", "type", "form", "plan", "participants", "evaluation_report", "reported_to_county"]
RECORDS = [
    # organisation (id or name), date, type, form, plan, participants, evaluation, reported
    ("hengda-chem", datetime.date(2026, 3, 14), "现场处置", "实战", "tank-leak", 35, True, True),
    ("渠县人民政府", datetime.date(2026, 6, 30), "综合", "桌面推演", None, 120, True, False),
    ("tuxi-town", datetime.date(2026, 9, 1), "special", "live", None, 48, False, True),
    ("恒达化工有限公司", datetime.date(2026, 12, 31), "onsite", "tabletop", "tank-leak", None, "计划", "是"),
]
IDS = {"渠县人民政府": "quxian-gov", "恒达化工有限公司": "hengda-chem"}


def yes_no(value):
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return {"计划": "planned", "是": "yes", "否": "no"}[value]


TYPES = {"现场处置": "onsite", "综合": "comprehensive"}
FORMS = {"实战": "live", "桌面推演": "tabletop"}

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "演练台账"
ws.append(["渠县2026年应急演练台账"])
ws.append([])
ws.append(HEADER_ZH)
for index, (org, date, kind, form, plan, people, evaluation, reported) in enumerate(RECORDS):
    if index == 2:
        ws.append([])  # an empty row among the records
    ws.append([org, date, kind, form, plan, people, evaluation, reported, "张三"])
for row in ws.iter_rows(min_row=4):
    if isinstance(row[1].value, (datetime.date, datetime.datetime)):
        row[1].number_format = "yyyy\"年\"m\"月\"d\"日\""
wb.save(os.path.join(out, "records.xlsx"))

with open(os.path.join(out, "records.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(HEADER_EN)
    for org, date, kind, form, plan, people, evaluation, reported in RECORDS:
        w.writerow([IDS.get(org, org), date.isoformat(), TYPES.get(kind, kind), FORMS.get(form, form), plan or "",
                    "" if people is None else people, yes_no(evaluation), yes_no(reported)])

# The same records in a workbook using the 1904 date system (old Mac Excel).
wb = openpyxl.Workbook()
wb.epoch = CALENDAR_MAC_1904
ws = wb.active
ws.title = "Sheet1"
ws.append(HEADER_EN)
for org, date, kind, form, plan, people, evaluation, reported in RECORDS:
    ws.append([IDS.get(org, org), date, TYPES.get(kind, kind), FORMS.get(form, form), plan,
               people, yes_no(evaluation), yes_no(reported)])
wb.save(os.path.join(out, "records-1904.xlsx"))

# Records with bad cells: an impossible date written as text, an unknown organisation close to a
# name, an error value, a number of participants that is not whole.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "记录"
ws.append(HEADER_ZH[:8])
ws.append(["hengda-chem", "2026-02-30", "现场处置", "实战", None, 10, "是", "是"])     # row 2: B2
ws.append(["渠县政府", datetime.date(2026, 4, 1), "综合", "实战", None, 10, "是", "是"])  # row 3: A3
ws.append(["tuxi-town", datetime.date(2026, 5, 1), "=NA()", "实战", None, 2.5, "是", "是"])  # row 4: C4, F4
wb.save(os.path.join(out, "bad-records.xlsx"))
# openpyxl writes formulas without cached values; put the error value in as Excel would have it.
with zipfile.ZipFile(os.path.join(out, "bad-records.xlsx")) as z:
    parts = {name: z.read(name) for name in z.namelist()}
sheet = parts["xl/worksheets/sheet1.xml"].decode()
for empty in ("<v />", "<v/>", "<v></v>"):
    sheet = sheet.replace("<f>NA()</f>" + empty, "<f>NA()</f>")
sheet = sheet.replace("<f>NA()</f>", "<f>NA()</f><v>#N/A</v>")
if '<c r="C4" t="e"' not in sheet:
    sheet = sheet.replace('<c r="C4"', '<c r="C4" t="e"', 1)
parts["xl/worksheets/sheet1.xml"] = sheet.encode()
with zipfile.ZipFile(os.path.join(out, "bad-records.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in parts.items():
        z.writestr(name, data)

# --- A workbook with shared and inline strings, a formula's text result, booleans, an error value and a
# custom date format, assembled part by part as SpreadsheetML allows (openpyxl writes shared strings).
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/data.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<x:workbookPr date1904="1"/>
<x:sheets><x:sheet name="乡镇 " sheetId="1" r:id="rId7"/></x:sheets>
</x:workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/>
<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""
STYLES = """<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00&quot;d&quot;"/></numFmts>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165"/></cellXfs>
</styleSheet>"""
SHEET = """<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<x:sheetData>
<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>编号</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:r><x:t>名</x:t></x:r><x:r><x:t xml:space="preserve">称 </x:t></x:r><x:rPh><x:t>めい</x:t></x:rPh></x:is></x:c><x:c r="C1" t="str"><x:f>"日"&amp;"期"</x:f><x:v>日期</x:v></x:c><x:c r="D1" t="inlineStr"><x:is><x:t>现有</x:t></x:is></x:c><x:c r="E1" t="inlineStr"><x:is><x:t>人口</x:t></x:is></x:c></x:row>
<x:row r="3"><x:c r="A3" t="s"><x:v>0</x:v></x:c><x:c r="B3" t="inlineStr"><x:is><x:t>浔中镇</x:t></x:is></x:c><x:c r="C3" s="1"><x:v>44998</x:v></x:c><x:c r="D3" t="b"><x:v>1</x:v></x:c><x:c r="E3"><x:v>140366</x:v></x:c></x:row>
<x:row r="4"><x:c r="A4" t="s"><x:v>1</x:v></x:c><x:c r="C4" s="2"><x:v>0</x:v></x:c><x:c r="D4" t="b"><x:v>0</x:v></x:c><x:c r="E4" s="3"><x:v>2.5</x:v></x:c><x:c r="G4" t="e"><x:v>#DIV/0!</x:v></x:c></x:row>
</x:sheetData>
</x:worksheet>"""
SHARED = """<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">
<si><t>xunzhong</t></si><si><r><rPr><b/></rPr><t>ge</t></r><r><t>keng</t></r></si>
</sst>"""
with zipfile.ZipFile(os.path.join(out, "inline.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/sharedStrings.xml", SHARED)
    z.writestr("[Content_Types].xml", CONTENT_TYPES)
    z.writestr("_rels/.rels", ROOT_RELS)
    z.writestr("xl/workbook.xml", WORKBOOK)
    z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
    z.writestr("xl/styles.xml", STYLES)
    z.writestr("xl/worksheets/data.xml", SHEET)

# --- A county's lists in a workbook, and the same lists inline in YAML.
AREAS = [("xunzhong", "浔中镇", 25.49, 118.24, 140366), ("longxun", "龙浔镇", 25.52, 118.22, 60000),
         ("gekeng", "葛坑镇", 25.70, 118.05, 20000), ("shangyong", "上涌镇", 25.63, 118.13, 30000)]
WAREHOUSES = [("county-depot", "县救灾物资储备库", 25.50, 118.23, True, 2000, 0),
              ("gekeng-point", "葛坑储备点", 25.69, 118.06, False, 300, 400000)]
SHELTERS = [("riverside-park", "滨江公园", 25.49, 118.245, True, 12000, "fixed-short", "短期固定避难场所"),
            ("no1-school", "第一中学", 25.515, 118.215, True, 9000, "emergency", "紧急避难场所"),
            ("gekeng-square", "葛坑广场", 25.70, 118.052, False, 6000, "fixed-short", "短期"),
            ("shangyong-gym", "上涌体育馆", 25.632, 118.131, False, 4500, "central", "中心避难场所")]
TEAMS = [("county-fire", "县消防救援大队", 25.50, 118.20, ["flood-rescue", "fire"], 45),
         ("gekeng-militia", "葛坑镇民兵应急排", 25.70, 118.05, ["flood-rescue"], 20)]

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "乡镇"
ws.append(["编号", "名称", "纬度", "经度", "人口（人）", "负责人"])
for a in AREAS:
    ws.append(list(a) + ["李四"])
ws = wb.create_sheet("仓库")
ws.append(["编号", "仓库名称", "纬度", "经度", "是否现有", "库容", "建设费用"])
for w in WAREHOUSES:
    ws.append([w[0], w[1], w[2], w[3], "是" if w[4] else "否", w[5], w[6]])
ws = wb.create_sheet("避难场所")
ws.append(["编号", "场所名称", "纬度", "经度", "现有", "有效面积", "类别"])
for s in SHELTERS:
    ws.append([s[0], s[1], s[2], s[3], s[4], s[5], s[7]])
ws = wb.create_sheet("队伍")
ws.append(["编号", "队伍名称", "纬度", "经度", "专业", "人数"])
for t in TEAMS:
    ws.append([t[0], t[1], t[2], t[3], "、".join(t[4]), t[5]])
wb.save(os.path.join(out, "county.xlsx"))

COMMON_TOP = """name: 德化县台风（表格测试）
travel: {speed_kmh: 40, detour_factor: 1.3}
"""
COMMON_REST = """supplies:
  - {id: tent, name: 救灾帐篷, per_person: 0.25, volume_m3: 0.12, unit_cost: 1800}
  - {id: quilt, name: 棉被, per_person: 1, volume_m3: 0.02, unit_cost: 120}
hazards:
  - id: typhoon-l2
    name: 台风二级响应
    probability: 0.7
    displaced: {xunzhong: 9000, longxun: 4000, gekeng: 3000}
    closed_sites: [riverside-park]
    needs: [flood-rescue]
  - id: typhoon-l1
    name: 台风一级响应
    probability: 0.3
    displaced: {xunzhong: 16000, longxun: 7000, gekeng: 6000, shangyong: 5000}
    needs: [flood-rescue, fire]
policy:
  budget: 500000
  supply_response_minutes: 120
  shelter_max_km: 6
  area_per_person_m2: 1.5
  team_response_minutes: 45
"""


def f(x):
    return repr(x)


inline = COMMON_TOP + "areas:\n"
for a in AREAS:
    inline += f"  - {{id: {a[0]}, name: {a[1]}, location: {{lat: {f(a[2])}, lon: {f(a[3])}}}, population: {a[4]}}}\n"
inline += "warehouses:\n"
for w in WAREHOUSES:
    inline += (f"  - {{id: {w[0]}, name: {w[1]}, location: {{lat: {f(w[2])}, lon: {f(w[3])}}}, "
               f"existing: {str(w[4]).lower()}, capacity_m3: {w[5]}, fixed_cost: {w[6]}}}\n")
inline += "shelters:\n"
for s in SHELTERS:
    inline += (f"  - {{id: {s[0]}, name: {s[1]}, location: {{lat: {f(s[2])}, lon: {f(s[3])}}}, "
               f"existing: {str(s[4]).lower()}, area_m2: {s[5]}, class: {s[6]}}}\n")
inline += "teams:\n"
for t in TEAMS:
    inline += (f"  - {{id: {t[0]}, name: {t[1]}, base: {{lat: {f(t[2])}, lon: {f(t[3])}}}, "
               f"specialties: [{', '.join(t[4])}], members: {t[5]}}}\n")
inline += COMMON_REST
with open(os.path.join(out, "inline.yaml"), "w", encoding="utf-8") as fh:
    fh.write(inline)

tables = COMMON_TOP + """areas: {table: county.xlsx, sheet: 乡镇}
warehouses: {table: county.xlsx, sheet: 仓库}
shelters: {table: county.xlsx, sheet: 避难场所}
teams: {table: county.xlsx, sheet: 队伍}
""" + COMMON_REST
with open(os.path.join(out, "tables.yaml"), "w", encoding="utf-8") as fh:
    fh.write(tables)

# The same areas with bad cells: a population in words (E3), a missing latitude (C4), a latitude
# out of range (C5), a repeated id (A6).
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "乡镇"
ws.append(["编号", "名称", "纬度", "经度", "人口"])
ws.append(["xunzhong", "浔中镇", 25.49, 118.24, 140366])
ws.append(["longxun", "龙浔镇", 25.52, 118.22, "六万"])
ws.append(["gekeng", "葛坑镇", None, 118.05, 20000])
ws.append(["shangyong", "上涌镇", 125.63, 118.13, 30000])
ws.append(["xunzhong", "浔中镇", 25.49, 118.24, 140366])
wb.save(os.path.join(out, "bad-county.xlsx"))
with open(os.path.join(out, "bad-tables.yaml"), "w", encoding="utf-8") as fh:
    fh.write(tables.replace("{table: county.xlsx, sheet: 乡镇}", "{table: bad-county.xlsx, sheet: 乡镇}"))

# Organisations in a workbook (Chinese headers, kinds and sectors in Chinese) and inline.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "单位"
ws.append(["单位编号", "单位名称", "单位类别", "行业领域", "预案编号", "联系人"])
ws.append(["quxian-gov", "渠县人民政府", "县政府", None, None, "王五"])
ws.append(["tuxi-town", "土溪镇人民政府", "乡镇", None, None, None])
ws.append(["hengda-chem", "恒达化工有限公司", "企业", "危险化学品、消防安全重点单位", "tank-leak", None])
wb.save(os.path.join(out, "orgs.xlsx"))
with open(os.path.join(out, "orgs-table.yaml"), "w", encoding="utf-8") as fh:
    fh.write("jurisdiction: 渠县\nrules: [national]\norganizations: {table: orgs.xlsx, sheet: 单位}\n")
with open(os.path.join(out, "orgs-inline.yaml"), "w", encoding="utf-8") as fh:
    fh.write("""jurisdiction: 渠县
rules: [national]
organizations:
  - {id: quxian-gov, name: 渠县人民政府, kind: county-government}
  - {id: tuxi-town, name: 土溪镇人民政府, kind: township}
  - {id: hengda-chem, name: 恒达化工有限公司, kind: enterprise, sectors: [hazardous-chemicals, fire-key-unit], plans: [tank-leak]}
""")
