package dev.fluxion.benchmarks.startup;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;

/**
 * JVM start to first gradient, the three ways in: {@link FirstGradient} run as the plugin built it
 * (plain {@code java}, the runtime jar), compiled afresh by javac and run under the agent, and the
 * same run with {@code fluxion.jar} on the class path (derivatives on demand); and, for scale, the
 * plugin-built program printing only its value; then, under the agent and on demand, a class of
 * {@value #MANY} {@code @Differentiable} methods, whose extra time over {@link FirstGradient}'s is
 * the cost per method. Each way runs {@code -Drounds} times (default 9),
 * the ways interleaved so that a disturbance of the shared machine hits all of them alike; the
 * table gives the median and the fastest run of each. Run from the repository root after {@code mvn
 * install -DskipTests}:
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.fluxion.benchmarks.startup.StartupTime
 * </pre>
 * A process timing, not a JMH benchmark: what is measured is a whole JVM's life.
 */
public final class StartupTime {
    /** The methods of the generated class that measures the cost per method. */
    static final int MANY = 32;

    private StartupTime() {
    }

    /** A class of {@link #MANY} small {@code @Differentiable} methods, each calling the one before, and a main that asks for one gradient. */
    static String manyMethods() {
        StringBuilder s = new StringBuilder("import dev.fluxion.*;\n\npublic class Many {\n");
        for (int k = 0; k < MANY; k++) {
            s.append("    @Differentiable\n    static double f").append(k).append("(double[] x) {\n")
                    .append("        double s = ").append(k == 0 ? "0" : "0.5 * f" + (k - 1) + "(x)").append(";\n")
                    .append("        for (int i = 0; i + 1 < x.length; i++) {\n")
                    .append("            double d = x[i + 1] - ").append(k % 3 + 1).append(" * x[i];\n")
                    .append("            s += d * d + Math.sin(").append(k).append(" + x[i]);\n")
                    .append("        }\n        return s;\n    }\n\n");
        }
        s.append("    public static void main(String[] args) {\n        System.out.println(java.util.Arrays.toString(")
                .append("Fluxion.gradient(Many::f").append(MANY - 1).append(").gradient(new double[] {0.3, -1.2, 2.0, 0.7})));\n")
                .append("    }\n}\n");
        return s.toString();
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 9);
        Path root = Path.of("").toAbsolutePath();
        String runtime = root.resolve("runtime/target/classes").toString();
        String pluginBuilt = root.resolve("benchmarks/target/classes") + File.pathSeparator + runtime;
        Path plain = Files.createTempDirectory("first-gradient");
        compile(root.resolve("benchmarks/src/main/java/dev/fluxion/benchmarks/startup/FirstGradient.java"), plain, runtime);
        Path many = Files.createTempDirectory("many");
        Files.writeString(many.resolve("Many.java"), manyMethods());
        compile(many.resolve("Many.java"), many, runtime);
        String main = FirstGradient.class.getName();
        Map<String, List<String>> ways = new LinkedHashMap<>();
        ways.put("no derivative (the program's value only)", List.of("-cp", pluginBuilt, main, "primal"));
        ways.put("plugin (transformed at build time)", List.of("-cp", pluginBuilt, main));
        ways.put("agent (-javaagent:fluxion-agent.jar)", List.of("-javaagent:" + root.resolve("agent/target/fluxion-agent.jar"),
                "-cp", plain + File.pathSeparator + runtime, main));
        ways.put("on demand (fluxion.jar on the class path)", List.of("-cp", plain + File.pathSeparator
                + root.resolve("ondemand/target/fluxion.jar"), main));
        ways.put("agent, " + MANY + " methods", List.of("-javaagent:" + root.resolve("agent/target/fluxion-agent.jar"),
                "-cp", many + File.pathSeparator + runtime, "Many"));
        ways.put("on demand, " + MANY + " methods", List.of("-cp", many + File.pathSeparator
                + root.resolve("ondemand/target/fluxion.jar"), "Many"));
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        String expected = null;
        for (int r = 0; r < rounds + 1; r++) {
            for (Map.Entry<String, List<String>> way : ways.entrySet()) {
                long start = System.nanoTime();
                String out = run(way.getValue());
                double s = (System.nanoTime() - start) / 1e9;
                if (!way.getValue().contains("primal") && !way.getValue().contains("Many")) {
                    if (expected == null) {
                        expected = out;
                    } else if (!expected.equals(out)) {
                        throw new IllegalStateException(way.getKey() + " printed " + out + ", not " + expected);
                    }
                }
                if (r > 0) { // the first round warms the disk cache
                    seconds.computeIfAbsent(way.getKey(), k -> new ArrayList<>()).add(s);
                }
            }
        }
        StringBuilder table = new StringBuilder("| way in | median | fastest |\n|---|---:|---:|\n");
        seconds.forEach((way, t) -> {
            double[] sorted = t.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            table.append(String.format("| %s | %.2f s | %.2f s |%n", way, sorted[sorted.length / 2], sorted[0]));
        });
        System.out.print(table);
        for (String way : List.of("agent", "on demand")) {
            double first = median(seconds, way + " (");
            double manyTime = median(seconds, way + ", " + MANY);
            System.out.printf("%s: %.1f ms per further method%n", way, 1000 * (manyTime - first) / (MANY - 2));
        }
        System.out.println("(" + rounds + " runs each, JDK " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores; every way printed " + expected.strip() + ")");
    }

    private static double median(Map<String, List<Double>> seconds, String prefix) {
        for (Map.Entry<String, List<Double>> e : seconds.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                double[] sorted = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
                return sorted[sorted.length / 2];
            }
        }
        throw new IllegalArgumentException(prefix);
    }

    private static void compile(Path source, Path out, String classPath) {
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(), "-cp", classPath,
                source.toString());
        if (status != 0) {
            throw new IllegalStateException("javac failed on " + source);
        }
    }

    private static String run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

}
