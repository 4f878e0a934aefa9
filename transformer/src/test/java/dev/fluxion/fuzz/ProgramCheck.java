package dev.fluxion.fuzz;

import dev.fluxion.ScalarFunction;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * Checks one compiled program end to end: its class defined through the real transformer (a
 * rejection or a class that does not verify is a failure), then the {@link Oracle} on its
 * derivatives; and, as a differential check of the transformer against itself, the gradient of
 * the same bytes transformed without inlining (every call reversed jointly) at the same points.
 *
 * <p>Runs on a worker thread with a deadline: a derivative that loops forever is a failure too.
 */
final class ProgramCheck implements AutoCloseable {
    private final long timeoutMillis;
    /** Applied to each program's derivatives before they are checked: the identity, or a test's mutant. */
    private final UnaryOperator<Derivatives> mutant;
    private ExecutorService worker;
    private Thread workerThread;

    ProgramCheck(long timeoutMillis) {
        this(timeoutMillis, UnaryOperator.identity());
    }

    /** A check of deliberately wrong derivatives, {@code mutant} applied to Fluxion's ({@link OracleMutantTest}). */
    ProgramCheck(long timeoutMillis, UnaryOperator<Derivatives> mutant) {
        this.timeoutMillis = timeoutMillis;
        this.mutant = mutant;
        newWorker();
    }

    private void newWorker() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-check");
            t.setDaemon(true);
            workerThread = t;
            return t;
        });
    }

    /** The point seed of a program: the points do not depend on the program's text, so shrinking keeps them. */
    static long pointSeed(Program p) {
        return ProgramGenerator.mix(p.seed ^ 0x5DEECE66DL, p.index);
    }

    /**
     * Checks program {@code p}, compiled as {@code className} into the classes of {@code loader}
     * ({@code twin}: the same classes, transformed without inlining, or {@code null}); counts into
     * {@code stats}; returns the first failure or {@code null}.
     */
    Failure check(Program p, String className, BatchLoader loader, BatchLoader twin, FuzzStats stats) {
        Future<Failure> f = worker.submit(() -> checkNow(p, className, loader, twin, stats));
        try {
            return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            stop();
            return Failure.error(Failure.Kind.TIMEOUT, "no result after " + timeoutMillis + " ms", "", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            return Failure.error(Failure.Kind.THREW, "the check itself: " + Exceptions.gist(e.getCause()),
                    Exceptions.trace(e.getCause()), null);
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private void stop() {
        Thread t = workerThread;
        worker.shutdownNow();
        if (t != null) {
            try {
                t.stop(); // a derivative in an endless loop ignores interrupts; it holds nothing we need
            } catch (UnsupportedOperationException ignored) {
                // newer JDKs: the daemon thread is left to spin
            }
        }
        newWorker();
    }

    private Failure checkNow(Program p, String className, BatchLoader loader, BatchLoader twin, FuzzStats stats) {
        Derivatives d;
        try {
            d = mutant.apply(Derivatives.of(entry(loader, p.qualifiedName(className))));
        } catch (BatchLoader.LoadFailure e) {
            return e.failure;
        }
        stats.transformed++;
        Oracle oracle = new Oracle(stats);
        Failure f = oracle.check(d, p.dimension, pointSeed(p), true);
        if (f != null || twin == null) {
            return f;
        }
        Derivatives t;
        try {
            t = Derivatives.of(entry(twin, p.qualifiedName(className)));
        } catch (BatchLoader.LoadFailure e) {
            Failure w = e.failure;
            return new Failure(w.kind(), "without inlining: " + w.detail(), null);
        }
        stats.noInliningTwins++;
        f = compareWithTwin(oracle.points(), oracle.gradients(), t, Failure.Kind.NO_INLINING, "without inlining");
        return f != null ? f : compareWithCheckpointed(p, className, twin.checkpointed(), oracle, stats);
    }

    /**
     * The gradient with {@code f} {@code @Checkpointed} against the plain one; checkpointing may
     * reject f (no time loop, or one it cannot checkpoint), never fail otherwise.
     */
    private static Failure compareWithCheckpointed(Program p, String className, BatchLoader checkpointed, Oracle oracle,
            FuzzStats stats) {
        Derivatives c;
        try {
            c = Derivatives.of(entry(checkpointed, p.qualifiedName(className)));
        } catch (BatchLoader.LoadFailure e) {
            if (e.failure.kind() == Failure.Kind.REJECTED) {
                stats.notCheckpointed++;
                return null;
            }
            return new Failure(Failure.Kind.CHECKPOINTED, "with f @Checkpointed: " + e.failure.detail(), null);
        }
        for (double[] x : oracle.points()) {
            try {
                c.valueAndGradient(x.clone(), new double[x.length]);
            } catch (dev.fluxion.FluxionException e) {
                if (e.getMessage().contains("@Checkpointed time loop")) { // arrays it cannot tell apart: rejected as it runs
                    stats.notCheckpointed++;
                    return null;
                }
            } catch (RuntimeException | Error e) {
                if (e instanceof ThreadDeath td) {
                    throw td;
                }
                // compared below, which reports it
            }
        }
        stats.checkpointedTwins++;
        return compareWithTwin(oracle.points(), oracle.gradients(), c, Failure.Kind.CHECKPOINTED, "checkpointed");
    }

    private static Failure compareWithTwin(List<double[]> points, List<double[]> gradients, Derivatives twin,
            Failure.Kind kind, String how) {
        for (int k = 0; k < points.size(); k++) {
            double[] x = points.get(k);
            double[] g = gradients.get(k);
            double[] h = new double[x.length];
            try {
                twin.valueAndGradient(x.clone(), h);
            } catch (RuntimeException | Error e) {
                if (e instanceof ThreadDeath td) {
                    throw td;
                }
                return Failure.error(e instanceof LinkageError ? Failure.Kind.VERIFY_ERROR : Failure.Kind.THREW,
                        "reverse mode " + how + ": " + Exceptions.gist(e), Exceptions.trace(e), x);
            }
            double scale = 1;
            for (double gi : g) {
                scale = Math.max(scale, Math.abs(gi));
            }
            for (int i = 0; i < x.length; i++) {
                if (!(Math.abs(g[i] - h[i]) <= Oracle.MODE_TOLERANCE * scale)) {
                    return new Failure(kind, "component " + i + ": " + g[i] + ", " + how + " " + h[i] + "\n"
                            + Arrays.toString(g) + "\n" + how + " " + Arrays.toString(h), x);
                }
            }
        }
        return null;
    }

    /** Loads the program's class and gets its entry point {@code f} as a method reference. */
    private static ScalarFunction entry(BatchLoader loader, String name) {
        try {
            return (ScalarFunction) Class.forName(name, true, loader).getMethod("entry").invoke(null);
        } catch (BatchLoader.LoadFailure e) {
            throw e;
        } catch (InvocationTargetException e) {
            throw loadFailure(e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            if (e.getCause() instanceof BatchLoader.LoadFailure lf) {
                throw lf;
            }
            throw loadFailure(e);
        }
    }

    private static BatchLoader.LoadFailure loadFailure(Throwable e) {
        if (e instanceof BatchLoader.LoadFailure lf) {
            return lf;
        }
        return new BatchLoader.LoadFailure(Failure.error(e instanceof LinkageError ? Failure.Kind.VERIFY_ERROR
                : Failure.Kind.THREW, "loading the class: " + Exceptions.gist(e), Exceptions.trace(e), null), e);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
