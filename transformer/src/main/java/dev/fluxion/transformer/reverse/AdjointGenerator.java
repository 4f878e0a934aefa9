package dev.fluxion.transformer.reverse;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.analysis.ActivityAnalysis;
import dev.fluxion.transformer.analysis.AliasChecks;
import dev.fluxion.transformer.analysis.ArrayOps;
import dev.fluxion.transformer.analysis.ArrayFamilies;
import dev.fluxion.transformer.analysis.Callees;
import dev.fluxion.transformer.analysis.ControlFlow;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.BlockOrder;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrBuilder;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Param;
import dev.fluxion.transformer.ir.SsaBuilder;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reverse mode: builds the adjoint of an SSA function as another SSA function.
 *
 * <p>Layout of the adjoint: the <em>forward sweep</em> is a clone of the primal's blocks that also
 * records, on the {@code Tape}, what {@link RecordingPlan} says the reverse sweep needs, and at a
 * join inside a loop the index of the predecessor it was entered from. Each {@code return} jumps to
 * the <em>reverse sweep</em>: one block {@code rev(B)} per primal block B, which restores B's
 * recorded values, runs the adjoints of B's instructions backwards ({@link LocalAdjoints}), and
 * then goes to {@code rev(P)} for the predecessor P that the forward sweep came from, passing
 * adjoints of B's phis to that edge's operands. {@code rev(entry)} leaves the scalar parameters'
 * adjoints on the tape and returns the primal result.
 *
 * <p>Adjoints and restored primal values are variables of a second {@link SsaBuilder}, so the
 * adjoint comes out in SSA form like the primal: an adjoint never written on a path reads as zero,
 * and a primal value that stays in its local needs no code at all.
 */
public final class AdjointGenerator implements LocalAdjoints.Sweep {
    /**
     * A variable of the adjoint's SSA: of what {@code kind}, for which primal value, block or call
     * ({@code of}), and which operand of the call. Its {@code equals} and {@code hashCode} are
     * written out, as {@code BytecodeParser.Slot} says why.
     */
    private record Variable(Kind kind, Object of, int operand) {
        private enum Kind { ADJOINT, PRIMAL, EDGE, SHADOW, TAIL_BAR, TRIPS, SNAPSHOT }

        /** The adjoint of a primal value. */
        static Variable adjoint(Value primal) {
            return new Variable(Kind.ADJOINT, primal, -1);
        }

        /** A primal value as the reverse sweep has it (in its local, recomputed, or restored from the tape). */
        static Variable primal(Value primal) {
            return new Variable(Kind.PRIMAL, primal, -1);
        }

        /** Which predecessor the forward sweep entered a join from. */
        static Variable edge(Block join) {
            return new Variable(Kind.EDGE, join, -1);
        }

        /** The shadow array of an active array value. */
        static Variable shadow(Value array) {
            return new Variable(Kind.SHADOW, array, -1);
        }

        /**
         * The adjoint of a scalar argument of a call the forward sweep differentiates, which the callee's
         * adjoint gave there: summed over the calls (an outlined loop body runs once per iteration), taken
         * by the reverse sweep where it first gets to the call.
         */
        static Variable tailBar(Instruction call, int operand) {
            return new Variable(Kind.TAIL_BAR, call, operand);
        }

        /**
         * The copy of an array that the forward sweep recorded whole at the exit of the counted loop
         * with this header ({@link RecordingPlan#snapshotOf}); one array per loop and array, which
         * each execution of the loop's reverse fills again.
         */
        static Variable snapshot(Block header, int array) {
            return new Variable(Kind.SNAPSHOT, header, array);
        }

        /** Entries from the latch still to reverse, for a counted loop's header. */
        static Variable trips(Block header) {
            return new Variable(Kind.TRIPS, header, -1);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Variable v && v.kind == kind && v.of == of && v.operand == operand;
        }

        @Override
        public int hashCode() {
            return (kind.ordinal() * 31 + System.identityHashCode(of)) * 31 + operand;
        }
    }

    private enum Result { VALUE }

