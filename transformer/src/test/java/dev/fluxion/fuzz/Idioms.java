package dev.fluxion.fuzz;

import static dev.fluxion.fuzz.Construct.*;

import dev.fluxion.fuzz.Node.Sort;
import java.util.ArrayList;
import java.util.List;

/**
 * Patterns that Fluxion treats specially, written the way people write them: a running maximum
 * (its loop records only which operand won), the log-sum-exp trick (the shift's derivatives cancel
 * and Fluxion detaches it), and a matrix handed to a helper in a loop while its rows are moved
 * between the calls (the callee's adjoint must see the rows as they were at its call).
 */
final class Idioms {
    private final MethodScope s;
    private final Expressions ex;
    private final Calls calls;
    private final Statements statements;

    Idioms(MethodScope s, Expressions ex, Calls calls, Statements statements) {
        this.s = s;
        this.ex = ex;
        this.calls = calls;
        this.statements = statements;
    }

    Node statement() {
        return switch (s.rng.nextInt(7)) {
            case 0 -> s.on(RUNNING_MAX) ? runningMax() : null;
            case 5 -> s.on(OBJECT_ARRAY) ? objectArray() : null;
            case 1 -> s.on(LOG_SUM_EXP) ? logSumExp() : null;
            case 2 -> s.on(ARRAY_SWAP) ? doubleBuffer() : null;
            case 3 -> statements.loops.temporaryOverOneRange();
            case 6 -> s.on(SORT_AND_STREAMS) ? sortOrStream() : null;
            default -> s.on(ROWS_MOVED_AROUND_CALLS) ? rowsMovedAroundCalls() : null;
        };
    }

    /** {@code double mx = a[0]; for (j = 1; j < a.length; j++) mx = Math.max(mx, a[j]);} (or with an if). */
    private Node runningMax() {
        List<Var> arrays = s.visible(Var.Type.ARRAY);
        if (arrays.isEmpty()) {
            return null;
        }
        Var a = s.pick(arrays);
        String mx = s.fresh("mx");
        String j = s.fresh("j");
        String update = s.chance(0.5) ? mx + " = Math.max(" + mx + ", " + a.name + "[" + j + "]);"
                : "if (" + a.name + "[" + j + "] > " + mx + ") {\n        " + mx + " = " + a.name + "[" + j + "];\n    }";
        Var v = s.declare(mx, Var.Type.DOUBLE);
        v.bound = Var.ELEMENT_CAP;
        v.readOnly = true;
        return Node.statement("double " + mx + " = " + a.name + "[0];\nfor (int " + j + " = 1; " + j + " < " + a.name
                + ".length; " + j + "++) {\n    " + update + "\n}").mark(RUNNING_MAX);
    }

