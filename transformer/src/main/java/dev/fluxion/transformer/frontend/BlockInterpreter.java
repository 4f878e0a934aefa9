package dev.fluxion.transformer.frontend;

import static org.objectweb.asm.Opcodes.*;

import dev.fluxion.transformer.diagnostics.Unsupported;
import dev.fluxion.transformer.frontend.BytecodeParser.Slot;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.SsaBuilder;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Abstract interpretation of one basic block: executes bytecode instructions on a stack of SSA
 * values, appending IR instructions to the block. Locals are read and written through the
 * {@link SsaBuilder}; so is the operand stack at the block's boundaries.
 */
final class BlockInterpreter {
    private final Block block;
    private final SsaBuilder ssa;
    private final int[] lineAt;
    private final List<Value> stack = new ArrayList<>();
    private int line;

    /** A {@code NEW} whose constructor has not run yet; replaced by the NEW_OBJECT instruction. */
    private static final class Uninitialized extends Value {
        Uninitialized(Type type) {
            super(type);
        }

        @Override
        public String name() {
            return "uninitialized " + type().getInternalName();
        }
    }

    BlockInterpreter(Block block, SsaBuilder ssa, Frame<BasicValue> entryFrame, int[] lineAt) {
        this.block = block;
        this.ssa = ssa;
        this.lineAt = lineAt;
        for (int k = 0; k < entryFrame.getStackSize(); k++) {
            stack.add(ssa.read(Slot.stack(k), BytecodeParser.typeOf(entryFrame.getStack(k)), block));
        }
    }

    private Value pop() {
        return ssa.resolve(stack.remove(stack.size() - 1));
    }

    private Value peek() {
        return ssa.resolve(stack.get(stack.size() - 1));
    }

    private void push(Value v) {
        stack.add(v);
    }

    private Instruction append(Instruction insn) {
        return block.append(insn.withLine(line));
    }

    private Value[] popArgs(int n) {
        Value[] args = new Value[n];
        for (int i = n - 1; i >= 0; i--) {
            args[i] = pop();
        }
        return args;
    }

