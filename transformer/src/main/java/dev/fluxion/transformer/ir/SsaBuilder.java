package dev.fluxion.transformer.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Type;

/**
 * Builds SSA form on the fly from reads and writes of variables, after Braun, Buchwald, Hack,
 * Leißa, Mallon and Zwinkau, "Simple and Efficient Construction of Static Single Assignment
 * Form" (CC 2013). Variables are arbitrary keys: the bytecode frontend uses local-variable and
 * operand-stack slots, the adjoint generator uses adjoint accumulators and restored primal
 * values. Both passes therefore get phis, and minimal ones, without computing dominance
 * frontiers.
 *
 * <p>Contract: the CFG's edges are known before a block is sealed; {@link #seal} a block once all
 * its predecessors are filled (no more writes to them). Reads in an unsealed block create
 * incomplete phis, completed at sealing. Trivial phis are removed as soon as they are known to be
 * trivial; holders of values outside the IR must pass them through {@link #resolve}.
 */
public final class SsaBuilder {
    private final Map<Block, Map<Object, Value>> currentDef = new HashMap<>();
    private final Map<Block, Map<Object, Instruction>> incompletePhis = new HashMap<>();
    private final Map<Value, Value> replaced = new HashMap<>();
    private final Set<Block> sealed = new HashSet<>();
    /** Phis still collecting operands: judging them trivial now would be premature. */
    private final Set<Instruction> underConstruction = new HashSet<>();

    public void write(Object variable, Block block, Value value) {
        currentDef.computeIfAbsent(block, b -> new HashMap<>()).put(variable, value);
    }

    /** Whether {@code block} itself defines {@code variable} (without looking at predecessors). */
    public boolean definesLocally(Object variable, Block block) {
        Map<Object, Value> defs = currentDef.get(block);
        return defs != null && defs.containsKey(variable);
    }

    public Value read(Object variable, Type type, Block block) {
        Map<Object, Value> defs = currentDef.get(block);
        if (defs != null && defs.containsKey(variable)) {
            return resolve(defs.get(variable));
        }
        return readRecursive(variable, type, block);
    }

    private Value readRecursive(Object variable, Type type, Block block) {
        Value value;
        if (!sealed.contains(block)) {
            Instruction phi = newPhi(variable, type, block);
            incompletePhis.computeIfAbsent(block, b -> new LinkedHashMap<>()).put(variable, phi);
            value = phi;
        } else if (block.predecessors().isEmpty()) {
            value = new Undef(type);
        } else if (block.predecessors().size() == 1) {
            value = read(variable, type, block.predecessors().get(0));
        } else {
            Instruction phi = newPhi(variable, type, block);
            write(variable, block, phi); // breaks cycles through loops
            value = addOperands(variable, type, phi);
        }
        value = resolve(value);
        write(variable, block, value);
        return value;
    }

    private Instruction newPhi(Object variable, Type type, Block block) {
        return block.addPhi(new Instruction(Op.PHI, -1, type));
    }

    private Value addOperands(Object variable, Type type, Instruction phi) {
        underConstruction.add(phi);
        for (Block pred : phi.block().predecessors()) {
            phi.addOperand(read(variable, type, pred));
        }
        underConstruction.remove(phi);
        return removeIfTrivial(phi);
    }

    /** A phi whose operands are all one value (or itself) is that value. */
    private Value removeIfTrivial(Instruction phi) {
        Value same = null;
        for (Value op : phi.operands()) {
            if (op == same || op == phi) {
                continue;
            }
            if (same != null) {
                return phi;
            }
            same = op;
        }
        if (same == null) {
            same = new Undef(phi.type());
        }
        List<Instruction> phiUsers = new ArrayList<>();
        for (Instruction user : phi.users()) {
            if (user != phi && user.isPhi()) {
                phiUsers.add(user);
            }
        }
        phi.replaceAllUsesWith(same);
        phi.block().removePhi(phi);
        replaced.put(phi, same);
        for (Instruction user : phiUsers) {
            if (user.block() != null && user.block().phis().contains(user) && !isIncomplete(user)
                    && !underConstruction.contains(user)) {
                removeIfTrivial(user);
            }
        }
        // removing the users may have removed `same` too (the paper's pseudo-code misses this)
        return resolve(same);
    }

    private boolean isIncomplete(Instruction phi) {
        Map<Object, Instruction> pending = incompletePhis.get(phi.block());
        return pending != null && pending.containsValue(phi);
    }

    public void seal(Block block) {
        if (!sealed.add(block)) {
            return;
        }
        Map<Object, Instruction> pending = incompletePhis.remove(block);
        if (pending != null) {
            for (Map.Entry<Object, Instruction> e : pending.entrySet()) {
                addOperands(e.getKey(), e.getValue().type(), e.getValue());
            }
        }
    }

    public boolean isSealed(Block block) {
        return sealed.contains(block);
    }

    /**
     * Fills {@code f}'s blocks in reverse post-order, so that definitions are seen before their
     * uses: {@code fill} reads and writes variables in a block (and may rewrite its body, not the
     * control flow); each block is sealed as soon as all its predecessors are filled, and the
     * blocks the entry does not reach are sealed last. How passes that turn memory into variables
     * (an object's fields, a list's array and size) run this builder over a whole function.
     */
    public void fill(IrFunction f, java.util.function.Consumer<Block> fill) {
        Set<Block> filled = new HashSet<>();
        for (Block b : BlockOrder.reversePostOrder(f.entry())) {
            if (filled.containsAll(b.predecessors())) {
                seal(b);
            }
            fill.accept(b);
            filled.add(b);
            for (Block s : b.successors()) {
                if (filled.containsAll(s.predecessors())) {
                    seal(s);
                }
            }
        }
        for (Block b : f.blocks()) {
            seal(b);
        }
    }

    /** The value that now stands for {@code v}, following trivial-phi replacements. */
    public Value resolve(Value v) {
        Value r = v;
        while (replaced.containsKey(r)) {
            r = replaced.get(r);
        }
        return r;
    }
}
