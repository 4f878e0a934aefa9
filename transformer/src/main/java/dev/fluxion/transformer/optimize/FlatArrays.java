package dev.fluxion.transformer.optimize;

import dev.fluxion.transformer.analysis.ForLoops;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Linearisation of rectangular arrays: {@code new double[n][m]} the function allocates, with
 * constant dimensions, that never leaves it (only its rows are read, and of a row only its elements
 * and its length) becomes one {@code double[n * m]} read and written at {@code i * m + j}, as
 * Fortran lays out {@code a(n, m)} and as a hand-written gradient keeps its state. The primal gains
 * little (the JIT keeps a row at hand), the derivatives much: a matrix of {@code n} rows has
 * {@code n + 1} arrays and as many shadow arrays, each allocated, and a row's shadow loaded again by
 * the reverse sweep wherever the row was read; one array has one shadow, reached by an index the
 * reverse sweep recomputes from the loop counters.
 *
 * <p>The rewrite changes no value and no exception: it fires only where every row index is proven
 * within {@code [0, n)} and every column index within {@code [0, m)} (a constant, the counter of a
 * {@code for} loop over a range inside the bounds, or sums and constant multiples of those), so no
 * access the original makes could have thrown, and none of the flat array's can read a neighbouring
 * row's element instead of failing.
 */
final class FlatArrays {
    /** The largest array linearised: far below what {@code n * m} could overflow or the JVM refuse. */
    static final int MAX_ELEMENTS = 1 << 24;
    /** How deep an index expression is followed before it is taken as unknown. */
    private static final int MAX_DEPTH = 8;

    private final ForLoops loops;

    private FlatArrays(IrFunction f) {
        this.loops = new ForLoops(f);
    }

    static boolean flatten(IrFunction f) {
        List<Instruction> matrices = new ArrayList<>();
        for (Block b : f.blocks()) {
            for (Instruction array : b.body()) {
                if (dimensions(array) != null && keepsItsRows(array)) {
                    matrices.add(array);
                }
            }
        }
        // the lengths first: a loop to u[i].length is a for loop to m only once the length is m
        boolean changed = false;
        for (Instruction array : matrices) {
            changed |= foldLengths(array);
        }
        FlatArrays pass = new FlatArrays(f);
        for (Instruction array : matrices) {
            if (pass.indicesWithin(array)) {
                flatten(f, array);
                changed = true;
            }
        }
        return changed;
    }

    /** The rows and columns of a {@code new p[n][m]} of a primitive type {@code p} with constant dimensions, or null. */
    private static int[] dimensions(Instruction array) {
        if (array.op() != Op.NEW_ARRAY || array.opcode() != Opcodes.MULTIANEWARRAY || array.operands().size() != 2
                || array.type().getDimensions() != 2 || array.type().getElementType().getSort() > Type.DOUBLE
                || !(array.operand(0) instanceof Constant r && r.value() instanceof Integer rows)
                || !(array.operand(1) instanceof Constant c && c.value() instanceof Integer columns)
                || rows < 0 || columns < 0 || (long) rows * columns > MAX_ELEMENTS) {
            return null;
        }
        return new int[] {rows, columns};
    }

    /**
     * Whether of {@code array} only rows are read, and of them only elements and lengths: then no
     * row is ever replaced, so every row is the one allocated, of length m, and the matrix's layout
     * is the function's own business.
     */
    private static boolean keepsItsRows(Instruction array) {
        for (Instruction user : array.users()) {
            if (user.op() == Op.ARRAY_LENGTH) {
                continue;
            }
            if (user.op() != Op.ARRAY_LOAD || user.operand(0) != array) {
                return false; // passed on, stored, compared, or a row replaced
            }
            for (Instruction use : user.users()) {
                boolean element = (use.op() == Op.ARRAY_LOAD || use.op() == Op.ARRAY_STORE && use.operand(2) != user)
                        && use.operand(0) == user;
                if (!element && use.op() != Op.ARRAY_LENGTH) {
                    return false; // the row itself goes somewhere: it must stay an array of its own
                }
            }
        }
        return true;
    }

    /** Replaces the lengths of {@code array} and of its rows by its dimensions; returns whether there were any. */
    private static boolean foldLengths(Instruction array) {
        int[] dims = dimensions(array);
        boolean folded = false;
        for (Instruction user : List.copyOf(array.users())) {
            if (user.op() == Op.ARRAY_LENGTH) {
                user.replaceAllUsesWith(Constant.ofInt(dims[0]));
                user.block().remove(user);
                folded = true;
                continue;
            }
            for (Instruction use : List.copyOf(user.users())) {
                if (use.op() == Op.ARRAY_LENGTH) {
                    use.replaceAllUsesWith(Constant.ofInt(dims[1]));
                    use.block().remove(use);
                    folded = true;
                }
            }
        }
        return folded;
    }

