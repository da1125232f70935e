#!/usr/bin/env python3
"""Checks a corridormap --label-report independently of the placement code: every placed
label's rotated outline lies inside the frame, no two outlines overlap (separating axes),
and at least MIN labels were placed. Usage: check_labels.py REPORT.json MIN"""
import json
import sys


def overlap(a, b):
    for poly in (a, b):
        for k in range(4):
            (ux, uy), (vx, vy) = poly[k], poly[(k + 1) % 4]
            nx, ny = -(vy - uy), vx - ux
            pa = [x * nx + y * ny for x, y in a]
            pb = [x * nx + y * ny for x, y in b]
            # touching within a hundredth of a pixel is not overlapping
            eps = 0.01 * (nx * nx + ny * ny) ** 0.5
            if max(pa) <= min(pb) + eps or max(pb) <= min(pa) + eps:
                return False
    return True


report = json.load(open(sys.argv[1]))
want = int(sys.argv[2])
w, h = report["width_px"], report["height_px"]
placed = [l for l in report["labels"] if l["placed"]]
bad = 0
for l in placed:
    if any(x < 0 or y < 0 or x > w or y > h for x, y in l["quad"]):
        print(f"outside the frame: {l['text']}")
        bad += 1
for i, a in enumerate(placed):
    for b in placed[:i]:
        if overlap(a["quad"], b["quad"]):
            print(f"overlap: {a['text']!r} and {b['text']!r}")
            bad += 1
if len(placed) < want:
    print(f"only {len(placed)} labels placed, expected at least {want}")
    bad += 1
print(f"{len(placed)} labels placed, {bad} problems")
sys.exit(1 if bad else 0)
