package dev.fluxion.transformer.backend;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Values that go from one instruction to the next on the operand stack, as javac's code passes
 * them, not through a local: an instruction's value used once, by the instruction right after it.
 * That one loads its operands before the value's in order ({@code a - f(x)}: {@code a} is loaded,
 * then {@code f(x)} computed), the value itself is left where it was computed, then the operands
 * after it are loaded. A chain ({@code -(a * (b + c))}) loads every member's earlier operands first,
 * outermost first. Each such value spares a store and a load, and its local.
 *
 * <p>Not forwarded: phis; a caught exception, which the JVM leaves on the stack where its landing
 * begins; into an allocation, whose {@code new} and {@code dup} come before its operands; into a
 * call on the tape, which {@link TapeRegisters} may emit in its own order.
 */
final class StackOperands {
    /** By instruction, the index of its operand that the instruction right before it leaves on the stack. */
    private final Map<Instruction, Integer> forwarded = new HashMap<>();
    /** By value left on the stack, the instruction that takes it. */
    private final Map<Instruction, Instruction> user = new HashMap<>();

    private StackOperands(IrFunction f) {
        for (Block b : f.blocks()) {
            List<Instruction> body = b.body();
            for (int k = 0; k < body.size(); k++) {
                Instruction next = k + 1 < body.size() ? body.get(k + 1) : b.terminator();
                int at = forwardable(body.get(k), next);
                if (at >= 0) {
                    forwarded.put(next, at);
                    user.put(body.get(k), next);
                }
            }
        }
    }

    static StackOperands of(IrFunction f) {
        return new StackOperands(f);
    }

    /** The index of the operand of {@code insn} that the instruction before it leaves on the stack, or -1. */
    int forwardedOperand(Instruction insn) {
        return forwarded.getOrDefault(insn, -1);
    }

    /** Whether {@code insn}'s value stays on the stack for the instruction after it. */
    boolean isForwarded(Instruction insn) {
        return user.containsKey(insn);
    }

    /** The instruction that takes {@code insn}'s value from the stack, or {@code null}. */
    Instruction userOf(Instruction insn) {
        return user.get(insn);
    }

    /** The operand of {@code user} that {@code value} is, if it may stay on the stack for it; else -1. */
    private static int forwardable(Instruction value, Instruction user) {
        if (!value.hasValue() || value.isPhi() || value.op() == Op.CATCH || user.op() == Op.NEW_OBJECT
                || user.op() == Op.GOTO || user.op() == Op.TRY
                || user.op() == Op.INVOKE && user.member().owner().equals(Naming.TAPE_INTERNAL_NAME)) {
            return -1;
        }
        if (value.users().isEmpty() || value.users().stream().anyMatch(u -> u != user)) {
            return -1;
        }
        int at = -1;
        for (int j = 0; j < user.operands().size(); j++) {
            if (user.operand(j) == value) {
                if (at >= 0) {
                    return -1; // used twice
                }
                at = j;
            }
        }
        return at;
    }
}
