package dev.fluxion.benchmarks.realistic;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import dev.fluxion.benchmarks.Gmm;
import dev.fluxion.benchmarks.GmmInput;
import dev.fluxion.benchmarks.GmmManual;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Each realistic program: Fluxion's gradient against the hand-written one to 1e-10 (relative to the
 * largest component), both values against the objective, and a central difference along one
 * direction against the gradient, so that the hand-written gradients are checked too.
 */
class RealisticProgramsTest {

    static void check(String name, ToDoubleFunction<double[]> f, ToDoubleBiFunction<double[], double[]> manual,
            GradientFunction fluxion, double[] x) {
        double[] byHand = new double[x.length];
        double[] byFluxion = new double[x.length];
        double value = f.applyAsDouble(x);
        double handValue = manual.applyAsDouble(x, byHand);
        double fluxionValue = fluxion.valueAndGradient(x, byFluxion);
        assertClose(name + " hand-written value", value, handValue, 1e-12 * Math.max(1, Math.abs(value)));
        assertClose(name + " Fluxion value", value, fluxionValue, 1e-12 * Math.max(1, Math.abs(value)));
        double scale = 0;
        for (double g : byHand) {
            scale = Math.max(scale, Math.abs(g));
        }
        assertTrue(scale > 0, name + ": a zero gradient checks nothing");
        for (int i = 0; i < x.length; i++) {
            assertClose(name + " gradient[" + i + "]", byHand[i], byFluxion[i], 1e-10 * scale);
        }
        // the hand-written gradient against a central difference along a fixed direction
        double[] plus = x.clone();
        double[] minus = x.clone();
        double h = 1e-6;
        double slope = 0;
        for (int i = 0; i < x.length; i++) {
            double v = Math.sin(1.7 * i + 0.3);
            plus[i] += h * v;
            minus[i] -= h * v;
            slope += byHand[i] * v;
        }
        double difference = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * h);
        assertClose(name + " directional derivative against a central difference", slope, difference,
                1e-5 * Math.max(1, Math.abs(slope)));
    }

    static void assertClose(String what, double expected, double actual, double tolerance) {
        if (!(Math.abs(expected - actual) <= tolerance)) {
            fail(what + ": expected " + expected + " but was " + actual + " (tolerance " + tolerance + ")");
        }
    }

    @Test
    void rayTracer() {
        RayTracer p = new RayTracer();
        check("RayTracer", p::loss, p::manualGradient, Fluxion.gradient(p::loss), RayTracer.initialScene());
    }

    /** The tracer written with records computes RayTracer's function: its gradient is RayTracer's, and the hand-written one. */
    @Test
    void rayTracerRecords() {
        RayTracerRecords p = new RayTracerRecords();
        double[] scene = RayTracer.initialScene();
        double[] overArrays = new double[scene.length];
        double[] withRecords = new double[scene.length];
        double value = Fluxion.gradient(new RayTracer()::loss).valueAndGradient(scene, overArrays);
        assertClose("the same loss as RayTracer", value, Fluxion.gradient(p::loss).valueAndGradient(scene, withRecords),
                1e-12 * Math.abs(value));
        for (int i = 0; i < scene.length; i++) {
            assertClose("RayTracer's gradient[" + i + "]", overArrays[i], withRecords[i], 1e-10);
        }
        check("RayTracerRecords", p::loss, new RayTracer()::manualGradient, Fluxion.gradient(p::loss), scene);
    }

    @Test
    void odeFit() {
        OdeFit p = new OdeFit();
        check("OdeFit", p::loss, p::manualGradient, Fluxion.gradient(p::loss), OdeFit.initialParameters());
    }

    @Test
    void massSpring() {
        MassSpring p = new MassSpring();
        check("MassSpring", p::loss, p::manualGradient, Fluxion.gradient(p::loss), MassSpring.initialParameters());
    }

    @Test
    void mlp() {
        Mlp p = new Mlp();
        check("Mlp", p::loss, p::manualGradient, Fluxion.gradient(p::loss), Mlp.initialParameters());
    }

    @Test
    void bayesianLogistic() {
        BayesianLogistic p = new BayesianLogistic();
        check("BayesianLogistic", p::logDensity, p::manualGradient, Fluxion.gradient(p::logDensity),
                BayesianLogistic.initialBeta());
    }

    @Test
    void imageFilter() {
        ImageFilter p = new ImageFilter();
        check("ImageFilter", p::loss, p::manualGradient, Fluxion.gradient(p::loss), ImageFilter.initialParameters());
    }

    /** The GMM written as one method is the same function as benchmarks' Gmm, so GmmManual is its gradient too. */
    @ParameterizedTest
    @ValueSource(strings = {"1k/gmm_d2_K5", "1k/gmm_d10_K5"})
    void gmmOneMethod(String input) {
        GmmInput problem = GmmInput.named(input);
        GmmOneMethod p = new GmmOneMethod(problem);
        GmmManual manual = new GmmManual(problem);
        double[] theta = problem.theta();
        assertClose("the same function as Gmm", new Gmm(problem).objective(theta), p.objective(theta),
                1e-12 * Math.abs(p.objective(theta)));
        check("GmmOneMethod " + input, p::objective, manual::valueAndGradient, Fluxion.gradient(p::objective), theta);
    }
}
