package dev.fluxion.transformer.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A basic block. Invariants once a pass is done with it: phis come first, one operand per
 * predecessor in {@link #predecessors()} order; then the body; then exactly one terminator.
 * Predecessors are distinct: a terminator that names a target twice contributes one edge.
 */
public final class Block {
    private final int id;
    private final List<Instruction> phis = new ArrayList<>();
    private final List<Instruction> body = new ArrayList<>();
    private final List<Block> predecessors = new ArrayList<>();
    private Instruction terminator;

    Block(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    public List<Instruction> phis() {
        return Collections.unmodifiableList(phis);
    }

    public List<Instruction> body() {
        return Collections.unmodifiableList(body);
    }

    public Instruction terminator() {
        return terminator;
    }

    public List<Block> predecessors() {
        return predecessors;
    }

    /** Distinct successors, in the terminator's target order. */
    public List<Block> successors() {
        if (terminator == null) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(terminator.targets()));
    }

    public Instruction addPhi(Instruction phi) {
        phi.setBlock(this);
        phis.add(phi);
        return phi;
    }

    public void removePhi(Instruction phi) {
        phis.remove(phi);
        phi.clearOperands();
    }

    /** Removes an instruction from the body (its uses must be gone already). */
    public void remove(Instruction insn) {
        body.remove(insn);
        insn.clearOperands();
    }

    /** Appends to the body; returns the instruction for chaining. */
    public Instruction append(Instruction insn) {
        if (insn.op().isTerminator()) {
            throw new IllegalArgumentException("use terminate() for " + insn.op());
        }
        insn.setBlock(this);
        body.add(insn);
        return insn;
    }

    /** Inserts into the body before {@code anchor}, an instruction of the body. */
    public Instruction insertBefore(Instruction anchor, Instruction insn) {
        insn.setBlock(this);
        int at = body.indexOf(anchor);
        if (at < 0) {
            throw new IllegalArgumentException(anchor + " is not in the body of b" + id);
        }
        body.add(at, insn);
        return insn;
    }

    /** Puts {@code replacement}, a terminator with the same targets, in place of the block's terminator. */
    public void replaceTerminator(Instruction replacement) {
        if (terminator == null || !replacement.targets().equals(terminator.targets())) {
            throw new IllegalArgumentException("b" + id + ": a terminator to another place");
        }
        replacement.setBlock(this);
        terminator.clearOperands();
        terminator = replacement;
    }

    /**
     * Puts {@code replacement} in place of the terminator, with targets of its own: the block stops
     * being a predecessor of the targets it loses (their phis lose that operand) and becomes one of
     * those it gains (their phis' operands for it are the caller's to add).
     */
    public void replaceTerminatorWith(Instruction replacement) {
        List<Block> before = successors();
        replacement.setBlock(this);
        terminator.clearOperands();
        terminator = replacement;
        List<Block> after = successors();
        for (Block s : before) {
            if (!after.contains(s)) {
                int at = s.predecessors.indexOf(this);
                s.predecessors.remove(at);
                for (Instruction phi : s.phis) {
                    phi.removeOperand(at);
                }
            }
        }
        for (Block s : after) {
            if (!before.contains(s)) {
                s.predecessors.add(this);
            }
        }
    }

    /** Adds a target to the terminator (a landing to a {@code TRY}), recording the block as its predecessor. */
    public void addTarget(Block target) {
        boolean known = terminator.targets().contains(target);
        terminator.targets().add(target);
        if (!known) {
            target.predecessors.add(this);
        }
    }

    /** Ends the block and records it as a predecessor of each distinct target. */
    public void terminate(Instruction insn) {
        if (terminator != null) {
            throw new IllegalStateException("b" + id + " already terminated");
        }
        insn.setBlock(this);
        terminator = insn;
        for (Block target : successors()) {
            target.predecessors.add(this);
        }
    }

    /** Moves the body after {@code insn}, and the terminator, into the empty block {@code tail}; see {@link IrFunction#splitAfter}. */
    void moveAfterInto(Instruction insn, Block tail) {
        moveTailInto(body.indexOf(insn) + 1, tail);
    }

    /** Moves {@code insn} (of the body, or the terminator) and what follows it into the empty block {@code tail}; see {@link IrFunction#splitBefore}. */
    void moveFromInto(Instruction insn, Block tail) {
        moveTailInto(insn == terminator ? body.size() : body.indexOf(insn), tail);
    }

    private void moveTailInto(int at, Block tail) {
        List<Instruction> moved = new ArrayList<>(body.subList(at, body.size()));
        body.subList(at, body.size()).clear();
        for (Instruction m : moved) {
            tail.append(m);
        }
        Instruction t = terminator;
        terminator = null;
        t.setBlock(tail);
        tail.terminator = t;
        for (Block s : tail.successors()) {
            s.predecessors.set(s.predecessors.indexOf(this), tail);
        }
    }

    /** All instructions in order: phis, body, terminator. */
    public List<Instruction> instructions() {
        List<Instruction> all = new ArrayList<>(phis);
        all.addAll(body);
        if (terminator != null) {
            all.add(terminator);
        }
        return all;
    }

    @Override
    public String toString() {
        return "b" + id;
    }
}
