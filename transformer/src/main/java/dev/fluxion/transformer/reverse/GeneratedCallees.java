package dev.fluxion.transformer.reverse;

import dev.fluxion.transformer.analysis.Callees;
import dev.fluxion.transformer.derivatives.DerivativeRequests;
import dev.fluxion.transformer.derivatives.IterationBody;
import dev.fluxion.transformer.ir.MemberRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.tree.MethodNode;

/**
 * The callees, and the static methods the reverse mode generates beside an adjoint and calls as it
 * calls a {@code @Differentiable} method: loop bodies ({@link IndependentIterations}), parts
 * ({@link OutlinedBodies}) and time loops ({@link Checkpointing}) it outlines. A generated member is
 * differentiable, cannot be overridden, has no rule or problem, and returns no argument; what it
 * does with its array parameters is its {@link Member}; its derivative is its general adjoint, or an
 * outlined loop body's own, as the pass's scope of the derivative registry records
 * ({@link DerivativeRequests#scope}). Every other question goes to the callees.
 */
final class GeneratedCallees implements Callees {
    /**
     * What a generated member does with its parameters: those it may write, those it may read
     * ({@code null}: every one), those whose rows it may move; and, for a loop body, its adjoint.
     */
    record Member(Set<Integer> written, Set<Integer> read, Set<Integer> rowsMoved, IterationBody iteration) {
        /** A member that may read every parameter, writes {@code written}, and moves no rows. */
        static Member writing(Set<Integer> written) {
            return new Member(written, null, Set.of(), null);
        }
    }

    private final Callees callees;
    private final Map<MemberRef, Member> members = new LinkedHashMap<>();
    private final DerivativeRequests.Scope derivatives;

    GeneratedCallees(Callees callees) {
        this.callees = callees;
        this.derivatives = callees.derivatives().scope();
    }

    /** Adds a member the pass has just generated. */
    void add(MemberRef method, Member member) {
        members.put(method, member);
        derivatives.generated(method, member.iteration());
    }

    /** The members generated so far, in order. */
    Map<MemberRef, Member> members() {
        return members;
    }

    @Override
    public boolean isDifferentiable(MemberRef method) {
        return members.containsKey(method) || callees.isDifferentiable(method);
    }

    @Override
    public boolean isOverridable(MemberRef method) {
        return !members.containsKey(method) && callees.isOverridable(method);
    }

    @Override
    public boolean mayWriteArgument(MemberRef method, int index) {
        Member m = members.get(method);
        return m != null ? m.written().contains(index) : callees.mayWriteArgument(method, index);
    }

    @Override
    public boolean mayReadArgument(MemberRef method, int index) {
        Member m = members.get(method);
        return m != null ? m.read() == null || m.read().contains(index) : callees.mayReadArgument(method, index);
    }

    @Override
    public MemberRef adjointRule(MemberRef method) {
        return members.containsKey(method) ? null : callees.adjointRule(method);
    }

    @Override
    public String adjointRuleMismatch(MemberRef method) {
        return members.containsKey(method) ? null : callees.adjointRuleMismatch(method);
    }

    @Override
    public String problem(MemberRef method) {
        return members.containsKey(method) ? null : callees.problem(method);
    }

    @Override
    public boolean isFinalField(MemberRef field) {
        return callees.isFinalField(field);
    }

    @Override
    public MethodNode code(MemberRef method) {
        return members.containsKey(method) ? null : callees.code(method);
    }

    @Override
    public boolean mayMoveRows(MemberRef method, int index) {
        Member m = members.get(method);
        return m != null ? m.rowsMoved().contains(index) : callees.mayMoveRows(method, index);
    }

    @Override
    public boolean mayReturnArgument(MemberRef method, int index) {
        return !members.containsKey(method) && callees.mayReturnArgument(method, index);
    }

    @Override
    public DerivativeRequests derivatives() {
        return derivatives;
    }
}
