"""Generate realistic claims files for benchmarks: every function, units, facts,
tolerances, compare operators, sourced claims, and a share of failing claims.

    python bench/generate.py 10000 > big.claims.yaml
"""

from __future__ import annotations

import random
import sys

# (check, stated, extra keys) templates; {f0}.. are facts of the block
TEMPLATES = [
    ("growth({rev_old}, {rev_new})", "{growth}%", {}),
    ("share({cmr}, {rev_new})", "{share}%", {}),
    ("change({share_a}, {share_b})", "{points} pp", {}),
    ("sum({s1}, {s2}, {s3}, {s4}, {s5})", "100%", {}),
    ("ratio({rev_new}, {rev_old})", "{rev_ratio}", {"tolerance": "1%"}),
    ("{capex} / {profit}", "{ratio} years", {"tolerance": "0.2 years"}),
    ("{capex} / 3 years", "{per_year} billion CNY/year", {}),
    ("cagr({rev_old}, {rev_new}, 2 years)", "{cagr}%", {"tolerance": "1 pp"}),
    ("avg({s1}, {s2}, {s3})", "{avg}%", {}),
    ("max({s1}, {s2}) - min({s1}, {s2})", "{spread} pp", {"compare": "'>='", "stated_override": "0%"}),
    ("years_between({founded}, {year})", "{age} years", {"compare": "'='"}),
    ("days_between(2025-04-30, 2025-05-{day:02d})", "{days} days", {"compare": "'='"}),
    ("ordinal({founded}, {year})", "{edition}", {"compare": "'='"}),
    ("{orders} million orders + {orders2} million orders", "{orders_sum} million orders", {}),
    ("{yi}亿元", "{yi_bn} billion CNY", {"compare": "'='"}),
    ("{usd} USD", "{usd_cny} CNY", {"tolerance": "1%"}),
    ("{rev_new}", "{rev_new_m} million CNY", {"severity": "warning"}),
]


def block(i: int, rng: random.Random) -> tuple[list[str], list[str]]:
    """Facts and claims of one 'article' of the archive."""
    rev_old = round(rng.uniform(50, 200), 3)
    g = rng.uniform(-0.1, 0.2)
    rev_new = round(rev_old * (1 + g), 2)
    cmr = round(rev_new * rng.uniform(0.5, 0.8), 2)
    capex = rng.randrange(100, 500)
    profit = round(rng.uniform(50, 200), 3)
    shares = [rng.randrange(5, 35) for _ in range(4)]
    shares.append(100 - sum(shares))
    founded = rng.randrange(1990, 2015)
    year = rng.randrange(2016, 2026)
    day = rng.randrange(1, 29)
    orders, orders2 = rng.randrange(1, 50), rng.randrange(1, 50)
    yi = rng.randrange(100, 9000)
    usd = rng.randrange(10, 1000)
    slip = rng.random() < 0.05  # a few claims are wrong, as in any archive
    values = dict(
        rev_old=f"rev_old_{i}", rev_new=f"rev_new_{i}", cmr=f"cmr_{i}", capex=f"capex_{i}",
        profit=f"profit_{i}", share_a=f"share_a_{i}", share_b=f"share_b_{i}",
        s1=f"{shares[0]}%", s2=f"{shares[1]}%", s3=f"{shares[2]}%", s4=f"{shares[3]}%", s5=f"{shares[4]}%",
        growth=round(g * 100 + (3 if slip else 0)), share=round(cmr / rev_new * 100),
        points=shares[1] - shares[0], ratio=round(capex / profit, 1), per_year=round(capex / 3, 1),
        cagr=round(((rev_new / rev_old) ** 0.5 - 1) * 100, 1), avg=round(sum(shares[:3]) / 3),
        spread=0, founded=founded, year=year, age=year - founded, day=day, days=day, rev_ratio=round(rev_new / rev_old, 2),
        edition=year - founded + 1, orders=orders, orders2=orders2, orders_sum=orders + orders2,
        yi=yi, yi_bn=f"{yi / 10:g}", usd=usd, usd_cny=round(usd * 7.2), rev_new_m=f"{rev_new * 1000:g}",
    )
    facts = [
        f"  rev_old_{i}:\n    value: {rev_old} billion CNY\n    source: results, year-earlier quarter",
        f"  rev_new_{i}: {rev_new} billion CNY",
        f"  cmr_{i}: {cmr} billion CNY",
        f"  capex_{i}:\n    value: {capex} billion CNY\n    source: announcement",
        f"  profit_{i}: {profit} billion CNY/year",
        f"  share_a_{i}: {shares[0]}%",
        f"  share_b_{i}: {shares[1]}%",
    ]
    claims = []
    for k, (check, stated, extra) in enumerate(TEMPLATES):
        extra = dict(extra)
        stated_text = extra.pop("stated_override", None) or stated.format(**values)
        lines = [f"  - id: a{i}-c{k}", f"    says: claim {k} of article {i}", f"    check: {check.format(**values)}",
                 f"    stated: {stated_text}"]
        lines += [f"    {key}: {value}" for key, value in extra.items()]
        lines.append(f"    tags: [article-{i % 50}]")
        claims.append("\n".join(lines))
    claims.append(f"  - id: a{i}-sourced\n    says: a figure from a statement\n    source: company statement")
    return facts, claims


def generate(n: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    facts: list[str] = []
    claims: list[str] = []
    i = 0
    while len(claims) < n:
        f, c = block(i, rng)
        facts += f
        claims += c
        i += 1
    claims = claims[:n]
    head = "version: 1\nsettings:\n  rates: {USD: 7.2 CNY}\nfacts:\n"
    return head + "\n".join(facts) + "\nclaims:\n" + "\n".join(claims) + "\n"


if __name__ == "__main__":
    sys.stdout.write(generate(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
