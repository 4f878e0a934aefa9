package dev.fluxion.fuzz;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The constructs of Fluxion's documented subset that the {@link ProgramGenerator} can put into a
 * program, one flag each. A campaign generates with a set of them; a construct whose programs
 * Fluxion gets wrong can be switched off (with its finding written down in FUZZ-FINDINGS.md) so
 * that the rest keeps being fuzzed, instead of the failures being ignored.
 *
 * <p>Every node the generator makes records the constructs it stands for, so a batch of programs
 * can be counted ({@link GeneratorTest} asserts that each construct actually occurs).
 */
public enum Construct {
    // scalar code
    ARITHMETIC("+ - * on doubles (always on: every program needs them)"),
    DIVISION("division by safe denominators (1 + a*a, 2 + sin a, constants)"),
    IF_ELSE("if / else"),
    TERNARY("?: on doubles"),
    BOOLEAN_OPS("&&, ||, ! in conditions"),
    SWITCH("switch expression on an int"),
    INT_COUNTER("int counters beside the computation"),
    INT_TO_DOUBLE("int values used as (inactive) doubles"),
    // loops and control
    FOR_CONSTANT("for loops with constant or length trip counts"),
    FOR_OFFSET("for loops reading a[i - 1] or a[i + 1] (i + 1 < a.length)"),
    FOR_DATA_DEPENDENT("for (k = 0; k < 8 && s < c; k++): trip count decided by the data"),
    FOR_EACH("for (double v : a)"),
    WHILE_BREAK_CONTINUE("while loops with break and continue"),
    BREAK_IN_FOR("break out of a for loop"),
    NESTED_LOOPS("a loop inside a loop"),
    TRIANGULAR_LOOPS("an inner loop whose start or bound is the outer index (j = i + 1 .. n, j < i)"),
    COMPUTED_LOOP_START("for (int i = c % 2; i < a.length; i++): a start computed at run time"),
    LOOPS_OVER_ONE_RANGE("a temporary filled by one loop and read by the next over the same range (forwarding, "
            + "fusion, subsumed loops), also refilled in an outer loop, and near misses"),
    INDEX_AFTER_LOOP("int i; for (i = 0; i < n; i++) { ... } then a[i]: a loop's index read after the loop"),
    EARLY_RETURN("return from inside a branch or loop"),
    TRY_CATCH("try { ...; if (c) throw new IllegalStateException(); ... } catch (IllegalStateException e) { ... }, "
            + "sometimes with a finally: the derivative of the path taken, from where the throw left the try block"),
    EXIT_FROM_NESTED_LOOPS("in a helper, a return from inside a loop in a loop (inlined into a loop of its caller: "
            + "an exit from two loops into a third)"),
    // 1-D arrays
    LOCAL_ARRAY("new double[n] and array initialisers"),
    ELEMENT_WRITE("a[i] = ... (a reset of an element)"),
    ELEMENT_OVERWRITE("a[i] = g(a[i], ...): overwrites a value read before"),
    ELEMENT_INCREMENT("a[i] += ..."),
    CLONE("a.clone()"),
    ARRAYCOPY("System.arraycopy between arrays"),
    ARRAYCOPY_OVERLAPPING("System.arraycopy within one array"),
    ARRAYS_FILL("Arrays.fill with an active value"),
    ARRAYS_COPY_OF("Arrays.copyOf and Arrays.copyOfRange"),
    COPY_OF_UNVARIED_ARRAY("a copy (clone(), Arrays.copyOf, System.arraycopy from it) of an array that may not "
            + "depend on x: zeros, constants, a helper's argument"),
    ARRAY_SWAP("two local arrays swapped (double[] t = a; a = b; b = t), phis of arrays"),
    ARRAY_PHI("double[] t = c ? a : b"),
    WRITE_INPUT("writes into the input x"),
    // 2-D arrays
    MATRIX("double[][] locals: new double[r][c] and initialisers"),
    MATRIX_OF_ROWS("double[][] m = {a, b}: rows that are other locals"),
    ROW_ALIAS("double[] r = m[i]: a second name for a row"),
    ROW_SWAP("rows swapped through a temporary"),
    ROW_REPLACE("m[i] = m[j]: a row replaced by another"),
    ROW_FRESH("m[i] = new double[] {...} or a.clone()"),
    ROW_SHIFT("System.arraycopy over the rows of a matrix"),
    MATRIX_CLONE("m.clone(): a new outer array sharing the rows"),
    // calls
    CALL_DOUBLE_ARG("a helper taking double"),
    CALL_INT_ARG("a helper taking int"),
    CALL_ARRAY_ARG("a helper taking double[]"),
    CALL_MATRIX_ARG("a helper taking double[][]"),
    CALL_TWO_ROWS("two rows of one matrix passed to one call"),
    CALL_ALIASED_ARGUMENTS("one array passed twice, or a matrix and one of its rows, to a helper that writes neither"),
    RECURSION_ALIASED_ARGUMENTS("the same, to a helper that is recursive or calls a recursive one"),
    CALL_RETURNS_ARRAY("a helper returning double[] (new, or one it was given)"),
    CALL_WRITES_ARGUMENT("a helper writing into an array it is given (output buffers, in-place updates)"),
    HELPER_SMALL("small helpers (inlined)"),
    LAMBDA("a lambda or an anonymous class called where it is made ((DoubleUnaryOperator) v -> ...).applyAsDouble(e), "
            + "capturing x[0] in the entry"),
    SORT_AND_STREAMS("Arrays.sort of a copy (order statistics), and stream pipelines with map, filter, sorted, "
            + "skip, limit ending in sum, max, toArray"),
    OBJECT_ARRAY("an array of objects made here (Cell[] cs = new Cell[n]; cs[j] = new Cell(..); cs[j].relax(v); "
            + "for (Cell c : cs) acc += c.mix()), of records, or of two classes called through an interface; sometimes one "
            + "of them chosen by a variable (Cell best = null; for (Cell p : cs) if (..) best = p;) and read or written, or "
            + "one of two cells made apart; the cells' filtered stream (cs.stream().filter(q -> q.b > 0).mapToDouble(..)); "
            + "sometimes sorted by a key before they are read (Arrays.sort(cs, Comparator.comparingDouble(q -> q.b)), "
            + ".reversed())"),
    OBJECT_LIST("the same in an ArrayList filled with add (List<Cell> cs = new ArrayList<>(); cs.add(new Cell(..)); "
            + "cs.get(j).relax(v); for (Cell c : cs) ...), records in it sometimes replaced with set, the list sometimes "
            + "sorted (cs.sort(Comparator.comparingDouble(Pt::x)))"),
    LAMBDA_LOCAL("lambdas and method references made in the method, capturing differentiated values (double k = ..; "
            + "DoubleUnaryOperator g = z -> Math.tanh(k * z); Math::sin; lin::value), called there or passed to a helper "
            + "that calls them (a fold, a sum, a quadrature rule, an Euler step of an Rhs)"),
    DISPATCH_OUTSIDE("calls through the program's interface (interface Fn { double apply(double z); }, and of two "
            + "arguments) on objects of 2-3 classes and records with @Differentiable implementations, held in static final "
            + "fields and arrays (FNS[i % FNS.length].apply(x[j] * y), F0.apply(..), for (Fn g : FNS)): dispatched at run "
            + "time (VirtualDerivatives)"),
    LAMBDA_OUTSIDE("lambdas and method references made outside the differentiated code, in static final fields and a "
            + "static initializer (static final DoubleUnaryOperator ACT0 = z -> Math.tanh(0.5 * z); Math::atan; lambdas "
            + "capturing constants in a loop; a bound reference to an object), called from it: differentiated at run time "
            + "(LambdaDerivatives and the on-demand generator)"),
    PLAIN_HELPER("a small helper without @Differentiable, differentiated through (ReadableCallees)"),
    HELPER_LARGE("large helpers (not inlined)"),
    HELPER_RECURSIVE("recursive helpers with a depth counter (not inlined)"),
    HELPER_CALLS_HELPER("a helper calling another helper"),
    HELPER_MATRIX_FROM_ARGUMENTS("in a helper: a new matrix holding arrays it was given or their rows (an initialiser, "
            + "a row stored, a clone of a matrix argument), its rows then moved"),
    ROWS_MOVED_AROUND_CALLS("a matrix passed to a helper in a loop, its rows moved between the calls"),
    // Math
    MATH_TRIG("sin, cos"),
    MATH_TANH("tanh"),
    MATH_EXP("exp of bounded values, expm1"),
    MATH_LOG("log(1 + a*a), log1p, log10"),
    MATH_SQRT("sqrt(1 + a*a), cbrt"),
    MATH_ATAN("atan, atan2, asin, acos on safe domains"),
    MATH_HYPOT("hypot"),
    MATH_POW("pow with integer exponents (constant or an int variable)"),
    MATH_ABS("abs"),
    MATH_MIN_MAX("min, max"),
    MATH_HYPERBOLIC("sinh, cosh of bounded values"),
    MATH_STEP("floor, ceil, rint, signum (derivative 0, jumps)"),
    // idioms
    SUM_OVER_POINTS("for (i...) s += term; return s / n (independent iterations), and near misses (a store after "
            + "the loop into an array it read)"),
    TAIL_CALL("return h(...): the entry point returns a helper's result as it is"),
    RUNNING_MAX("a running maximum"),
    LOG_SUM_EXP("log(sum exp(a_i - m)) + m with a running max m");

