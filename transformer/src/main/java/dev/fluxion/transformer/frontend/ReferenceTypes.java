package dev.fluxion.transformer.frontend;

import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Undef;
import dev.fluxion.transformer.ir.Value;
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
            changed = false;
            for (Block b : f.blocks()) {
                for (Instruction phi : b.phis()) {
                    if (!Types.isReference(phi.type())) {
                        continue;
                    }
                    Type agreed = agreedType(phi);
                    if (agreed != null && !agreed.equals(phi.type())) {
                        phi.refineType(agreed);
                        changed = true;
                    }
                }
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

    /** An {@code aaload} from an array whose type became known only after the load was built: its component type. */
    private static Type rowType(Instruction insn) {
        if (insn.op() != Op.ARRAY_LOAD || !Types.isReference(insn.type())) {
            return null;
        }
        Type array = insn.operand(0).type();
        return array.getSort() == Type.ARRAY ? Types.componentOf(array) : null;
    }

    private static Type agreedType(Instruction phi) {
        Type agreed = null;
        for (Value v : phi.operands()) {
            if (v == phi || v instanceof Undef || (v instanceof Constant c && c.value() == null)) {
                continue;
            }
            if (agreed == null) {
                agreed = v.type();
            } else if (!agreed.equals(v.type())) {
                return null;
            }
        }
        return agreed;
    }
}
