package dev.fluxion.transformer.reverse;

import dev.fluxion.internal.Naming;
import dev.fluxion.internal.Revolve;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrBuilder;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Param;
import dev.fluxion.transformer.ir.SsaBuilder;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Value;
import dev.fluxion.transformer.reverse.TimeLoopOutliner.Outlined;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The adjoint of an outlined time loop ({@link TimeLoopOutliner}), with the loop method's
 * descriptor and adjoint convention: it asks {@link Revolve} what to do until it is done, runs the
 * loop method over the steps it says to advance, and the segment adjoint (the loop method's own
 * adjoint, which runs those steps once more, recording them alone, and reverses them: the state's
 * shadows go from the adjoint after the segment to the adjoint before it) over the steps it says to
 * reverse. The adjoints of the scalars the steps use it sums, and leaves on the tape as every
 * adjoint leaves its scalar parameters'.
 * <pre>
 *   r = Revolve.start(tape, limit - start, snapshots, maxBytes); r.watch(state); r.watch(array)..
 *   loop: switch (r.next()) {
 *     case ADVANCE: loop(state, .., start + r.from(), start + r.to()); goto loop
 *     case REVERSE: segment$adjoint(state, .., start + r.from(), start + r.to(), shadows.., tape);
 *                   bar_k += pop..; goto loop
 *     default:      push bar_k..; return
 *   }
 * </pre>
 */
final class RevolveDriver {
    private static final String REVOLVE = Type.getInternalName(Revolve.class);

    private final Outlined o;
    private final IrFunction adjoint;
    private final IrBuilder ir = new IrBuilder();
    private final SsaBuilder ssa = new SsaBuilder();
    private final List<Param> primal;
    private final List<Param> shadows = new ArrayList<>();
    private final List<Param> scalars = new ArrayList<>();
    private final TapeAccess tape;

    private RevolveDriver(Outlined o, MemberRef member) {
        this.o = o;
        this.adjoint = new IrFunction(o.loop().owner(), member.name(), member.descriptor());
        List<Param> params = adjoint.params();
        int n = o.loop().params().size();
        this.primal = params.subList(0, n);
        for (int k = n; k < params.size() - 1; k++) {
            shadows.add(params.get(k));
        }
        for (Param p : primal) {
            if (Types.isFloating(p.type())) {
                scalars.add(p);
            }
        }
        this.tape = new TapeAccess(ir, params.get(params.size() - 1));
    }

    /**
     * The loop's adjoint, {@code member} (where the derivative registry puts the loop method's
     * adjoint, which its callers call), reversing segments through the loop method's adjoint
     * {@code segmentAdjoint}.
     */
    static IrFunction adjoint(Outlined o, MemberRef member, String segmentAdjoint, CheckpointPolicy policy) {
        return new RevolveDriver(o, member).build(segmentAdjoint, policy);
    }

    private IrFunction build(String segmentAdjoint, CheckpointPolicy policy) {
        int line = o.loop().blocks().get(1).terminator().line();
        ir.setLine(line);
        Block entry = adjoint.newBlock();
        Block ask = adjoint.newBlock();
        Block advance = adjoint.newBlock();
        Block reverse = adjoint.newBlock();
        Block done = adjoint.newBlock();
        Value start = primal.get(o.stateParams());
        Value limit = primal.get(o.stateParams() + 1);

        ssa.seal(entry);
        ir.setBlock(entry);
        Value r = ir.invokeStatic(REVOLVE, "start", "(" + Naming.TAPE_DESCRIPTOR + "IIJ)L" + REVOLVE + ";", tape.tape(),
                ir.sub(limit, start), Constant.ofInt(policy.snapshots()), new Constant(Type.LONG_TYPE, policy.maxBytes()));
        for (int j : o.written()) {
            ir.invokeVirtual(REVOLVE, "watch", "(Ljava/lang/Object;)V", r, primal.get(j));
        }
        for (Param p : scalars) {
            ssa.write(p, entry, Constant.zero(p.type()));
        }
        entry.terminate(AdjointGenerator.jump(ask));

        ir.setBlock(ask);
        Value action = ir.invokeVirtual(REVOLVE, "next", "()I", r);
        Instruction dispatch = new Instruction(Op.SWITCH, Opcodes.TABLESWITCH, Type.VOID_TYPE, action)
                .withKeys(new int[] {Revolve.ADVANCE, Revolve.REVERSE}).withLine(line);
        dispatch.targets().addAll(List.of(done, advance, reverse));
        ask.terminate(dispatch);

        ssa.seal(advance);
        ir.setBlock(advance);
        ir.invokeStatic(o.loopRef(), arguments(r, start, false).toArray(Value[]::new));
        advance.terminate(AdjointGenerator.jump(ask));

        ssa.seal(reverse);
        ir.setBlock(reverse);
        ir.invokeStatic(new MemberRef(o.loop().owner(), segmentAdjoint, adjoint.descriptor()),
                arguments(r, start, true).toArray(Value[]::new));
        for (int k = scalars.size() - 1; k >= 0; k--) { // the segment's adjoint leaves its scalars' adjoints, the last on top
            Param p = scalars.get(k);
            ssa.write(p, reverse, ir.add(ssa.read(p, p.type(), reverse), tape.pop(p.type())));
        }
        reverse.terminate(AdjointGenerator.jump(ask));

        ssa.seal(done);
        ir.setBlock(done);
        for (Param p : scalars) {
            tape.push(ssa.read(p, p.type(), done));
        }
        done.terminate(new Instruction(Op.RETURN, Opcodes.RETURN, Type.VOID_TYPE).withLine(line));
        ssa.seal(ask);
        return adjoint;
    }

    /**
     * The loop method's arguments over the steps {@code r} says, and for the segment's adjoint the
     * shadows and the tape.
     */
    private List<Value> arguments(Value r, Value start, boolean withShadows) {
        List<Value> args = new ArrayList<>(primal.subList(0, o.stateParams()));
        args.add(ir.add(start, ir.invokeVirtual(REVOLVE, "from", "()I", r)));
        args.add(ir.add(start, ir.invokeVirtual(REVOLVE, "to", "()I", r)));
        if (withShadows) {
            args.addAll(shadows);
            args.add(tape.tape());
        }
        return args;
    }
}
