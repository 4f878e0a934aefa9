package dev.fluxion.fuzz;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fuzzing campaign: programs {@code first .. first + count - 1} of a seed, generated, compiled in
 * batches, transformed and checked (on several threads: transformation dominates, and each
 * program is independent); each failure that is Fluxion's is shrunk (the first few of each
 * signature; the others are counted) and reported with its seed, index and minimal source.
 */
final class Campaign {
    /** How a campaign runs. */
    record Config(long seed, int first, int count, Set<Construct> constructs, int batchSize, int noInliningEvery,
            int shrinksPerSignature, int maxShrinkChecks, long timeoutMillis, int threads, PrintStream log) {
        Config {
            constructs = Set.copyOf(constructs);
        }
    }

    /** A failure of one program, and the program shrunk while it fails the same way. */
    record Finding(Program original, Failure failure, Program minimized, Failure minimizedFailure) {
        String report() {
            StringBuilder s = new StringBuilder();
            s.append("program ").append(original.index).append(" of seed ").append(Long.toUnsignedString(original.seed))
                    .append(" (").append(original.size()).append(" nodes");
            if (minimized != null) {
                s.append(", minimized to ").append(minimized.size());
            }
            s.append("): ").append(failure.kind()).append(" - ").append(failure.kind().description).append('\n');
            Program shown = minimized != null ? minimized : original;
            Failure why = minimized != null ? minimizedFailure : failure;
            s.append(why).append('\n');
            s.append(shown.source()).append('\n');
            return s.toString();
        }
    }

    private record Outcome(Program program, Failure failure) {
    }

    private final Config config;
    private final ProgramGenerator generator;
    /** Compiles the batches, one ahead of the checks, on a thread of its own. */
    private final InMemoryJavac javac = new InMemoryJavac();
    /** Compiles the shrinker's candidates, on the campaign's thread. */
    private final InMemoryJavac shrinkJavac = new InMemoryJavac();
    final FuzzStats stats = new FuzzStats();
    final List<Finding> findings = new ArrayList<>();
    /** Failures of the generator itself (sources that do not compile, programs that throw): bugs of the fuzzer. */
    final List<Finding> generatorBugs = new ArrayList<>();
    private final Map<String, Integer> shrunk = new HashMap<>();

    Campaign(Config config) {
        this.config = config;
        this.generator = new ProgramGenerator(config.constructs());
    }

    Campaign run() {
        long start = System.nanoTime();
        int threads = Math.max(1, config.threads());
        List<ProgramCheck> checks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            checks.add(new ProgramCheck(config.timeoutMillis()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1, r -> {
            Thread t = new Thread(r, "fuzz-campaign");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletableFuture<Compiled> next = compile(config.first(), pool);
            for (int b = config.first(); b < config.first() + config.count(); b += config.batchSize()) {
                Compiled batch = next.join();
                int following = b + config.batchSize();
                next = following < config.first() + config.count() ? compile(following, pool) : null;
                check(batch, checks, pool);
                if (config.log() != null && (b - config.first()) / config.batchSize() % 20 == 19) {
                    config.log().printf("fuzz: %d programs, %d failed, %.0f s%n", stats.programs, stats.failed,
                            (System.nanoTime() - start) / 1e9);
                }
            }
        } finally {
            pool.shutdownNow();
            checks.forEach(ProgramCheck::close);
        }
        return this;
    }

    /** A batch of programs and their class files. */
    private record Compiled(Map<String, Program> programs, InMemoryJavac.Result result, long nanos) {
    }

    /** Generates and compiles the batch starting at program {@code first}, on the pool. */
    private CompletableFuture<Compiled> compile(int first, ExecutorService pool) {
        int count = Math.min(config.batchSize(), config.first() + config.count() - first);
        return CompletableFuture.supplyAsync(() -> {
            long t0 = System.nanoTime();
            Map<String, Program> programs = new LinkedHashMap<>();
            Map<String, String> sources = new LinkedHashMap<>();
            for (int i = first; i < first + count; i++) {
                Program p = generator.generate(config.seed(), i);
                programs.put(p.qualifiedName(p.className()), p);
                sources.put(p.qualifiedName(p.className()), p.source());
            }
            return new Compiled(programs, javac.compile(sources), System.nanoTime() - t0);
        }, pool);
    }

    private void check(Compiled batch, List<ProgramCheck> checks, ExecutorService pool) {
        Map<String, Program> programs = batch.programs();
        InMemoryJavac.Result compiled = batch.result();
        stats.javacNanos += batch.nanos();
        // one share of the batch per thread, each with loaders (and so transformers) of its own
        int threads = checks.size();
        List<List<Program>> shares = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            shares.add(new ArrayList<>());
        }
        int k = 0;
        for (Program p : programs.values()) {
            shares.get(k++ % threads).add(p);
        }
        List<CompletableFuture<List<Outcome>>> running = new ArrayList<>();
        List<FuzzStats> shareStats = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            FuzzStats s = new FuzzStats();
            shareStats.add(s);
            List<Program> share = shares.get(t);
            ProgramCheck check = checks.get(t);
            running.add(CompletableFuture.supplyAsync(() -> checkShare(share, compiled, check, s), pool));
        }
        Map<Integer, Outcome> failures = new java.util.TreeMap<>(); // reported in the order of the programs
        for (int t = 0; t < threads; t++) {
            for (Outcome o : running.get(t).join()) {
                if (o.failure() != null) {
                    failures.put(o.program().index, o);
                }
            }
            stats.add(shareStats.get(t));
        }
        for (Outcome o : failures.values()) {
            report(o.program(), o.failure(), checks.get(0));
        }
    }

