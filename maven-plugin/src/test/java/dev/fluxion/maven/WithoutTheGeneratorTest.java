package dev.fluxion.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fluxion.Fluxion;
import dev.fluxion.FluxionException;
import dev.fluxion.ScalarFunction;
import dev.fluxion.UnaryFunction;
import dev.fluxion.VectorFunction;
import dev.fluxion.internal.OnDemand;
import dev.fluxion.testing.CorpusClasses;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What Fluxion says in a JVM with neither {@code fluxion.jar} nor the agent, where derivatives
 * come from the plugin alone (as in this module's tests; the transformer's tests register the
 * on-demand generator, which would generate what is missing): a lambda of a class nobody
 * transformed; and a call that meets a lambda made outside the differentiated code, whose body's
 * derivative the plugin made with the class.
 */
class WithoutTheGeneratorTest {
    private static final String LAMBDAS = "dev.fluxion.lambdas.Lambdas";

    @TempDir
    Path dir;

    @Test
    void thereIsNoGeneratorHere() {
        assertFalse(OnDemand.isAvailable(), "a DerivativeGenerator is registered on this module's test class path");
    }

    @Test
    void aLambdaOfAClassThatWasNotTransformedSaysSo() throws Exception {
        Path file = dir.resolve(LAMBDAS.replace('.', '/') + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes());
        ClassLoader untransformed = new PluginCorpusTest.ClassDirectoryLoader(dir, LAMBDAS, getClass().getClassLoader());
        ScalarFunction f = (ScalarFunction) untransformed.loadClass(LAMBDAS).getMethod("forwarding").invoke(null);
        FluxionException e = assertThrows(FluxionException.class, () -> Fluxion.gradient(f));
        assertEquals("fluxion: dev.fluxion.lambdas.Lambdas." + body("forwarding") + " is a lambda, and its class was not "
                + "transformed: a lambda that only passes its parameters to one method is linked to that method when its "
                + "class is transformed. Put fluxion.jar (the artifact fluxion-ondemand) on the class path to generate "
                + "derivatives on demand, run with -javaagent:fluxion-agent.jar (the Fluxion agent), or transform the "
                + "classes at build time with the fluxion-maven-plugin. Pass a reference to a "
                + "@Differentiable method (Fluxion.gradient(::f) in Kotlin, Fluxion.gradient(Model::f) in Java), or a "
                + "lambda that only passes its parameters to one ({ f(it) } in Kotlin, x -> f(x) in Java); to "
                + "differentiate a combination of methods, write it as a @Differentiable method of its own.",
                e.getMessage());
    }

    @Test
    void aLambdaMadeOutsideHasTheDerivativeThePluginMadeForItsBody() throws Exception {
        for (Path copy : CorpusClasses.copyTo(dir, "dev/fluxion/dispatch")) {
            if (!copy.getFileName().toString().startsWith("Activations")) {
                Files.delete(copy); // the package's other fixtures, some of them rejected on purpose
            }
        }
        new ClassDirectoryTransformer(dir, java.util.List.of(), null).run();
        ClassLoader loader = new PluginCorpusTest.ClassDirectoryLoader(dir, "dev.fluxion.dispatch.", getClass().getClassLoader());
        var loss = loader.loadClass("dev.fluxion.dispatch.Activations").getMethod("loss", int.class);
        ScalarFunction lambda = (ScalarFunction) loss.invoke(null, 7); // z -> 3 * z, made outside: its body done at build time
        assertArrayEquals(new double[] {3 * 2, 3 * 1 + 1}, Fluxion.gradient(lambda).gradient(new double[] {1, 2}), 1e-12);
        // an object of a class the plugin transformed has its derivative at the same call
        ScalarFunction tanh = (ScalarFunction) loss.invoke(null, 0);
        double s = 1 - Math.tanh(2) * Math.tanh(2);
        assertArrayEquals(new double[] {2 * s, s + 1}, Fluxion.gradient(tanh).gradient(new double[] {1, 2}), 1e-12);
    }

    @Test
    void aClosureHasTheDerivativeThePluginMadeForItsBody() throws Exception {
        for (Path copy : CorpusClasses.copyTo(dir, "dev/fluxion/lambdas")) {
            if (!copy.getFileName().toString().equals("Lambdas.class")) {
                Files.delete(copy);
            }
        }
        new ClassDirectoryTransformer(dir, java.util.List.of(), null).run();
        ClassLoader loader = new PluginCorpusTest.ClassDirectoryLoader(dir, LAMBDAS, getClass().getClassLoader());
        double[] x = {0.7, -1.3};
        // x -> sumOfCubes(x) + 1, x -> current.scaled(x) (current = new Lambdas(5)): their bodies, done at build time
        ScalarFunction computing = (ScalarFunction) loader.loadClass(LAMBDAS).getMethod("computing").invoke(null);
        assertArrayEquals(new double[] {3 * x[0] * x[0], 3 * x[1] * x[1]}, Fluxion.gradient(computing).gradient(x), 1e-12);
        assertArrayEquals(new double[] {3 * x[0] * x[0], 3 * x[1] * x[1]}, Fluxion.tangent(computing).gradient(x), 1e-12);
        double[][] h = Fluxion.hessian(computing).at(x);
        assertArrayEquals(new double[] {6 * x[0], 0}, h[0], 1e-12);
        assertArrayEquals(new double[] {0, 6 * x[1]}, h[1], 1e-12);
        VectorFunction vector = (VectorFunction) loader.loadClass(LAMBDAS).getMethod("computingVector").invoke(null);
        double[][] j = Fluxion.jacobian(vector, 2).at(x);
        assertArrayEquals(new double[] {6 * x[0], 0}, j[0], 1e-12);
        assertArrayEquals(new double[] {x[1], 2 * x[1] + x[0]}, j[1], 1e-12);
        UnaryFunction unary = (UnaryFunction) loader.loadClass(LAMBDAS).getMethod("computingUnary").invoke(null);
        assertEquals(3 * x[0] * x[0] + 2, Fluxion.derivative(unary).applyAsDouble(x[0]), 1e-12);
        assertEquals(6 * x[0], Fluxion.secondDerivative(unary).applyAsDouble(x[0]), 1e-12);
        ScalarFunction viaVariable = (ScalarFunction) loader.loadClass(LAMBDAS).getMethod("viaVariable").invoke(null);
        assertArrayEquals(new double[] {5 * x[1], 5 * x[0]}, Fluxion.gradient(viaVariable).gradient(x), 1e-12);
    }

    /** The name of the lambda's body that {@code method} makes. */
    private static String body(String method) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes()).accept(node, ClassReader.SKIP_CODE);
        for (MethodNode m : node.methods) {
            if (m.name.startsWith("lambda$" + method + "$")) {
                return m.name;
            }
        }
        throw new AssertionError("no lambda in " + method);
    }

    private static byte[] bytes() {
        try (InputStream in = WithoutTheGeneratorTest.class.getClassLoader()
                .getResourceAsStream(LAMBDAS.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
