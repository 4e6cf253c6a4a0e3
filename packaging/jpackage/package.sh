#!/usr/bin/env bash
# Builds the Audit Workbench installer with jlink + jpackage: a .deb on Linux (built and tested here),
# an .msi on Windows and a .dmg on macOS from the same settings (run this script there, with WiX 3 on
# Windows; see README.md in this folder). The runtime image holds the JDK modules the app needs; the
# app, its libraries (JavaFX included, natives for this platform) and the bundled demo go in beside it.
# Usage: packaging/jpackage/package.sh [--type deb|rpm|msi|dmg|pkg|app-image]   (output: packaging/jpackage/target/)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
type=""
while [ $# -gt 0 ]; do
  case "$1" in
    --type) type="$2"; shift 2 ;;
    *) echo "usage: $0 [--type deb|rpm|msi|dmg|pkg|app-image]" >&2; exit 2 ;;
  esac
done
if [ -z "$type" ]; then
  case "$(uname -s)" in
    Linux) type=deb ;;
    Darwin) type=dmg ;;
    *) type=msi ;;
  esac
fi
version="$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' "$root/pom.xml" | head -1)"
out="$here/target"
rm -rf "$out"
mkdir -p "$out/input"

echo "package: building the app"
(cd "$root" && ./mvnw -q -B -DskipTests install)
cp "$root/app/target/workbench.jar" "$out/input/"
cp "$root"/app/target/lib/*.jar "$out/input/"

# The classes the app loads on its way to a first window, for the class-data archive the installed
# app maps in at every start: the list travels in the package; the Debian postinst dumps the archive
# against the installed class path (a Java 17 archive is tied to its class path). Without a display
# or xvfb-run there is no list, and the app starts without an archive.
echo "package: class list for the installed app's class-data archive"
"$here/train-classes.sh" java "$out/input/workbench.jar:$out/input/*" "$out/input/workbench.classes" \
  || echo "package: no class list (the installed app starts without a class-data archive)"

echo "package: runtime image (jlink)"
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.jfr,jdk.jsobject,jdk.unsupported,jdk.xml.dom,jdk.zipfs
jlink --add-modules "$modules" --generate-cds-archive --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/runtime"

echo "package: installer (jpackage --type $type)"
common=(
  --name audit-workbench
  --app-version "$version"
  --vendor "Audit Workbench"
  --description "Offline workbench for auditing legacy Django codebases: analysis, traces, triage, prioritised report."
  --copyright "Audit Workbench"
  --input "$out/input"
  --main-jar workbench.jar
  --main-class dev.auditworkbench.app.Main
  --runtime-image "$out/runtime"
  --java-options "-Xmx2g"
  --java-options '-XX:SharedArchiveFile=$APPDIR/workbench.jsa'
  --java-options "-Xlog:cds=off"
  --java-options "-Xlog:cds+dynamic=off"
  --file-associations "$here/audit-file.properties"
  --dest "$out"
)
case "$type" in
  deb|rpm)
    jpackage --type "$type" "${common[@]}" --icon "$here/audit-workbench.png" --resource-dir "$here/resources" \
      --install-dir /opt --linux-shortcut --linux-menu-group Development --linux-app-category devel \
      --linux-package-name audit-workbench --linux-deb-maintainer "audit-workbench@localhost" \
      --linux-package-deps "libgtk-3-0, libxtst6, libxxf86vm1, libgl1"
    ;;
  msi)
    jpackage --type msi "${common[@]}" --icon "$here/audit-workbench.ico" --win-menu --win-menu-group "Audit Workbench" \
      --win-shortcut --win-dir-chooser --win-console
    ;;
  dmg|pkg)
    jpackage --type "$type" "${common[@]}" --icon "$here/audit-workbench.icns" --mac-package-name "Audit Workbench"
    ;;
  app-image)
    jpackage --type app-image "${common[@]}" --icon "$here/audit-workbench.png"
    ;;
esac
ls -la "$out"/*.* 2>/dev/null || ls -la "$out"
