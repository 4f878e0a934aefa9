package dev.fluxion.transformer.optimize;

import dev.fluxion.transformer.analysis.ForLoops;
import dev.fluxion.transformer.analysis.ForLoops.ForLoop;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Value;
import java.util.List;

/**
 * Removes a loop that only reads elements and computes nothing anyone uses, when the loop right
 * after it, over the same range, first reads the same elements in every iteration: its only effect,
 * the exception a read out of range throws, is subsumed by the next loop's.
 *
 * <p>Such loops are what {@link LoopForwarding} and {@link DeadTemporaries} leave of a loop that
 * filled a temporary, {@code for (a...) centered[a] = x[i * d + a] - mu[a]}, once its reads are
 * recomputed where they are used: the element reads stay, because the derivative code must fail
 * where the primal fails. GMM's forward sweep ran one per point and component. It cost little
 * (the JIT hoists its range checks; removing it did not measure beyond the noise), but it is a
 * loop in every sweep that computes nothing.
 *
 * <p>The next loop {@code M} must be reached through blocks that only compute, have the same start
 * and limit, be left only by its test, read in its first block, for every read {@code v[e(a)]} of
 * the removed loop, {@code v[e(b)]} with its own index {@code b}, and write only into arrays the
 * function allocated. Where the removed loop's read of iteration a threw, M's throws in iteration
 * a: the same exception for the same array and index (or an exception of M's own, in an earlier
 * iteration, if M had one to throw), and the stores of M's earlier iterations went where no one
 * sees them.
 */
final class SubsumedLoops {
    private SubsumedLoops() {
    }

    static boolean remove(IrFunction f) {
        boolean changed = false;
        boolean removed;
        do {
            removed = false;
            ForLoops loops = new ForLoops(f);
            for (Block h : f.blocks()) {
                ForLoop idle = loops.ofHeader(h);
                if (idle != null && isIdle(idle)) {
                    ForLoop next = loopAfter(idle, loops);
                    if (next != null && subsumes(next, idle)) {
                        bypass(f, idle);
                        removed = changed = true;
                        break; // the loops' blocks changed: find them afresh
                    }
                }
            }
        } while (removed);
        return changed;
    }

    /** A loop of a header and one block, whose only phi is its index, that reads and computes for no one. */
    private static boolean isIdle(ForLoop loop) {
        if (!loop.isOneBlock() || loop.header().phis().size() != 1 || !loop.exit().phis().isEmpty()
                || loop.iv().users().stream().anyMatch(u -> !loop.body().contains(u.block()))) {
            return false;
        }
        for (Instruction insn : loop.latch().body()) {
            if (!LoopFusion.computesOrReads(insn) || insn.users().stream().anyMatch(u -> !loop.body().contains(u.block()))) {
                return false;
            }
        }
        return true;
    }

    /** The loop entered from {@code loop}'s exit through blocks that only compute, or {@code null}. */
    private static ForLoop loopAfter(ForLoop loop, ForLoops loops) {
        Block b = loop.exit();
        for (int steps = 0; steps < 16; steps++) {
            if (b.successors().size() != 1 || !b.phis().isEmpty()
                    || !b.body().stream().allMatch(LoopFusion::computesOrReads)) {
                return null;
            }
            Block succ = b.successors().get(0);
            ForLoop next = loops.ofHeader(succ);
            if (next != null) {
                return next.latch() != b ? next : null;
            }
            if (succ.predecessors().size() != 1) {
                return null;
            }
            b = succ;
        }
        return null;
    }

    /** Whether {@code next} performs every read of {@code idle}, in the same iterations, before anything anyone sees. */
    private static boolean subsumes(ForLoop next, ForLoop idle) {
        if (!next.leftOnlyByHeader() || !RedundantLoads.sameValue(next.start(), idle.start())
                || !RedundantLoads.sameValue(next.limit(), idle.limit())) {
            return false;
        }
        for (Block b : next.body()) {
            for (Instruction insn : b.body()) {
                boolean local = insn.op() == Op.ARRAY_STORE && insn.operand(0) instanceof Instruction a
                        && a.op() == Op.NEW_ARRAY;
                if (!local && !LoopFusion.computesOrReads(insn)) {
                    return false;
                }
            }
        }
        Block first = next.header().terminator().targets().get(1); // the test's fall-through: the body
        for (Instruction read : idle.latch().body()) {
            if (read.op() == Op.ARRAY_LOAD && first.body().stream().noneMatch(r -> r.op() == Op.ARRAY_LOAD
                    && RedundantLoads.sameValue(r.operand(0), read.operand(0))
                    && sameIndex(r.operand(1), next, read.operand(1), idle))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code a}, computed in {@code loopA}, is {@code b}, computed in {@code loopB}, with one index for the other. */
    private static boolean sameIndex(Value a, ForLoop loopA, Value b, ForLoop loopB) {
        if (a == loopA.iv() || b == loopB.iv()) {
            return a == loopA.iv() && b == loopB.iv();
        }
        if (RedundantLoads.sameValue(a, b)) {
            return !(a instanceof Instruction i) || !loopA.body().contains(i.block());
        }
        if (a instanceof Instruction x && b instanceof Instruction y && x.op() == Op.ARITHMETIC && y.op() == Op.ARITHMETIC
                && x.opcode() == y.opcode() && x.operands().size() == y.operands().size()) {
            for (int i = 0; i < x.operands().size(); i++) {
                if (!sameIndex(x.operand(i), loopA, y.operand(i), loopB)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Sends the block that entered {@code loop} straight to its exit, and drops the loop's blocks. */
    private static void bypass(IrFunction f, ForLoop loop) {
        Block header = loop.header();
        Block entering = header.predecessors().get(header.predecessors().indexOf(loop.latch()) == 0 ? 1 : 0);
        List<Block> targets = entering.terminator().targets();
        targets.set(targets.indexOf(header), loop.exit());
        loop.exit().predecessors().set(0, entering);
        f.removeBlock(header);
        f.removeBlock(loop.latch());
    }
}
