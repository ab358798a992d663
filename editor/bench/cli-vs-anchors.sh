#!/usr/bin/env bash
# Issue 17's whole-process bars, side by side with their anchors, for a QUIET machine (load average
# below 0.5): `symphony search` vs rg (literal and regex, ≤ 3×), `symphony edit --replace` vs sed -E
# (≤ 2×, output byte-identical), and the startup probe (median of 7: firstFrameMs ≤ 800,
# extensionsReadyMs ≤ 1,000). Prints the load average before and after every measurement: a figure
# taken at load ≥ 0.5 is not a result. ~2–3 minutes. Run from the repository root after
# `mvn -B -DskipTests package`; needs hyperfine, rg, xvfb-run and JDK 25's lib/src.zip (for the data).
# Usage: editor/bench/cli-vs-anchors.sh [--no-startup]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export SYMPHONY_NO_REBUILD=1
src=/tmp/jdk-src big=/tmp/10mb.java
zip=$(ls /usr/lib/jvm/*25*/lib/src.zip 2>/dev/null | head -1)
if [ ! -d "$src/java.base" ]; then mkdir -p "$src" && (cd "$src" && unzip -q -o "$zip"); fi
# head stops reading at 10 MB, so cat ends on SIGPIPE: expected, not a failure (pipefail would make it one)
if [ ! -s "$big" ]; then { (cd "$src" && find . -name '*.java' | LC_ALL=C sort | xargs cat) | head -c 10000000 > "$big"; } || true; fi
load() { echo "load: $(cut -d' ' -f1-3 /proc/loadavg) ($1, $(date -u +%FT%TZ))"; }
load start
awk '{ if ($1 >= 0.5) print "WARNING: load average " $1 " >= 0.5: these figures are not results" }' /proc/loadavg
# class-data archives written (first run after a build), page cache warm
./symphony search synchronized "$src" >/dev/null 2>&1; ./symphony edit "$big" --stats >/dev/null
rg -c synchronized "$src" >/dev/null
echo "match counts (symphony / rg): literal $(./symphony search synchronized "$src" 2>/dev/null | wc -l) / $(rg --count-matches synchronized "$src" | awk -F: '{s+=$NF} END {print s}')," \
  "regex $(./symphony search --regex '\bsynchroni[sz]ed\s*\(' "$src" 2>/dev/null | wc -l) / $(rg --count-matches '\bsynchroni[sz]ed\s*\(' "$src" | awk -F: '{s+=$NF} END {print s}')"
load "before search literal"
hyperfine -N --warmup 3 --runs 15 "./symphony search synchronized $src" "rg synchronized $src"
load "before search regex"
hyperfine -N --warmup 3 --runs 15 "./symphony search --regex '\bsynchroni[sz]ed\s*\(' $src" "rg '\bsynchroni[sz]ed\s*\(' $src"
load "before edit --replace"
hyperfine -N --warmup 3 --runs 15 "./symphony edit $big --replace '(\w+)\.size\(\)' '\$1.length()' --out /tmp/symphony-out.java" \
  "sed -E 's/(\w+)\.size\(\)/\1.length()/g' $big"
load "after edit --replace"
sed -E 's/(\w+)\.size\(\)/\1.length()/g' "$big" > /tmp/sed-out.java
cmp /tmp/symphony-out.java /tmp/sed-out.java && echo "edit --replace output: identical to sed -E"
if [ "${1:-}" != "--no-startup" ]; then
  for i in $(seq 7); do  # cold: page cache dropped when allowed (root)
    sync; { echo 3 > /proc/sys/vm/drop_caches; } 2>/dev/null || true
    xvfb-run -a ./symphony startup-probe 2>/dev/null | grep -o '"\(firstFrameMs\|extensionsReadyMs\)":[0-9]*' | tr '\n' ' '; echo
  done
  load "after startup-probe"
fi
