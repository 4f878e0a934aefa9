package dev.fluxion.transformer.frontend;

import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Types;
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
        if (!sam.getDescriptor().equals(call.member().descriptor()) || !narrowsObjectsOnly(sam, instantiated)) {
            return null; // a generic interface that boxes between the call and the body
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
        List<Instruction> casts = new ArrayList<>(); // inserted once the call is known to be replaced
        Type[] erased = sam.getArgumentTypes();
        Type[] actual = instantiated.getArgumentTypes();
        for (int k = 0; k < erased.length; k++) {
            Value argument = call.operand(k + 1);
            if (!erased[k].equals(actual[k])) { // ToDoubleFunction<Point>: the Object it is given is a Point
                Instruction cast = new Instruction(Op.CHECKCAST, Opcodes.CHECKCAST, actual[k], argument)
                        .withTypeOperand(actual[k]).withLine(call.line());
                casts.add(cast);
                argument = cast;
            }
            operands.add(argument);
        }
        List<Type> expected = new ArrayList<>();
        if (opcode != Opcodes.INVOKESTATIC) {
            expected.add(Type.getObjectType(impl.getOwner()));
        }
        expected.addAll(List.of(Type.getArgumentTypes(impl.getDesc())));
        Type returned = Type.getReturnType(impl.getDesc());
        // a body over double given Doubles (Kotlin's { v: Double -> v * v } as a Function1): unboxed and boxed
        // as the lambda's class would, the boxes then followed as any box made here
        boolean boxesResult = returned.getSort() == Type.DOUBLE && isDoubleBox(Type.getReturnType(instantiated.getDescriptor()));
        int widening = boxesResult ? 0 : widening(returned, Type.getReturnType(sam.getDescriptor())); // mapToDouble(Item::count): an int to a double
        if (expected.size() != operands.size() || widening < 0) {
            casts.forEach(Instruction::clearOperands); // never inserted: they must not stay users of the arguments
            return null;
        }
        for (int k = 0; k < actual.length; k++) {
            int j = operands.size() - actual.length + k;
            if (expected.get(j).getSort() == Type.DOUBLE && isDoubleBox(actual[k])) {
                Instruction unbox = new Instruction(Op.INVOKE, Opcodes.INVOKEVIRTUAL, Type.DOUBLE_TYPE, operands.get(j))
                        .withMember(new MemberRef(DOUBLE, "doubleValue", "()D", false)).withLine(call.line());
                casts.add(unbox);
                operands.set(j, unbox);
            }
        }
        for (int k = 0; k < operands.size(); k++) {
            Type have = operands.get(k).type();
            Type want = expected.get(k);
            boolean fits = have.equals(want) || have.getSort() == Type.INT && want.getSort() == Type.INT
                    || want.getSort() == Type.OBJECT && (have.getSort() == Type.OBJECT || have.getSort() == Type.ARRAY);
            if (!fits) {
                casts.forEach(Instruction::clearOperands);
                return null;
            }
        }
        for (Instruction cast : casts) {
            b.insertBefore(call, cast);
        }
        Type type = narrowsResult(call.type(), returned) ? returned : call.type(); // an object: of its class, as the body returns it
        Instruction direct = new Instruction(Op.INVOKE, opcode, boxesResult || widening != 0 ? Types.computational(returned) : type,
                operands.toArray(Value[]::new))
                .withMember(new MemberRef(impl.getOwner(), impl.getName(), impl.getDesc(), impl.isInterface()))
                .withLine(call.line());
        b.insertBefore(call, direct);
        Instruction result = direct;
        if (boxesResult) {
            result = new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, Type.getObjectType(DOUBLE), direct)
                    .withMember(new MemberRef(DOUBLE, "valueOf", "(D)Ljava/lang/Double;", false)).withLine(call.line());
            b.insertBefore(call, result);
        } else if (widening != 0) {
            result = new Instruction(Op.CONVERT, widening, Type.DOUBLE_TYPE, direct).withLine(call.line());
            b.insertBefore(call, result);
        }
        if (call.hasValue()) {
            call.replaceAllUsesWith(result);
        }
        if (boxesResult) {
            unboxedAgain(result, direct);
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

    /**
     * Whether the lambda's instantiated method type differs from the interface's erased one only in
     * object parameters that a generic interface narrows ({@code ToDoubleFunction<Point>}): then a
     * cast is all that lies between the call and the body. Boxes are such objects too
     * ({@code Function<Double, Double>}): a {@code Double} made in the method is then followed into
     * the body as any box is (the frontend's {@code Boxes}).
     */
    private static boolean narrowsObjectsOnly(Type sam, Type instantiated) {
        Type[] erased = sam.getArgumentTypes();
        Type[] actual = instantiated.getArgumentTypes();
        if (erased.length != actual.length || !sam.getReturnType().equals(instantiated.getReturnType())
                && !narrowsResult(sam.getReturnType(), instantiated.getReturnType())) {
            return false;
        }
        for (int k = 0; k < erased.length; k++) {
            if (!erased[k].equals(actual[k]) && (!erased[k].equals(Type.getType(Object.class))
                    || actual[k].getSort() != Type.OBJECT && actual[k].getSort() != Type.ARRAY)) {
                return false;
            }
        }
        return true;
    }

    /** A result an interface returns as an {@code Object} that the body returns as an object of its class ({@code Function<Point, Point>}, a {@code Double}). */
    private static boolean narrowsResult(Type erased, Type actual) {
        return erased.equals(Type.getType(Object.class)) && actual.getSort() == Type.OBJECT;
    }

    private static final String DOUBLE = "java/lang/Double";

    /**
     * Where the box the body's number was put in is only cast and unboxed again (Kotlin's
     * {@code (square(x) as Number).doubleValue()}): those reads are the number itself.
     */
    private static void unboxedAgain(Instruction box, Instruction number) {
        for (Instruction cast : List.copyOf(box.users())) {
            boolean toBox = cast.op() == Op.CHECKCAST && List.of(DOUBLE, "java/lang/Number", "java/lang/Object")
                    .contains(cast.type().getInternalName());
            if (!toBox || cast.users().isEmpty() || !cast.users().stream().allMatch(LocalLambdas::isDoubleValue)) {
                continue;
            }
            for (Instruction read : List.copyOf(cast.users())) {
                read.replaceAllUsesWith(number);
                read.clearOperands();
                read.block().remove(read);
            }
            cast.clearOperands();
            cast.block().remove(cast);
        }
        if (box.users().isEmpty()) {
            box.clearOperands();
            box.block().remove(box);
        }
    }

    private static boolean isDoubleValue(Instruction i) {
        return i.op() == Op.INVOKE && i.member() != null && i.member().name().equals("doubleValue")
                && i.member().descriptor().equals("()D")
                && List.of(DOUBLE, "java/lang/Number").contains(i.member().owner());
    }

    private static boolean isDoubleBox(Type t) {
        return t.getSort() == Type.OBJECT && t.getInternalName().equals(DOUBLE);
    }

    /**
     * How the body's result becomes the interface's: 0 if it is the same type, the opcode that widens
     * an {@code int}, {@code long} or {@code float} to a {@code double} (as the lambda's generated
     * class would), or -1 if it cannot.
     */
    private static int widening(Type from, Type to) {
        if (from.equals(to) || narrowsResult(to, from)) {
            return 0;
        }
        if (to.getSort() != Type.DOUBLE) {
            return -1;
        }
        return switch (from.getSort()) {
            case Type.INT, Type.SHORT, Type.BYTE, Type.CHAR -> Opcodes.I2D;
            case Type.LONG -> Opcodes.L2D;
            case Type.FLOAT -> Opcodes.F2D;
            default -> -1;
        };
    }
}
