#!/usr/bin/env python3
"""Figures 8 and 9 of BENCHMARKS.md: `codes decode` on one thread and on
two, its memory, and DuckDB's same summary, each in one run.

    python3 bench/bills_scale.py threads   # figure 8: --jobs 2 / --jobs 1, beside two processes
    python3 bench/bills_scale.py memory    # figure 8: peak RSS, 40 MB and 400 MB
    python3 bench/bills_scale.py duckdb    # figure 9: DuckDB's summary query
    python3 bench/bills_scale.py summary   # figure 7: --summary on one thread, CPU
    python3 bench/bills_scale.py pools     # figure 8: this pool against the rayon prototype
    python3 bench/bills_scale.py against REV   # figure 8: this build against commit REV
    python3 bench/bills_scale.py instructions [REV]   # figure 8: instructions, jobs 2 / jobs 1
    python3 bench/bills_scale.py cutting   # figure 8: what cutting large files costs two threads
    python3 bench/bills_scale.py whole     # figure 8: small files read whole, or cut
    python3 bench/bills_scale.py pieces [KIB ...]   # figure 8: pieces of large files smaller or larger than 1 MiB
    python3 bench/bills_scale.py archive [REV]   # figure 8: the small set's files and its archive apart
    python3 bench/bills_scale.py formats [REV]   # every output format on the small set
    python3 bench/bills_scale.py all

It builds `codes` (release), writes the input sets with `codes synth` into
a temporary directory (read from the page cache after a first run), and
prints Markdown tables with the machine's load before and after. Wall
times are medians of RUNS runs (5 unless the environment says; the small
set, whose runs are short, SHORT_SET_ROUNDS times as many). The commands
compared run turn about, a round each; a ratio is given of the medians,
and, where the tables say "rounds'", as the median of each round's own
ratio with the lowest and highest, which a drift of the machine's speed
between rounds moves less. CPU times
(user + system) are given beside them, which other work on a shared
machine disturbs less. `pools` builds the rayon prototype (commit
RAYON_PROTOTYPE, checked out in a worktree under target/) into a target
directory apart from this checkout's (`build_apart`) and times both
binaries, turn about, in one run;
`against REV` does the same with any commit, and adds a third set of
files of two sizes (`uneven_set`).
`instructions` counts the instructions `codes decode` runs (valgrind's
cachegrind, `apt-get install valgrind`) on 2 files × 400,000 records and
on the small set, one
thread and two, for `--summary`, CSV and JSON lines: a count the machine's other
work does not disturb, unlike the times (the threads are run one at a
time, so a wait that spins counts too); with REV, that commit's build
(as `against` builds it) is counted beside this one.
`threads` runs, turn about, `--jobs 1`, `--jobs 2`, and two `--jobs 1`
processes at once on the two halves of the input: the last is what two
cores give this work at that moment with nothing shared, so a run on a
host whose other guests slow the second core shows it; their CPU time
beside `--jobs 2`'s says how much of two threads' extra CPU is the
program's own, and how much both cores busy at once cost anything.
`cutting` builds three variants of this checkout's committed code
(CUTTING below: each a named edit of the source, built as `against`
builds a commit), then times `--summary` on
the large set turn about: `--jobs 1` and `--jobs 2` of this build, each
variant with `--jobs 2`, and two processes. The variants are timing
experiments, not fixes: without the line count every piece's lines are
numbered from 1, and without the quote scan a piece may end inside a
quoted field (the synthetic files' quoted fields hold no line end, so
their output does not change).
`whole` builds two variants of this checkout (WHOLE below): records read
whole up to 4 pieces, as `--summary` reads, and `--summary` cut over one
piece, as records are; then times the small set turn about, beside two
processes.
`pieces` builds a variant of this checkout for each size given in KiB
(`piece_variant`; PIECE_SIZES unless told): pieces of that size,
files read whole up to 4 MiB or one piece, whichever is larger; and one
that reads every file whole (WHOLE_FILES); then times `--summary` and
JSON lines on the large set as `cutting` does.
`cutting`, `whole`, `pieces`, `pools`, `against` and, given a REV,
`archive` and `formats` also time this checkout's code built as the
other builds are (CONTROL): a build apart is another binary, and what
that alone moves is the noise of their comparisons.
`archive` times the small set's eight files alone, its archive of four
members alone, and both, `--jobs 1` and `--jobs 2` turn about, for CSV
and JSON lines: which of the two leaves two threads short; with REV,
that commit's build (as `against` builds it) beside this one.
`formats` times every output format (the table too) on the small set,
`--jobs 1` and `--jobs 2` turn about; with REV, that commit's build
beside this one.
`duckdb` installs the `duckdb` package (2.x) from
PyPI into a virtual environment under target/ on its first run.
With SMOKE=1 each step runs once on a thousandth of its records with a
debug build, standing in for the builds of other commits and variants
(whose commits and edits are checked, not built): CI runs every step so,
to know the script still runs; those figures mean nothing.
"""

