package dev.fluxion.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.FluxionException;
import dev.fluxion.ScalarFunction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mutation testing of the oracle, so that the fuzzer cannot pass vacuously: deliberately wrong
 * derivatives, each like a bug Fluxion could have, handed to the {@link Oracle} over real
 * generated programs, must be caught, by the oracle meant to catch them. The worst case is the
 * "consistent" mutant, a wrong derivative that reverse mode, both forward modes and the tangent
 * along a random direction all agree on (as a bug in the activity analysis or the inliner, which
 * all modes share, would be): only the comparison with differences of the primal can see it.
 */
class OracleMutantTest {
    private static final int PROGRAMS = 16;
    private static final List<Program> programs = new ArrayList<>();
    private static final List<ScalarFunction> functions = new ArrayList<>();

    @BeforeAll
    static void compileAndTransform() throws Exception {
        ProgramGenerator g = new ProgramGenerator(Construct.passing());
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 0; i < PROGRAMS; i++) {
            Program p = g.generate(77, i);
            programs.add(p);
            sources.put(p.qualifiedName(p.className()), p.source());
        }
        InMemoryJavac.Result r = new InMemoryJavac().compile(sources);
        assertEquals(Map.of(), r.errors());
        BatchLoader loader = new BatchLoader(OracleMutantTest.class.getClassLoader(), r.classes(), true);
        for (Program p : programs) {
            functions.add((ScalarFunction) Class.forName(p.qualifiedName(p.className()), true, loader)
                    .getMethod("entry").invoke(null));
        }
    }

    /** The failures of the oracle on every program, with {@code mutant} applied to Fluxion's derivatives. */
    private static Map<Failure.Kind, Integer> check(UnaryOperator<Derivatives> mutant, FuzzStats stats) {
        Map<Failure.Kind, Integer> kinds = new EnumMap<>(Failure.Kind.class);
        for (int i = 0; i < PROGRAMS; i++) {
            Derivatives d = mutant.apply(Derivatives.of(functions.get(i)));
            Failure f = new Oracle(stats).check(d, programs.get(i).dimension, ProgramCheck.pointSeed(programs.get(i)), true);
            if (f != null) {
                kinds.merge(f.kind(), 1, Integer::sum);
            }
        }
        return kinds;
    }

    @Test
    void fluxionItselfPasses() {
        FuzzStats stats = new FuzzStats();
        assertEquals(Map.of(), check(UnaryOperator.identity(), stats));
        assertTrue(stats.coordinates > 100 && stats.hvps > 0, stats.summary());
    }

    /** Reverse mode alone off by 1% in one component: forward mode disagrees. */
    @Test
    void aWrongReverseComponentIsCaughtByForwardMode() {
        Map<Failure.Kind, Integer> kinds = check(d -> new Mutant(d) {
            @Override
            public double valueAndGradient(double[] x, double[] g) {
                double v = d.valueAndGradient(x, g);
                g[g.length - 1] = g[g.length - 1] * 1.01 + 1e-3;
                return v;
            }
        }, new FuzzStats());
        assertCaught(kinds, Failure.Kind.FORWARD);
    }

    /**
     * All first-order modes consistently wrong by a small term in component 0 (relative 1e-3, far
     * above round-off): only Richardson extrapolation of the primal can see it.
     */
    @Test
    void aWrongDerivativeAllModesAgreeOnIsCaughtByDifferences() {
        Map<Failure.Kind, Integer> kinds = check(Consistent::new, new FuzzStats());
        assertCaught(kinds, Failure.Kind.RICHARDSON);
    }

    /** The vector tangent wrong in its last lane. */
    @Test
    void aWrongVectorLaneIsCaught() {
        Map<Failure.Kind, Integer> kinds = check(d -> new Mutant(d) {
            @Override
            public double[] vectorForwardGradient(double[] x) {
                double[] g = d.vectorForwardGradient(x);
                g[g.length - 1] += 1e-4 * (1 + Math.abs(g[g.length - 1]));
                return g;
            }
        }, new FuzzStats());
        assertCaught(kinds, Failure.Kind.VECTOR_FORWARD);
    }

    /** A tangent right along unit vectors but wrong along other directions: the dot-product test sees it. */
    @Test
    void aTangentWrongAlongOtherDirectionsIsCaughtByTheDotProductTest() {
        Map<Failure.Kind, Integer> kinds = check(d -> new Mutant(d) {
            @Override
            public double valueAndJvp(double[] x, double[] v, double[] out) {
                double value = d.valueAndJvp(x, v, out);
                int nonzero = 0;
                for (double vi : v) {
                    nonzero += vi == 0 ? 0 : 1;
                }
                if (nonzero > 1) {
                    out[0] = out[0] * 1.001 + 1e-4;
                }
                return value;
            }
        }, new FuzzStats());
        assertEquals(Map.of(Failure.Kind.DOT_PRODUCT, PROGRAMS), kinds);
    }

    /** Hessian-vector products off by 0.1%: caught where Fluxion has second derivatives. */
    @Test
    void aWrongHessianVectorProductIsCaught() {
        FuzzStats exact = new FuzzStats();
        check(UnaryOperator.identity(), exact);
        Map<Failure.Kind, Integer> kinds = check(d -> new Mutant(d) {
            @Override
            public double[] hvp(double[] x, double[] v) {
                double[] hv = d.hvp(x, v);
                hv[0] += 1e-3 * (1 + Math.abs(hv[0]));
                return hv;
            }
        }, new FuzzStats());
        int withHessians = PROGRAMS - (int) exact.hvpUnavailable;
        assertTrue(withHessians > 0);
        assertEquals(withHessians, kinds.getOrDefault(Failure.Kind.HVP, 0), "caught: " + kinds);
    }

    /** The value returned with the gradient off by one part in 10^12. */
    @Test
    void aWrongValueIsCaught() {
        Map<Failure.Kind, Integer> kinds = check(d -> new Mutant(d) {
            @Override
            public double valueAndGradient(double[] x, double[] g) {
                double v = d.valueAndGradient(x, g);
                return v + 1e-12 * (1 + Math.abs(v));
            }
        }, new FuzzStats());
        assertEquals(Map.of(Failure.Kind.VALUE, PROGRAMS), kinds);
    }

    /** A derivative missing where Fluxion promises one is a failure, not a skip (only a documented limit is). */
    @Test
    void aMissingSecondDerivativeForAnotherReasonIsAFailure() {
        Map<Failure.Kind, Integer> kinds = check(d -> new Mutant(d) {
            @Override
            public double[] hvp(double[] x, double[] v) {
                throw new FluxionException("fluxion: C.f(C.java:3): no second derivative: something else");
            }
        }, new FuzzStats());
        assertEquals(Map.of(Failure.Kind.LINK_ERROR, PROGRAMS), kinds);
    }

    /**
     * The shrinker reduces a program failing under a mutant (reverse mode wrong in component 0)
     * to a small one that fails the same way.
     */
    @Test
    void theShrinkerReducesAFailingProgram() {
        UnaryOperator<Derivatives> mutant = Consistent::new;
        Program p = null;
        Failure f = null;
        for (int i = 0; i < PROGRAMS && f == null; i++) {
            p = programs.get(i);
            if (p.constructs().containsKey(Construct.DISPATCH_OUTSIDE) || p.constructs().containsKey(Construct.LAMBDA_OUTSIDE)) {
                continue; // their declarations (an interface, its classes, fields of lambdas) are pinned: the shrinker keeps them
            }
            f = new Oracle(new FuzzStats()).check(mutant.apply(Derivatives.of(functions.get(i))), p.dimension,
                    ProgramCheck.pointSeed(p), true);
        }
        assertNotNull(f);
        try (ProgramCheck check = new ProgramCheck(20_000, mutant)) {
            Shrinker.Result r = new Shrinker(new InMemoryJavac(), check, 150).shrink(p, f);
            assertEquals(f.signature(), r.failure().signature());
            assertTrue(r.program().size() < p.size() / 3, "shrunk from " + p.size() + " to " + r.program().size() + " nodes:\n"
                    + r.program().source());
        }
    }

    private static void assertCaught(Map<Failure.Kind, Integer> kinds, Failure.Kind expected) {
        int caught = kinds.getOrDefault(expected, 0);
        assertTrue(caught >= PROGRAMS * 9 / 10, expected + " caught in " + caught + " of " + PROGRAMS + ": " + kinds);
    }

    /** Fluxion's derivatives, passed through; subclasses override the one they break. */
    private static class Mutant implements Derivatives {
        final Derivatives d;

        Mutant(Derivatives d) {
            this.d = d;
        }

        @Override
        public double primal(double[] x) {
            return d.primal(x);
        }

        @Override
        public double valueAndGradient(double[] x, double[] gradOut) {
            return d.valueAndGradient(x, gradOut);
        }

        @Override
        public double valueAndJvp(double[] x, double[] v, double[] out) {
            return d.valueAndJvp(x, v, out);
        }

        @Override
        public double[] vectorForwardGradient(double[] x) {
            return d.vectorForwardGradient(x);
        }

        @Override
        public double[] hvp(double[] x, double[] v) {
            return d.hvp(x, v);
        }
    }

    /** Every first-order mode off by the same term {@code delta e_0}: they agree with each other. */
    private static final class Consistent extends Mutant {
        Consistent(Derivatives d) {
            super(d);
        }

        private double delta(double g0) {
            return 1e-3 * (1 + Math.abs(g0));
        }

        @Override
        public double valueAndGradient(double[] x, double[] g) {
            double v = d.valueAndGradient(x, g);
            g[0] += delta(g[0]);
            return v;
        }

        @Override
        public double valueAndJvp(double[] x, double[] v, double[] out) {
            double[] g = new double[x.length];
            d.valueAndGradient(x.clone(), g);
            double value = d.valueAndJvp(x, v, out);
            out[0] += delta(g[0]) * v[0];
            return value;
        }

        @Override
        public double[] vectorForwardGradient(double[] x) {
            double[] g = d.vectorForwardGradient(x);
            double[] r = new double[x.length];
            d.valueAndGradient(x.clone(), r);
            g[0] += delta(r[0]);
            return g;
        }
    }
}
