package dev.fluxion.samples.ode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Fluxion;
import dev.fluxion.GradientFunction;
import dev.fluxion.ModelGradient;
import dev.fluxion.ScalarFunction;
import dev.fluxion.TangentFunction;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleUnaryOperator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The ODE samples in their short mode: the hidden parameters are recovered from the noisy data,
 * and Fluxion's derivatives of losses that integrate an ODE by RK4 through a lambda agree with
 * Richardson-extrapolated central differences (gradients, forward mode, Hessian-vector products),
 * for every way of writing the loss in {@link PredatorPreyVariants}.
 */
class PredatorPreyFitTest {
    /** Relative agreement required between Fluxion's derivatives and Richardson's differences. */
    private static final double AGREEMENT = 1e-6;
    /** Points of the gradient checks: the initial guess, the hidden parameters, a point off to the other side. */
    private static final double[][] POINTS = {PredatorPreyFit.START, PredatorPreyFit.HIDDEN, {1.1, 0.09, 1.7, 0.08}};

    @Test
    void aShortFitRecoversTheHiddenParametersAndDrawsItsPicture() throws Exception {
        PredatorPreyFit.Fit fit = PredatorPreyFit.fit(PredatorPreyFit.START, PredatorPreyFit.SHORT_ITERATIONS, 0);
        double[] p = fit.params();
        // the noise (sd 1 on counts of 2 to 40) limits what 62 readings tell: the least-squares fit
        // is 0.5 to 1.5 % from the hidden parameters
        for (int i = 0; i < p.length; i++) {
            double error = Math.abs(p[i] - PredatorPreyFit.HIDDEN[i]) / PredatorPreyFit.HIDDEN[i];
            assertTrue(error < 0.03, PredatorPreyFit.NAMES[i] + " = " + p[i] + ", hidden " + PredatorPreyFit.HIDDEN[i]);
        }
        double last = fit.loss()[fit.iterations()];
        assertEquals(PredatorPreyFit.loss(p), last);
        assertTrue(last < fit.loss()[0] / 100, "the loss fell from " + fit.loss()[0] + " to " + last);
        assertTrue(last <= PredatorPreyFit.loss(PredatorPreyFit.HIDDEN),
                "a least-squares fit is at least as close to the data as the hidden parameters");
        assertTrue(GradientNorm.of(PredatorPreyFit::loss, p) < 1e-2 * GradientNorm.of(PredatorPreyFit::loss, PredatorPreyFit.START));

        Path png = Path.of("target", "test-pictures", "ode-predator-prey.png");
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        OdeChart.writePredatorPrey(fit, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(480, image.getHeight());
    }

    @Test
    void theGradientAgreesWithRichardsonDifferences() {
        GradientFunction gradient = Fluxion.gradient(PredatorPreyFit::loss);
        for (double[] x : POINTS) {
            double[] g = new double[x.length];
            assertEquals(PredatorPreyFit.loss(x), gradient.valueAndGradient(x, g));
            assertClose(richardson(PredatorPreyFit::loss, x), g, "gradient at " + java.util.Arrays.toString(x));
        }
    }

    @Test
    void forwardModeAgreesWithReverseModeAndTheDifferences() {
        TangentFunction tangent = Fluxion.tangent(PredatorPreyFit::loss);
        GradientFunction gradient = Fluxion.gradient(PredatorPreyFit::loss);
        for (double[] x : POINTS) {
            double[] forward = tangent.gradient(x);
            assertClose(gradient.gradient(x), forward, 1e-12, "forward against reverse");
            assertClose(richardson(PredatorPreyFit::loss, x), forward, AGREEMENT, "forward against Richardson");
            double[] v = {0.3, -0.01, 0.2, 0.005};
            double[] out = new double[1];
            assertEquals(PredatorPreyFit.loss(x), tangent.valueAndJvp(x, v, out));
            double dot = 0;
            for (int i = 0; i < v.length; i++) {
                dot += forward[i] * v[i];
            }
            assertEquals(dot, out[0], 1e-10 * Math.abs(dot), "jvp");
        }
        DoubleUnaryOperator along = Fluxion.derivative(PredatorPreyVariants::lossAlongAlpha);
        for (double alpha : new double[] {0.8, 1.0, 1.1}) {
            double h = 1e-3 * alpha;
            DoubleUnaryOperator f = PredatorPreyVariants::lossAlongAlpha;
            double d1 = (f.applyAsDouble(alpha + h) - f.applyAsDouble(alpha - h)) / (2 * h);
            double d2 = (f.applyAsDouble(alpha + h / 2) - f.applyAsDouble(alpha - h / 2)) / h;
            double reference = (4 * d2 - d1) / 3;
            assertEquals(reference, along.applyAsDouble(alpha), AGREEMENT * Math.abs(reference), "d loss / d alpha");
        }
    }

    @Test
    void hessianVectorProductsAgreeWithDifferencesOfTheGradient() {
        GradientFunction gradient = Fluxion.gradient(PredatorPreyFit::loss);
        double[] x = PredatorPreyFit.START;
        double[] v = {0.3, -0.01, 0.2, 0.005};
        double[] hv = Fluxion.hessian(PredatorPreyFit::loss).hvp(x, v);
        double h = 1e-4;
        double[] reference = new double[x.length];
        double[] d1 = differenceOfGradient(gradient, x, v, h);
        double[] d2 = differenceOfGradient(gradient, x, v, h / 2);
        for (int i = 0; i < x.length; i++) {
            reference[i] = (4 * d2[i] - d1[i]) / 3;
        }
        assertClose(reference, hv, AGREEMENT, "Hessian-vector product");
    }

    @Test
    void everyWayOfWritingTheLossGivesTheSameGradient() {
        double[] x = POINTS[2];
        double[] expected = Fluxion.gradient(PredatorPreyFit::loss).gradient(x);
        for (ScalarFunction f : new ScalarFunction[] {PredatorPreyVariants::lossInline, PredatorPreyVariants::lossFactory,
                PredatorPreyVariants::lossStaticReference}) {
            assertEquals(PredatorPreyFit.loss(x), f.apply(x));
            assertClose(expected, Fluxion.gradient(f).gradient(x), 1e-12, "variant");
            assertClose(expected, Fluxion.tangent(f).gradient(x), 1e-12, "variant, forward mode");
        }
        ModelGradient<PredatorPreyVariants.LotkaVolterraModel> modelGradient =
                Fluxion.modelGradient(PredatorPreyVariants.LotkaVolterraModel::loss);
        PredatorPreyVariants.LotkaVolterraModel g = modelGradient.gradient(new PredatorPreyVariants.LotkaVolterraModel(x));
        assertClose(expected, new double[] {g.alpha, g.beta, g.gamma, g.delta}, 1e-12, "this::lotkaVolterra, model gradient");
    }

    @Test
    void theShortPendulumFitRecoversItsParametersThroughTheModelGradient() throws Exception {
        DampedPendulumFit.Fit fit = DampedPendulumFit.fit(DampedPendulumFit.START, DampedPendulumFit.SHORT_ITERATIONS);
        DampedPendulumFit.Pendulum p = fit.pendulum();
        assertEquals(DampedPendulumFit.HIDDEN.stiffness, p.stiffness, 0.01 * DampedPendulumFit.HIDDEN.stiffness);
        assertEquals(DampedPendulumFit.HIDDEN.damping, p.damping, 0.05 * DampedPendulumFit.HIDDEN.damping);
        assertTrue(fit.loss()[fit.iterations()] <= DampedPendulumFit.HIDDEN.loss());

        ModelGradient<DampedPendulumFit.Pendulum> gradient = Fluxion.modelGradient(DampedPendulumFit.Pendulum::loss);
        for (DampedPendulumFit.Pendulum at : new DampedPendulumFit.Pendulum[] {DampedPendulumFit.START, DampedPendulumFit.HIDDEN}) {
            DampedPendulumFit.Pendulum g = gradient.gradient(at);
            double[] reference = richardson(q -> new DampedPendulumFit.Pendulum(q[0], q[1]).loss(),
                    new double[] {at.stiffness, at.damping});
            assertClose(reference, new double[] {g.stiffness, g.damping}, AGREEMENT, "pendulum");
        }

        Path png = Path.of("target", "test-pictures", "ode-pendulum.png");
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        OdeChart.writePendulum(fit, png);
        assertEquals(1280, ImageIO.read(png.toFile()).getWidth());
    }

    /** (4 D(h/2) - D(h)) / 3 with D(h) the central difference of step h = 1e-4 |x_i| in x_i. */
    static double[] richardson(ScalarFunction f, double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double h = 1e-4 * Math.max(Math.abs(x[i]), 1e-3);
            g[i] = (4 * central(f, x, i, h / 2) - central(f, x, i, h)) / 3;
        }
        return g;
    }

