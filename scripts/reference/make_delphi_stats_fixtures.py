#!/usr/bin/env python3
"""Writes the seeded `delphi stats` fixtures and their expected outputs from the reference.

Each panel is drawn with numpy.random.default_rng(seed): experts rate items around a latent centre,
later rounds drift toward the previous round's median (as Delphi feedback does) and about one answer
in ten is left out (a don't-know is an absent answer). A few cases are placed on purpose: an item
answered identically in two rounds (every Wilcoxon difference zero), an item that skips a round, an
item with a single answer, a mean of exactly 0, an exact RAND/UCLA IPR = IPRAS tie, tied rankings.

Usage: python3 scripts/reference/make_delphi_stats_fixtures.py   (writes tests/fixtures/delphi-stats/)
"""
import json
from pathlib import Path

import numpy as np

from delphi_stats import compute

OUT = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "delphi-stats"


def experts(count):
    return [f"E{k:02d}" for k in range(1, count + 1)]


def panel(rng, *, scale, names, items, rounds, missing=0.1):
    """Answers per round as {item: {expert: value}}, drifting toward the last round's median."""
    lo, hi = scale
    centre = {item: rng.uniform(lo, hi) for item in items}
    spread = {item: rng.uniform(0.5, (hi - lo) / 2) for item in items}
    opinion = {(e, i): centre[i] + rng.normal(0, spread[i]) for e in names for i in items}
    result = []
    for _ in range(rounds):
        answers = {}
        for item in items:
            values = {}
            for e in names:
                if rng.random() >= missing:
                    values[e] = int(np.clip(np.rint(opinion[(e, item)]), lo, hi))
            answers[item] = values
        result.append(answers)
        for item in items:
            given = list(answers[item].values())
            if given:
                target = float(np.median(given))
                for e in names:
                    if rng.random() < 0.5:
                        opinion[(e, item)] += 0.6 * (target - opinion[(e, item)])
    return result


def document(scale, agree, disagree, rounds, rankings=None):
    doc = {
        "scale": {"min": scale[0], "max": scale[1]},
        "agreeBand": list(agree),
        "disagreeBand": list(disagree),
        "rounds": [
            {
                "round": r + 1,
                "answers": [
                    {"expert": e, "item": item, "value": v}
                    for item, values in answers.items()
                    for e, v in values.items()
                ],
            }
            for r, answers in enumerate(rounds)
        ],
    }
    if rankings is not None:
        doc["rankings"] = rankings
    return doc


def noisy_rankings(rng, names, items, noise, tie_chance=0.0):
    """Rankings around the order of `items`; with tie_chance, neighbours may be tied."""
    rankings = []
    for e in names:
        order = [items[k] for k in np.argsort(np.arange(len(items)) + rng.normal(0, noise, len(items)))]
        grouped = []
        for item in order:
            if grouped and rng.random() < tie_chance:
                last = grouped[-1]
                grouped[-1] = (last if isinstance(last, list) else [last]) + [item]
            else:
                grouped.append(item)
        rankings.append({"expert": e, "order": grouped})
    return rankings


def five_point_three_rounds():
    rng = np.random.default_rng(20240611)
    names = experts(12)
    rounds = panel(rng, scale=(1, 5), names=names, items=["T1", "T2", "T3", "T4", "T5", "T6"], rounds=3)
    rounds[1]["T6"] = dict(rounds[0]["T6"])  # nobody moved: every paired difference is zero
    del rounds[1]["T5"]  # T5 skips round 2, so its stability pair is round 1 → 3
    rounds[0]["T7"] = {"E03": 4}  # a single answer: sd and cv are null
    rounds[2]["T7"] = {"E03": 5, "E07": 2}
    return document((1, 5), (4, 5), (1, 2), rounds)