    void execute(AbstractInsnNode insn, int index, Function<LabelNode, Block> blockOf) {
        line = lineAt[index];
        int op = insn.getOpcode();
        switch (op) {
            case NOP -> {
            }
            case ACONST_NULL -> push(new Constant(Types.OBJECT, null));
            case ICONST_M1, ICONST_0, ICONST_1, ICONST_2, ICONST_3, ICONST_4, ICONST_5 -> push(Constant.ofInt(op - ICONST_0));
            case LCONST_0, LCONST_1 -> push(new Constant(Type.LONG_TYPE, (long) (op - LCONST_0)));
            case FCONST_0, FCONST_1, FCONST_2 -> push(new Constant(Type.FLOAT_TYPE, (float) (op - FCONST_0)));
            case DCONST_0, DCONST_1 -> push(Constant.ofDouble(op - DCONST_0));
            case BIPUSH, SIPUSH -> push(Constant.ofInt(((IntInsnNode) insn).operand));
            case LDC -> {
                Constant c = BytecodeParser.constantOf(((LdcInsnNode) insn).cst);
                if (c == null) {
                    throw new Unsupported(line, "constant " + ((LdcInsnNode) insn).cst + " (a method handle or dynamic constant)",
                            "Move it out of the @Differentiable method.");
                }
                push(c);
            }
            case ILOAD, LLOAD, FLOAD, DLOAD, ALOAD -> push(ssa.read(Slot.local(((VarInsnNode) insn).var),
                    loadType(op), block));
            case ISTORE, LSTORE, FSTORE, DSTORE, ASTORE -> ssa.write(Slot.local(((VarInsnNode) insn).var), block, pop());
            case IINC -> {
                IincInsnNode inc = (IincInsnNode) insn;
                Value old = ssa.read(Slot.local(inc.var), Type.INT_TYPE, block);
                ssa.write(Slot.local(inc.var), block,
                        append(new Instruction(Op.ARITHMETIC, IADD, Type.INT_TYPE, old, Constant.ofInt(inc.incr))));
            }
            case IALOAD, LALOAD, FALOAD, DALOAD, AALOAD, BALOAD, CALOAD, SALOAD -> {
                Value idx = pop();
                Value arr = pop();
                Type elem = op == AALOAD
                        ? (arr.type().getSort() == Type.ARRAY ? Types.componentOf(arr.type()) : Types.OBJECT)
                        : Types.computational(arrayElementType(op));
                push(append(new Instruction(Op.ARRAY_LOAD, op, elem, arr, idx)));
            }
            case IASTORE, LASTORE, FASTORE, DASTORE, AASTORE, BASTORE, CASTORE, SASTORE -> {
                Value v = pop();
                Value idx = pop();
                Value arr = pop();
                append(new Instruction(Op.ARRAY_STORE, op, Type.VOID_TYPE, arr, idx, v));
            }
            case POP -> pop();
            case POP2 -> {
                if (!BytecodeParser.isCategory2(pop())) {
                    pop();
                }
            }
            case DUP -> push(peek());
            case DUP_X1 -> {
                Value v1 = pop();
                Value v2 = pop();
                pushAll(v1, v2, v1);
            }
            case DUP_X2 -> {
                Value v1 = pop();
                Value v2 = pop();
                if (BytecodeParser.isCategory2(v2)) {
                    pushAll(v1, v2, v1);
                } else {
                    Value v3 = pop();
                    pushAll(v1, v3, v2, v1);
                }
            }
            case DUP2 -> {
                Value v1 = pop();
                if (BytecodeParser.isCategory2(v1)) {
                    pushAll(v1, v1);
                } else {
                    Value v2 = pop();
                    pushAll(v2, v1, v2, v1);
                }
            }
            case DUP2_X1 -> {
                Value v1 = pop();
                if (BytecodeParser.isCategory2(v1)) {
                    Value v2 = pop();
                    pushAll(v1, v2, v1);
                } else {
                    Value v2 = pop();
                    Value v3 = pop();
                    pushAll(v2, v1, v3, v2, v1);
                }
            }
            case DUP2_X2 -> dup2x2();
            case SWAP -> {
                Value v1 = pop();
                Value v2 = pop();
                pushAll(v1, v2);
            }
            case INEG, LNEG, FNEG, DNEG -> {
                Value a = pop();
                push(append(new Instruction(Op.ARITHMETIC, op, a.type(), a)));
            }
            case IADD, LADD, FADD, DADD, ISUB, LSUB, FSUB, DSUB, IMUL, LMUL, FMUL, DMUL, IDIV, LDIV, FDIV, DDIV,
                    IREM, LREM, FREM, DREM, ISHL, LSHL, ISHR, LSHR, IUSHR, LUSHR, IAND, LAND, IOR, LOR, IXOR, LXOR -> {
                Value b = pop();
                Value a = pop();
                push(append(new Instruction(Op.ARITHMETIC, op, a.type(), a, b)));
            }
            case I2L, I2F, I2D, L2I, L2F, L2D, F2I, F2L, F2D, D2I, D2L, D2F, I2B, I2C, I2S ->
                push(append(new Instruction(Op.CONVERT, op, conversionResult(op), pop())));
            case LCMP, FCMPL, FCMPG, DCMPL, DCMPG -> {
                Value b = pop();
                Value a = pop();
                push(append(new Instruction(Op.COMPARE, op, Type.INT_TYPE, a, b)));
            }
            case IFEQ, IFNE, IFLT, IFGE, IFGT, IFLE, IFNULL, IFNONNULL -> branch(op, blockOf, insn, pop());
            case IF_ICMPEQ, IF_ICMPNE, IF_ICMPLT, IF_ICMPGE, IF_ICMPGT, IF_ICMPLE, IF_ACMPEQ, IF_ACMPNE -> {
                Value b = pop();
                Value a = pop();
                branch(op, blockOf, insn, a, b);
            }
            case GOTO -> {
                Instruction jump = new Instruction(Op.GOTO, GOTO, Type.VOID_TYPE).withLine(line);
                jump.targets().add(blockOf.apply(((JumpInsnNode) insn).label));
                terminate(jump);
            }
            case TABLESWITCH -> {
                TableSwitchInsnNode ts = (TableSwitchInsnNode) insn;
                int[] keys = new int[ts.labels.size()];
                for (int i = 0; i < keys.length; i++) {
                    keys[i] = ts.min + i;
                }
                switchOn(pop(), keys, ts.dflt, ts.labels, blockOf);
            }
            case LOOKUPSWITCH -> {
                LookupSwitchInsnNode ls = (LookupSwitchInsnNode) insn;
                switchOn(pop(), ls.keys.stream().mapToInt(Integer::intValue).toArray(), ls.dflt, ls.labels, blockOf);
            }
            case IRETURN, LRETURN, FRETURN, DRETURN, ARETURN -> terminate(
                    new Instruction(Op.RETURN, op, Type.VOID_TYPE, pop()).withLine(line));
            case RETURN -> terminate(new Instruction(Op.RETURN, op, Type.VOID_TYPE).withLine(line));
            case ATHROW -> terminate(new Instruction(Op.THROW, op, Type.VOID_TYPE, pop()).withLine(line));
            case GETSTATIC -> {
                FieldInsnNode f = (FieldInsnNode) insn;
                push(append(new Instruction(Op.FIELD_GET, op, Types.computational(Type.getType(f.desc)))
                        .withMember(new MemberRef(f.owner, f.name, f.desc))));
            }
            case GETFIELD -> {
                FieldInsnNode f = (FieldInsnNode) insn;
                push(append(new Instruction(Op.FIELD_GET, op, Types.computational(Type.getType(f.desc)), pop())
                        .withMember(new MemberRef(f.owner, f.name, f.desc))));
            }
            case PUTSTATIC -> {
                FieldInsnNode f = (FieldInsnNode) insn;
                append(new Instruction(Op.FIELD_PUT, op, Type.VOID_TYPE, pop()).withMember(new MemberRef(f.owner, f.name, f.desc)));
            }
            case PUTFIELD -> {
                FieldInsnNode f = (FieldInsnNode) insn;
                Value v = pop();
                Value obj = pop();
                append(new Instruction(Op.FIELD_PUT, op, Type.VOID_TYPE, obj, v).withMember(new MemberRef(f.owner, f.name, f.desc)));
            }
            case INVOKEVIRTUAL, INVOKESPECIAL, INVOKESTATIC, INVOKEINTERFACE -> invoke((MethodInsnNode) insn);
            case INVOKEDYNAMIC -> {
                InvokeDynamicInsnNode indy = (InvokeDynamicInsnNode) insn;
                Value[] args = popArgs(Type.getArgumentTypes(indy.desc).length);
                Instruction call = append(new Instruction(Op.INVOKE_DYNAMIC, op,
                        Types.computational(Type.getReturnType(indy.desc)), args).withBootstrap(indy));
                if (call.hasValue()) {
                    push(call);
                }
            }
            case NEW -> push(new Uninitialized(Type.getObjectType(((TypeInsnNode) insn).desc)));
            case NEWARRAY -> push(append(new Instruction(Op.NEW_ARRAY, op, primitiveArray(((IntInsnNode) insn).operand), pop())));
            case ANEWARRAY -> push(append(new Instruction(Op.NEW_ARRAY, op,
                    Type.getType("[" + Type.getObjectType(((TypeInsnNode) insn).desc).getDescriptor()), pop())));
            case MULTIANEWARRAY -> {
                MultiANewArrayInsnNode m = (MultiANewArrayInsnNode) insn;
                push(append(new Instruction(Op.NEW_ARRAY, op, Type.getType(m.desc), popArgs(m.dims))));
            }
            case ARRAYLENGTH -> push(append(new Instruction(Op.ARRAY_LENGTH, op, Type.INT_TYPE, pop())));
            case CHECKCAST -> {
                Type t = Type.getObjectType(((TypeInsnNode) insn).desc);
                push(append(new Instruction(Op.CHECKCAST, op, t, pop()).withTypeOperand(t)));
            }
            case INSTANCEOF -> push(append(new Instruction(Op.INSTANCEOF, op, Type.INT_TYPE, pop())
                    .withTypeOperand(Type.getObjectType(((TypeInsnNode) insn).desc))));
            case MONITORENTER, MONITOREXIT -> throw new Unsupported(line, "synchronized block",
                    "Remove the synchronized block; a @Differentiable method should be a pure function of its arguments.");
            default -> throw new Unsupported(line, "bytecode instruction " + op + " (jsr/ret)",
                    "Recompile the class for Java 7 or later.");
        }
    }

