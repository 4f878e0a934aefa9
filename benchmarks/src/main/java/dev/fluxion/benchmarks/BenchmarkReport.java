package dev.fluxion.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns JMH's JSON result into BENCHMARKS.md: for each problem and input, the ratios of gradient
 * time to objective time (Fluxion, hand-written, Hipparchus, finite differences), Fluxion against
 * the hand-written gradient and against Hipparchus, ADBench's published ratios beside them, the
 * allocation per operation ({@code -prof gc}) and the machine. Absolute times on shared machines
 * are noisy; the ratios, measured in one run, are what we compare.
 *
 * <p>Benchmarks are grouped by class (without the {@code Benchmark} / {@code PeersBenchmark}
 * suffix) and parameters; the methods are named objective, fluxion ({@code Fluxion.gradient}),
 * fluxionGradientOf (a declared {@code @GradientOf} gradient), fluxionJvp (one forward-mode directional
 * derivative, {@code Fluxion.tangent}), manual, hipparchus and finiteDifferences.
 *
 * <p>Usage: {@code BenchmarkReport [--jax=jax.json] [--realistic-notes=notes.md] [--section-only]
 * BENCHMARKS.md notes.md result.json [result.json...]}: the notes, hand-written observations, are
 * appended (a missing file is none); {@code --section-only} rewrites only the section on realistic
 * programs ({@link RealisticReport}) of an existing BENCHMARKS.md. Several results are rounds, runs
 * of the whole suite one after another; each benchmark's time is its fastest iteration of all.
 */
public final class BenchmarkReport {
    static final String[] METHODS = {"objective", "fluxion", "fluxionGradientOf", "fluxionJvp", "manual", "hipparchus",
        "finiteDifferences"};

    /** One row: a problem at one input, with the time (us/op) and allocation (B/op) of each method. */
    record Row(String problem, String input, Map<String, Double> micros, Map<String, Double> bytes, boolean realistic) {
        Double ratio(String numerator, String denominator) {
            Double a = micros.get(numerator);
            Double b = micros.get(denominator);
            return a == null || b == null ? null : a / b;
        }
    }

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws IOException {
        List<String> positional = new ArrayList<>();
        Object jax = null;
        String realisticNotes = "";
        boolean sectionOnly = false;
        for (String a : args) {
            if (a.equals("--section-only")) {
                sectionOnly = true;
                continue;
            }
            if (a.startsWith("--jax=")) {
                Path file = Paths.get(a.substring("--jax=".length()));
                jax = Files.isRegularFile(file) ? Json.parse(Files.readString(file)) : null;
            } else if (a.startsWith("--realistic-notes=")) {
                Path file = Paths.get(a.substring("--realistic-notes=".length()));
                realisticNotes = Files.isRegularFile(file) ? Files.readString(file) : "";
            } else {
                positional.add(a);
            }
        }
        if (positional.size() < 3) {
            System.err.println("usage: BenchmarkReport [--jax=jax.json] [--realistic-notes=notes.md] [--section-only] BENCHMARKS.md notes.md "
                    + "result.json [result.json...]");
            System.exit(2);
        }
        List<Object> results = new ArrayList<>();
        for (int i = 2; i < positional.size(); i++) {
            results.addAll((List<?>) Json.parse(Files.readString(Paths.get(positional.get(i)))));
        }
        String notes = Files.isRegularFile(Paths.get(positional.get(1))) ? Files.readString(Paths.get(positional.get(1))) : "";
        String markdown;
        if (sectionOnly) {
            // a run of the realistic programs alone: their section replaces the one in the file, the rest stays
            Path existing = Paths.get(positional.get(0));
            markdown = RealisticReport.splice(Files.isRegularFile(existing) ? Files.readString(existing) : "",
                    RealisticReport.section(rows(results), results, Machine.current(), jax, realisticNotes));
        } else {
            markdown = render(results, Machine.current(), notes, jax, realisticNotes);
        }
        Files.writeString(Paths.get(positional.get(0)), markdown);
        System.out.println("wrote " + Path.of(positional.get(0)).toAbsolutePath());
    }

