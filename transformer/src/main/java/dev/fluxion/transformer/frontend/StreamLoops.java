package dev.fluxion.transformer.frontend;

import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Value;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Primitive stream pipelines as the loops they stand for: the terminal of
 * {@code IntStream.range(a, b).mapToDouble(f)}, {@code Arrays.stream(x).map(f)},
 * {@code DoubleStream.of(x)} or {@code Arrays.stream(x)} ({@code sum()}, fused into one loop;
 * {@code reduce(identity, op)}; {@code max()}, {@code min()}, {@code average()} followed by
 * {@code getAsDouble()}, {@code orElseThrow()} or {@code orElse(other)}, over the values put in an
 * array) becomes a call of the runtime's {@code StreamLoops} helper for it, a plain loop that
 * {@link ReadableCallees} then inlines, and
 * whose calls of {@code f} {@link LocalLambdas} turns into calls of the lambda's body. The
 * pipeline's intermediate streams must be used by the pipeline alone.
 */
final class StreamLoops {
    static final String HELPERS = "dev/fluxion/internal/StreamLoops";
    private static final String INT_STREAM = "java/util/stream/IntStream";
    private static final String DOUBLE_STREAM = "java/util/stream/DoubleStream";
    private static final String OPTIONAL = "java/util/OptionalDouble";

    private StreamLoops() {
    }

    /** If {@code call} ends a pipeline this class knows: replaces it in {@code b} by the helper's loop, returned; else {@code null}. */
    static Instruction lower(Block b, Instruction call) {
        if (call.op() != Op.INVOKE) {
            return null;
        }
        if (isCall(call, DOUBLE_STREAM, "sum", "()D")) {
            Instruction helper = fusedSum(call);
            return helper == null ? null : replace(b, call, call, helper);
        }
        if (isCall(call, DOUBLE_STREAM, "reduce", "(DLjava/util/function/DoubleBinaryOperator;)D")) {
            Value values = values(b, call, call.operand(0));
            return values == null ? null : first(values, replace(b, call, call, helper("reduce",
                    "([DDLjava/util/function/DoubleBinaryOperator;)D", call, values, call.operand(1), call.operand(2))));
        }
        // max(), min(), average(), then getAsDouble(), orElseThrow() or orElse(other) on the OptionalDouble
        if (!isCall(call, OPTIONAL, "getAsDouble", "()D") && !isCall(call, OPTIONAL, "orElseThrow", "()D")
                && !isCall(call, OPTIONAL, "orElse", "(D)D")) {
            return null;
        }
        Instruction optional = onlyUse(call.operand(0), call);
        String terminal = optional == null || optional.member() == null ? null : optional.member().name();
        if (terminal == null || !List.of("max", "min", "average").contains(terminal)
                || !isCall(optional, DOUBLE_STREAM, terminal, "()Ljava/util/OptionalDouble;") || writesBetween(b, optional, call)) {
            return null;
        }
        Value values = values(b, optional, optional.operand(0));
        if (values == null) {
            return null;
        }
        Instruction helper = call.member().name().equals("orElse")
                ? helper(terminal + "OrElse", "([DD)D", call, values, call.operand(1))
                : helper(terminal, "([D)D", call, values);
        return first(values, replace(b, call, optional, helper));
    }

    /**
     * The first of the helpers put in the pipeline's place, which {@link ReadableCallees} inlines
     * first (it visits the rest of the block after an inlining): the one that fills the values, if
     * there is one, else the terminal's.
     */
    private static Instruction first(Value values, Instruction terminal) {
        return values instanceof Instruction v && v.op() == Op.INVOKE && v.member().owner().equals(HELPERS) ? v : terminal;
    }

    /**
     * Whether something that may write memory runs between the terminal operation, which reads the
     * values, and the call on its {@code OptionalDouble}, where the helper will read them (or the two
     * are in different blocks): then the pipeline stays as it is.
     */
    private static boolean writesBetween(Block b, Instruction terminal, Instruction call) {
        if (terminal.block() != b) {
            return true;
        }
        List<Instruction> body = b.body();
        for (int k = body.indexOf(terminal) + 1; k < body.indexOf(call); k++) {
            Op op = body.get(k).op();
            if (op == Op.ARRAY_STORE || op == Op.FIELD_PUT || op == Op.INVOKE || op == Op.INVOKE_DYNAMIC) {
                return true;
            }
        }
        return false;
    }

    /**
     * A pipeline's source, as the runtime helpers take it: their names' ending ({@code OfRange},
     * {@code OfMapped}, or none for an array streamed as it is), their parameters, and the arguments.
     */
    private record Source(String kind, String parameters, Value... args) {
    }

    /** The source of {@code stream}, used by {@code user} alone, if it is one this class knows; else {@code null}. */
    private static Source source(Value stream, Instruction user) {
        Instruction s = onlyUse(stream, user);
        if (s == null) {
            return null;
        }
        if (isCall(s, INT_STREAM, "mapToDouble", "(Ljava/util/function/IntToDoubleFunction;)Ljava/util/stream/DoubleStream;")) {
            Instruction range = onlyUse(s.operand(0), s);
            return range != null && isCall(range, INT_STREAM, "range", "(II)Ljava/util/stream/IntStream;")
                    ? new Source("OfRange", "(IILjava/util/function/IntToDoubleFunction;)", range.operand(0),
                            range.operand(1), s.operand(1))
                    : null;
        }
        if (isCall(s, DOUBLE_STREAM, "map", "(Ljava/util/function/DoubleUnaryOperator;)Ljava/util/stream/DoubleStream;")) {
            Instruction of = onlyUse(s.operand(0), s);
            return of != null && isArrayStream(of)
                    ? new Source("OfMapped", "([DLjava/util/function/DoubleUnaryOperator;)", of.operand(0), s.operand(1))
                    : null;
        }
        return isArrayStream(s) ? new Source("", "([D)", s.operand(0)) : null;
    }

    /** {@code sum()} of a pipeline, fused into one loop; {@code null} if the pipeline is not one this class knows. */
    private static Instruction fusedSum(Instruction call) {
        Source source = source(call.operand(0), call);
        return source == null ? null : helper("sum" + source.kind(), source.parameters() + "D", call, source.args());
    }

    /**
     * The values of the stream {@code stream}, used by {@code terminal} alone, as an array: the array
     * itself for {@code Arrays.stream(a)}, else a helper's call that fills a new one, inserted before
     * {@code terminal}; {@code null} if the pipeline is not one this class knows.
     */
    private static Value values(Block b, Instruction terminal, Value stream) {
        Source source = source(stream, terminal);
        if (source == null || source.kind().isEmpty()) {
            return source == null ? null : source.args()[0]; // the terminals read, never write
        }
        Instruction values = new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, Type.getType("[D"), source.args())
                .withMember(new MemberRef(HELPERS, "values" + source.kind(), source.parameters() + "[D", false))
                .withLine(terminal.line());
        b.insertBefore(terminal, values);
        return values;
    }

    /** Puts {@code helper} in {@code call}'s place; the pipeline from {@code first}'s stream on, now unused, goes. */
    private static Instruction replace(Block b, Instruction call, Instruction first, Instruction helper) {
        b.insertBefore(call, helper);
        call.replaceAllUsesWith(helper);
        Value stream = first.operand(0);
        b.remove(call);
        if (first != call) {
            b.remove(first);
        }
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