def nine_point_rand():
    rng = np.random.default_rng(20240612)
    names = experts(15)
    items = ["A1", "A2", "A3", "A4", "A5", "A6"]
    rounds = panel(rng, scale=(1, 9), names=names, items=items, rounds=3)
    # P30 3.9, P70 6.7: IPR 2.8 = IPRAS 2.35 + 1.5·0.3 exactly, so no disagreement.
    rounds[0]["A7"] = dict(zip(names, [1, 2, 2, 3, 6, 6, 6, 6, 7, 7, 9, 9]))
    rounds[0]["A8"] = dict(zip(names, [1, 1, 1, 1, 2, 2, 8, 9, 9, 9, 9, 9, 9, 5]))  # two camps
    rankings = noisy_rankings(rng, experts(8), items, noise=1.5)
    return document((1, 9), (7, 9), (1, 3), rounds, rankings)


def nine_point_tied_rankings():
    rng = np.random.default_rng(20240613)
    names = experts(10)
    items = ["R1", "R2", "R3", "R4", "R5", "R6"]
    rounds = panel(rng, scale=(1, 9), names=names, items=items[:4], rounds=2, missing=0.15)
    rankings = noisy_rankings(rng, experts(8), items, noise=1.0, tie_chance=0.3)
    return document((1, 9), (7, 9), (1, 3), rounds, rankings)


def bipolar_two_rounds():
    rng = np.random.default_rng(20240614)
    names = experts(10)
    rounds = panel(rng, scale=(-2, 2), names=names, items=["B1", "B2", "B3"], rounds=2)
    rounds[0]["B4"] = dict(zip(names, [-2, -1, 0, 1, 2, 0, -1, 1]))  # mean exactly 0: cv is null
    rounds[1]["B4"] = dict(zip(names, [1, 1, 1, 1, 1, 1, 1, 1, 1]))  # sd 0, cv 0
    rounds[0]["B5"] = {"E01": 2, "E02": 1}  # no expert answers B5 in both rounds: wilcoxonP is null
    rounds[1]["B5"] = {"E03": -1, "E04": 2}
    return document((-2, 2), (1, 2), (-2, -1), rounds)


def seven_point_four_rounds():
    rng = np.random.default_rng(20240615)
    rounds = panel(rng, scale=(1, 7), names=experts(30), items=[f"S{k}" for k in range(1, 11)], rounds=4)
    return document((1, 7), (5, 7), (1, 3), rounds)


def dump_input(doc):
    """One answer or ranking per line, so a diff shows which answer changed."""
    def line(x):
        return json.dumps(x, ensure_ascii=False)

    rounds = ",\n".join(
        f'  {{"round": {r["round"]}, "answers": [\n' + ",\n".join(f"    {line(a)}" for a in r["answers"]) + "\n  ]}"
        for r in doc["rounds"]
    )
    head = ", ".join(f"{line(k)}: {line(doc[k])}" for k in ("scale", "agreeBand", "disagreeBand"))
    text = f'{{{head},\n "rounds": [\n{rounds}\n ]'
    if "rankings" in doc:
        text += ',\n "rankings": [\n' + ",\n".join(f"  {line(r)}" for r in doc["rankings"]) + "\n ]"
    return text + "\n}\n"


FIXTURES = {
    "five-point-three-rounds": five_point_three_rounds,
    "nine-point-rand": nine_point_rand,
    "nine-point-tied-rankings": nine_point_tied_rankings,
    "bipolar-two-rounds": bipolar_two_rounds,
    "seven-point-four-rounds": seven_point_four_rounds,
}

if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for name, build in FIXTURES.items():
        doc = build()
        (OUT / f"{name}.input.json").write_text(dump_input(doc), encoding="utf-8")
        expected = compute(json.loads((OUT / f"{name}.input.json").read_text(encoding="utf-8")))
        (OUT / f"{name}.expected.json").write_text(json.dumps(expected, indent=2) + "\n", encoding="utf-8")
        print(f"{name}: {sum(len(r['answers']) for r in doc['rounds'])} answers")
