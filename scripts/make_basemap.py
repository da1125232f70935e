#!/usr/bin/python3
"""Build corridormap's base map shapefiles (geodata/base/).

Run through scripts/make_basemap.sh, which installs the Debian packages and fetches
world-atlas from npm.  Needs Debian's /usr/bin/python3 with python3-gdal,
python3-shapely (1.8), python3-pyproj, python3-scipy, and GMT with gmt-gshhg-high.

Usage: make_basemap.py COUNTRIES_10M_JSON ISO_3166_1_JSON OUT_DIR WORK_DIR

Writes OUT_DIR/{countries,coastlines,borders,lakes,rivers}.{shp,shx,dbf,prj,cpg}
(WGS84 lon/lat) and prints a summary with the checks.  Output is deterministic:
features are sorted, the .dbf "last update" date is fixed.
"""
import json
import math
import os
import subprocess
import sys
import time
from collections import defaultdict

import numpy as np
from osgeo import ogr, osr
from pyproj import Geod
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components, dijkstra
from scipy.spatial import cKDTree
from shapely import wkb as shp_wkb
from shapely.affinity import translate
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box
from shapely.ops import linemerge, polygonize_full, unary_union
from shapely.validation import make_valid

ogr.UseExceptions()
GEOD = Geod(ellps="WGS84")
T0 = time.time()

# Everything is clipped to these two lon/lat boxes: Eurasia (+ Africa/Indonesia
# edges) and, past the antimeridian, Chukotka and the west of Alaska.
CLIP_BOXES = [box(-30.0, -15.0, 180.0, 85.0), box(-180.0, 50.0, -160.0, 85.0)]
CLIP = unary_union(CLIP_BOXES)
GMT_REGIONS = ["-R-30/180/-15/85", "-R-180/-160/50/85"]
LAKE_MIN_KM2 = 300.0        # lakes smaller than this are dropped (GMT -A)
RIVER_CLASSES = (0, 1, 2, 3)  # WDBII classes read; unnamed class 3 is dropped below
KEEP_UNNAMED_MAX_CLASS = 1   # unnamed rivers kept: classes 0-1 (class 2 adds ~0.6 MB)
SIMPLIFY_DEG = 0.005         # Douglas-Peucker tolerance for rivers and lakes (not countries)


def log(*a):
    print(f"[{time.time() - T0:6.1f}s]", *a, flush=True)


