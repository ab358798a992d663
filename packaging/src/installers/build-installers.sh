#!/usr/bin/env bash
# The installers profile (mvn -B -Pinstallers -DskipTests package; packaging/README.md "Installers"):
# a jlink runtime of the JDK modules the class path uses (jdeps), jpackage's app image (native launcher,
# runtime, class path and JVM options in its .cfg), the bundled sample extensions, an AOT cache (JDK 25's
# AppCDS: classes loaded and linked in a training run) made here and read by every start, then the
# platform packages: .deb and .rpm from the distributions' own builders (dpkg-deb, rpmbuild), so that
# every file - /usr/bin/symphony, the desktop entry, icons, MIME type - is in the package's file list and
# no maintainer script runs; .msi on Windows and .dmg/.pkg on macOS from jpackage.
# Arguments: TARGET (packaging/target) VERSION (the project's) MAVEN_JAVA_HOME (the JDK running Maven)
# --jdk=[JDK] (installer.jdk: the one whose jlink/jpackage build the runtime, 22+; empty: Maven's when new
# enough, else the newest JDK 22+ installed, InstallerJdk.java) --types=[TYPES] (comma-separated:
# app-image,deb,rpm,msi,dmg,pkg; empty = this OS's default).
set -euo pipefail
target="$(cd "$1" && pwd)"; version="$2"; maven_jdk="$3"; requested="${4#--jdk=}"; types="${5#--types=}"
unix_path() { case "$(uname -s)" in MINGW*|MSYS*|CYGWIN*) cygpath -u "$1" ;; *) printf '%s' "$1" ;; esac; } # Maven passes C:\...
maven_jdk="$(unix_path "$maven_jdk")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
dist="$target/symphony"; work="$target/installer-work"; out="$target/installers"
say() { echo "installers: $*" >&2; }
die() { say "$*"; exit 1; }

jdk="$("$maven_jdk/bin/java" "$here/InstallerJdk.java" "--jdk=$requested" "$3")" || exit 1 # "$3": the path as the JVM spells it
jdk="$(unix_path "$jdk")"
feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")
case "$(uname -s)" in
  Linux) os=linux; default_types="app-image,deb,rpm" ;;
  Darwin) os=mac; default_types="dmg,pkg" ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; default_types="msi" ;;
  *) die "unsupported build OS $(uname -s)" ;;
esac
types="${types:-$default_types}"
app_version="${version%%-*}"         # jpackage wants digits and dots
snapshot=""; [ "$app_version" != "$version" ] && snapshot="${version#*-}"
native_path() { if [ "$os" = windows ]; then cygpath -m "$1"; else printf '%s' "$1"; fi; }
tool() { "$jdk/bin/$1" "${@:2}"; }

rm -rf "$work" "$out"; mkdir -p "$work" "$out"
[ -f "$dist/jvm.flags" ] || die "$dist is not built (run the package phase)"

# 1. The class path, without the natives of other platforms, and the icon.
tool java "$here/InstallerTool.java" strip-natives "$dist/lib" "$work/input"
tool java "$here/InstallerTool.java" icon "$work/icon"

