package dev.fluxion.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The section of BENCHMARKS.md on programs written as people write them (package
 * {@code dev.fluxion.benchmarks.realistic}): objective, Fluxion's gradient and the hand-written
 * gradient from the JMH run, and, where benchmarks/jax/bench.py ran in the same run, JAX's
 * objective and {@code value_and_grad} on the same function and data. ADBench's GMM and LSTM rows
 * that JAX also ran are repeated here beside it.
 */
final class RealisticReport {
    /** The goal of issue 23: a gradient at most this many times its objective. */
    static final double GOAL = 3;

    /** One program timed in JAX, with how far its value and gradient were from Java's. */
    record JaxRow(String problem, String input, double objectiveMicros, double gradientMicros, double valueDifference,
            double gradientDifference) {
    }

    private RealisticReport() {
    }

    @SuppressWarnings("unchecked")
    static List<JaxRow> jaxRows(Object jax) {
        List<JaxRow> out = new ArrayList<>();
        if (jax == null) {
            return out;
        }
        for (Object o : (List<Object>) ((Map<String, Object>) jax).get("rows")) {
            Map<String, Object> r = (Map<String, Object>) o;
            out.add(new JaxRow((String) r.get("problem"), (String) r.get("input"), (Double) r.get("objectiveMicros"),
                    (Double) r.get("gradientMicros"), (Double) r.get("valueDifference"), (Double) r.get("gradientDifference")));
        }
        return out;
    }

    /**
     * The JAX row of the same function on the same input: GmmOneMethod is ADBench's GMM, RayTracerRecords
     * RayTracer's function written with records.
     */
    static JaxRow jaxFor(List<JaxRow> jax, BenchmarkReport.Row row) {
        String problem = switch (row.problem()) {
            case "GmmOneMethod" -> "Gmm";
            case "RayTracerRecords" -> "RayTracer";
            default -> row.problem();
        };
        return jax.stream().filter(j -> j.problem().equals(problem) && j.input().equals(row.input())).findFirst().orElse(null);
    }

    static final String HEADING = "## Programs as people write them";

    /** The file with its realistic section replaced by {@code section}, or the section put before the notes. */
    static String splice(String markdown, String section) {
        int start = markdown.indexOf(HEADING);
        if (start < 0) {
            int notes = markdown.indexOf("\n## What the numbers say");
            return notes < 0 ? markdown + "\n" + section : markdown.substring(0, notes + 1) + section + markdown.substring(notes);
        }
        int end = markdown.indexOf("\n## ", start + HEADING.length());
        return markdown.substring(0, start) + section + (end < 0 ? "" : markdown.substring(end));
    }