    private final IrFunction primal;
    private final ActivityAnalysis activity;
    private final Callees callees;
    private final ControlFlow cfg;
    private final LocalAdjoints rules;
    private final RecordingPlan plan;
    private final IrFunction adjoint;
    private final SsaBuilder ssa = new SsaBuilder();
    private final IrBuilder ir = new IrBuilder();
    private final TapeAccess tape;
    private final Value seed;
    private final Map<Value, Value> forward = new HashMap<>();
    private final Map<Value, Value> shadows = new HashMap<>();
    /** Shadows as the forward sweep defines them, one per active array value; they dominate its uses like the primal. */
    private final Map<Value, Value> forwardShadow = new HashMap<>();
    private final Map<Instruction, Instruction> shadowPhi = new LinkedHashMap<>();
    /** The forward sweep's loads of rows' shadows (see {@link #removeUnreadRowShadows}). */
    private final List<Instruction> rowShadowLoads = new ArrayList<>();
    private final Map<Block, Block> forwardBlock = new HashMap<>();
    private final Map<Block, Block> reverseBlock = new LinkedHashMap<>(); // iterated: keeps output deterministic
    private final Map<Block, List<Block>> edgeBlocks = new HashMap<>();
    private final Map<Block, Instruction> edgePhi = new HashMap<>();
    /** The reverse sweep's blocks that take a primal test again, with the test ({@link JoinDecisions}). */
    private final Map<Block, Instruction> retakenTests = new HashMap<>();
    private final CountedLoops countedLoops;
    private final Map<Block, Instruction> tripPhi = new HashMap<>();
    private final Map<Block, Value> tripNext = new HashMap<>();
    private final Map<Block, Value> tripLeft = new HashMap<>();
    private final Map<Block, Map<Instruction, Value>> phiAdjoints = new HashMap<>();
    private final Set<Block> reachesReturn = new HashSet<>();
    /**
     * One zero per type, shared by every "adjoint is zero" write: with the same object on all
     * incoming paths, the SSA builder sees a phi of zeros as trivial and the adds fold away.
     */
    private final Map<Type, Constant> zeros = new HashMap<>();
    private Block exit;

    private AdjointGenerator(IrFunction primal, ActivityAnalysis activity, Callees callees, String name) {
        this.primal = primal;
        this.activity = activity;
        this.callees = callees;
        this.cfg = new ControlFlow(primal);
        this.rules = new LocalAdjoints(activity, callees, cfg);
        this.countedLoops = new CountedLoops(primal, cfg);
        this.plan = new RecordingPlan(primal, cfg, activity, rules, countedLoops, callees);
        this.adjoint = new IrFunction(primal.owner(), name,
                Naming.adjointDescriptor(primal.descriptor()));
        List<Param> in = primal.params();
        List<Param> out = adjoint.params();
        int next = in.size();
        for (Param p : in) {
            forward.put(p, out.get(p.index()));
            if (Naming.isShadowed(p.type().getDescriptor())) {
                shadows.put(p, out.get(next));
                forwardShadow.put(p, out.get(next++));
            }
        }
        boolean returnsValue = primal.returnType().getSort() != Type.VOID;
        this.seed = returnsValue ? out.get(next++) : null;
        this.tape = new TapeAccess(ir, out.get(next));
    }

    /**
     * Generates the adjoint of {@code primal}, named {@code name} (where the derivative registry,
     * {@code DerivativeRequests}, or the pass that outlined {@code primal} puts it); the function
     * must have passed the differentiability check.
     */
    public static IrFunction generate(IrFunction primal, ActivityAnalysis activity, Callees callees, String name) {
        return new AdjointGenerator(primal, activity, callees, name).generate();
    }

    private IrFunction generate() {
        findBlocksReachingReturn();
        createBlocks();
        connectBlocks();
        fillInOrder();
        completeForwardPhis();
        removeUnreadRowShadows();
        AdjointSimplifier.simplify(adjoint);
        return adjoint;
    }

    /**
     * Drops the forward sweep's loads of rows' shadows that nothing reads: the reverse sweep reads
     * the rows of a state updated in place again ({@link RecordingPlan}), so their loads in the
     * forward sweep, one per access, would be left only for their bounds checks. Each reads the
     * shadow of an array of rows at an index the primal's load of the same row has just read in
     * bounds, from an array of the same shape, so it cannot throw either.
     */
    private void removeUnreadRowShadows() {
        for (Instruction load : rowShadowLoads) {
            if (load.users().isEmpty()) {
                load.block().remove(load);
            }
        }
    }

