package dev.fluxion.transformer.analysis;

import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Value;
import java.util.List;

/** Tells the passes which called methods are themselves {@code @Differentiable}, and what they may write. */
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
     * The name of an adjoint of the static method {@code method} that differentiates only the
     * parameters in {@code inputs} (a caller passes data in the others), if one will be generated
     * beside the general adjoint; {@code null} to call the general adjoint.
     */
    default String specializedAdjoint(MemberRef method, java.util.Set<Integer> inputs) {
        return null;
    }

    /**
     * For the body of a loop that the reverse mode outlined into a method of its own (see
     * {@code reverse.IndependentIterations}): the body's adjoint, which the caller's forward sweep
     * runs in place of the call; {@code null} for every other method.
     */
    default IterationBody iterationBody(MemberRef method) {
        return null;
    }

    /**
     * An outlined loop body's adjoint, and how its seed follows from the caller's: the steps of the
     * sum's way to the caller's result, from the result back ({@code seed * c}, {@code seed / c},
     * {@code -seed}; {@code c} a value the caller has before the loop).
     */
    record IterationBody(String adjoint, List<SeedStep> seed) {
    }

    /** One step from a seed to the next: {@code DMUL} or {@code DDIV} by {@code operand}, or {@code DNEG}. */
    record SeedStep(int opcode, Value operand) {
    }
}
