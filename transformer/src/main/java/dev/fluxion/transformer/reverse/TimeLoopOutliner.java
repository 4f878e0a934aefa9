package dev.fluxion.transformer.reverse;

import dev.fluxion.transformer.analysis.ActivityAnalysis;
import dev.fluxion.transformer.analysis.ForLoops.ForLoop;
import dev.fluxion.transformer.frontend.Inliner;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.BlockCopier;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrBuilder;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Undef;
import dev.fluxion.transformer.ir.Value;
import dev.fluxion.transformer.reverse.TimeLoops.TimeLoop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Moves a time loop out of the method into two of their own, as Tapenade's binomial checkpointing
 * needs the loop's body as a unit it can run forward and reverse:
 * <ul>
 *   <li>the step, {@code void step(double[] state, double[][] pool, live-ins.., int i)}: the body,
 *       run once for counter {@code i}, reading the loop's numbers from the packed state at its start
 *       and writing them back at its end, and writing the arrays it is given in place. Buffers the
 *       loop swaps are rows of the pool, which the method makes of the arrays they may be; the state
 *       holds each one's row index. It is not emitted: it is inlined into</li>
 *   <li>the loop, {@code void loop(double[] state, double[][] pool, live-ins.., int start, int limit)}:
 *       the step for {@code i} from {@code start} to {@code limit}, which the method now calls in
 *       place of the loop, unpacking the state after it. (No state or pool parameter if there is
 *       none.)</li>
 * </ul>
 * The loop's adjoint ({@link RevolveDriver}) runs the loop over the segments of steps the schedule
 * says to advance, and the adjoint of the loop method (its adjoint as any method's, named for the
 * step) over a segment to reverse; the method's adjoint reverses the call jointly, like any call
 * that writes its arguments, restoring the arrays before it.
 */
final class TimeLoopOutliner {
    /**
     * The loop and step methods, the loop's reference, which of its parameters it writes, and which
     * of the step's parameters are inputs of its adjoint.
     */
    record Outlined(IrFunction loop, MemberRef loopRef, Set<Integer> written, Set<Integer> stepInputs,
            int stateParams) {
    }

    private final IrFunction caller;
    private final TimeLoop t;
    private final ForLoop loop;
    /** The state's numbers, then the pool index of each swapped array. */
    private final PackedState packed;
    private final boolean hasState;
    private final boolean hasPool;
    private final Type poolType;
    private final String prefix;

    private TimeLoopOutliner(IrFunction caller, TimeLoop t) {
        this.caller = caller;
        this.t = t;
        this.loop = t.loop();
        List<Type> types = new ArrayList<>();
        t.state().forEach(phi -> types.add(phi.type()));
        t.swapped().forEach(phi -> types.add(Type.INT_TYPE));
        this.packed = new PackedState(types);
        this.hasState = !types.isEmpty();
        this.hasPool = !t.swapped().isEmpty();
        this.poolType = hasPool ? Type.getType("[" + t.swapped().get(0).type().getDescriptor()) : null;
        StringBuilder p = new StringBuilder(hasState ? "[D" : "");
        if (hasPool) {
            p.append(poolType.getDescriptor());
        }
        for (Value in : t.liveIns()) {
            p.append(in.type().getDescriptor());
        }
        this.prefix = p.toString();
    }

    /**
     * Outlines {@code t}'s loop out of {@code caller} (which loses the loop's blocks) into a loop
     * method {@code loopName} and a step method {@code stepName}.
     */
    static Outlined outline(IrFunction caller, TimeLoop t, ActivityAnalysis activity, String loopName, String stepName) {
        TimeLoopOutliner o = new TimeLoopOutliner(caller, t);
        IrFunction loopMethod = o.loopMethod(loopName, o.step(stepName));
        MemberRef ref = new MemberRef(caller.owner(), loopName, loopMethod.descriptor());
        o.rewriteCaller(ref);
        int first = 0;
        Set<Integer> written = new TreeSet<>();
        Set<Integer> inputs = new TreeSet<>();
        if (o.hasState) {
            written.add(first);
            inputs.add(first++);
        }
        if (o.hasPool) {
            if (t.pool().stream().anyMatch(t.watched()::contains)) {
                written.add(first);
            }
            if (t.pool().stream().anyMatch(activity::isActive)) {
                inputs.add(first);
            }
            first++;
        }
        for (int j = 0; j < t.liveIns().size(); j++) {
            Value in = t.liveIns().get(j);
            if (t.watched().contains(in)) {
                written.add(first + j);
            }
            if (ActivityAnalysis.canCarry(in) && activity.isActive(in)) {
                inputs.add(first + j);
            }
        }
        return new Outlined(loopMethod, ref, written, inputs, first + t.liveIns().size());
    }

