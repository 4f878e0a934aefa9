package dev.fluxion.internal;

import dev.fluxion.Differentiable;
import dev.fluxion.FluxionException;
import java.io.Serializable;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

/**
 * Finds the adjoint that the transformer generated for the method a method reference names. The
 * transformer also generated a binder that returns the adjoint as a lambda (see {@link Naming});
 * calling it once gives an object whose calls are ordinary interface calls that the JIT inlines,
 * with no reflection after this one look-up.
 */
public final class AdjointLinker {
    static final String AGENT_HINT = "Put fluxion.jar (the artifact fluxion-ondemand) on the class path to generate "
            + "derivatives on demand, run with -javaagent:fluxion-agent.jar (the Fluxion agent), or transform the classes "
            + "at build time with the fluxion-maven-plugin.";

    private AdjointLinker() {
    }

    /** Binds {@code target}'s adjoint to {@code adjointInterface}'s single method. */
    public static <T> T link(Serializable function, String primalDescriptor, Class<T> adjointInterface) {
        return link(function, primalDescriptor, adjointInterface, Naming::binderName);
    }

    /** Binds {@code target}'s tangent (forward mode) to {@code tangentInterface}'s single method. */
    public static <T> T linkTangent(Serializable function, String primalDescriptor, Class<T> tangentInterface) {
        return link(function, primalDescriptor, tangentInterface, Naming::tangentBinderName);
    }

    /** Binds {@code target}'s {@code lanes}-lane tangent (vector forward mode) to {@code tangentInterface}'s method. */
    public static <T> T linkVectorTangent(Serializable function, String primalDescriptor, Class<T> tangentInterface,
            int lanes) {
        return link(function, primalDescriptor, tangentInterface, name -> Naming.vectorTangentBinderName(name, lanes));
    }

    /** Binds {@code target}'s Hessian-vector product (reverse over forward) to {@code hvpInterface}'s single method. */
    public static <T> T linkHvp(Serializable function, String primalDescriptor, Class<T> hvpInterface) {
        return link(function, primalDescriptor, hvpInterface, Naming::hvpBinderName);
    }

    /**
     * Binds the adjoint with respect to a model object of {@code function}: a reference to an
     * instance method {@code double loss()} of the model's class ({@code Model::loss}), or to a
     * {@code static double loss(Model m)}.
     */
    public static ModelAdjoint linkModel(Serializable function) {
        return linkModel(function, Naming::modelBinderName, ModelAdjoint.class);
    }

    /**
     * Binds a derivative with respect to a model object of {@code function} (as {@link
     * #linkModel(Serializable)}) through the binder {@code binderName} names, to {@code derivative}.
     */
    public static <T> T linkModel(Serializable function, java.util.function.UnaryOperator<String> binderName,
            Class<T> derivative) {
        function = resolve(function);
        SerializedLambda lambda = serializedForm(function);
        int kind = lambda.getImplMethodKind();
        boolean unbound = (kind == MethodHandleInfo.REF_invokeVirtual || kind == MethodHandleInfo.REF_invokeSpecial)
                && lambda.getCapturedArgCount() == 0 && lambda.getImplMethodSignature().equals("()D");
        boolean staticOfModel = kind == MethodHandleInfo.REF_invokeStatic
                && lambda.getImplMethodSignature().matches("\\(L[^;]+;\\)D");
        if (isLambdaBody(lambda.getImplMethodName()) || !unbound && !staticOfModel) {
            throw new FluxionException("fluxion: " + describe(lambda) + " is not a reference to a method double loss() of "
                    + "the model's class, nor to a static double loss(Model). Pass Model::loss for one of those, "
                    + "annotated @Differentiable.");
        }
        Class<?> owner = load(lambda, function.getClass().getClassLoader());
        return derivative.cast(bind(owner, binderName.apply(lambda.getImplMethodName()), lambda));
    }

