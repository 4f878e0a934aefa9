package dev.fluxion.transformer.ir;

import dev.fluxion.internal.Naming;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;

/**
 * An operation in a block, and the value it defines (of type {@code void} if none). Operands are
 * other values; terminators also have target blocks. Payloads that only some kinds use (member,
 * type operand, switch keys, bootstrap) are plain fields, {@code null} where unused.
 */
public final class Instruction extends Value {
    private final Op op;
    private final int opcode;
    private final List<Value> operands = new ArrayList<>();
    private final List<Block> targets = new ArrayList<>();
    private Block block;
    private int line = -1;
    private MemberRef member;
    private Type typeOperand;
    private int[] keys;
    private InvokeDynamicInsnNode bootstrap;
    private Instruction guarded;

    public Instruction(Op op, int opcode, Type type, Value... operands) {
        super(type);
        this.op = op;
        this.opcode = opcode;
        for (Value v : operands) {
            addOperand(v);
        }
    }

    public Op op() {
        return op;
    }

    public int opcode() {
        return opcode;
    }

    public List<Value> operands() {
        return Collections.unmodifiableList(operands);
    }

    public Value operand(int i) {
        return operands.get(i);
    }

    public void addOperand(Value v) {
        operands.add(v);
        v.addUser(this);
    }

    /** Drops operand {@code i}, e.g. a phi's operand for a predecessor that is gone. */
    public void removeOperand(int i) {
        operands.remove(i).removeUser(this);
    }

    public void setOperand(int i, Value v) {
        operands.get(i).removeUser(this);
        operands.set(i, v);
        v.addUser(this);
    }

    void replaceOperand(Value old, Value replacement) {
        for (int i = 0; i < operands.size(); i++) {
            if (operands.get(i) == old) {
                setOperand(i, replacement);
            }
        }
    }

    /** Drops all operands, e.g. before the instruction is deleted. */
    public void clearOperands() {
        for (Value v : operands) {
            v.removeUser(this);
        }
        operands.clear();
    }

    public List<Block> targets() {
        return targets;
    }

    public Block block() {
        return block;
    }

    void setBlock(Block block) {
        this.block = block;
    }

    /** Source line of the bytecode this came from, or -1. */
    public int line() {
        return line;
    }

    public Instruction withLine(int line) {
        this.line = line;
        return this;
    }

    public MemberRef member() {
        return member;
    }

    /**
     * A call's descriptor as its operands are: the called method's, with the receiver as first
     * parameter unless the call is static (the method's static form, as its derivatives take it).
     */
    public String callDescriptor() {
        return opcode == Opcodes.INVOKESTATIC ? member.descriptor() : Naming.staticForm(member.owner(), member.descriptor());
    }

    public Instruction withMember(MemberRef member) {
        this.member = member;
        return this;
    }

    public Type typeOperand() {
        return typeOperand;
    }

    public Instruction withTypeOperand(Type typeOperand) {
        this.typeOperand = typeOperand;
        return this;
    }

    public int[] keys() {
        return keys;
    }

    public Instruction withKeys(int[] keys) {
        this.keys = keys;
        return this;
    }

    public InvokeDynamicInsnNode bootstrap() {
        return bootstrap;
    }

    public Instruction withBootstrap(InvokeDynamicInsnNode bootstrap) {
        this.bootstrap = bootstrap;
        return this;
    }

    /**
     * For a {@code TRY} made by the frontend: the call it was made for, until inlining hands the
     * guard on to the callee's code ({@code ExceptionEdges}); {@code null} otherwise. Not copied.
     */
    public Instruction guarded() {
        return guarded;
    }

    public Instruction withGuarded(Instruction guarded) {
        this.guarded = guarded;
        return this;
    }

    /** A copy with the same operation and payloads, without operands or targets. */
    public Instruction copyWithoutOperands() {
        return new Instruction(op, opcode, type()).withMember(member).withTypeOperand(typeOperand).withKeys(keys)
                .withBootstrap(bootstrap).withLine(line);
    }

    public boolean isPhi() {
        return op == Op.PHI;
    }

    public boolean hasValue() {
        return type().getSort() != Type.VOID;
    }

    @Override
    public String name() {
        return "v" + id;
    }
}
