#!/bin/sh
# Releases the bundle of one module into this in-tree Maven repository (released/), where the bnd
# baseline of every build finds it, on any clone, without a network. docs/architecture.md
# ("Releasing an API package") says when and how; in short:
#
#   released/release.sh core/org.tanghulu.api 1.0.0
#
# builds the module as it is now with the version given (the module's own version stays
# what it is), and deploys the jar with a stand-alone pom (no parent) as
# org.tanghulu:<artifactId>:<version>. A release is never replaced: the script stops if the version
# is already there. Then set <tanghulu.baseline.version> in the module's pom and add the baseline
# plugin there (see core/org.tanghulu.api/pom.xml), and commit released/ with it.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
module=${1:?usage: released/release.sh MODULE-DIR VERSION (e.g. core/org.tanghulu.api 1.0.0)}
version=${2:?usage: released/release.sh MODULE-DIR VERSION}
module=${module%/}
artifact=$(basename "$module")
group=org.tanghulu
target="$root/released/$(echo "$group" | tr . /)/$artifact/$version"
[ -f "$root/$module/pom.xml" ] || { echo "no module at $root/$module" >&2; exit 2; }
[ ! -e "$target" ] || { echo "$group:$artifact:$version is already released ($target); a release is never replaced" >&2; exit 3; }
case "$version" in *SNAPSHOT*) echo "a release has no SNAPSHOT version: $version" >&2; exit 2 ;; esac

repo=""
for a in "$@"; do case "$a" in -Dmaven.repo.local=*) repo="$a" ;; esac; done

grep -q '<relativePath>../../pom.xml</relativePath>' "$root/$module/pom.xml" \
  || { echo "$module is not a module two folders below the root (core/... or bundles/...)" >&2; exit 2; }
# a copy of the module at the same depth, so that its parent is found as in the tree
work="$root/target/release-$artifact"
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
cp -R "$root/$module/pom.xml" "$root/$module/src" "$work/"
[ ! -f "$root/$module/bnd.bnd" ] || cp "$root/$module/bnd.bnd" "$work/"
# the copy has the release's version as its own; its dependencies on the tree's modules stay on theirs
dev=$(sed -n '/<parent>/,/<\/parent>/s:.*<version>\(.*\)</version>.*:\1:p' "$root/$module/pom.xml" | head -n1)
awk -v v="$version" -v dev="$dev" '
  /<dependency>.*<groupId>org\.tanghulu<\/groupId>/ && !/<version>/ { sub(/<\/artifactId>/, "</artifactId><version>" dev "</version>") }
  { print }
  /<\/parent>/ { inparent = 0; after = 1 }
  after && /<artifactId>/ { print "  <version>" v "</version>"; after = 0 }
' "$root/$module/pom.xml" > "$work/pom.xml"
mvn -B -q $repo -f "$work/pom.xml" package -DskipTests -Dbnd.baseline.skip=true
jar="$work/target/$artifact-$version.jar"
[ -f "$jar" ] || { echo "the build made no $jar" >&2; exit 1; }

name=$(sed -n 's:.*<name>\(.*\)</name>.*:\1:p' "$root/$module/pom.xml" | head -n1)
cat > "$work/release.pom" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 http://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>$group</groupId>
  <artifactId>$artifact</artifactId>
  <version>$version</version>
  <packaging>jar</packaging>
  <name>$name</name>
  <description>Released $(date -u +%Y-%m-%d) from the module $module; an OSGi bundle whose exported packages carry their own semantic versions.</description>
</project>
POM
mvn -B -q $repo -f "$root/pom.xml" -N org.apache.maven.plugins:maven-deploy-plugin:3.1.2:deploy-file \
  -Dfile="$jar" -DpomFile="$work/release.pom" -DrepositoryId=tanghulu-released -Durl="file://$root/released"
echo "released $group:$artifact:$version into $target:"
ls "$target"
