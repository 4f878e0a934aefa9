package dev.fluxion.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * Generates derivatives on demand, for classes that neither the agent nor the build-time plugin
 * transformed. The runtime depends on nothing, so it only declares this service; the artifact
 * {@code fluxion-ondemand} (the jar {@code fluxion.jar}, which bundles the transformer) provides it,
 * and {@link OnDemand} finds it with {@link java.util.ServiceLoader} when it is on the class path.
 */
public interface DerivativeGenerator {

    /**
     * Defines the derivative members of {@code host}'s class in a hidden class that is a nestmate of
     * it (so they reach its private members as the agent's members in the class itself would), and
     * returns that class's lookup with the diagnostics of the methods that cannot be differentiated.
     *
     * @param host a full-privilege lookup into the class whose derivatives are asked for
     * @param forward whether forward-mode members (tangents, Hessian-vector products) are wanted too:
     *     the first class generated for a class has reverse mode only, a second everything, when a
     *     forward-mode derivative is first asked for
     */
    Generated generate(MethodHandles.Lookup host, boolean forward);

    /**
     * Derivatives of the body of a lambda or method reference made outside the differentiated code
     * ({@link LambdaDerivatives}): a hidden nestmate of the class that made it, holding
     * {@code static R method(Object lambda, P...)}, which calls the body with the lambda's captured
     * values, and its derivatives, named as those of {@code method}.
     *
     * @param host a full-privilege lookup into the class that made the lambda
     */
    Generated lambda(MethodHandles.Lookup host, Lambda lambda, boolean forward);

    /**
     * What the JVM tells of a lambda's class.
     *
     * @param interfaces the interfaces it implements (internal names)
     * @param method the name of the method called through it
     * @param descriptor that method's descriptor, as the call names it
     * @param captured the descriptors of the values it captured, in order
     * @param references the members its constant pool names ({@code owner.name.descriptor}), among
     *     them the method its body is; empty where the pool cannot be read
     */
    record Lambda(List<String> interfaces, String method, String descriptor, List<String> captured,
            List<String> references) {
    }

    /**
     * An instance of the functional interface {@code type.returnType()} whose method {@code name}
     * calls {@code target}, a method of a hidden class. {@code LambdaMetafactory} does that for any
     * class but, on Java 17, not for a method of a hidden class, which its lambda would name.
     *
     * @param method the interface method's (erased) type, which {@code target} is adapted to
     */
    Object implement(MethodType type, String name, MethodType method, MethodHandle target);

    /**
     * @param derivatives a full-privilege lookup into the hidden class, or {@code null} if nothing was generated
     * @param problems the diagnostic of each method that failed, all of a method's problems in one
     */
    record Generated(MethodHandles.Lookup derivatives, List<Problem> problems) {
    }

    /** Why a method has no derivative; {@code owner} in internal form. */
    record Problem(String owner, String method, String descriptor, String message) {
    }
}