    private void findBlocksReachingReturn() {
        for (Block b : primal.blocks()) {
            if (b.terminator().op() == Op.RETURN) {
                reachesReturn.add(b);
                for (Block other : primal.blocks()) {
                    if (cfg.reaches(other, b)) {
                        reachesReturn.add(other);
                    }
                }
            }
        }
    }

    private void createBlocks() {
        for (Block b : primal.blocks()) {
            forwardBlock.put(b, adjoint.newBlock());
        }
        List<Block> reversed = new ArrayList<>(primal.blocks());
        Collections.reverse(reversed);
        for (Block b : reversed) {
            if (!reachesReturn.contains(b)) {
                continue;
            }
            reverseBlock.put(b, adjoint.newBlock());
            if (b.predecessors().size() > 1) {
                List<Block> edges = new ArrayList<>();
                for (int i = 0; i < b.predecessors().size(); i++) {
                    edges.add(adjoint.newBlock());
                }
                edgeBlocks.put(b, edges);
            }
        }
        if (reachesReturn.contains(primal.entry())) {
            exit = adjoint.newBlock();
        }
    }

    /** Creates every terminator, with targets but not yet operands, so all predecessors are known. */
    private void connectBlocks() {
        for (Block b : primal.blocks()) {
            Instruction t = b.terminator();
            Instruction copy;
            if (t.op() == Op.RETURN) {
                copy = jump(reverseBlock.get(b));
            } else {
                copy = copyOf(t);
                for (Block target : t.targets()) {
                    copy.targets().add(forwardBlock.get(target));
                }
            }
            forwardBlock.get(b).terminate(copy.withLine(t.line()));
        }
        for (Map.Entry<Block, Block> e : reverseBlock.entrySet()) {
            Block b = e.getKey();
            Block rev = e.getValue();
            List<Block> preds = b.predecessors();
            if (preds.isEmpty()) {
                rev.terminate(jump(exit));
            } else if (preds.size() == 1) {
                rev.terminate(jump(reverseBlock.get(preds.get(0))));
            } else if (countedLoops.isCounted(b)) {
                // to the latch while trips are left, else to the preheader: a count-down loop C2 recognises
                List<Block> edges = edgeBlocks.get(b);
                int latch = preds.indexOf(countedLoops.latch(b));
                Instruction test = new Instruction(Op.IF, Opcodes.IFGT, Type.VOID_TYPE);
                test.targets().add(edges.get(latch));
                test.targets().add(edges.get(1 - latch));
                rev.terminate(test);
                for (int i = 0; i < preds.size(); i++) {
                    edges.get(i).terminate(jump(reverseBlock.get(preds.get(i))));
                }
            } else if (plan.decisions().of(b) != null) {
                List<Block> edges = edgeBlocks.get(b);
                rev.terminate(jump(retakeTests(plan.decisions().of(b), edges, new HashMap<>())));
                for (int i = 0; i < preds.size(); i++) {
                    edges.get(i).terminate(jump(reverseBlock.get(preds.get(i))));
                }
            } else {
                List<Block> edges = edgeBlocks.get(b);
                int[] keys = new int[preds.size() - 1];
                Instruction sw = new Instruction(Op.SWITCH, Opcodes.TABLESWITCH, Type.VOID_TYPE);
                sw.targets().add(edges.get(0));
                for (int i = 1; i < preds.size(); i++) {
                    keys[i - 1] = i;
                    sw.targets().add(edges.get(i));
                }
                rev.terminate(sw.withKeys(keys));
                for (int i = 0; i < preds.size(); i++) {
                    edges.get(i).terminate(jump(reverseBlock.get(preds.get(i))));
                }
            }
        }
        if (exit != null) {
            exit.terminate(new Instruction(Op.RETURN, primal.returnType().getOpcode(Opcodes.IRETURN), Type.VOID_TYPE));
        }
    }

    /**
     * The reverse sweep's blocks that take a join's tests again ({@link JoinDecisions}), from the
     * decision's start: each a copy of a primal test whose targets lead to the next test or to the
     * edge block of the join's predecessor the path enters it from. Their operands come when filled.
     */
    private Block retakeTests(JoinDecisions.Decision decision, List<Block> edges, Map<Block, Block> made) {
        return retakeTest(decision.start, decision, edges, made);
    }

