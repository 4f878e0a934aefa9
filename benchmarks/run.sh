#!/usr/bin/env bash
# Runs a short version of the benchmark suite (about 13 minutes) and writes BENCHMARKS.md at the
# repository root: ratios of gradient time to objective time for Fluxion, the hand-written
# gradients, Hipparchus and finite differences, ADBench's published ratios beside them, the
# allocation per operation (-prof gc) and the machine.
#
#   bash benchmarks/run.sh                 # build, run everything, write BENCHMARKS.md
#   bash benchmarks/run.sh 'Gmm.*'         # only the benchmarks matching a JMH regex
#   FLUXION_NO_BUILD=1 bash benchmarks/run.sh   # reuse benchmarks/target/benchmarks.jar
#   FLUXION_ROUNDS=3 bash benchmarks/run.sh     # the whole suite three times over, each time the
#                                               # fastest iteration of any round: steadier on a shared
#                                               # machine, three times as long
#   FLUXION_FORKS=3 bash benchmarks/run.sh      # three JVMs per benchmark, one after another
#
# The benchmark classes are transformed at build time by fluxion-maven-plugin, so the forked JVMs
# run without the agent. ADBench's data is read from -Dfluxion.adbench=DIR or the nearest
# ../shared/adbench-data; without it the inputs are random, of the same shapes.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${FLUXION_NO_BUILD:-}" ]]; then
  # one reactor build (clean: the plugin never transforms a class twice), so that the benchmarks
  # are transformed by this checkout's transformer, not by whatever another build left in ~/.m2;
  # package, not install, to leave ~/.m2 alone
  mvn -B -q clean package -DskipTests -pl benchmarks -am
fi
JAR=benchmarks/target/benchmarks.jar
# short: 2 warm-up iterations and 3 measured ones of 1 s each, one fork unless FLUXION_FORKS says.
# Rounds rather than forks resist a shared machine's load that comes and goes: the forks of one
# benchmark run back to back, so a disturbance can last all of them, while the rounds of one
# benchmark are a whole suite apart.
RESULTS=()
for round in $(seq "${FLUXION_ROUNDS:-1}"); do
  RESULT=benchmarks/target/jmh-result-$round.json
  java -jar "$JAR" -wi 2 -i 3 -w 1 -r 1 -f "${FLUXION_FORKS:-1}" -prof gc -rf json -rff "$RESULT" "$@"
  RESULTS+=("$RESULT")
done
java -cp "$JAR" dev.fluxion.benchmarks.BenchmarkReport BENCHMARKS.md benchmarks/BENCHMARKS-notes.md "${RESULTS[@]}"
