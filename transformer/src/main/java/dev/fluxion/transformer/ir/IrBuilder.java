package dev.fluxion.transformer.ir;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Appends instructions to a current block, folding the trivial cases a derivative generator
 * produces constantly (adding zero, multiplying by one) so generated code stays small and readable.
 */
public final class IrBuilder {
    private Block block;
    private int line = -1;

    public void setBlock(Block block) {
        this.block = block;
    }

    public Block block() {
        return block;
    }

    /** Source line given to instructions appended from now on. */
    public void setLine(int line) {
        this.line = line;
    }

    public Instruction append(Instruction insn) {
        return block.append(insn.withLine(line));
    }

    public static boolean isZero(Value v) {
        return v instanceof Undef || (v instanceof Constant c && c.isZero());
    }

    private static boolean isOne(Value v) {
        return v instanceof Constant c && c.value() instanceof Number n && n.doubleValue() == 1.0;
    }

    public Value add(Value a, Value b) {
        if (isZero(a)) {
            return b;
        }
        if (isZero(b)) {
            return a;
        }
        return arithmetic(Opcodes.IADD, a, b);
    }

    public Value sub(Value a, Value b) {
        if (isZero(b)) {
            return a;
        }
        return arithmetic(Opcodes.ISUB, a, b);
    }

    public Value mul(Value a, Value b) {
        if (isOne(a)) {
            return b;
        }
        if (isOne(b)) {
            return a;
        }
        return arithmetic(Opcodes.IMUL, a, b);
    }

    public Value div(Value a, Value b) {
        return arithmetic(Opcodes.IDIV, a, b);
    }

    public Value neg(Value a) {
        return append(new Instruction(Op.ARITHMETIC, a.type().getOpcode(Opcodes.INEG), a.type(), a));
    }

    /** {@code opcode} is the int form ({@code IADD}); the operand type selects the typed one. */
    private Value arithmetic(int intOpcode, Value a, Value b) {
        return append(new Instruction(Op.ARITHMETIC, a.type().getOpcode(intOpcode), a.type(), a, b));
    }

    public Value convert(int opcode, Type to, Value a) {
        return append(new Instruction(Op.CONVERT, opcode, to, a));
    }

    public Value arrayLoad(Value array, Value index) {
        Type element = Types.componentOf(array.type());
        return append(new Instruction(Op.ARRAY_LOAD, element.getOpcode(Opcodes.IALOAD), Types.computational(element),
                array, index));
    }

    public void arrayStore(Value array, Value index, Value value) {
        Type element = Types.componentOf(array.type());
        append(new Instruction(Op.ARRAY_STORE, element.getOpcode(Opcodes.IASTORE), Type.VOID_TYPE, array, index, value));
    }

    public Value arrayLength(Value array) {
        return append(new Instruction(Op.ARRAY_LENGTH, Opcodes.ARRAYLENGTH, Type.INT_TYPE, array));
    }

    /** {@code new T[length]} for a primitive array type. */
    public Value newPrimitiveArray(Type arrayType, Value length) {
        return append(new Instruction(Op.NEW_ARRAY, Opcodes.NEWARRAY, arrayType, length));
    }

    public Instruction invokeStatic(String owner, String name, String descriptor, Value... args) {
        return invokeStatic(new MemberRef(owner, name, descriptor), args);
    }

    public Instruction invokeStatic(MemberRef method, Value... args) {
        return append(new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC,
                Types.computational(Type.getReturnType(method.descriptor())), args).withMember(method));
    }

    public Instruction invokeVirtual(String owner, String name, String descriptor, Value receiver, Value... args) {
        Value[] operands = new Value[args.length + 1];
        operands[0] = receiver;
        System.arraycopy(args, 0, operands, 1, args.length);
        return append(new Instruction(Op.INVOKE, Opcodes.INVOKEVIRTUAL, Types.computational(Type.getReturnType(descriptor)),
                operands).withMember(new MemberRef(owner, name, descriptor)));
    }

    public Value checkcast(Value v, Type type) {
        return append(new Instruction(Op.CHECKCAST, Opcodes.CHECKCAST, type, v).withTypeOperand(type));
    }
}