    @SuppressWarnings("unchecked")
    static String section(List<BenchmarkReport.Row> all, Object json, BenchmarkReport.Machine machine, Object jax, String notes) {
        List<JaxRow> jaxRows = jaxRows(jax);
        List<BenchmarkReport.Row> rows = new ArrayList<>(all.stream().filter(BenchmarkReport.Row::realistic).toList());
        for (BenchmarkReport.Row r : all) {
            if (!r.realistic() && jaxFor(jaxRows, r) != null) {
                rows.add(r); // ADBench's tuned GMM and LSTM, beside JAX
            }
        }
        StringBuilder md = new StringBuilder();
        List<Map<String, Object>> entries = (List<Map<String, Object>>) json;
        Map<String, Object> first = entries.isEmpty() ? Map.of() : entries.get(0);
        int rounds = BenchmarkReport.rounds(json);
        md.append(HEADING).append("\n\n");
        md.append("Programs written as a Java developer writes them, not shaped for Fluxion (package ")
                .append("`dev.fluxion.benchmarks.realistic`; the GMM and LSTM rows marked ADBench are the tuned ones of the ")
                .append("tables above, measured again in this section's run). ")
                .append("JMH: ").append(BenchmarkReport.plain(first.getOrDefault("warmupIterations", "?")))
                .append(" warm-up iterations of ").append(first.getOrDefault("warmupTime", "?")).append(", ")
                .append(BenchmarkReport.plain(first.getOrDefault("measurementIterations", "?"))).append(" measured of ")
                .append(first.getOrDefault("measurementTime", "?")).append(", ").append(BenchmarkReport.forks(first))
                .append(rounds > 1 ? ", " + rounds + " rounds" : "").append(", `-prof gc`; each time the fastest iteration. ")
                .append("Machine: ").append(machine.cores()).append(" cores, ").append(machine.os()).append(", JDK ")
                .append(first.getOrDefault("jdkVersion", "?")).append(" (").append(first.getOrDefault("vmName", "?"))
                .append("), ").append(machine.date()).append(". ")
                .append("\"Gradient\" is `Fluxion.gradient(...).valueAndGradient`, ")
                .append("\"hand-written\" a gradient derived by hand (`RealisticProgramsTest` checks the two agree to 1e-10). ")
                .append("The goal (issue 23) is a gradient at most ").append(BenchmarkReport.ratio(GOAL))
                .append(" times the objective; rows above it are in bold.\n\n");
        if (jax == null) {
            md.append("JAX: not measured in this run (`python3 -c \"import jax\"` failed when `benchmarks/run.sh` ran; ")
                    .append("`pip install jax` and run it again for the JAX columns).\n\n");
        } else {
            Map<String, Object> j = (Map<String, Object>) jax;
            double worstValue = jaxRows.stream().mapToDouble(JaxRow::valueDifference).max().orElse(0);
            double worstGradient = jaxRows.stream().mapToDouble(JaxRow::gradientDifference).max().orElse(0);
            md.append("JAX ").append(j.get("jax")).append(" (").append(j.get("devices"))
                    .append("), float64, `jit` of the objective and of `value_and_grad`, timed by `benchmarks/jax/bench.py` right ")
                    .append("after the JMH run (warm-up, then the fastest of seven batches of calls, each call waited for). ")
                    .append(String.format(Locale.ROOT, "Its values agree with Java's to %.0e (relative), its gradients with ", worstValue))
                    .append(String.format(Locale.ROOT, "Fluxion's to %.0e (largest difference over the largest component).\n\n",
                            worstGradient));
        }
        md.append("| program | input | objective | Fluxion gradient | gradient / objective | hand-written / objective | ")
                .append("Fluxion / hand-written | JAX objective | JAX gradient | JAX gradient / objective | Fluxion / JAX gradient |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (BenchmarkReport.Row r : rows) {
            JaxRow j = jaxFor(jaxRows, r);
            Double ratio = r.ratio("fluxion", "objective");
            String shown = BenchmarkReport.ratio(ratio);
            md.append("| ").append(r.realistic() ? r.problem() : r.problem() + " (ADBench, tuned)").append(" | ")
                    .append(r.input().isEmpty() ? "—" : r.input()).append(" | ")
                    .append(BenchmarkReport.time(r.micros().get("objective"))).append(" | ")
                    .append(BenchmarkReport.time(r.micros().get("fluxion"))).append(" | ")
                    .append(ratio != null && ratio > GOAL ? "**" + shown + "**" : shown).append(" | ")
                    .append(BenchmarkReport.ratio(r.ratio("manual", "objective"))).append(" | ")
                    .append(BenchmarkReport.ratio(r.ratio("fluxion", "manual"))).append(" | ")
                    .append(j == null ? "—" : BenchmarkReport.time(j.objectiveMicros())).append(" | ")
                    .append(j == null ? "—" : BenchmarkReport.time(j.gradientMicros())).append(" | ")
                    .append(j == null ? "—" : BenchmarkReport.ratio(j.gradientMicros() / j.objectiveMicros())).append(" | ")
                    .append(j == null || r.micros().get("fluxion") == null ? "—"
                            : BenchmarkReport.ratio(r.micros().get("fluxion") / j.gradientMicros()))
                    .append(" |\n");
        }
        if (!notes.isBlank()) {
            md.append('\n').append(notes.strip()).append('\n');
        }
        return md.toString();
    }
}
