package dev.fluxion.transformer.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Copies blocks of one function into another: instructions with their payloads and lines, operands
 * and targets mapped to the copies. A value defined outside the copied blocks is mapped by the
 * caller's function (a parameter of the new function, say); constants stay themselves.
 */
public final class BlockCopier {
    private final Map<Value, Value> values = new HashMap<>();
    private final Map<Block, Block> blocks = new HashMap<>();
    /** Whether constants are copied too ({@link #detached}), or stay themselves. */
    private boolean copiesConstants;

    /** A copy of the whole function, under the same name, for a pass that must leave the original intact. */
    public static IrFunction copy(IrFunction f) {
        return copy(f, new BlockCopier());
    }

    /**
     * A copy of the whole function that shares no value with it, constants included (one copy of
     * each), or {@code null} for {@code null}: what a fresh parse would give, for a function kept to
     * be copied into several others, whose constants would otherwise gather the users of all of them.
     */
    public static IrFunction detached(IrFunction f) {
        if (f == null) {
            return null;
        }
        BlockCopier c = new BlockCopier();
        c.copiesConstants = true;
        return copy(f, c);
    }

    private static IrFunction copy(IrFunction f, BlockCopier c) {
        IrFunction out = new IrFunction(f.owner(), f.name(), f.descriptor());
        for (Param p : f.params()) {
            c.values.put(p, out.params().get(p.index()));
        }
        c.copy(f.blocks(), out, v -> {
            throw new IllegalStateException("no definition of " + v);
        }, b -> null);
        return out;
    }

    /**
     * Copies {@code from} (in this order) into new blocks of {@code into}, with the same phis,
     * instructions and edges among them. An operand defined elsewhere is replaced by
     * {@code outside.apply(operand)}. A block whose terminator leaves the copied blocks is ended
     * instead by {@code exit.apply(block)}, built from {@link #value}s; {@code null} keeps the copy.
     */
    public void copy(List<Block> from, IrFunction into, Function<Value, Value> outside,
            Function<Block, Instruction> exit) {
        for (Block b : from) {
            blocks.put(b, into.newBlock());
        }
        List<Instruction> originals = new ArrayList<>();
        for (Block b : from) {
            for (Instruction insn : b.instructions()) {
                values.put(insn, insn.copyWithoutOperands());
                originals.add(insn);
            }
        }
        for (Instruction insn : originals) {
            Instruction copy = (Instruction) values.get(insn);
            for (Value v : insn.operands()) {
                copy.addOperand(map(v, outside));
            }
            for (Block t : insn.targets()) {
                copy.targets().add(blocks.getOrDefault(t, t)); // outside: replaced below
            }
        }
        for (Block b : from) {
            Block to = blocks.get(b);
            for (Instruction phi : b.phis()) {
                to.addPhi((Instruction) values.get(phi));
            }
            for (Instruction insn : b.body()) {
                to.append((Instruction) values.get(insn));
            }
        }
        for (Block b : from) {
            Instruction copied = (Instruction) values.get(b.terminator());
            Instruction replacement = exit.apply(b);
            if (replacement != null) {
                copied.clearOperands();
                copied = replacement;
            } else if (!blocks.keySet().containsAll(b.terminator().targets())) {
                throw new IllegalArgumentException(b + " leaves the copied blocks");
            }
            blocks.get(b).terminate(copied);
        }
        // predecessors in the original's order, which the phis' operands follow; one outside the
        // copied blocks stays the original, for the caller to replace
        for (Block b : from) {
            Block to = blocks.get(b);
            to.predecessors().clear();
            for (Block p : b.predecessors()) {
                to.predecessors().add(blocks.getOrDefault(p, p));
            }
        }
    }

    private Value map(Value v, Function<Value, Value> outside) {
        Value mapped = values.get(v);
        if (mapped != null) {
            return mapped;
        }
        if (v instanceof Constant || v instanceof Undef) {
            if (!copiesConstants) {
                return v;
            }
            mapped = v instanceof Constant k ? new Constant(k.type(), k.value()) : new Undef(v.type());
            values.put(v, mapped);
            return mapped;
        }
        mapped = outside.apply(v);
        values.put(v, mapped);
        return mapped;
    }

    /** The copy of a value defined in, or mapped into, the copied blocks. */
    public Value value(Value original) {
        return values.get(original);
    }

    /** The copy of a copied block. */
    public Block block(Block original) {
        return blocks.get(original);
    }
}
