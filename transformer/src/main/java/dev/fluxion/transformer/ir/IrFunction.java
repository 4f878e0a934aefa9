package dev.fluxion.transformer.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A method in SSA form: parameters and blocks, the first block being the entry. Blocks are listed
 * in the order the backend lays them out.
 */
public final class IrFunction {
    private final String owner;
    private final String name;
    private final String descriptor;
    private final List<Param> params = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();
    private int nextBlockId;

    public IrFunction(String owner, String name, String descriptor) {
        this.owner = owner;
        this.name = name;
        this.descriptor = descriptor;
        Type[] types = Type.getArgumentTypes(descriptor);
        for (int i = 0; i < types.length; i++) {
            params.add(new Param(i, types[i]));
        }
    }

    public String owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public String descriptor() {
        return descriptor;
    }

    public Type returnType() {
        return Type.getReturnType(descriptor);
    }

    public List<Param> params() {
        return Collections.unmodifiableList(params);
    }

    public List<Block> blocks() {
        return blocks;
    }

    public Block entry() {
        return blocks.get(0);
    }

    public Block newBlock() {
        Block b = new Block(nextBlockId++);
        blocks.add(b);
        return b;
    }

    /**
     * Splits {@code b} after {@code insn}: the instructions that follow it and the terminator move
     * to a new block laid out right after {@code b}, which takes {@code b}'s place as predecessor of
     * its successors (same position, so their phis stay aligned). {@code b} is left unterminated.
     */
    public Block splitAfter(Block b, Instruction insn) {
        Block tail = new Block(nextBlockId++);
        blocks.add(blocks.indexOf(b) + 1, tail);
        b.moveAfterInto(insn, tail);
        return tail;
    }

    /**
     * Splits {@code b} before {@code insn} (of its body, or its terminator): {@code insn}, what
     * follows it and the terminator move to a new block laid out right after {@code b}, as in
     * {@link #splitAfter}. {@code b} keeps its phis and is left unterminated.
     */
    public Block splitBefore(Block b, Instruction insn) {
        Block tail = new Block(nextBlockId++);
        blocks.add(blocks.indexOf(b) + 1, tail);
        b.moveFromInto(insn, tail);
        return tail;
    }

    /**
     * Puts a new block on the edge from {@code pred} to {@code succ}: it jumps to {@code succ}, takes
     * {@code pred}'s place among its predecessors (same position, so its phis stay aligned), and is
     * the target of {@code pred}'s branches to {@code succ}. Returns the new block, laid out after
     * {@code pred}.
     */
    public Block splitEdge(Block pred, Block succ) {
        Block middle = newBlockAfter(pred);
        List<Block> targets = pred.terminator().targets();
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i) == succ) {
                targets.set(i, middle);
            }
        }
        middle.predecessors().add(pred);
        Instruction jump = new Instruction(Op.GOTO, Opcodes.GOTO, Type.VOID_TYPE).withLine(pred.terminator().line());
        jump.targets().add(succ);
        middle.terminate(jump); // appended to succ's predecessors: moved to pred's place
        List<Block> preds = succ.predecessors();
        preds.remove(preds.size() - 1);
        preds.set(preds.indexOf(pred), middle);
        return middle;
    }

    /** A new empty block laid out right after {@code anchor}. */
    public Block newBlockAfter(Block anchor) {
        Block b = new Block(nextBlockId++);
        blocks.add(blocks.indexOf(anchor) + 1, b);
        return b;
    }

    /**
     * Removes {@code b}, which no block may still enter, and detaches its instructions from the values
     * they use, so that no use of a value remains in a block that is gone.
     */
    public void removeBlock(Block b) {
        for (Instruction insn : b.instructions()) {
            insn.clearOperands();
        }
        blocks.remove(b);
    }

    /** Gives every instruction a number in layout order, for the text form. */
    public void renumber() {
        int next = 0;
        for (Block b : blocks) {
            for (Instruction insn : b.instructions()) {
                insn.id = next++;
            }
        }
    }

    @Override
    public String toString() {
        return IrPrinter.print(this);
    }
}