    /**
     * An array of objects made here, as a simulation keeps its particles: {@code Cell}s (mutable,
     * {@link Program#OBJECT_CLASSES}) made by a constructor or field by field, updated through a
     * method or their fields, and read back through a method, fields or a for-each loop; {@code Pt}
     * records, sometimes replaced by moved copies; or {@code Part}s of two classes, called through
     * the interface. Or the same in an {@code ArrayList} filled with {@code add} ({@link
     * Construct#OBJECT_LIST}), read with {@code get} and {@code size()}. Every {@code b} stays within
     * [-1, 1], so the sum is bounded by {@code n * |a|}.
     */
    private Node objectArray() {
        List<Var> arrays = s.visible(Var.Type.ARRAY);
        if (arrays.isEmpty()) {
            return null;
        }
        Var a = s.pick(arrays);
        String cs = s.fresh("cs");
        String j = s.fresh("j");
        String k = s.fresh("j");
        String acc = s.fresh("acc");
        Node b0 = ex.fit(ex.expression(), 1);
        Node v = ex.fit(ex.expression(), 1);
        // the list's shape from its name's hash, not the generator's draws: the programs with arrays of objects stay as they were
        int shape = Math.floorMod(cs.hashCode(), 8);
        Container c = new Container(cs, a.name + ".length", s.on(OBJECT_LIST) && (shape & 1) == 0, (shape & 2) != 0);
        String fill = "for (int " + j + " = 0; " + j + " < " + (c.list ? c.n() : c.size()) + "; " + j + "++) {\n";
        String overK = "for (int " + k + " = 0; " + k + " < " + c.size() + "; " + k + "++) {\n";
        String ek = c.get(k);
        // from a further bit of the hash: a variable that chooses one of the objects (phis of elements), read after
        boolean choose = (Math.floorMod(cs.hashCode(), 16) & 8) != 0;
        // and two more: the objects sorted by a key (records by x, cells by b) before they are read, perhaps reversed
        boolean sort = (Math.floorMod(cs.hashCode(), 128) & 64) != 0;
        boolean reversed = (Math.floorMod(cs.hashCode(), 256) & 128) != 0;
        String code;
        if (s.chance(0.25)) { // objects of two classes behind an interface, dispatched by the element's class
            String make = "    if (" + j + " % 2 == 0) {\n        " + c.put(j, "new Lin($0 * " + a.name + "[" + j + "])")
                    + "\n    } else {\n        " + c.put(j, "new Wave($0 * " + a.name + "[" + j + "])") + "\n    }\n";
            code = c.declare("Part") + fill + make + "}\n"
                    + "double " + acc + " = 0;\n"
                    + (s.chance(0.5) ? "for (Part c : " + cs + ") {\n    " + acc + " += c.value($1);\n}"
                            : overK + "    " + acc + " += " + ek + ".value($1);\n}");
        } else if (s.chance(0.33)) { // records
            String move = c.list && (shape & 4) != 0 ? overK + "    " + cs + ".set(" + k + ", new Pt(0.5 * " + ek + ".x(), " + ek
                    + ".y()));\n}\n" : "";
            code = c.declare("Pt") + fill
                    + "    " + c.put(j, "new Pt(" + a.name + "[" + j + "], $0)") + "\n}\n" + move
                    + (sort ? sortByKey(c, "Pt::x", reversed) : "")
                    + "double " + acc + " = 0;\n" + overK
                    + "    " + acc + " += " + ek + ".x() * Math.tanh(" + ek + ".y() * $1);\n}"
                    + (sort ? "\n" + acc + " = 0.5 * " + acc + " + 0.5 * " + c.get("0") + ".x();" : "")
                    + (choose ? chosen(c, "Pt", "best == null || p.x() > best.x()", acc + " += 0.5 * best.y();") : "");
        } else {
            String make = s.chance(0.5) ? "    " + c.put(j, "new Cell(" + a.name + "[" + j + "], $0)") + "\n" : fieldByField(c, j,
                    a.name + "[" + j + "]");
            String update = switch (s.rng.nextInt(3)) {
                case 0 -> "for (Cell c : " + cs + ") {\n    c.relax($1);\n}\n";
                case 1 -> overK + "    " + ek + ".relax($1);\n}\n";
                default -> overK + "    " + ek + ".b = 0.5 * " + ek + ".b + 0.25 * Math.tanh(" + ek + ".a * $1);\n}\n";
            };
            String read = s.chance(0.5) ? "for (Cell c : " + cs + ") {\n    " + acc + " += c.mix();\n}"
                    : overK + "    " + acc + " += " + ek + ".a * " + ek + ".b;\n}";
            code = c.declare("Cell") + fill + make + "}\n" + update
                    + (sort ? sortByKey(c, "(Cell q) -> q.b", reversed) : "")
                    + "double " + acc + " = 0;\n" + read
                    + (sort ? "\n" + acc + " = 0.5 * " + acc + " + 0.5 * " + c.get("0") + ".a;" : "")
                    + (choose ? chosen(c, "Cell", "best == null || p.b > best.b", "best.a += 0.5;\n" + acc
                            + " += best.a * best.b;") : "")
                    + ((Math.floorMod(cs.hashCode(), 32) & 16) != 0 ? oneOfTwo(acc) : "")
                    + ((Math.floorMod(cs.hashCode(), 64) & 32) != 0 ? filteredStream(c, acc) : "");
        }
        Var out = s.declare(acc, Var.Type.DOUBLE);
        out.bound = Var.MAX_LENGTH * Math.max(1, a.bound);
        out.readOnly = true;
        return Node.statement(code, b0, v).mark(c.list ? OBJECT_LIST : OBJECT_ARRAY);
    }