    private static <T> T link(Serializable function, String primalDescriptor, Class<T> adjointInterface,
            java.util.function.UnaryOperator<String> binderName) {
        function = resolve(function);
        SerializedLambda lambda = serializedForm(function);
        boolean bound = isBoundInstanceMethod(lambda);
        if (isLambdaBody(lambda.getImplMethodName())) {
            throw new FluxionException(explainLambda(lambda, function.getClass().getClassLoader()));
        }
        if (lambda.getImplMethodKind() != MethodHandleInfo.REF_invokeStatic && !bound) {
            throw new FluxionException("fluxion: " + describe(lambda) + " is not a reference to a static method or to a "
                    + "method of an object. Pass a method reference to a @Differentiable method, e.g. "
                    + "Fluxion.gradient(MyModel::loss) or Fluxion.gradient(model::loss).");
        }
        if (!lambda.getImplMethodSignature().equals(primalDescriptor)) {
            throw new FluxionException("fluxion: " + describe(lambda) + " has signature " + lambda.getImplMethodSignature()
                    + "; this entry point needs " + primalDescriptor + ". Wrap the call in a @Differentiable method of that shape.");
        }
        Class<?> owner = load(lambda, function.getClass().getClassLoader());
        if (bound) {
            owner = implementation(lambda.getCapturedArg(0).getClass(), owner, lambda);
        }
        return adjointInterface.cast(bind(owner, binderName.apply(lambda.getImplMethodName()), lambda));
    }

    /**
     * The class whose code a call of the reference runs: for {@code objective::value} with an
     * {@code Objective objective} (an interface, an abstract or overridden method), the receiver's
     * class or the superclass that implements the method, whose derivative is the one to bind;
     * {@code named} if none declares it (then the binder is looked for where the reference points).
     */
    private static Class<?> implementation(Class<?> receiver, Class<?> named, SerializedLambda lambda) {
        for (Class<?> c = receiver; c != null; c = c.getSuperclass()) {
            Method m = findPrimal(c, lambda);
            if (m != null && !java.lang.reflect.Modifier.isAbstract(m.getModifiers())) {
                return c;
            }
        }
        return named;
    }

    /**
     * Calls the binder {@code binderName} that the agent or plugin added to {@code owner}, or, if
     * they did not transform it, the one in its derivatives generated on demand ({@link OnDemand}).
     */
    private static Object bind(Class<?> owner, String binderName, SerializedLambda lambda) {
        Method binder = declared(owner, binderName);
        try {
            if (binder != null) {
                binder.setAccessible(true);
                return binder.invoke(null);
            }
            MethodHandles.Lookup generated = OnDemand.derivatives(owner);
            binder = generated == null ? null : declared(generated.lookupClass(), binderName);
            if (binder == null && Naming.isForwardBinder(binderName)
                    && (generated != null || OnDemand.isTransformed(owner))) {
                // a forward-mode derivative of a class given reverse mode only (on demand, or by the
                // agent): generated now, beside it
                generated = OnDemand.forwardDerivatives(owner);
                binder = generated == null ? null : declared(generated.lookupClass(), binderName);
            }
            if (binder == null) {
                throw new FluxionException(explainMissing(owner, lambda));
            }
            return generated.unreflect(binder).invoke();
        } catch (FluxionException e) {
            throw e;
        } catch (Throwable e) {
            throw new FluxionException("fluxion: cannot bind the derivative of " + describe(lambda) + ": " + e
                    + ". If the class is in a named module, open its package to dev.fluxion.", e);
        }
    }

