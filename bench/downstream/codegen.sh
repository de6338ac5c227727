#!/usr/bin/env bash
# What compiling the generator costs a downstream build: CPU time of
# codes-codegen compiled as a build dependency (the dev profile's
# build-override: opt-level 0, no debug info), at each git revision given,
# in one run so that the revisions are compared under the same load.
#
# For each revision and each of RUNS runs (default 5), in a fresh target
# directory:
#   build path   a clean build of a probe crate whose only build dependency
#                is codes-codegen: toml and its crates, codes-runtime,
#                codes-codegen (what every downstream build compiles first)
#   codegen      codes-codegen alone, rebuilt after touching its source
#                (with the probe's empty build script relinked)
# and prints the median CPU (user + system) seconds of each, with
# CARGO_INCREMENTAL=0, as a crate from a registry is compiled.
#
# With INSTRUCTIONS=1 it also counts the instructions rustc executes to
# compile codes-codegen (valgrind's cachegrind, every thread), which the
# load of a shared machine does not change; and the same for `cargo check`
# (the front end alone: parsing, type and borrow checking, metadata). It
# takes about a minute per revision.
#
# Usage: bench/downstream/codegen.sh [REV ...]     (default: HEAD)
#   e.g. bench/downstream/codegen.sh main HEAD
#        INSTRUCTIONS=1 RUNS=3 bench/downstream/codegen.sh main HEAD
# Needs the crates in Cargo.lock downloaded (any workspace build does it).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[[ $# -eq 0 ]] && set -- HEAD
export CARGO_INCREMENTAL=0

# CPU seconds (user + system) of `cargo build` of the probe for revision $1
# in target directory $2.
cpu_of_build() {
    local TIMEFORMAT='%U %S' times
    if ! times=$({ time CARGO_TARGET_DIR="$2" cargo build --offline --quiet \
        --manifest-path "$work/$1/probe/Cargo.toml" 2>"$work/build.log"; } 2>&1); then
        cat "$work/build.log" >&2
        exit 1
    fi
    awk '{ printf "%.2f\n", $1 + $2 }' <<<"$times"
}

median() {
    sort -n | awk '{ value[NR] = $1 } END { printf "%.2f", value[int((NR + 1) / 2)] }'
}

for rev in "$@"; do
    dir="$work/$rev"
    mkdir -p "$dir/src" "$dir/probe/src"
    git -C "$repo" archive "$rev" | tar -x -C "$dir/src"
    cat >"$dir/probe/Cargo.toml" <<TOML
[package]
name = "probe"
version = "0.1.0"
edition = "2024"
publish = false

[build-dependencies]
codes-codegen = { path = "$dir/src/codegen" }

[workspace]
TOML
    echo 'fn main() {}' >"$dir/probe/build.rs"
    : >"$dir/probe/src/lib.rs"
    cp "$dir/src/Cargo.lock" "$dir/probe/Cargo.lock"
done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(rustc --version)"
echo "load before: $(uptime | sed 's/.*load average: //')"
echo "runs: $runs (median CPU seconds, user + system)"
echo
declare -A path_cpu unit_cpu
for _ in $(seq "$runs"); do
    # Alternate the revisions run by run, so that a change of load falls on
    # each of them alike.
    for rev in "$@"; do
        target=$(mktemp -d -p "$work" target.XXXX)
        path_cpu[$rev]+="$(cpu_of_build "$rev" "$target") "
        sleep 1
        touch "$work/$rev/src/codegen/src/lib.rs"
        unit_cpu[$rev]+="$(cpu_of_build "$rev" "$target") "
        rm -rf "$target"
    done
done
echo "| revision | build path CPU s | codes-codegen CPU s | runs (path / codegen) |"
echo "|---|---:|---:|---|"
for rev in "$@"; do
    p=$(tr ' ' '\n' <<<"${path_cpu[$rev]}" | grep . | median)
    u=$(tr ' ' '\n' <<<"${unit_cpu[$rev]}" | grep . | median)
    echo "| $rev ($(git -C "$repo" rev-parse --short "$rev")) | $p | $u | ${path_cpu[$rev]% } / ${unit_cpu[$rev]% } |"
done
echo
echo "load after: $(uptime | sed 's/.*load average: //')"

[[ ${INSTRUCTIONS:-0} == 1 ]] || exit 0
command -v valgrind >/dev/null || { echo "INSTRUCTIONS=1 needs valgrind" >&2; exit 1; }
# A rustc wrapper that, where COUNTS is set, runs the compiler of
# codes-codegen under cachegrind and appends its instruction count to
# $COUNTS.
wrapper="$work/count-instructions"
cat >"$wrapper" <<'WRAPPER'
#!/usr/bin/env bash
rustc=$1
shift
if [[ -n ${COUNTS:-} ]]; then
    for arg in "$@"; do
        if [[ $arg == codes_codegen ]]; then
            valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
                "$rustc" "$@" 2> >(sed -n 's/.*I *refs: *//p' | tr -d , >>"$COUNTS")
            exit
        fi
    done
fi
exec "$rustc" "$@"
WRAPPER
chmod +x "$wrapper"
# Instructions of compiling codes-codegen at revision $1 with `cargo $2`:
# `build` as the probe's build dependency, `check` as a library of its own
# (a check still builds build dependencies).
instructions() {
    local target="$work/instructions-target" manifest="$work/$1/probe/Cargo.toml"
    [[ $2 == check ]] && manifest="$work/$1/src/codegen/Cargo.toml"
    local counts="$work/counts"
    : >"$counts"
    for counting in "" "$counts"; do
        [[ -n $counting ]] && touch "$work/$1/src/codegen/src/lib.rs"
        if ! COUNTS="$counting" RUSTC_WRAPPER="$wrapper" CARGO_TARGET_DIR="$target" \
            cargo "$2" --offline --quiet --manifest-path "$manifest" 2>"$work/build.log"; then
            cat "$work/build.log" >&2
            exit 1
        fi
    done
    rm -rf "$target"
    # The output pipe of the wrapper may finish after cargo.
    sleep 1
    cat "$counts"
}
echo
echo "| revision | instructions, build | instructions, check |"
echo "|---|---:|---:|"
for rev in "$@"; do
    echo "| $rev ($(git -C "$repo" rev-parse --short "$rev")) | $(instructions "$rev" build) | $(instructions "$rev" check) |"
done
