#!/usr/bin/env bash
# Resolves the runtime dependency set of every desktop platform from this machine, as the natives-* profiles of
# pom.xml would on that platform, and checks that each set carries its own nd4j, OpenBLAS, JavaCPP and JavaFX
# natives and no other platform's (nd4j's oneDNN build on x86_64, its plain build on arm64, for which nd4j publishes
# no oneDNN build). Prints each set's size and its largest jars.
# Usage: scripts/resolve-platforms.sh [PLATFORM...]   (default: all five; downloads what ~/.m2 lacks)
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A JAVAFX=([linux-x86_64]=linux [linux-arm64]=linux-aarch64 [windows-x86_64]=win
                   [macosx-x86_64]=mac [macosx-arm64]=mac-aarch64)
declare -A ND4J=([linux-x86_64]=linux-x86_64-onednn [linux-arm64]=linux-arm64 [windows-x86_64]=windows-x86_64-onednn
                 [macosx-x86_64]=macosx-x86_64-onednn [macosx-arm64]=macosx-arm64)
platforms=("$@")
[ ${#platforms[@]} -eq 0 ] && platforms=(linux-x86_64 linux-arm64 windows-x86_64 macosx-x86_64 macosx-arm64)
out=target/platforms
mkdir -p "$out"
status=0
for p in "${platforms[@]}"; do
  fx=${JAVAFX[$p]:?unknown platform $p (one of ${!JAVAFX[*]})}
  nd4j=${ND4J[$p]}
  list="$out/$p.txt"
  mvn -B -q -Dstyle.color=never dependency:list -DincludeScope=runtime -DoutputAbsoluteArtifactFilename=true -DoutputFile="$list" \
      -Dnd4j.classifier="$nd4j" -Djavacpp.platform="$p" -Djavafx.platform="$fx" >/dev/null
  files=$(grep -o '/[^ ]*\.jar' "$list" | sort -u)
  missing=()
  for want in "nd4j-native-1.0.0-M2.1-$nd4j.jar" "openblas-0.3.19-1.5.7-$p.jar" "javacpp-1.5.7-$p.jar" \
              "javafx-graphics-21.0.12-$fx.jar"; do
    grep -q "/$want\$" <<<"$files" || missing+=("$want")
  done
  # another platform's natives, or a second nd4j build beside the one wanted
  others=$(grep -E -- '-(linux|windows|macosx)-(x86_64|arm64)(-onednn)?\.jar$' <<<"$files" \
           | grep -v -e "-$p.jar\$" -e "/nd4j-native-1.0.0-M2.1-$nd4j.jar\$" || true)
  others+=$(grep -E -- '/nd4j-native-1\.0\.0-M2\.1-(linux|windows|macosx)-' <<<"$files" \
            | grep -v -- "/nd4j-native-1.0.0-M2.1-$nd4j.jar\$" || true)
  bytes=$(xargs du -cb <<<"$files" | tail -1 | cut -f1)
  printf '%-15s %3d jars, %5d MB' "$p" "$(wc -l <<<"$files")" $((bytes / 1000000))
  if [ ${#missing[@]} -gt 0 ] || [ -n "$others" ]; then
    printf '  WRONG: missing %s; other platforms: %s\n' "${missing[*]:-none}" "${others:-none}"
    status=1
  else
    printf '  ok; largest: %s\n' "$(xargs du -b <<<"$files" | sort -rn | head -4 \
        | awk '{n=split($2,a,"/"); printf "%s %d MB, ", a[n], $1/1000000}')"
  fi
done
exit $status