# ===================================================================== TopoJSON
def decode_topojson(path):
    topo = json.load(open(path, encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        q = np.cumsum(np.array(arc, dtype=np.int64), axis=0)
        arcs.append([(float(x) * sx + tx, float(y) * sy + ty) for x, y in q])
    return topo, arcs


def arc_coords(arcs, i):
    return arcs[i] if i >= 0 else arcs[~i][::-1]


def ring_coords(arcs, idxs):
    pts = []
    for a in idxs:
        seg = arc_coords(arcs, a)
        pts.extend(seg if not pts else seg[1:])
    return pts


def geometry_rings(geom):
    """TopoJSON Polygon/MultiPolygon -> list of polygons, each a list of arc-index rings."""
    if geom.get("type") == "Polygon":
        return [geom["arcs"]]
    if geom.get("type") == "MultiPolygon":
        return list(geom["arcs"])
    return []


# ======================================================= antimeridian handling
# The cleaning below follows /work/shared/bench-kit/make_data.py (cut_antimeridian,
# drop_slivers, clean_countries), ported from OGR to shapely: world-atlas is stitched
# across 180 deg (Russia's Chukotka and Wrangel Island jump 179.996 -> -180), and the
# quantised rings self-intersect.  Unwrap each ring (continuous longitudes), repair,
# then cut at +-180 and shift the pieces back into [-180, 180].
SHIFT_BOXES = ((-180.0, 180.0, 0.0), (180.0, 540.0, -360.0), (-540.0, -180.0, 360.0))


def unwrap(pts):
    out = [pts[0]]
    for x, y in pts[1:]:
        px = out[-1][0]
        dx = (x - px + 180.0) % 360.0 - 180.0
        out.append((px + dx, y))
    return out


def has_jump(pts):
    return any(abs(b[0] - a[0]) > 180.0 for a, b in zip(pts, pts[1:]))


def polygons_of(g):
    """All Polygon parts of any geometry (lines and points from repairs are dropped)."""
    if g is None or g.is_empty:
        return []
    if g.geom_type == "Polygon":
        return [g]
    if g.geom_type in ("MultiPolygon", "GeometryCollection"):
        return [p for sub in g.geoms for p in polygons_of(sub)]
    return []


def lines_of(g):
    if g is None or g.is_empty:
        return []
    if g.geom_type == "LineString":
        return [g]
    if g.geom_type in ("MultiLineString", "GeometryCollection"):
        return [p for sub in g.geoms for p in lines_of(sub)]
    return []


def split_at_antimeridian(g, kind):
    """g in unwrapped longitudes -> pieces in [-180, 180] (polygons or lines)."""
    pick = polygons_of if kind == "poly" else lines_of
    out = []
    for lo, hi, shift in SHIFT_BOXES:
        piece = g.intersection(box(lo, -90.0, hi, 90.0))
        for part in pick(piece):
            out.append(translate(part, xoff=shift) if shift else part)
    return out


def ring_area(coords):
    x = np.asarray([c[0] for c in coords])
    y = np.asarray([c[1] for c in coords])
    return 0.5 * abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


def drop_slivers(polys, min_area=1e-9):
    """Remove near-zero-area shells and holes (MakeValid leaves a few)."""
    out = []
    for p in polys:
        if p.is_empty or ring_area(p.exterior.coords) < min_area:
            continue
        holes = [h.coords for h in p.interiors if ring_area(h.coords) >= min_area]
        out.append(Polygon(p.exterior.coords, holes))
    return out


def clean_country(arcs, polys_idx):
    """One TopoJSON (multi)polygon -> list of valid shapely Polygons in [-180, 180]."""
    parts = []
    for rings in polys_idx:
        shell = ring_coords(arcs, rings[0])
        holes = [h for h in (ring_coords(arcs, r) for r in rings[1:]) if len(h) >= 4]
        if len(shell) < 4:
            continue
        if has_jump(shell):
            u = unwrap(shell)
            if abs(u[-1][0] - u[0][0]) > 1e-6:
                # ring goes round a pole (Antarctica): keep as is, it is clipped away
                parts.extend(polygons_of(make_valid(Polygon(shell, holes))))
                continue
            cx = sum(x for x, _ in u) / len(u)
            hs = []
            for h in holes:
                hu = unwrap(h)
                hx = sum(x for x, _ in hu) / len(hu)
                s = 360.0 * round((cx - hx) / 360.0)
                hs.append([(x + s, y) for x, y in hu])
            fixed = make_valid(Polygon(u, hs))
            for p in polygons_of(fixed):
                parts.extend(split_at_antimeridian(p, "poly"))
        else:
            parts.extend(polygons_of(make_valid(Polygon(shell, holes))))
    if not parts:
        return []
    # union (not MakeValid of the whole multipolygon) so that overlapping parts merge
    merged = unary_union([p for p in parts if p.is_valid] +
                         [q for p in parts if not p.is_valid for q in polygons_of(p.buffer(0))])
    return drop_slivers(polygons_of(merged))


def clip_polys(polys):
    out = []
    for p in polys:
        if not p.intersects(CLIP):
            continue
        if CLIP_BOXES[0].contains(p) or CLIP_BOXES[1].contains(p):
            out.append(p)
            continue
        for b in CLIP_BOXES:
            out.extend(polygons_of(p.intersection(b)))
    out = drop_slivers(out)
    fixed = []
    for p in out:
        fixed.extend([p] if p.is_valid else drop_slivers(polygons_of(make_valid(p))))
    return fixed


def clip_lines(lines):
    out = []
    for ln in lines:
        for b in CLIP_BOXES:
            if b.contains(ln):
                out.append(ln)
                break
        else:
            for b in CLIP_BOXES:
                if ln.intersects(b):
                    out.extend(l for l in lines_of(ln.intersection(b)) if l.length > 0)
    return out


# ======================================================================= output
def write_layer(path, gtype, fields, rows):
    """rows: list of (dict of attributes, shapely geometry)."""
    drv = ogr.GetDriverByName("ESRI Shapefile")
    if os.path.exists(path):
        drv.DeleteDataSource(path)
    ds = drv.CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    name = os.path.splitext(os.path.basename(path))[0]
    lyr = ds.CreateLayer(name, srs, gtype, options=["ENCODING=UTF-8"])
    for fname, ftype, width in fields:
        fd = ogr.FieldDefn(fname, ftype)
        if width:
            fd.SetWidth(width)
        lyr.CreateField(fd)
    defn = lyr.GetLayerDefn()
    for attrs, geom in rows:
        f = ogr.Feature(defn)
        for fname, ftype, width in fields:
            v = attrs.get(fname)
            if ftype == ogr.OFTString and v is not None:
                assert len(v.encode("utf-8")) <= width, (fname, v)
            if v is not None:
                f.SetField(fname, v)
        f.SetGeometry(ogr.CreateGeometryFromWkb(geom.wkb))
        lyr.CreateFeature(f)
    ds = None
    # deterministic output: fixed "last update" date in the dBASE header
    # (the date shapelib itself writes by default, 1995-07-26)
    dbf = path[:-4] + ".dbf"
    with open(dbf, "r+b") as fh:
        fh.seek(1)
        fh.write(bytes([95, 7, 26]))
    with open(path[:-4] + ".cpg", "w") as fh:
        fh.write("UTF-8")


def n_vertices(g):
    if g.geom_type == "Polygon":
        return len(g.exterior.coords) + sum(len(r.coords) for r in g.interiors)
    if g.geom_type == "LineString":
        return len(g.coords)
    return sum(n_vertices(s) for s in g.geoms)


def geod_area_km2(g):
    return abs(GEOD.geometry_area_perimeter(g)[0]) / 1e6


def geod_length_km(g):
    return GEOD.geometry_length(g) / 1e3


def as_multi(polys):
    return polys[0] if len(polys) == 1 else MultiPolygon(polys)


def sort_key(g):
    b = g.bounds
    return (round(b[0], 7), round(b[1], 7), round(b[2], 7), round(b[3], 7), g.wkb)


# =================================================================== countries
# Natural Earth entities without an ISO 3166-1 code (world-atlas gives them no id).
# Kosovo gets the user-assigned code used by the EU/IMF; the others stay empty.
NO_ISO = {"Kosovo": "XKX"}


def build_countries(topo, arcs, iso):
    by_num = {e["numeric"]: e for e in iso["3166-1"]}
    rows, dropped = [], []
    for g in topo["objects"]["countries"]["geometries"]:
        name = g.get("properties", {}).get("name", "")
        num = g.get("id") or ""
        polys = clean_country(arcs, geometry_rings(g))
        if not polys:
            dropped.append(f"{name} (no area left)")
            continue
        polys = clip_polys(polys)
        if not polys:
            continue                                  # outside the map boxes
        e = by_num.get(num)
        a3 = e["alpha_3"] if e else NO_ISO.get(name, "")
        iso_name = (e.get("common_name") or e["name"]) if e else ""
        if num and not e:
            log(f"WARNING: numeric code {num} ({name}) not in iso-codes")
        polys.sort(key=sort_key)
        rows.append(({"iso_a3": a3, "iso_n3": num, "name": name, "name_iso": iso_name},
                     as_multi(polys)))
    rows.sort(key=lambda r: (r[0]["name"], r[0]["iso_n3"]))
    return rows, dropped


# =========================================================== coasts and borders
def drop_seam(line):
    """Remove the stretches of a line that run along the antimeridian.  world-atlas
    keeps a seam edge at lon -180 between 65.07N and 68.98N (Chukotka): the edge of
    both halves of Russia, so mesh() counts it as coast (a === b)."""
    cs = list(line.coords)
    out, cur = [], [cs[0]]
    for p, q in zip(cs, cs[1:]):
        if abs(abs(p[0]) - 180.0) < 1e-9 and abs(abs(q[0]) - 180.0) < 1e-9:
            if len(cur) >= 2:
                out.append(LineString(cur))
            cur = [q]
        else:
            cur.append(q)
    if len(cur) >= 2:
        out.append(LineString(cur))
    return out


def build_lines(topo, arcs, a3_of):
    """topojson-client mesh(): an arc used by one country is coast (a === b), an arc
    shared by two is border (a !== b).  The same arcs as the polygons, so they match."""
    geoms_by_arc = defaultdict(list)
    for gi, g in enumerate(topo["objects"]["countries"]["geometries"]):
        for rings in geometry_rings(g):
            for r in rings:
                for a in r:
                    geoms_by_arc[a if a >= 0 else ~a].append(gi)
    coast, borders = [], defaultdict(list)
    for ai in sorted(geoms_by_arc):
        gs = geoms_by_arc[ai]
        pts = arcs[ai]
        if len(pts) < 2:
            continue
        if has_jump(pts):
            pieces = split_at_antimeridian(LineString(unwrap(pts)), "line")
        else:
            pieces = [LineString(pts)]
        pieces = [q for p in pieces for q in drop_seam(p)]
        if gs[0] == gs[-1]:
            coast.extend(pieces)
        else:
            pair = tuple(sorted((a3_of[gs[0]], a3_of[gs[-1]])))
            borders[pair].extend(pieces)
    coast_rows = [({"kind": "coast"}, ln) for ln in clip_lines(lines_of(linemerge(coast)))]
    border_rows = []
    for pair in sorted(borders):
        for ln in clip_lines(lines_of(linemerge(borders[pair]))):
            border_rows.append(({"kind": "border", "adm_a": pair[0], "adm_b": pair[1]}, ln))
    coast_rows.sort(key=lambda r: sort_key(r[1]))
    border_rows.sort(key=lambda r: (r[0]["adm_a"], r[0]["adm_b"], sort_key(r[1])))
    return coast_rows, border_rows


# ========================================================================= GMT
def gmt_dump(args, work):
    """gmt coast ... -M -> list of (header, [(x, y), ...]) segments."""
    out = subprocess.run(["gmt", "coast"] + args + ["-M"], cwd=work, check=True,
                         capture_output=True, text=True).stdout
    segs, cur, hdr = [], None, None
    for line in out.splitlines():
        if line.startswith(">"):
            if cur:
                segs.append((hdr, cur))
            cur, hdr = [], line
        elif line.strip():
            x, y = line.split()[:2]
            cur.append((float(x), float(y)))
    if cur:
        segs.append((hdr, cur))
    return segs


def seg_level(hdr):
    return int(hdr.rsplit("Level", 1)[1].strip())


def polygonize_segments(segs, what, quiet=False):
    """GMT dumps shorelines in bin pieces: node them and rebuild the closed rings."""
    lines = [LineString(c) for _, c in segs if len(c) >= 2]
    polys, dangles, cuts, invalid = polygonize_full(unary_union(lines))
    bad = [len(getattr(g, "geoms", [])) for g in (dangles, cuts, invalid)]
    if any(bad) and not quiet:
        log(f"WARNING: {what}: {bad[0]} dangles, {bad[1]} cuts, {bad[2]} invalid rings")
    return list(polys.geoms)


# ======================================================================== lakes
# A point inside each lake to name it (the lakes' positions as in their Wikipedia
# articles, each checked to fall inside the GSHHG polygon).  Lakes below LAKE_MIN_KM2
# or that GSHHG stores as river-lakes (Poyang, Dongting) are not in the layer.
LAKES = [
    # name, name_ru, name_zh, lon, lat
    ("Caspian Sea", "Каспийское море", "里海", 51.0, 42.0),
    ("Lake Baikal", "Байкал", "贝加尔湖", 108.0, 53.5),
    ("Lake Balkhash", "Балхаш", "巴尔喀什湖", 74.5, 46.5),
    ("Lake Khanka", "Ханка", "兴凯湖", 132.4, 45.0),
    ("Aral Sea", "Аральское море", "咸海", 60.0, 45.0),
    ("Issyk-Kul", "Иссык-Куль", "伊塞克湖", 77.3, 42.4),
    ("Lake Ladoga", "Ладожское озеро", "拉多加湖", 31.5, 60.8),
    ("Lake Onega", "Онежское озеро", "奥涅加湖", 35.4, 61.7),
    ("Qinghai Lake", "Цинхай", "青海湖", 100.2, 36.9),
    ("Lake Peipus", "Чудское озеро", "楚德湖", 27.5, 58.7),
    ("Vänern", "Венерн", "维纳恩湖", 13.3, 58.9),
    ("Vättern", "Веттерн", "韦特恩湖", 14.55, 58.3),
    ("Mälaren", "Меларен", "梅拉伦湖", 16.89, 59.51),
    ("Lake Khövsgöl", "Хубсугул", "库苏古尔湖", 100.5, 51.1),
    ("Uvs Lake", "Убсу-Нур", "乌布苏湖", 92.8, 50.3),
    ("Lake Zaysan", "Зайсан", "斋桑泊", 84.0, 48.0),
    ("Lake Alakol", "Алаколь", "阿拉湖", 81.75, 46.1),
    ("Lake Taymyr", "Таймыр", "泰梅尔湖", 101.0, 74.5),
    ("Lake Pyasino", "Пясино", "皮亚西诺湖", 87.78, 69.76),
    ("Hulun Lake", "Хулун-Нур", "呼伦湖", 117.4, 49.0),
    ("Buir Lake", "Буйр-Нур", "贝尔湖", 117.7, 47.8),
    ("Lake Tai", "Тайху", "太湖", 120.2, 31.2),
    ("Lake Hongze", "Хунцзэху", "洪泽湖", 118.7, 33.3),
    ("Gaoyou Lake", "Гаоюху", "高邮湖", 119.33, 32.94),
    ("Chao Lake", "Чаоху", "巢湖", 117.42, 31.58),
    ("Longgan Lake", "Лунганьху", "龙感湖", 116.32, 30.07),
    ("Dongting Lake", "Дунтинху", "洞庭湖", 112.16, 28.92),
    ("Ulungur Lake", "Улюнгур", "乌伦古湖", 87.23, 47.22),
    ("Bosten Lake", "Бостан", "博斯腾湖", 87.0, 41.95),
    ("Ngoring Lake", "Нгоринг", "鄂陵湖", 97.7, 34.9),
    ("Nam Co", "Намцо", "纳木错", 90.6, 30.7),
    ("Siling Co", "Селинг", "色林错", 89.0, 31.8),
    ("Lake Khyargas", "Хяргас-Нуур", "吉尔吉斯湖", 93.3, 49.1),
    ("Khar Us Lake", "Хар-Ус-Нуур", "哈尔乌苏湖", 92.3, 48.05),
    ("Lake Chany", "Чаны", "恰内湖", 77.6, 54.8),
    ("Lake Tengiz", "Тенгиз", "田吉兹湖", 69.0, 50.45),
    ("Lake Sasykkol", "Сасыкколь", "萨瑟克湖", 80.9, 46.6),
    ("Lake Van", "Ван", "凡湖", 42.9, 38.6),
    ("Lake Urmia", "Урмия", "乌尔米耶湖", 45.5, 37.7),
    ("Lake Sevan", "Севан", "塞凡湖", 45.3, 40.35),
    ("Lake Tuz", "Туз", "图兹湖", 33.4, 38.8),
    ("Lake Tharthar", "Тартар", "", 43.22, 34.03),
    ("Lake Razazza", "Эр-Раззаза", "", 43.57, 32.81),
    ("Dead Sea", "Мёртвое море", "死海", 35.5, 31.5),
    ("Tonlé Sap", "Тонлесап", "洞里萨湖", 104.1, 12.8),
    ("Laguna de Bay", "Лагуна-де-Бай", "内湖", 121.2, 14.35),
    ("Lake Toba", "Тоба", "多巴湖", 98.9, 2.61),
    ("Lake Inari", "Инари", "伊纳里湖", 27.7, 69.0),
    ("Lake Saimaa", "Сайма", "塞马湖", 28.3, 61.3),
    ("Lake Päijänne", "Пяйянне", "派扬奈湖", 25.5, 61.6),
    ("Oulujärvi", "Оулуярви", "奥卢湖", 27.13, 64.33),
    ("Pielinen", "Пиелинен", "", 29.68, 63.16),
    ("Lake Vyg", "Выгозеро", "", 34.8, 63.6),
    ("Segozero", "Сегозеро", "", 33.66, 63.34),
    ("Lake Topozero", "Топозеро", "", 32.0, 65.6),
    ("Lake Beloye", "Белое озеро", "", 37.7, 60.2),
    ("Lake Ilmen", "Ильмень", "伊尔门湖", 31.3, 58.27),
    ("Rybinsk Reservoir", "Рыбинское водохранилище", "雷宾斯克水库", 38.37, 58.61),
    ("Kuybyshev Reservoir", "Куйбышевское водохранилище", "古比雪夫水库", 48.65, 54.58),
    ("Volgograd Reservoir", "Волгоградское водохранилище", "伏尔加格勒水库", 45.77, 50.21),
    ("Tsimlyansk Reservoir", "Цимлянское водохранилище", "齐姆良斯克水库", 43.45, 48.52),
    ("Kama Reservoir", "Камское водохранилище", "卡马水库", 56.28, 58.8),
    ("Votkinsk Reservoir", "Воткинское водохранилище", "沃特金斯克水库", 55.28, 57.32),
    ("Kakhovka Reservoir", "Каховское водохранилище", "卡霍夫卡水库", 35.18, 48.25),
    ("Novosibirsk Reservoir", "Новосибирское водохранилище", "新西伯利亚水库", 82.06, 54.37),
    ("Krasnoyarsk Reservoir", "Красноярское водохранилище", "克拉斯诺亚尔斯克水库", 91.04, 54.61),
    ("Bratsk Reservoir", "Братское водохранилище", "布拉茨克水库", 103.14, 54.72),
    ("Kapchagay Reservoir", "Капчагайское водохранилище", "卡普恰盖水库", 77.63, 43.84),
    ("Lake Victoria", "Виктория", "维多利亚湖", 33.0, -1.0),
    ("Lake Tanganyika", "Танганьика", "坦噶尼喀湖", 29.6, -6.5),
    ("Lake Malawi", "Малави", "马拉维湖", 34.6, -12.0),
    ("Lake Turkana", "Туркана", "图尔卡纳湖", 36.1, 3.6),
    ("Lake Albert", "Альберт", "艾伯特湖", 30.9, 1.6),
    ("Lake Edward", "Эдуард", "爱德华湖", 29.6, -0.4),
    ("Lake Kivu", "Киву", "基伍湖", 29.2, -2.0),
    ("Lake Kyoga", "Кьога", "基奥加湖", 33.0, 1.5),
    ("Lake Mweru", "Мверу", "姆韦鲁湖", 28.75, -9.0),
    ("Lake Rukwa", "Руква", "鲁夸湖", 32.05, -7.83),
    ("Lake Bangweulu", "Бангвеулу", "班韦乌卢湖", 29.77, -11.16),
    ("Lake Mai-Ndombe", "Маи-Ндомбе", "马伊恩东贝湖", 18.36, -2.16),
    ("Lake Abaya", "Абая", "阿巴亚湖", 37.95, 6.31),
    ("Lake Tana", "Тана", "塔纳湖", 37.3, 12.0),
    ("Lake Nasser", "Насер", "纳赛尔湖", 32.16, 22.75),
    ("Lake Chad", "Чад", "乍得湖", 14.1, 13.3),
    ("Lake Volta", "Вольта", "沃尔特湖", 0.11, 7.62),
    ("Lake Kossou", "Косу", "科苏湖", -5.66, 7.52),
    ("Kainji Lake", "Каинджи", "卡因吉湖", 4.49, 10.62),
]
LAKE_NOTES = {
    "Aral Sea": "GSHHG shoreline, historical extent; mostly dry today",
    "Kakhovka Reservoir": "drained since the dam was destroyed in 2023",
}
REQUIRED_LAKES = ["Caspian Sea", "Lake Baikal", "Lake Balkhash", "Lake Khanka"]


def build_lakes(work):
    segs = gmt_dump(["-Rd", "-Dh", "-W2/0.1p", "-W3/0.1p", f"-A{LAKE_MIN_KM2:g}+l"], work)
    shores = polygonize_segments([s for s in segs if seg_level(s[0]) == 2], "lake shores")
    islands = polygonize_segments([s for s in segs if seg_level(s[0]) == 3], "lake islands")
    rows = []
    for lake in shores:
        if not lake.intersects(CLIP):
            continue
        holes = [i for i in islands if lake.contains(i.representative_point())]
        g = lake.difference(unary_union(holes)) if holes else lake
        parts = []
        for p in clip_polys(polygons_of(g)):
            p = p.simplify(SIMPLIFY_DEG, preserve_topology=True)
            if not p.is_valid:
                p = unary_union(polygons_of(make_valid(p)))
            parts.extend(q for q in polygons_of(p) if geod_area_km2(q) >= LAKE_MIN_KM2)
        for p in parts:
            attrs = {"name": "", "name_ru": "", "name_zh": "", "note": ""}
            for nm, ru, zh, x, y in LAKES:
                if p.contains(Point(x, y)):
                    attrs.update(name=nm, name_ru=ru, name_zh=zh)
                    break
            attrs["note"] = LAKE_NOTES.get(attrs["name"], "")
            rows.append((attrs, p))
    rows.sort(key=lambda r: (-round(geod_area_km2(r[1]), 1), sort_key(r[1])))
    found = {r[0]["name"] for r in rows}
    missing = [nm for nm, *_ in LAKES if nm not in found]
    if missing:
        log("WARNING: lake names not matched: " + ", ".join(missing))
    for nm in REQUIRED_LAKES:
        if nm not in found:
            raise SystemExit(f"required lake {nm} not found")
    return rows


# ======================================================================= rivers
# Named rivers: ordered points (upstream -> downstream) on each river: towns on the
# river, confluences and mouths, coordinates rounded from the places' Wikipedia
# articles (which cite GeoNames).  They only steer a shortest-path search through the
# WDBII river network (each is snapped to the nearest river vertex, within
# SNAP_MAX_KM), so a few km of error is harmless.  Order matters where rivers meet:
# an edge keeps the first name it gets, so main stems come before tributaries.
RIVERS = [
    ("Amur", "Амур", "黑龙江", [
        (121.48, 53.33),   # Shilka + Argun confluence near Pokrovka
        (127.53, 50.26),   # Blagoveshchensk / Heihe
        (130.6, 47.9),     # below Luobei (Amur bend)
        (135.07, 48.48),   # Khabarovsk
        (137.01, 50.55),   # Komsomolsk-on-Amur
        (140.73, 53.14)]),  # Nikolayevsk-on-Amur, near the mouth
    ("Yangtze", "Янцзы", "长江", [
        (97.2, 32.95),     # Tongtian near Yushu
        (99.0, 29.6),      # Jinsha near Batang
        (101.72, 26.58),   # Panzhihua
        (104.64, 28.77),   # Yibin
        (106.58, 29.56),   # Chongqing
        (111.28, 30.69),   # Yichang
        (114.3, 30.59),    # Wuhan
        (116.0, 29.72),    # Jiujiang
        (118.78, 32.06),   # Nanjing
        (119.45, 32.22)]),  # Zhenjiang (GSHHG's river ends here, the estuary is sea)
    ("Huang He", "Хуанхэ", "黄河", [
        (102.49, 35.85),   # Xunhua
        (103.83, 36.06),   # Lanzhou
        (106.8, 39.67),    # Wuhai
        (109.84, 40.6),    # Baotou
        (111.2, 34.8),     # Sanmenxia
        (113.65, 34.9),    # north of Zhengzhou
        (117.0, 36.7),     # Jinan
        (119.1, 37.75)]),  # mouth, Bohai Sea
    ("Ob", "Обь", "鄂毕河", [
        (85.05, 52.43),    # Biya + Katun confluence near Biysk
        (83.78, 53.35),    # Barnaul
        (82.92, 55.03),    # Novosibirsk
        (82.9, 58.31),     # Kolpashevo
        (76.55, 60.93),    # Nizhnevartovsk
        (73.4, 61.25),     # Surgut
        (69.0, 61.05),     # Irtysh confluence near Khanty-Mansiysk
        (66.6, 66.53),     # Salekhard
        (69.5, 66.75)]),   # head of the Gulf of Ob
    ("Irtysh", "Иртыш", "额尔齐斯河", [
        (86.86, 47.70),    # Burqin
        (82.61, 49.95),    # Oskemen
        (80.23, 50.41),    # Semey
        (76.95, 52.29),    # Pavlodar
        (73.37, 54.98),    # Omsk
        (68.25, 58.20),    # Tobolsk
        (69.0, 61.05)]),   # confluence with the Ob
    ("Yenisei", "Енисей", "叶尼塞河", [
        (94.45, 51.72),    # Kyzyl (Biy-Khem + Ka-Khem)
        (91.45, 53.72),    # Abakan
        (92.87, 56.01),    # Krasnoyarsk
        (92.17, 58.45),    # Yeniseysk
        (87.98, 65.80),    # Turukhansk
        (86.57, 67.47),    # Igarka
        (86.18, 69.40)]),  # Dudinka (GSHHG's Yenisei Gulf begins below it)
    ("Lena", "Лена", "勒拿河", [
        (105.88, 53.97),   # Kachug
        (105.72, 56.79),   # Ust-Kut
        (108.12, 57.78),   # Kirensk
        (114.93, 60.72),   # Lensk
        (120.40, 60.37),   # Olyokminsk
        (129.73, 62.03),   # Yakutsk
        (123.37, 66.77),   # Zhigansk
        (127.78, 70.68)]),  # Kyusyur (GSHHG has a gap above the delta)
    ("Volga", "Волга", "伏尔加河", [
        (34.33, 56.26),    # Rzhev
        (35.90, 56.86),    # Tver
        (39.87, 57.63),    # Yaroslavl
        (44.00, 56.33),    # Nizhny Novgorod
        (49.10, 55.79),    # Kazan
        (50.10, 53.20),    # Samara
        (44.52, 48.70),    # Volgograd
        (48.03, 46.35),    # Astrakhan
        (47.6, 45.95)]),   # end of the Bakhtemir channel, Caspian Sea
    ("Syr Darya", "Сырдарья", "锡尔河", [
        (71.75, 40.95),    # Naryn + Kara Darya confluence
        (69.63, 40.28),    # Khujand
        (67.97, 41.25),    # Shardara
        (65.50, 44.85),    # Kyzylorda
        (62.10, 45.76),    # Kazaly
        (61.1, 46.1)]),    # mouth, Aral Sea
    ("Amu Darya", "Амударья", "阿姆河", [
        (68.3, 37.1),      # Panj + Vakhsh confluence
        (67.28, 37.22),    # Termez
        (65.20, 37.83),    # Atamyrat (Kerki)
        (63.58, 39.08),    # Turkmenabat
        (59.60, 42.46),    # Nukus
        (59.1, 43.5)]),    # delta, old Aral shore
    ("Ussuri", "Уссури", "乌苏里江", [
        (133.42, 45.47),   # Lesozavodsk
        (134.26, 46.82),   # Bikin
        (134.75, 47.55),   # Vyazemsky
        (134.9, 48.4)]),   # confluence with the Amur at Khabarovsk
    ("Tumen", "Туманная", "图们江", [
        (129.21, 42.23),   # Musan
        (129.75, 42.44),   # Hoeryong
        (129.84, 42.96),   # Tumen (city)
        (130.70, 42.29)]),  # mouth, Sea of Japan
    ("Argun", "Аргунь", "额尔古纳河", [
        (117.8, 49.7),     # near Manzhouli / Dalai Nur outflow
        (119.10, 50.37),   # Priargunsk
        (119.93, 51.33),   # Shiwei
        (121.48, 53.33)]),  # confluence with the Shilka
    ("Shilka", "Шилка", "石勒喀河", [
        (116.03, 51.85),   # Shilka (town)
        (117.71, 52.25),   # Sretensk
        (121.48, 53.33)]),  # confluence with the Argun
    ("Songhua", "Сунгари", "松花江", [
        (126.55, 43.84),   # Jilin
        (126.63, 45.77),   # Harbin
        (130.32, 46.80),   # Jiamusi
        (132.5, 47.7)]),   # confluence with the Amur near Tongjiang
    ("Yalu", "Ялуцзян", "鸭绿江", [
        (128.18, 41.40),   # Hyesan
        (126.92, 41.81),   # Linjiang
        (126.18, 41.12),   # Ji'an
        (124.39, 40.13)]),  # Dandong / Sinuiju, near the mouth
    ("Angara", "Ангара", "安加拉河", [
        (104.85, 51.87),   # outflow from Baikal at Listvyanka
        (104.30, 52.29),   # Irkutsk
        (101.60, 56.15),   # Bratsk
        (102.70, 58.00),   # Ust-Ilimsk
        (97.45, 58.38),    # Boguchany
        (93.0, 58.1)]),    # confluence with the Yenisei at Strelka
    ("Selenga", "Селенга", "色楞格河", [
        (106.20, 50.24),   # Sukhbaatar
        (107.60, 51.83),   # Ulan-Ude
        (106.3, 52.2)]),   # delta, Lake Baikal
    ("Ural", "Урал", "乌拉尔河", [
        (58.57, 51.20),    # Orsk
        (55.10, 51.77),    # Orenburg
        (51.37, 51.23),    # Oral (Uralsk)
        (51.92, 47.11),    # Atyrau
        (51.8, 46.9)]),    # mouth, Caspian Sea
    ("Ili", "Или", "伊犁河", [
        (81.32, 43.91),    # Yining
        (77.08, 43.88),    # Kapchagay
        (74.9, 45.4)]),    # delta, Lake Balkhash
]
REQUIRED_RIVERS = ["Amur", "Ussuri", "Tumen", "Irtysh", "Ob", "Yenisei", "Lena", "Yangtze",
                   "Huang He", "Syr Darya", "Amu Darya", "Volga"]
SNAP_MAX_KM = 30.0
SNAP_SLACK_KM = 10.0
OFFSET_WEIGHT = 3.0  # km of river worth 1 km off the point: courses end near the points
BANK_KM = 8.0        # a class-0 edge this close to a named course takes its name
KM_PER_DEG = 111.2
EARTH_KM = 6371.0


def densify(pts, step):
    """Points along a polyline, at most step degrees apart (the vertices kept)."""
    out = [pts[:1]]
    for a, b in zip(pts[:-1], pts[1:]):
        k = max(1, int(math.ceil(np.hypot(*(b - a)) / step)))
        t = np.arange(1, k + 1)[:, None] / k
        out.append(a + (b - a) * t)
    return np.concatenate(out)


def to_xyz(lon, lat):
    lon, lat = np.radians(lon), np.radians(lat)
    return EARTH_KM * np.stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon),
                                np.sin(lat)], axis=-1)


