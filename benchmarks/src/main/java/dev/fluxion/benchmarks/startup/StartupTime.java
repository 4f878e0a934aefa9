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
 * plugin-built program printing only its value. Each way runs {@code -Drounds} times (default 9),
 * the ways interleaved so that a disturbance of the shared machine hits all of them alike; the
 * table gives the median and the fastest run of each. Run from the repository root after {@code mvn
 * install -DskipTests}:
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.fluxion.benchmarks.startup.StartupTime
 * </pre>
 * A process timing, not a JMH benchmark: what is measured is a whole JVM's life.
 */
public final class StartupTime {
    private StartupTime() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 9);
        Path root = Path.of("").toAbsolutePath();
        String runtime = root.resolve("runtime/target/classes").toString();
        String pluginBuilt = root.resolve("benchmarks/target/classes") + File.pathSeparator + runtime;
        Path plain = Files.createTempDirectory("first-gradient");
        compile(root.resolve("benchmarks/src/main/java/dev/fluxion/benchmarks/startup/FirstGradient.java"), plain, runtime);
        String main = FirstGradient.class.getName();
        Map<String, List<String>> ways = new LinkedHashMap<>();
        ways.put("no derivative (the program's value only)", List.of("-cp", pluginBuilt, main, "primal"));
        ways.put("plugin (transformed at build time)", List.of("-cp", pluginBuilt, main));
        ways.put("agent (-javaagent:fluxion-agent.jar)", List.of("-javaagent:" + root.resolve("agent/target/fluxion-agent.jar"),
                "-cp", plain + File.pathSeparator + runtime, main));
        ways.put("on demand (fluxion.jar on the class path)", List.of("-cp", plain + File.pathSeparator
                + root.resolve("ondemand/target/fluxion.jar"), main));
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        String expected = null;
        for (int r = 0; r < rounds + 1; r++) {
            for (Map.Entry<String, List<String>> way : ways.entrySet()) {
                long start = System.nanoTime();
                String out = run(way.getValue());
                double s = (System.nanoTime() - start) / 1e9;
                if (!way.getValue().contains("primal")) {
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
        System.out.println("(" + rounds + " runs each, JDK " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores; every way printed " + expected.strip() + ")");
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
