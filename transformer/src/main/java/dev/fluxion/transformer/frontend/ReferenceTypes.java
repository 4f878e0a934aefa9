package dev.fluxion.transformer.frontend;

import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Undef;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Type;

/**
 * Gives reference phis the type all their operands agree on, and rows loaded from arrays of rows
 * the component type of their array. The stack shapes from ASM's
 * {@code BasicInterpreter} only say "reference"; later passes need to know a phi holds a
 * {@code double[]} (to give it a shadow, or to cast it back after it was recorded on the tape).
 */
final class ReferenceTypes {
    private ReferenceTypes() {
    }

    static void refine(IrFunction f) {
        boolean changed = true;
        while (changed) {
            changed = refinePhis(f);
            for (Block b : f.blocks()) {
                for (Instruction load : b.body()) {
                    Type row = rowType(load);
                    if (row != null && !row.equals(load.type())) {
                        load.refineType(row);
                        changed = true;
                    }
                }
            }
        }
    }

    /** The lattice's bottom (a sentinel, never emitted): the operands disagree, the phi keeps its type. */
    private static final Type CONFLICT = Type.getObjectType("fluxion/Conflict");

    /**
     * Types reference phis optimistically: an operand that is itself a reference phi not typed yet
     * is assumed to agree, so phis that only feed each other around a loop (two arrays swapped
     * every iteration) get their arrays' type; a disagreement anywhere in such a cycle leaves all
     * of it untyped. Each phi's state only descends (unknown, then a type, then conflict).
     */
    private static boolean refinePhis(IrFunction f) {
        List<Instruction> phis = new ArrayList<>();
        for (Block b : f.blocks()) {
            for (Instruction phi : b.phis()) {
                if (Types.isReference(phi.type())) {
                    phis.add(phi);
                }
            }
        }
        Map<Instruction, Type> state = new HashMap<>(); // absent: unknown yet
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Instruction phi : phis) {
                Type current = state.get(phi);
                if (current == CONFLICT) {
                    continue;
                }
                Type agreed = agreedType(phi, state, current);
                if (agreed != current) {
                    state.put(phi, agreed);
                    progress = true;
                }
            }
        }
        boolean changed = false;
        for (Instruction phi : phis) {
            Type t = state.get(phi);
            if (t != null && t != CONFLICT && !t.equals(phi.type())) {
                phi.refineType(t);
                changed = true;
            }
        }
        return changed;
    }

    /** An {@code aaload} from an array whose type became known only after the load was built: its component type. */
    private static Type rowType(Instruction insn) {
        if (insn.op() != Op.ARRAY_LOAD || !Types.isReference(insn.type())) {
            return null;
        }
        Type array = insn.operand(0).type();
        return array.getSort() == Type.ARRAY ? Types.componentOf(array) : null;
    }

    private static Type agreedType(Instruction phi, Map<Instruction, Type> state, Type current) {
        Type agreed = current;
        for (Value v : phi.operands()) {
            if (v == phi || v instanceof Undef || (v instanceof Constant c && c.value() == null)) {
                continue;
            }
            Type t = v.type();
            if (v instanceof Instruction other && other.isPhi() && Types.isReference(other.type())) {
                t = state.get(other);
                if (t == null) {
                    continue; // not typed yet: assumed to agree
                }
            }
            if (t == CONFLICT || agreed != null && !agreed.equals(t)) {
                return CONFLICT;
            }
            agreed = t;
        }
        return agreed;
    }
}
