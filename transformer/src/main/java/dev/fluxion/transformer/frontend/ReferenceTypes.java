package dev.fluxion.transformer.frontend;

import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Undef;
import dev.fluxion.transformer.ir.Value;
import org.objectweb.asm.Type;

/**
 * Gives reference phis the type all their operands agree on. The stack shapes from ASM's
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
            }
        }
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
