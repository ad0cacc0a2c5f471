#!/usr/bin/env python3
"""The textbook MILP of a location instance solved by HiGHS through scipy.optimize.milp, for
the ratio in Benchmarks/locate/run.sh.

Usage: highs_textbook.py FORMAT FILE [--capacity V] [--time-limit S]
  FORMAT  sscflp  Holmberg layout (I J; capacities; opening costs; demands; J rows of I costs),
                  textbook single-source model: x_ij binary, sum_j x_ij = 1,
                  sum_i d_i x_ij <= s_j y_j.
          cap     OR-Library cap file, textbook CFLP: x_ij in [0, 1], the same rows.
Prints one line: `status objective seconds` (seconds: the milp call alone, model building
excluded), status one of optimal, time-limit, infeasible, other.
"""
import sys
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix


def read_numbers(path):
    with open(path) as f:
        return f.read().split()


def holmberg(path):
    t = read_numbers(path)
    m, n = int(t[0]), int(t[1])
    k = 2
    cap = np.array([float(v) for v in t[k:k + m]]); k += m
    fixed = np.array([float(v) for v in t[k:k + m]]); k += m
    demand = np.array([float(v) for v in t[k:k + n]]); k += n
    cost = np.array([float(v) for v in t[k:k + n * m]]).reshape(n, m)
    return cap, fixed, demand, cost


def orlib_cap(path, capacity):
    t = read_numbers(path)
    m, n = int(t[0]), int(t[1])
    k = 2
    cap, fixed = [], []
    for _ in range(m):
        c = t[k]
        cap.append(float(capacity) if c.lower() == "capacity" else float(c))
        fixed.append(float(t[k + 1]))
        k += 2
    demand, cost = [], []
    for _ in range(n):
        demand.append(float(t[k])); k += 1
        cost.append([float(v) for v in t[k:k + m]]); k += m
    return np.array(cap), np.array(fixed), np.array(demand), np.array(cost)


def textbook(cap, fixed, demand, cost, single_source):
    n, m = cost.shape
    # Columns: y_0..y_{m-1}, then x_ij at m + i*m + j.
    nx = n * m
    c = np.concatenate([fixed, cost.reshape(-1)])
    rows, cols, vals = [], [], []
    # Assignment rows 0..n-1.
    for i in range(n):
        rows.extend([i] * m); cols.extend(range(m + i * m, m + i * m + m)); vals.extend([1.0] * m)
    # Capacity rows n..n+m-1: sum_i d_i x_ij - s_j y_j <= 0.
    for j in range(m):
        rows.extend([n + j] * n); cols.extend(m + np.arange(n) * m + j); vals.extend(demand)
        rows.append(n + j); cols.append(j); vals.append(-cap[j])
    a = coo_matrix((vals, (rows, cols)), shape=(n + m, m + nx)).tocsr()
    lb = np.concatenate([np.ones(n), np.full(m, -np.inf)])
    ub = np.concatenate([np.ones(n), np.zeros(m)])
    integrality = np.concatenate([np.ones(m), np.ones(nx) if single_source else np.zeros(nx)])
    return c, a, lb, ub, integrality


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(64)
    fmt, path = args[0], args[1]
    capacity, limit = None, 60.0
    k = 2
    while k < len(args):
        if args[k] == "--capacity":
            capacity = args[k + 1]; k += 2
        elif args[k] == "--time-limit":
            limit = float(args[k + 1]); k += 2
        else:
            print(f"unknown argument {args[k]}", file=sys.stderr)
            sys.exit(64)
    if fmt == "sscflp":
        data, single = holmberg(path), True
    elif fmt == "cap":
        data, single = orlib_cap(path, capacity), False
    else:
        print(f"unknown format {fmt}", file=sys.stderr)
        sys.exit(64)
    c, a, lb, ub, integrality = textbook(*data, single_source=single)
    start = time.perf_counter()
    res = milp(c, constraints=LinearConstraint(a, lb, ub), integrality=integrality,
               bounds=Bounds(0, 1), options={"time_limit": limit, "disp": False, "mip_rel_gap": 1e-9})
    seconds = time.perf_counter() - start
    status = {0: "optimal", 1: "time-limit", 2: "infeasible"}.get(res.status, "other")
    objective = f"{res.fun:.6f}" if res.fun is not None else "null"
    print(f"{status} {objective} {seconds:.3f}")


if __name__ == "__main__":
    main()
