#!/usr/bin/env bash
# Benchmark of the kill-switch Lambda against moto, all in one run on this machine:
#   warm: the handler in-process, event -> key Inactive and event -> end, p50/p90/p99
#   cold: a fresh process running the handler once, wall time from exec to the key Inactive and to exit, for the
#         deployment package (extracted as Lambda does, or the jar for the archive rows; JVM
#         options as listed) and for the Python boto3 reference handler
#         (scripts/bench-kill-switch-reference.py), interleaved round by round
# Prints Markdown for docs/benchmarks.md.
#
# Usage: scripts/bench-kill-switch.sh   (after: mvn -B -q -DskipTests package -pl lambdas/kill-switch -am)
# Environment: WARM_RUNS (200), WARM_UP (20), COLD_RUNS (15),
#   JDK21_HOME   a JDK 21, the function's runtime (optional: without it, no Java 21 rows),
#   JDK25_HOME   a JDK 24+ for the AOT-cache row (default /usr/lib/jvm/temurin-25-jdk-amd64 when present),
#   BASELINE_JAR another build of kill-switch.jar, e.g. of the previous commit, measured
#                alongside as "baseline" (optional): another build of the function, to compare with.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
load_toolchain_env

warm_runs="${WARM_RUNS:-200}"
warm_up="${WARM_UP:-20}"
cold_runs="${COLD_RUNS:-15}"
jdk21="${JDK21_HOME:-}"
jdk25="${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
baseline="${BASELINE_JAR:-}"
# The JAVA_TOOL_OPTIONS that lambdas/kill-switch/README.md recommends for the function.
lambda_options="-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

lambda="${REPO_ROOT}/lambdas/kill-switch"
jar="${lambda}/target/kill-switch.jar"
shaded="${lambda}/target/kill-switch-shaded.jar"
classes="${lambda}/target/test-classes"
event="${lambda}/src/test/resources/events/alarm.json"
command -v unzip >/dev/null || die "unzip is missing"
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
export SECRET_ID SNS_TOPIC_ARN ATHENA_WORKGROUP

# Variants: a label, then the command. The archives are made by one training run each. On
# Lambda the deployment package is extracted into /var/task and run from there: the rows marked
# "extracted" do the same; archives and caches need the jar itself.
labels=()
commands=()
variant() { labels+=("$1"); shift; commands+=("$*"); }
extract() { mkdir -p "$2" && unzip -q "$1" -d "$2"; }
main_class=io.platform.killswitch.local.LocalInvocation
extract "${jar}" "${work}/task"
if [[ -n "${baseline}" ]]; then
  [[ -f "${baseline}" ]] || die "BASELINE_JAR ${baseline} does not exist"
  extract "${baseline}" "${work}/baseline"
fi
variant "Python 3.11 + boto3 (reference)" "${python} ${REPO_ROOT}/scripts/bench-kill-switch-reference.py ${event}"
if [[ -x "${jdk21}/bin/java" ]]; then
  java21="${jdk21}/bin/java"
  if [[ -n "${baseline}" ]]; then
    variant "Java 21, recommended JAVA_TOOL_OPTIONS, extracted, baseline" "${java21} ${lambda_options} -cp ${work}/baseline ${main_class} ${event}"
  fi
  variant "Java 21, recommended JAVA_TOOL_OPTIONS, extracted" "${java21} ${lambda_options} -cp ${work}/task ${main_class} ${event}"
  variant "Java 21, the same with -Xshare:off" "${java21} ${lambda_options} -Xshare:off -cp ${work}/task ${main_class} ${event}"
  "${java21}" -XX:ArchiveClassesAtExit="${work}/kill-switch-21.jsa" -jar "${jar}" "${event}" >/dev/null 2>&1
  fixture reset
  variant "Java 21, AppCDS archive + recommended JAVA_TOOL_OPTIONS (jar)" \
    "${java21} -XX:SharedArchiveFile=${work}/kill-switch-21.jsa ${lambda_options} -jar ${jar} ${event}"
