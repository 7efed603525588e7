#!/usr/bin/env python3
"""Collectives side by side: oshmpi-cpp, raw MPI (MPICH) and any other OpenSHMEM installed here
(Open MPI's OSHMEM through its `oshcc`), at 2 and 4 PEs, 8 B to 1 MiB per PE, plus the
global-variable rows. Builds the two C programs (benchmarks/c/collectives.c with each OpenSHMEM's
compiler wrapper, benchmarks/c/mpi_collectives.c with mpicc.mpich), runs them in interleaved rounds
so a noisy machine disturbs every column alike, keeps each figure's median over the rounds,
prints one table per PE count, writes JSON, and draws the plots (benchmarks/plot_collectives.py).

    benchmarks/collectives.py --oshcc build-bench/bench-install/bin/oshcc
    benchmarks/collectives.py --rounds 3 --json docs/benchmarks/collectives.json
"""

import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MPIEXEC = os.environ.get("MPIEXEC", "/usr/bin/mpiexec.mpich")
MPICC = os.environ.get("MPICC", "/usr/bin/mpicc.mpich")


def find_other_openshmem():
    """Open MPI's OSHMEM wrapper and launcher, if installed (Debian: openmpi-bin)."""
    for cc in ("/usr/bin/oshcc.openmpi", "/usr/bin/oshcc"):
        if os.path.exists(cc) and shutil.which("oshmem_info"):
            run = "/usr/bin/oshrun.openmpi" if os.path.exists("/usr/bin/oshrun.openmpi") else "/usr/bin/oshrun"
            if os.path.exists(run):
                return cc, run
    return None


def build(workdir, oshcc, other, python):
    source = os.path.join(HERE, "c", "collectives.c")
    programs = {}
    ours = os.path.join(workdir, "collectives_ours")
    subprocess.run([oshcc, "-O2", "-std=c99", source, "-o", ours], check=True)
    programs["oshmpi-cpp"] = [MPIEXEC, "-n", "{np}", ours, "oshmpi-cpp"]
    mpi = os.path.join(workdir, "collectives_mpi")
    subprocess.run([MPICC, "-O2", "-std=c99", os.path.join(HERE, "c", "mpi_collectives.c"), "-o", mpi], check=True)
    programs["MPI (MPICH)"] = [MPIEXEC, "-n", "{np}", mpi, "MPI (MPICH)"]
    if python and subprocess.run([python, "-c", "import shmem4py"], capture_output=True).returncode == 0:
        programs["shmem4py (Python)"] = [MPIEXEC, "-n", "{np}", python,
                                         os.path.join(HERE, "python", "bench_collectives.py"), "shmem4py (Python)"]
    if other:
        cc, run = other
        theirs = os.path.join(workdir, "collectives_oshmem")
        # Open MPI's wrapper is the plain name on Debian; keep MPICH's headers out of its way.
        env = dict(os.environ)
        subprocess.run([cc, "-O2", "-std=c99", source, "-o", theirs], check=True, env=env)
        version = subprocess.run(["oshmem_info", "--parsable"], capture_output=True, text=True).stdout
        release = next((line.split(":")[-1] for line in version.splitlines() if line.startswith("oshmem:version:full")),
                       "")
        name = f"Open MPI OSHMEM {release}".strip()
        programs[name] = [run, "--allow-run-as-root", "--oversubscribe", "-np", "{np}", theirs, name]
    return programs


def run(command, np, heap):
    env = dict(os.environ, SHMEM_SYMMETRIC_SIZE=heap)
    argv = [part.replace("{np}", str(np)) for part in command]
    done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=1800)
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not rows:
        sys.stderr.write(f"warning: {' '.join(argv)} failed ({done.returncode}):\n{done.stderr[-2000:]}\n")
    return rows


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def table(results, np, impls):
    """Markdown: one row per figure, one column per implementation (microseconds)."""
    figures = []
    for r in results:
        key = (r["op"], r["bytes"])
        if r["pes"] == np and key not in figures:
            figures.append(key)
    lookup = {(r["impl"], r["pes"], r["op"], r["bytes"]): r["us"] for r in results}
    lines = [f"| {np} PEs: figure | " + " | ".join(impls) + " |", "|---|" + "---:|" * len(impls)]
    for op, nbytes in figures:
        size = "" if nbytes == 0 else (f"{nbytes >> 20} MiB" if nbytes >= 1 << 20 else
                                       f"{nbytes >> 10} KiB" if nbytes >= 1024 else f"{nbytes} B")
        cells = []
        for impl in impls:
            us = lookup.get((impl, np, op, nbytes))
            cells.append("-" if us is None else (f"{us:.3g}" if us < 100 else f"{us:,.0f}"))
        lines.append(f"| {op} {size} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--oshcc", default=os.path.join(ROOT, "build-bench", "bench-install", "bin", "oshcc"),
                        help="our installed oshcc (benchmarks/run.sh installs one into build-bench/bench-install)")
    parser.add_argument("--pes", default="2,4", help="PE counts (default 2,4)")
    parser.add_argument("--python", default=os.path.join(ROOT, ".venv", "bin", "python"),
                        help="a Python with our shmem4py installed (ci/setup.sh), for the Python rows")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; each figure keeps its median")
    parser.add_argument("--json", default=os.path.join(ROOT, "docs", "benchmarks", "collectives.json"))
    parser.add_argument("--no-plot", action="store_true")
    parser.add_argument("--heap", default="128M", help="SHMEM_SYMMETRIC_SIZE")
    args = parser.parse_args()

    other = find_other_openshmem()
    with tempfile.TemporaryDirectory() as workdir:
        programs = build(workdir, args.oshcc, other, args.python if os.path.exists(args.python) else None)
        started = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        loads = [load_average()]
        samples = {}
        for round_ in range(args.rounds):
            for np in (int(p) for p in args.pes.split(",")):
                for impl, command in programs.items():
                    for r in run(command, np, args.heap):
                        samples.setdefault((r["impl"], r["pes"], r["op"], r["bytes"]), []).append(r["us"])
            loads.append(load_average())
    results = [{"impl": impl, "pes": np, "op": op, "bytes": nbytes, "us": statistics.median(values),
                "samples": values} for (impl, np, op, nbytes), values in samples.items()]
    cpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    model = next((line.split(":", 1)[1].strip() for line in cpu.splitlines() if line.startswith("Model name")), "")
    meta = {"date": started, "cores": os.cpu_count(), "cpu": model, "rounds": args.rounds,
            "load_average": loads, "implementations": list(programs)}
    os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
    with open(args.json, "w") as f:
        json.dump({"meta": meta, "results": results}, f, indent=1)

    print(f"# {started}, {meta['cores']} cores, {model}; load average before and after each round: "
          + "; ".join(loads))
    print("# microseconds per call (slowest PE, median of 5 batches, median over "
          f"{args.rounds} interleaved rounds)")
    for np in (int(p) for p in args.pes.split(",")):
        print()
        print(table(results, np, list(programs)))
    if not args.no_plot:
        subprocess.run([sys.executable, os.path.join(HERE, "plot_collectives.py"), args.json], check=True)


if __name__ == "__main__":
    main()