# 2. The runtime: the JDK modules the jars use (jdeps over the real class path) plus those only found by
# name at run time: jdk.compiler (Chronicle compiles generated code; the JVM flags open it), jdk.zipfs
# (zip file systems), jdk.charsets (the editor's encodings), jdk.management (JVM MXBeans).
tool java "$here/InstallerTool.java" class-path-view "$work/input" "$work/jdeps-view"
modules=$(tool jdeps --multi-release "$feature" --ignore-missing-deps --print-module-deps \
  --class-path "$(native_path "$work/jdeps-view")/*" "$work"/jdeps-view/*.jar)
modules="$modules,jdk.compiler,jdk.zipfs,jdk.charsets,jdk.management"
say "runtime modules: $modules"
echo "$modules" > "$work/modules.txt"
# Compressed (modules 69 -> 31 MB): the classes a start needs come from the AOT cache anyway. The base CDS
# archive stays (extension hosts write their own archives on top of it); the one for heaps over 32 GB goes.
tool jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=zip-6 \
  --generate-cds-archive --output "$work/runtime"
rm -f "$work"/runtime/lib/server/classes_nocoops.jsa

# 3. The app image. JVM options: the parent pom's one definition (jvm.flags, +jdk22, +jit), the
# launcher's start-up tuning, the AOT cache, and where the bundled extensions are ($APPDIR is the
# launcher's own app folder, expanded when it starts).
read -r -a flags < "$dist/jvm.flags"
read -r -a flags22 < "$dist/jvm.flags.jdk22"
read -r -a jit < "$dist/jvm.flags.jit"
# (JDK 23+ warns on every start about sun.misc.Unsafe, which Chronicle and JavaFX use: allowed explicitly.)
unsafe=(); [ "$feature" -ge 23 ] && unsafe=("--sun-misc-unsafe-memory-access=allow")
options=("${flags[@]}" "${flags22[@]}" ${unsafe[@]+"${unsafe[@]}"} "${jit[@]}"
  '-XX:AOTCache=$APPDIR/symphony.aot' "-Xlog:aot=off" "-Xlog:cds=off"
  '-Dsymphony.bundled.extensions=$APPDIR/../extensions')
joptions=(); for o in "${options[@]}"; do joptions+=(--java-options "$o"); done
icon="$work/icon/symphony.png"; [ "$os" = windows ] && icon="$work/icon/symphony.ico"; [ "$os" = mac ] && icon="$work/icon/symphony.icns"
main_jar="packaging-$version.jar"
tool jpackage --type app-image --name symphony --dest "$work/image" --input "$work/input" \
  --main-jar "$main_jar" --main-class dev.symphony.packaging.SymphonyMain --runtime-image "$work/runtime" \
  --app-version "$app_version" --vendor Symphony --description "AI-first desktop IDE" --icon "$icon" \
  "${joptions[@]}"
image="$work/image/symphony"; [ "$os" = mac ] && image="$work/image/symphony.app"
appdir=$(dirname "$(find "$image" -name symphony.cfg | head -1)")
java=$(find "$image" -path '*/bin/java' -o -path '*/bin/java.exe' | head -1)

# 4. The bundled extensions (unpacked archives, read-only; the kernel treats them as approved). A module with
# a TEST-FIXTURE file (chaos: crash, hang, leak; recorded-protocol replays) exists for tests and ships in no package.
mkdir -p "$appdir/../extensions"
for zip in "$repo"/sample-extensions/*/target/*-plugin.zip; do
  if [ -f "$(dirname "$(dirname "$zip")")/TEST-FIXTURE" ]; then say "not bundled (a test fixture): $zip"; continue; fi
  tmp="$work/ext-unpack"; rm -rf "$tmp"; mkdir -p "$tmp"
  (cd "$tmp" && tool jar xf "$(native_path "$zip")")
  id=$(sed -n 's/^ *"id" *: *"\([^"]*\)".*/\1/p' "$tmp/symphony-extension.json" | head -1)
  [ -n "$id" ] || die "no id in the manifest of $zip"
  if [ -d "$tmp/lib" ]; then # its jars without other platforms' natives, as for the class path (step 1)
    tool java "$here/InstallerTool.java" strip-natives "$tmp/lib" "$work/ext-lib"
    find "$tmp/lib" -maxdepth 1 -type f ! -name '*.jar' -exec cp -p {} "$work/ext-lib/" \;
    rm -rf "$tmp/lib"; mv "$work/ext-lib" "$tmp/lib"
  fi
  mv "$tmp" "$appdir/../extensions/$id"
  say "bundled extension $id"
done

# 5. The AOT cache: one training run of the real product with the launcher's own class path and options
# (from its .cfg), starting the GUI when a display can be had (xvfb-run on a Linux without one).
cfg="$appdir/symphony.cfg"
sep=":"; [ "$os" = windows ] && sep=";"
cp=""; while IFS= read -r line; do cp="${cp:+$cp$sep}${line//\$APPDIR/$(native_path "$appdir")}"; done \
  < <(sed -n 's/^app\.classpath=//p' "$cfg")
train_opts=(); while IFS= read -r line; do
  line="${line//\$APPDIR/$(native_path "$appdir")}"
  case "$line" in -XX:AOTCache=*) train_opts+=("-XX:AOTCacheOutput=${line#-XX:AOTCache=}") ;; *) train_opts+=("$line") ;; esac
done < <(sed -n 's/^java-options=//p' "$cfg")
train_home="$(mktemp -d)" # outside any source checkout, whose modules the kernel would load
args=(startup-probe); prefix=()
if [ "$os" = linux ] && [ -z "${DISPLAY:-}" ]; then
  if command -v xvfb-run >/dev/null; then prefix=(xvfb-run -a)
  else say "no display and no xvfb-run: the AOT cache covers the CLI (ext list), not the GUI's classes"; args=(ext list); fi
