package dev.fluxion.transformer.optimize;

import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;

/**
 * Scalar replacement of small arrays (LLVM's SROA, which Enzyme runs before differentiating; C2's
 * escape analysis does it for the primal when it can): an array of numbers of a constant length the
 * function allocates, that never leaves it (only its elements are read and written, at constant
 * indices, and its length read), and whose every element is written at most once, before every read
 * of it, becomes the values written. Vector code written over {@code double[3]} allocates one for
 * each operation ({@code sub(a, b)}, {@code normalize(v)}, inlined); as arrays, each active one
 * would get a shadow array allocated beside it, its elements recorded and its shadow's elements
 * updated one by one; as values, they are plain scalar code.
 *
 * <p>A read is the value written when the write dominates the read: then no other write of that
 * element, and no new execution of the allocation or of the written value's definition, can come
 * between them (each of those dominates the write). An element never written reads as zero.
 */
final class SmallArrays {
    /** The longest array replaced: vectors and small matrices, not buffers. */
    static final int MAX_LENGTH = 16;

    private SmallArrays() {
    }

    static boolean replace(IrFunction f) {
        Dominance dominance = new Dominance(f);
        boolean changed = false;
        for (Block b : f.blocks()) {
            for (Instruction array : List.copyOf(b.body())) {
                Instruction[] writes = replaceable(array, dominance);
                if (writes != null) {
                    replace(array, writes);
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** The write of each element (or null: never written), if {@code array} can be replaced by values; else null. */
    private static Instruction[] replaceable(Instruction array, Dominance dominance) {
        if (array.op() != Op.NEW_ARRAY || array.opcode() != Opcodes.NEWARRAY || array.operands().size() != 1
                || !(array.operand(0) instanceof Constant c) || !(c.value() instanceof Integer length)
                || length < 0 || length > MAX_LENGTH || !keepsItsValues(array.type().getDescriptor())) {
            return null;
        }
        Instruction[] writes = new Instruction[length];
        for (Instruction user : array.users()) {
            boolean element = (user.op() == Op.ARRAY_LOAD || user.op() == Op.ARRAY_STORE && user.operand(2) != array)
                    && user.operand(0) == array && index(user, length) >= 0;
            if (!element && user.op() != Op.ARRAY_LENGTH) {
                return null; // passed on, stored, compared, read at an index not known here
            }
            if (user.op() == Op.ARRAY_STORE) {
                int k = index(user, length);
                if (writes[k] != null) {
                    return null; // written twice: which write a read sees depends on the path
                }
                writes[k] = user;
            }
        }
        for (Instruction user : array.users()) {
            if (user.op() == Op.ARRAY_LOAD) {
                Instruction write = writes[index(user, length)];
                if (write != null && !dominance.dominates(write, user)) {
                    return null; // read before it is written, on some path
                }
            }
        }
        return writes;
    }

    /**
     * Arrays whose elements hold what is written as it is: not {@code byte}, {@code short},
     * {@code char} nor {@code boolean} arrays, whose writes narrow an {@code int}.
     */
    private static boolean keepsItsValues(String descriptor) {
        return descriptor.equals("[D") || descriptor.equals("[F") || descriptor.equals("[I") || descriptor.equals("[J");
    }

    /** The constant index of an element access, or -1 if it is not a constant within the array. */
    private static int index(Instruction access, int length) {
        return access.operand(1) instanceof Constant c && c.value() instanceof Integer k && k >= 0 && k < length ? k : -1;
    }

    private static void replace(Instruction array, Instruction[] writes) {
        Value[] values = new Value[writes.length];
        for (int k = 0; k < writes.length; k++) {
            values[k] = writes[k] == null ? Constant.zero(array.type().getElementType()) : writes[k].operand(2);
        }
        for (Instruction user : List.copyOf(array.users())) {
            switch (user.op()) {
                case ARRAY_LOAD -> user.replaceAllUsesWith(values[index(user, writes.length)]);
                case ARRAY_LENGTH -> user.replaceAllUsesWith(Constant.ofInt(writes.length));
                default -> {
                }
            }
            user.block().remove(user);
        }
        for (Value v : values) {
            DeadTemporaries.removeIfDead(v);
        }
        array.block().remove(array);
    }

    /** Dominance between instructions, by the blocks reachable from the entry around each block asked about. */
    private static final class Dominance {
        private final IrFunction f;
        private final Map<Block, Set<Block>> reachableAvoiding = new HashMap<>();

        Dominance(IrFunction f) {
            this.f = f;
        }

        boolean dominates(Instruction a, Instruction b) {
            if (a.block() == b.block()) {
                List<Instruction> body = a.block().body();
                return body.indexOf(a) < body.indexOf(b);
            }
            return !reachableAvoiding.computeIfAbsent(a.block(), this::reachableAvoiding).contains(b.block());
        }

        private Set<Block> reachableAvoiding(Block avoid) {
            Set<Block> seen = new HashSet<>();
            ArrayDeque<Block> work = new ArrayDeque<>(List.of(f.entry()));
            while (!work.isEmpty()) {
                Block x = work.pop();
                if (x != avoid && seen.add(x)) {
                    work.addAll(x.successors());
                }
            }
            return seen;
        }
    }
}
