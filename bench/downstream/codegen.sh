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
# Usage: bench/downstream/codegen.sh [REV ...]     (default: HEAD)
#   e.g. bench/downstream/codegen.sh main HEAD
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
