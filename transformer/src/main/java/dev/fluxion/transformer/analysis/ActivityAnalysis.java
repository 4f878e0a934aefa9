package dev.fluxion.transformer.analysis;

import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Param;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Value;
import dev.fluxion.transformer.rules.MathRules;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * Activity analysis (Hascoët and Pascual, "The Tapenade automatic differentiation tool", 2013):
 * a value is <em>varied</em> if it depends on a differentiated input, <em>useful</em> if the
 * result depends on it, and <em>active</em> if both. Only active values get adjoints; integer
 * counters, indices and constant tables never do.
 *
 * <p>All {@code double}/{@code float} parameters and {@code double[]}/{@code float[]} parameters
 * are inputs. Dependence flows through arithmetic, conversions between floating types, element
 * reads of varied arrays, phis, and calls that have derivatives ({@code Math} functions,
 * {@code @Differentiable} methods). Integer results cut it: {@code (int) x} has derivative zero.
 */
public final class ActivityAnalysis {
    private final Set<Value> varied = new HashSet<>();
    private final Set<Value> useful = new HashSet<>();
    private final Callees callees;

    private ActivityAnalysis(Callees callees) {
        this.callees = callees;
    }

    public static ActivityAnalysis of(IrFunction f, Callees callees) {
        ActivityAnalysis a = new ActivityAnalysis(callees);
        a.propagateVaried(f);
        a.propagateUseful(f);
        return a;
    }

    public boolean isVaried(Value v) {
        return varied.contains(v);
    }

    public boolean isUseful(Value v) {
        return useful.contains(v);
    }

    public boolean isActive(Value v) {
        return varied.contains(v) && useful.contains(v);
    }

    /** Whether a value of this type can carry a derivative at all. */
    public static boolean canCarry(Value v) {
        return Types.isFloating(v.type()) || Types.isFloatingArray(v.type());
    }

    private void propagateVaried(IrFunction f) {
        for (Param p : f.params()) {
            if (canCarry(p)) {
                varied.add(p);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Block b : f.blocks()) {
                for (Instruction insn : b.instructions()) {
                    if (!varied.contains(insn) && canCarry(insn) && dependsOnVaried(insn)) {
                        varied.add(insn);
                        changed = true;
                    }
                }
            }
        }
    }

    private boolean dependsOnVaried(Instruction insn) {
        return switch (insn.op()) {
            case PHI, ARITHMETIC, CONVERT, ARRAY_LOAD, CHECKCAST -> anyOperandVaried(insn);
            case INVOKE -> (MathRules.ruleFor(insn.member()) != null || callees.isDifferentiable(insn.member()))
                    && anyOperandVaried(insn);
            default -> false;
        };
    }

    private boolean anyOperandVaried(Instruction insn) {
        for (Value v : insn.operands()) {
            if (varied.contains(v)) {
                return true;
            }
        }
        return false;
    }

    private void propagateUseful(IrFunction f) {
        ArrayDeque<Value> work = new ArrayDeque<>();
        for (Block b : f.blocks()) {
            Instruction t = b.terminator();
            if (t.op() == Op.RETURN && !t.operands().isEmpty()) {
                work.add(t.operand(0));
            }
        }
        while (!work.isEmpty()) {
            Value v = work.pop();
            if (!useful.add(v) || !(v instanceof Instruction insn)) {
                continue;
            }
            for (Value operand : insn.operands()) {
                if (!useful.contains(operand)) {
                    work.add(operand);
                }
            }
        }
    }
}