def km(ax, ay, bx, by):
    c = math.cos(math.radians((ay + by) / 2))
    return KM_PER_DEG * math.hypot((bx - ax) * c, by - ay)


def river_graph(work):
    """WDBII rivers as a graph of vertices, plus bridges over gaps and lakes."""
    segs = []
    for reg in GMT_REGIONS:
        segs += gmt_dump([reg, "-Dh"] + [f"-I{c}/0.1p" for c in RIVER_CLASSES], work)
    segs = [(seg_level(h), c) for h, c in segs if len(c) >= 2]
    # ---- vertex graph: nodes are rounded vertices, so bin pieces join by themselves
    node_id, xy = {}, []
    seg_nodes = []
    for cls, coords in segs:
        ids = []
        for x, y in coords:
            k = (round(x, 6), round(y, 6))
            i = node_id.get(k)
            if i is None:
                i = node_id[k] = len(xy)
                xy.append(k)
            if not ids or ids[-1] != i:
                ids.append(i)
        seg_nodes.append(ids)
    xy = np.array(xy)
    n = len(xy)
    edges = {}
    for ids in seg_nodes:
        for a, b in zip(ids, ids[1:]):
            e = (a, b) if a < b else (b, a)
            if e not in edges:
                edges[e] = km(*xy[a], *xy[b])
    deg = np.zeros(n, dtype=np.int64)
    for a, b in edges:
        deg[a] += 1
        deg[b] += 1
    dangling = np.nonzero(deg == 1)[0]
    # neighbour searches on points of a sphere (chord length ~ distance in km)
    pxy = to_xyz(xy[:, 0], xy[:, 1])
    tree = cKDTree(pxy)
    bridges = {}
    # (a) small gaps: a dangling end within 3 km of another river vertex
    for i in dangling:
        for j in tree.query_ball_point(pxy[i], 3.0):
            if j != i:
                e = (min(i, j), max(i, j))
                if e not in edges:
                    bridges[e] = min(bridges.get(e, 1e9), 2.0 * km(*xy[i], *xy[j]) + 0.5)
    # (b) rivers through lakes: river ends on the same shore are joined.  For each
    # lake: the river vertices within 2.5 km of its shore, grouped by connected piece of
    # the network; each piece is represented by its dangling ends there, or else by its
    # vertex nearest the shore (e.g. a double-lined stretch whose outline is closed).
    # River-lakes (double-lined stretches) cost more to cross, so that where their banks
    # are in the graph (class 0) the path runs along a bank and names it.
    ea0 = np.array([e[0] for e in edges])
    eb0 = np.array([e[1] for e in edges])
    _, comp = connected_components(csr_matrix((np.ones(len(ea0)), (ea0, eb0)), shape=(n, n)),
                                   directed=False)
    is_dangling = deg == 1
    lakes = []
    for sel, factor, extra in (("+l", 1.2, 1.0), ("+r", 3.0, 20.0)):
        lake_segs = []
        for reg in GMT_REGIONS:
            lake_segs += gmt_dump([reg, "-Dh", "-W2/0.1p", "-A0" + sel], work)
        lakes += [(p, factor, extra)
                  for p in polygonize_segments(lake_segs, "lakes " + sel, quiet=True)]
    for lake, factor, extra in lakes:
        shore = densify(np.asarray(lake.exterior.coords), 0.01)
        sxyz = to_xyz(shore[:, 0], shore[:, 1])
        hits = tree.query_ball_point(sxyz, 2.5)
        counts = np.array([len(h) for h in hits])
        if not counts.sum():
            continue
        nodes = np.concatenate([np.asarray(h, dtype=np.int64) for h in hits if h])
        dist = np.linalg.norm(pxy[nodes] - np.repeat(sxyz, counts, axis=0), axis=1)
        best = {}                       # node -> distance to the nearest shore point
        for j, d in zip(nodes.tolist(), dist.tolist()):
            if d < best.get(j, 1e9):
                best[j] = d
        reps = defaultdict(list)
        for j in sorted(best):
            reps[comp[j]].append(j)
        near = []
        for c in sorted(reps):
            ends = [j for j in reps[c] if is_dangling[j]]
            near.extend(ends if ends else [min(reps[c], key=lambda j: (best[j], j))])
        if len(near) > 60:             # huge lakes: keep it quadratic but bounded
            near = sorted(near, key=lambda j: (best[j], j))[:60]
        for p in range(len(near)):
            for q in range(p + 1, len(near)):
                i, j = near[p], near[q]
                if comp[i] == comp[j]:
                    continue
                e = (min(i, j), max(i, j))
                if e not in edges:
                    bridges[e] = min(bridges.get(e, 1e9), factor * km(*xy[i], *xy[j]) + extra)
    log(f"rivers: {len(segs)} pieces, {n} vertices, {len(edges)} edges, "
        f"{len(dangling)} dangling ends, {len(bridges)} bridges, {len(lakes)} lakes")
    all_e = list(edges.items()) + list(bridges.items())
    ea = np.array([e[0] for e, _ in all_e] + [e[1] for e, _ in all_e])
    eb = np.array([e[1] for e, _ in all_e] + [e[0] for e, _ in all_e])
    ew = np.array([w for _, w in all_e] * 2) + 1e-6
    graph = csr_matrix((ew, (ea, eb)), shape=(n, n))
    return segs, seg_nodes, xy, pxy, tree, edges, graph, (ea, eb, ew)