    private static double central(ScalarFunction f, double[] x, int i, double h) {
        double[] plus = x.clone();
        double[] minus = x.clone();
        plus[i] += h;
        minus[i] -= h;
        return (f.apply(plus) - f.apply(minus)) / (2 * h);
    }

    private static double[] differenceOfGradient(GradientFunction gradient, double[] x, double[] v, double h) {
        double[] plus = x.clone();
        double[] minus = x.clone();
        for (int i = 0; i < x.length; i++) {
            plus[i] += h * v[i];
            minus[i] -= h * v[i];
        }
        double[] gp = gradient.gradient(plus);
        double[] gm = gradient.gradient(minus);
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = (gp[i] - gm[i]) / (2 * h);
        }
        return d;
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertClose(expected, actual, AGREEMENT, what);
    }

    private static void assertClose(double[] expected, double[] actual, double relative, String what) {
        assertEquals(expected.length, actual.length);
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], relative * Math.max(Math.abs(expected[i]), 1e-3 * scale),
                    what + ", component " + i);
        }
    }

    /** The Euclidean norm of Fluxion's gradient. */
    static final class GradientNorm {
        static double of(ScalarFunction f, double[] x) {
            double s = 0;
            for (double g : Fluxion.gradient(f).gradient(x)) {
                s += g * g;
            }
            return Math.sqrt(s);
        }
    }
}