    /**
     * The container's objects sorted by {@code key} ({@code Comparator.comparingDouble}, perhaps
     * reversed), as code orders its objects before reading the first: {@code cs.sort(..)} or
     * {@code Arrays.sort(cs, ..)}.
     */
    private static String sortByKey(Container c, String key, boolean reversed) {
        String comparator = "java.util.Comparator.comparingDouble(" + key + ")" + (reversed ? ".reversed()" : "");
        return (c.list ? c.name() + ".sort(" + comparator + ");" : "java.util.Arrays.sort(" + c.name() + ", " + comparator
                + ");") + "\n";
    }

    /**
     * {@code T best = null; for (T p : cs) if (cond) best = p;} then {@code use} (the container has an
     * element: its length is an input array's), as code picks the largest of its objects; {@code best}
     * and {@code p} in {@code cond} and {@code use} are given fresh names.
     */
    private String chosen(Container c, String type, String cond, String use) {
        String best = s.fresh("best");
        String p = s.fresh("p");
        java.util.function.UnaryOperator<String> named = code -> code.replace("best", best).replace("p.", p + ".");
        return "\n" + type + " " + best + " = null;\nfor (" + type + " " + p + " : " + c.name() + ") {\n    if ("
                + named.apply(cond) + ") {\n        " + best + " = " + p + ";\n    }\n}\n" + named.apply(use);
    }

    /**
     * Two cells made apart and one of them chosen by the sign of {@code acc}, then relaxed through
     * the variable ({@code Cell pick = acc > 0 ? c : d; pick.relax($1);}): a reference that may be
     * one of several mutable objects.
     */
    private String oneOfTwo(String acc) {
        String c = s.fresh("c");
        String d = s.fresh("d");
        String pick = s.fresh("pick");
        return "\nCell " + c + " = new Cell($0, 0.5);\nCell " + d + " = new Cell(0.25, $0);\nCell " + pick + " = " + acc + " > 0 ? "
                + c + " : " + d + ";\n" + pick + ".relax($1);\n" + acc + " += " + c + ".mix() - " + d + ".mix();";
    }

    /** {@code acc += cs.stream().filter(q -> q.b > 0).mapToDouble(Cell::mix).sum();} (or {@code Arrays.stream(cs)}). */
    private String filteredStream(Container c, String acc) {
        String q = s.fresh("q");
        String source = c.list() ? c.name() + ".stream()" : "Arrays.stream(" + c.name() + ")";
        return "\n" + acc + " += " + source + ".filter(" + q + " -> " + q + ".b > 0).mapToDouble(Cell::mix).sum();";
    }

    /** A {@code Cell} made field by field, {@code a} from {@code element} and {@code b} from {@code $0}, put at {@code j}. */
    private String fieldByField(Container c, String j, String element) {
        if (!c.list) {
            String el = c.get(j);
            return "    " + el + " = new Cell();\n    " + el + ".a = " + element + ";\n    " + el + ".b = $0;\n";
        }
        String cell = s.fresh("cell");
        return "    Cell " + cell + " = new Cell();\n    " + cell + ".a = " + element + ";\n    " + cell + ".b = $0;\n    "
                + c.put(j, cell) + "\n";
    }

    /** The objects' container as the code writes it: an array {@code cs} of length {@code n}, or an {@code ArrayList}. */
    private record Container(String name, String n, boolean list, boolean sized) {
        String declare(String type) {
            return list ? "java.util.List<" + type + "> " + name + " = new java.util.ArrayList<>(" + (sized ? n : "") + ");\n"
                    : type + "[] " + name + " = new " + type + "[" + n + "];\n";
        }