    private Block retakeTest(Block r, JoinDecisions.Decision decision, List<Block> edges, Map<Block, Block> made) {
        Block done = made.get(r);
        if (done != null) {
            return done;
        }
        Block test = adjoint.newBlock();
        made.put(r, test);
        Instruction copy = copyOf(r.terminator());
        for (Object way : decision.ways.get(r)) {
            copy.targets().add(way instanceof Integer edge ? edges.get(edge) : retakeTest((Block) way, decision, edges, made));
        }
        test.terminate(copy);
        retakenTests.put(test, r.terminator());
        return test;
    }

    static Instruction jump(Block target) {
        Instruction j = new Instruction(Op.GOTO, Opcodes.GOTO, Type.VOID_TYPE);
        j.targets().add(target);
        return j;
    }

    /** Fills blocks in reverse post-order, sealing each once all its predecessors are filled. */
    private void fillInOrder() {
        Map<Block, Block> primalOfForward = invert(forwardBlock);
        Map<Block, Block> primalOfReverse = invert(reverseBlock);
        Map<Block, Integer> filledPreds = new HashMap<>();
        ssa.seal(adjoint.entry());
        for (Block b : BlockOrder.reversePostOrder(adjoint.entry())) {
            ir.setBlock(b);
            if (primalOfForward.containsKey(b)) {
                fillForward(primalOfForward.get(b), b);
            } else if (primalOfReverse.containsKey(b)) {
                fillReverse(primalOfReverse.get(b));
            } else if (b == exit) {
                fillExit();
            } else if (retakenTests.containsKey(b)) {
                for (Value v : retakenTests.get(b).operands()) {
                    b.terminator().addOperand(primal(v));
                }
            } else {
                fillEdge(b);
            }
            for (Block s : b.successors()) {
                if (filledPreds.merge(s, 1, Integer::sum) == s.predecessors().size()) {
                    ssa.seal(s);
                }
            }
        }
    }

    private void fillForward(Block b, Block fwd) {
        if (b == primal.entry()) {
            startForwardSweepBars(fwd);
        }
        for (Instruction phi : b.phis()) {
            Instruction copy = fwd.addPhi(new Instruction(Op.PHI, -1, phi.type()));
            forward.put(phi, copy);
            definePrimal(phi, copy, fwd);
            if (hasShadow(phi)) {
                Instruction s = fwd.addPhi(new Instruction(Op.PHI, -1, phi.type()));
                shadowPhi.put(phi, s);
                defineShadow(phi, s, fwd);
            }
        }
        boolean reversed = reachesReturn.contains(b);
        if (reversed) {
            for (Block header : countedLoops.countsPushedAt(b)) {
                if (!plan.isCountComputed(header)) {
                    tape.push(tripPhi.get(header));
                }
                for (Instruction v : plan.recordedPerLoop(header)) {
                    if (plan.isInvariantLoad(v)) { // read inside the loop, which may not have run: read again
                        Value array = forward(v.operand(0));
                        ir.invokeVirtual(Naming.TAPE_INTERNAL_NAME, "pushElement",
                                "(" + array.type().getDescriptor() + "I)V", tape.tape(), array, forward(v.operand(1)));
                    } else {
                        tape.push(forward(v));
                    }
                }
                for (Instruction array : plan.recordedShadowsPerLoop(header)) {
                    tape.push(forwardShadow(array));
                }
                for (Value array : plan.snapshotsPerLoop(header)) { // the loop did not change it: as it read it
                    ir.invokeVirtual(Naming.TAPE_INTERNAL_NAME, "pushArray", "([D)V", tape.tape(), forward(array));
                }
            }
        }
        if (reversed && countedLoops.isCounted(b)) {
            Instruction trips = fwd.addPhi(new Instruction(Op.PHI, -1, Type.INT_TYPE));
            tripPhi.put(b, trips);
            tripNext.put(b, ir.add(trips, Constant.ofInt(1)));
        } else if (b.predecessors().size() > 1 && reversed && plan.decisions().of(b) == null) {
            Instruction edge = fwd.addPhi(new Instruction(Op.PHI, -1, Type.INT_TYPE));
            edgePhi.put(b, edge);
            if (cfg.inLoop(b)) {
                tape.push(edge);
            } else {
                ssa.write(Variable.edge(b), fwd, edge);
            }
        }
        for (Instruction insn : b.body()) {
            ir.setLine(insn.line());
            if (activity.isDifferentiableCall(insn)) {
                for (int[] pair : AliasChecks.risks(insn, activity, callees)) {
                    String message = "fluxion: " + primal.owner().replace('/', '.') + "." + primal.name() + " (line "
                            + insn.line() + "): " + AliasChecks.problem(insn, pair, false) + ". " + AliasChecks.ADVICE;
                    ir.invokeStatic(LocalAdjoints.ARRAY_ADJOINTS, "requireDistinct",
                            "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/String;)V", forward(insn.operand(pair[0])),
                            forward(insn.operand(pair[1])), new Constant(Type.getType(String.class), message));
                }
            }
            if (reversed) {
                for (Value array : rules.snapshotsBefore(insn)) {
                    rules.calls().contents("saveContents", array, forward(array), this::forwardShadow, ir, tape.tape());
                }
            }
            Instruction copy;
            if (rules.calls().isForwardSweepCall(insn)) {
                Map<Integer, Value> bars = new LinkedHashMap<>();
                copy = rules.calls().tailCall(insn, this::forward, this::forwardShadow, seed, ir, tape, bars);
                bars.forEach((j, bar) -> {
                    if (activity.isActive(insn.operand(j))) {
                        Variable key = Variable.tailBar(insn, j);
                        ssa.write(key, fwd, ir.add(ssa.read(key, bar.type(), fwd), bar));
                    }
                });
            } else {
                copy = copyOf(insn);
                for (Value v : insn.operands()) {
                    copy.addOperand(forward(v));
                }
                ir.append(copy);
            }
            forward.put(insn, copy);
            definePrimal(insn, copy, fwd);
            if (hasShadow(insn)) {
                Value shadow = ShadowAllocation.shadowOf(insn, copy, activity, this::forwardShadow, ir);
                if (insn.op() == Op.ARRAY_LOAD && shadow instanceof Instruction load && load.op() == Op.ARRAY_LOAD) {
                    rowShadowLoads.add(load);
                }
                defineShadow(insn, shadow, fwd);
            }
            ShadowAllocation.mirrorReferenceMoves(insn, activity, this::forwardShadow, this::forward, ir);
        }
        if (reversed) {
            for (Instruction v : plan.recordedBy(b)) {
                tape.push(forward.get(v));
            }
            for (Instruction array : plan.recordedShadowsBy(b)) {
                tape.push(forwardShadow.get(array));
            }
        }
        Instruction t = b.terminator();
        if (t.op() == Op.RETURN) {
            if (!t.operands().isEmpty()) {
                ssa.write(Result.VALUE, fwd, forward(t.operand(0)));
            }
        } else {
            for (Value v : t.operands()) {
                fwd.terminator().addOperand(forward(v));
            }
        }
    }

