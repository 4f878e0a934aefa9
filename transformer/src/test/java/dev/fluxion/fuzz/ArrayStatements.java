package dev.fluxion.fuzz;

import static dev.fluxion.fuzz.Construct.*;

import dev.fluxion.fuzz.Node.Sort;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements on {@code double[]} and {@code double[][]}: declarations (new, initialisers, copies,
 * rows, arrays returned by helpers, phis), element writes and increments, {@code arraycopy},
 * {@code Arrays.fill}, writes into the input, and the row moves of matrices (swapped, replaced,
 * fresh, shifted).
 *
 * <p>Every array is 2 to {@link Var#MAX_LENGTH} long and every matrix has 2 to {@link Var#MAX_ROWS}
 * rows, so indices 0 and 1 are always in bounds; each variable records the fewest elements (rows,
 * columns) it may have, and reassignments keep to it. Rows of a matrix a helper was given are
 * never moved (outside the subset: "a callee that replaces or moves rows of a 2-D array it is given").
 */
final class ArrayStatements {
    private final MethodScope s;
    private final Expressions ex;
    private final Calls calls;

    ArrayStatements(MethodScope s, Expressions ex, Calls calls) {
        this.s = s;
        this.ex = ex;
        this.calls = calls;
    }

    /** A random array statement, or {@code null} if the scope has nothing for the kind drawn. */
    Node statement() {
        return switch (s.rng.nextInt(14)) {
            case 0, 1 -> declareArray();
            case 2, 3, 4 -> elementWrite();
            case 5 -> s.on(ELEMENT_INCREMENT) ? elementIncrement() : null;
            case 6 -> s.on(ARRAYCOPY) || s.on(ARRAYCOPY_OVERLAPPING) ? arraycopy() : null;
            case 7 -> s.on(ARRAYS_FILL) ? fill() : null;
            case 8, 9 -> s.on(MATRIX) || s.on(MATRIX_OF_ROWS) || s.on(MATRIX_CLONE) ? declareMatrix() : null;
            case 10, 11 -> rowMove(null);
            case 12 -> s.on(ARRAY_SWAP) ? swapArrays() : null;
            default -> matrixElementWrite();
        };
    }

    // ------------------------------------------------------------------ declarations

    /** A declaration of a {@code double[]} (or, if {@code matrix}, a {@code double[][]}), or {@code null}. */
    Node declaration(boolean matrix) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Node n = matrix ? declareMatrix() : declareArray();
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    private Node declareArray() {
        String name = s.fresh("a");
        List<Var> arrays = s.visible(Var.Type.ARRAY);
        List<Var> matrices = s.visible(Var.Type.MATRIX);
        int length;
        Family family = Family.fresh();
        Node init;
        int kind = s.rng.nextInt(8);
        if (kind == 0 && s.on(LOCAL_ARRAY)) {
            length = s.between(2, Var.MAX_LENGTH);
            init = Node.of(Sort.ARRAY, "new double[" + length + "]").mark(LOCAL_ARRAY);
        } else if (kind == 1 && s.on(LOCAL_ARRAY)) {
            length = s.between(2, 4);
            List<Node> elements = new ArrayList<>();
            StringBuilder t = new StringBuilder("{");
            for (int i = 0; i < length; i++) {
                t.append(i == 0 ? "" : ", ").append('$').append(i);
                elements.add(ex.fit(ex.real(1), Var.PLAIN_CAP));
            }
            init = Node.of(Sort.ARRAY, t.append('}').toString(), elements).mark(LOCAL_ARRAY);
        } else if (kind == 2 && s.on(CLONE) && !arrays.isEmpty()) {
            Var src = s.pick(arrays);
            if (!s.mayCopy(src)) {
                return null;
            }
            length = src.minLength;
            family = Family.copyOf(src.family);
            init = s.copied(Node.of(Sort.ARRAY, src.name + ".clone()").mark(CLONE), src);
        } else if (kind == 3 && s.on(ARRAYS_COPY_OF) && !arrays.isEmpty()) {
            Var src = s.pick(arrays);
            if (!s.mayCopy(src)) {
                return null;
            }
            family = Family.copyOf(src.family);
            if (s.chance(0.5)) {
                length = s.between(2, Var.MAX_LENGTH);
                init = Node.of(Sort.ARRAY, "Arrays.copyOf(" + src.name + ", " + length + ")").mark(ARRAYS_COPY_OF);
            } else {
                int from = s.between(0, src.minLength - 1);
                length = s.between(2, Var.MAX_LENGTH - 2);
                init = Node.of(Sort.ARRAY, "Arrays.copyOfRange(" + src.name + ", " + from + ", " + (from + length) + ")")
                        .mark(ARRAYS_COPY_OF);
            }
            init = s.copied(init, src);
        } else if (kind == 4 && s.on(ROW_ALIAS) && !matrices.isEmpty()) {
            Var m = s.pick(matrices);
            length = m.minColumns;
            family = m.family;
            init = Node.of(Sort.ARRAY, m.name + "[$0]", ex.rowIndex(m)).mark(ROW_ALIAS);
        } else if (kind == 5 && s.on(CALL_RETURNS_ARRAY)) {
            Calls.Call c = calls.arrayCall(ex);
            if (c == null) {
                return null;
            }
            length = 2;
            family = c.result();
            init = c.node();
        } else if (kind == 6 && s.on(ARRAY_PHI) && arrays.size() >= 2) {
            Var a = s.pick(arrays);
            Var b = s.pick(arrays);
            length = Math.min(a.minLength, b.minLength);
            family = Family.union(a.family, b.family);
            init = Node.of(Sort.ARRAY, "$0 ? " + a.name + " : " + b.name, ex.condition(1)).mark(ARRAY_PHI);
        } else {
            return null;
        }
        Var v = s.declare(name, Var.Type.ARRAY);
        v.minLength = length;
        v.family = family;
        return Node.statement("double[] " + name + " = $0;", init);
    }

    /**
     * A matrix that holds values depending on x: its rows x and copies of arrays, or an initialiser
     * of elements read from x (a matrix of zeros handed to a helper would check nothing).
     */
    Node activeMatrix() {
        List<Var> arrays = new ArrayList<>();
        for (Var a : s.visible(Var.Type.ARRAY)) {
            if (a.family.varied()) {
                arrays.add(a);
            }
        }
        String name = s.fresh("m");
        int rows = s.between(2, 3);
        int columns = 2;
        StringBuilder t = new StringBuilder("{");
        List<Node> kids = new ArrayList<>();
        Family family = Family.fresh();
        boolean distinct = true;
        for (int r = 0; r < rows; r++) {
            t.append(r == 0 ? "" : ", ");
            if (!arrays.isEmpty() && s.on(CLONE) && s.chance(0.5)) {
                Var a = s.pick(arrays);
                t.append(a.name).append(".clone()");
                family = Family.union(family, Family.copyOf(a.family));
                continue;
            }
            t.append('$').append(kids.size());
            List<Node> elements = new ArrayList<>();
            StringBuilder rt = new StringBuilder("{");
            for (int c = 0; c < columns; c++) {
                rt.append(c == 0 ? "" : ", ").append('$').append(c);
                Node read = Node.real(Var.ELEMENT_CAP, "x[" + s.between(0, 1) + "]");
                elements.add(ex.fit(Node.real(read.bound + 1, "$0 * " + (0.5 + 0.25 * c) + " + " + (0.1 * r), read),
                        Var.PLAIN_CAP));
            }
            kids.add(Node.of(Sort.OTHER, rt.append('}').toString(), elements));
        }
        Var m = s.declare(name, Var.Type.MATRIX);
        m.minLength = rows;
        m.minColumns = columns;
        m.family = family;
        m.permutationOnly = distinct && s.chance(0.5);
        return Node.statement("double[][] " + name + " = $0;", Node.of(Sort.MATRIX, t.append('}').toString(), kids)
                .mark(MATRIX));
    }

    private Node declareMatrix() {
        String name = s.fresh("m");
        List<Var> arrays = s.visible(Var.Type.ARRAY);
        List<Var> matrices = s.visible(Var.Type.MATRIX);
        int rows;
        int columns;
        Family family = Family.fresh();
        boolean permutationOnly = s.chance(0.5);
        Node init;
        int kind = s.rng.nextInt(5);
        if (kind <= 1 && s.on(MATRIX)) {
            rows = s.between(2, Var.MAX_ROWS);
            columns = s.between(2, 4);
            if (kind == 0) {
                init = Node.of(Sort.MATRIX, "new double[" + rows + "][" + columns + "]").mark(MATRIX);
            } else {
                List<Node> rowNodes = new ArrayList<>();
                StringBuilder t = new StringBuilder("{");
                for (int r = 0; r < rows; r++) {
                    List<Node> elements = new ArrayList<>();
                    StringBuilder rt = new StringBuilder("{");
                    for (int c = 0; c < columns; c++) {
                        rt.append(c == 0 ? "" : ", ").append('$').append(c);
                        elements.add(ex.fit(ex.real(1), Var.PLAIN_CAP));
                    }
                    rowNodes.add(Node.of(Sort.OTHER, rt.append('}').toString(), elements));
                    t.append(r == 0 ? "" : ", ").append('$').append(r);
                }
                init = Node.of(Sort.MATRIX, t.append('}').toString(), rowNodes).mark(MATRIX);
            }
        } else if (kind <= 3 && s.on(MATRIX_OF_ROWS) && !arrays.isEmpty()) {
            rows = s.between(2, Math.min(3, Var.MAX_ROWS));
            columns = Var.MAX_LENGTH;
            StringBuilder t = new StringBuilder("{");
            List<Family> rowFamilies = new ArrayList<>();
            boolean fromArguments = false;
            boolean unvariedCopy = false;
            for (int r = 0; r < rows; r++) {
                Var a = s.pick(arrays);
                boolean copy = s.on(CLONE) && s.chance(0.4) && s.mayCopy(a);
                if (!copy && !s.isEntry() && a.family.fromParam()) { // an array the helper was given, as a row
                    copy = !s.on(HELPER_MATRIX_FROM_ARGUMENTS);
                    fromArguments = !copy;
                    if (copy && !s.mayCopy(a)) {
                        return null;
                    }
                }
                unvariedCopy |= copy && !a.family.varied();
                t.append(r == 0 ? "" : ", ").append(a.name).append(copy ? ".clone()" : "");
                columns = Math.min(columns, a.minLength);
                if (!copy) {
                    for (Family f : rowFamilies) {
                        permutationOnly &= !f.same(a.family); // one array in two rows: rows not distinct
                    }
                    rowFamilies.add(a.family);
                    family = Family.union(family, a.family);
                }
            }
            init = Node.of(Sort.MATRIX, t.append('}').toString()).mark(MATRIX_OF_ROWS);
            if (fromArguments) {
                init = init.mark(HELPER_MATRIX_FROM_ARGUMENTS);
            }
            if (unvariedCopy) {
                init = init.mark(COPY_OF_UNVARIED_ARRAY);
            }
        } else if (kind == 4 && s.on(MATRIX_CLONE) && !matrices.isEmpty()) {
            Var src = s.pick(matrices);
            if (!s.mayCopy(src)) {
                return null;
            }
            rows = src.minLength;
            columns = src.minColumns;
            family = Family.union(family, src.family); // a new outer array, the same rows
            permutationOnly &= src.permutationOnly;
            init = s.copied(Node.of(Sort.MATRIX, src.name + ".clone()").mark(MATRIX_CLONE), src);
        } else {
            return null;
        }
        Var m = s.declare(name, Var.Type.MATRIX);
        m.minLength = rows;
        m.minColumns = columns;
        m.family = family;
        m.permutationOnly = permutationOnly;
        return Node.statement("double[][] " + name + " = $0;", init);
    }

    // ------------------------------------------------------------------ element writes

    /** {@code a[i] = e}, often {@code a[i] = g(a[i], ...)}: the value read before is overwritten. */
    private Node elementWrite() {
        List<Var> arrays = s.visible(Var.Type.ARRAY);
        if (arrays.isEmpty() || !s.on(ELEMENT_WRITE)) {
            return null;
        }
        Var a = s.pick(arrays);
        if (a.name.equals("x") && !s.on(WRITE_INPUT) || !s.writable(a)) {
            return null;
        }
        Node i = ex.index(a.name + ".length", a, a.minLength);
        Node rhs = ex.expression();
        boolean overwrite = s.on(ELEMENT_OVERWRITE) && s.chance(0.5);
        if (overwrite) {
            Node old = Node.real(Var.ELEMENT_CAP, a.name + "[$0]", i);
            Node c = ex.constant();
            rhs = Node.real(old.bound * c.bound + rhs.bound, "($0 * $1 + $2)", old, c, rhs).alternatives("$2");
        }
        s.noteWrite(a.family);
        Node n = Node.statement(a.name + "[$0] = $1;", i, ex.fit(rhs, Var.PLAIN_CAP)).mark(ELEMENT_WRITE);
        if (overwrite) {
            n = n.mark(ELEMENT_OVERWRITE);
        }
        return a.name.equals("x") && s.isEntry() ? n.mark(WRITE_INPUT) : n;
    }

    /** {@code m[r][c] = e}. */
    private Node matrixElementWrite() {
        List<Var> matrices = s.visible(Var.Type.MATRIX);
        if (matrices.isEmpty()) {
            return null;
        }
        return matrixElementWrite(s.pick(matrices));
    }

    /** {@code m[r][c] = e}, or {@code null} if element writes are off or {@code m} may not be written here. */
    Node matrixElementWrite(Var m) {
        if (!s.on(ELEMENT_WRITE) || !s.writable(m)) {
            return null;
        }
        Node r = ex.rowIndex(m);
        Node c = ex.columnIndex(m, r);
        Node rhs = ex.expression();
        if (s.on(ELEMENT_OVERWRITE) && s.chance(0.4)) {
            rhs = Node.real(Var.ELEMENT_CAP + rhs.bound, "(" + m.name + "[$0][$1] + $2)", r, c, rhs)
                    .alternatives("$2").mark(ELEMENT_OVERWRITE);
        }
        s.noteWrite(m.family);
        return Node.statement(m.name + "[$0][$1] = $2;", r, c, ex.fit(rhs, Var.PLAIN_CAP)).mark(ELEMENT_WRITE);
    }

    /** {@code a[i] += e} on an array of this method's own, within its family's increment budget. */
    private Node elementIncrement() {
        List<Var> options = new ArrayList<>();
        for (Var a : s.visible(Var.Type.ARRAY)) {
            if (s.writable(a) && !a.family.fromParam() && a.family.incrementBudget() / s.tripsSince(a.loopDepth) >= 0.05) {
                options.add(a);
            }
        }
        if (options.isEmpty()) {
            return null;
        }
        Var a = s.pick(options);
        int trips = s.tripsSince(a.loopDepth);
        Node e = ex.fit(ex.real(2), a.family.incrementBudget() / trips);
        a.family.spend(trips * e.bound);
        Node i = ex.index(a.name + ".length", a, a.minLength);
        s.noteWrite(a.family);
        return Node.statement(a.name + "[$0] " + (s.chance(0.8) ? "+=" : "-=") + " $1;", i, e).mark(ELEMENT_INCREMENT);
    }

    /** {@code System.arraycopy} between two arrays, or within one (overlapping). */
    private Node arraycopy() {
        List<Var> arrays = s.visible(Var.Type.ARRAY);
        if (arrays.isEmpty()) {
            return null;
        }
        Var src = s.pick(arrays);
        List<Var> others = arrays.stream().filter(a -> a != src).toList();
        boolean within = s.on(ARRAYCOPY_OVERLAPPING) && (s.chance(0.4) || !s.on(ARRAYCOPY) || others.isEmpty());
        if (!within && others.isEmpty()) {
            return null;
        }
        Var dst = within ? src : s.pick(others);
        if (dst.name.equals("x") && !s.on(WRITE_INPUT) || !s.writable(dst)) {
            return null;
        }
        Construct mark = dst == src ? ARRAYCOPY_OVERLAPPING : ARRAYCOPY;
        if (!s.on(mark) || !s.mayCopy(src)) {
            return null;
        }
        int len = s.between(1, Math.min(src.minLength, dst.minLength) - (dst == src ? 1 : 0));
        int from = s.between(0, src.minLength - len);
        int to = s.between(0, dst.minLength - len);
        s.noteWrite(dst.family);
        return s.copied(Node.statement("System.arraycopy(" + src.name + ", " + from + ", " + dst.name + ", " + to + ", "
                + len + ");").mark(mark), src);
    }

    /** {@code Arrays.fill(a, e)} or {@code Arrays.fill(a, from, to, e)}, with an active e. */
    private Node fill() {
        List<Var> arrays = s.visible(Var.Type.ARRAY);
        if (arrays.isEmpty()) {
            return null;
        }
        Var a = s.pick(arrays);
        if (a.name.equals("x") && !s.on(WRITE_INPUT) || !s.writable(a)) {
            return null;
        }
        Node e = ex.fit(ex.real(2), Var.PLAIN_CAP);
        s.noteWrite(a.family);
        if (s.chance(0.5)) {
            return Node.statement("Arrays.fill(" + a.name + ", $0);", e).mark(ARRAYS_FILL);
        }
        int from = s.between(0, a.minLength - 1);
        int to = s.between(from + 1, a.minLength);
        return Node.statement("Arrays.fill(" + a.name + ", " + from + ", " + to + ", $0);", e).mark(ARRAYS_FILL);
    }

    // ------------------------------------------------------------------ arrays and rows moved

    /** {@code double[] t = a; a = b; b = t;} for two arrays of this method: afterwards each may be either. */
    private Node swapArrays() {
        List<Var> options = new ArrayList<>();
        for (Var a : s.visible(Var.Type.ARRAY)) {
            if (a.pinned == 0 && !s.params.contains(a) && s.writable(a) && !a.fixed) { // not one a lambda reads
                options.add(a);
            }
        }
        if (options.size() < 2) {
            return null;
        }
        Var a = s.pick(options);
        Var b = s.pick(options);
        if (a == b || a.minLength != b.minLength || !s.mayMerge(a.family, b.family)) {
            return null;
        }
        Family.union(a.family, b.family);
        a.assigned = true;
        b.assigned = true;
        String t = s.fresh("t");
        return Node.statement("double[] " + t + " = " + a.name + ";\n" + a.name + " = " + b.name + ";\n" + b.name + " = "
                + t + ";").mark(ARRAY_SWAP);
    }

    /**
     * A row move on {@code m} (or on a matrix of this method's own chosen at random): two rows
     * swapped, a row replaced by another, by a new array or by a local array, rows shifted by
     * {@code arraycopy}. A matrix whose rows must stay distinct gets only swaps and new rows.
     */
    Node rowMove(Var m) {
        if (m == null) {
            List<Var> options = new ArrayList<>();
            for (Var v : s.visible(Var.Type.MATRIX)) {
                if (!v.outerFromParam && s.writable(v)) {
                    options.add(v);
                }
            }
            if (options.isEmpty()) {
                return null;
            }
            m = s.pick(options);
        }
        // in a helper, a matrix holding arrays it was given (a copy of a matrix argument, say)
        boolean argumentRows = !s.isEntry() && m.family.fromParam();
        if (argumentRows && !s.on(HELPER_MATRIX_FROM_ARGUMENTS)) {
            return null;
        }
        Node move = rowMoveOn(m);
        return move != null && argumentRows ? move.mark(HELPER_MATRIX_FROM_ARGUMENTS) : move;
    }

    private Node rowMoveOn(Var m) {
        List<Construct> kinds = new ArrayList<>();
        for (Construct c : List.of(ROW_SWAP, ROW_FRESH, ROW_REPLACE, ROW_SHIFT)) {
            if (s.on(c) && (!m.permutationOnly || c == ROW_SWAP || c == ROW_FRESH)) {
                kinds.add(c);
            }
        }
        if (kinds.isEmpty()) {
            return null;
        }
        Construct kind = s.pick(kinds);
        Node r = ex.rowIndex(m);
        switch (kind) {
            case ROW_SWAP: {
                Node q = ex.rowIndex(m);
                String t = s.fresh("t");
                return Node.statement("double[] " + t + " = " + m.name + "[$0];\n" + m.name + "[$0] = " + m.name + "[$1];\n"
                        + m.name + "[$1] = " + t + ";", r, q).mark(ROW_SWAP);
            }
            case ROW_REPLACE:
                return Node.statement(m.name + "[$0] = " + m.name + "[$1];", r, ex.rowIndex(m)).mark(ROW_REPLACE);
            case ROW_SHIFT: {
                if (!s.mayCopy(m)) {
                    return null;
                }
                int len = s.between(1, m.minLength - 1);
                return s.copied(s.chance(0.5)
                        ? Node.statement("System.arraycopy(" + m.name + ", 0, " + m.name + ", 1, " + len + ");").mark(ROW_SHIFT)
                        : Node.statement("System.arraycopy(" + m.name + ", 1, " + m.name + ", 0, " + len + ");").mark(ROW_SHIFT),
                        m);
            }
            default: { // ROW_FRESH, or a local array as the row
                List<Var> arrays = new ArrayList<>();
                for (Var a : s.visible(Var.Type.ARRAY)) {
                    if (a.minLength >= m.minColumns) {
                        arrays.add(a);
                    }
                }
                if (!arrays.isEmpty() && s.chance(0.5)) {
                    Var a = s.pick(arrays);
                    boolean argument = !s.isEntry() && a.family.fromParam();
                    if (!m.permutationOnly && s.chance(0.5) && (!argument || s.on(HELPER_MATRIX_FROM_ARGUMENTS))
                            && s.mayMerge(m.family, a.family)) {
                        Family.union(m.family, a.family);
                        Node n = Node.statement(m.name + "[$0] = " + a.name + ";", r).mark(ROW_FRESH, MATRIX_OF_ROWS);
                        return argument ? n.mark(HELPER_MATRIX_FROM_ARGUMENTS) : n;
                    }
                    if (s.on(CLONE) && s.mayCopy(a)) {
                        return s.copied(Node.statement(m.name + "[$0] = " + a.name + ".clone();", r).mark(ROW_FRESH, CLONE),
                                a);
                    }
                }
                int shortest = Math.max(2, m.minColumns);
                int length = s.between(shortest, Math.max(shortest, Math.min(4, shortest + 1)));
                List<Node> elements = new ArrayList<>();
                StringBuilder t = new StringBuilder(m.name + "[$0] = new double[] {");
                for (int i = 0; i < length; i++) {
                    t.append(i == 0 ? "" : ", ").append('$').append(i + 1);
                    elements.add(ex.fit(ex.real(1), Var.PLAIN_CAP));
                }
                List<Node> kids = new ArrayList<>();
                kids.add(r);
                kids.addAll(elements);
                return Node.of(Sort.STATEMENT, t.append("};").toString(), kids).mark(ROW_FRESH);
            }
        }
    }

    // ------------------------------------------------------------------ returns

    /** The array an ARRAY helper returns: one of its own, one it was given, a row, or a new one. */
    Node returnedArray() {
        List<Var> arrays = s.visible(Var.Type.ARRAY);
        List<Var> matrices = s.visible(Var.Type.MATRIX);
        List<java.util.function.Supplier<Node>> options = new ArrayList<>();
        if (!arrays.isEmpty()) {
            options.add(() -> {
                Var a = s.pick(arrays);
                noteReturn(a.family);
                return Node.of(Sort.ARRAY, a.name);
            });
        }
        if (!matrices.isEmpty()) {
            options.add(() -> {
                Var m = s.pick(matrices);
                noteReturn(m.family);
                return Node.of(Sort.ARRAY, m.name + "[$0]", ex.rowIndex(m));
            });
        }
        List<Var> copyable = arrays.stream().filter(s::mayCopy).toList();
        if (!copyable.isEmpty() && s.on(ARRAYS_COPY_OF)) {
            options.add(() -> {
                Var a = s.pick(copyable);
                return s.copied(Node.of(Sort.ARRAY, "Arrays.copyOf(" + a.name + ", " + s.between(2, Var.MAX_LENGTH) + ")")
                        .mark(ARRAYS_COPY_OF), a);
            });
        }
        if (s.on(LOCAL_ARRAY)) {
            options.add(() -> {
                Node e0 = ex.fit(ex.real(1), Var.PLAIN_CAP);
                Node e1 = ex.fit(ex.real(1), Var.PLAIN_CAP);
                return Node.of(Sort.ARRAY, "new double[] {$0, $1}", e0, e1).mark(LOCAL_ARRAY);
            });
        }
        if (options.isEmpty()) {
            throw new IllegalStateException("an ARRAY helper with neither arrays nor new ones (generator bug)");
        }
        return s.pick(options).get();
    }

    private void noteReturn(Family f) {
        if (s.self != null && f.fromParam()) {
            s.self.mayReturnArgument = true;
        }
    }
}
