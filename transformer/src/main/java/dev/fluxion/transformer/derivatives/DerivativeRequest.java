package dev.fluxion.transformer.derivatives;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Types;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.Type;

/**
 * One derivative a pass asks for: of which method, in which mode, with which of its arguments
 * active (the key of {@link DerivativeRequests}, as Enzyme keys its derivatives by function, mode,
 * width and the activity of the arguments). The result's adjoint is always passed (a zero seed when
 * the caller does not need it), so the result's activity does not distinguish two requests yet.
 *
 * @param primal the method differentiated, as its callers name it
 * @param descriptor its descriptor in static form, the receiver first for an instance method
 * @param lanes the directions a tangent carries at once (vector forward mode); 1 otherwise
 * @param active the parameters (indices in {@code descriptor}) whose derivatives the caller needs;
 *     kept only among those that have any ({@link #differentiable}), the others being no key
 */
public record DerivativeRequest(MemberRef primal, String descriptor, Mode mode, int lanes, Set<Integer> active) {
    /** The kinds of derivative a method has. */
    public enum Mode {
        /** Reverse mode: the adjoint, recomputing the primal then running its reverse sweep (joint reversal). */
        ADJOINT,
        /** Forward mode: the tangent, with {@code lanes} directions. */
        TANGENT,
        /** Second order, reverse over forward: the adjoint of the tangent, a Hessian-vector product. */
        HESSIAN_VECTOR_PRODUCT,
        /**
         * The tangent as a pure function {@code t(x, xdot)}, returning the result's tangent (no tape),
         * of a method a Hessian-vector product's pure tangent calls rather than inlines. Reverse
         * mode differentiates the caller's pure tangent, so this member's adjoint (an
         * {@link #ADJOINT} request whose primal is the member itself) is generated with it.
         */
        PURE_TANGENT
    }

    public DerivativeRequest {
        Set<Integer> differentiable = differentiable(descriptor);
        active = Set.copyOf(active.stream().filter(differentiable::contains).toList());
    }

    /** The adjoint of {@code primal} with the parameters in {@code active} differentiated. */
    public static DerivativeRequest adjoint(MemberRef primal, String descriptor, Set<Integer> active) {
        return new DerivativeRequest(primal, descriptor, Mode.ADJOINT, 1, active);
    }

    /** The general adjoint of {@code primal}: every parameter that has a derivative differentiated. */
    public static DerivativeRequest adjoint(MemberRef primal, String descriptor) {
        return adjoint(primal, descriptor, differentiable(descriptor));
    }

    /** The Hessian-vector product of {@code primal} with respect to {@code active}, the others constants. */
    public static DerivativeRequest hessianVectorProduct(MemberRef primal, String descriptor, Set<Integer> active) {
        return new DerivativeRequest(primal, descriptor, Mode.HESSIAN_VECTOR_PRODUCT, 1, active);
    }

    /** The tangent of {@code primal} as a pure function, for second derivatives through a call to it. */
    public static DerivativeRequest pureTangent(MemberRef primal, String descriptor) {
        return new DerivativeRequest(primal, descriptor, Mode.PURE_TANGENT, 1, differentiable(descriptor));
    }

    /** The tangent of {@code primal} with {@code lanes} directions, every parameter differentiated. */
    public static DerivativeRequest tangent(MemberRef primal, String descriptor, int lanes) {
        return new DerivativeRequest(primal, descriptor, Mode.TANGENT, lanes, differentiable(descriptor));
    }

    /** The parameters of {@code descriptor} that have derivatives: numbers, and arrays of them (which get shadows). */
    public static Set<Integer> differentiable(String descriptor) {
        Set<Integer> out = new TreeSet<>();
        Type[] params = Type.getArgumentTypes(descriptor);
        for (int j = 0; j < params.length; j++) {
            if (Types.isFloating(params[j]) || Naming.isShadowed(params[j].getDescriptor())) {
                out.add(j);
            }
        }
        return out;
    }

    /** Whether every parameter that has a derivative is active: the general derivative serves. */
    public boolean isGeneral() {
        return active.equals(differentiable(descriptor));
    }
}
