package dev.fluxion.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.fluxion.ScalarFunction;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The generator itself: reproducible, its programs compile and run (finite, no exception) without
 * Fluxion, every construct actually occurs, and a construct switched off never does.
 */
class GeneratorTest {
    private static final long SEED = 42;

    @Test
    void programIOfSeedSIsAlwaysTheSame() {
        ProgramGenerator g = new ProgramGenerator(Construct.all());
        String first = g.generate(SEED, 17).source();
        for (int i = 0; i < 5; i++) {
            g.generate(SEED, i); // other programs in between change nothing
        }
        assertEquals(first, new ProgramGenerator(Construct.all()).generate(SEED, 17).source());
        assertEquals(first, g.generate(SEED, 17).source());
        assertNotEquals(first, g.generate(SEED, 18).source());
        assertNotEquals(first, g.generate(SEED + 1, 17).source());
    }

    /**
     * Over 800 programs, each construct occurs in a few of them at least (most in far more; the
     * rarest, two rows of one matrix passed to one call, in about one program of a hundred).
     */
    @Test
    void everyConstructOccurs() {
        ProgramGenerator g = new ProgramGenerator(Construct.all());
        Map<Construct, Integer> programsWith = new EnumMap<>(Construct.class);
        for (int i = 0; i < 800; i++) {
            for (Construct c : g.generate(SEED, i).constructs().keySet()) {
                programsWith.merge(c, 1, Integer::sum);
            }
        }
        System.out.println("programs (of 800) with each construct: " + programsWith);
        for (Construct c : Construct.values()) {
            int n = programsWith.getOrDefault(c, 0);
            assertTrue(n >= 3, c + " occurs in " + n + " of 800 programs: " + programsWith);
        }
    }

    /** A construct switched off never occurs; the others still do. */
    @Test
    void aConstructSwitchedOffDoesNotOccur() {
        Map<Construct, Integer> leaks = new TreeMap<>();
        for (Construct off : Construct.values()) {
            if (Construct.alwaysOn().contains(off)) {
                continue;
            }
            Set<Construct> on = EnumSet.allOf(Construct.class);
            on.remove(off);
            ProgramGenerator g = new ProgramGenerator(on);
            for (int i = 0; i < 40; i++) {
                if (g.generate(SEED, i).constructs().containsKey(off)) {
                    leaks.merge(off, 1, Integer::sum);
                }
            }
        }
        assertEquals(Map.of(), leaks, "constructs generated although switched off (programs of 40)");
        ProgramGenerator passing = new ProgramGenerator(Construct.passing());
        for (int i = 0; i < 200; i++) {
            Set<Construct> used = passing.generate(SEED, i).constructs().keySet();
            for (Construct disabled : Findings.DISABLED.keySet()) {
                assertTrue(!used.contains(disabled), disabled + " in program " + i + " of the passing constructs");
            }
        }
    }

    /** Generated programs compile, and their primal runs to a finite value, without Fluxion (untransformed). */
    @Test
    void programsCompileAndRunFinite() throws Exception {
        ProgramGenerator g = new ProgramGenerator(Construct.all());
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, Program> programs = new LinkedHashMap<>();
        for (int i = 0; i < 120; i++) {
            Program p = g.generate(SEED, i);
            sources.put(p.qualifiedName(p.className()), p.source());
            programs.put(p.qualifiedName(p.className()), p);
        }
        InMemoryJavac.Result r = new InMemoryJavac().compile(sources);
        assertEquals(Map.of(), r.errors(), "generated sources that do not compile");
        ClassLoader plain = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = r.classes().get(name);
                if (b == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, b, 0, b.length);
            }
        };
        SplittableRandom rng = new SplittableRandom(SEED);
        int finite = 0;
        int runs = 0;
        for (var e : programs.entrySet()) {
            ScalarFunction f = (ScalarFunction) plain.loadClass(e.getKey()).getMethod("entry").invoke(null);
            for (int k = 0; k < 3; k++) {
                double[] x = new double[e.getValue().dimension];
                for (int i = 0; i < x.length; i++) {
                    x[i] = rng.nextDouble(-1.5, 1.5);
                }
                double v;
                try {
                    v = f.apply(x);
                } catch (RuntimeException | StackOverflowError ex) {
                    fail("program " + e.getValue().index + " throws at " + java.util.Arrays.toString(x) + ": " + ex + "\n"
                            + e.getValue().source());
                    return;
                }
                runs++;
                if (Double.isFinite(v) && Math.abs(v) < 1e6) {
                    finite++;
                }
            }
        }
        assertEquals(runs, finite, "values not finite or larger than 1e6");
    }

    /** The shrinker's candidates are no larger, and most of them still compile. */
    @Test
    void shrinkCandidatesAreNoLargerAndMostlyCompile() {
        Program p = new ProgramGenerator(Construct.all()).generate(SEED, 3);
        var candidates = Shrinker.candidates(p);
        assertTrue(candidates.size() > 20, "candidates: " + candidates.size());
        Map<String, String> sources = new LinkedHashMap<>();
        int k = 0;
        for (Program c : candidates) {
            assertTrue(c.size() <= p.size(), "a candidate is larger");
            if (k < 60) {
                sources.put(c.qualifiedName("C" + k), c.source("C" + k));
                k++;
            }
        }
        InMemoryJavac.Result r = new InMemoryJavac().compile(sources);
        assertTrue(r.classes().size() >= sources.size() / 2, r.classes().size() + " of " + sources.size() + " compile");
    }
}