    /** The machine the suite ran on. */
    record Machine(int cores, String os, String date) {
        static Machine current() {
            return new Machine(Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"), LocalDate.now().toString());
        }
    }

    @SuppressWarnings("unchecked")
    static List<Row> rows(Object json) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Object o : (List<Object>) json) {
            Map<String, Object> r = (Map<String, Object>) o;
            String benchmark = (String) r.get("benchmark");
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String cls = benchmark.substring(0, benchmark.lastIndexOf('.'));
            String problem = cls.substring(cls.lastIndexOf('.') + 1).replaceAll("(Peers)?Benchmark$", "");
            Map<String, Object> params = (Map<String, Object>) r.getOrDefault("params", Map.of());
            String input = params.isEmpty() ? "" : String.join(", ", params.values().stream().map(String::valueOf).toList());
            Row row = rows.computeIfAbsent(problem + "|" + input,
                    k -> new Row(problem, input, new LinkedHashMap<>(), new LinkedHashMap<>(), cls.contains(".realistic.")));
            Map<String, Object> primary = (Map<String, Object>) r.get("primaryMetric");
            // a benchmark of several rounds: its fastest of all
            row.micros().merge(method, toMicros(score(primary), (String) primary.get("scoreUnit")), Math::min);
            Map<String, Object> secondary = (Map<String, Object>) r.getOrDefault("secondaryMetrics", Map.of());
            for (Map.Entry<String, Object> e : secondary.entrySet()) {
                if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                    row.bytes().merge(method, (Double) ((Map<String, Object>) e.getValue()).get("score"), Math::min);
                }
            }
        }
        return new ArrayList<>(rows.values());
    }

    /**
     * The time of one operation: the fastest measured iteration, of all forks. ADBench's methodology
     * takes the minimum of its samples too, since timing noise is positive, and its published ratios
     * are what the table compares with. With several forks, this also takes the JIT's best
     * compilation of each method (they vary from fork to fork), of the objective and of the
     * gradients alike. JMH's own score, the mean, where the raw data is missing.
     */
    @SuppressWarnings("unchecked")
    static double score(Map<String, Object> primary) {
        List<List<Double>> forks = (List<List<Double>>) primary.get("rawData");
        if (forks == null || forks.isEmpty()) {
            return (Double) primary.get("score");
        }
        return forks.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    static double toMicros(double score, String unit) {
        return switch (unit) {
            case "ns/op" -> score / 1e3;
            case "us/op" -> score;
            case "ms/op" -> score * 1e3;
            case "s/op" -> score * 1e6;
            default -> throw new IllegalArgumentException("unit " + unit + ": run in average-time mode");
        };
    }

    /** ADBench's published ratios for the row, "hand-written | Tapenade", or dashes. */
    static String[] adbench(String problem, String input) {
        if (problem.equals("Ba")) {
            return new String[] {"6.5–7.4", "8.4–8.9"};
        }
        if (problem.equals("Gmm")) {
            String shape = input.replaceAll(".*gmm_(d\\d+_K\\d+).*", "$1");
            return switch (shape) {
                case "d2_K5" -> new String[] {"1.88", "3.74"};
                case "d2_K200" -> new String[] {"2.18", "4.09"};
                case "d10_K5" -> new String[] {"2.94", "7.69"};
                case "d10_K50" -> new String[] {"3.13", "7.93"};
                case "d10_K10" -> new String[] {"2.94–3.13 (K=5, 50)", "7.69–7.93 (K=5, 50)"};
                case "d64_K5" -> new String[] {"5.48", "13.4"};
                case "d64_K25" -> new String[] {"6.16", "13.3"};
                case "d64_K10" -> new String[] {"5.48–6.16 (K=5, 25)", "13.3–13.4 (K=5, 25)"};
                default -> new String[] {"—", "—"};
            };
        }
        return new String[] {"—", "—"};
    }

    static String render(Object json, Machine machine, String notes) {
        return render(json, machine, notes, null, "");
    }

    /**
     * The whole file: the ADBench-style tables, then the realistic programs ({@link RealisticReport},
     * with the JAX measurements of the same run, or null), then the notes.
     */
    @SuppressWarnings("unchecked")
    static String render(Object json, Machine machine, String notes, Object jax, String realisticNotes) {
        List<Row> all = rows(json);
        List<Row> timeStepping = all.stream().filter(r -> r.problem().equals(CheckpointReport.PROBLEM)).toList();
        all = all.stream().filter(r -> !timeStepping.contains(r)).toList();
        List<Row> rows = all.stream().filter(r -> !r.realistic()).toList();
        Map<String, Object> first = ((List<Map<String, Object>>) json).isEmpty() ? Map.of() : ((List<Map<String, Object>>) json).get(0);
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Generated by `bash benchmarks/run.sh` (JMH, a short run: ")
                .append(plain(first.getOrDefault("warmupIterations", "?"))).append(" warm-up iterations of ")
                .append(first.getOrDefault("warmupTime", "?")).append(", ")
                .append(plain(first.getOrDefault("measurementIterations", "?"))).append(" measured of ")
                .append(first.getOrDefault("measurementTime", "?")).append(", ").append(forks(first)).append(", `-prof gc`")
                .append(rounds(json) > 1 ? "; the whole suite run " + rounds(json) + " times, one round after another" : "")
                .append("). Each time is the fastest measured iteration, of all forks")
                .append(rounds(json) > 1 ? " and rounds" : "").append(": ADBench takes the fastest of its samples. ")
                .append("The classes were transformed at build time by fluxion-maven-plugin; the forks run without the agent.\n\n");
        md.append("Machine: ").append(machine.cores()).append(" cores, ").append(machine.os()).append(", JDK ")
                .append(first.getOrDefault("jdkVersion", "?")).append(" (").append(first.getOrDefault("vmName", "?"))
                .append("), ").append(machine.date())
                .append(". The machine is shared and noisy: compare ratios from one run, not absolute times.\n\n");

        md.append("## Gradient time / objective time\n\n");
        md.append("For BA the \"gradient\" is the sparse Jacobian of a sample of observations (each 2 x 15 block by ")
                .append("two reverse sweeps for Fluxion, as Tapenade's harness does), divided by the residuals of the same sample. ")
                .append("ADBench's figures are from its paper (GMM: 10k points; Tapenade is the closest peer to Fluxion: ")
                .append("source transformation, reverse mode).\n\n");
        md.append("Columns: the objective's time, then each gradient's time divided by it; \"Fluxion\" is ")
                .append("`Fluxion.gradient(...).valueAndGradient`, \"@GradientOf\" a declared gradient with respect to the ")
                .append("parameters only (the data arguments are not differentiated); \"Fluxion jvp\" is one forward-mode ")
                .append("directional derivative, `Fluxion.tangent(...).valueAndJvp` (one tangent sweep: not a gradient, ")
                .append("the cost of forward mode per direction).\n\n");
        md.append("| problem | input | objective | Fluxion | @GradientOf | Fluxion jvp | hand-written | Hipparchus | finite diff. | Fluxion / hand-written | @GradientOf / hand-written | Fluxion / Hipparchus | ADBench hand-written | ADBench Tapenade |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            String[] published = adbench(r.problem(), r.input());
            md.append("| ").append(r.problem()).append(" | ").append(inputLabel(r)).append(" | ")
                    .append(time(r.micros().get("objective"))).append(" | ")
                    .append(ratio(r.ratio("fluxion", "objective"))).append(" | ")
                    .append(ratio(r.ratio("fluxionGradientOf", "objective"))).append(" | ")
                    .append(ratio(r.ratio("fluxionJvp", "objective"))).append(" | ")
                    .append(ratio(r.ratio("manual", "objective"))).append(" | ")
                    .append(ratio(r.ratio("hipparchus", "objective"))).append(" | ")
                    .append(ratio(r.ratio("finiteDifferences", "objective"))).append(" | ")
                    .append(ratio(r.ratio("fluxion", "manual"))).append(" | ")
                    .append(ratio(r.ratio("fluxionGradientOf", "manual"))).append(" | ")
                    .append(ratio(r.ratio("fluxion", "hipparchus"))).append(" | ")
                    .append(published[0]).append(" | ").append(published[1]).append(" |\n");
        }

        md.append("\n## Allocation per operation (bytes, `-prof gc`)\n\n");
        md.append("| problem | input |");
        for (String m : METHODS) {
            md.append(' ').append(label(m)).append(" |");
        }
        md.append("\n|---|---|");
        md.append("---:|".repeat(METHODS.length));
        md.append('\n');
        for (Row r : all) {
            md.append("| ").append(r.problem()).append(" | ").append(inputLabel(r)).append(" |");
            for (String m : METHODS) {
                Double b = r.bytes().get(m);
                md.append(' ').append(b == null ? "—" : String.format(Locale.ROOT, "%,.0f", b)).append(" |");
            }
            md.append('\n');
        }
        if (all.stream().anyMatch(Row::realistic) || jax != null) {
            md.append('\n').append(RealisticReport.section(all, json, machine, jax, realisticNotes));
        }
        if (!timeStepping.isEmpty()) {
            md.append('\n').append(CheckpointReport.section(timeStepping));
        }
        if (!notes.isBlank()) {
            md.append('\n').append(notes.strip()).append('\n');
        }
        return md.toString();
    }

    /** The row's input; a GMM input that ADBench's data set does not hold was random data of its shape. */
    static String inputLabel(Row r) {
        if (r.input().isEmpty()) {
            return "—";
        }
        return r.problem().equals("Gmm") && !GmmInput.isInDataSet(r.input()) ? r.input() + " (random)" : r.input();
    }

    /** How many times the first benchmark (with its parameters) is in the results: the rounds of the suite. */
    @SuppressWarnings("unchecked")
    static int rounds(Object json) {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) json;
        if (entries.isEmpty()) {
            return 0;
        }
        Map<String, Object> first = entries.get(0);
        return (int) entries.stream().filter(e -> e.get("benchmark").equals(first.get("benchmark"))
                && Objects.equals(e.get("params"), first.get("params"))).count();
    }

    static String forks(Map<String, Object> first) {
        Object forks = first.getOrDefault("forks", 1.0);
        return forks instanceof Double d && d == 1 ? "one fork" : plain(forks) + " forks";
    }

    /** JSON numbers are read as doubles: 2.0 iterations print as 2. */
    static String plain(Object v) {
        return v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : String.valueOf(v);
    }

    static String label(String method) {
        return switch (method) {
            case "manual" -> "hand-written";
            case "hipparchus" -> "Hipparchus";
            case "finiteDifferences" -> "finite diff.";
            case "fluxion" -> "Fluxion";
            case "fluxionGradientOf" -> "@GradientOf";
            case "fluxionJvp" -> "Fluxion jvp";
            default -> method;
        };
    }

    static String ratio(Double r) {
        return r == null ? "—" : String.format(Locale.ROOT, r < 10 ? "%.2f" : "%.0f", r);
    }

    static String time(Double micros) {
        if (micros == null) {
            return "—";
        }
        if (micros < 1) {
            return String.format(Locale.ROOT, "%.0f ns", micros * 1e3);
        }
        if (micros < 1e3) {
            return String.format(Locale.ROOT, "%.1f µs", micros);
        }
        if (micros < 1e6) {
            return String.format(Locale.ROOT, "%.1f ms", micros / 1e3);
        }
        return String.format(Locale.ROOT, "%.2f s", micros / 1e6);
    }
}