    private final String description;

    Construct(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Constructs that cannot be switched off. */
    public static Set<Construct> alwaysOn() {
        return EnumSet.of(ARITHMETIC);
    }

    /** Every construct. */
    public static Set<Construct> all() {
        return EnumSet.allOf(Construct.class);
    }

    /**
     * The constructs a campaign uses by default: all of them but those that {@link Findings} lists as
     * disabled (each with its reproduction in FUZZ-FINDINGS.md).
     */
    public static Set<Construct> passing() {
        Set<Construct> s = all();
        s.removeAll(Findings.DISABLED.keySet());
        return s;
    }

    /**
     * Parses a set from a system property: {@code all}, {@code passing}, or a comma-separated list of
     * names; a name with a leading {@code -} removes it from what the list so far holds (e.g.
     * {@code all,-ROW_SHIFT}).
     */
    public static Set<Construct> parse(String spec) {
        Set<Construct> s = EnumSet.noneOf(Construct.class);
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            boolean remove = p.startsWith("-");
            String name = remove ? p.substring(1) : p;
            Set<Construct> named = switch (name.toLowerCase(Locale.ROOT)) {
                case "all" -> all();
                case "passing" -> passing();
                default -> EnumSet.of(valueOf(name.toUpperCase(Locale.ROOT)));
            };
            if (remove) {
                s.removeAll(named);
            } else {
                s.addAll(named);
            }
        }
        return s;
    }

    public static String names(Set<Construct> s) {
        return Arrays.stream(values()).filter(s::contains).map(Enum::name).collect(Collectors.joining(","));
    }
}