    private IrFunction step(String name) {
        IrFunction step = new IrFunction(caller.owner(), name, "(" + prefix + "I)V");
        Block entry = step.newBlock();
        IrBuilder ir = new IrBuilder();
        ir.setBlock(entry);
        ir.setLine(loop.header().terminator().line());
        Map<Value, Value> outside = new HashMap<>();
        Map<Value, Value> poolIndex = new HashMap<>();
        int p = 0;
        Value state = hasState ? step.params().get(p++) : null;
        Value pool = hasPool ? step.params().get(p++) : null;
        if (hasState) {
            unpack(ir, state, pool, outside, poolIndex);
        }
        for (Value in : t.liveIns()) {
            outside.put(in, step.params().get(p++));
        }
        outside.put(loop.iv(), step.params().get(p));
        for (Instruction insn : loop.header().body()) { // the header's own instructions, before each step's test
            Instruction copy = insn.copyWithoutOperands();
            for (Value v : insn.operands()) {
                copy.addOperand(mapped(v, outside, null));
            }
            entry.append(copy);
            outside.put(insn, copy);
        }
        List<Block> blocks = caller.blocks().stream().filter(t.bodyBlocks()::contains).toList();
        BlockCopier copier = new BlockCopier();
        copier.copy(blocks, step, v -> mapped(v, outside, null),
                b -> b == loop.latch() ? storeState(b, state, copier, outside, poolIndex, ir) : null);
        for (Block thrower : t.throwing()) {
            copier.block(thrower).predecessors().removeIf(b -> !step.blocks().contains(b)); // the caller's own stay there
        }
        Block first = copier.block(loop.header().terminator().targets().get(1));
        int at = first.predecessors().indexOf(loop.header());
        entry.terminate(AdjointGenerator.jump(first));
        first.predecessors().remove(first.predecessors().size() - 1);
        first.predecessors().set(at, entry);
        return step;
    }

    /**
     * Loads the carried values from the packed state into {@code values} by phi: the numbers, and
     * each swapped array as the pool's row at its index (which goes into {@code poolIndex}).
     */
    private void unpack(IrBuilder ir, Value state, Value pool, Map<Value, Value> values, Map<Value, Value> poolIndex) {
        List<Value> loaded = packed.load(ir, state);
        for (int k = 0; k < t.state().size(); k++) {
            values.put(t.state().get(k), loaded.get(k));
        }
        for (int k = 0; k < t.swapped().size(); k++) {
            Value index = loaded.get(t.state().size() + k);
            values.put(t.swapped().get(k), ir.arrayLoad(pool, index));
            poolIndex.put(t.swapped().get(k), index);
        }
    }

    /** The end of a step: the latch's values of the state go back into the packed array. */
    private Instruction storeState(Block latch, Value state, BlockCopier copier, Map<Value, Value> outside,
            Map<Value, Value> poolIndex, IrBuilder ir) {
        Instruction end = latch.terminator();
        if (hasState) {
            int fromLatch = loop.header().predecessors().indexOf(latch);
            ir.setBlock(copier.block(latch));
            ir.setLine(end.line());
            List<Value> next = new ArrayList<>();
            for (Instruction phi : t.state()) {
                next.add(mapped(phi.operand(fromLatch), outside, copier));
            }
            for (Instruction phi : t.swapped()) {
                Value array = phi.operand(fromLatch);
                next.add(poolIndex.containsKey(array) ? poolIndex.get(array) : Constant.ofInt(t.pool().indexOf(array)));
            }
            packed.store(ir, state, next);
        }
        return new Instruction(Op.RETURN, Opcodes.RETURN, Type.VOID_TYPE).withLine(end.line());
    }

    private static Value mapped(Value v, Map<Value, Value> outside, BlockCopier copier) {
        if (v instanceof Constant || v instanceof Undef) {
            return v;
        }
        Value copy = copier == null ? null : copier.value(v);
        if (copy != null) {
            return copy;
        }
        Value m = outside.get(v);
        if (m == null) {
            throw new IllegalStateException("no value in the step for " + v);
        }
        return m;
    }