    /** {@code c}'s method {@code name} without parameters, or {@code null}. */
    private static Method declared(Class<?> c, String name) {
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 0) {
                return m;
            }
        }
        return null;
    }

    /**
     * Whether {@code function} is a closure: a lambda whose body does more than pass its parameters
     * to one method ({@code p -> loss(data, p)}), in a class transformed or with a generator here
     * (else the message of {@link #link} says how to get one). Its derivatives are its body's,
     * the values it captured fixed ({@link Closures}).
     */
    public static boolean isClosure(Serializable function) {
        if (resolve(function) != function) {
            return false; // x -> f(x): the method it stands for
        }
        SerializedLambda lambda = serializedForm(function);
        return isLambdaBody(lambda.getImplMethodName())
                && (OnDemand.isAvailable() || OnDemand.isTransformed(load(lambda, function.getClass().getClassLoader())));
    }

    /**
     * The object a reference such as {@code model::loss} is bound to, or {@code null} for a
     * reference to a static method.
     */
    public static Object receiver(Serializable function) {
        SerializedLambda lambda = serializedForm(resolve(function));
        return isBoundInstanceMethod(lambda) ? lambda.getCapturedArg(0) : null;
    }

    /**
     * The method reference {@code function} stands for: itself, or, for a lambda whose body only
     * passes its parameters on to one method ({@code x -> f(x)}, Kotlin's {@code { f(it) }}), the
     * reference to that method ({@code Model::f}, or {@code model::loss} for a lambda that captured
     * {@code model}), which the transformer's forwarder beside the lambda's body returns (see
     * {@link Naming#forwarderName}). The runtime reads no bytecode: the transformer, which does,
     * decides which lambdas forward.
     */
    private static Serializable resolve(Serializable function) {
        SerializedLambda lambda = serializedForm(function);
        Class<?> owner = load(lambda, function.getClass().getClassLoader());
        String name = Naming.forwarderName(lambda.getImplMethodName());
        MethodHandles.Lookup generated = null;
        Method forwarder = forwarder(owner, name, lambda);
        if (forwarder == null && isLambdaBody(lambda.getImplMethodName())
                && (generated = OnDemand.derivatives(owner)) != null) {
            forwarder = forwarder(generated.lookupClass(), name, lambda);
        }
        if (forwarder == null) {
            return function;
        }
        Object[] captured = new Object[lambda.getCapturedArgCount()];
        for (int i = 0; i < captured.length; i++) {
            captured[i] = lambda.getCapturedArg(i);
        }
        try {
            if (generated != null) {
                return (Serializable) generated.unreflect(forwarder).invokeWithArguments(captured);
            }
            forwarder.setAccessible(true);
            return (Serializable) forwarder.invoke(null, captured);
        } catch (Throwable e) {
            throw new FluxionException("fluxion: cannot link the lambda " + describe(lambda) + " to the method it "
                    + "calls: " + e + ". If the class is in a named module, open its package to dev.fluxion.", e);
        }
    }

    private static Method forwarder(Class<?> c, String name, SerializedLambda lambda) {
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == lambda.getCapturedArgCount()) {
                return m;
            }
        }
        return null;
    }

    /** Whether a method is the body of a lambda, as javac ({@code lambda$main$0}) and kotlinc ({@code main$lambda$0}) name them. */
    private static boolean isLambdaBody(String name) {
        return name.startsWith("lambda$") || name.contains("$lambda$") || name.contains("$lambda-");
    }

    /** Why a lambda was not linked to a method: it does more than call one, or its class was not transformed. */
    private static String explainLambda(SerializedLambda lambda, ClassLoader loader) {
        Class<?> owner = load(lambda, loader);
        boolean transformed = OnDemand.isTransformed(owner) || OnDemand.isAvailable();
        String what = "fluxion: " + describe(lambda) + " is a lambda";
        String advice = "Pass a reference to a @Differentiable method (Fluxion.gradient(::f) in Kotlin, "
                + "Fluxion.gradient(Model::f) in Java), or a lambda that only passes its parameters to one "
                + "({ f(it) } in Kotlin, x -> f(x) in Java); to differentiate a combination of methods, write it as a "
                + "@Differentiable method of its own.";
        if (!transformed && !TransformationLog.isAgentInstalled()) {
            return what + ", and its class was not transformed: a lambda that only passes its parameters to one method "
                    + "is linked to that method when its class is transformed. " + AGENT_HINT + " " + advice;
        }
        // the agent runs, but did not transform the class that made the lambda, and no generator is here
        return what + " that does more than pass its parameters to one method (a closure: p -> loss(data, p)), whose "
                + "body Fluxion differentiates when the class that made it was transformed, and "
                + owner.getName() + " was not. Put fluxion.jar (the artifact fluxion-ondemand) on the class path, let "
                + "the agent transform " + owner.getName() + ", or transform it at build time with the "
                + "fluxion-maven-plugin. " + advice;
    }

    private static boolean isBoundInstanceMethod(SerializedLambda lambda) {
        int kind = lambda.getImplMethodKind();
        return (kind == MethodHandleInfo.REF_invokeVirtual || kind == MethodHandleInfo.REF_invokeSpecial
                || kind == MethodHandleInfo.REF_invokeInterface) && lambda.getCapturedArgCount() == 1;
    }

    /** Why the adjoint is missing, in the order a user would check. */
    private static String explainMissing(Class<?> owner, SerializedLambda lambda) {
        String failure = TransformationLog.failure(owner.getName().replace('.', '/'), lambda.getImplMethodName(),
                lambda.getImplMethodSignature());
        if (failure != null) {
            return failure;
        }
        Method primal = findPrimal(owner, lambda);
        if (primal != null && !primal.isAnnotationPresent(Differentiable.class)) {
            String method = owner.getName() + "." + lambda.getImplMethodName();
            return "fluxion: " + method + " is not annotated @Differentiable. Add @dev.fluxion.Differentiable "
                    + "to the method so Fluxion generates its derivative.";
        }
        if (OnDemand.isAvailable() && !OnDemand.isTransformed(owner)) {
            return "fluxion: no derivative was generated on demand for " + describe(lambda) + ". Please report this as a "
                    + "Fluxion bug, with the output of -Dfluxion.dump=DIR attached.";
        }
        if (!TransformationLog.isAgentInstalled()) {
            return "fluxion: no derivative was generated for " + describe(lambda) + ": the class was not transformed. "
                    + AGENT_HINT;
        }
        return "fluxion: no derivative was generated for " + describe(lambda) + ", although the Fluxion agent is installed. "
                + "Was " + owner.getName() + " loaded before the agent started, or by a class loader the agent ignores? "
                + "See the agent's messages on standard error.";
    }

    private static Method findPrimal(Class<?> owner, SerializedLambda lambda) {
        for (Method m : owner.getDeclaredMethods()) {
            if (m.getName().equals(lambda.getImplMethodName())
                    && MethodType.methodType(m.getReturnType(), m.getParameterTypes()).toMethodDescriptorString()
                            .equals(lambda.getImplMethodSignature())) {
                return m;
            }
        }
        return null;
    }

    static String describe(SerializedLambda lambda) {
        return lambda.getImplClass().replace('/', '.') + "." + lambda.getImplMethodName();
    }

    static SerializedLambda serializedForm(Serializable function) {
        try {
            Method writeReplace = function.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            Object form = writeReplace.invoke(function);
            if (form instanceof SerializedLambda lambda) {
                return lambda;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // fall through: not a lambda or method reference, or one of a module closed to Fluxion
        }
        Module module = function.getClass().getModule();
        String pkg = function.getClass().getPackageName();
        if (module.isNamed() && !module.isOpen(pkg, AdjointLinker.class.getModule())) {
            throw new FluxionException("fluxion: module " + module.getName() + " does not open package " + pkg
                    + " to Fluxion, which reads what a method reference names and reaches the derivatives through the "
                    + "package. Add `opens " + pkg + " to " + moduleName() + ";` to module " + module.getName()
                    + "'s module-info.java.");
        }
        if (isKotlin(function.getClass())) {
            throw new FluxionException("fluxion: " + function.getClass().getName() + " is a Kotlin lambda, function "
                    + "reference or object compiled to a class of its own, which is not serializable: Fluxion finds the "
                    + "function to differentiate in the serialized form that kotlinc gives the lambdas and references it "
                    + "compiles with invokedynamic, its default. Pass a function reference (Fluxion.gradient(::f)) or a "
                    + "lambda that calls a @Differentiable function (Fluxion.gradient { f(it) }), and compile without "
                    + "-Xsam-conversions=class and -Xlambdas=class.");
        }
        throw new FluxionException("fluxion: " + function.getClass().getName() + " is not a method reference. Pass a "
                + "method reference to a @Differentiable static method, e.g. Fluxion.gradient(MyModel::loss).");
    }

    /** Fluxion's module as a user names it in {@code opens ... to}: {@code dev.fluxion} (fluxion.jar's and the runtime's automatic name). */
    static String moduleName() {
        Module m = AdjointLinker.class.getModule();
        return m.isNamed() ? m.getName() : "dev.fluxion";
    }

    /** Whether kotlinc compiled the class (it carries {@code @kotlin.Metadata}; read by name, Fluxion does not depend on Kotlin). */
    private static boolean isKotlin(Class<?> c) {
        for (java.lang.annotation.Annotation a : c.getDeclaredAnnotations()) {
            if (a.annotationType().getName().equals("kotlin.Metadata")) {
                return true;
            }
        }
        return false;
    }

    private static Class<?> load(SerializedLambda lambda, ClassLoader loader) {
        try {
            return Class.forName(lambda.getImplClass().replace('/', '.'), false, loader);
        } catch (ClassNotFoundException e) {
            throw new FluxionException("fluxion: cannot load " + lambda.getImplClass() + ": " + e.getMessage(), e);
        }
    }
}