    private boolean hasShadow(Instruction insn) {
        return ArrayFamilies.isMember(insn) && activity.isActive(insn);
    }

    private void defineShadow(Instruction array, Value shadow, Block fwd) {
        forwardShadow.put(array, shadow);
        if (plan.isShadowNeeded(array)) {
            ssa.write(Variable.shadow(array), fwd, shadow);
        }
    }

    private Value forwardShadow(Value array) {
        if (array instanceof Constant) {
            return array; // null
        }
        Value s = forwardShadow.get(array);
        if (s == null) {
            throw new IllegalStateException("no shadow for " + array);
        }
        return s;
    }

    private void definePrimal(Instruction insn, Value copy, Block fwd) {
        if (plan.isNeeded(insn)) {
            ssa.write(Variable.primal(insn), fwd, copy);
        }
    }

    private void fillReverse(Block b) {
        Instruction t = b.terminator();
        ir.setLine(t.line());
        if (t.op() == Op.RETURN) {
            tape.markPeak(); // the forward sweep's end: the stacks at their highest
            for (Value v : activeValues()) {
                ssa.write(Variable.adjoint(v), ir.block(), zero(v.type()));
            }
            for (Block header : countedLoops.headers()) {
                for (int k = 0; k < plan.snapshotsPerLoop(header).size(); k++) { // no copy to reuse yet
                    ssa.write(Variable.snapshot(header, k), ir.block(), zero(Type.getType(double[].class)));
                }
            }
            if (seed != null && ArrayFamilies.isMember(t.operand(0))) {
                if (activity.isActive(t.operand(0))) {
                    ir.invokeStatic(LocalAdjoints.ARRAY_ADJOINTS, "addSeed", "(Ljava/lang/Object;Ljava/lang/Object;)V",
                            shadow(t.operand(0)), seed);
                }
            } else if (seed != null) {
                accumulate(t.operand(0), seed);
            }
        }
        List<Instruction> savedShadows = new ArrayList<>(plan.recordedShadowsBy(b));
        Collections.reverse(savedShadows);
        for (Instruction array : savedShadows) {
            ssa.write(Variable.shadow(array), ir.block(), tape.pop(ArrayOps.arrayType(array)));
        }
        List<Instruction> saved = new ArrayList<>(plan.recordedBy(b));
        Collections.reverse(saved);
        for (Instruction v : saved) {
            ssa.write(Variable.primal(v), ir.block(), tape.pop(v.type()));
        }
        for (Instruction v : plan.recomputedBy(b)) {
            Block snapshotLoop = plan.snapshotOf(v);
            if (snapshotLoop != null) { // the element again, from the copy of the array its loop recorded
                int k = plan.snapshotsPerLoop(snapshotLoop).indexOf(v.operand(0));
                Value copy = ssa.read(Variable.snapshot(snapshotLoop, k), v.operand(0).type(), ir.block());
                ssa.write(Variable.primal(v), ir.block(), ir.arrayLoad(copy, primal(v.operand(1))));
                continue;
            }
            Block header = plan.inductionHeader(v);
            if (header != null) { // start + step * trips: the trip count the loop's reversal keeps anyway
                Value trips = ssa.read(Variable.trips(header), Type.INT_TYPE, ir.block());
                Value step = ir.mul(trips, Constant.ofInt(plan.inductionStep(v)));
                ssa.write(Variable.primal(v), ir.block(), ir.add(primal(plan.inductionStart(v)), step));
                continue;
            }
            Instruction copy = copyOf(v);
            for (Value operand : v.operands()) {
                copy.addOperand(primal(operand));
            }
            ssa.write(Variable.primal(v), ir.block(), ir.append(copy));
        }
        for (Instruction row : plan.rereadShadowsBy(b)) {
            ssa.write(Variable.shadow(row), ir.block(), ir.arrayLoad(shadow(row.operand(0)), primal(row.operand(1))));
        }
        List<Instruction> body = new ArrayList<>(b.body());
        Collections.reverse(body);
        for (Instruction insn : body) {
            if (!activity.isActive(insn)) {
                continue;
            }
            ir.setLine(insn.line());
            if (rules.calls().isForwardSweepCall(insn)) { // its adjoint ran in the forward sweep
                for (int j = 0; j < insn.operands().size(); j++) {
                    Value operand = insn.operand(j);
                    if (Types.isFloating(operand.type()) && activity.isActive(operand)) {
                        accumulate(operand, ssa.read(Variable.tailBar(insn, j), operand.type(), ir.block()));
                        ssa.write(Variable.tailBar(insn, j), ir.block(), zero(operand.type())); // the sum is taken
                    }
                }
                continue;
            }
            if (!Types.isFloating(insn.type())) {
                rules.emit(insn, null, this); // writes into arrays, copies of arrays, calls that write arrays
                continue;
            }
            Value rBar = readAdjoint(insn);
            ssa.write(Variable.adjoint(insn), ir.block(), zero(insn.type()));
            if (!IrBuilder.isZero(rBar) || mustCallAdjoint(insn)) {
                rules.emit(insn, IrBuilder.isZero(rBar) ? null : rBar, this);
            }
        }
        List<Block> counted = new ArrayList<>(countedLoops.countsPushedAt(b));
        Collections.reverse(counted);
        for (Block header : counted) {
            for (int k = plan.snapshotsPerLoop(header).size() - 1; k >= 0; k--) { // into the copy the previous
                Variable copy = Variable.snapshot(header, k);                      // execution's reverse used
                Value reused = ssa.read(copy, Type.getType(double[].class), ir.block());
                ssa.write(copy, ir.block(), ir.invokeVirtual(Naming.TAPE_INTERNAL_NAME, "popArray", "([D)[D",
                        tape.tape(), reused));
            }
            List<Instruction> shadowsOnce = plan.recordedShadowsPerLoop(header);
            Collections.reverse(shadowsOnce);
            for (Instruction array : shadowsOnce) {
                ssa.write(Variable.shadow(array), ir.block(), tape.pop(ArrayOps.arrayType(array)));
            }
            List<Instruction> valuesOnce = plan.recordedPerLoop(header);
            Collections.reverse(valuesOnce);
            for (Instruction v : valuesOnce) {
                ssa.write(Variable.primal(v), ir.block(), tape.pop(v.type()));
            }
            Value trips = plan.isCountComputed(header) ? countFromBounds(header) : tape.pop(Type.INT_TYPE);
            ssa.write(Variable.trips(header), ir.block(), trips);
            for (Instruction index : plan.steppedBackWith(header)) { // its value in this iteration of the outer loop
                Value advanced = ir.mul(trips, Constant.ofInt(plan.innerStep(index)));
                ssa.write(Variable.primal(index), ir.block(), ir.sub(primal(index), advanced));
            }
        }
        if (b.predecessors().size() > 1) {
            if (plan.decisions().of(b) == null) { // else the tests are taken again after this block
                Value edge = countedLoops.isCounted(b) ? edgeOfCountedHeader(b)
                        : cfg.inLoop(b) ? tape.pop(Type.INT_TYPE) : ssa.read(Variable.edge(b), Type.INT_TYPE, ir.block());
                ir.block().terminator().addOperand(edge);
            }
            Map<Instruction, Value> bars = new LinkedHashMap<>();
            for (Instruction phi : b.phis()) {
                if (activity.isActive(phi) && Types.isFloating(phi.type())) { // arrays have shadows instead
                    bars.put(phi, readAdjoint(phi));
                }
            }
            for (Instruction phi : bars.keySet()) {
                ssa.write(Variable.adjoint(phi), ir.block(), zero(phi.type()));
            }
            phiAdjoints.put(b, bars);
        }
    }

