package dev.fluxion.transformer.analysis;

import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alias classes of floating-point arrays: SSA values that may refer to the same array object, or
 * to arrays linked as rows of one another, are put in one <em>family</em>. Activity is decided per
 * family, never per reference, so an array written through one name and read through another
 * (an alias, a phi of two arrays, a row of a 2-D array) can never be missed: a write of an active
 * value into any member makes every member active.
 *
 * <p>Families are unions of: a phi and its operands, a cast and its operand, a row loaded from a
 * multi-dimensional array and that array, a row stored into one and that array, the source and
 * result of copies of multi-dimensional arrays (which share their rows), and all arrays that come
 * from outside the method other than through parameters (read from fields, returned by calls),
 * which may be one and the same array. The union is coarse (two
 * rows of one matrix are one family) but sound, and it is all the adjoint needs: each member still
 * gets its own shadow.
 *
 * <p>A family is <em>written</em> if some instruction may store into one of its members: an element
 * store, {@code System.arraycopy}, {@code Arrays.fill}, or a call that may write its array arguments.
 */
public final class ArrayFamilies {
    private final Map<Value, Value> parent = new HashMap<>();
    private final Map<Value, List<Instruction>> writers = new LinkedHashMap<>();
    private final Callees callees;

    private final IrFunction function;

    public ArrayFamilies(IrFunction f, Callees callees) {
        this.callees = callees;
        this.function = f;
        Value outside = null;
        for (Block b : f.blocks()) {
            for (Instruction insn : b.instructions()) {
                if (isMember(insn)) {
                    find(insn);
                    if (isFromOutside(insn)) {
                        if (outside != null) {
                            union(insn, outside);
                        }
                        outside = insn;
                    }
                }
                unite(insn);
            }
        }
        for (var p : f.params()) {
            if (isMember(p)) {
                find(p);
            }
        }
        for (Block b : f.blocks()) {
            for (Instruction insn : b.instructions()) {
                for (Value written : writtenBy(insn, callees)) {
                    writers.computeIfAbsent(find(written), k -> new ArrayList<>()).add(insn);
                }
            }
        }
    }

    /** Whether {@code v} refers to a floating-point array (at any depth), including untyped copies of one. */
    public static boolean isMember(Value v) {
        if (Types.isFloatingArray(v.type())) {
            return true;
        }
        return v instanceof Instruction insn && ArrayOps.of(insn) != null && ArrayOps.of(insn).creates();
    }

    /**
     * An array read from a field or returned by a call: it may be any array the program holds. Not
     * so an array a {@code @Differentiable} callee returns: that is one it allocated, or one of the
     * arrays it was given (see {@link #unite}).
     */
    private boolean isFromOutside(Instruction insn) {
        return insn.op() == Op.FIELD_GET || insn.op() == Op.INVOKE && ArrayOps.of(insn) == null
                && !callees.isDifferentiable(insn.member()) && !ArrayOps.isFreshZeros(insn);
    }

    private void unite(Instruction insn) {
        switch (insn.op()) {
            case PHI, CHECKCAST -> {
                for (Value v : insn.operands()) {
                    if (isMember(v) && isMember(insn)) {
                        union(insn, v);
                    }
                }
            }
            case ARRAY_LOAD -> {
                if (isMember(insn)) {
                    union(insn, insn.operand(0));
                }
            }
            case ARRAY_STORE -> {
                if (isMember(insn.operand(2)) && isMember(insn.operand(0))) {
                    union(insn.operand(0), insn.operand(2));
                }
            }
            case INVOKE -> {
                ArrayOps op = ArrayOps.of(insn);
                if (op == null && isMember(insn) && callees.isDifferentiable(insn.member())) {
                    for (int j = 0; j < insn.operands().size(); j++) {
                        if (isMember(insn.operand(j)) && callees.mayReturnArgument(insn.member(), j)) {
                            union(insn, insn.operand(j)); // the callee may return this argument, or a row of it
                        }
                    }
                } else if (op != null && op.creates() && isMultiDimensional(insn.operand(0))) {
                    union(insn, insn.operand(0));
                } else if (op == ArrayOps.ARRAYCOPY && isMember(insn.operand(0)) && isMultiDimensional(insn.operand(0))) {
                    union(insn.operand(0), insn.operand(2));
                }
            }
            default -> {
            }
        }
    }

    private static boolean isMultiDimensional(Value v) {
        return v.type().getSort() == org.objectweb.asm.Type.ARRAY && v.type().getDimensions() > 1;
    }

