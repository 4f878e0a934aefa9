package dev.fluxion.transformer.frontend;

import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Dynamic dispatch over objects whose classes are known: an interface or virtual call whose
 * receiver is an element of an array made here, holding objects of a few classes made here
 * ({@code Shape[] shapes = {new Square(), new Circle()}; shapes[i].area(x[i])}), becomes a test of
 * the receiver's class and, per class, a call of that class's method, which {@link ReadableCallees}
 * then inlines: the polymorphic inline cache of a JIT, made exact because every object the call can
 * see is known. Past the last test only a slot never assigned remains ({@code null}), for which
 * {@code Dispatch.none} throws as the call would.
 */
final class TypeSwitch {
    /** {@code Dispatch.isClass(Object, Class)}: whether an object is of exactly a class. */
    static final MemberRef IS_CLASS = new MemberRef("dev/fluxion/internal/Dispatch", "isClass",
            "(Ljava/lang/Object;Ljava/lang/Class;)Z");
    /** {@code Dispatch.is(int, int)}: the same test once the classes are numbers ({@link ObjectArrays}). */
    static final MemberRef IS = new MemberRef("dev/fluxion/internal/Dispatch", "is", "(II)Z");

    /** {@code Dispatch.none(Object)}: throws, for an element of none of the classes (never assigned). */
    static final MemberRef NONE = new MemberRef("dev/fluxion/internal/Dispatch", "none", "(Ljava/lang/Object;)V");

    /** Classes at most per call: a switch per call site, each branch inlined. */
    private static final int MAX_CLASSES = 6;

    private TypeSwitch() {
    }

    /**
     * Splits {@code call} by its receiver's class, if the receiver is an element of an array made
     * here holding objects of two to {@link #MAX_CLASSES} classes, each of which runs code that
     * {@code readable} accepts; returns the receivers of the branches' calls (casts of the element,
     * each after its class was tested), each with its class, or {@code null} if the call stays.
     */
    static Map<Instruction, String> split(IrFunction f, Block b, Instruction call, BiPredicate<Instruction, String> readable) {
        if (call.op() != Op.INVOKE || call.opcode() != Opcodes.INVOKEINTERFACE && call.opcode() != Opcodes.INVOKEVIRTUAL
                || !(call.operand(0) instanceof Instruction element) || element.op() != Op.ARRAY_LOAD) {
            return null;
        }
        List<String> classes = ObjectArrays.classesHeld(element.operand(0));
        if (classes == null || classes.size() < 2 || classes.size() > MAX_CLASSES
                || !classes.stream().allMatch(c -> readable.test(call, c))) {
            return null;
        }
        Block rest = f.splitAfter(b, call);
        Value receiver = element;
        List<String> order = new ArrayList<>(classes);
        Map<Instruction, String> calls = new java.util.HashMap<>();
        Map<Instruction, String> receivers = new java.util.HashMap<>();
        List<Value> results = new ArrayList<>();
        Block test = b;
        for (int k = 0; k < order.size(); k++) {
            String c = order.get(k);
            Block branch = f.newBlockAfter(test);
            Instruction cast = new Instruction(Op.CHECKCAST, Opcodes.CHECKCAST, Type.getObjectType(c), receiver)
                    .withTypeOperand(Type.getObjectType(c)).withLine(call.line());
            branch.append(cast);
            List<Value> operands = new ArrayList<>(call.operands());
            operands.set(0, cast);
            Instruction direct = new Instruction(Op.INVOKE, Opcodes.INVOKEVIRTUAL, call.type(), operands.toArray(Value[]::new))
                    .withMember(new MemberRef(c, call.member().name(), call.member().descriptor()))
                    .withLine(call.line());
            branch.append(direct);
            calls.put(direct, c);
            receivers.put(cast, c);
            if (direct.hasValue()) {
                results.add(direct);
            }
            Instruction join = new Instruction(Op.GOTO, Opcodes.GOTO, Type.VOID_TYPE).withLine(call.line());
            join.targets().add(rest);
            Block next = f.newBlockAfter(branch);
            Instruction isC = new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, Type.INT_TYPE, receiver,
                    new Constant(Type.getType(Class.class), Type.getObjectType(c)))
                    .withMember(IS_CLASS).withLine(call.line());
            test.append(isC);
            Instruction is = new Instruction(Op.IF, Opcodes.IFEQ, Type.VOID_TYPE, isC).withLine(call.line());
            is.targets().add(next);
            is.targets().add(branch);
            test.terminate(is);
            branch.terminate(join);
            test = next;
        }
        // none of the classes: only a slot never assigned, where the call would throw
        test.append(new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, Type.VOID_TYPE, receiver).withMember(NONE)
                .withLine(call.line()));
        Instruction after = new Instruction(Op.GOTO, Opcodes.GOTO, Type.VOID_TYPE).withLine(call.line());
        after.targets().add(rest);
        test.terminate(after);
        if (call.hasValue()) {
            Instruction phi = rest.addPhi(new Instruction(Op.PHI, -1, call.type()));
            for (Block pred : rest.predecessors()) {
                Instruction last = lastCall(pred);
                // the block that throws passes a zero it never delivers
                phi.addOperand(calls.containsKey(last) ? results.get(order.indexOf(calls.get(last)))
                        : Constant.zero(call.type()));
            }
            call.replaceAllUsesWith(phi);
        }
        b.remove(call);
        return receivers;
    }

    private static Instruction lastCall(Block b) {
        List<Instruction> body = b.body();
        return body.get(body.size() - 1);
    }
}
