#!/usr/bin/env bash
# Benchmark of the kill-switch Lambda against moto, all in one run on this machine:
#   warm: the handler in-process, event -> key Inactive and event -> end, p50/p90/p99
#   cold: a fresh process running the handler once, wall time from exec to exit, for the
#         packaged jar (JVM options as listed) and for the Python boto3 reference handler
#         (scripts/bench-kill-switch-reference.py), interleaved round by round
# Prints Markdown for docs/benchmarks.md.
#
# Usage: scripts/bench-kill-switch.sh   (after: mvn -B -q -DskipTests package -pl lambdas/kill-switch -am)
# Environment: WARM_RUNS (200), WARM_UP (20), COLD_RUNS (10), JDK25_HOME (optional: a JDK 24+
# for the AOT-cache rows; default /usr/lib/jvm/temurin-25-jdk-amd64 when present).
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
load_toolchain_env

warm_runs="${WARM_RUNS:-200}"
warm_up="${WARM_UP:-20}"
cold_runs="${COLD_RUNS:-10}"
jdk25="${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"

lambda="${REPO_ROOT}/lambdas/kill-switch"
jar="${lambda}/target/kill-switch.jar"
shaded="${lambda}/target/kill-switch-shaded.jar"
classes="${lambda}/target/test-classes"
event="${lambda}/src/test/resources/events/alarm.json"
for built in "${jar}" "${shaded}" "${classes}"; do
  [[ -e "${built}" ]] || die "${built} is missing; run: mvn -B -q -DskipTests package -pl lambdas/kill-switch -am"
done
# boto3 comes with moto: use the interpreter the moto_server wrapper runs.
python="$(sed -n 's/^exec "\(.*\)" -m moto.server.*/\1/p' "$(command -v moto_server)")"
if [[ ! -x "${python}" ]] || ! "${python}" -c 'import boto3' 2>/dev/null; then
  die "no Python with boto3 behind moto_server"
fi

work="$(mktemp -d)"
log "starting the emulator"
start_emulator "${work}"

log "warm: ${warm_runs} in-process invocations after ${warm_up} warm-up runs"
warm_rows="$(java -cp "${shaded}:${classes}" io.platform.killswitch.bench.WarmLatency "${warm_runs}" "${warm_up}")"

fixture() { "${python}" "${REPO_ROOT}/scripts/bench-kill-switch-fixture.py" "$@"; }
eval "$(fixture setup)"
export ALARM_NAMES=platform-athena-processed-bytes-spike
export SECRET_ID SNS_TOPIC_ARN

# Variants: a label, then the command. The archives are made by one training run each.
labels=()
commands=()
variant() { labels+=("$1"); shift; commands+=("$*"); }
variant "Python 3.11 + boto3 (reference)" "${python} ${REPO_ROOT}/scripts/bench-kill-switch-reference.py ${event}"
variant "Java 17, default JVM" "java -jar ${jar} ${event}"
variant "Java 17, -XX:TieredStopAtLevel=1" "java -XX:TieredStopAtLevel=1 -jar ${jar} ${event}"
java -XX:ArchiveClassesAtExit="${work}/kill-switch.jsa" -jar "${jar}" "${event}" >/dev/null 2>&1
fixture reset
variant "Java 17, AppCDS archive" "java -XX:SharedArchiveFile=${work}/kill-switch.jsa -jar ${jar} ${event}"
variant "Java 17, AppCDS + TieredStopAtLevel=1" \
  "java -XX:SharedArchiveFile=${work}/kill-switch.jsa -XX:TieredStopAtLevel=1 -jar ${jar} ${event}"
# Lambda's JVM picks the serial collector by itself on a small function; this machine would not.
variant "Java 17, AppCDS + TieredStopAtLevel=1 + SerialGC" \
  "java -XX:SharedArchiveFile=${work}/kill-switch.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar ${jar} ${event}"
if [[ -x "${jdk25}/bin/java" ]]; then
  "${jdk25}/bin/java" -XX:AOTCacheOutput="${work}/kill-switch.aot" -jar "${jar}" "${event}" >/dev/null 2>&1
  fixture reset
  variant "Java 25, default JVM" "${jdk25}/bin/java -jar ${jar} ${event}"
  variant "Java 25, AOT cache + TieredStopAtLevel=1 + SerialGC" \
    "${jdk25}/bin/java -XX:AOTCache=${work}/kill-switch.aot -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar ${jar} ${event}"
fi

log "cold: ${cold_runs} rounds of ${#labels[@]} variants, interleaved"
for ((round = 1; round <= cold_runs; round++)); do
  for i in "${!labels[@]}"; do
    fixture reset
    start="${EPOCHREALTIME}"
    # shellcheck disable=SC2086 # each command is a word list on purpose
    ${commands[i]} >"${work}/out" 2>"${work}/err" || die "${labels[i]} failed: $(tail -n 3 "${work}/err")"
    end="${EPOCHREALTIME}"
    fixture check || die "${labels[i]} left the key active"
    awk -v s="${start}" -v e="${end}" 'BEGIN { printf "%.0f\n", (e - s) * 1000 }' >>"${work}/cold-${i}"
  done
done

stats() { sort -n "$1" | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2); p = int(NR * 0.9 + 0.999); printf "%d ms | %d ms | %d ms", v[1], v[m], v[p] }'; }
bytes="$(stat -c %s "${jar}")"

cat <<EOF_REPORT
Warm, in-process against moto (Java 17):

| measure | runs | p50 | p90 | p99 |
| --- | ---: | ---: | ---: | ---: |
${warm_rows}

Cold, a fresh process running the handler once (${cold_runs} runs each, wall time from exec to exit):

| runtime | min | median | p90 |
| --- | ---: | ---: | ---: |
EOF_REPORT
for i in "${!labels[@]}"; do
  printf '| %s | %s |\n' "${labels[i]}" "$(stats "${work}/cold-${i}")"
done
printf '\nArtifact: kill-switch.jar, %s bytes (%s MiB; budget 8 MiB); before shrinking: %s bytes.\n' \
  "${bytes}" "$(awk -v b="${bytes}" 'BEGIN { printf "%.2f", b / 1048576 }')" "$(stat -c %s "${shaded}")"