        String put(String j, String object) {
            return list ? name + ".add(" + object + ");" : name + "[" + j + "] = " + object + ";";
        }

        String get(String k) {
            return list ? name + ".get(" + k + ")" : name + "[" + k + "]";
        }

        String size() {
            return list ? name + ".size()" : name + ".length";
        }
    }

    /**
     * Order statistics and stream pipelines over an array, as statistics code writes them: a sorted
     * copy read at its ends and middle ({@code Arrays.sort}, whole or from index 1), or a pipeline
     * of {@code map}, {@code filter}, {@code sorted}, {@code skip} and {@code limit} ending in
     * {@code sum()}, {@code max().orElse(..)}, {@code reduce(0, Double::sum)}, {@code reduce(Double::max)}
     * or {@code toArray()}. Their derivatives follow the
     * permutation; ties are kinks, as a running maximum's are.
     */
    private Node sortOrStream() {
        List<Var> arrays = s.visible(Var.Type.ARRAY);
        if (arrays.isEmpty()) {
            return null;
        }
        Var a = s.pick(arrays);
        String out = s.fresh("os");
        Node e = ex.fit(ex.expression(), 1);
        String code;
        double bound;
        if (s.chance(0.5)) {
            String srt = s.fresh("srt");
            String copy = s.chance(0.5) ? a.name + ".clone()" : "Arrays.copyOf(" + a.name + ", " + a.name + ".length)";
            String sort = s.chance(0.7) ? "Arrays.sort(" + srt + ");"
                    : "Arrays.sort(" + srt + ", " + srt + ".length / 2, " + srt + ".length);";
            code = "double[] " + srt + " = " + copy + ";\n" + sort + "\n"
                    + "double " + out + " = " + srt + "[" + srt + ".length / 2] * $0 + " + srt + "[0] - " + srt + "[" + srt + ".length - 1];";
            bound = 3 * Math.max(1, a.bound);
        } else {
            String map = switch (s.rng.nextInt(4)) {
                case 0 -> ".map(v -> v * v)";
                case 1 -> ".map(v -> Math.sin(v))";
                case 2 -> ".map(v -> Double.max(v, 0.5 * v))";
                default -> "";
            };
            String middle = switch (s.rng.nextInt(4)) {
                case 0 -> ".sorted().skip(1)";
                case 1 -> ".filter(v -> v > 0.25)";
                case 2 -> ".sorted().limit(2)";
                default -> "";
            };
            String end = switch (s.rng.nextInt(5)) {
                case 0 -> ".sum()";
                case 1 -> ".max().orElse(0)";
                case 2 -> ".reduce(0, Double::sum)";
                case 3 -> ".reduce(Double::max).orElse(0)";
                default -> ".toArray().length * 0.5"; // toArray: the values' count, no derivative
            };
            code = "double " + out + " = Arrays.stream(" + a.name + ")" + map + middle + end + " * $0;";
            double element = map.contains("v * v") ? a.bound * a.bound : map.contains("sin") ? 1 : Math.max(1, a.bound);
            bound = Var.MAX_LENGTH * Math.max(1, element);
        }
        Var v = s.declare(out, Var.Type.DOUBLE);
        v.bound = bound;
        v.readOnly = true;
        return Node.statement(code, e).mark(SORT_AND_STREAMS);
    }

