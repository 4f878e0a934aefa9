package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Fluxion;
import dev.fluxion.FluxionException;
import dev.fluxion.Jacobian;
import dev.fluxion.ScalarFunction;
import dev.fluxion.UnaryFunction;
import dev.fluxion.VectorFunction;
import dev.fluxion.internal.Naming;
import dev.fluxion.lambdas.ObjectAndPoint;
import dev.fluxion.transformer.backend.ClassFileLocator;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Lambdas in place of method references ({@link Forwarders}): a lambda that only passes its
 * parameters to one method is linked to that method, with everything it has (gradient, tangent,
 * Hessian, an object's bound method); other lambdas are explained. (What a lambda of a class
 * nobody transformed is told needs a JVM without the on-demand generator, which this module's
 * tests register: the plugin module's WithoutTheGeneratorTest.)
 */
class LambdaForwardingTest {
    private static final String LAMBDAS = "dev.fluxion.lambdas.Lambdas";
    private final TransformingClassLoader loader = new TransformingClassLoader(getClass().getClassLoader(),
            "dev.fluxion.lambdas");

    private Object call(String method, Object... args) throws Exception {
        Class<?> c = loader.loadClass(LAMBDAS);
        for (var m : c.getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                return m.invoke(null, args);
            }
        }
        throw new NoSuchMethodException(method);
    }

    private Object model(double scale) throws Exception {
        return loader.loadClass(LAMBDAS).getConstructor(double.class).newInstance(scale);
    }

    @Test
    void aLambdaThatForwardsHasTheMethodsDerivatives() throws Exception {
        ScalarFunction f = (ScalarFunction) call("forwarding");
        double[] x = {0.5, -1.5, 2.0};
        assertArrayEquals(new double[] {0.75, 6.75, 12.0}, Fluxion.gradient(f).gradient(x), 1e-12);
        assertEquals(3 * 0.25 * 1 + 3 * 2.25 * 2, Fluxion.tangent(f).jvp(x, new double[] {1, 2, 0}), 1e-12);
        assertArrayEquals(new double[] {3.0, -9.0 * 2, 0}, Fluxion.hessian(f).hvp(x, new double[] {1, 2, 0}), 1e-12);
        UnaryFunction u = (UnaryFunction) call("unary");
        assertEquals(3 * 0.49, Fluxion.derivative(u).applyAsDouble(0.7), 1e-12);
        assertEquals(6 * 0.7, Fluxion.secondDerivative(u).applyAsDouble(0.7), 1e-12);
        UnaryFunction reference = (UnaryFunction) call("reference"); // Lambdas::absolute, not Math::abs
        assertEquals(-1.0, Fluxion.derivative(reference).applyAsDouble(-2), 0.0);
        VectorFunction v = (VectorFunction) call("vector");
        assertArrayEquals(new double[] {-3.0, 0}, Fluxion.jacobian(v, 2).at(new double[] {-1.5, 4})[0], 1e-12);
    }

    @Test
    void aLambdaOnAnObjectIsLinkedToTheObjectsMethod() throws Exception {
        double[] x = {0.5, -1.5};
        ScalarFunction captured = (ScalarFunction) call("capturing", model(3));
        assertArrayEquals(new double[] {-4.5, 1.5}, Fluxion.gradient(captured).gradient(x), 1e-12);
        Object model = model(4);
        ScalarFunction viaThis = (ScalarFunction) model.getClass().getMethod("capturingThis").invoke(model);
        assertArrayEquals(new double[] {-6.0, 2.0}, Fluxion.gradient(viaThis).gradient(x), 1e-12);
        assertEquals(-6.0, Fluxion.tangent(viaThis).jvp(x, new double[] {1, 0}), 1e-12);
        ScalarFunction constant = (ScalarFunction) call("viaConstant");
        assertArrayEquals(new double[] {-3.0, 1.0}, Fluxion.gradient(constant).gradient(x), 1e-12);
    }

    @Test
    void aClassWhoseLambdasCallAnotherClassIsTransformedForThem() throws Exception {
        ScalarFunction f = (ScalarFunction) loader.loadClass("dev.fluxion.lambdas.Callers").getMethod("cubes").invoke(null);
        assertArrayEquals(new double[] {3.0, 12.0}, Fluxion.gradient(f).gradient(new double[] {1, -2}), 1e-12);
        assertEquals(List.of("dev.fluxion.lambdas.Callers"), loader.transformed().stream()
                .filter(c -> c.endsWith("Callers")).collect(Collectors.toList()));
        byte[] callers = bytes("dev.fluxion.lambdas.Callers");
        assertEquals(1, forwarders(new Transformer(ClassFileLocator.ofClassLoader(getClass().getClassLoader()), null)
                .transform(callers)).size(), "the ScalarFunction's lambda, not the DoubleSupplier's");
    }

    @Test
    void aLambdaThatComputesIsDifferentiatedAsItsBody() throws Exception {
        double[] x = {0.7, -1.3};
        ScalarFunction computing = (ScalarFunction) call("computing"); // x -> sumOfCubes(x) + 1
        double[] cubes = {3 * x[0] * x[0], 3 * x[1] * x[1]};
        assertArrayEquals(cubes, Fluxion.gradient(computing).gradient(x), 1e-12);
        assertArrayEquals(cubes, Fluxion.tangent(computing).gradient(x), 1e-12);
        assertEquals(x[0] * x[0] * x[0] + x[1] * x[1] * x[1] + 1, Fluxion.gradient(computing).valueAndGradient(x, new double[2]), 1e-12);
        // x -> current.scaled(x): the field is read at each call, as the lambda reads it, not once when linked
        ScalarFunction viaVariable = (ScalarFunction) call("viaVariable");
        assertScaledProduct(5, x, Fluxion.gradient(viaVariable).gradient(x));
        java.lang.reflect.Field current = loader.loadClass(LAMBDAS).getDeclaredField("current");
        current.setAccessible(true);
        Object before = current.get(null);
        try {
            current.set(null, model(7));
            assertScaledProduct(7, x, Fluxion.gradient(viaVariable).gradient(x));
            assertScaledProduct(7, x, Fluxion.tangent(viaVariable).gradient(x));
        } finally {
            current.set(null, before);
        }
    }

    /** That {@code gradient} is the gradient of {@code scale * x[0] * x[1]}. */
    private static void assertScaledProduct(double scale, double[] x, double[] gradient) {
        assertArrayEquals(new double[] {scale * x[1], scale * x[0]}, gradient, 1e-12);
    }

    /** (in, out) -> squares(out, in): writes its input from its output, so its outputs do not depend on its inputs. */
    @Test
    void theJacobianOfALambdaThatComputesIsThatOfItsBody() throws Exception {
        VectorFunction swapped = (VectorFunction) call("swapped");
        double[] x = {0.7, -1.3};
        Jacobian j = Fluxion.jacobian(swapped, 2);
        double[][] at = j.at(x);
        assertArrayEquals(new double[] {0, 0}, at[0], 0);
        assertArrayEquals(new double[] {0, 0}, at[1], 0);
        assertArrayEquals(new double[] {0, 0}, j.vjp(x, new double[] {1, 2}), 0);
    }

    /** x -> sumOfCubes(x) + 1: the Hessian of its body, diag(6 x), as its gradient is that of its body. */
    @Test
    void theHessianOfALambdaThatComputesIsThatOfItsBody() throws Exception {
        ScalarFunction computing = (ScalarFunction) call("computing");
        double[] x = {0.7, -1.3};
        double[][] h = Fluxion.hessian(computing).at(x);
        assertArrayEquals(new double[] {6 * x[0], 0}, h[0], 1e-12);
        assertArrayEquals(new double[] {0, 6 * x[1]}, h[1], 1e-12);
    }

    @Test
    void aLambdaThatForwardsToAPlainMethodSaysItIsNotAnnotated() throws Exception {
        ScalarFunction f = (ScalarFunction) call("notAnnotated");
        FluxionException e = assertThrows(FluxionException.class, () -> Fluxion.gradient(f));
        assertEquals("fluxion: dev.fluxion.lambdas.Lambdas.plain is not annotated @Differentiable. Add "
                + "@dev.fluxion.Differentiable to the method so Fluxion generates its derivative.", e.getMessage());
    }

    @Test
    void forwardersAreAddedForTheLambdasThatForwardAndOnlyOnce() {
        Transformer transformer = new Transformer(ClassFileLocator.ofClassLoader(getClass().getClassLoader()), null);
        byte[] once = transformer.transform(bytes());
        assertEquals(List.of("capturing", "capturingThis", "forwarding", "notAnnotated", "unary", "vector", "viaConstant")
                .stream().map(m -> Naming.forwarderName(body(m))).sorted()
                .collect(Collectors.toList()), forwarders(once));
        assertNull(transformer.transform(once), "transformed again");
        assertTrue(Forwarders.hasFluxionLambdas(node(bytes())));
    }

    /** Only lambdas' bodies get a closure's Hessian-vector product: a method of that shape gets none, and no binder for it. */
    @Test
    void aMethodOfTheShapeOfAClosureBodyIsDifferentiatedAsAnyMethod() throws Exception {
        Transformer transformer = new Transformer(ClassFileLocator.ofClassLoader(getClass().getClassLoader()), null);
        ClassNode out = node(transformer.transform(bytes(ObjectAndPoint.class.getName())));
        List<String> members = out.methods.stream().map(m -> m.name + m.desc).collect(Collectors.toList());
        assertTrue(members.contains("fluxion$adjoint$weighted(Ljava/lang/Object;[D[DDLdev/fluxion/internal/Tape;)D"), members.toString());
        assertTrue(members.stream().noneMatch(m -> m.startsWith("fluxion$hvp$weighted") || m.startsWith("fluxion$bindhvp$weighted")),
                members.toString());
        assertTrue(members.stream().noneMatch(m -> m.contains("Lnull;")), members.toString());
        assertArrayEquals(new double[] {3, 2}, Fluxion.gradient(ObjectAndPoint::product).gradient(new double[] {2, 3}), 0);
    }

    private static List<String> forwarders(byte[] classBytes) {
        return node(classBytes).methods.stream().map(m -> m.name).filter(n -> n.startsWith(Naming.FORWARDER_PREFIX))
                .sorted().collect(Collectors.toList());
    }

    private static ClassNode node(byte[] classBytes) {
        ClassNode node = new ClassNode();
        new ClassReader(classBytes).accept(node, 0);
        return node;
    }

    /** The body of the lambda in {@code method}: javac names a serializable lambda's lambda$method$hash$N. */
    private static String body(String method) {
        for (MethodNode m : node(bytes()).methods) {
            if (m.name.startsWith("lambda$" + method + "$")) {
                return m.name;
            }
        }
        throw new AssertionError("no lambda in " + method);
    }

    private static byte[] bytes() {
        return bytes(LAMBDAS);
    }

    private static byte[] bytes(String className) {
        try (InputStream in = LambdaForwardingTest.class.getClassLoader()
                .getResourceAsStream(className.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