import filecmp
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# SMOKE=1 runs every step on a thousandth of its records, once, with a
# debug build, which stands in for any other commit or variant (not built,
# only checked to build: `build_apart`): CI's check that the script still
# runs. Its figures mean nothing.
SMOKE = os.environ.get("SMOKE") == "1"
PROFILE = "debug" if SMOKE else "release"
CODES = os.path.join(ROOT, "target", PROFILE, "codes")
VENV = os.path.join(ROOT, "target", "bench-venv")
DUCKDB = "duckdb>=2,<3"
RUNS = 1 if SMOKE else int(os.environ.get("RUNS", "5"))
# `read_parallel` on rayon's indexed parallel iterators, reverted after
# it was measured (BENCHMARKS.md, figure 8).
RAYON_PROTOTYPE = "23a02d5"

COLUMNS = [
    "id", "developer_id", "account_id", "agent_id", "service_no", "skill_id",
    "call_id", "begin_time", "end_time", "op_type", "op_object", "op_cause",
    "media_type", "vdn_id", "cc_id", "agent_type", "phone_no", "callIn_out",
    "location_id", "logon_sn", "skillInfo_sn",
]


def load():
    with open("/proc/loadavg") as file:
        return " ".join(file.read().split()[:3])


def machine():
    cores = os.cpu_count()
    model = "?"
    try:
        with open("/proc/cpuinfo") as file:
            for line in file:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{cores} cores, {model}"


def build():
    profile = [] if SMOKE else ["--release"]
    subprocess.run(
        ["cargo", "build", *profile, "--quiet", "-p", "codes-cli"],
        cwd=ROOT, check=True,
    )


