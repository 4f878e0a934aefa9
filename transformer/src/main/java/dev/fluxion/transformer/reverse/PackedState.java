package dev.fluxion.transformer.reverse;

import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrBuilder;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Value;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The numbers a time loop carries from step to step, packed in one {@code double[]} that the
 * snapshots copy with the arrays: a {@code double} as it is, a {@code float} or an {@code int}
 * widened (exactly), a {@code long} as its two halves (each an {@code int}, exactly). Integers ride
 * along without derivative: the conversions back cut it.
 */
final class PackedState {
    private final List<Type> state;

    /** The state's numbers, by type, in order. */
    PackedState(List<Type> state) {
        this.state = state;
    }

    /** The length of the packed array. */
    int slots() {
        int n = 0;
        for (Type t : state) {
            n += slots(t);
        }
        return n;
    }

    private static int slots(Type t) {
        return t.getSort() == Type.LONG ? 2 : 1;
    }

    /** Stores {@code values} (one per state variable, in order) into {@code packed}. */
    void store(IrBuilder ir, Value packed, List<Value> values) {
        int slot = 0;
        for (int k = 0; k < state.size(); k++) {
            Value v = values.get(k);
            switch (state.get(k).getSort()) {
                case Type.DOUBLE -> ir.arrayStore(packed, Constant.ofInt(slot), v);
                case Type.FLOAT -> ir.arrayStore(packed, Constant.ofInt(slot), ir.convert(Opcodes.F2D, Type.DOUBLE_TYPE, v));
                case Type.LONG -> {
                    Value high = ir.append(new Instruction(Op.ARITHMETIC, Opcodes.LSHR, Type.LONG_TYPE, v, Constant.ofInt(32)));
                    ir.arrayStore(packed, Constant.ofInt(slot), widen(ir, ir.convert(Opcodes.L2I, Type.INT_TYPE, high)));
                    ir.arrayStore(packed, Constant.ofInt(slot + 1), widen(ir, ir.convert(Opcodes.L2I, Type.INT_TYPE, v)));
                }
                default -> ir.arrayStore(packed, Constant.ofInt(slot), widen(ir, v));
            }
            slot += slots(state.get(k));
        }
    }

    /** The state variables, loaded from {@code packed}, in order. */
    List<Value> load(IrBuilder ir, Value packed) {
        List<Value> out = new java.util.ArrayList<>();
        int slot = 0;
        for (Type t : state) {
            Value first = ir.arrayLoad(packed, Constant.ofInt(slot));
            out.add(switch (t.getSort()) {
                case Type.DOUBLE -> first;
                case Type.FLOAT -> ir.convert(Opcodes.D2F, Type.FLOAT_TYPE, first);
                case Type.LONG -> {
                    Value high = ir.convert(Opcodes.I2L, Type.LONG_TYPE, ir.convert(Opcodes.D2I, Type.INT_TYPE, first));
                    Value low = ir.convert(Opcodes.I2L, Type.LONG_TYPE, ir.convert(Opcodes.D2I, Type.INT_TYPE,
                            ir.arrayLoad(packed, Constant.ofInt(slot + 1))));
                    Value shifted = ir.append(new Instruction(Op.ARITHMETIC, Opcodes.LSHL, Type.LONG_TYPE, high,
                            Constant.ofInt(32)));
                    Value masked = ir.append(new Instruction(Op.ARITHMETIC, Opcodes.LAND, Type.LONG_TYPE, low,
                            new Constant(Type.LONG_TYPE, 0xFFFFFFFFL)));
                    yield ir.append(new Instruction(Op.ARITHMETIC, Opcodes.LOR, Type.LONG_TYPE, shifted, masked));
                }
                default -> ir.convert(Opcodes.D2I, Type.INT_TYPE, first);
            });
            slot += slots(t);
        }
        return out;
    }

    private static Value widen(IrBuilder ir, Value intValue) {
        return ir.convert(Opcodes.I2D, Type.DOUBLE_TYPE, intValue);
    }
}