    /** A call whose adjoint must run even with a zero seed: it writes arrays, or the forward sweep saved their contents. */
    private boolean mustCallAdjoint(Instruction insn) {
        if (!activity.isDifferentiableCall(insn)) {
            return false;
        }
        if (!rules.snapshotsBefore(insn).isEmpty()) {
            return true;
        }
        for (Value v : insn.operands()) {
            if (ArrayFamilies.isMember(v) && activity.isActive(v)) {
                return true;
            }
        }
        return false;
    }

    /** {@code max(0, limit - start)}: the trips of a loop {@code for (i = start; i < limit; i++)} that only its header leaves. */
    private Value countFromBounds(Block header) {
        Value[] bounds = countedLoops.countBounds(header);
        Value span = ir.sub(primal(bounds[1]), primal(bounds[0]));
        return ir.invokeStatic("java/lang/Math", "max", "(II)I", Constant.ofInt(0), span);
    }

    /** The trips left at a counted loop's header, which its reverse tests: to the latch while positive. */
    private Value edgeOfCountedHeader(Block header) {
        Value left = ssa.read(Variable.trips(header), Type.INT_TYPE, ir.block());
        tripLeft.put(header, left);
        return left;
    }

    /** An edge block of the reverse sweep: passes the join's phi adjoints to that edge's operands. */
    private void fillEdge(Block edgeBlock) {
        for (Map.Entry<Block, List<Block>> e : edgeBlocks.entrySet()) {
            int i = e.getValue().indexOf(edgeBlock);
            if (i >= 0) {
                Block header = e.getKey();
                if (countedLoops.isCounted(header) && header.predecessors().get(i) == countedLoops.latch(header)) {
                    Value left = ssa.resolve(tripLeft.get(header));
                    ssa.write(Variable.trips(header), edgeBlock, ir.sub(left, Constant.ofInt(1)));
                }
                for (Map.Entry<Instruction, Value> bar : phiAdjoints.get(e.getKey()).entrySet()) {
                    accumulate(bar.getKey().operand(i), ssa.resolve(bar.getValue()));
                }
                return;
            }
        }
        throw new IllegalStateException("unknown block " + edgeBlock);
    }

