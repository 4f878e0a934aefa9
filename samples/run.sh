#!/usr/bin/env bash
# Runs the sample programs with the Fluxion agent. Build first: mvn -B -q install -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
AGENT=agent/target/fluxion-agent.jar
CP=samples/target/classes:runtime/target/classes
for main in Demo RosenbrockDescent CurveFit HeatInversion; do
  echo "== dev.fluxion.samples.$main"
  java -javaagent:"$AGENT" -cp "$CP" "dev.fluxion.samples.$main"
done
