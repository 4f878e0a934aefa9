package dev.fluxion.internal;

import dev.fluxion.FluxionException;
import java.io.Serializable;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;

/**
 * Derivatives of a closure given to the API: a lambda whose body does more than pass its parameters
 * to one method, {@code Fluxion.gradient(p -> loss(data, p))}, {@code p -> area(f, p) + 1}. Its
 * derivatives are those of its body, with the values it captured fixed: generated as for a lambda
 * made outside and called in differentiated code ({@link LambdaDerivatives}: a method that reads
 * the captures and calls the body, differentiated), here with the object as the receiver the API
 * passes to each call, as it passes {@code model} for {@code model::loss}. The body is the one the
 * lambda's serialized form names, so several closures of one shape in a class are told apart.
 * Every derivative the API hands out has its closure form here: of a {@code ScalarFunction} the
 * adjoint, the tangent and the Hessian-vector product, of a {@code VectorFunction} the adjoint and
 * the tangent (a Jacobian's rows and columns), of a {@code UnaryFunction} all three.
 */
public final class Closures {
    private Closures() {
    }

    /** The reverse-mode derivative of the closure {@code f} of a {@code ScalarFunction}, bound to {@code f}. */
    public static ScalarAdjoint adjoint(Serializable f) {
        MethodHandle h = derivative(f, Naming::adjointName, MethodType.methodType(double.class, Object.class, double[].class,
                double[].class, double.class, Tape.class));
        return (x, xBar, seed, tape) -> {
            try {
                return (double) h.invokeExact((Object) f, x, xBar, seed, tape);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** The forward-mode derivative (one direction) of the closure {@code f} of a {@code ScalarFunction}, bound to {@code f}. */
    public static ScalarTangent tangent(Serializable f) {
        MethodHandle h = derivative(f, Naming::tangentName, MethodType.methodType(double.class, Object.class, double[].class,
                double[].class, Tape.class));
        return (x, xDot, tape) -> {
            try {
                return (double) h.invokeExact((Object) f, x, xDot, tape);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** The Hessian-vector product of the closure {@code f} of a {@code ScalarFunction}, bound to {@code f}. */
    public static ScalarHvp hvp(Serializable f) {
        MethodHandle h = derivative(f, Naming::hvpName, MethodType.methodType(double.class, Object.class, double[].class,
                double[].class, double[].class, double[].class, double.class, Tape.class));
        return (x, v, xBar, vBar, seed, tape) -> {
            try {
                return (double) h.invokeExact((Object) f, x, v, xBar, vBar, seed, tape);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** The reverse-mode derivative of the closure {@code f} of a {@code VectorFunction}, bound to {@code f}. */
    public static VectorAdjoint vectorAdjoint(Serializable f) {
        MethodHandle h = derivative(f, Naming::adjointName, MethodType.methodType(void.class, Object.class, double[].class,
                double[].class, double[].class, double[].class, Tape.class));
        return (in, out, inBar, outBar, tape) -> {
            try {
                h.invokeExact((Object) f, in, out, inBar, outBar, tape);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** The forward-mode derivative (one direction) of the closure {@code f} of a {@code VectorFunction}, bound to {@code f}. */
    public static VectorTangent vectorTangent(Serializable f) {
        MethodHandle h = derivative(f, Naming::tangentName, MethodType.methodType(void.class, Object.class, double[].class,
                double[].class, double[].class, double[].class, Tape.class));
        return (in, out, inDot, outDot, tape) -> {
            try {
                h.invokeExact((Object) f, in, out, inDot, outDot, tape);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** The forward-mode derivative of the closure {@code f} of a {@code UnaryFunction}, bound to {@code f}. */
    public static UnaryTangent unaryTangent(Serializable f) {
        MethodHandle h = derivative(f, Naming::tangentName, MethodType.methodType(double.class, Object.class, double.class,
                double.class, Tape.class));
        return (x, xDot, tape) -> {
            try {
                return (double) h.invokeExact((Object) f, x, xDot, tape);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** The reverse-mode derivative of the closure {@code f} of a {@code UnaryFunction}, bound to {@code f}. */
    public static UnaryAdjoint unaryAdjoint(Serializable f) {
        MethodHandle h = derivative(f, Naming::adjointName, MethodType.methodType(double.class, Object.class, double.class,
                double.class, Tape.class));
        return (x, seed, tape) -> {
            try {
                return (double) h.invokeExact((Object) f, x, seed, tape);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** The Hessian-vector product of the closure {@code f} of a {@code UnaryFunction}, bound to {@code f}. */
    public static UnaryHvp unaryHvp(Serializable f) {
        MethodHandle h = derivative(f, Naming::hvpName, MethodType.methodType(double.class, Object.class, double.class,
                double.class, double.class, Tape.class));
        return (x, v, seed, tape) -> {
            try {
                return (double) h.invokeExact((Object) f, x, v, seed, tape);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static MethodHandle derivative(Serializable f, java.util.function.UnaryOperator<String> name, MethodType type) {
        SerializedLambda lambda = AdjointLinker.serializedForm(f);
        Class<?> c = f.getClass();
        LambdaDerivatives.nameBody(c, lambda.getImplClass() + "." + lambda.getImplMethodName() + "."
                + lambda.getImplMethodSignature());
        String method = lambda.getFunctionalInterfaceMethodName();
        MethodType primal = MethodType.fromMethodDescriptorString(lambda.getFunctionalInterfaceMethodSignature(),
                c.getClassLoader());
        String where = lambda.getImplClass().replace('/', '.') + "." + lambda.getImplMethodName();
        try {
            return LambdaDerivatives.derivative(c, name.apply(method), type, primal, where);
        } catch (FluxionException e) {
            throw new FluxionException(e.getMessage() + "\n(The function given is a lambda that does more than pass its "
                    + "parameters to one method, so Fluxion differentiates its body, the values it captured fixed.)", e);
        }
    }
}