    private void fillExit() {
        for (Param p : primal.params()) {
            if (Types.isFloating(p.type())) {
                tape.push(readAdjoint(p));
            }
        }
        if (seed != null) {
            exit.terminator().addOperand(ssa.read(Result.VALUE, primal.returnType(), exit));
        }
    }

    /** Gives the cloned primal phis their operands, in the adjoint's predecessor order. */
    private void completeForwardPhis() {
        Map<Block, Block> primalOf = invert(forwardBlock);
        for (Block b : primal.blocks()) {
            Block fwd = forwardBlock.get(b);
            for (Instruction phi : b.phis()) {
                Instruction copy = (Instruction) forward.get(phi);
                for (Block pred : fwd.predecessors()) {
                    copy.addOperand(forward(phi.operand(b.predecessors().indexOf(primalOf.get(pred)))));
                }
            }
            for (Instruction phi : b.phis()) {
                Instruction copy = shadowPhi.get(phi);
                if (copy != null) {
                    for (Block pred : fwd.predecessors()) {
                        copy.addOperand(forwardShadow(phi.operand(b.predecessors().indexOf(primalOf.get(pred)))));
                    }
                }
            }
            Instruction trips = tripPhi.get(b);
            if (trips != null) {
                for (Block pred : fwd.predecessors()) {
                    trips.addOperand(primalOf.get(pred) == countedLoops.latch(b) ? tripNext.get(b) : Constant.ofInt(0));
                }
            }
            Instruction edge = edgePhi.get(b);
            if (edge != null) {
                for (Block pred : fwd.predecessors()) {
                    edge.addOperand(Constant.ofInt(b.predecessors().indexOf(primalOf.get(pred))));
                }
            }
        }
    }