    private void pushAll(Value... values) {
        Collections.addAll(stack, values);
    }

    private void dup2x2() {
        Value v1 = pop();
        Value v2 = pop();
        boolean c1 = BytecodeParser.isCategory2(v1);
        boolean c2 = BytecodeParser.isCategory2(v2);
        if (c1 && c2) {
            pushAll(v1, v2, v1);
        } else if (c1) {
            Value v3 = pop();
            pushAll(v1, v3, v2, v1);
        } else {
            Value v3 = pop();
            if (BytecodeParser.isCategory2(v3)) {
                pushAll(v2, v1, v3, v2, v1);
            } else {
                Value v4 = pop();
                pushAll(v2, v1, v4, v3, v2, v1);
            }
        }
    }

    private void invoke(MethodInsnNode m) {
        Type[] argTypes = Type.getArgumentTypes(m.desc);
        Value[] args = popArgs(argTypes.length);
        Value receiver = m.getOpcode() == INVOKESTATIC ? null : pop();
        Type ret = Types.computational(Type.getReturnType(m.desc));
        MemberRef member = new MemberRef(m.owner, m.name, m.desc, m.itf);
        if (receiver instanceof Uninitialized u && m.name.equals("<init>")) {
            Instruction created = append(new Instruction(Op.NEW_OBJECT, NEW, u.type(), args).withMember(member)
                    .withTypeOperand(u.type()));
            stack.replaceAll(v -> v == u ? created : v);
            return;
        }
        Value[] operands = args;
        if (receiver != null) {
            operands = new Value[args.length + 1];
            operands[0] = receiver;
            System.arraycopy(args, 0, operands, 1, args.length);
        }
        Instruction call = append(new Instruction(Op.INVOKE, m.getOpcode(), ret, operands).withMember(member));
        if (call.hasValue()) {
            push(call);
        }
    }