def build_rivers(work):
    segs, seg_nodes, xy, pxy, tree, edges, graph, graph_arrays = river_graph(work)
    # ---- name the edges along each river.  The first point stands for every river
    # vertex within SNAP_SLACK_KM of its nearest one (reached from a virtual node at
    # OFFSET_WEIGHT x their distance), each later point likewise for the end of a leg
    # (cost: OFFSET_WEIGHT x distance to the point), so that a course
    # may start and end on either bank of a double-lined river instead of going round
    # the far end of it; each leg starts where the previous one ended.
    edge_name, report = {}, []
    ea, eb, ew = graph_arrays
    n = len(xy)
    for name, ru, zh, pts in RIVERS:
        snapped, bad_snap = [], False
        for x, y in pts:
            p = to_xyz(x, y)
            d, i = tree.query(p)
            if d > SNAP_MAX_KM:
                log(f"WARNING: {name}: point {x},{y} is {d:.0f} km from any river, skipped")
                bad_snap = True
                continue
            near = np.asarray(sorted(tree.query_ball_point(p, d + SNAP_SLACK_KM)))
            snapped.append((near, np.linalg.norm(pxy[near] - p, axis=1), d))
        path_edges, gaps, along = [], 0.0, 0.0
        cur = None                        # node where the previous leg ended
        for (srcs, soffs, _), (dsts, doffs, _) in zip(snapped, snapped[1:]):
            if cur is None:
                g = csr_matrix((np.r_[ew, OFFSET_WEIGHT * soffs + 1e-6],
                                (np.r_[ea, np.full(len(srcs), n)], np.r_[eb, srcs])),
                               shape=(n + 1, n + 1))
                source = n
            else:
                g, source = graph, cur
            dist, pred = dijkstra(g, indices=source, return_predecessors=True, limit=5000.0)
            cost = dist[dsts] + OFFSET_WEIGHT * doffs
            k = int(np.argmin(cost))
            if not np.isfinite(cost[k]):
                log(f"WARNING: {name}: no river path from {xy[srcs[0]]} to {xy[dsts[0]]}")
                gaps, cur = float("inf"), None
                continue
            v = cur = int(dsts[k])
            while v != source and pred[v] != n:
                u = int(pred[v])
                e = (min(u, v), max(u, v))
                if e in edges:
                    path_edges.append(e)
                    along += edges[e]
                else:
                    gaps += km(*xy[u], *xy[v])
                v = u
        for e in path_edges:
            edge_name.setdefault(e, (name, ru, zh))
        report.append((name, float("inf") if bad_snap else max(d for _, _, d in snapped),
                       gaps, along))
    # ---- both banks of double-lined (class 0) stretches: a class-0 edge close to a
    # named path takes its name
    named_nodes = sorted({v for e in edge_name for v in e})
    ntree = cKDTree(pxy[named_nodes])
    node_name = {}
    for e, nm in edge_name.items():
        for v in e:
            node_name.setdefault(v, nm)
    for (cls, coords), ids in zip(segs, seg_nodes):
        if cls != 0:
            continue
        for a, b in zip(ids, ids[1:]):
            e = (a, b) if a < b else (b, a)
            if e in edge_name:
                continue
            da, ia = ntree.query(pxy[a])
            db, ib = ntree.query(pxy[b])
            if da < BANK_KM and db < BANK_KM:
                na, nb = node_name[named_nodes[ia]], node_name[named_nodes[ib]]
                if na == nb:
                    edge_name[e] = na
    # ---- cut every piece into runs of one name, merge runs per (name, class)
    groups = defaultdict(list)
    for (cls, coords), ids in zip(segs, seg_nodes):
        run, cur = [ids[0]], None
        for a, b in zip(ids, ids[1:]):
            e = (a, b) if a < b else (b, a)
            nm = edge_name.get(e, ("", "", ""))
            if cur is not None and nm != cur:
                groups[(cur, cls)].append(run)
                run = [a]
            cur = nm
            run.append(b)
        if len(run) >= 2:
            groups[(cur, cls)].append(run)
    rows = []
    for (nm, cls), runs in groups.items():
        if not nm[0] and cls > KEEP_UNNAMED_MAX_CLASS:
            continue
        lines = [LineString([tuple(xy[i]) for i in r]) for r in runs]
        for ln in clip_lines(lines_of(linemerge(lines))):
            ln = ln.simplify(SIMPLIFY_DEG, preserve_topology=True)
            rows.append(({"name": nm[0], "name_ru": nm[1], "name_zh": nm[2], "class": cls}, ln))
    rows.sort(key=lambda r: (r[0]["name"] == "", r[0]["name"], r[0]["class"], sort_key(r[1])))
    return rows, report


