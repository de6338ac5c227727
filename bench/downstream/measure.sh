#!/usr/bin/env bash
# What depending on cec-codes costs a downstream build: clean `cargo build`
# times (wall clock and CPU) of one small downstream crate in four versions,
# with and without serde, each in a fresh target directory, median of RUNS
# (default 3).
#
#   serde-only   the floor: the crate's own code and serde, no code table
#   cec-codes    depends on cec-codes (path dependency to this repository)
#   inline       (a) cec-codes' generated file included directly: no build
#                script, no codegen dependencies
#   derives      (b) the table hand-written under strum and num_enum derives
#
# Then checks that an unchanged spec never reruns cec-codes' build script.
#
# Usage: bench/downstream/measure.sh            (RUNS=5 for more runs)
# Needs the crates in Cargo.lock downloaded (any workspace build does it):
# builds run with --offline and the workspace's Cargo.lock.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Copies template $1 into the scratch directory, ready to build.
prepare() {
    local name=$1
    cp -r "$here/$name" "$work/$name"
    sed "s|@REPO@|$repo|" "$here/$name/Cargo.toml.in" >"$work/$name/Cargo.toml"
    rm "$work/$name/Cargo.toml.in"
    cp "$repo/Cargo.lock" "$work/$name/Cargo.lock"
}

# "wall CPU" seconds of a clean build of crate $1 (further arguments go to
# cargo); CPU is user + system time of cargo and every rustc it ran, which
# other work on the machine disturbs far less than the wall-clock time.
build_times() {
    local name=$1
    shift
    local target times
    target=$(mktemp -d -p "$work" target.XXXX)
    local TIMEFORMAT='%R %U %S'
    if ! times=$({ time CARGO_TARGET_DIR="$target" cargo build --offline --quiet \
        --manifest-path "$work/$name/Cargo.toml" "$@" 2>"$work/build.log"; } 2>&1); then
        cat "$work/build.log" >&2
        exit 1
    fi
    rm -rf "$target"
    awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' <<<"$times"
}

median() {
    sort -n | awk '{ value[NR] = $1 } END { printf "%.2f", value[int((NR + 1) / 2)] }'
}

for name in serde-only cec-codes inline derives; do
    prepare "$name"
done
cp "$repo/tests/golden/codes.rs" "$work/inline/src/codes.rs"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(rustc --version)"
echo "load before: $(uptime | sed 's/.*load average: //')"
echo "runs per build: $runs (medians of wall-clock and of CPU time)"
echo

declare -A wall cpu
for features in serde none; do
    flags=()
    [[ $features == none ]] && flags=(--no-default-features)
    for name in serde-only cec-codes inline derives; do
        runs_out=()
        for _ in $(seq "$runs"); do
            runs_out+=("$(build_times "$name" "${flags[@]}")")
        done
        wall[$name/$features]=$(printf '%s\n' "${runs_out[@]}" | cut -d' ' -f1 | median)
        cpu[$name/$features]=$(printf '%s\n' "${runs_out[@]}" | cut -d' ' -f2 | median)
        echo "$name, serde $features: wall/CPU ${runs_out[*]}" >&2
    done
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "| crate | serde | wall s | CPU s | wall ÷ (a) | CPU ÷ (a) | wall ÷ (b) | CPU ÷ (b) |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for features in serde none; do
    for name in serde-only cec-codes inline derives; do
        w=${wall[$name/$features]}
        c=${cpu[$name/$features]}
        echo "| $name | $features | $w | $c | $(ratio "$w" "${wall[inline/$features]}") | $(ratio "$c" "${cpu[inline/$features]}") | $(ratio "$w" "${wall[derives/$features]}") | $(ratio "$c" "${cpu[derives/$features]}") |"
    done
done
echo
echo "load after: $(uptime | sed 's/.*load average: //')"
echo

# An unchanged spec must never rerun the build script: build once, then
# rebuild verbosely after no change and after an edit of the downstream
# crate's own source; cargo must report cec-codes `Fresh` and run no build
# script. Touching the spec (a new mtime, same bytes) must rerun the script,
# which then leaves the generated file as it was.
echo "### Build script reruns"
target=$(mktemp -d -p "$work" target.XXXX)
check() {
    CARGO_TARGET_DIR="$target" cargo build --offline -v \
        --manifest-path "$work/cec-codes/Cargo.toml" 2>&1
}
check >/dev/null
reran() { grep -c 'Running `.*cec-codes-[0-9a-f]*/build-script-build`' || true; }
echo "- no change: build script runs: $(check | reran); $(check | grep -o 'Fresh cec-codes[^(]*' | head -1)"
echo "// edited" >>"$work/cec-codes/src/lib.rs"
echo "- downstream source edited: build script runs: $(check | reran)"
spec_copy="$work/codes.toml"
cp "$repo/codes.toml" "$spec_copy"
export CEC_CODES_SPEC="$spec_copy"
echo "- CEC_CODES_SPEC set (rerun-if-env-changed): build script runs: $(check | reran)"
out=$(find "$target/debug/build" -path '*cec-codes-*/out/codes.rs' | head -1)
before=$(stat -c %Y "$out")
sleep 1
touch "$spec_copy"
log=$(check)
echo "- spec touched, same bytes: build script runs: $(reran <<<"$log"); generated file rewritten: $([[ $(stat -c %Y "$out") != "$before" ]] && echo yes || echo no); cec-codes recompiled: $(grep -c 'Running `rustc --crate-name cec_codes' <<<"$log" || true)"
echo "- then no change: build script runs: $(check | reran)"