    /** Checks some programs of a batch, in this thread, counting into {@code s}. */
    private List<Outcome> checkShare(List<Program> share, InMemoryJavac.Result compiled, ProgramCheck check, FuzzStats s) {
        ClassLoader parent = Campaign.class.getClassLoader();
        BatchLoader loader = new BatchLoader(parent, compiled.classes(), true);
        BatchLoader twin = config.noInliningEvery() > 0 ? new BatchLoader(parent, compiled.classes(), false) : null;
        List<Outcome> out = new ArrayList<>();
        try {
            for (Program p : share) {
                s.programs++;
                s.countConstructs(p);
                String error = compiled.errors().get(p.qualifiedName(p.className()));
                if (error != null) {
                    out.add(new Outcome(p, new Failure(Failure.Kind.COMPILE_ERROR, error, null)));
                    continue;
                }
                s.compiled++;
                boolean twinned = config.noInliningEvery() > 0 && p.index % config.noInliningEvery() == 0;
                long before = loader.transformNanos;
                long t1 = System.nanoTime();
                Failure f = check.check(p, p.className(), loader, twinned ? twin : null, s);
                s.checkNanos += System.nanoTime() - t1;
                if (Boolean.getBoolean("fluxion.fuzz.verbose")) {
                    log(String.format("fuzz: %s: %d nodes, transformed in %.0f ms, checked in %.0f ms", p.className(),
                            p.size(), (loader.transformNanos - before) / 1e6, (System.nanoTime() - t1) / 1e6));
                }
                if (f == null) {
                    s.passed++;
                }
                out.add(new Outcome(p, f));
            }
        } finally {
            s.transformNanos += loader.transformNanos + (twin == null ? 0 : twin.transformNanos);
        }
        return out;
    }

    /** Counts a failure; shrinks it if it is Fluxion's and the first few of its signature. */
    private void report(Program p, Failure f, ProgramCheck check) {
        stats.countFailure(f);
        if (!f.kind().fluxionBug) {
            generatorBugs.add(new Finding(p, f, null, null));
            log("fuzz: generator bug in " + p.className() + ": " + f);
            return;
        }
        int seen = shrunk.merge(f.signature(), 1, Integer::sum);
        if (seen > config.shrinksPerSignature()) {
            findings.add(new Finding(p, f, null, null));
            log("fuzz: " + p.className() + " failed: " + f.signature());
            return;
        }
        log("fuzz: " + p.className() + " failed: " + f.kind() + "; shrinking");
        Shrinker.Result r = new Shrinker(shrinkJavac, check, config.maxShrinkChecks()).shrink(p, f);
        Failure again = recheck(r.program(), check);
        Finding finding = new Finding(p, f, r.program(), again != null ? again : r.failure());
        findings.add(finding);
        log(finding.report());
    }

    /** The minimized program's failure once more, under the program's own class name (the messages name it). */
    private Failure recheck(Program p, ProgramCheck check) {
        String name = p.qualifiedName(p.className());
        InMemoryJavac.Result compiled = shrinkJavac.compile(Map.of(name, p.source()));
        if (!compiled.classes().containsKey(name)) {
            return null;
        }
        ClassLoader parent = Campaign.class.getClassLoader();
        return check.check(p, p.className(), new BatchLoader(parent, compiled.classes(), true),
                new BatchLoader(parent, compiled.classes(), false), new FuzzStats());
    }

    private synchronized void log(String s) {
        if (config.log() != null) {
            config.log().println(s);
        }
    }

    /** Every finding with a minimized program, and the programs of the others by signature. */
    String report() {
        StringBuilder s = new StringBuilder();
        for (Finding f : generatorBugs) {
            s.append("GENERATOR BUG ").append(f.report()).append('\n');
        }
        Map<String, List<Integer>> others = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.minimized() != null) {
                s.append(f.report()).append('\n');
            } else {
                others.computeIfAbsent(f.failure().signature(), k -> new ArrayList<>()).add(f.original().index);
            }
        }
        for (var e : others.entrySet()) {
            s.append("further failures, not shrunk (programs ").append(e.getValue()).append("): ").append(e.getKey())
                    .append('\n');
        }
        return s.toString();
    }
}
