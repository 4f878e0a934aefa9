package dev.fluxion.transformer.optimize;

import dev.fluxion.transformer.analysis.Callees;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Param;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads of the receiver's final fields of primitive and array type, once, at entry: in an instance
 * method, {@code this.n}, {@code this.k} read in loop headers ({@code for (i = 0; i < n; i++)}) and
 * the data {@code this.x} read in loop bodies become values defined before every loop. A final
 * field of {@code this} cannot change while the method runs, and {@code this} is never null, so the
 * read moves freely. For the reverse sweep this is the difference between a loop bound it has at
 * hand (the trip count is computed, the loop over points reversed one point at a time) and one it
 * must record: a GMM written as an instance method over its fields measured about twice as slow as
 * the same method with its fields copied into locals. An array read once is an array the reverse
 * sweep still has, not a reference recorded per read, and a temporary filled from it can be
 * forwarded ({@link LoopForwarding}); a point's outlined adjoint is passed it, with no shadow
 * ({@code CallAdjoints.unreadShadow}).
 */
final class ReceiverFields {
    private ReceiverFields() {
    }

    static boolean hoist(IrFunction f, Callees callees) {
        if (f.params().isEmpty() || !isInstanceMethod(f, callees)) {
            return false;
        }
        Param self = f.params().get(0);
        Map<String, Instruction> hoisted = new HashMap<>();
        boolean changed = false;
        Block entry = f.entry();
        for (Block b : f.blocks()) {
            for (Instruction insn : List.copyOf(b.body())) {
                if (insn.op() != Op.FIELD_GET || insn.opcode() != Opcodes.GETFIELD || insn.operand(0) != self
                        || insn.type().getSort() == Type.OBJECT || !callees.isFinalField(insn.member())) {
                    continue;
                }
                Instruction first = hoisted.get(insn.member().name());
                if (first == null) {
                    first = new Instruction(Op.FIELD_GET, Opcodes.GETFIELD, insn.type(), self).withMember(insn.member())
                            .withLine(insn.line());
                    if (entry.body().isEmpty()) {
                        entry.append(first);
                    } else {
                        entry.insertBefore(entry.body().get(0), first);
                    }
                    hoisted.put(insn.member().name(), first);
                }
                insn.replaceAllUsesWith(first);
                b.remove(insn);
                changed = true;
            }
        }
        return changed;
    }

    /** Whether {@code f}, in its static form, is an instance method: its first parameter is {@code this}. */
    private static boolean isInstanceMethod(IrFunction f, Callees callees) {
        Type first = f.params().get(0).type();
        if (first.getSort() != Type.OBJECT || !first.getInternalName().equals(f.owner())) {
            return false;
        }
        Type[] args = Type.getArgumentTypes(f.descriptor());
        Type[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        String instanceDescriptor = Type.getMethodDescriptor(Type.getReturnType(f.descriptor()), rest);
        var code = callees.code(new MemberRef(f.owner(), f.name(), instanceDescriptor));
        return code != null && (code.access & Opcodes.ACC_STATIC) == 0;
    }
}
