package dev.fluxion.ondemand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fluxion in JShell, driven through the {@code jdk.jshell} API as {@code jshell --class-path
 * fluxion.jar} runs it: snippets run in a JVM of JShell's own, where the snippets' classes exist only
 * in JShell's class loader, and derivatives are generated on demand.
 */
class JShellTest {
    private static JShell shell;

    @BeforeAll
    static void start() {
        shell = JShell.create();
        shell.addToClasspath(Path.of("target/fluxion.jar").toAbsolutePath().toString());
        eval("import dev.fluxion.*;");
    }

    @AfterAll
    static void stop() {
        shell.close();
    }

    @Test
    void aTopLevelMethod() {
        eval("@Differentiable static double f(double[] x) { return x[0] * x[0] * Math.sin(x[1]); }");
        assertEquals("double[2] { " + 4 * Math.sin(0.5) + ", " + 4 * Math.cos(0.5) + " }",
                eval("Fluxion.gradient(x -> f(x)).gradient(new double[] {2, 0.5})"));
    }

    @Test
    void aModelClass() {
        eval("""
                class Line {
                    double a = 2, b = -1;
                    double[] xs = {0, 1, 2}, ys = {1, 2, 2};
                    @Differentiable double loss() {
                        double s = 0;
                        for (int i = 0; i < xs.length; i++) {
                            double r = a * xs[i] + b - ys[i];
                            s += r * r;
                        }
                        return s;
                    }
                }""");
        eval("Line g = new Line();");
        eval("double loss = Fluxion.modelGradient(Line::loss).valueAndGradient(new Line(), g);");
        // residuals -2, -1, 1: loss 6, d/da = 2 * (0 * -2 + 1 * -1 + 2 * 1) = 2, d/db = 2 * (-2 - 1 + 1) = -4
        assertEquals("6.0", eval("loss"));
        assertEquals("2.0", eval("g.a"));
        assertEquals("-4.0", eval("g.b"));
    }

    @Test
    void aMethodThatCannotBeDifferentiatedSaysWhy() {
        eval("@Differentiable static double scanned(double[] x) { java.util.Arrays.parallelPrefix(x, (u, v) -> u * v); return x[0]; }");
        List<SnippetEvent> events = shell.eval("Fluxion.gradient(x -> scanned(x))");
        EvalException e = (EvalException) events.get(events.size() - 1).exception();
        assertEquals("dev.fluxion.FluxionException", e.getExceptionClassName());
        assertTrue(e.getMessage().contains("active value passed to java.util.Arrays.parallelPrefix(double[], "
                + "java.util.function.DoubleBinaryOperator), a JDK method Fluxion does not differentiate"), e.getMessage());
    }

    /** Evaluates one snippet, which must succeed; returns its value. */
    private static String eval(String code) {
        List<SnippetEvent> events = shell.eval(code);
        SnippetEvent last = events.get(events.size() - 1);
        assertNull(last.exception(), () -> code + " threw " + last.exception() + ": " + last.exception().getMessage());
        assertTrue(last.status() == Snippet.Status.VALID, () -> code + ": " + last.status() + " "
                + shell.diagnostics(last.snippet()).map(d -> d.getMessage(null)).toList());
        return last.value();
    }
}
