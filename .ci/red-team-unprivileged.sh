#!/usr/bin/env bash
# The red-team tests again, as an unprivileged user (issue 14, docs/security.md): CI runs as root, where file
# modes and process limits bind less. A throwaway user gets a copy of this checkout and of the local Maven
# repository (nothing is downloaded: -o) and runs the hostile-input tests of ipc-bus and kernel (package, SDK too: the
# kernel's tests start hosts from the SDK jar; the fuzzers, which only parse bytes, ran in the root build). As anyone
# but root this script has nothing to do.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" = 0 ] || { echo "red-team: not root, the normal run already was unprivileged" >&2; exit 0; }
user=symphony-redteam
id "$user" >/dev/null 2>&1 || useradd --system --shell /usr/sbin/nologin --no-create-home "$user"
work="$(mktemp -d /tmp/symphony-redteam.XXXXXX)"
trap 'rm -rf "$work"' EXIT
git clone -q . "$work/src"
cp -a "${MAVEN_REPO:-$HOME/.m2/repository}" "$work/m2"
mkdir -p "$work/home"
chown -R "$user" "$work"
chmod 700 "$work"
tests='RedTeamTest,HostileHostTest,RunningQuotaTest,SeccompTest,KernelFilesRaceTest,KernelNetworkTest,EnvironmentLeakTest,MalformedFrameTest,OversizedMessageTest'
echo "red-team: $tests as $user" >&2
runuser -u "$user" -- env -i PATH="$PATH" HOME="$work/home" JAVA_HOME="${JAVA_HOME:-}" \
  SYMPHONY_HOME="$work/home/symphony" XDG_CONFIG_HOME="$work/home/config" \
  bash -c "cd '$work/src' && [ \"\$(id -u)\" != 0 ] && mvn -B -o -q -Dmaven.repo.local='$work/m2' package -pl extensions-sdk,kernel -am \
    -Dtest='$tests' -Dsurefire.failIfNoSpecifiedTests=false -Dsymphony.skipFuzz=true"
for report in "$work"/src/{ipc-bus,kernel}/target/surefire-reports/TEST-*.xml; do # what ran, what was skipped
  sed -n 's/.*<testsuite[^>]* name="\([^"]*\)"[^>]* tests="\([0-9]*\)"[^>]* skipped="\([0-9]*\)".*/red-team: \1: \2 tests, \3 skipped/p' "$report" | head -1 >&2
done
echo "red-team: passed as $user" >&2