# ========================================================================= main
def layer_stats(path):
    ds = ogr.Open(path)
    lyr = ds.GetLayer(0)
    nf, nv, invalid, geoms = 0, 0, [], []
    for f in lyr:
        g = shp_wkb.loads(bytes(f.GetGeometryRef().ExportToWkb()))
        nf += 1
        nv += n_vertices(g)
        if not g.is_valid:
            invalid.append(f.GetFID())
        geoms.append((f.items(), g))
    size = sum(os.path.getsize(path[:-4] + ext) for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg"))
    return nf, nv, invalid, size, geoms


def main():
    topo_path, iso_path, out, work = sys.argv[1:5]
    os.makedirs(out, exist_ok=True)
    os.makedirs(work, exist_ok=True)
    iso = json.load(open(iso_path, encoding="utf-8"))
    topo, arcs = decode_topojson(topo_path)
    log(f"world-atlas: {len(arcs)} arcs, {len(topo['objects']['countries']['geometries'])} countries")

    crow, dropped = build_countries(topo, arcs, iso)
    log(f"countries: {len(crow)} in the map boxes; dropped: {', '.join(dropped) or 'none'}")
    by_num = {e["numeric"]: e["alpha_3"] for e in iso["3166-1"]}
    a3_of = []
    for g in topo["objects"]["countries"]["geometries"]:
        nm = g.get("properties", {}).get("name", "")
        a3_of.append(by_num.get(g.get("id") or "", NO_ISO.get(nm, "")) or nm)
    coast, borders = build_lines(topo, arcs, a3_of)
    log(f"coastlines: {len(coast)}, borders: {len(borders)}")
    lakes = build_lakes(work)
    log(f"lakes: {len(lakes)}")
    rivers, rreport = build_rivers(work)
    log(f"rivers: {len(rivers)}")

    S, I = ogr.OFTString, ogr.OFTInteger
    write_layer(os.path.join(out, "countries.shp"), ogr.wkbMultiPolygon,
                [("iso_a3", S, 3), ("iso_n3", S, 3), ("name", S, 64), ("name_iso", S, 64)], crow)
    write_layer(os.path.join(out, "coastlines.shp"), ogr.wkbLineString,
                [("kind", S, 8)], coast)
    write_layer(os.path.join(out, "borders.shp"), ogr.wkbLineString,
                [("kind", S, 8), ("adm_a", S, 40), ("adm_b", S, 40)], borders)
    write_layer(os.path.join(out, "lakes.shp"), ogr.wkbPolygon,
                [("name", S, 24), ("name_ru", S, 60), ("name_zh", S, 32), ("note", S, 60)], lakes)
    write_layer(os.path.join(out, "rivers.shp"), ogr.wkbLineString,
                [("name", S, 16), ("name_ru", S, 24), ("name_zh", S, 16), ("class", I, 2)], rivers)
    log("written")

    # ------------------------------------------------------------------ checks
    ok = True
    print("\nlayer        features  vertices   bytes  invalid")
    stats = {}
    for lname in ("countries", "coastlines", "borders", "lakes", "rivers"):
        nf, nv, inv, size, geoms = layer_stats(os.path.join(out, lname + ".shp"))
        stats[lname] = geoms
        print(f"{lname:12s} {nf:8d} {nv:9d} {size:9d}  {len(inv)}")
        if inv:
            ok = False
    for items, g in stats["countries"] + stats["lakes"]:
        for p in polygons_of(g):
            x0, _, x1, _ = p.bounds
            if x1 - x0 > 180.0:
                print(f"FAIL: {items['name']} has a part {x1 - x0:.1f} deg wide")
                ok = False
    for lname in ("coastlines", "borders", "rivers"):
        seam = sum(1 for _, g in stats[lname] for ln in lines_of(g)
                   for p, q in zip(ln.coords, list(ln.coords)[1:])
                   if abs(abs(p[0]) - 180.0) < 1e-9 and abs(abs(q[0]) - 180.0) < 1e-9)
        if seam:
            print(f"FAIL: {lname} has {seam} segments along the antimeridian")
            ok = False
    rus = [g for items, g in stats["countries"] if items["iso_a3"] == "RUS"]
    if not rus:
        raise SystemExit("FAIL: Russia missing")
    rus = rus[0]
    area = geod_area_km2(rus)
    west = [p for p in polygons_of(rus) if p.bounds[2] < -169.0]
    print(f"\nRussia: {area / 1e6:.3f} M km2 geodesic, {len(polygons_of(rus))} parts, "
          f"{len(west)} parts west of -169 (lon {min(p.bounds[0] for p in west):.2f}.."
          f"{max(p.bounds[2] for p in west):.2f})" if west else "no parts past 180!")
    if not (16.9e6 < area < 17.3e6) or not west:
        ok = False
        print("FAIL: Russia's area or its Chukotka part is wrong")
    print("\nlakes (named):")
    for items, g in stats["lakes"]:
        if items["name"]:
            print(f"  {items['name']:22s} {geod_area_km2(g):8.0f} km2")
    print(f"  + {sum(1 for i, _ in stats['lakes'] if not i['name'])} unnamed lakes >= "
          f"{LAKE_MIN_KM2:g} km2")
    print("\nrivers (named): km along the traced course (+ km bridged over lakes and gaps),"
          "\n  km of line written per class (class 0 = both banks), worst snap of a point:")
    lengths = defaultdict(lambda: defaultdict(float))
    for items, g in stats["rivers"]:
        lengths[items["name"] or ""][items["class"]] += geod_length_km(g)
    for name, snap, gap, along in rreport:
        by = lengths.get(name, {})
        parts = " ".join(f"c{c}:{v:.0f}" for c, v in sorted(by.items()))
        print(f"  {name:10s} {along:6.0f} (+{gap:4.0f}) km   [{parts}]   snap {snap:4.1f} km")
    for nm in REQUIRED_RIVERS:
        if nm not in lengths:
            ok = False
            print(f"FAIL: river {nm} missing")
    unnamed = lengths.get("", {})
    print("  unnamed: " + " ".join(f"c{c}:{v:.0f}" for c, v in sorted(unnamed.items())))
    tumen = [g for i, g in stats["rivers"] if i["name"] == "Tumen"]
    for name, snap, gap, _ in rreport:
        if not math.isfinite(gap) or not math.isfinite(snap):
            ok = False
            print(f"FAIL: {name}: a point did not snap or a leg has no path")
    if not tumen or min(Point(130.70, 42.29).distance(g) for g in tumen) > 0.1:
        ok = False
        print("FAIL: Tumen does not reach its mouth")
    log("checks " + ("passed" if ok else "FAILED"))
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