    /**
     * {@code lse = log(sum_j exp(a[j] - mx)) + mx} with {@code mx} a running maximum; sometimes one
     * of the near misses that keep the shift's derivative (a sum not starting at zero, the shift
     * taken per term).
     */
    private Node logSumExp() {
        List<Var> arrays = s.visible(Var.Type.ARRAY);
        if (arrays.isEmpty()) {
            return null;
        }
        Var a = s.pick(arrays);
        String mx = s.fresh("mx");
        String se = s.fresh("se");
        String lse = s.fresh("lse");
        String j = s.fresh("j");
        String k = s.fresh("j");
        int variant = s.rng.nextInt(4);
        String start = variant == 1 ? "0.5" : "0";
        String term = variant == 2 ? "Math.exp(" + a.name + "[" + k + "] - " + a.name + "[0])"
                : "Math.exp(" + a.name + "[" + k + "] - " + mx + ")";
        String shift = variant == 2 ? a.name + "[0]" : mx;
        Var v = s.declare(lse, Var.Type.DOUBLE);
        v.bound = Var.ELEMENT_CAP + Math.log(Var.MAX_LENGTH) + 2 * Var.ELEMENT_CAP;
        v.readOnly = true;
        return Node.statement("double " + mx + " = " + a.name + "[0];\n"
                + "for (int " + j + " = 1; " + j + " < " + a.name + ".length; " + j + "++) {\n"
                + "    " + mx + " = Math.max(" + mx + ", " + a.name + "[" + j + "]);\n"
                + "}\n"
                + "double " + se + " = " + start + ";\n"
                + "for (int " + k + " = 0; " + k + " < " + a.name + ".length; " + k + "++) {\n"
                + "    " + se + " += " + term + ";\n"
                + "}\n"
                + "double " + lse + " = Math.log(" + se + ") + " + shift + ";").mark(LOG_SUM_EXP);
    }

    /**
     * Two buffers that swap roles every step, as in an explicit time-stepping scheme (the heat
     * equation of Fluxion's corpus): after the first step each name may be either array.
     * <pre>
     * double[] u = a.clone();
     * double[] w = new double[u.length];
     * for (int t = 0; t < K; t++) {
     *     for (int i = 0; i < u.length; i++) {
     *         w[i] = g(u[i], u[(i + 1) % u.length], ...);
     *     }
     *     double[] tmp = u; u = w; w = tmp;
     * }
     * </pre>
     */
    private Node doubleBuffer() {
        if (s.inLoop() || !s.on(NESTED_LOOPS) || !s.on(FOR_CONSTANT) || !s.on(LOCAL_ARRAY) || !s.on(ELEMENT_WRITE)
                || !s.on(CLONE)) {
            return null;
        }
        List<Var> sources = new ArrayList<>();
        for (Var a : s.visible(Var.Type.ARRAY)) {
            if (a.family.varied()) {
                sources.add(a);
            }
        }
        if (sources.isEmpty()) {
            return null;
        }
        Var src = s.pick(sources);
        String u = s.fresh("u");
        String w = s.fresh("w");
        String t = s.fresh("t");
        String step = s.fresh("t");
        String i = s.fresh("i");
        int steps = s.between(2, 4);
        Family family = Family.copyOf(src.family);
        Var uv = s.declare(u, Var.Type.ARRAY);
        uv.family = family;
        uv.minLength = src.minLength;
        Var wv = s.declare(w, Var.Type.ARRAY);
        wv.family = family;
        wv.minLength = src.minLength;
        uv.assigned = true;
        wv.assigned = true;
        s.enterLoop(steps, FOR_CONSTANT);
        s.push();
        Var index = s.declare(i, Var.Type.INT);
        index.loop = new Var.LoopIndex(0, 0, uv, false);
        index.maxValue = index.loop.max();
        index.readOnly = true;
        s.enterLoop(Var.MAX_LENGTH, FOR_CONSTANT);
        Node e = ex.fit(ex.real(1), 1);
        Node update = ex.fit(Node.real(0.75 * Var.ELEMENT_CAP + e.bound,
                "0.5 * " + u + "[" + i + "] + 0.25 * " + u + "[(" + i + " + 1) % " + u + ".length] + $0", e), Var.PLAIN_CAP);
        s.exitLoop();
        s.pop();
        s.exitLoop();
        s.noteWrite(family);
        return Node.statement("double[] " + u + " = " + src.name + ".clone();\n"
                + "double[] " + w + " = new double[" + u + ".length];\n"
                + "for (int " + step + " = 0; " + step + " < " + steps + "; " + step + "++) {\n"
                + "    for (int " + i + " = 0; " + i + " < " + u + ".length; " + i + "++) {\n"
                + "        " + w + "[" + i + "] = $0;\n"
                + "    }\n"
                + "    double[] " + t + " = " + u + ";\n"
                + "    " + u + " = " + w + ";\n"
                + "    " + w + " = " + t + ";\n"
                + "}", update).mark(ARRAY_SWAP, CLONE, LOCAL_ARRAY, ELEMENT_WRITE, FOR_CONSTANT, NESTED_LOOPS);
    }