    /** The sums of the scalar arguments' adjoints of the calls the forward sweep differentiates start at zero. */
    private void startForwardSweepBars(Block fwd) {
        for (Block b : primal.blocks()) {
            for (Instruction insn : b.body()) {
                if (activity.isActive(insn) && rules.calls().isForwardSweepCall(insn)) {
                    for (int j = 0; j < insn.operands().size(); j++) {
                        Value operand = insn.operand(j);
                        if (Types.isFloating(operand.type()) && activity.isActive(operand)) {
                            ssa.write(Variable.tailBar(insn, j), fwd, zero(operand.type()));
                        }
                    }
                }
            }
        }
    }

    private Constant zero(Type type) {
        return zeros.computeIfAbsent(type, Constant::zero);
    }

    /** Every active value whose adjoint is a variable: active parameters and instructions. */
    private List<Value> activeValues() {
        if (activeValues == null) {
            activeValues = new ArrayList<>();
            for (Param p : primal.params()) {
                if (activity.isActive(p) && Types.isFloating(p.type())) {
                    activeValues.add(p);
                }
            }
            for (Block b : primal.blocks()) {
                for (Instruction insn : b.instructions()) {
                    if (activity.isActive(insn) && Types.isFloating(insn.type())) {
                        activeValues.add(insn);
                    }
                }
            }
        }
        return activeValues;
    }

    private List<Value> activeValues;

    private Value forward(Value v) {
        return v instanceof Instruction ? forward.get(v) : forward.getOrDefault(v, v);
    }

    private Value readAdjoint(Value v) {
        if (!activity.isActive(v)) {
            return zero(v.type());
        }
        return ssa.read(Variable.adjoint(v), v.type(), ir.block());
    }

    @Override
    public IrBuilder ir() {
        return ir;
    }

    @Override
    public TapeAccess tape() {
        return tape;
    }

    @Override
    public Value primal(Value v) {
        if (v instanceof Instruction insn) {
            return ssa.read(Variable.primal(insn), insn.type(), ir.block());
        }
        return forward(v);
    }

    @Override
    public void accumulate(Value v, Value contribution) {
        if (!activity.isActive(v) || v instanceof Constant || IrBuilder.isZero(contribution)) {
            return;
        }
        Value sum = ir.add(readAdjoint(v), contribution);
        ssa.write(Variable.adjoint(v), ir.block(), sum);
    }

    @Override
    public Value shadow(Value array) {
        Value s = shadows.get(array);
        if (s != null) {
            return s;
        }
        if (!(array instanceof Instruction insn) || !plan.isShadowNeeded(array) || !activity.isActive(array)) {
            throw new IllegalStateException("no shadow for " + array); // a rule asked for one it did not declare
        }
        return ssa.read(Variable.shadow(insn), ArrayOps.arrayType(insn), ir.block());
    }

    private static Instruction copyOf(Instruction insn) {
        return new Instruction(insn.op(), insn.opcode(), insn.type())
                .withMember(insn.member()).withTypeOperand(insn.typeOperand()).withKeys(insn.keys())
                .withBootstrap(insn.bootstrap()).withLine(insn.line());
    }

    private static <K, V> Map<V, K> invert(Map<K, V> map) {
        Map<V, K> out = new HashMap<>();
        map.forEach((k, v) -> out.put(v, k));
        return out;
    }
}