    /** The loop method: the step for each counter from start to limit, its body inlined. */
    private IrFunction loopMethod(String name, IrFunction step) {
        IrFunction f = new IrFunction(caller.owner(), name, "(" + prefix + "II)V");
        int line = loop.header().terminator().line();
        List<Value> params = new ArrayList<>(f.params());
        Value limit = params.remove(params.size() - 1);
        Value start = params.remove(params.size() - 1);
        Block entry = f.newBlock();
        Block header = f.newBlock();
        Block body = f.newBlock();
        Block exit = f.newBlock();
        entry.terminate(AdjointGenerator.jump(header));
        Instruction i = header.addPhi(new Instruction(Op.PHI, -1, Type.INT_TYPE));
        Instruction test = new Instruction(Op.IF, Opcodes.IF_ICMPGE, Type.VOID_TYPE, i, limit).withLine(line);
        test.targets().add(exit);
        test.targets().add(body);
        header.terminate(test);
        IrBuilder ir = new IrBuilder();
        ir.setBlock(body);
        ir.setLine(line);
        List<Value> args = new ArrayList<>(params);
        args.add(i);
        Instruction call = ir.invokeStatic(new MemberRef(caller.owner(), step.name(), step.descriptor()),
                args.toArray(Value[]::new));
        Value next = ir.add(i, Constant.ofInt(1));
        body.terminate(AdjointGenerator.jump(header));
        i.addOperand(start); // predecessors: entry, then body
        i.addOperand(next);
        exit.terminate(new Instruction(Op.RETURN, Opcodes.RETURN, Type.VOID_TYPE).withLine(line));
        Inliner.inlineCall(f, body, call, step);
        return f;
    }

    /** Puts the call to the loop method, between packing and unpacking the state, in place of the loop. */
    private void rewriteCaller(MemberRef loopMethod) {
        Block header = loop.header();
        int fromLatch = header.predecessors().indexOf(loop.latch());
        Block pre = header.predecessors().get(1 - fromLatch);
        Block call = caller.newBlockAfter(pre);
        IrBuilder ir = new IrBuilder();
        ir.setBlock(call);
        ir.setLine(header.terminator().line());
        List<Value> args = new ArrayList<>();
        Value state = null;
        Value pool = null;
        if (hasState) {
            state = ir.newPrimitiveArray(Types.DOUBLE_ARRAY, Constant.ofInt(packed.slots()));
            List<Value> initial = new ArrayList<>();
            for (Instruction phi : t.state()) {
                initial.add(phi.operand(1 - fromLatch));
            }
            for (Instruction phi : t.swapped()) {
                initial.add(Constant.ofInt(t.pool().indexOf(phi.operand(1 - fromLatch))));
            }
            packed.store(ir, state, initial);
            args.add(state);
        }
        if (hasPool) {
            pool = ir.append(new Instruction(Op.NEW_ARRAY, Opcodes.ANEWARRAY, poolType, Constant.ofInt(t.pool().size())));
            for (int k = 0; k < t.pool().size(); k++) {
                ir.arrayStore(pool, Constant.ofInt(k), t.pool().get(k));
            }
            args.add(pool);
        }
        args.addAll(t.liveIns());
        args.add(loop.start());
        args.add(loop.limit());
        ir.invokeStatic(loopMethod, args.toArray(Value[]::new));
        Map<Value, Value> after = new HashMap<>();
        if (hasState) {
            unpack(ir, state, pool, after, new HashMap<>());
        }
        boolean counterUsedAfter = loop.iv().users().stream().anyMatch(u -> !loop.body().contains(u.block()));
        // the counter after a loop of i < limit from start
        Value counter = counterUsedAfter ? ir.invokeStatic("java/lang/Math", "max", "(II)I", loop.start(), loop.limit()) : null;
        List<Block> targets = pre.terminator().targets();
        targets.replaceAll(b -> b == header ? call : b);
        call.predecessors().add(pre);
        loop.exit().predecessors().clear();
        call.terminate(AdjointGenerator.jump(loop.exit()));
        for (Block b : List.copyOf(caller.blocks())) {
            if (loop.body().contains(b)) {
                caller.removeBlock(b);
            }
        }
        for (Block thrower : t.throwing()) {
            thrower.predecessors().removeIf(loop.body()::contains);
            if (thrower.predecessors().isEmpty()) {
                caller.removeBlock(thrower);
            }
        }
        after.forEach((phi, value) -> phi.replaceAllUsesWith(value));
        if (counter != null) {
            loop.iv().replaceAllUsesWith(counter);
        }
    }
}
