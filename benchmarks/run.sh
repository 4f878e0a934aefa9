#!/usr/bin/env bash
# Runs a short version of the benchmark suite (about 17 minutes) and writes BENCHMARKS.md at the
# repository root: ratios of gradient time to objective time for Fluxion, the hand-written
# gradients, Hipparchus and finite differences, ADBench's published ratios beside them, the
# allocation per operation (-prof gc) and the machine; then the realistic programs
# (dev.fluxion.benchmarks.realistic) with JAX's times beside them when `import jax` works
# (benchmarks/jax/bench.py, about 2 minutes more).
#
#   bash benchmarks/run.sh                 # build, run everything, write BENCHMARKS.md
#   bash benchmarks/run.sh 'Gmm.*'         # only the benchmarks matching a JMH regex
#   FLUXION_NO_BUILD=1 bash benchmarks/run.sh   # reuse benchmarks/target/benchmarks.jar
#   FLUXION_ROUNDS=3 bash benchmarks/run.sh     # the whole suite three times over, each time the
#                                               # fastest iteration of any round: steadier on a shared
#                                               # machine, three times as long
#   FLUXION_FORKS=3 bash benchmarks/run.sh      # three JVMs per benchmark, one after another
#   FLUXION_REALISTIC=1 bash benchmarks/run.sh  # only the section "Programs as people write them":
#                                               # the realistic programs, ADBench's GMM (1k d2_K5,
#                                               # d10_K5) and LSTM beside them, and JAX; the rest of
#                                               # BENCHMARKS.md stays (about 5 minutes a round)
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
SECTION=()
JMH=(-wi 2 -i 3 -w 1 -r 1 -f "${FLUXION_FORKS:-1}" -prof gc -rf json)
for round in $(seq "${FLUXION_ROUNDS:-1}"); do
  RESULT=benchmarks/target/jmh-result-$round.json
  if [[ -n "${FLUXION_REALISTIC:-}" ]]; then
    # the ADBench rows JAX runs too (their inputs as in ReferenceValues), in a second JMH run each round
    java -jar "$JAR" "${JMH[@]}" -rff "$RESULT" 'realistic\.' 'GmmBenchmark\.(objective|fluxion|manual)$' \
      -p input=1k/gmm_d2_K5,1k/gmm_d10_K5
    java -jar "$JAR" "${JMH[@]}" -rff "benchmarks/target/jmh-result-$round-lstm.json" 'LstmBenchmark\.(objective|fluxion|manual)$'
    RESULTS+=("$RESULT" "benchmarks/target/jmh-result-$round-lstm.json")
    SECTION=(--section-only)
  else
    java -jar "$JAR" "${JMH[@]}" -rff "$RESULT" "$@"
    RESULTS+=("$RESULT")
  fi
done
# JAX beside the realistic programs (and ADBench's GMM and LSTM), right after the JMH run: the same
# functions at the same parameters (ReferenceValues writes them with Fluxion's value and gradient,
# which bench.py checks its own against), when JAX is installed
JAX=()
if [[ -z "${FLUXION_NO_JAX:-}" ]] && python3 -c "import jax" 2>/dev/null; then
  java -cp "$JAR" dev.fluxion.benchmarks.realistic.ReferenceValues benchmarks/target/reference-values.json
  python3 benchmarks/jax/bench.py benchmarks/target/reference-values.json benchmarks/target/jax-result.json
  JAX=(--jax=benchmarks/target/jax-result.json)
else
  echo "JAX not run (python3 -c 'import jax' failed, or FLUXION_NO_JAX is set): BENCHMARKS.md says so" >&2
fi
java -cp "$JAR" dev.fluxion.benchmarks.BenchmarkReport "${JAX[@]}" "${SECTION[@]}" --realistic-notes=benchmarks/BENCHMARKS-realistic-notes.md \
  BENCHMARKS.md benchmarks/BENCHMARKS-notes.md "${RESULTS[@]}"
