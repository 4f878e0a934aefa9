package dev.fluxion.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Differentiable;
import dev.fluxion.corpus.Corpus;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Vets the corpus itself, running its functions as plain Java (no transformation): every
 * hand-written closed form agrees with Richardson extrapolation, every test point is far enough
 * from kinks for Richardson to be reliable, and every case names a {@code @Differentiable} static
 * method.
 */
class ClosedFormsTest {

    @Test
    void corpusIsLargeAndNamesAreUnique() {
        List<CorpusCase> all = Corpus.all();
        assertTrue(all.size() >= 45, "only " + all.size() + " cases");
        Set<String> names = new HashSet<>();
        for (CorpusCase c : all) {
            assertTrue(names.add(c.name()), "duplicate case name " + c.name());
        }
        assertTrue(all.stream().anyMatch(CorpusCase::isUnary));
    }

    @TestFactory
    Stream<DynamicTest> closedFormsAgreeWithRichardson() {
        return Corpus.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            for (double[] x : c.pointsCopy()) {
                double[] exact = c.exactGradient(x);
                if (exact != null) {
                    // the closed form plays Fluxion: checks it against itself (trivially) and Richardson
                    GradientCheck.assertGradient(c, x, exact, c.value(x));
                }
                GradientCheck.assertRichardsonReliable(c, x);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> jacobianClosedFormsAgreeWithRichardson() {
        return Corpus.jacobians().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            for (double[] x : c.points()) {
                if (c.closedForm() != null) {
                    JacobianRunner.assertJacobian(c, x, c.closedForm().apply(x.clone()));
                }
            }
        }));
    }

    @Test
    void enoughJacobians() {
        assertTrue(Corpus.jacobians().size() >= 5, "only " + Corpus.jacobians().size() + " vector-valued functions");
    }

    @TestFactory
    Stream<DynamicTest> casesNameDifferentiableMethods() {
        return Corpus.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Object fn = c.isUnary() ? c.u() : c.f();
            Method writeReplace = fn.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            SerializedLambda l = (SerializedLambda) writeReplace.invoke(fn);
            boolean bound = l.getCapturedArgCount() == 1; // model::loss
            assertEquals(bound ? MethodHandleInfo.REF_invokeVirtual : MethodHandleInfo.REF_invokeStatic,
                    l.getImplMethodKind(), c.name() + ": not a reference to a static method or a bound instance method");
            assertEquals(c.isUnary() ? "(D)D" : "([D)D", l.getImplMethodSignature(), c.name());
            Class<?> owner = Class.forName(l.getImplClass().replace('/', '.'));
            Method m = owner.getDeclaredMethod(l.getImplMethodName(), c.isUnary() ? new Class<?>[] {double.class}
                    : new Class<?>[] {double[].class});
            assertEquals(!bound, Modifier.isStatic(m.getModifiers()), c.name());
            assertNotNull(m.getAnnotation(Differentiable.class), c.name() + ": " + m + " is not @Differentiable");
            assertEquals(c.name(), owner.getSimpleName() + "." + m.getName(), "case names are Class.method");
        }));
    }

    @Test
    void checkerRejectsWrongGradients() {
        CorpusCase c = Corpus.named("Arithmetic.rosenbrock");
        double[] x = c.pointsCopy()[1];
        double[] g = c.exactGradient(x);
        double v = c.value(x);
        GradientCheck.assertGradient(c, x, g, v);
        double[] wrongSign = g.clone();
        wrongSign[2] = -wrongSign[2];
        assertFails(() -> GradientCheck.assertGradient(c, x, wrongSign, v), "component 2");
        double[] slightlyOff = g.clone();
        slightlyOff[0] *= 1 + 1e-9;
        assertFails(() -> GradientCheck.assertGradient(c, x, slightlyOff, v), "closed form");
        assertFails(() -> GradientCheck.assertGradient(c, x, g, v * (1 + 1e-12)), "value");

        // without a closed form, Richardson alone must still catch a dropped term
        CorpusCase noClosedForm = CorpusCase.scalar("noClosedForm", c.f(), null, c.points());
        double[] dropped = g.clone();
        dropped[1] -= 200 * (x[1] - x[0] * x[0]);
        assertFails(() -> GradientCheck.assertGradient(noClosedForm, x, dropped, v), "Richardson");
        GradientCheck.assertGradient(noClosedForm, x, g, v);
    }

    private static void assertFails(Runnable r, String messagePart) {
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, r::run);
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
        assertTrue(e.getMessage().contains("Arithmetic.rosenbrock") || e.getMessage().contains("noClosedForm"), e.getMessage());
    }
}