fi
(cd "$train_home" && SYMPHONY_HOME="$train_home/home" ${prefix[@]+"${prefix[@]}"} "$java" "${train_opts[@]}" \
  -cp "$cp" dev.symphony.packaging.SymphonyMain "${args[@]}" >&2)
rm -rf "$train_home"
[ -f "$appdir/symphony.aot" ] || die "the training run wrote no AOT cache ($appdir/symphony.aot)"
say "AOT cache: $(du -h "$appdir/symphony.aot" | cut -f1) from a training run of: ${args[*]}"

# 6. Packages.
has() { [[ ",$types," == *",$1,"* ]]; }
if has app-image; then
  (cd "$work/image" && tar -czf "$out/symphony-$version-$os-app-image.tar.gz" "$(basename "$image")")
fi
if has deb || has rpm; then
  stage="$work/stage"; mkdir -p "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" "$stage/usr/share/mime/packages"
  cp -a "$image" "$stage/opt/symphony"
  ln -s /opt/symphony/bin/symphony "$stage/usr/bin/symphony"
  install -m 644 "$here/linux/symphony.desktop" "$stage/usr/share/applications/symphony.desktop"
  install -m 644 "$here/linux/symphony-mime.xml" "$stage/usr/share/mime/packages/symphony.xml"
  for size in 16 24 32 48 64 128 256 512; do
    install -D -m 644 "$work/icon/symphony-$size.png" "$stage/usr/share/icons/hicolor/${size}x$size/apps/symphony.png"
  done
  chmod -R u+rwX,go+rX,go-w "$stage"
fi
if has deb; then
  command -v dpkg-deb >/dev/null || die "a .deb needs dpkg-deb (Debian/Ubuntu: apt install dpkg)"
  arch=$(dpkg --print-architecture)
  # Depends: the Debian packages of the shared libraries the runtime's natives link (as jpackage does),
  # plus GTK 3, which JavaFX opens at run time.
  deps=$(find "$stage/opt/symphony" -name '*.so' -exec ldd {} \; 2>/dev/null | awk '/=> \//{print $3}' | sort -u \
    | while read -r lib; do dpkg -S "$(readlink -f "$lib")" 2>/dev/null || dpkg -S "$lib" 2>/dev/null || true; done \
    | cut -d: -f1 | sort -u | paste -sd, | sed 's/,/, /g')
  gtk=$(dpkg -S "$(readlink -f /usr/lib/*/libgtk-3.so.0 2>/dev/null | head -1)" 2>/dev/null | cut -d: -f1 | head -1)
  deps="${deps:+$deps, }${gtk:-libgtk-3-0}"
  mkdir -p "$stage/DEBIAN"
  sed -e "s/@DEB_VERSION@/$app_version${snapshot:+~$snapshot}/" -e "s/@DEB_ARCH@/$arch/" \
      -e "s/@INSTALLED_KB@/$(du -sk --exclude=DEBIAN "$stage" | cut -f1)/" -e "s/@DEPENDS@/$deps/" \
      "$here/linux/control" > "$stage/DEBIAN/control"
  (cd "$stage" && find opt usr -type f -exec md5sum {} + > DEBIAN/md5sums) # for dpkg --verify
  dpkg-deb --root-owner-group -Zgzip -z6 --build "$stage" "$out/symphony_$app_version${snapshot:+~$snapshot}_$arch.deb" >&2
  rm -rf "$stage/DEBIAN"
fi
if has rpm; then
  command -v rpmbuild >/dev/null || die "an .rpm needs rpmbuild (Debian/Ubuntu: apt install rpm; Fedora: dnf install rpm-build)"
  rpmbuild -bb --quiet --define "_topdir $work/rpmbuild" --define "stage $stage" \
    --define "app_version $app_version" --define "app_release ${snapshot:+0.}${snapshot:-1}" \
    --define "_binary_payload w6.gzdio" "$here/linux/symphony.spec" >&2
  cp "$work"/rpmbuild/RPMS/*/symphony-*.rpm "$out/"
fi
for t in msi dmg pkg; do
  has "$t" || continue
  extra=()
  case "$t" in
    msi) extra=(--win-menu --win-menu-group Symphony --win-shortcut --win-dir-chooser --win-upgrade-uuid 5f0a3c2e-9a0b-4c35-8c1e-6d1f3e9b2a71) ;;
    dmg|pkg) extra=(--mac-package-identifier dev.symphony.ide) ;;
  esac
  tool jpackage --type "$t" --name symphony --app-image "$image" --dest "$out" --app-version "$app_version" \
    --vendor Symphony --description "AI-first desktop IDE" "${extra[@]}"
done
ls -l "$out" >&2