    /** The arrays {@code insn} may write elements of. */
    private static List<Value> writtenBy(Instruction insn, Callees callees) {
        List<Value> out = new ArrayList<>();
        if (insn.op() == Op.ARRAY_STORE && isMember(insn.operand(0))) {
            out.add(insn.operand(0));
        } else if (insn.op() == Op.INVOKE) {
            ArrayOps op = ArrayOps.of(insn);
            if (op == ArrayOps.ARRAYCOPY) {
                if (isMember(insn.operand(2))) {
                    out.add(insn.operand(2));
                }
            } else if (op == ArrayOps.FILL) {
                out.add(insn.operand(0));
            } else if (op == null) {
                for (int j = 0; j < insn.operands().size(); j++) { // operand 0 of an instance call is the receiver
                    Value v = insn.operand(j);
                    if (isMember(v) && callees.mayWriteArgument(insn.member(), j)) {
                        out.add(v);
                    }
                }
            }
        }
        return out;
    }

    /** The representative of {@code v}'s family; {@code v} must be a {@linkplain #isMember member}. */
    public Value find(Value v) {
        Value p = parent.get(v);
        if (p == null) {
            parent.put(v, v);
            return v;
        }
        if (p == v) {
            return v;
        }
        Value root = find(p);
        parent.put(v, root);
        return root;
    }

    private void union(Value a, Value b) {
        Value ra = find(a);
        Value rb = find(b);
        if (ra != rb) {
            parent.put(ra, rb);
        }
    }

    /** The instructions that may write elements of an array of {@code v}'s family. */
    public List<Instruction> writers(Value v) {
        return writers.getOrDefault(find(v), List.of());
    }

    /** Whether some instruction may write elements of an array of {@code v}'s family. */
    public boolean isWritten(Value v) {
        return writers.containsKey(find(v));
    }

    /**
     * The indices of the parameters whose arrays (or rows) the method may write, itself or through
     * its callees: what a caller must assume the call changes. Finer than {@link #isWritten}, which
     * joins a family both ways: {@code double[] h = x; ... h = next; next[i] = v} writes {@code next}
     * and never {@code x}, and a row of a caller's data table passed as {@code x} stays data.
     */
    public Set<Integer> writtenParameters(IrFunction f) {
        Set<Integer> out = new java.util.TreeSet<>();
        for (var p : f.params()) {
            if (isMember(p) && writes(sameOrRowOf(p))) {
                out.add(p.index());
            }
        }
        return out;
    }