    /**
     * <pre>
     * double acc = 0;
     * for (int r = 0; r < K; r++) {
     *     acc += c * helper(m, ...);      // a helper taking the matrix (not inlined, if it is large or recursive)
     *     double[] t = m[i]; m[i] = m[j]; m[j] = t;   // or another row move
     *     ...                             // other statements, element writes into m
     * }
     * </pre>
     */
    Node rowsMovedAroundCalls() {
        if (s.nesting >= 3 || s.inLoop() && !s.on(NESTED_LOOPS) || s.loopDepth() >= 2 || !s.on(FOR_CONSTANT)
                || !calls.mayCall()) { // not in a try block, where a call of its own is rejected
            return null;
        }
        List<Var> matrices = new ArrayList<>();
        for (Var m : s.visible(Var.Type.MATRIX)) {
            if (!m.outerFromParam) {
                matrices.add(m);
            }
        }
        int trips = s.between(2, 4);
        List<Helper> helpers = new ArrayList<>();
        for (Helper h : s.callees) {
            if (h != s.self && h.params.contains(Var.Type.MATRIX)
                    && s.work + (long) s.tripsSince(0) * trips * h.work <= Calls.WORK_LIMIT) {
                helpers.add(h);
            }
        }
        if (matrices.isEmpty() || helpers.isEmpty()) {
            return null;
        }
        Var m = s.pick(matrices);
        List<Helper> jointly = helpers.stream().filter(h -> h.kind != Helper.Kind.SMALL).toList();
        Helper h = s.pick(!jointly.isEmpty() && s.chance(0.8) ? jointly : helpers); // not inlined, mostly
        String acc = s.fresh("acc");
        Var accumulator = s.declare(acc, Var.Type.DOUBLE).accumulate();
        String r = s.fresh("r");
        s.push();
        Var index = s.declare(r, Var.Type.INT);
        index.loop = new Var.LoopIndex(0, trips, null, false);
        index.maxValue = trips - 1;
        index.readOnly = true;
        s.enterLoop(trips, FOR_CONSTANT);
        s.push();
        s.nesting++;
        List<Node> body = new ArrayList<>();
        calls.prefer(m);
        Calls.Call call = calls.call(h, ex);
        calls.prefer(null);
        if (call == null) {
            s.nesting--;
            s.pop();
            s.exitLoop();
            s.pop();
            return null;
        }
        switch (h.returns) {
            case DOUBLE -> body.add(statements.accumulate(accumulator, call.node()));
            case ARRAY -> body.add(statements.accumulate(accumulator,
                    Node.real(Var.ELEMENT_CAP, "$0[0]", call.node())));
            default -> body.add(Node.statement("$0;", call.node()));
        }
        Node move = statements.arrays.rowMove(m);
        if (move != null) {
            body.add(move);
        }
        if (s.chance(0.6)) {
            Node write = statements.arrays.matrixElementWrite(m);
            if (write != null) {
                body.add(write);
            }
        }
        body.addAll(statements.statements(s.between(0, 2)));
        if (h.returns == Helper.Returns.VOID) {
            body.add(statements.accumulate(accumulator, Node.real(Var.ELEMENT_CAP, m.name + "[0][1]")));
        }
        s.nesting--;
        s.pop();
        s.exitLoop();
        s.pop();
        Node loop = Node.statement("double " + acc + " = 0;\nfor (int " + r + " = 0; " + r + " < $0; " + r + "++) $1",
                Node.of(Sort.INT, Integer.toString(trips)), Node.block(body)).mark(ROWS_MOVED_AROUND_CALLS, FOR_CONSTANT);
        return s.inLoop() ? loop.mark(NESTED_LOOPS) : loop;
    }
}
