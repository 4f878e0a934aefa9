package dev.fluxion.transformer.ir;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.objectweb.asm.Opcodes;

/**
 * The readable text form of the IR, written by {@code -Dfluxion.dump=DIR}:
 * <pre>
 * b1 <- b0 b2
 *   v3:D = phi [b0: 1.0, b2: v7]
 *   v5:D = daload p0, v4                 ; line 12
 *   if_icmpge v4, v2 -> b3 else b2
 * </pre>
 */
public final class IrPrinter {
    private static final String[] OPCODE_NAMES = opcodeNames();

    private IrPrinter() {
    }

    public static String print(IrFunction f) {
        return print(f, v -> "");
    }

    /** Prints {@code f}, appending {@code note.apply(v)} to each instruction (e.g. its activity). */
    public static String print(IrFunction f, Function<Value, String> note) {
        f.renumber();
        StringBuilder out = new StringBuilder();
        out.append("function ").append(f.owner().replace('/', '.')).append('.').append(f.name()).append(f.descriptor());
        out.append('(');
        out.append(f.params().stream().map(p -> p.name() + ":" + Types.tag(p.type())).collect(Collectors.joining(", ")));
        out.append(")\n");
        for (Block b : f.blocks()) {
            out.append(b).append(" <-");
            for (Block p : b.predecessors()) {
                out.append(' ').append(p);
            }
            out.append('\n');
            for (Instruction insn : b.instructions()) {
                out.append("  ").append(print(insn)).append(note.apply(insn)).append('\n');
            }
        }
        return out.toString();
    }

    public static String print(Instruction insn) {
        StringBuilder s = new StringBuilder();
        if (insn.hasValue()) {
            s.append(insn.name()).append(':').append(Types.tag(insn.type())).append(" = ");
        }
        switch (insn.op()) {
            case PHI -> {
                s.append("phi [");
                for (int i = 0; i < insn.operands().size(); i++) {
                    Block pred = insn.block().predecessors().size() > i ? insn.block().predecessors().get(i) : null;
                    s.append(i > 0 ? ", " : "").append(pred).append(": ").append(insn.operand(i));
                }
                s.append(']');
            }
            case CATCH -> s.append("catch ").append(insn.typeOperand() == null ? "any" : insn.typeOperand().getClassName());
            case TRY -> s.append("try");
            case NEW_OBJECT -> s.append("new ").append(insn.member()).append(' ').append(operands(insn));
            case INVOKE_DYNAMIC -> s.append("invokedynamic ").append(insn.bootstrap().name)
                    .append(insn.bootstrap().desc).append(' ').append(operands(insn));
            default -> {
                s.append(opcodeName(insn.opcode()));
                if (insn.member() != null) {
                    s.append(' ').append(insn.member());
                }
                if (insn.typeOperand() != null) {
                    s.append(' ').append(insn.typeOperand().getDescriptor());
                }
                if (!insn.operands().isEmpty()) {
                    s.append(' ').append(operands(insn));
                }
            }
        }
        switch (insn.op()) {
            case GOTO -> s.append(" -> ").append(insn.targets().get(0));
            case TRY -> s.append(" -> ").append(insn.targets().get(0)).append(" catch ")
                    .append(insn.targets().subList(1, insn.targets().size()));
            case IF -> s.append(" -> ").append(insn.targets().get(0)).append(" else ").append(insn.targets().get(1));
            case SWITCH -> {
                s.append(" default ").append(insn.targets().get(0));
                for (int i = 0; i < insn.keys().length; i++) {
                    s.append(", ").append(insn.keys()[i]).append(": ").append(insn.targets().get(i + 1));
                }
            }
            default -> {
            }
        }
        if (insn.line() >= 0) {
            s.append(" ".repeat(Math.max(1, 44 - s.length()))).append("; line ").append(insn.line());
        }
        return s.toString();
    }

    private static String operands(Instruction insn) {
        return insn.operands().stream().map(Value::name).collect(Collectors.joining(", "));
    }

    public static String opcodeName(int opcode) {
        return opcode >= 0 && opcode < OPCODE_NAMES.length && OPCODE_NAMES[opcode] != null
                ? OPCODE_NAMES[opcode] : "op" + opcode;
    }

    private static String[] opcodeNames() {
        String[] names = new String[256];
        for (Field f : Opcodes.class.getFields()) {
            String n = f.getName();
            if (f.getType() != int.class || !Modifier.isStatic(f.getModifiers())
                    || Arrays.asList("ACC_", "T_", "H_", "F_", "V", "ASM", "SOURCE").stream().anyMatch(n::startsWith)) {
                continue;
            }
            try {
                int v = f.getInt(null);
                if (v >= 0 && v < 256) {
                    names[v] = n.toLowerCase();
                }
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        return names;
    }
}
