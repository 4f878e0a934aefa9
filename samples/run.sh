#!/usr/bin/env bash
# Runs the sample programs both ways. Build first: mvn -B -q install -DskipTests
#  1. as built: fluxion-maven-plugin added the derivative methods to samples/target/classes during
#     the build, so plain `java` with the runtime on the class path is enough (no agent); XChart,
#     which draws the samples' charts (samples/target/pictures/*.png), is on the class
#     path the build wrote to samples/target/runtime-classpath.txt;
#  2. with the agent: Demo compiled afresh by javac (classes the plugin never saw), differentiated
#     by the agent when the JVM loads it;
#  3. on demand: the same javac output with ondemand/target/fluxion.jar on the class path, no agent
#     and no plugin: derivatives generated when first asked for. All three print the same numbers;
#  4. with the agent, NistFit of the hipparchus module: NIST's Misra1a and Thurber fitted by
#     Hipparchus's Levenberg-Marquardt with Fluxion's Jacobian (Hipparchus's jars are on the class
#     path the build wrote to hipparchus/target/runtime-classpath.txt);
#  5. on demand, LogisticRegressionOnSpark of the spark module: MLlib's L-BFGS in a local Spark with
#     Fluxion's gradient of one example's loss (Spark's jars are on the class path the build wrote to
#     spark/target/spark-classpath.txt; spark/java17.options are the JVM options Spark needs on Java 17).
set -euo pipefail
cd "$(dirname "$0")/.."
CP=samples/target/classes:runtime/target/classes:$(cat samples/target/runtime-classpath.txt)
for main in Demo RosenbrockDescent NewtonRosenbrock CurveFit HeatInversion mlp.BreastCancerMlp robust.RobustRegression \
    ode.PredatorPreyFit ode.DampedPendulumFit robot.MassSpringRobot render.InverseRendering image.PhotoEditFit; do
  echo "== dev.fluxion.samples.$main (built with fluxion-maven-plugin, no agent)"
  java -cp "$CP" "dev.fluxion.samples.$main"
done

PLAIN=$(mktemp -d)
trap 'rm -rf "$PLAIN"' EXIT
javac -d "$PLAIN" -cp runtime/target/classes samples/src/main/java/dev/fluxion/samples/Demo.java
echo "== dev.fluxion.samples.Demo (compiled by javac, not transformed; -javaagent)"
java -javaagent:agent/target/fluxion-agent.jar -cp "$PLAIN:runtime/target/classes" dev.fluxion.samples.Demo

echo "== dev.fluxion.samples.Demo (compiled by javac, not transformed; fluxion.jar on the class path: on demand)"
java -cp "$PLAIN:ondemand/target/fluxion.jar" dev.fluxion.samples.Demo

echo "== dev.fluxion.hipparchus.samples.NistFit (Hipparchus's Levenberg-Marquardt, Fluxion's Jacobian; -javaagent)"
java -javaagent:agent/target/fluxion-agent.jar \
  -cp "hipparchus/target/test-classes:hipparchus/target/classes:$(cat hipparchus/target/runtime-classpath.txt)" \
  dev.fluxion.hipparchus.samples.NistFit

echo "== dev.fluxion.spark.samples.LogisticRegressionOnSpark (MLlib's L-BFGS in a local Spark; fluxion.jar: on demand)"
java @spark/java17.options \
  -cp "spark/target/test-classes:spark/target/classes:ondemand/target/fluxion.jar:$(cat spark/target/spark-classpath.txt)" \
  dev.fluxion.spark.samples.LogisticRegressionOnSpark
