#!/usr/bin/env bash
# Builds Parley's native installer for the OS this runs on (jpackage cannot cross-build):
#   Linux -> .deb, macOS -> .dmg, Windows (Git Bash/MSYS2/Cygwin) -> .msi
# Output: target/installer/. Needs JDK 25 (JAVA_HOME or java/jpackage on PATH) plus the per-OS tools
# listed in packaging/README.md. Skips tests: this builds an installer, it is not the CI test run.
set -euo pipefail

cd "$(dirname "$0")/.."

case "$(uname -s)" in
    Linux*) os=linux ;;
    Darwin*) os=macos ;;
    MINGW* | MSYS* | CYGWIN*) os=windows ;;
    *) echo "build-installer.sh: unsupported OS $(uname -s)" >&2; exit 1 ;;
esac

if [[ -n "${JAVA_HOME:-}" ]]; then
    jpackage="$JAVA_HOME/bin/jpackage"
else
    jpackage=jpackage
fi

input=target/installer-input
javafx=target/installer-javafx
rm -rf "$input" "$javafx" target/installer
mkdir -p "$input/lib" "$javafx"

./mvnw -B -q -DskipTests package dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$input/lib"

# The main jar under a fixed name, so jpackage.args can name it.
version=$(sed -n 's/^version=//p' target/maven-archiver/pom.properties)
cp "target/parley-$version.jar" "$input/parley.jar"

# JavaFX goes on the module path (linked into the runtime), not into the app's class path. Only the
# platform jars are modules; the empty classifier-less placeholder jars are dropped.
for jar in "$input"/lib/javafx-*.jar; do
    if command -v unzip >/dev/null; then
        entries=$(unzip -Z1 "$jar")
    else
        entries=$(jar tf "$jar")
    fi
    if grep -qx module-info.class <<<"$entries"; then
        mv "$jar" "$javafx/"
    else
        rm "$jar"
    fi
done

# MSI and macOS bundles need a purely numeric version: 0.1.0-SNAPSHOT -> 0.1.0.
app_version=${version%%-*}

"$jpackage" @packaging/common/jpackage.args @"packaging/$os/jpackage-$os.args" \
    --app-version "$app_version" "$@"

ls -l target/installer
