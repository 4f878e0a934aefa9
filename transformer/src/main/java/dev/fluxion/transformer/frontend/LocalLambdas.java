package dev.fluxion.transformer.frontend;

import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Calls through a lambda made in the same function, devirtualised: {@code f.applyAsDouble(v)},
 * where {@code f} is the {@code v -> k * Math.sin(v)} or {@code Math::tanh} that this function
 * created (itself, or a helper inlined into it that was given the lambda), becomes a direct call of
 * the lambda's implementation with its captured values first ({@code lambda$f$0(k, v)}, or
 * {@code Math.tanh(v)}), which {@link ReadableCallees} then inlines. So a lambda is differentiated
 * like the code it stands for, and a value it captures ({@code double k = p[0]}) gets its
 * derivative through the capture, as in JAX, where a closure is just more of the traced function.
 * A lambda no call uses any more is removed (it was only an allocation).
 *
 * <p>Only where the types agree exactly, so no boxing hides between the interface and the body:
 * {@code java.util.function}'s primitive interfaces and the user's own interfaces over
 * {@code double}, {@code int} and arrays. A lambda that escapes (stored, returned, passed to code
 * that is not inlined) or is chosen by a branch stays, and the checks report it.
 */
final class LocalLambdas {
    private static final String METAFACTORY = "java/lang/invoke/LambdaMetafactory";

    private LocalLambdas() {
    }

    /** The lambda {@code v} is, made by {@code LambdaMetafactory} in this function, or {@code null}. */
    static Instruction lambda(Value v) {
        for (int depth = 0; depth < 4 && v instanceof Instruction i && i.op() == Op.CHECKCAST; depth++) {
            v = i.operand(0);
        }
        return v instanceof Instruction i && i.op() == Op.INVOKE_DYNAMIC && i.bootstrap() != null
                && i.bootstrap().bsm.getOwner().equals(METAFACTORY) && i.bootstrap().bsmArgs.length >= 3
                && i.bootstrap().bsmArgs[1] instanceof Handle ? i : null;
    }

    /**
     * If {@code call} invokes the functional method of a lambda made here: replaces it in {@code b}
     * by a direct call of the implementation and returns that call; else {@code null}.
     */
    static Instruction devirtualize(Block b, Instruction call) {
        if (call.op() != Op.INVOKE || call.opcode() == Opcodes.INVOKESTATIC || call.opcode() == Opcodes.INVOKESPECIAL) {
            return null;
        }
        Instruction lambda = lambda(call.operand(0));
        if (lambda == null || !lambda.bootstrap().name.equals(call.member().name())) {
            return null;
        }
        Object[] args = lambda.bootstrap().bsmArgs;
        Type sam = (Type) args[0];
        Handle impl = (Handle) args[1];
        Type instantiated = (Type) args[2];
        if (!sam.getDescriptor().equals(call.member().descriptor()) || !sam.equals(instantiated)) {
            return null; // a generic interface: boxing between the call and the body
        }
        int opcode = switch (impl.getTag()) {
            case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
            case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
            case Opcodes.H_INVOKESPECIAL -> Opcodes.INVOKESPECIAL;
            default -> -1; // constructors and interface methods: left to the checks
        };
        if (opcode == -1) {
            return null;
        }
        List<Value> operands = new ArrayList<>(lambda.operands()); // captured values (a receiver first)
        operands.addAll(call.operands().subList(1, call.operands().size()));
        List<Type> expected = new ArrayList<>();
        if (opcode != Opcodes.INVOKESTATIC) {
            expected.add(Type.getObjectType(impl.getOwner()));
        }
        expected.addAll(List.of(Type.getArgumentTypes(impl.getDesc())));
        if (expected.size() != operands.size() || !Type.getReturnType(impl.getDesc()).equals(Type.getReturnType(sam.getDescriptor()))) {
            return null;
        }
        for (int k = 0; k < operands.size(); k++) {
            Type have = operands.get(k).type();
            Type want = expected.get(k);
            boolean fits = have.equals(want) || have.getSort() == Type.INT && want.getSort() == Type.INT
                    || want.getSort() == Type.OBJECT && (have.getSort() == Type.OBJECT || have.getSort() == Type.ARRAY);
            if (!fits) {
                return null;
            }
        }
        Instruction direct = new Instruction(Op.INVOKE, opcode, call.type(), operands.toArray(Value[]::new))
                .withMember(new MemberRef(impl.getOwner(), impl.getName(), impl.getDesc(), impl.isInterface()))
                .withLine(call.line());
        b.insertBefore(call, direct);
        if (call.hasValue()) {
            call.replaceAllUsesWith(direct);
        }
        Value receiver = call.operand(0);
        b.remove(call);
        // the lambda, and casts of it, that nothing uses any more: only an allocation now
        while (receiver instanceof Instruction r && r.users().isEmpty() && (r == lambda || r.op() == Op.CHECKCAST)) {
            Value next = r.op() == Op.CHECKCAST ? r.operand(0) : null;
            r.block().remove(r);
            receiver = next;
        }
        return direct;
    }
}