    /** Whether every row {@code array}'s reads name is within it, and every element within its row. */
    private boolean indicesWithin(Instruction array) {
        int[] dims = dimensions(array);
        for (Instruction row : array.users()) {
            if (!within(row.operand(1), row.block(), dims[0])) {
                return false;
            }
            for (Instruction use : row.users()) {
                if (!within(use.operand(1), use.block(), dims[1])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the int {@code index}, read in {@code at}, is always within {@code [0, length)}. */
    private boolean within(Value index, Block at, int length) {
        long[] r = range(index, at, 0);
        return r != null && r[0] >= 0 && r[1] < length;
    }

    /**
     * The least and greatest value {@code v} may have where {@code at} reads it, or null if not
     * known: a counter of a {@code for} loop is bounded in the loop's blocks after its test.
     */
    private long[] range(Value v, Block at, int depth) {
        if (v instanceof Constant c) {
            return c.value() instanceof Integer k ? new long[] {k, k} : null;
        }
        if (!(v instanceof Instruction insn) || depth > MAX_DEPTH) {
            return null;
        }
        if (insn.isPhi()) {
            ForLoops.ForLoop loop = loops.ofInductionVariable(insn);
            if (loop == null || at == loop.header() || !loop.body().contains(at)) {
                return null;
            }
            long[] start = range(loop.start(), loop.header(), depth + 1);
            long[] limit = range(loop.limit(), loop.header(), depth + 1);
            return start == null || limit == null ? null : new long[] {start[0], limit[1] - 1};
        }
        if (insn.op() == Op.ARRAY_LENGTH) {
            Integer length = length(insn.operand(0));
            return length == null ? null : new long[] {length, length};
        }
        if (insn.op() != Op.ARITHMETIC) {
            return null;
        }
        long[] a = insn.operands().isEmpty() ? null : range(insn.operand(0), insn.block(), depth + 1);
        long[] b = insn.operands().size() < 2 ? null : range(insn.operand(1), insn.block(), depth + 1);
        if (a == null || b == null) {
            return null;
        }
        long[] r = switch (insn.opcode()) {
            case Opcodes.IADD -> new long[] {a[0] + b[0], a[1] + b[1]};
            case Opcodes.ISUB -> new long[] {a[0] - b[1], a[1] - b[0]};
            case Opcodes.IMUL -> b[0] == b[1] && b[0] >= 0 ? new long[] {a[0] * b[0], a[1] * b[0]}
                    : a[0] == a[1] && a[0] >= 0 ? new long[] {b[0] * a[0], b[1] * a[0]} : null;
            default -> null;
        };
        // operands within int and the result too: no wrap-around in between
        return r == null || r[0] < Integer.MIN_VALUE || r[1] > Integer.MAX_VALUE ? null : r;
    }

    /** The length of an array allocated here with a constant length, or null. */
    private static Integer length(Value array) {
        return array instanceof Instruction a && a.op() == Op.NEW_ARRAY && a.operand(0) instanceof Constant c
                && c.value() instanceof Integer n ? n : null;
    }

    /**
     * Replaces {@code array} by one flat array. The index arithmetic is made once per block for each
     * row index, and once per block for each element, the blocks walked in program order, so the
     * first computation precedes, and dominates, the others in its block: {@code m[i][j] * m[i][j]}
     * reads one index twice, which {@link RedundantLoads} sees as one read, as it saw the two reads of
     * row {@code i} before.
     */
    private static void flatten(IrFunction f, Instruction array) {
        int[] dims = dimensions(array);
        Constant columns = Constant.ofInt(dims[1]);
        Type flatType = Type.getType(array.type().getDescriptor().substring(1));
        Instruction flat = array.block().insertBefore(array,
                new Instruction(Op.NEW_ARRAY, Opcodes.NEWARRAY, flatType, Constant.ofInt(dims[0] * dims[1])).withLine(array.line()));
        Set<Instruction> rows = new HashSet<>(array.users());
        Map<Instruction, Value> baseOf = new HashMap<>();
        for (Block b : f.blocks()) {
            Map<Value, Value> products = new HashMap<>();
            for (Instruction row : List.copyOf(b.body())) {
                if (rows.contains(row) && !row.users().isEmpty()) { // a row only measured has no index to compute
                    baseOf.put(row, products.computeIfAbsent(row.operand(1), i -> product(i, columns, row)));
                }
            }
        }
        for (Block b : f.blocks()) {
            Map<List<Value>, Value> sums = new HashMap<>();
            for (Instruction use : List.copyOf(b.body())) {
                if (use.operands().size() >= 2 && use.operand(0) instanceof Instruction row && rows.contains(row)) {
                    Value base = baseOf.get(row);
                    Value index = sums.computeIfAbsent(List.of(base, use.operand(1)), k -> sum(base, k.get(1), use));
                    use.setOperand(0, flat);
                    use.setOperand(1, index);
                }
            }
        }
        for (Instruction row : rows) {
            row.block().remove(row);
        }
        array.block().remove(array);
    }

    /** {@code row * columns}, computed where the row was read. */
    private static Value product(Value row, Constant columns, Instruction at) {
        if (row instanceof Constant c) {
            return Constant.ofInt((Integer) c.value() * (Integer) columns.value());
        }
        return at.block().insertBefore(at,
                new Instruction(Op.ARITHMETIC, Opcodes.IMUL, Type.INT_TYPE, row, columns).withLine(at.line()));
    }

    /** {@code base + column}, computed where the element is read or written. */
    private static Value sum(Value base, Value column, Instruction at) {
        if (column instanceof Constant c && base instanceof Constant b) {
            return Constant.ofInt((Integer) b.value() + (Integer) c.value());
        }
        if (column instanceof Constant c && Integer.valueOf(0).equals(c.value())) {
            return base;
        }
        return at.block().insertBefore(at,
                new Instruction(Op.ARITHMETIC, Opcodes.IADD, Type.INT_TYPE, base, column).withLine(at.line()));
    }
}
