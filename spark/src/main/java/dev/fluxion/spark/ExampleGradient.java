package dev.fluxion.spark;

import dev.fluxion.Differentiable;
import dev.fluxion.FluxionException;
import dev.fluxion.internal.Naming;
import dev.fluxion.internal.OnDemand;
import dev.fluxion.internal.Tape;
import dev.fluxion.internal.TransformationLog;
import java.io.Serializable;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The gradient of an {@link ExampleLoss} with respect to its parameters, for one example at a time,
 * in a form Spark can ship: what is serialised is the loss method's class and name; the adjoint
 * Fluxion generated for it is linked on each JVM that uses the object, the first time it is used
 * there (a {@code transient} field), from the derivative members the agent or the plugin put into
 * the class, or generated then on demand by {@code fluxion.jar} if that is on the executor's class
 * path. Thread-safe: the derivative works on the calling thread's tape and work arrays.
 *
 * <p>The adjoint of {@code double loss(double[] p, double[] e)} takes a shadow array for each of its
 * two arrays ({@link Naming#adjointName}); the shadow of {@code p} receives the gradient. Both
 * arrays are copied into work arrays first, and both shadows start at zero: a loss may write into
 * its arrays (Fluxion differentiates that), and neither the caller's parameters, which MLlib shares
 * between the tasks of an executor, nor a cached partition's examples may change under it.
 */
public final class ExampleGradient implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String PRIMAL_DESCRIPTOR = "([D[D)D";
    private static final MethodType ADJOINT = MethodType.fromMethodDescriptorString(
            Naming.adjointDescriptor(PRIMAL_DESCRIPTOR), ExampleGradient.class.getClassLoader());
    // the calling thread's tape's work arrays (see Tape.workArray) that the derivative runs on
    private static final int PARAMS = 0;
    private static final int EXAMPLE = 1;
    private static final int PARAMS_BAR = 2;
    private static final int EXAMPLE_BAR = 3;

    private final String owner;
    private final String method;
    private transient volatile MethodHandle adjoint;

    private ExampleGradient(String owner, String method) {
        this.owner = owner;
        this.method = method;
    }

    /**
     * The gradient of {@code loss}, a reference to a {@code @Differentiable static double
     * loss(double[] params, double[] example)}. Linked here at once too, so that a loss Fluxion cannot
     * differentiate, or a JVM without derivatives for it, fails on the driver with Fluxion's
     * explanation rather than in a task.
     */
    public static ExampleGradient of(ExampleLoss loss) {
        SerializedLambda form = serializedForm(loss);
        String name = form.getImplClass().replace('/', '.') + "." + form.getImplMethodName();
        if (form.getImplMethodKind() != MethodHandleInfo.REF_invokeStatic || form.getCapturedArgCount() != 0
                || !form.getImplMethodSignature().equals(PRIMAL_DESCRIPTOR) || form.getImplMethodName().contains("lambda$")) {
            throw new FluxionException("fluxion: " + name + form.getImplMethodSignature() + " is not a reference to a "
                    + "static method double loss(double[] params, double[] example). Pass a method reference to such a "
                    + "@Differentiable method, e.g. Model::loss; a lambda, or a method of an object, cannot be shipped "
                    + "to Spark's executors by name.");
        }
        ExampleGradient gradient = new ExampleGradient(form.getImplClass().replace('/', '.'), form.getImplMethodName());
        gradient.adjoint = link(load(gradient.owner, loss.getClass().getClassLoader()), gradient.method);
        return gradient;
    }

    /**
     * Adds the gradient of the loss at {@code params} for {@code example} to {@code gradientSum} and
     * returns the loss, by one reverse sweep. Neither {@code params} nor {@code example} is modified.
     */
    public double valueAndAddGradient(double[] params, double[] example, double[] gradientSum) {
        double[] e = exampleBuffer(example.length);
        System.arraycopy(example, 0, e, 0, example.length);
        return valueAndAddGradientOfBuffer(params, e, gradientSum);
    }

    /**
     * The calling thread's work array for an example of {@code length} numbers: a caller that lays
     * out its examples itself ({@link FluxionGradient}) writes one there and passes it to
     * {@link #valueAndAddGradientOfBuffer}, saving the copy.
     */
    static double[] exampleBuffer(int length) {
        return Tape.current().workArray(EXAMPLE, length);
    }

    /** {@link #valueAndAddGradient} for an example in {@link #exampleBuffer}, which the loss may overwrite. */
    double valueAndAddGradientOfBuffer(double[] params, double[] example, double[] gradientSum) {
        if (gradientSum.length != params.length) {
            throw new IllegalArgumentException("gradientSum has length " + gradientSum.length + ", params has length "
                    + params.length);
        }
        MethodHandle adjoint = adjoint();
        Tape tape = Tape.current();
        double[] p = tape.workArray(PARAMS, params.length);
        System.arraycopy(params, 0, p, 0, params.length);
        double[] pBar = zeros(tape.workArray(PARAMS_BAR, params.length));
        double[] eBar = zeros(tape.workArray(EXAMPLE_BAR, example.length));
        double value;
        tape.enter();
        try {
            value = (double) adjoint.invokeExact(p, example, pBar, eBar, 1.0, tape);
        } catch (Throwable t) {
            tape.unwindToMark(); // an abrupt sweep leaves recordings behind: keep the thread's tape balanced
            throw explained(t);
        } finally {
            tape.leave();
        }
        for (int j = 0; j < pBar.length; j++) {
            gradientSum[j] += pBar[j];
        }
        return value;
    }

    /** The loss method, {@code Class.method}, for messages. */
    @Override
    public String toString() {
        return owner + "." + method;
    }

    private MethodHandle adjoint() {
        MethodHandle a = adjoint;
        if (a == null) { // a copy just deserialised on an executor: link there, once per copy
            ClassLoader context = Thread.currentThread().getContextClassLoader(); // Spark's, with the jars of --jars
            a = link(load(owner, context != null ? context : ExampleGradient.class.getClassLoader()), method);
            adjoint = a;
        }
        return a;
    }

    private static MethodHandle link(Class<?> owner, String name) {
        String describe = owner.getName() + "." + name + "(double[], double[])";
        Method primal;
        try {
            primal = owner.getDeclaredMethod(name, double[].class, double[].class);
        } catch (NoSuchMethodException e) {
            throw new FluxionException("fluxion: " + owner.getName() + " has no method " + describe + " on this JVM.", e);
        }
        if (!primal.isAnnotationPresent(Differentiable.class)) {
            throw new FluxionException("fluxion: " + describe + " is not annotated @Differentiable. Add "
                    + "@dev.fluxion.Differentiable to the method so Fluxion generates its derivative.");
        }
        if (!OnDemand.isTransformed(owner) && !OnDemand.isAvailable()) {
            throw new FluxionException("fluxion: no derivative of " + describe + " on this JVM: its class was not "
                    + "transformed and fluxion.jar is not on the class path. On Spark, ship fluxion.jar to the executors "
                    + "(spark-submit --jars fluxion.jar) so that they generate derivatives on demand, or build the job's "
                    + "jar with the fluxion-maven-plugin.");
        }
        try {
            return OnDemand.derivative(MethodHandles.lookup(), Naming.adjointName(name), ADJOINT, owner).getTarget();
        } catch (FluxionException e) {
            throw new FluxionException(e.getMessage(), e);
        } catch (ReflectiveOperationException e) {
            throw new FluxionException("fluxion: cannot link the derivative of " + describe + ": " + e, e);
        }
    }

    private static Class<?> load(String owner, ClassLoader loader) {
        try {
            return Class.forName(owner, false, loader);
        } catch (ClassNotFoundException e) {
            throw new FluxionException("fluxion: the class " + owner + " of the loss is not on this JVM's class path ("
                    + loader + "). On Spark, ship the job's classes to the executors (spark-submit --jars).", e);
        }
    }

    private static SerializedLambda serializedForm(ExampleLoss loss) {
        try {
            Method writeReplace = loss.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            if (writeReplace.invoke(loss) instanceof SerializedLambda form) {
                return form;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not a lambda or method reference: said below
        }
        throw new FluxionException("fluxion: " + loss.getClass().getName() + " is not a method reference. Pass a "
                + "reference to a @Differentiable static double loss(double[] params, double[] example), e.g. Model::loss.");
    }

    /**
     * A derivative that calls the derivative of a method Fluxion could not differentiate fails when
     * that call is linked: the callee's own diagnostic, as {@code Fluxion.gradient} gives it.
     */
    private static RuntimeException explained(Throwable t) {
        if (t instanceof BootstrapMethodError && t.getCause() instanceof FluxionException f) {
            return new FluxionException(f.getMessage(), t);
        }
        if (t instanceof LinkageError linkage && TransformationLog.explainMissingAdjoint(linkage) != null) {
            return new FluxionException(TransformationLog.explainMissingAdjoint(linkage), t);
        }
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(t);
    }

    private static double[] zeros(double[] a) {
        Arrays.fill(a, 0.0);
        return a;
    }
}
