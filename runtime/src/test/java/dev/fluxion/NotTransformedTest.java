package dev.fluxion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Runs without the agent: asking for a derivative must say exactly what to do. */
class NotTransformedTest {
    @Differentiable
    static double square(double[] x) {
        return x[0] * x[0];
    }

    @Differentiable
    static double cube(double x) {
        return x * x * x;
    }

    static double plain(double[] x) {
        return x[0];
    }

    @Test
    void gradientWithoutAgentSaysHowToFixIt() {
        FluxionException e = assertThrows(FluxionException.class, () -> Fluxion.gradient(NotTransformedTest::square));
        assertEquals("fluxion: no derivative was generated for dev.fluxion.NotTransformedTest.square: the class was not "
                + "transformed. Put fluxion.jar (the artifact fluxion-ondemand) on the class path to generate derivatives "
                + "on demand, run with -javaagent:fluxion-agent.jar (the Fluxion agent), or transform the classes at build "
                + "time with the fluxion-maven-plugin.", e.getMessage());
    }

    @Test
    void derivativeWithoutAgentSaysHowToFixIt() {
        FluxionException e = assertThrows(FluxionException.class, () -> Fluxion.derivative(NotTransformedTest::cube));
        assertEquals("fluxion: no derivative was generated for dev.fluxion.NotTransformedTest.cube: the class was not "
                + "transformed. Put fluxion.jar (the artifact fluxion-ondemand) on the class path to generate derivatives "
                + "on demand, run with -javaagent:fluxion-agent.jar (the Fluxion agent), or transform the classes at build "
                + "time with the fluxion-maven-plugin.", e.getMessage());
    }

    @Test
    void notAnnotatedIsReportedFirst() {
        FluxionException e = assertThrows(FluxionException.class, () -> Fluxion.gradient(NotTransformedTest::plain));
        assertEquals("fluxion: dev.fluxion.NotTransformedTest.plain is not annotated @Differentiable. Add "
                + "@dev.fluxion.Differentiable to the method so Fluxion generates its derivative.", e.getMessage());
    }

    @Test
    void lambdasAreNotMethodReferences() {
        FluxionException e = assertThrows(FluxionException.class, () -> Fluxion.gradient(x -> x[0] * 2));
        assertEquals(true, e.getMessage().contains(" is a lambda, and its class was not transformed: a lambda that only "
                + "passes its parameters to one method is linked to that method when its class is transformed."),
                e.getMessage());
    }
}
