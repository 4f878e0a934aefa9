package dev.fluxion.internal;

import dev.fluxion.Differentiable;
import dev.fluxion.FluxionException;
import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The derivatives of calls through interfaces, abstract classes and overridable methods on objects
 * whose class the differentiated code does not know (a parameter, a field): the derivative of the
 * method the object's class runs, found when the call runs, selected as the JVM selects the method
 * itself. An object whose method has no derivative (it is not {@code @Differentiable}) is a
 * {@link FluxionException} at that call, naming its class. A lambda or method reference runs the
 * derivative of its body ({@link LambdaDerivatives}).
 *
 * <p>Each call site is a polymorphic inline cache (Hölzle, Chambers and Ungar, 1991; HotSpot's for
 * virtual calls): a test of the receiver's class per class seen, up to {@value #MAX_CACHED}, each in
 * front of that class's derivative, which the JIT inlines through; past that, a look-up per call in
 * a table by class. Enzyme does the same job with a shadow virtual table per class, built when the
 * program is compiled; here the classes are met as the program runs.
 */
public final class VirtualDerivatives {
    /** Classes an inline cache tests before it looks its receivers' classes up. */
    static final int MAX_CACHED = 4;

    private static final MethodHandle MISS;
    private static final MethodHandle SELECT;
    private static final MethodHandle IS_CLASS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MISS = lookup.findVirtual(Site.class, "miss", MethodType.methodType(Object.class, Object[].class));
            SELECT = lookup.findVirtual(Site.class, "select", MethodType.methodType(MethodHandle.class, Object.class));
            IS_CLASS = lookup.findStatic(Dispatch.class, "isClass",
                    MethodType.methodType(boolean.class, Object.class, Class.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private VirtualDerivatives() {
    }

    /**
     * Bootstrap of the {@code invokedynamic} through which a derivative calls the derivative
     * {@code name} ({@code fluxion$adjoint$m}, {@code fluxion$tangent$m}, ...) of a method
     * {@code m} called on an object of a class it does not know; {@code type} is the derivative's,
     * the receiver first (typed as the call names the method's class).
     *
     * @param primalDescriptor the descriptor of {@code m}
     * @param line the call's line in the caller's source, for messages
     */
    public static CallSite link(MethodHandles.Lookup caller, String name, MethodType type, String primalDescriptor,
            int line) {
        MethodType primal = MethodType.fromMethodDescriptorString(primalDescriptor, caller.lookupClass().getClassLoader());
        String where = caller.lookupClass().getName();
        if (caller.lookupClass().isHidden()) { // on demand: Model$$FluxionDerivatives/0x..., the derivatives of Model
            where = where.substring(0, where.lastIndexOf("$$"));
        }
        return new Site(where, name, type, primal, line);
    }

    /** A call site: its inline cache, and the derivative of each class met, or why there is none. */
    private static final class Site extends MutableCallSite {
        private final String caller;
        private final String name;
        private final MethodType primal;
        private final int line;
        private final ClassValue<Object> derivatives = new ClassValue<>() {
            @Override
            protected Object computeValue(Class<?> receiver) {
                try {
                    return derivative(receiver);
                } catch (FluxionException e) {
                    return e;
                }
            }
        };
        private int cached;

        Site(String caller, String name, MethodType type, MethodType primal, int line) {
            super(type);
            this.caller = caller;
            this.name = name;
            this.primal = primal;
            this.line = line;
            setTarget(MISS.bindTo(this).asCollector(Object[].class, type.parameterCount()).asType(type));
        }

        /** A class not in the cache yet: its derivative, which is called and, for the first few classes, cached. */
        @SuppressWarnings("unused") // through MISS
        private Object miss(Object[] args) throws Throwable {
            Class<?> receiver = args[0].getClass(); // a null receiver: the NullPointerException the call would throw
            MethodHandle derivative = select(args[0]);
            synchronized (this) {
                if (cached < MAX_CACHED) {
                    MethodHandle test = MethodHandles.insertArguments(IS_CLASS, 1, receiver)
                            .asType(MethodType.methodType(boolean.class, type().parameterType(0)));
                    setTarget(MethodHandles.guardWithTest(test, derivative, getTarget()));
                } else if (cached == MAX_CACHED) { // megamorphic: a look-up by class per call
                    setTarget(MethodHandles.foldArguments(MethodHandles.exactInvoker(type()),
                            SELECT.bindTo(this).asType(MethodType.methodType(MethodHandle.class, type().parameterType(0)))));
                }
                cached++;
            }
            return derivative.invokeWithArguments(args);
        }

        /** The derivative that {@code receiver}'s class runs, typed as this site; throws if there is none. */
        MethodHandle select(Object receiver) {
            Object d = derivatives.get(receiver.getClass());
            if (d instanceof FluxionException e) {
                throw new FluxionException(e.getMessage(), e);
            }
            return (MethodHandle) d;
        }

        private MethodHandle derivative(Class<?> receiver) {
            if (LambdaDerivatives.isLambdaMethod(receiver, primalName(), primal)) {
                return LambdaDerivatives.derivative(receiver, name, type(), primal, where());
            }
            Class<?> named = type().parameterType(0);
            Method m = selected(receiver, named);
            if (m == null || !m.isAnnotationPresent(Differentiable.class)) {
                throw new FluxionException(problem(receiver, m));
            }
            Class<?> declaring = m.getDeclaringClass();
            try {
                return OnDemand.derivativeMember(name, bridged(type().changeParameterType(0, declaring), m), declaring)
                        .asType(type());
            } catch (IllegalAccessException e) {
                throw new FluxionException("fluxion: " + where() + ": the derivative of " + declaring.getName() + "."
                        + method() + " cannot be reached: " + e.getMessage(), e);
            }
        }

        /**
         * The derivative's type for {@code m}, which a bridge may reach with other parameter types
         * than the call names ({@code double loss(double[] w, Points p)} for {@code Loss<Points>}'s
         * {@code loss(double[], Object)}): the derivative then takes {@code m}'s types, cast to as
         * the bridge casts them. Only objects differ so (an array of numbers there would have a
         * shadow the call does not pass, and a bridge of one is refused by {@link #selected}).
         */
        private MethodType bridged(MethodType derivative, Method m) {
            Class<?>[] own = m.getParameterTypes();
            for (int i = 0; i < own.length; i++) {
                if (own[i] != primal.parameterType(i)) {
                    derivative = derivative.changeParameterType(1 + i, own[i]);
                }
            }
            return m.getReturnType() != primal.returnType() && derivative.returnType() == primal.returnType()
                    ? derivative.changeReturnType(m.getReturnType()) : derivative;
        }

        private String problem(Class<?> receiver, Method m) {
            String call = "the call of " + type().parameterType(0).getName() + "." + method() + " ran on an object of "
                    + receiver.getName();
            if (receiver.isHidden()) {
                return "fluxion: " + where() + ": " + call + ", a hidden class Fluxion cannot see the code of. Pass "
                        + "an object of a class whose " + primalName() + " is @Differentiable, or a lambda.";
            }
            if (m == null) {
                return "fluxion: " + where() + ": " + call + ", whose class runs a method Fluxion cannot tell (a "
                        + "package-private method of another package, a bridge to a method given an array where the call "
                        + "passes an Object, or several default methods): it has no "
                        + "derivative for it. Declare a public @Differentiable " + method() + " in " + receiver.getName()
                        + ".";
            }
            String declared = m.getDeclaringClass().getName() + "." + primalName();
            return "fluxion: " + where() + ": " + call + ", which runs " + declared + ", not @Differentiable: Fluxion "
                    + "has no derivative for it. Annotate " + declared + " with @Differentiable (a call through an "
                    + "interface, an abstract class or an overridable method runs the derivative of the method the "
                    + "object's class runs, which must be @Differentiable).";
        }

        private String where() {
            return caller + ", line " + line;
        }

        private String primalName() {
            return Naming.primalName(name);
        }

        private String method() {
            StringBuilder s = new StringBuilder(primalName()).append('(');
            Class<?>[] params = primal.parameterArray();
            for (int i = 0; i < params.length; i++) {
                s.append(i == 0 ? "" : ", ").append(params[i].getSimpleName());
            }
            return s.append(')').toString();
        }

        /**
         * The method that an object of class {@code c} runs for this site's method, called as a
         * method of {@code named}: the first declaration in {@code c}'s superclass chain that
         * overrides it, else the one maximally specific default method of its interfaces (JVMS
         * 5.4.6); {@code null} where that is not certain here (a package-private method of another
         * package than {@code named}'s, several defaults).
         */
        private Method selected(Class<?> c, Class<?> named) {
            List<Class<?>> interfaces = new ArrayList<>();
            for (Class<?> k = c; k != null; k = k.getSuperclass()) {
                for (Method m : k.getDeclaredMethods()) {
                    if (!matches(m)) {
                        continue;
                    }
                    boolean packageAccess = (m.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED)) == 0;
                    if (packageAccess && !k.getPackageName().equals(named.getPackageName())) {
                        return null; // it may or may not override the method the call names
                    }
                    return Modifier.isAbstract(m.getModifiers()) ? null : m.isBridge() ? bridgedBy(k, m) : m;
                }
                interfaces.addAll(Arrays.asList(k.getInterfaces()));
            }
            List<Method> declared = new ArrayList<>();
            for (int i = 0; i < interfaces.size(); i++) {
                Class<?> k = interfaces.get(i);
                for (Method m : k.getDeclaredMethods()) {
                    if (matches(m) && !declared.contains(m)) {
                        declared.add(m);
                    }
                }
                interfaces.addAll(Arrays.asList(k.getInterfaces()));
            }
            declared.removeIf(m -> declared.stream().anyMatch(o -> o != m
                    && m.getDeclaringClass().isAssignableFrom(o.getDeclaringClass())));
            return declared.size() == 1 && declared.get(0).isDefault() && !declared.get(0).isBridge() ? declared.get(0) : null;
        }

        /**
         * The method a bridge of class {@code k} calls (javac's bridge of a generic interface's
         * method to the class's own, of narrower types): the one method of {@code k} of its name
         * and arity, not synthetic, whose types the bridge's are casts of, where only objects'
         * types differ; {@code null} if there is none or several.
         */
        private static Method bridgedBy(Class<?> k, Method bridge) {
            Method found = null;
            for (Method m : k.getDeclaredMethods()) {
                if (m.isSynthetic() || !m.getName().equals(bridge.getName())
                        || m.getParameterCount() != bridge.getParameterCount()
                        || !bridge.getReturnType().isAssignableFrom(m.getReturnType())) {
                    continue;
                }
                boolean casts = true;
                for (int i = 0; i < m.getParameterCount(); i++) {
                    Class<?> own = m.getParameterTypes()[i];
                    Class<?> erased = bridge.getParameterTypes()[i];
                    casts &= own == erased || !own.isPrimitive() && erased.isAssignableFrom(own)
                            && !Naming.isShadowed(own.descriptorString());
                }
                if (casts) {
                    if (found != null) {
                        return null;
                    }
                    found = m;
                }
            }
            return found;
        }

        private boolean matches(Method m) {
            return m.getName().equals(primalName()) && (m.getModifiers() & (Modifier.STATIC | Modifier.PRIVATE)) == 0
                    && m.getReturnType() == primal.returnType()
                    && Arrays.equals(m.getParameterTypes(), primal.parameterArray());
        }
    }
}
