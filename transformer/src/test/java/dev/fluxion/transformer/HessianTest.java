package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.testing.HessianCase;
import dev.fluxion.testing.HessianRunner;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hessians, Hessian-vector products and second derivatives (reverse over forward), transformed
 * in-process like {@link CorpusTest}; the agent module runs the same cases through the agent jar.
 */
class HessianTest {
    private static final TransformingClassLoader LOADER =
            new TransformingClassLoader(HessianTest.class.getClassLoader(), "dev.fluxion.corpus");

    @SuppressWarnings("unchecked")
    static Stream<HessianCase> cases() throws Exception {
        return ((List<HessianCase>) LOADER.loadClass("dev.fluxion.corpus.Corpus").getMethod("hessians").invoke(null))
                .stream();
    }

    @Test
    void aCallThroughAnOverridableMethodIsReportedClearly() throws Exception {
        assertEquals("fluxion: dev.fluxion.corpus.OutsideObjects.chainEnergy(OutsideObjects.java:127): no second "
                + "derivative: a call to dev.fluxion.corpus.OutsideObjects$Potential.energy that was not inlined, "
                + "through an interface or an overridable method: second derivatives go through calls whose code is "
                + "known when the caller is transformed. Call it on an object made in the method, whose class is "
                + "then known, or make the method final, private or static.",
                message("hessianThroughADispatchedCall"));
    }

    @Test
    void aCallThatWritesAnArrayAndReturnsAnArrayIsReportedClearly() throws Exception {
        assertEquals("fluxion: dev.fluxion.corpus.CallsKept.scaledProduct(CallsKept.java:114): no second "
                + "derivative: a call to dev.fluxion.corpus.Activations.scale that was not inlined, which writes into "
                + "an array it is given and returns an array: its second derivative would run it twice, for its value "
                + "and for its tangent. Make the method void (its results in the arrays it is given), or have it "
                + "return a number.",
                message("hessianThroughACallThatWritesAndReturnsAnArray"));
    }

    private static String message(String scenario) throws Exception {
        return (String) LOADER.loadClass("dev.fluxion.corpus.SecondOrderCases").getMethod(scenario).invoke(null);
    }

    /**
     * The calls of {@code CallsKept}'s cases stay calls (recursive, or into other classes), so their
     * second derivatives run the callees' pure tangents and those tangents' adjoints, generated into
     * the calling class: the cases above test second derivatives through calls, not through inlined code.
     */
    @Test
    void callsThatStayCallsRunTheCalleesPureTangents() throws Exception {
        Set<String> members = Arrays.stream(LOADER.loadClass("dev.fluxion.corpus.CallsKept").getDeclaredMethods())
                .map(Method::getName).collect(Collectors.toSet());
        for (String callee : List.of("power", "ping", "pong", "dev$fluxion$corpus$Activations$softplus",
                "dev$fluxion$corpus$Activations$dot", "dev$fluxion$corpus$Activations$normalize",
                "dev$fluxion$corpus$Orbits$step", "dev$fluxion$corpus$TanFraction$denominator")) {
            assertTrue(members.contains("fluxion$puretangent$" + callee), callee + " in " + members);
            assertTrue(members.contains("fluxion$tangentadjoint$" + callee), callee + " in " + members);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void secondDerivativesMatchReferences(HessianCase c) {
        HessianRunner.check(c);
    }
}
