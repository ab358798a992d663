#!/usr/bin/env bash
# The install test (.ci/run runs it as root on a throwaway machine, after the installers profile):
# installs the .deb for real, runs the installed product from a folder outside any checkout
# (--version, ext list, a Melody headless, the startup probe under Xvfb), checks that nothing was
# written into the install folder and that the PyTorch natives went to the user's DJL cache, removes
# the package and checks nothing is left; then checks the .rpm's metadata and file list and installs it
# into a scratch root. With --compare N it then times the installed product's first frame against the
# source checkout's, N runs each, alternating, with the load average beside every figure, and judges the bar
# (StartupComparison.java: a figure taken under load is labelled as not a result). What it measured goes to
# packaging/target/install-test/ (summary.txt, startup-runs.tsv, the installed copy's screenshot).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
out="$repo/packaging/target/installers"
report="$repo/packaging/target/install-test"
compare=0; [ "${1:-}" = "--compare" ] && compare="${2:?--compare needs a count}"
say() { echo "install-test: $*" >&2; }
die() { say "FAILED: $*"; exit 1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
record() { say "$*"; echo "$*" >> "$report/summary.txt"; }
[ "$(id -u)" -eq 0 ] || die "run as root (it installs a package)"
deb=$(ls "$out"/symphony_*.deb) || die "no .deb in $out (mvn -B -Pinstallers -DskipTests package)"
rpm=$(ls "$out"/symphony-*.rpm) || die "no .rpm in $out"
[ ! -e /opt/symphony ] || die "/opt/symphony exists before the install"
work=$(mktemp -d)
installed=0 # a failed test removes the package it installed, so the next run starts clean
cleanup() { [ "$installed" -eq 0 ] || DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq symphony >/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
rm -rf "$report"; mkdir -p "$report"
record "$(date -u '+%F %H:%M UTC'), load $(load), $(basename "$deb") $(stat -c %s "$deb") bytes, $(basename "$rpm") $(stat -c %s "$rpm") bytes"

# --- .deb: install, use, remove ---
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null
installed=1
kb=$(dpkg-query -W -f='${Installed-Size}' symphony)
record "installed: $(dpkg-query -W -f='${Version}' symphony), Installed-Size $kb KiB ($((kb * 1024 / 1000000)) MB), /opt/symphony $(du -sm /opt/symphony | cut -f1) MiB"
[ "$kb" -lt $((350000000 / 1024)) ] || die "installed size $kb KiB is over 350 MB"
[ "$(readlink /usr/bin/symphony)" = /opt/symphony/bin/symphony ] || die "/usr/bin/symphony is not the link to /opt/symphony/bin/symphony"
for f in /usr/bin/symphony /usr/share/applications/symphony.desktop /usr/share/mime/packages/symphony.xml \
         /usr/share/icons/hicolor/256x256/apps/symphony.png; do
  dpkg -S "$f" >/dev/null || die "$f is not in the package's file list"
done
[ -z "$(dpkg-deb -I "$deb" | grep -E '^ *[0-9]+ bytes, +[0-9]+ lines +\*? *(pre|post)(inst|rm)')" ] || die "the .deb has maintainer scripts"
# The system took the file type and the menu entry: the triggers of shared-mime-info and desktop-file-utils ran
# (each checked where that package is installed; .ci/run installs both).
melody_glob='application/x-symphony-melody+json:*.melody.json'
if command -v update-mime-database >/dev/null; then
  grep -qF "$melody_glob" /usr/share/mime/globs2 || die "the MIME database does not know *.melody.json after the install"
else say "no shared-mime-info here: the MIME database is not checked"; fi
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate /usr/share/applications/symphony.desktop || die "the desktop entry does not validate"
  grep -q '^application/x-symphony-melody+json=.*symphony.desktop' /usr/share/applications/mimeinfo.cache \
    || die "the desktop database does not offer Symphony for *.melody.json after the install"
else say "no desktop-file-utils here: the desktop entry is not validated"; fi
find /opt/symphony -printf '%p %s %T@\n' | sort > "$work/before.txt"

cd "$work" # outside any source checkout: the installed product must not need one
export SYMPHONY_HOME="$work/home" DJL_CACHE_DIR="$work/djl-cache"
symphony --version
JAVA_TOOL_OPTIONS=-XX:AOTMode=on symphony --version >/dev/null 2>&1 || die "the installed AOT cache is not usable (-XX:AOTMode=on refused it)"
symphony ext list | tee "$work/ext.txt"
bundled=$(find /opt/symphony/lib/extensions -mindepth 1 -maxdepth 1 -type d | wc -l)
[ "$bundled" -ge 1 ] && [ "$(grep -c '(bundled)' "$work/ext.txt")" -eq "$bundled" ] \
  || die "ext list does not show the $bundled bundled sample extensions the package carries"
symphony run "$repo/examples/text-pipeline.melody.json" --yes > "$work/run.jsonl"
grep -q '"succeeded"' "$work/run.jsonl" || die "the Melody did not succeed: $(tail -3 "$work/run.jsonl")"
symphony run "$repo/examples/tiny-lm-draft.melody.json" --yes > "$work/run-lm.jsonl"
grep -q '"succeeded"' "$work/run-lm.jsonl" || die "the tiny-lm Melody did not succeed: $(tail -3 "$work/run-lm.jsonl")"
[ -n "$(find "$DJL_CACHE_DIR" -name 'libtorch*.so' -print -quit 2>/dev/null)" ] || die "the PyTorch natives were not unpacked into the DJL cache $DJL_CACHE_DIR"
# The installed IDE starts: its window's first frame, a screenshot of it (the probe exits non-zero when no frame
# comes within its time limit).
probe_load=$(load)
shot="$report/installed-startup.png"
probe=$(xvfb-run -a symphony startup-probe --screenshot "$shot") || die "the installed IDE did not start (startup-probe under Xvfb failed)"
[[ "$probe" =~ \"firstFrameMs\":[0-9]+ ]] || die "the installed IDE's startup probe printed no first frame: $probe"
[ "$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || die "the installed IDE's screenshot $shot is not a PNG"
record "startup probe (installed, load $probe_load): $probe"
find /opt/symphony -printf '%p %s %T@\n' | sort > "$work/after.txt"
diff "$work/before.txt" "$work/after.txt" >&2 || die "the installed product wrote into /opt/symphony"
[ -z "$(dpkg --verify symphony)" ] || die "dpkg --verify: $(dpkg --verify symphony | head -3)"

if [ "$compare" -gt 0 ]; then
  installed_probe() { xvfb-run -a symphony startup-probe 2>/dev/null; }
  checkout_probe() { SYMPHONY_NO_REBUILD=1 xvfb-run -a "$repo/symphony" startup-probe 2>/dev/null; }
  # One untimed start of each first: the checkout writes its class-data archive on its first run, as it would for a user.
  installed_probe >/dev/null || die "the installed IDE did not start (warm-up)"
  checkout_probe >/dev/null || die "the checkout's IDE did not start (warm-up; is $repo built?)"
  # The install and the warm-ups lift the load average themselves: wait (up to 10 minutes) for it to settle below
  # 0.5 so that the timed pairs start on a quiet machine when the machine is otherwise idle.
  for _ in $(seq 60); do
    awk -v l="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN { exit !(l < 0.5) }' && break
    sleep 10
  done
  start_load=$(cut -d' ' -f1 /proc/loadavg)
  say "first frame, installed vs source checkout ($repo), $compare runs each, alternating; load at the start $(load)"
  for i in $(seq "$compare"); do
    l=$(cut -d' ' -f1 /proc/loadavg); printf 'installed\t%s\t%s\n' "$l" "$(installed_probe)" | tee -a "$report/startup-runs.tsv" >&2
    l=$(cut -d' ' -f1 /proc/loadavg); printf 'checkout\t%s\t%s\n' "$l" "$(checkout_probe)" | tee -a "$report/startup-runs.tsv" >&2
  done
  verdict=$(java "$repo/packaging/src/installers/StartupComparison.java" "$report/startup-runs.tsv" "$start_load") \
    || { record "$verdict"; die "startup comparison failed"; }
  record "$verdict"
fi

DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq symphony >/dev/null
installed=0
[ ! -e /opt/symphony ] || die "left after removal: $(find /opt/symphony | head -5)"
[ ! -e /usr/bin/symphony ] || die "/usr/bin/symphony left after removal"
if command -v update-mime-database >/dev/null; then
  ! grep -qF "$melody_glob" /usr/share/mime/globs2 || die "the MIME database still has *.melody.json after the removal"
fi
record ".deb installed, ran and removed cleanly"

# --- .rpm: metadata, file list, an install into a scratch root ---
rpm -qip "$rpm"
rpm -qlp "$rpm" > "$work/rpm-files.txt"
for f in /opt/symphony/bin/symphony /usr/bin/symphony /usr/share/applications/symphony.desktop /usr/share/mime/packages/symphony.xml; do
  grep -qx "$f" "$work/rpm-files.txt" || die "$f is not in the .rpm's file list"
done
[ -z "$(rpm -qp --scripts "$rpm")" ] || die "the .rpm has scriptlets"
root="$work/rpm-root"
rpm --root "$root" --initdb
rpm --root "$root" -i --nodeps "$rpm"
[ -x "$root/opt/symphony/bin/symphony" ] && [ "$(readlink "$root/usr/bin/symphony")" = /opt/symphony/bin/symphony ] \
  || die "the .rpm did not install /opt/symphony/bin/symphony and the /usr/bin link into $root"
"$root/opt/symphony/bin/symphony" --version >/dev/null || die "the .rpm's launcher does not run from $root"
rpm --root "$root" -e symphony
[ ! -e "$root/opt/symphony" ] || die "the .rpm left $root/opt/symphony after removal"
record ".rpm checked, installed into a scratch root and removed"