    /**
     * Whether some instruction may write elements of the array or its rows: a store, copy or fill
     * into one of them, or a call that may write one of them or an array that holds its rows. A
     * store into an array that merely holds its rows ({@code double[][] m = {p}; m[0] = q}) moves
     * references, and writes none of its numbers.
     */
    private boolean writes(Structure s) {
        for (List<Instruction> ws : writers.values()) {
            for (Instruction w : ws) {
                for (Value target : writtenBy(w, callees)) {
                    boolean call = w.op() == Op.INVOKE && ArrayOps.of(w) == null;
                    if (s.same().contains(target) || call && s.holders().contains(target)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code array} (an array read from a field, say) is data here: nothing writes its
     * numbers or moves its rows, through any value that may be it or one of its rows. Such an array
     * may share a family with computed arrays ({@code double[] x = TABLE[n]; x = layer(x);}) and
     * so be active, but its adjoint is nobody's: a shadow of zeros, discarded, serves it.
     */
    public boolean isData(Value array) {
        Structure s = sameOrRowOf(array);
        return !writes(s) && !(isMultiDimensional(array) && movesRowsOf(function, s.same(), callees));
    }

    /**
     * The indices of the multi-dimensional parameters whose rows the method may replace or move: a
     * row stored into, or {@code arraycopy} into, the parameter or one of its rows (at any depth), or
     * a call that may do so to one of them (mutual recursion counts as may, direct recursion not).
     * A new matrix made of the parameter's rows ({@code m.clone()}, {@code {m[0], m[1]}}) is not the
     * parameter: moving its rows moves none of the parameter's.
     */
    public Set<Integer> rowsMovedParameters(IrFunction f, Callees callees) {
        Set<Integer> out = new java.util.TreeSet<>();
        for (var p : f.params()) {
            if (isMember(p) && isMultiDimensional(p) && movesRowsOf(f, sameOrRowOf(p).same(), callees)) {
                out.add(p.index());
            }
        }
        return out;
    }

    private boolean movesRowsOf(IrFunction f, Set<Value> structure, Callees callees) {
        for (Block b : f.blocks()) {
            for (Instruction insn : b.instructions()) {
                if (insn.op() == Op.ARRAY_STORE && structure.contains(insn.operand(0)) && isMultiDimensional(insn.operand(0))) {
                    return true;
                }
                if (ArrayOps.of(insn) == ArrayOps.ARRAYCOPY && structure.contains(insn.operand(2))
                        && isMultiDimensional(insn.operand(2))) {
                    return true;
                }
                if (insn.op() == Op.INVOKE && ArrayOps.of(insn) == null && !isRecursive(f, insn)) {
                    for (int j = 0; j < insn.operands().size(); j++) {
                        Value v = insn.operand(j);
                        if (structure.contains(v) && isMultiDimensional(v) && callees.mayMoveRows(insn.member(), j)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /**
     * The values that may be {@code array} itself or one of its rows at any depth (whose row stores
     * change {@code array}'s structure), following phis, casts, row loads (also from arrays that hold
     * its rows: copies of it, or arrays its rows were stored into) and calls that may return an
     * argument.
     */
    private Structure sameOrRowOf(Value array) {
        Set<Value> same = new java.util.HashSet<>();
        Set<Value> holders = new java.util.HashSet<>(); // arrays holding its rows, not it
        java.util.ArrayDeque<Value> work = new java.util.ArrayDeque<>(List.of(array));
        java.util.ArrayDeque<Value> holderWork = new java.util.ArrayDeque<>();
        while (!work.isEmpty() || !holderWork.isEmpty()) {
            if (!holderWork.isEmpty()) {
                Value h = holderWork.pop();
                if (holders.add(h)) {
                    for (Instruction user : h.users()) {
                        if (user.op() == Op.ARRAY_LOAD && user.operand(0) == h && isMember(user)) {
                            work.add(user); // a row of the holder may be one of array's rows
                        } else if (user.op() == Op.PHI || user.op() == Op.CHECKCAST) {
                            holderWork.add(user);
                        } else if (ArrayOps.of(user) != null && ArrayOps.of(user).creates() && user.operand(0) == h) {
                            holderWork.add(user);
                        }
                    }
                }
                continue;
            }
            Value v = work.pop();
            if (!same.add(v)) {
                continue;
            }
            for (Instruction user : v.users()) {
                switch (user.op()) {
                    case PHI, CHECKCAST -> work.add(user);
                    case ARRAY_LOAD -> {
                        if (user.operand(0) == v && isMember(user)) {
                            work.add(user);
                        }
                    }
                    case ARRAY_STORE -> {
                        if (user.operand(2) == v && isMember(user.operand(0))) {
                            holderWork.add(user.operand(0)); // v stored as a row of another array
                        }
                    }
                    case INVOKE -> {
                        ArrayOps op = ArrayOps.of(user);
                        if (op != null && op.creates() && user.operand(0) == v && isMultiDimensional(v)) {
                            holderWork.add(user); // a copy shares v's rows
                        } else if (op == ArrayOps.ARRAYCOPY && user.operand(0) == v && isMember(user.operand(2))) {
                            holderWork.add(user.operand(2));
                        } else if (op == null && isMember(user) && callees.isDifferentiable(user.member())) {
                            for (int j = 0; j < user.operands().size(); j++) {
                                if (user.operand(j) == v && callees.mayReturnArgument(user.member(), j)) {
                                    work.add(user);
                                }
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return new Structure(same, holders);
    }

    /** An array's structure: the values that may be it or one of its rows, and the arrays that may hold its rows. */
    private record Structure(Set<Value> same, Set<Value> holders) {
    }

    /** A call of {@code f} to itself moves no rows unless {@code f} does elsewhere. */
    private static boolean isRecursive(IrFunction f, Instruction call) {
        return call.member().owner().equals(f.owner()) && call.member().name().equals(f.name())
                && call.member().descriptor().equals(f.descriptor());
    }

    /** The indices of the parameters whose arrays (or rows) the method may return. */
    public Set<Integer> returnedParameters(IrFunction f) {
        Set<Integer> out = new java.util.TreeSet<>();
        for (Block b : f.blocks()) {
            Instruction t = b.terminator();
            if (t.op() == Op.RETURN && !t.operands().isEmpty() && isMember(t.operand(0))) {
                for (var p : f.params()) {
                    if (isMember(p) && find(p) == find(t.operand(0))) {
                        out.add(p.index());
                    }
                }
            }
        }
        return out;
    }

    /** The members of every family, grouped by representative. */
    public Map<Value, List<Value>> members() {
        Map<Value, List<Value>> out = new LinkedHashMap<>();
        for (Value v : parent.keySet()) {
            out.computeIfAbsent(find(v), k -> new ArrayList<>()).add(v);
        }
        return out;
    }
}
