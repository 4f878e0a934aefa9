package dev.fluxion.transformer.frontend;

import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Value;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Primitive stream pipelines as the loops they stand for: the terminal {@code sum()} of
 * {@code IntStream.range(a, b).mapToDouble(f)}, {@code Arrays.stream(x).map(f)},
 * {@code DoubleStream.of(x)} or {@code Arrays.stream(x)} becomes a call of the runtime's
 * {@code StreamLoops} helper for it, a plain loop that {@link ReadableCallees} then inlines, and
 * whose calls of {@code f} {@link LocalLambdas} turns into calls of the lambda's body. The
 * pipeline's intermediate streams must be used by the pipeline alone.
 */
final class StreamLoops {
    static final String HELPERS = "dev/fluxion/internal/StreamLoops";
    private static final String INT_STREAM = "java/util/stream/IntStream";
    private static final String DOUBLE_STREAM = "java/util/stream/DoubleStream";

    private StreamLoops() {
    }

    /** If {@code call} ends a pipeline this class knows: replaces it in {@code b} by the helper's loop, returned; else {@code null}. */
    static Instruction lower(Block b, Instruction call) {
        if (call.op() != Op.INVOKE || !isCall(call, DOUBLE_STREAM, "sum", "()D")) {
            return null;
        }
        Instruction source = onlyUse(call.operand(0), call);
        if (source == null) {
            return null;
        }
        Instruction helper = null;
        if (isCall(source, INT_STREAM, "mapToDouble", "(Ljava/util/function/IntToDoubleFunction;)Ljava/util/stream/DoubleStream;")) {
            Instruction range = onlyUse(source.operand(0), source);
            if (range != null && isCall(range, INT_STREAM, "range", "(II)Ljava/util/stream/IntStream;")) {
                helper = helper("sumOfRange", "(IILjava/util/function/IntToDoubleFunction;)D", call, range.operand(0),
                        range.operand(1), source.operand(1));
            }
        } else if (isCall(source, DOUBLE_STREAM, "map", "(Ljava/util/function/DoubleUnaryOperator;)Ljava/util/stream/DoubleStream;")) {
            Instruction of = onlyUse(source.operand(0), source);
            if (of != null && isArrayStream(of)) {
                helper = helper("sumOfMapped", "([DLjava/util/function/DoubleUnaryOperator;)D", call, of.operand(0),
                        source.operand(1));
            }
        } else if (isArrayStream(source)) {
            helper = helper("sum", "([D)D", call, source.operand(0));
        }
        if (helper == null) {
            return null;
        }
        b.insertBefore(call, helper);
        call.replaceAllUsesWith(helper);
        Value stream = call.operand(0);
        b.remove(call);
        // the pipeline's streams, now unused: no more than allocations
        for (Value v = stream; v instanceof Instruction s && s.users().isEmpty() && s.op() == Op.INVOKE; ) {
            Value next = s.operands().isEmpty() ? null : s.operand(0);
            boolean isStream = s.type().getSort() == Type.OBJECT && s.type().getInternalName().startsWith("java/util/stream/");
            if (!isStream) {
                break;
            }
            s.block().remove(s);
            v = next;
        }
        return helper;
    }

    /** {@code Arrays.stream(double[])} or {@code DoubleStream.of(double...)}. */
    private static boolean isArrayStream(Instruction i) {
        return isCall(i, "java/util/Arrays", "stream", "([D)Ljava/util/stream/DoubleStream;")
                || isCall(i, DOUBLE_STREAM, "of", "([D)Ljava/util/stream/DoubleStream;");
    }

    private static boolean isCall(Instruction i, String owner, String name, String descriptor) {
        MemberRef m = i.member();
        return i.op() == Op.INVOKE && m != null && m.owner().equals(owner) && m.name().equals(name)
                && m.descriptor().equals(descriptor);
    }

    /** {@code v} as an instruction whose only user is {@code user}, else {@code null}. */
    private static Instruction onlyUse(Value v, Instruction user) {
        return v instanceof Instruction i && i.users().size() == 1 && i.users().get(0) == user ? i : null;
    }

    private static Instruction helper(String name, String descriptor, Instruction at, Value... args) {
        return new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, Type.DOUBLE_TYPE, args)
                .withMember(new MemberRef(HELPERS, name, descriptor, false)).withLine(at.line());
    }
}
