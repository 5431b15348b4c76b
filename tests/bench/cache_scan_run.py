#!/usr/bin/env python3
"""Driver of tests/bench/cache_scan.sh (benchmark, not a test): times `hubdesk-cli cache scan`,
`du -sL` and @huggingface/hub's scanCacheDir on the same generated cache and prints one ratio table.

    cache_scan_run.py CLI CACHE_ROOT HUB_MODULE JS_SCRIPT

Environment: RUNS (warm runs per tool, default 3), COLD (1 = also cold-cache runs after
`echo 3 > /proc/sys/vm/drop_caches` when that is allowed, 0 = never; default 1), COLD_RUNS
(default 3), NPM (0 = skip the npm package).

Warm: one untimed `du -sL` first (it reads every inode the others read), then the tools are run
round-robin RUNS times so a load spike hits all of them alike; each row is the median. Wall time is
what the targets are about; CPU time (user+sys of the process and its threads, from rusage) is
printed next to it because it is much less sensitive to other processes on a loaded machine. For
the npm package the ratio uses its scan time measured inside node (node start-up excluded, which
favours the package); the wall time with start-up is shown as well."""
import os
import resource
import statistics
import subprocess
import sys
import time

cli, root, hub_module, js_script = sys.argv[1:5]
runs = int(os.environ.get("RUNS", "3"))
cold_wanted = os.environ.get("COLD", "1") != "0"
cold_runs = int(os.environ.get("COLD_RUNS", "3"))
with_npm = os.environ.get("NPM", "1") != "0" and os.path.exists(hub_module)


def loadavg():
    with open("/proc/loadavg") as fh:
        return " ".join(fh.read().split()[:3])


def run(cmd):
    """(wall seconds, cpu seconds, stdout) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({p.returncode}): {p.stderr.decode(errors='replace')[:500]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, p.stdout


def drop_caches():
    try:
        os.sync()
        with open("/proc/sys/vm/drop_caches", "w") as fh:
            fh.write("3\n")
        return True
    except OSError:
        return False


tools = [
    ("ours", "hubdesk-cli cache scan", [cli, "cache", "scan", "--cache-dir", root]),
    ("json", "hubdesk-cli cache scan --json (every file)", [cli, "cache", "scan", "--json", "--cache-dir", root]),
    ("du", "du -sL", ["du", "-sL", root]),
]
if with_npm:
    tools.append(("npm", "@huggingface/hub scanCacheDir", ["node", js_script, root, hub_module]))


def measure(count, cold):
    res = {key: {"wall": [], "cpu": [], "scan": []} for key, _, _ in tools}
    outputs = {}
    for _ in range(count):
        for key, _, cmd in tools:
            if cold and not drop_caches():
                return None, None
            wall, cpu, out = run(cmd)
            res[key]["wall"].append(wall)
            res[key]["cpu"].append(cpu)
            if key == "npm":
                res[key]["scan"].append(float(out.split()[0]))
            outputs[key] = out
    return res, outputs


def table(title, res, load_before, load_after, count):
    med = {k: {m: statistics.median(v[m]) for m in ("wall", "cpu")} for k, v in res.items()}
    if "npm" in res:
        med["npm"]["scan"] = statistics.median(res["npm"]["scan"])
    print(f"\n{title}: median of {count} run(s); load average before {load_before}, after {load_after}")
    print(f"  {'tool':<44} {'wall s':>8} {'cpu s':>8}   runs (wall s)")
    for key, label, _ in tools:
        walls = " ".join(f"{w:.2f}" for w in res[key]["wall"])
        print(f"  {label:<44} {med[key]['wall']:>8.3f} {med[key]['cpu']:>8.3f}   {walls}")
        if key == "npm":
            scans = " ".join(f"{w:.2f}" for w in res[key]["scan"])
            print(f"  {'  of which scanCacheDir itself (no node start-up)':<44} {med[key]['scan']:>8.3f} {'':>8}   {scans}")
    ours, du = med["ours"], med["du"]
    r = ours["wall"] / du["wall"]
    print(f"  ours / du -sL  : {r:.2f}x wall ({'met' if r <= 1.5 else 'MISSED'}: target <= 1.5), "
          f"{ours['cpu'] / du['cpu']:.2f}x cpu")
    if "npm" in med:
        f = med["npm"]["scan"] / ours["wall"]
        print(f"  npm / ours     : {f:.1f}x faster (scanCacheDir time vs our whole process; "
              f"{'met' if f >= 10 else 'MISSED'}: target >= 10), {med['npm']['wall'] / ours['wall']:.1f}x with node start-up, "
              f"{med['npm']['cpu'] / ours['cpu']:.1f}x cpu")
    j = med["json"]
    print(f"  --json / du -sL: {j['wall'] / du['wall']:.2f}x wall (also writes every file; not a target)")


print(f"Machine: {os.cpu_count()} CPU(s); load average {loadavg()}")
run(["du", "-sL", root])  # warm-up, untimed
load_before = loadavg()
warm, outputs = measure(runs, False)
table("Warm cache", warm, load_before, loadavg(), runs)

summary = [line for line in outputs["ours"].decode().splitlines() if line.startswith("Found")]
print(f"\n  ours: {summary[0] if summary else '?'}")
print(f"  du -sL: {outputs['du'].decode().split()[0]} KiB (allocated blocks, so not comparable with byte sizes)")
if "npm" in outputs:
    _, size, repos = outputs["npm"].decode().split()
    print(f"  npm package: {size} bytes in {repos} repos")

if cold_wanted:
    load_before = loadavg()
    cold, _ = measure(cold_runs, True)
    if cold is None:
        print("\nCold cache: not measured (writing /proc/sys/vm/drop_caches is not allowed here)")
    else:
        table("Cold cache (page, dentry and inode caches dropped before every run)", cold, load_before, loadavg(),
              cold_runs)
