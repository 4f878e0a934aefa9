package dev.fluxion.internal;

import dev.fluxion.FluxionException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Derivatives of calls through a lambda or method reference made outside the differentiated code
 * (a field holding {@code Math::tanh}, a parameter given {@code z -> z * z}): the object is of a
 * hidden class the JDK spun, whose code cannot be read, so the derivative is that of its body, found
 * in the class that made the lambda. The generator reads that class, finds the lambda's
 * {@code invokedynamic} (by the interface, the method, the captured values' types, and, where the
 * JVM lets the lambda class's constant pool be read, the method it calls), and differentiates a
 * method {@code static R m(Object lambda, P...)} that reads the captures ({@link Captures}) and
 * calls the body as the lambda does. Its derivatives have the call site's shape, the receiver
 * typed {@code Object}. A class the plugin transformed has them already, for every lambda of numbers
 * it makes, listed in its table ({@link Naming#LAMBDA_TABLE}), since no generator may run with it.
 *
 * <p>The captured values are data: they were fixed before the differentiated code ran. Derivatives
 * are generated once per lambda class (the JDK spins one per {@code invokedynamic}), reverse mode
 * first and forward mode when it is first asked for, as {@link OnDemand} does for classes.
 */
final class LambdaDerivatives {
    /** Per lambda class, by method (name and descriptor) and mode: where the derivatives are, or why there are none. */
    private static final ClassValue<ConcurrentHashMap<String, Object>> FOUND = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<String, Object> computeValue(Class<?> lambda) {
            return new ConcurrentHashMap<>();
        }
    };

    private LambdaDerivatives() {
    }

    /**
     * The derivative {@code name}, of the site's {@code type} (the receiver first), of the method
     * {@code primal} (its name is {@code name}'s primal name) called on an object of {@code lambda}.
     *
     * @param where the call, for messages: "Class, line n"
     */
    static MethodHandle derivative(Class<?> lambda, String name, MethodType type, MethodType primal, String where) {
        boolean forward = !name.startsWith(Naming.ADJOINT_PREFIX);
        String key = Naming.primalName(name) + primal.toMethodDescriptorString() + (forward ? " forward" : " reverse");
        Object found = FOUND.get(lambda).computeIfAbsent(key, k -> find(lambda, primal, name, forward, where));
        if (found instanceof FluxionException e) {
            throw new FluxionException(e.getMessage(), e);
        }
        Body body = (Body) found;
        String member = name.substring(0, name.length() - Naming.primalName(name).length()) + body.method();
        try {
            return body.in().findStatic(body.in().lookupClass(), member, type.changeParameterType(0, Object.class))
                    .asType(type);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new FluxionException("fluxion: " + where + ": the derivative " + member + " of the lambda "
                    + lambda.getName() + " was not generated. Please report this as a Fluxion bug.", e);
        }
    }

    /** Where the derivatives of a lambda's body are: the class {@code in}, named as those of {@code method}. */
    private record Body(MethodHandles.Lookup in, String method) {
    }

    private static Object find(Class<?> lambda, MethodType primal, String name, boolean forward, String where) {
        try {
            Class<?> host = host(lambda, where);
            Body built = built(lambda, host, Naming.primalName(name), primal, where);
            return built != null ? built : generate(lambda, host, primal, name, forward, where);
        } catch (FluxionException e) {
            return e;
        }
    }

    /**
     * The derivatives the plugin added to {@code host} for the lambda's body (its table,
     * {@link Naming#LAMBDA_TABLE}), or {@code null} if it has none for a lambda of this shape.
     */
    private static Body built(Class<?> lambda, Class<?> host, String method, MethodType primal, String where) {
        String[] table;
        MethodHandles.Lookup in;
        try {
            if (!OnDemand.isTransformed(host)) {
                return null;
            }
            in = MethodHandles.privateLookupIn(host, MethodHandles.lookup());
            table = (String[]) in.findStatic(host, Naming.LAMBDA_TABLE, MethodType.methodType(String[].class)).invoke();
        } catch (NoSuchMethodException e) {
            return null;
        } catch (Throwable e) {
            throw new FluxionException("fluxion: " + where + ": cannot read the lambdas of " + host.getName() + ": " + e, e);
        }
        List<String> interfaces = interfaces(lambda);
        String captured = String.join(",", captured(lambda));
        List<String[]> matches = new ArrayList<>();
        for (String line : table) {
            String[] f = line.split("\t", -1);
            if (interfaces.contains(f[0]) && f[1].equals(method) && f[2].equals(primal.toMethodDescriptorString())
                    && f[3].equals(captured)) {
                matches.add(f);
            }
        }
        String named = NAMED_BODIES.get(lambda).get();
        if (named != null) {
            // a closure: its body's line or none, though it be the only line of the shape (the table
            // lists no lambda of Fluxion's interfaces that forwards, and those may have the shape)
            matches.removeIf(f -> !f[4].equals(named));
        } else if (matches.size() > 1) {
            List<String> references = references(lambda);
            matches.removeIf(f -> !references.contains(f[4]));
            if (matches.size() != 1) {
                throw new FluxionException("fluxion: " + where + ": cannot tell which of the lambdas of the same shape "
                        + "made in " + host.getName() + " the call ran on: a lambda's class does not say, and its "
                        + "constant pool, which does, is closed to Fluxion. Run with --add-exports "
                        + "java.base/jdk.internal.access=ALL-UNNAMED --add-exports java.base/jdk.internal.reflect="
                        + "ALL-UNNAMED, or make the lambdas in different classes.");
            }
        }
        if (matches.isEmpty()) {
            return null; // not a lambda the plugin saw: generated now, if a generator is here
        }
        String[] f = matches.get(0);
        if (!f[6].isEmpty()) {
            throw new FluxionException("fluxion: " + where + ": cannot differentiate through the lambda or method "
                    + "reference made in " + host.getName() + " that the call of " + method + " ran on:\n" + f[6]);
        }
        return new Body(in, f[5]);
    }

    private static Body generate(Class<?> lambda, Class<?> host, MethodType primal, String name, boolean forward,
            String where) {
        DerivativeGenerator generator = OnDemand.generator();
        if (generator == null) {
            throw new FluxionException("fluxion: " + where + ": the call of " + Naming.primalName(name)
                    + " ran on a lambda or method reference made in " + host.getName() + ", outside the "
                    + "differentiated code, whose body has no derivative: the plugin did not transform "
                    + host.getName() + ", and no generator is here to make one when the call runs. Build the class "
                    + "with the fluxion-maven-plugin, put fluxion.jar (the artifact fluxion-ondemand) on the class path, "
                    + "or run with -javaagent:fluxion-agent.jar.");
        }
        if (host.getClassLoader() == null && host.getName().startsWith("java.")) { // the JDK's own composition
            throw new FluxionException("fluxion: " + where + ": the call of " + Naming.primalName(name) + " ran on a "
                    + "function the JDK made (in " + host.getName() + ", as a default method such as andThen, compose "
                    + "or identity does), whose code Fluxion does not differentiate. Write the composition as a lambda "
                    + "of your own, for example v -> g.applyAsDouble(f.applyAsDouble(v)) for f.andThen(g).");
        }
        MethodHandles.Lookup in;
        try {
            in = MethodHandles.privateLookupIn(host, MethodHandles.lookup());
        } catch (IllegalAccessException | RuntimeException e) {
            throw new FluxionException("fluxion: " + where + ": cannot differentiate a lambda made in " + host.getName()
                    + ": module " + host.getModule().getName() + " does not open package " + host.getPackageName()
                    + " to Fluxion. Add `opens " + host.getPackageName() + " to " + AdjointLinker.moduleName()
                    + ";` to its module-info.java.", e);
        }
        DerivativeGenerator.Lambda shape = new DerivativeGenerator.Lambda(interfaces(lambda), Naming.primalName(name),
                primal.toMethodDescriptorString(), captured(lambda), references(lambda));
        DerivativeGenerator.Generated generated = generator.lambda(in, shape, forward);
        if (generated.derivatives() == null) {
            StringBuilder why = new StringBuilder();
            for (DerivativeGenerator.Problem p : generated.problems()) {
                why.append('\n').append(p.message());
            }
            throw new FluxionException("fluxion: " + where + ": cannot differentiate through the lambda or method "
                    + "reference made in " + host.getName() + " that the call of " + Naming.primalName(name)
                    + " ran on:" + why);
        }
        return new Body(generated.derivatives(), Naming.primalName(name));
    }

    /**
     * The bodies of serializable lambdas as their serialized form names them ({@code owner.name.descriptor}),
     * given by {@link #nameBody}: then which of several lambdas of one shape an object is needs no
     * constant pool.
     */
    private static final ClassValue<java.util.concurrent.atomic.AtomicReference<String>> NAMED_BODIES = new ClassValue<>() {
        @Override
        protected java.util.concurrent.atomic.AtomicReference<String> computeValue(Class<?> lambda) {
            return new java.util.concurrent.atomic.AtomicReference<>();
        }
    };

    /** Says that objects of {@code lambda} run the body {@code reference} ({@code owner.name.descriptor}). */
    static void nameBody(Class<?> lambda, String reference) {
        NAMED_BODIES.get(lambda).set(reference);
    }

    /** The member references that say which body the lambda runs: its named body, else its constant pool's. */
    private static List<String> references(Class<?> lambda) {
        String named = NAMED_BODIES.get(lambda).get();
        return named != null ? List.of(named) : ConstantPools.memberReferences(lambda);
    }

    private static List<String> interfaces(Class<?> lambda) {
        List<String> interfaces = new ArrayList<>();
        for (Class<?> i : lambda.getInterfaces()) {
            interfaces.add(i.getName().replace('.', '/'));
        }
        return interfaces;
    }

    private static List<String> captured(Class<?> lambda) {
        List<String> captured = new ArrayList<>();
        for (Class<?> c : Captures.types(lambda)) {
            captured.add(c.descriptorString());
        }
        return captured;
    }

    /**
     * The class that made {@code lambda}: the JDK names a lambda's class after it
     * ({@code Model$$Lambda$14/0x...}, {@code Model$$Lambda/0x...} since Java 21).
     */
    private static Class<?> host(Class<?> lambda, String where) {
        String name = lambda.getName();
        int end = name.indexOf("$$Lambda");
        try {
            if (end > 0) {
                return Class.forName(name.substring(0, end), false, lambda.getClassLoader());
            }
        } catch (ClassNotFoundException e) {
            // below
        }
        throw new FluxionException("fluxion: " + where + ": the call ran on an object of the hidden class " + name
                + ", which is not a lambda or method reference Fluxion can trace to the code that made it: it has no "
                + "derivative for it. Pass an object of a class whose method is @Differentiable.");
    }

    /**
     * Whether {@code c} is a class the JDK spun for a lambda or method reference, and {@code name
     * primal} its interface method, which it implements (a default method of the interface, which
     * it does not, is selected as for any class).
     */
    static boolean isLambdaMethod(Class<?> c, String name, MethodType primal) {
        if (!c.isHidden() || !c.getName().contains("$$Lambda")) {
            return false;
        }
        try {
            return !c.getDeclaredMethod(name, primal.parameterArray()).isBridge();
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
