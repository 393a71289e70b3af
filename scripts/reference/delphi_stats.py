#!/usr/bin/env python3
"""Reference implementation of `foresight delphi stats` with NumPy and SciPy.

Written apart from the TypeScript code (lib/delphi/stats-contract.ts) so the two can check each other:
numpy.percentile (method "linear", Hyndman-Fan type 7), numpy.std(ddof=1),
scipy.stats.wilcoxon(zero_method="wilcox", correction=False, method="approx"), Kendall's W from
scipy.stats.rankdata average ranks with the tie correction (its chi-square is checked against
scipy.stats.friedmanchisquare), scipy.stats.chi2.sf. Threshold rules (COMET 70/15, RAND/UCLA
IPR > IPRAS) are decided in exact rational arithmetic, because whole-number ratings make exact ties
common and floating-point rounding would otherwise decide them.

Usage: python3 scripts/reference/delphi_stats.py INPUT.json > EXPECTED.json
"""
import json
import sys
from fractions import Fraction

import numpy as np
from scipy import stats


def exact_percentile(values, p):
    """Type 7 percentile of whole numbers as an exact Fraction."""
    xs = sorted(values)
    h = (len(xs) - 1) * p
    lo = int(h)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (h - lo) * (xs[hi] - xs[lo])


def share(x, band):
    return float(np.mean((x >= band[0]) & (x <= band[1])))


def exact_share(values, band):
    return Fraction(sum(1 for v in values if band[0] <= v <= band[1]), len(values))


def comet(values, agree, disagree):
    a, d = exact_share(values, agree), exact_share(values, disagree)
    if a >= Fraction(7, 10) and d < Fraction(15, 100):
        return "in"
    if d >= Fraction(7, 10) and a < Fraction(15, 100):
        return "out"
    return "none"


def item_stats(item, values, doc):
    x = np.asarray(values, dtype=float)
    n = len(values)
    mean = float(np.mean(x))
    sd = float(np.std(x, ddof=1)) if n >= 2 else None
    q1, median, q3 = (float(v) for v in np.percentile(x, [25, 50, 75], method="linear"))
    out = {
        "item": item,
        "n": n,
        "mean": mean,
        "sd": sd,
        "median": median,
        "q1": q1,
        "q3": q3,
        "iqr": q3 - q1,
        "cv": sd / mean if sd is not None and mean != 0 else None,
        "agreement": share(x, doc["agreeBand"]),
        "disagreement": share(x, doc["disagreeBand"]),
        "comet7015": comet(values, doc["agreeBand"], doc["disagreeBand"]),
    }
    if (doc["scale"]["min"], doc["scale"]["max"]) == (1, 9):
        p30, p70 = (float(v) for v in np.percentile(x, [30, 70], method="linear"))
        e30, e70 = exact_percentile(values, Fraction(3, 10)), exact_percentile(values, Fraction(7, 10))
        exact_ipras = Fraction(235, 100) + Fraction(3, 2) * abs(5 - (e30 + e70) / 2)
        out["ipr"] = p70 - p30
        out["ipras"] = 2.35 + 1.5 * abs(5 - (p30 + p70) / 2)
        out["randDisagreement"] = (e70 - e30) > exact_ipras
    return out


def percent_change(before, after, scale):
    size = scale["max"] - scale["min"] + 1
    a = np.bincount(np.asarray(before) - scale["min"], minlength=size) / len(before)
    b = np.bincount(np.asarray(after) - scale["min"], minlength=size) / len(after)
    return float(0.5 * np.sum(np.abs(b - a)))


def wilcoxon_p(before, after):
    experts = [e for e in after if e in before]
    if not experts:
        return None
    x = np.array([before[e] for e in experts], dtype=float)
    y = np.array([after[e] for e in experts], dtype=float)
    if np.all(x == y):
        return 1.0
    result = stats.wilcoxon(x, y, zero_method="wilcox", correction=False, method="approx")
    return float(result.pvalue)


def kendall_w(rankings):
    groups = [[[e] if isinstance(e, str) else list(e) for e in r["order"]] for r in rankings]
    items = [item for group in groups[0] for item in group]
    m, n = len(groups), len(items)
    ranks = np.zeros((m, n))
    tie_term = 0
    for j, ranking in enumerate(groups):
        place = {item: g for g, group in enumerate(ranking) for item in group}
        keys = np.array([place[item] for item in items])
        ranks[j] = stats.rankdata(keys, method="average")
        _, counts = np.unique(keys, return_counts=True)
        tie_term += int(np.sum(counts.astype(np.int64) ** 3 - counts))
    totals = ranks.sum(axis=0)
    s = float(np.sum((totals - totals.mean()) ** 2))
    w = 12 * s / (m * m * (n**3 - n) - m * tie_term)
    chi_square = m * (n - 1) * w
    if n >= 3:
        friedman = stats.friedmanchisquare(*ranks.T).statistic
        assert abs(friedman - chi_square) < 1e-9 * max(1, chi_square), (friedman, chi_square)
    return {"w": w, "chiSquare": chi_square, "p": float(stats.chi2.sf(chi_square, n - 1))}


def compute(doc):
    item_order = list(dict.fromkeys(a["item"] for r in doc["rounds"] for a in r["answers"]))
    rounds = []
    for r in sorted(doc["rounds"], key=lambda r: r["round"]):
        by_item = {}
        for a in r["answers"]:
            by_item.setdefault(a["item"], {})[a["expert"]] = a["value"]
        rounds.append((r["round"], by_item))
    out = {
        "rounds": [
            {"round": number, "items": [item_stats(i, list(by_item[i].values()), doc) for i in item_order if i in by_item]}
            for number, by_item in rounds
        ],
        "stability": [],
    }
    for item in item_order:
        seen = [(number, by_item[item]) for number, by_item in rounds if item in by_item]
        for (r0, before), (r1, after) in zip(seen, seen[1:]):
            out["stability"].append({
                "item": item,
                "fromRound": r0,
                "toRound": r1,
                "percentChange": percent_change(list(before.values()), list(after.values()), doc["scale"]),
                "wilcoxonP": wilcoxon_p(before, after),
            })
    if "rankings" in doc:
        out["kendallW"] = kendall_w(doc["rankings"])
    return out


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        print(json.dumps(compute(json.load(f)), indent=2, ensure_ascii=False))
