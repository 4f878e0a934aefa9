package dev.fluxion.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkReportTest {
    /** A trimmed JMH result: two benchmarks of one problem and input, one of them in a peers class. */
    static final String RESULT = """
            [
              {"jmhVersion": "1.37", "benchmark": "dev.fluxion.benchmarks.GmmBenchmark.objective", "mode": "avgt",
               "jdkVersion": "17.0.15", "vmName": "OpenJDK 64-Bit Server VM", "warmupIterations": 2, "warmupTime": "1 s",
               "measurementIterations": 3, "measurementTime": "1 s", "params": {"input": "10k/gmm_d2_K5"},
               "primaryMetric": {"score": 2000.0, "scoreError": "NaN", "scoreUnit": "ns/op", "rawData": [[2.0e3, 2.5e3]]},
               "secondaryMetrics": {"gc.alloc.rate.norm": {"score": 16.0, "scoreUnit": "B/op"}}},
              {"jmhVersion": "1.37", "benchmark": "dev.fluxion.benchmarks.GmmBenchmark.fluxion",
               "params": {"input": "10k/gmm_d2_K5"},
               "primaryMetric": {"score": 6.0, "scoreUnit": "us/op"},
               "secondaryMetrics": {"gc.alloc.rate.norm": {"score": 128.0, "scoreUnit": "B/op"}}},
              {"jmhVersion": "1.37", "benchmark": "dev.fluxion.benchmarks.GmmPeersBenchmark.hipparchus",
               "params": {"input": "10k/gmm_d2_K5"},
               "primaryMetric": {"score": 0.06, "scoreUnit": "ms/op"}, "secondaryMetrics": {}}
            ]
            """;

    @Test
    void ratiosAreComputedPerProblemAndInput() {
        List<BenchmarkReport.Row> rows = BenchmarkReport.rows(Json.parse(RESULT));
        assertEquals(1, rows.size());
        BenchmarkReport.Row row = rows.get(0);
        assertEquals("Gmm", row.problem());
        assertEquals(3.0, row.ratio("fluxion", "objective"), 1e-12);
        assertEquals(30.0, row.ratio("hipparchus", "objective"), 1e-12);
        assertEquals(null, row.ratio("manual", "objective"));
    }

    @Test
    void markdownHasTheRatiosThePublishedFiguresAndTheMachine() {
        String md = BenchmarkReport.render(Json.parse(RESULT), new BenchmarkReport.Machine(2, "Linux amd64", "2026-12-01"),
                "## Notes\n\nobserved.");
        String input = GmmInput.isInDataSet("10k/gmm_d2_K5") ? "10k/gmm_d2_K5" : "10k/gmm_d2_K5 (random)";
        assertTrue(md.contains("| Gmm | " + input + " | 2.0 µs | 3.00 | — | — | — | 30 | — | — | — | 0.10 | 1.88 | 3.74 |"), md);
        assertTrue(md.contains("| Gmm | " + input + " | 16 | 128 | — | — | — | — | — |"), md);
        assertTrue(md.contains("2 cores, Linux amd64, JDK 17.0.15"), md);
        assertTrue(md.endsWith("observed.\n"), md);
    }

    /** Each time is the fastest measured iteration of all forks, as ADBench takes the fastest of its samples. */
    @Test
    void timesAreTheFastestIterationOfAllForks() {
        String result = RESULT.replace("\"rawData\": [[2.0e3, 2.5e3]]", "\"rawData\": [[1.5e3, 1.2e3], [1.0e4, 1.1e4], [2.0e3, 4.0e3]]")
                .replace("\"warmupIterations\": 2,", "\"forks\": 3, \"warmupIterations\": 2,");
        List<BenchmarkReport.Row> rows = BenchmarkReport.rows(Json.parse(result));
        assertEquals(1.2, rows.get(0).micros().get("objective"), 1e-12); // JMH's mean would be 5 us
        String md = BenchmarkReport.render(Json.parse(result), new BenchmarkReport.Machine(2, "Linux amd64", "2026-12-01"), "");
        assertTrue(md.contains("3 forks, `-prof gc`). Each time is the fastest measured iteration, of all forks"), md);
        assertTrue(md.contains("| 1.2 µs | 5.00 |"), md);
    }

    /**
     * Rounds (the suite run again after the first) are merged: each time is the fastest of all rounds,
     * so a disturbance that lasted one round's run of a benchmark does not decide its row.
     */
    @Test
    void roundsOfTheSuiteAreMergedFastestFirst() {
        String slow = RESULT.replace("\"rawData\": [[2.0e3, 2.5e3]]", "\"rawData\": [[3.0e3, 3.5e3]]");
        String merged = "[" + strip(slow) + ", " + strip(RESULT) + "]";
        List<BenchmarkReport.Row> rows = BenchmarkReport.rows(Json.parse(merged));
        assertEquals(1, rows.size());
        assertEquals(2.0, rows.get(0).micros().get("objective"), 1e-12);
        assertEquals(2, BenchmarkReport.rounds(Json.parse(merged)));
        String md = BenchmarkReport.render(Json.parse(merged), new BenchmarkReport.Machine(2, "Linux amd64", "2026-12-01"), "");
        assertTrue(md.contains("the whole suite run 2 times, one round after another). Each time is the fastest measured "
                + "iteration, of all forks and rounds"), md);
    }

    /** The entries of a JSON result, without the brackets of its list. */
    private static String strip(String result) {
        String t = result.trim();
        return t.substring(1, t.length() - 1);
    }

    /** ADBench's 10k rows whose data it does not publish are run on random data of their shape, and say so. */
    @Test
    void shapesMissingFromTheDataSetAreLabelledRandomWithTheirPublishedFigures() {
        String result = RESULT.replace("10k/gmm_d2_K5", "10k/gmm_d64_K25");
        String md = BenchmarkReport.render(Json.parse(result), new BenchmarkReport.Machine(2, "Linux amd64", "2026-12-01"), "");
        assertTrue(md.contains("| Gmm | 10k/gmm_d64_K25 (random) | 2.0 µs | 3.00 |"), md);
        assertTrue(md.contains("| 6.16 | 13.3 |"), md);
        assertEquals("2.18", BenchmarkReport.adbench("Gmm", "10k/gmm_d2_K200")[0]);
        assertEquals("3.13", BenchmarkReport.adbench("Gmm", "10k/gmm_d10_K50")[0]);
        assertEquals("5.48", BenchmarkReport.adbench("Gmm", "10k/gmm_d64_K5")[0]);
    }

    /** The realistic programs have their own section, with JAX's times of the same run beside them. */
    @Test
    void realisticProgramsHaveTheirOwnSectionWithJax() {
        String realistic = """
                [
                  {"benchmark": "dev.fluxion.benchmarks.realistic.OdeFitBenchmark.objective",
                   "primaryMetric": {"score": 10.0, "scoreUnit": "us/op"}, "secondaryMetrics": {}},
                  {"benchmark": "dev.fluxion.benchmarks.realistic.OdeFitBenchmark.fluxion",
                   "primaryMetric": {"score": 40.0, "scoreUnit": "us/op"}, "secondaryMetrics": {}},
                  {"benchmark": "dev.fluxion.benchmarks.realistic.OdeFitBenchmark.manual",
                   "primaryMetric": {"score": 20.0, "scoreUnit": "us/op"}, "secondaryMetrics": {}}
                ]
                """;
        String merged = "[" + strip(RESULT) + ", " + strip(realistic) + "]";
        String jax = """
                {"jax": "0.10.2", "devices": ["TFRT_CPU_0"], "rows": [
                  {"problem": "OdeFit", "input": "", "objectiveMicros": 5.0, "gradientMicros": 80.0,
                   "valueDifference": 1e-15, "gradientDifference": 2e-13}]}
                """;
        String md = BenchmarkReport.render(Json.parse(merged), new BenchmarkReport.Machine(2, "Linux amd64", "2026-12-01"),
                "", Json.parse(jax), "realistic notes.");
        String tables = md.substring(0, md.indexOf("## Programs as people write them"));
        assertTrue(!tables.contains("| OdeFit | — | 10.0 µs |"), "the ADBench table leaves the realistic rows out:\n" + md);
        assertTrue(md.contains("| OdeFit | — | 10.0 µs | 40.0 µs | **4.00** | 2.00 | 2.00 | 5.0 µs | 80.0 µs | 16 | 0.50 |"), md);
        assertTrue(md.contains("JAX 0.10.2"), md);
        assertTrue(md.contains("realistic notes."), md);
        String without = BenchmarkReport.render(Json.parse(merged), new BenchmarkReport.Machine(2, "Linux amd64", "2026-12-01"),
                "", null, "");
        assertTrue(without.contains("JAX: not measured in this run"), without);
        assertTrue(without.contains("| OdeFit | — | 10.0 µs | 40.0 µs | **4.00** | 2.00 | 2.00 | — | — | — | — |"), without);
    }

    /** A run of the realistic programs alone replaces their section and leaves the rest of the file as it was. */
    @Test
    void theRealisticSectionIsSplicedIntoAnExistingFile() {
        String file = "# Benchmarks\n\ntables\n\n" + RealisticReport.HEADING + "\n\nold\n\n## What the numbers say\n\nnotes\n";
        String spliced = RealisticReport.splice(file, RealisticReport.HEADING + "\n\nnew\n");
        assertEquals("# Benchmarks\n\ntables\n\n" + RealisticReport.HEADING + "\n\nnew\n\n## What the numbers say\n\nnotes\n", spliced);
        String inserted = RealisticReport.splice("# Benchmarks\n\ntables\n\n## What the numbers say\n\nnotes\n",
                RealisticReport.HEADING + "\n\nnew\n");
        assertEquals("# Benchmarks\n\ntables\n\n" + RealisticReport.HEADING + "\n\nnew\n\n## What the numbers say\n\nnotes\n", inserted);
    }
}