def synth(records, path, malformed_every=1000):
    if SMOKE:
        records = max(records // 1000, 1)
    subprocess.run(
        [CODES, "synth", str(records), "--malformed-every", str(malformed_every), "-o", path],
        check=True,
    )


def large_set(dir, records=400_000, files=6):
    """Six bill files of 400,000 records (about 58 MB each)."""
    os.makedirs(dir, exist_ok=True)
    first = os.path.join(dir, "20230927_agentOprInfo_0.csv")
    synth(records, first)
    paths = [first]
    for index in range(1, files):
        path = os.path.join(dir, f"20230927_agentOprInfo_{index}.csv")
        shutil.copyfile(first, path)
        paths.append(path)
    return paths


def uneven_set(dir):
    """Seven bill files of two sizes (100,000 and 700,000 records, about
    15 and 103 MB), the large ones second and fifth: an input whose files
    a thread does not finish together."""
    os.makedirs(dir, exist_ok=True)
    sizes = [100_000, 700_000, 100_000, 100_000, 700_000, 100_000, 100_000]
    made, paths = {}, []
    for index, records in enumerate(sizes):
        path = os.path.join(dir, f"2023092{index}_agentOprInfo_{index}.csv")
        if records in made:
            shutil.copyfile(made[records], path)
        else:
            synth(records, path)
            made[records] = path
        paths.append(path)
    return paths


def small_set(dir):
    """Figure 8's set: eight bill files of 25,000 records and a zip
    archive of four more members."""
    os.makedirs(dir, exist_ok=True)
    first = os.path.join(dir, "20230920_agentOprInfo_0.csv")
    synth(25_000, first)
    paths = [first]
    for index in range(1, 8):
        path = os.path.join(dir, f"2023092{index}_agentOprInfo_{index}.csv")
        shutil.copyfile(first, path)
        paths.append(path)
    archive = os.path.join(dir, "download.zip")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zip:
        for index in range(4):
            zip.write(first, f"20230930{index}_agentOprInfo_{index}.csv")
    return paths + [archive]


def run(args):
    """Runs a command, output to /dev/null: (wall s, cpu s, peak RSS KiB)."""
    return run_together([args])


def run_together(commands):
    """Starts commands at once, output to /dev/null: (wall s until the
    last ends, their CPU s together, the largest peak RSS KiB)."""
    start = time.perf_counter()
    processes = [
        subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for args in commands
    ]
    cpu, rss = 0.0, 0
    for args, process in zip(commands, processes):
        _, status, usage = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            sys.exit(f"failed: {' '.join(args)}")
        cpu += usage.ru_utime + usage.ru_stime
        rss = max(rss, usage.ru_maxrss)
    return time.perf_counter() - start, cpu, rss


def medians(args, runs=RUNS):
    run(args)  # into the page cache
    results = [run(args) for _ in range(runs)]
    return (
        statistics.median(r[0] for r in results),
        statistics.median(r[1] for r in results),
        max(r[2] for r in results),
    )


class Rounds:
    """What `turn_about` measured: per name, each round's (wall s, CPU s,
    peak RSS KiB), the rounds in the order they ran."""

    def __init__(self, results):
        self.results = results

    def wall(self, name):
        return statistics.median(r[0] for r in self.results[name])

    def cpu(self, name):
        return statistics.median(r[1] for r in self.results[name])

    def rss(self, name):
        return max(r[2] for r in self.results[name])

    def paired(self, slower, faster):
        """`slower`'s wall ÷ `faster`'s, round by round (the two ran one
        after the other, so a drift of the machine's speed between rounds
        moves both): (median, lowest, highest)."""
        ratios = sorted(
            a[0] / b[0] for a, b in zip(self.results[slower], self.results[faster])
        )
        return statistics.median(ratios), ratios[0], ratios[-1]


def turn_about(commands, rounds=RUNS):
    """Runs each entry of `commands` (a name: the commands started at once)
    in turn, `rounds` rounds after one that fills the page cache."""
    results = {}
    for index in range(rounds + 1):
        for name, together in commands.items():
            measured = run_together(together)
            if index:
                results.setdefault(name, []).append(measured)
    return Rounds(results)


# The outputs of `codes decode` the thread figures compare.
OUTPUTS = {
    "jsonl": ["--format", "jsonl"],
    "csv": ["--format", "csv"],
    "summary": ["--summary", "--format", "csv"],
}


# Every output of `codes decode`: the thread figures' three, and the table
# (`formats`).
FORMATS = {**OUTPUTS, "table": ["--format", "table"]}


# The small set's runs last about a tenth of the large set's, and a run
# that short moves more with the machine's other work: it gets this many
# times the rounds, in about as much time.
SHORT_SET_ROUNDS = 4


def scale_sets(work):
    """The two sets of figure 8: few large files, and many small ones with
    an archive; each with its two halves of about as many records, and the
    rounds it is timed for."""
    large = large_set(os.path.join(work, "large"))
    small = small_set(os.path.join(work, "small"))
    return {
        "6 files × 400,000 records": (large, (large[:3], large[3:]), RUNS),
        # Six files, and two with the archive's four members.
        "8 files × 25,000 + zip of 4": (small, (small[:6], small[6:]), RUNS * SHORT_SET_ROUNDS),
    }


def paired(rounds, slower, faster):
    """`Rounds.paired` as the tables print it: median (lowest–highest)."""
    median, lowest, highest = rounds.paired(slower, faster)
    return f"{median:.2f} ({lowest:.2f}–{highest:.2f})"


def threads(work):
    sets = scale_sets(work)
    print(f"\n`codes decode` --jobs 1 and 2, turn about, {machine()}, medians of {RUNS} rounds ({RUNS * SHORT_SET_ROUNDS} for the small set), load {load()} (before)\n")
    print("Beside them, two `--jobs 1` processes at once, each on half the input: what two")
    print("cores give this work on this machine at that time, with nothing shared.\n")
    print("Each ratio is given twice: of the medians of the runs, and as the median of the")
    print("rounds' own ratios (each round runs them one after the other), lowest–highest.\n")
    print("Their CPU beside one thread's says what running on both cores at once costs")
    print("whatever the program: jobs 2 spending more than two processes is its own cost.\n")
    print("| input | output | jobs 1 wall | jobs 2 wall | **jobs 1 ÷ jobs 2** | rounds' jobs 1 ÷ jobs 2 | two processes wall | jobs 1 ÷ two processes | rounds' jobs 1 ÷ two processes | CPU jobs 1 | CPU jobs 2 | CPU two processes | **CPU jobs 2 ÷ two processes** | peak RSS jobs 2 |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, (paths, halves, rounds) in sets.items():
        for output, args in OUTPUTS.items():
            measured = turn_about({
                "one": [[CODES, "decode", *paths, *args, "--jobs", "1"]],
                "two": [[CODES, "decode", *paths, *args, "--jobs", "2"]],
                "halves": [[CODES, "decode", *half, *args, "--jobs", "1"] for half in halves],
            }, rounds)
            wall, cpu = measured.wall, measured.cpu
            print(
                f"| {name} | {output} | {wall('one'):.3f} s | {wall('two'):.3f} s | **{wall('one') / wall('two'):.2f}** "
                f"| {paired(measured, 'one', 'two')} "
                f"| {wall('halves'):.3f} s | {wall('one') / wall('halves'):.2f} "
                f"| {paired(measured, 'one', 'halves')} "
                f"| {cpu('one'):.2f} s | {cpu('two'):.2f} s | {cpu('halves'):.2f} s "
                f"| **{cpu('two') / cpu('halves'):.2f}** | {measured.rss('two') / 1024:.1f} MiB |",
                flush=True,
            )
    print(f"\nload {load()} (after)")


def this_and(rev):
    """This build, and commit `rev`'s if given (built as `against` builds
    it) after CONTROL: name to binary."""
    if not rev:
        return {"this build": CODES}
    return {"this build": CODES, CONTROL: control(), rev: build_apart(rev, rev)}


def archive(work, rev=None):
    binaries = this_and(rev)
    paths, _, rounds = scale_sets(work)["8 files × 25,000 + zip of 4"]
    parts = {
        "8 files × 25,000": (paths[:-1], rounds),
        "zip of 4": (paths[-1:], rounds),
        "8 files × 25,000 + zip of 4": (paths, rounds),
    }
    print(f"\nThe small set's files alone and its archive alone, `codes decode` --jobs 1 and 2 turn about, {machine()}, median of {rounds} rounds, load {load()} (before)\n")
    builds_beside(binaries, parts, ("csv", "jsonl"))


def formats(work, rev=None):
    binaries = this_and(rev)
    name = "8 files × 25,000 + zip of 4"
    paths = small_set(os.path.join(work, "small"))
    print(f"\nEvery output of `codes decode` on the small set, --jobs 1 and 2 turn about, {machine()}, median of {RUNS} rounds, load {load()} (before)\n")
    builds_beside(binaries, {name: (paths, RUNS)}, FORMATS)


def build_apart(label, rev, edits=(), same_allowed=False):
    """Builds `codes` at commit `rev` with `edits` applied ((file, text,
    replacement), each text found once), in a worktree under target/ and
    into a target directory apart from this checkout's, and copies it
    beside this build's: its path. A binary the same as this build's
    stops the step (nothing to compare), unless `same_allowed`.

    Not into this checkout's target directory: cargo finds a path
    package's files by their place in the workspace and calls a build
    fresh when its files are older than it, so the worktree's build would
    stand for this checkout's (whose files are older), and both binaries
    compared would be the worktree's. Worktrees of other labels are other
    places: they share the target directory apart, and its dependencies."""
    if SMOKE:
        # Only what would stop the build: the commit is there, and each
        # edit applies to it. This build stands in for it.
        def git(*args):
            result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
            if result.returncode:
                sys.exit(f"{label}: git {' '.join(args)}: {result.stderr.strip()}")
            return result.stdout

        git("rev-parse", "--verify", f"{rev}^{{commit}}")
        for path, text, _ in edits:
            if git("show", f"{rev}:{path}").count(text) != 1:
                sys.exit(f"{label}: {path} no longer holds {text!r} once")
        return CODES
    slug = "".join(c if c.isalnum() else "-" for c in label)
    tree = os.path.join(ROOT, "target", f"worktree-{slug}")
    if os.path.exists(tree):
        subprocess.run(["git", "worktree", "remove", "--force", tree], cwd=ROOT, check=True)
    subprocess.run(["git", "worktree", "add", "--detach", tree, rev], cwd=ROOT, check=True)
    for path, text, replacement in edits:
        source = os.path.join(tree, path)
        with open(source) as file:
            code = file.read()
        if code.count(text) != 1:
            sys.exit(f"{label}: {path} no longer holds {text!r} once")
        with open(source, "w") as file:
            file.write(code.replace(text, replacement))
    target = os.path.join(ROOT, "target", "apart")
    subprocess.run(
        ["cargo", "build", "--release", "--quiet", "-p", "codes-cli", "--target-dir", target],
        cwd=tree, check=True,
    )
    subprocess.run(["git", "worktree", "remove", "--force", tree], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, "target", f"codes-{slug}")
    shutil.copyfile(os.path.join(target, "release", "codes"), binary)
    os.chmod(binary, 0o755)
    build()
    if filecmp.cmp(CODES, binary, shallow=False) and not same_allowed:
        sys.exit(f"this build and {label} built the same binary: nothing to compare")
    return binary


# What `cutting` takes out of a large file's cutting, one step at a time:
# (name, [(file, text, replacement)]), each variant adding to the one before.
CUTTING = [
    ("no line count", [(
        "bills/src/files/pieces.rs",
        "let lines = memchr::memchr_iter(b'\\n', &bytes[..len]).count() as u64;",
        "let lines = 0u64;",
    )]),
    ("no line count, no quote scan", [(
        "bills/src/files/split.rs",
        "    pub(crate) fn scan(&mut self, bytes: &[u8], from: usize) -> Option<usize> {\n",
        "    pub(crate) fn scan(&mut self, bytes: &[u8], from: usize) -> Option<usize> {\n"
        "        if true {\n"
        "            return memchr::memrchr(b'\\n', &bytes[from..]).map(|end| from + end + 1);\n"
        "        }\n",
    )]),
]

# No cutting at all: each file read whole by one thread (the set's six
# files, three a thread).
WHOLE_FILES = ("whole files, not cut", [(
    "bills/src/files.rs",
    "const WHOLE_PIECES: usize = 4;",
    "const WHOLE_PIECES: usize = 1 << 20;",
)])


# This checkout's code, unchanged, built as the variants and other
# commits are, in a worktree apart: their control. Built apart, the same
# code is another binary, and the two have differed by up to 7% in a
# run (BENCHMARKS.md, "Pieces of 4 MiB, and a control for the variants").
CONTROL = "this code, built apart"


def control():
    """CONTROL's binary."""
    return build_apart(CONTROL, "HEAD", same_allowed=True)


def with_control(variants):
    """`variants` (name: binary), after CONTROL."""
    return {CONTROL: control(), **variants}


def beside_variants(variants, paths, halves, rounds, args):
    """Times, turn about, this build's `codes decode` with `--jobs 1` and
    `--jobs 2`, each of `variants` (name: binary) with `--jobs 2`, and two
    `--jobs 1` processes on `halves`: per name, wall and CPU s, one
    thread's wall ÷ its wall, its CPU ÷ two processes', and peak RSS KiB."""
    commands = {
        "this build, --jobs 1": [[CODES, "decode", *paths, *args, "--jobs", "1"]],
        "this build, --jobs 2": [[CODES, "decode", *paths, *args, "--jobs", "2"]],
    }
    for name, binary in variants.items():
        commands[f"{name}, --jobs 2"] = [[binary, "decode", *paths, *args, "--jobs", "2"]]
    commands["two processes"] = [[CODES, "decode", *half, *args, "--jobs", "1"] for half in halves]
    measured = turn_about(commands, rounds)
    wall, cpu = measured.wall, measured.cpu
    one, halves_cpu = wall("this build, --jobs 1"), cpu("two processes")
    return [
        (name, wall(name), cpu(name), one / wall(name), cpu(name) / halves_cpu, measured.rss(name))
        for name in commands
    ]


def cutting(work):
    variants, edits = {}, []
    for name, more in CUTTING:
        edits = edits + more
        variants[name] = build_apart(name, "HEAD", edits)
    variants[WHOLE_FILES[0]] = build_apart(WHOLE_FILES[0], "HEAD", WHOLE_FILES[1])
    variants = with_control(variants)
    paths, halves, rounds = scale_sets(work)["6 files × 400,000 records"]
    print(f"\n`codes decode --summary` on 6 files × 400,000 records, variants turn about, {machine()}, median of {RUNS}, load {load()} (before)\n")
    variants_table(variants, paths, halves, rounds, ("summary",))


# What `whole` sets against this build: how much of the input `codes
# decode` reads whole, a file or member a thread (`whole_pieces`), for
# records and for `--summary`. (name, [(file, text, replacement)]).
WHOLE = [
    ("records: whole up to 4 pieces", [(
        "cli/src/commands/decode.rs",
        "false => files.whole_pieces(1),",
        "false => files.whole_pieces(4),",
    )]),
    ("--summary: whole up to 1 piece", [(
        "cli/src/commands/decode.rs",
        "true => files.part_items(SUMMARY_PART_ITEMS),",
        "true => files.part_items(SUMMARY_PART_ITEMS).whole_pieces(1),",
    )]),
]


# What `pieces` sets against this build's pieces of 1 MiB: pieces of
# `size` KiB, files read whole up to 4 MiB or one piece, whichever is
# larger. (name, [(file, text, replacement)]).
def piece_variant(size):
    return (f"pieces of {size} KiB", [
        ("bills/src/files.rs", "const PIECE_BYTES: usize = 1 << 20;", f"const PIECE_BYTES: usize = {size} << 10;"),
        ("bills/src/files.rs", "const WHOLE_PIECES: usize = 4;", f"const WHOLE_PIECES: usize = {max(4096 // size, 1)};"),
    ])


# The sizes `pieces` cuts, in KiB, unless told.
PIECE_SIZES = (256, 512, 2048)


def pieces(work, sizes=PIECE_SIZES):
    variants = {name: build_apart(name, "HEAD", edits) for name, edits in map(piece_variant, sizes)}
    variants[WHOLE_FILES[0]] = build_apart(WHOLE_FILES[0], "HEAD", WHOLE_FILES[1])
    variants = with_control(variants)
    paths, halves, rounds = scale_sets(work)["6 files × 400,000 records"]
    print(f"\n`codes decode` on 6 files × 400,000 records, this build (pieces of 1 MiB) and variants cutting other sizes or none, turn about, {machine()}, median of {rounds}, load {load()} (before)\n")
    variants_table(variants, paths, halves, rounds, ("summary", "jsonl"))


def whole(work):
    variants = with_control({name: build_apart(name, "HEAD", edits) for name, edits in WHOLE})
    paths, halves, rounds = scale_sets(work)["8 files × 25,000 + zip of 4"]
    print(f"\n`codes decode` on 8 files × 25,000 records and a zip of 4, this build and variants reading more or less whole, turn about, {machine()}, median of {rounds}, load {load()} (before)\n")
    variants_table(variants, paths, halves, rounds, OUTPUTS)


def variants_table(variants, paths, halves, rounds, outputs):
    """`beside_variants` for each of `outputs`, as one table, then the load."""
    print("| output | build | wall | CPU | **jobs 1 ÷ this** | CPU ÷ two processes | peak RSS |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for output in outputs:
        for name, wall, cpu, ratio, cpu_ratio, rss in beside_variants(variants, paths, halves, rounds, OUTPUTS[output]):
            print(
                f"| {output} | {name} | {wall:.3f} s | {cpu:.3f} s | **{ratio:.2f}** "
                f"| {cpu_ratio:.3f} | {rss / 1024:.1f} MiB |",
                flush=True,
            )
    print(f"\nload {load()} (after)")


def instructions(work, rev=None):
    if shutil.which("valgrind") is None:
        sys.exit("instructions: valgrind is not installed (apt-get install valgrind)")
    binaries = this_and(rev)
    sets = {
        "2 files × 400,000 records": large_set(os.path.join(work, "large"), files=2),
        "8 files × 25,000 + zip of 4": small_set(os.path.join(work, "small")),
    }
    print(f"\nInstructions of `codes decode` (valgrind --tool=cachegrind), {machine()}, load {load()} (before)\n")
    print("| input | build | output | jobs 1 | jobs 2 | **jobs 2 ÷ jobs 1** |")
    print("|---|---|---|---:|---:|---:|")
    for input, paths in sets.items():
        for output in ("summary", "csv", "jsonl"):
            for name, binary in binaries.items():
                counts = [count_instructions(binary, paths, output, jobs) for jobs in (1, 2)]
                print(
                    f"| {input} | {name} | {output} | {counts[0] / 1e9:.3f} G | {counts[1] / 1e9:.3f} G "
                    f"| **{counts[1] / counts[0]:.3f}** |",
                    flush=True,
                )
    print(f"\nload {load()} (after)")


def count_instructions(binary, paths, output, jobs):
    """The instructions `binary decode` runs on `paths` (cachegrind)."""
    result = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no",
         "--cachegrind-out-file=/dev/null",
         binary, "decode", *paths, *OUTPUTS[output], "--jobs", str(jobs)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    line = next(l for l in result.stderr.splitlines() if "I   refs" in l or "I refs" in l)
    return int(line.split(":")[1].replace(",", "").split()[0])


def pools(work, rev=RAYON_PROTOTYPE, label="rayon prototype", uneven=False):
    binaries = {"this build": CODES, CONTROL: control(), label: build_apart(rev, rev)}
    sets = scale_sets(work)
    if uneven:
        sets["7 files × 100,000 or 700,000"] = (uneven_set(os.path.join(work, "uneven")), None, RUNS)
    print(f"\n`codes decode` --jobs 1 and 2, this build and {label} ({rev}), turn about, {machine()}, medians of {RUNS} rounds ({RUNS * SHORT_SET_ROUNDS} for the small set), load {load()} (before)\n")
    builds_beside(binaries, {name: (paths, rounds) for name, (paths, _, rounds) in sets.items()}, OUTPUTS)


def builds_beside(binaries, sets, outputs):
    """Times `binaries` (name: binary) with `--jobs 1` and `--jobs 2` on
    each of `sets` (name: (paths, rounds)) for each of `outputs`, all turn
    about, and prints a table of them, then the load."""
    print("| input | output | build | jobs 1 wall | jobs 2 wall | **jobs 1 ÷ jobs 2** | rounds' jobs 1 ÷ jobs 2 | CPU jobs 1 | CPU jobs 2 | **CPU jobs 2 ÷ jobs 1** | peak RSS jobs 2 |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, (paths, rounds) in sets.items():
        for output in outputs:
            measured = turn_about({
                (build, jobs): [[binary, "decode", *paths, *FORMATS[output], "--jobs", str(jobs)]]
                for build, binary in binaries.items()
                for jobs in (1, 2)
            }, rounds)
            wall, cpu = measured.wall, measured.cpu
            for build in binaries:
                one, two = (build, 1), (build, 2)
                print(
                    f"| {name} | {output} | {build} | {wall(one):.3f} s | {wall(two):.3f} s "
                    f"| **{wall(one) / wall(two):.2f}** | {paired(measured, one, two)} "
                    f"| {cpu(one):.3f} s | {cpu(two):.3f} s "
                    f"| **{cpu(two) / cpu(one):.2f}** | {measured.rss(two) / 1024:.1f} MiB |",
                    flush=True,
                )
    print(f"\nload {load()} (after)")


def memory(work):
    print(f"\nPeak RSS of `codes decode --jobs 2` (JSON lines to /dev/null), {machine()}, load {load()} (before)\n")
    print("| input | size | peak RSS | wall |")
    print("|---|---:|---:|---:|")
    for records in (280_000, 2_800_000):
        path = os.path.join(work, f"memory_{records}_agentOprInfo.csv")
        synth(records, path)
        size = os.path.getsize(path)
        for args in (["--format", "jsonl"], ["--summary"]):
            wall, _, rss = run([CODES, "decode", path, *args, "--jobs", "2"])
            print(f"| {records:,} records, {' '.join(args)} | {size / 1e6:.0f} MB | {rss / 1024:.1f} MiB | {wall:.2f} s |", flush=True)
        os.remove(path)
    print(f"\nload {load()} (after)")


DUCKDB_QUERY = """
import json, statistics, sys, time
import duckdb

files, threads, runs = json.loads(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
columns = {name: "VARCHAR" for name in %(columns)r}
connection = duckdb.connect()
connection.execute(f"SET threads TO {threads}")
connection.execute("SET enable_progress_bar = false")
query = '''
WITH bills AS (
    SELECT agent_id, media_type,
        try_cast(op_type AS INTEGER) AS op_type,
        try_cast(op_cause AS INTEGER) AS op_cause,
        try_strptime(begin_time, '%%Y-%%m-%%d %%H:%%M:%%S') AS begin_time,
        try_strptime(end_time, '%%Y-%%m-%%d %%H:%%M:%%S') AS end_time
    FROM read_csv($files, header = true, columns = $columns, ignore_errors = true)
)
SELECT op_type, op_cause, media_type, agent_id, count(*) AS records,
    sum(greatest(date_diff('second', begin_time, end_time), 0)) AS seconds
FROM bills
WHERE op_type IS NOT NULL AND op_cause IS NOT NULL
    AND begin_time IS NOT NULL AND end_time IS NOT NULL
GROUP BY GROUPING SETS ((op_type), (op_type, op_cause), (media_type), (agent_id))
'''
times = []
for index in range(runs + 1):
    start = time.perf_counter()
    rows = connection.execute(query, {"files": files, "columns": columns}).fetchall()
    if index:
        times.append(time.perf_counter() - start)
print(json.dumps({"version": duckdb.__version__, "median": statistics.median(times), "rows": len(rows)}))
""" % {"columns": COLUMNS}


def venv_python():
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    if subprocess.run([python, "-c", "import duckdb"], capture_output=True).returncode != 0:
        subprocess.run(
            [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", DUCKDB],
            check=True,
        )
    return python


def duckdb(work):
    import json

    python = venv_python()
    paths = large_set(os.path.join(work, "large"))
    print(f"\nThe summary of 6 files × 400,000 records: DuckDB's query alone and the whole `codes decode --summary` process, {machine()}, median of {RUNS}, load {load()} (before)\n")
    print("| threads | DuckDB query | `codes decode --summary` | **codes ÷ DuckDB** |")
    print("|---:|---:|---:|---:|")
    for threads in (1, 2):
        result = subprocess.run(
            [python, "-c", DUCKDB_QUERY, json.dumps(paths), str(threads), str(RUNS)],
            check=True, capture_output=True, text=True,
        )
        duck = json.loads(result.stdout.strip().splitlines()[-1])
        codes = medians([CODES, "decode", *paths, "--summary", "--jobs", str(threads)])
        print(
            f"| {threads} | {duck['median']:.3f} s (DuckDB {duck['version']}, {duck['rows']} rows) "
            f"| {codes[0]:.3f} s | **{codes[0] / duck['median']:.2f}** |",
            flush=True,
        )
    print(f"\nload {load()} (after)")


def summary(work):
    paths = large_set(os.path.join(work, "large"), files=2)
    print(f"\n`codes decode --summary --jobs 1` on 2 files × 400,000 records, {machine()}, median of {RUNS}, load {load()} (before)\n")
    wall, cpu, rss = medians([CODES, "decode", *paths, "--summary", "--jobs", "1"])
    print(f"| wall {wall:.3f} s | CPU {cpu:.3f} s | peak RSS {rss / 1024:.1f} MiB |")
    print(f"\nload {load()} (after)")


def main():
    what = sys.argv[1] if len(sys.argv) > 1 else "all"
    if what not in ("threads", "memory", "duckdb", "summary", "pools", "against", "instructions", "cutting", "whole", "pieces", "archive", "formats", "all"):
        sys.exit(__doc__)
    build()
    if SMOKE:
        print("SMOKE=1: a thousandth of the records, one run, a debug build, and this build in the place of")
        print("any other commit's or variant's; no figure below means anything.")
    with tempfile.TemporaryDirectory(prefix="bills-scale-") as work:
        if what in ("threads", "all"):
            threads(work)
        if what in ("memory", "all"):
            memory(work)
        if what in ("duckdb", "all"):
            duckdb(work)
        if what in ("summary", "all"):
            summary(work)
        if what == "pools":
            pools(work)
        if what == "cutting":
            cutting(work)
        if what == "whole":
            whole(work)
        if what == "pieces":
            pieces(work, [int(size) for size in sys.argv[2:]] or PIECE_SIZES)
        if what == "archive":
            archive(work, sys.argv[2] if len(sys.argv) > 2 else None)
        if what == "formats":
            formats(work, sys.argv[2] if len(sys.argv) > 2 else None)
        if what == "instructions":
            instructions(work, sys.argv[2] if len(sys.argv) > 2 else None)
        if what == "against":
            if len(sys.argv) < 3:
                sys.exit(__doc__)
            pools(work, sys.argv[2], sys.argv[2], uneven=True)


if __name__ == "__main__":
    main()
