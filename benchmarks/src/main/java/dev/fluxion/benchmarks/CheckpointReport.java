package dev.fluxion.benchmarks;

import dev.fluxion.Fluxion;
import dev.fluxion.ScalarFunction;
import dev.fluxion.benchmarks.checkpoint.TimeStepping;
import dev.fluxion.internal.Revolve;
import dev.fluxion.internal.Tape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The section of BENCHMARKS.md on binomial checkpointing ({@code TimeSteppingBenchmark}): per
 * simulation and number of steps, the plain and checkpointed gradients' times over the objective's,
 * and the tapes' peaks, which this class measures itself (one gradient each, {@code Tape.peakBytes}).
 */
final class CheckpointReport {
    static final String PROBLEM = "TimeStepping";

    private CheckpointReport() {
    }

    /**
     * Prints the section for JMH results of {@code TimeSteppingBenchmark} alone, to put into
     * BENCHMARKS.md by hand when the rest of the suite did not run: {@code CheckpointReport result.json..}.
     */
    public static void main(String[] args) throws IOException {
        List<Object> results = new ArrayList<>();
        for (String file : args) {
            results.addAll((List<?>) Json.parse(Files.readString(Path.of(file))));
        }
        System.out.print(section(BenchmarkReport.rows(results).stream().filter(r -> r.problem().equals(PROBLEM)).toList()));
    }

    static String section(List<BenchmarkReport.Row> rows) {
        StringBuilder md = new StringBuilder();
        md.append("## Checkpointing: time against memory\n\n");
        md.append("`TimeSteppingBenchmark`: a damped oscillator by explicit Euler (two numbers of state) and a chain of ")
                .append(TimeStepping.MASSES).append(" masses on springs (three arrays of ").append(TimeStepping.MASSES)
                .append(" numbers), over 10^3 to 10^5 steps, differentiated as they are (\"plain\": the tape records ")
                .append("every step) and `@Checkpointed`: with the default snapshots (the base-2 logarithm of the ")
                .append("segments) and with 100. Times are over the objective's; \"segment\" is the steps Revolve ")
                .append("reverses at a time, \"runs\" how many times each step runs forward on average in the reverse ")
                .append("sweep (Revolve's fewest, besides the objective's own run and the segment's adjoint); tapes are ")
                .append("`Tape.peakBytes()` of one gradient.\n\n");
        md.append("| simulation | steps | objective | plain | checkpointed | checkpointed / plain | segment, snapshots (runs) ")
                .append("| checkpointed, 100 | 100 / plain | segment (runs) | tape, plain | tape, checkpointed | tape, 100 |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (BenchmarkReport.Row r : rows) {
            String[] input = r.input().split(", ");
            String simulation = input[0];
            int steps = Integer.parseInt(input[1]);
            int state = simulation.equals("chain") ? 3 * TimeStepping.MASSES : 2;
            md.append("| ").append(simulation).append(" | ").append(String.format(Locale.ROOT, "%,d", steps)).append(" | ")
                    .append(BenchmarkReport.time(r.micros().get("objective"))).append(" | ")
                    .append(BenchmarkReport.ratio(r.ratio("fluxion", "objective"))).append(" | ")
                    .append(BenchmarkReport.ratio(r.ratio("checkpointed", "objective"))).append(" | ")
                    .append(BenchmarkReport.ratio(r.ratio("checkpointed", "fluxion"))).append(" | ")
                    .append(schedule(steps, 0, state, true)).append(" | ")
                    .append(BenchmarkReport.ratio(r.ratio("checkpointed100", "objective"))).append(" | ")
                    .append(BenchmarkReport.ratio(r.ratio("checkpointed100", "fluxion"))).append(" | ")
                    .append(schedule(steps, 100, state, false)).append(" | ")
                    .append(bytes(simulation, "Plain", steps)).append(" | ")
                    .append(bytes(simulation, "Checkpointed", steps)).append(" | ")
                    .append(bytes(simulation, "Checkpointed100", steps)).append(" |\n");
        }
        return md.toString();
    }

    /**
     * The schedule Revolve makes for the loop (its state of {@code state} numbers): the steps a
     * segment, the snapshots if asked for, and the forward runs of each step in the reverse sweep.
     */
    private static String schedule(int steps, int snapshots, int state, boolean showSnapshots) {
        Revolve r = Revolve.start(new Tape(), steps, snapshots, 0);
        r.watch(new double[state]);
        while (r.next() != Revolve.DONE) {
            // only counting
        }
        return r.segment() + (showSnapshots ? ", " + r.snapshots() : "")
                + String.format(Locale.ROOT, " (%.1f)", (double) r.forwardSteps() / steps);
    }

    /** The tape's peak in one gradient of the simulation's entry point of that kind. */
    private static String bytes(String simulation, String kind, int steps) {
        boolean chain = simulation.equals("chain");
        ScalarFunction f = switch (kind) {
            case "Plain" -> chain ? TimeStepping::chainPlain : TimeStepping::oscillatorPlain;
            case "Checkpointed" -> chain ? TimeStepping::chainCheckpointed : TimeStepping::oscillatorCheckpointed;
            default -> chain ? TimeStepping::chainCheckpointed100 : TimeStepping::oscillatorCheckpointed100;
        };
        TimeStepping.steps = steps;
        double[] x = chain ? TimeStepping.chainInput() : TimeStepping.oscillatorInput();
        Tape tape = Tape.current();
        long before = tape.sizeInBytes();
        tape.resetPeak();
        Fluxion.gradient(f).gradient(x);
        long b = tape.peakBytes() - before;
        return b < 10_000 ? b + " B" : b < 10_000_000 ? b / 1000 + " kB" : b / 1_000_000 + " MB";
    }
}