fi
variant "Java 17, default JVM (jar)" "java -jar ${jar} ${event}"
if [[ -n "${baseline}" ]]; then
  variant "Java 17, recommended JAVA_TOOL_OPTIONS, extracted, baseline" "java ${lambda_options} -cp ${work}/baseline ${main_class} ${event}"
fi
variant "Java 17, recommended JAVA_TOOL_OPTIONS, extracted" "java ${lambda_options} -cp ${work}/task ${main_class} ${event}"
java -XX:ArchiveClassesAtExit="${work}/kill-switch-17.jsa" -jar "${jar}" "${event}" >/dev/null 2>&1
fixture reset
variant "Java 17, AppCDS archive + recommended JAVA_TOOL_OPTIONS (jar)" \
  "java -XX:SharedArchiveFile=${work}/kill-switch-17.jsa ${lambda_options} -jar ${jar} ${event}"
if [[ -x "${jdk25}/bin/java" ]]; then
  "${jdk25}/bin/java" -XX:AOTCacheOutput="${work}/kill-switch.aot" -jar "${jar}" "${event}" >/dev/null 2>&1
  fixture reset
  variant "Java 25, AOT cache + recommended JAVA_TOOL_OPTIONS (jar)" \
    "${jdk25}/bin/java -XX:AOTCache=${work}/kill-switch.aot ${lambda_options} -jar ${jar} ${event}"
fi

log "cold: ${cold_runs} rounds of ${#labels[@]} variants, interleaved"
for ((round = 1; round <= cold_runs; round++)); do
  for i in "${!labels[@]}"; do
    fixture reset
    start="${EPOCHREALTIME}"
    # Each log line is stamped as it arrives: the key's step line says when the key was Inactive.
    # shellcheck disable=SC2086 # each command is a word list on purpose
    { ${commands[i]} 2>&1 >"${work}/out" | while IFS= read -r line; do printf '%s %s\n' "${EPOCHREALTIME}" "${line}"; done >"${work}/err"; } ||
      die "${labels[i]} failed: $(tail -n 3 "${work}/err")"
    end="${EPOCHREALTIME}"
    fixture check || die "${labels[i]} did not leave the key Inactive with one notice published"
    awk -v s="${start}" -v e="${end}" 'BEGIN { printf "%.0f\n", (e - s) * 1000 }' >>"${work}/cold-${i}"
    awk -v s="${start}" '/"action":"deactivate-key"/ && /"outcome":"done"/ { printf "%.0f\n", ($1 - s) * 1000; exit }' \
      "${work}/err" >>"${work}/key-${i}"
  done
  # Other work on the machine moves every number: record how busy it was, round by round.
  cut -d' ' -f1 /proc/loadavg >>"${work}/load"
done

stats() { sort -n "$1" | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2); p = int(NR * 0.9 + 0.999); printf "%d ms | %d ms | %d ms", v[1], v[m], v[p] }'; }
bytes="$(stat -c %s "${jar}")"

cat <<EOF_REPORT
Warm, in-process against moto (Java 17):

| measure | runs | p50 | p90 | p99 |
| --- | ---: | ---: | ---: | ---: |
${warm_rows}

Cold, a fresh process running the handler once (${cold_runs} runs each, wall time from exec;
1-minute load average between $(sort -n "${work}/load" | head -n 1) and $(sort -n "${work}/load" | tail -n 1) on $(nproc) cores; JAVA_TOOL_OPTIONS: \`${lambda_options}\`):

Each runtime twice: from exec to the key Inactive (its step's log line), and to exit.

| runtime | to key Inactive: min | median | p90 | to exit: min | median | p90 |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
EOF_REPORT
for i in "${!labels[@]}"; do
  printf '| %s | %s | %s |\n' "${labels[i]}" "$(stats "${work}/key-${i}")" "$(stats "${work}/cold-${i}")"
done
printf '\nArtifact: kill-switch.jar, %s bytes (%s MiB; budget 8 MiB); before shrinking: %s bytes.\n' \
  "${bytes}" "$(awk -v b="${bytes}" 'BEGIN { printf "%.2f", b / 1048576 }')" "$(stat -c %s "${shaded}")"
