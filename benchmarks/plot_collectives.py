#!/usr/bin/env python3
"""Draws the collectives benchmark (benchmarks/collectives.py's JSON) with matplotlib: for each PE
count, latency against message size (one panel per collective, log-log, one line per
implementation) and the bandwidth it implies (bytes per PE / latency), into PNGs beside the JSON.

    benchmarks/plot_collectives.py docs/benchmarks/collectives.json
"""

import json
import os
import sys

try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    sys.exit("plot_collectives.py needs matplotlib: pip install -r benchmarks/requirements.txt")

COLLECTIVES = ["broadcast", "collect", "fcollect", "alltoall", "alltoalls", "sum_reduce"]
STYLE = {"oshmpi-cpp": dict(color="tab:blue", marker="o"), "MPI (MPICH)": dict(color="tab:gray", marker="s"),
         "shmem4py (Python)": dict(color="tab:green", marker="D")}


def style_of(impl):
    return STYLE.get(impl, dict(color="tab:orange", marker="^"))


def size_label(nbytes, _=None):
    if nbytes >= 1 << 20:
        return f"{int(nbytes) >> 20} MiB"
    if nbytes >= 1024:
        return f"{int(nbytes) >> 10} KiB"
    return f"{int(nbytes)} B"


def draw(data, np, kind, path):
    results = [r for r in data["results"] if r["pes"] == np and r["op"] in COLLECTIVES]
    impls = [i for i in data["meta"]["implementations"] if any(r["impl"] == i for r in results)]
    fig, axes = plt.subplots(2, 3, figsize=(13, 7.5), sharex=True)
    for ax, op in zip(axes.flat, COLLECTIVES):
        for impl in impls:
            points = sorted((r["bytes"], r["us"]) for r in results if r["impl"] == impl and r["op"] == op)
            if not points:
                continue
            x = [p[0] for p in points]
            y = [p[1] if kind == "latency" else p[0] / (p[1] * 1e3) for p in points]  # GB/s = bytes / (us * 1e3)
            ax.plot(x, y, label=impl, linewidth=1.5, markersize=4, **style_of(impl))
        ax.set_title(op)
        ax.set_xscale("log", base=2)
        ax.set_yscale("log")
        ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(size_label))
        ax.xaxis.set_major_locator(matplotlib.ticker.LogLocator(base=8))
        ax.grid(True, which="major", alpha=0.3)
        ax.set_ylabel("µs per call" if kind == "latency" else "GB/s per PE")
    for ax in axes[1]:
        ax.set_xlabel("bytes per PE")
    axes.flat[0].legend(fontsize=8)
    meta = data["meta"]
    what = "latency" if kind == "latency" else "bandwidth (bytes per PE / latency)"
    fig.suptitle(f"Collectives, {np} PEs on {meta['cores']} cores: {what} — lower is better"
                 if kind == "latency" else
                 f"Collectives, {np} PEs on {meta['cores']} cores: {what} — higher is better", fontsize=12)
    fig.text(0.01, 0.005, f"{meta['date']}, {meta['cpu']}; slowest PE's time per call, median of "
             f"{meta['rounds']} interleaved rounds; load average {meta['load_average'][0]}", fontsize=7)
    fig.tight_layout(rect=(0, 0.02, 1, 0.96))
    fig.savefig(path, dpi=110)
    plt.close(fig)
    print(f"wrote {path}")


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else os.path.join("docs", "benchmarks", "collectives.json")
    with open(source) as f:
        data = json.load(f)
    directory = os.path.dirname(os.path.abspath(source))
    for np in sorted({r["pes"] for r in data["results"]}):
        for kind in ("latency", "bandwidth"):
            draw(data, np, kind, os.path.join(directory, f"collectives_{kind}_{np}pes.png"))


if __name__ == "__main__":
    main()
