package dev.fluxion.transformer.analysis;

import dev.fluxion.transformer.derivatives.DerivativeRequests;
import dev.fluxion.transformer.ir.MemberRef;

/**
 * Tells the passes which called methods are themselves {@code @Differentiable}, and what they may
 * write; where their derivatives live, {@link #derivatives} decides.
 */
@FunctionalInterface
public interface Callees {
    boolean isDifferentiable(MemberRef method);

    /**
     * Whether an instance method may be overridden (neither private nor final, in a class that is
     * not final): a call to it may run code Fluxion has not differentiated.
     */
    default boolean isOverridable(MemberRef method) {
        return true;
    }

    /**
     * Whether a call may write elements of the array passed as operand {@code index} (for an
     * instance method, operand 0 is the receiver). The default
     * is the safe answer; a precise one spares the adjoint recording arrays that do not change.
     */
    default boolean mayWriteArgument(MemberRef method, int index) {
        return true;
    }

    /**
     * Whether a call may read elements of the array passed as operand {@code index}. An array a
     * callee only writes need not be saved before the call for its adjoint, which runs it again.
     */
    default boolean mayReadArgument(MemberRef method, int index) {
        return true;
    }

    /** The user's {@code @AdjointOf} rule for a method, which calls are then differentiated by, or {@code null}. */
    default MemberRef adjointRule(MemberRef method) {
        return null;
    }

    /**
     * Why the {@code @Differentiable} method {@code method} cannot be differentiated itself (its
     * diagnostic), or {@code null}. A caller that passes it differentiated values is then rejected
     * too: it would call a derivative that was never generated, or, where the call looks inactive,
     * miss what the callee does with the values.
     */
    default String problem(MemberRef method) {
        return null;
    }

    /** Whether {@code field} is declared {@code final} (an instance field cannot change after construction). */
    default boolean isFinalField(MemberRef field) {
        return false;
    }

    /** The bytecode of {@code method}, if Fluxion can read it, else {@code null}. */
    default org.objectweb.asm.tree.MethodNode code(MemberRef method) {
        return null;
    }

    /**
     * What the code of {@code method} uses that code in class {@code from} may not (a class of
     * another package that is not public), in the user's words, or {@code null}.
     */
    default String outOfReach(MemberRef method, String from) {
        return null;
    }

    /** Why an {@code @AdjointOf} rule declared for this method's name cannot serve it, or {@code null}. */
    default String adjointRuleMismatch(MemberRef method) {
        return null;
    }

    /**
     * Whether a call may store references into the multi-dimensional array passed as operand
     * {@code index}: replace or move its rows (at any depth). The caller's shadows could not follow:
     * its forward sweep runs the primal callee, which moves the primal's rows, not the shadow's.
     */
    default boolean mayMoveRows(MemberRef method, int index) {
        return true;
    }

    /** Whether the array a call returns may be the array passed as argument {@code index}, or a row of it. */
    default boolean mayReturnArgument(MemberRef method, int index) {
        return true;
    }

    /**
     * Where the derivatives of callees live, and which are to be generated: the one registry the
     * passes ask ({@link DerivativeRequests}). By default every callee's derivative is its general one.
     */
    default DerivativeRequests derivatives() {
        return DerivativeRequests.GENERAL;
    }
}
