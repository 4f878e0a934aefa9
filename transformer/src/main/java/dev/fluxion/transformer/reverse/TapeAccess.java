package dev.fluxion.transformer.reverse;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.ir.IrBuilder;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Value;
import org.objectweb.asm.Type;

/** Emits calls to {@code dev.fluxion.internal.Tape}: one primitive stack per kind of value. */
final class TapeAccess {
    private final IrBuilder ir;
    private final Value tape;

    TapeAccess(IrBuilder ir, Value tape) {
        this.ir = ir;
        this.tape = tape;
    }

    void push(Value v) {
        Type t = v.type();
        String suffix = suffix(t);
        String desc = Types.isReference(t) ? "(Ljava/lang/Object;)V" : "(" + t.getDescriptor() + ")V";
        ir.invokeVirtual(Naming.TAPE_INTERNAL_NAME, "push" + suffix, desc, tape, v);
    }

    /** Pops a value of {@code type}; references come back cast to it. */
    Value pop(Type type) {
        String suffix = suffix(type);
        if (Types.isReference(type)) {
            Value raw = ir.invokeVirtual(Naming.TAPE_INTERNAL_NAME, "popRef", "()Ljava/lang/Object;", tape);
            return ir.checkcast(raw, type);
        }
        return ir.invokeVirtual(Naming.TAPE_INTERNAL_NAME, "pop" + suffix, "()" + type.getDescriptor(), tape);
    }

    /** Marks the stacks' heights as their peak ({@code Tape.peakBytes}): where the forward sweep ends. */
    void markPeak() {
        ir.invokeVirtual(Naming.TAPE_INTERNAL_NAME, "markPeak", "()V", tape);
    }

    Value tape() {
        return tape;
    }

    private static String suffix(Type t) {
        return switch (t.getSort()) {
            case Type.DOUBLE -> "Double";
            case Type.FLOAT -> "Float";
            case Type.LONG -> "Long";
            case Type.OBJECT, Type.ARRAY -> "Ref";
            default -> "Int";
        };
    }
}
