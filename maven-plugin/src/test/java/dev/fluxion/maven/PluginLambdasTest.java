package dev.fluxion.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Fluxion;
import dev.fluxion.FluxionException;
import dev.fluxion.GradCheck;
import dev.fluxion.ScalarFunction;
import dev.fluxion.internal.OnDemand;
import dev.fluxion.testing.CorpusClasses;
import dev.fluxion.transformer.TransformingClassLoader;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Lambdas made outside the differentiated code, with the plugin alone: the plugin differentiates
 * the body of every lambda of numbers the classes make, beside the class, so a call that meets one
 * needs no generator when the program runs (there is none in this JVM). Each gradient is checked
 * against its closed form, Richardson differences and forward mode ({@link GradCheck}).
 */
class PluginLambdasTest {
    private static final Path CLASSES = Path.of("target/plugin-lambdas");
    private static final ClassLoader LOADER;

    static {
        try {
            PluginCorpusTest.deleteRecursively(CLASSES);
            List<Path> copied = CorpusClasses.copyTo(CLASSES, "dev/fluxion/dispatch");
            // its @Differentiable method cannot be differentiated, on purpose: the plugin would fail the build
            Files.delete(CLASSES.resolve("dev/fluxion/dispatch/OutsideLambdas$Norm.class"));
            List<Path> classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .map(Path::of).collect(Collectors.toList());
            ClassDirectoryTransformer.Result result = new ClassDirectoryTransformer(CLASSES, classPath, null).run();
            for (Path file : result.written()) {
                TransformingClassLoader.verify(file.toString(), Files.readAllBytes(file));
            }
            assertFalse(copied.isEmpty());
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
        LOADER = new PluginCorpusTest.ClassDirectoryLoader(CLASSES, "dev.fluxion.dispatch.", PluginLambdasTest.class.getClassLoader());
    }

    private static ScalarFunction function(String method, Object... args) throws Exception {
        Class<?>[] types = Arrays.stream(args).map(a -> a instanceof Double ? double.class : boolean.class)
                .toArray(Class<?>[]::new);
        String owner = method.contains(".") ? "dev.fluxion.dispatch.OutsideLambdas$Made" : "dev.fluxion.dispatch.OutsideLambdas";
        String name = method.substring(method.indexOf('.') + 1);
        return (ScalarFunction) LOADER.loadClass(owner).getMethod(name, types).invoke(null, args);
    }

    /** A build without {@code clean} runs the plugin over classes it transformed: they stay as they are. */
    @Test
    void aSecondRunOverTheSameClassesChangesNothing() throws Exception {
        List<Path> classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).collect(Collectors.toList());
        ClassDirectoryTransformer.Result again = new ClassDirectoryTransformer(CLASSES, classPath, null).run();
        assertTrue(again.written().isEmpty(), () -> "written again: " + again.written());
    }

    @Test
    void noGeneratorRunsHere() {
        assertNull(OnDemand.derivatives(Object.class)); // the plugin's programs ship the runtime alone
        assertFalse(OnDemand.isAvailable());
    }

    @Test
    void aMethodReferenceAndALambdaCapturingANumber() throws Exception {
        double[] w = {0.2, -0.4, 0.3, 0.1};
        double z = w[3] + 0.5 * w[0] - w[1] + 2 * w[2];
        double[] inputs = {0.5, -1.0, 2.0, 1};
        double t = Math.tanh(z);
        double sigmoid = 1 / (1 + Math.exp(-2 * z));
        double[] tanh = new double[4];
        double[] softplus = new double[4];
        for (int i = 0; i < 4; i++) {
            tanh[i] = (1 - t * t) * inputs[i];
            softplus[i] = sigmoid * inputs[i];
        }
        assertArrayEquals(tanh, Fluxion.gradient(function("tanhNeuron")).gradient(w), 1e-12);
        assertArrayEquals(softplus, Fluxion.gradient(function("softplusNeuron", 2.0)).gradient(w), 1e-12);
        assertArrayEquals(softplus, Fluxion.tangent(function("softplusNeuron", 2.0)).gradient(w), 1e-12);
        GradCheck.gradient(function("softplusNeuron", 2.0), w).assertPassed();
    }

    @Test
    void aLambdaCapturingTheObjectThatMadeItAndADifferentiableMethodGivenFunctions() throws Exception {
        double[] x = {0.5, -1.5, 2};
        double[] drag = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            drag[i] = 0.8 * 2 * Math.abs(x[i]);
        }
        assertArrayEquals(drag, Fluxion.gradient(function("quadraticDrag", 0.8)).gradient(x), 1e-12);
        GradCheck.gradient(function("weightedSums", 1.25), x).assertPassed();
        GradCheck.gradient(function("hypotPath"), new double[] {3, 4, -1}).assertPassed();
        double[] y = {0.5, 2};
        assertArrayEquals(new double[] {6 * 0.75 * 6 * 0.5, 12}, Fluxion.gradient(function("chainedResponse", 3.0)).gradient(y),
                1e-12); // a default method on the lambda: the interface's code, its calls of the lambda dispatched
        GradCheck.gradient(function("chainedResponse", 3.0), y).assertPassed();
        GradCheck.gradient(function("oscillatorPosition"), new double[] {1, 0}).assertPassed(); // an Rhs writing an array
    }

    @Test
    void lambdasOfOneShapeInOneClassAreAClearError() throws Exception {
        FluxionException e = assertThrows(FluxionException.class,
                () -> Fluxion.gradient(function("Made.chosen", true)).gradient(new double[] {0.5, 1}));
        assertTrue(e.getMessage().contains("cannot tell which of the lambdas of the same shape made in "
                + "dev.fluxion.dispatch.OutsideLambdas$Made the call ran on"), e.getMessage());
    }
}