    /** A conditional branch waits for {@link #fallThrough} to learn its not-taken target. */
    private Instruction pendingFallThrough;

    private void branch(int op, Function<LabelNode, Block> blockOf, AbstractInsnNode insn, Value... operands) {
        Instruction branch = new Instruction(Op.IF, op, Type.VOID_TYPE, operands).withLine(line);
        branch.targets().add(blockOf.apply(((JumpInsnNode) insn).label));
        branch.targets().add(null); // the fall-through, known to the parser
        pendingFallThrough = branch;
    }

    private void switchOn(Value key, int[] keys, LabelNode dflt, List<LabelNode> labels, Function<LabelNode, Block> blockOf) {
        Instruction sw = new Instruction(Op.SWITCH, TABLESWITCH, Type.VOID_TYPE, key).withKeys(keys).withLine(line);
        sw.targets().add(blockOf.apply(dflt));
        for (LabelNode l : labels) {
            sw.targets().add(blockOf.apply(l));
        }
        terminate(sw);
    }

    /** Ends the block by falling through to {@code next}, or completes a pending conditional branch. */
    void fallThrough(Block next) {
        if (pendingFallThrough != null) {
            pendingFallThrough.targets().set(1, next);
            Instruction branch = pendingFallThrough;
            pendingFallThrough = null;
            terminate(branch);
            return;
        }
        Instruction jump = new Instruction(Op.GOTO, GOTO, Type.VOID_TYPE).withLine(line);
        jump.targets().add(next);
        terminate(jump);
    }

    private void terminate(Instruction terminator) {
        for (int k = 0; k < stack.size(); k++) {
            ssa.write(Slot.stack(k), block, ssa.resolve(stack.get(k)));
        }
        block.terminate(terminator);
    }

    private static Type loadType(int op) {
        return switch (op) {
            case ILOAD -> Type.INT_TYPE;
            case LLOAD -> Type.LONG_TYPE;
            case FLOAD -> Type.FLOAT_TYPE;
            case DLOAD -> Type.DOUBLE_TYPE;
            default -> Types.OBJECT;
        };
    }

    private static Type arrayElementType(int op) {
        return switch (op) {
            case IALOAD -> Type.INT_TYPE;
            case LALOAD -> Type.LONG_TYPE;
            case FALOAD -> Type.FLOAT_TYPE;
            case DALOAD -> Type.DOUBLE_TYPE;
            case BALOAD -> Type.BYTE_TYPE;
            case CALOAD -> Type.CHAR_TYPE;
            default -> Type.SHORT_TYPE;
        };
    }

    private static Type conversionResult(int op) {
        return switch (op) {
            case I2L, F2L, D2L -> Type.LONG_TYPE;
            case I2F, L2F, D2F -> Type.FLOAT_TYPE;
            case I2D, L2D, F2D -> Type.DOUBLE_TYPE;
            default -> Type.INT_TYPE;
        };
    }

    private static Type primitiveArray(int operand) {
        return Type.getType(switch (operand) {
            case T_BOOLEAN -> "[Z";
            case T_CHAR -> "[C";
            case T_FLOAT -> "[F";
            case T_DOUBLE -> "[D";
            case T_BYTE -> "[B";
            case T_SHORT -> "[S";
            case T_INT -> "[I";
            default -> "[J";
        });
    }
}
