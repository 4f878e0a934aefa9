package dev.fluxion.internal;

import dev.fluxion.FluxionException;
import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Derivatives generated when first asked for, with neither agent nor build-time plugin: the third
 * way in. When a class's derivative is asked for and the class was not transformed, the
 * {@link DerivativeGenerator} on the class path (from {@code fluxion.jar}) reads the class's bytes,
 * runs the transformer and defines the derivative members in a hidden nestmate of the class, once
 * per class. Generated code that calls the derivative of another class's method reaches it through
 * {@link #derivative}, an {@code invokedynamic} bootstrap, because a hidden class cannot be named.
 */
public final class OnDemand {
    private static final DerivativeGenerator GENERATOR = find();

    /** Per class: the lookup into its reverse-mode derivatives, none, or why they could not be generated (asked again, it says the same). */
    private static final ClassValue<Object> REVERSE = generated(false);
    /** The same for all its derivatives, forward mode included: generated when a forward-mode one is first asked for. */
    private static final ClassValue<Object> ALL = generated(true);

    private static ClassValue<Object> generated(boolean forward) {
        return new ClassValue<>() {
            @Override
            protected Object computeValue(Class<?> host) {
                try {
                    return Optional.ofNullable(generate(host, forward));
                } catch (FluxionException e) {
                    return e;
                }
            }
        };
    }

    private OnDemand() {
    }

    /** The generator on the class path, or {@code null}. */
    static DerivativeGenerator generator() {
        return GENERATOR;
    }

    /** Whether a generator is on the class path. */
    public static boolean isAvailable() {
        return GENERATOR != null;
    }

    /**
     * A lookup into the hidden class that holds {@code host}'s derivatives, generated on first use;
     * {@code null} if no generator is on the class path or the class has nothing to differentiate.
     * The diagnostics of methods that cannot be differentiated go to {@link TransformationLog}.
     */
    public static MethodHandles.Lookup derivatives(Class<?> host) {
        return GENERATOR == null || isTransformed(host) ? null : lookup(REVERSE, host);
    }

    /**
     * The same, with forward-mode members too (tangents, Hessian-vector products), generated the
     * first time one is asked for: a class of their own, beside the reverse-mode one.
     */
    public static MethodHandles.Lookup forwardDerivatives(Class<?> host) {
        return GENERATOR == null ? null : lookup(ALL, host); // also for a class the agent gave reverse mode only
    }

    private static MethodHandles.Lookup lookup(ClassValue<Object> kind, Class<?> host) {
        Object generated = kind.get(host);
        if (generated instanceof FluxionException e) {
            throw new FluxionException(e.getMessage(), e);
        }
        return ((Optional<?>) generated).map(MethodHandles.Lookup.class::cast).orElse(null);
    }

    /** Whether the agent or the plugin added derivative members to {@code c} itself. */
    public static boolean isTransformed(Class<?> c) {
        for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
            if (m.getName().startsWith(Naming.GENERATED_PREFIX)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Bootstrap of the {@code invokedynamic} through which on-demand derivatives call a derivative
     * member {@code name} of another class {@code owner}: the member in {@code owner} itself if the
     * agent or plugin put it there, else in {@code owner}'s on-demand hidden class.
     */
    public static CallSite derivative(MethodHandles.Lookup caller, String name, MethodType type, Class<?> owner)
            throws ReflectiveOperationException {
        return new ConstantCallSite(derivativeMember(name, type, owner));
    }

    /**
     * The derivative member {@code name} of {@code owner}, of type {@code type}: in {@code owner}
     * itself if the agent or plugin put it there, else in {@code owner}'s on-demand hidden class,
     * generated now if it was not yet. A member that cannot be had is a {@link FluxionException}
     * that says why (the method's own diagnostics, when its transformation failed).
     */
    static java.lang.invoke.MethodHandle derivativeMember(String name, MethodType type, Class<?> owner)
            throws IllegalAccessException {
        try {
            if (isTransformed(owner)) {
                if (has(owner, name)) {
                    MethodHandles.Lookup in = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
                    return in.findStatic(owner, name, type);
                }
            } else {
                MethodHandles.Lookup reverse = derivatives(owner);
                if (reverse != null && has(reverse.lookupClass(), name)) {
                    return reverse.findStatic(reverse.lookupClass(), name, type);
                }
            }
            MethodHandles.Lookup all = forwardDerivatives(owner); // a tangent, say: with the forward-mode members
            if (all == null) {
                throw new NoSuchMethodException(name);
            }
            return all.findStatic(all.lookupClass(), name, type);
        } catch (NoSuchMethodException e) {
            String primal = Naming.primalName(name);
            String why = TransformationLog.failuresOf(owner.getName().replace('.', '/'), primal);
            throw new FluxionException(why != null ? "fluxion: cannot differentiate through " + owner.getName() + "."
                    + primal + ":\n" + why : GENERATOR == null ? "fluxion: " + owner.getName() + " was not transformed: "
                            + "it has no derivative " + name + ". " + AdjointLinker.AGENT_HINT
                            : "fluxion: the derivative " + name + " of " + owner.getName() + " could not be generated "
                                    + "on demand.", e);
        }
    }

    /**
     * Bootstrap that stands for {@code LambdaMetafactory.metafactory} in the binders of on-demand
     * derivatives (a lambda without captured values over a method of the hidden class, see
     * {@link DerivativeGenerator#implement}): a call site that always returns one instance.
     */
    public static CallSite metafactory(MethodHandles.Lookup caller, String name, MethodType type, MethodType method,
            java.lang.invoke.MethodHandle target, MethodType instantiated) {
        Object instance = GENERATOR.implement(type, name, method, target);
        return new ConstantCallSite(MethodHandles.constant(type.returnType(), instance));
    }

    /**
     * Bootstrap that stands for {@code LambdaMetafactory.altMetafactory} in on-demand forwarders (see
     * {@code Naming.forwarderName}), which return a serializable method reference: made from the
     * class the hidden class is a nestmate of, since the JDK gives a lambda made in a hidden class
     * no serialized form, and the serialized form is how Fluxion reads what a reference names.
     */
    public static CallSite altMetafactory(MethodHandles.Lookup caller, String name, MethodType type, Object... args)
            throws java.lang.invoke.LambdaConversionException, IllegalAccessException {
        MethodHandles.Lookup host = MethodHandles.privateLookupIn(caller.lookupClass().getNestHost(), caller);
        return java.lang.invoke.LambdaMetafactory.altMetafactory(host, name, type, args);
    }

    private static boolean has(Class<?> c, String name) {
        for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static MethodHandles.Lookup generate(Class<?> host, boolean forward) {
        MethodHandles.Lookup lookup;
        try {
            lookup = MethodHandles.privateLookupIn(host, MethodHandles.lookup());
        } catch (IllegalAccessException | RuntimeException e) {
            String pkg = host.getPackageName();
            throw new FluxionException("fluxion: cannot generate the derivatives of " + host.getName() + " on demand: "
                    + "module " + host.getModule().getName() + " does not open package " + pkg + " to Fluxion. Add `opens "
                    + pkg + " to " + AdjointLinker.moduleName() + ";` to its module-info.java, or use the build-time "
                    + "plugin.", e);
        }
        DerivativeGenerator.Generated generated = GENERATOR.generate(lookup, forward);
        for (DerivativeGenerator.Problem p : generated.problems()) {
            TransformationLog.failed(p.owner(), p.method(), p.descriptor(), p.message());
        }
        return generated.derivatives();
    }

    private static DerivativeGenerator find() {
        try {
            Iterator<DerivativeGenerator> found = ServiceLoader.load(DerivativeGenerator.class,
                    DerivativeGenerator.class.getClassLoader()).iterator();
            return found.hasNext() ? found.next() : null;
        } catch (ServiceConfigurationError e) {
            System.err.println("fluxion: the on-demand generator on the class path cannot be loaded: " + e);
            return null;
        }
    }
}
