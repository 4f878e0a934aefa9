package dev.fluxion.transformer.frontend;

import dev.fluxion.transformer.analysis.SideChannels;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * {@code Double} as one more value class: a final class with one final {@code double}, which
 * {@code Double.valueOf} makes and {@code doubleValue} reads. {@link ValueObjects} then replaces a
 * box made in the method by its number as it replaces a record, in locals ({@code Double best =
 * null}), in arrays ({@code Double[]}, through {@link ObjectArrays}) and in lists ({@code
 * List<Double>}, through {@link ListsMadeHere}), and a box that goes where Fluxion cannot follow it
 * (a list from outside, a call it does not inline) is boxed again there, from its number, where the
 * checks judge it as before. Immutable, a box is its number; only its identity is not, so {@code ==}
 * on boxes keeps them as objects.
 *
 * <p>The JDK's own class is not read (its constructor calls {@code Number}'s, its methods are
 * intrinsics): {@link #MODEL} says again, as bytecode, what its methods do.
 */
final class Boxes {
    static final String DOUBLE = ListsMadeHere.DOUBLE;
    private static final String VALUE = "value";
    private static final Type BOX = Type.getObjectType(DOUBLE);
    /** {@code java.lang.Double} as a value class: its field and the methods that read it. */
    private static final ClassNode MODEL = model();

    private Boxes() {
    }

    /** The model of {@code Double}'s class file, for {@code name}; {@code null} for any other class. */
    static ClassNode classNode(String name) {
        return DOUBLE.equals(name) ? MODEL : null;
    }

    /** Whether {@code t} is {@code Double}. */
    static boolean isBox(Type t) {
        return t.getSort() == Type.OBJECT && t.getInternalName().equals(DOUBLE);
    }

    /** Whether {@code f} has a box that is not only shown (printed, formatted, logged): one worth replacing. */
    static boolean anyFollowed(IrFunction f) {
        for (Block b : f.blocks()) {
            for (Instruction insn : b.instructions()) {
                if (insn.hasValue() && isBox(insn.type()) && !(insn.op() == Op.INVOKE && SideChannels.isBoxForDisplay(insn))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Makes each {@code Double.valueOf(d)} of {@code f} a {@code new Double(d)}, an object {@link ValueObjects} replaces. */
    static void construct(IrFunction f) {
        for (Block b : f.blocks()) {
            for (Instruction call : List.copyOf(b.body())) {
                if (ListsMadeHere.isBox(call)) {
                    Instruction made = new Instruction(Op.NEW_OBJECT, Opcodes.NEW, BOX, call.operand(0))
                            .withMember(new MemberRef(DOUBLE, "<init>", "(D)V")).withTypeOperand(BOX).withLine(call.line());
                    b.insertBefore(call, made);
                    call.replaceAllUsesWith(made);
                    call.clearOperands();
                    b.remove(call);
                }
            }
        }
    }

    /** {@code Double.valueOf(number)}, before {@code at}: a box made again where one is used as an object. */
    static Instruction box(Instruction at, dev.fluxion.transformer.ir.Value number) {
        Instruction box = new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, BOX, number)
                .withMember(new MemberRef(DOUBLE, "valueOf", "(D)Ljava/lang/Double;", false)).withLine(at.line());
        at.block().insertBefore(at, box);
        return box;
    }

    /** {@code doubleValue()}, the accessor through which a box from outside is read. */
    static MethodNode accessor() {
        return MODEL.methods.stream().filter(m -> m.name.equals("doubleValue")).findFirst().orElseThrow();
    }

    private static ClassNode model() {
        ClassNode c = new ClassNode();
        c.version = Opcodes.V17;
        c.access = Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL;
        c.name = DOUBLE;
        c.superName = "java/lang/Object";
        c.fields.add(new FieldNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, VALUE, "D", null, null));
        MethodNode init = method(c, "<init>", "(D)V");
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitVarInsn(Opcodes.DLOAD, 1);
        init.visitFieldInsn(Opcodes.PUTFIELD, DOUBLE, VALUE, "D");
        init.visitInsn(Opcodes.RETURN);
        conversion(c, "doubleValue", "()D", -1, Opcodes.DRETURN);
        conversion(c, "floatValue", "()F", Opcodes.D2F, Opcodes.FRETURN);
        conversion(c, "intValue", "()I", Opcodes.D2I, Opcodes.IRETURN);
        conversion(c, "longValue", "()J", Opcodes.D2L, Opcodes.LRETURN);
        for (String query : List.of("isNaN", "isInfinite")) {
            MethodNode m = method(c, query, "()Z");
            read(m, 0);
            m.visitMethodInsn(Opcodes.INVOKESTATIC, DOUBLE, query, "(D)Z", false);
            m.visitInsn(Opcodes.IRETURN);
        }
        MethodNode compareTo = method(c, "compareTo", "(Ljava/lang/Double;)I");
        read(compareTo, 0);
        read(compareTo, 1);
        compareTo.visitMethodInsn(Opcodes.INVOKESTATIC, DOUBLE, "compare", "(DD)I", false);
        compareTo.visitInsn(Opcodes.IRETURN);
        MethodNode bridge = method(c, "compareTo", "(Ljava/lang/Object;)I"); // Comparable's, as javac bridges it
        bridge.visitVarInsn(Opcodes.ALOAD, 0);
        bridge.visitVarInsn(Opcodes.ALOAD, 1);
        bridge.visitTypeInsn(Opcodes.CHECKCAST, DOUBLE);
        bridge.visitMethodInsn(Opcodes.INVOKEVIRTUAL, DOUBLE, "compareTo", "(Ljava/lang/Double;)I", false);
        bridge.visitInsn(Opcodes.IRETURN);
        return c;
    }

    private static MethodNode method(ClassNode c, String name, String descriptor) {
        MethodNode m = new MethodNode(Opcodes.ACC_PUBLIC, name, descriptor, null, null);
        m.maxLocals = 3; // this and a double, or two references
        m.maxStack = 4;
        c.methods.add(m);
        return m;
    }

    /** A method returning the number, converted by {@code convert} (none if negative). */
    private static void conversion(ClassNode c, String name, String descriptor, int convert, int ret) {
        MethodNode m = method(c, name, descriptor);
        read(m, 0);
        if (convert >= 0) {
            m.visitInsn(convert);
        }
        m.visitInsn(ret);
    }

    /** Pushes the number of the box in local {@code local}. */
    private static void read(MethodNode m, int local) {
        m.visitVarInsn(Opcodes.ALOAD, local);
        m.visitFieldInsn(Opcodes.GETFIELD, DOUBLE, VALUE, "D");
    }
}
