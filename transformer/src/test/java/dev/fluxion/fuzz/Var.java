package dev.fluxion.fuzz;

/**
 * What the generator knows about a local variable or parameter, so that every program it writes
 * runs without an exception and stays finite: value bounds of doubles, the ranges of ints, the
 * shortest length an array may have, and which arrays may be the same (their {@link Family}).
 *
 * <p>Program-wide invariants the generator keeps: every {@code double[]} has 2 to
 * {@link #MAX_LENGTH} elements, every {@code double[][]} 2 to {@link #MAX_ROWS} rows of such
 * arrays; ints are never negative; plain doubles and array elements stay within
 * {@link #PLAIN_CAP} and {@link #ELEMENT_CAP}.
 */
final class Var {
    enum Type {
        DOUBLE("double"), INT("int"), ARRAY("double[]"), MATRIX("double[][]"),
        /** A local holding a lambda or method reference made in the method ({@link Construct#LAMBDA_LOCAL}). */
        UNARY("DoubleUnaryOperator"), BINARY("DoubleBinaryOperator");

        final String java;

        Type(String java) {
            this.java = java;
        }
    }

    static final int MAX_LENGTH = 6;
    static final int MAX_ROWS = 4;
    /** A plain double variable (or parameter) is reset to values of at most this magnitude. */
    static final double PLAIN_CAP = 4;
    /** Array elements: written with values of at most {@link #PLAIN_CAP}, incremented by at most as much again. */
    static final double ELEMENT_CAP = 2 * PLAIN_CAP;
    /** What all increments of an accumulator may add up to, loops counted. */
    static final double ACCUMULATOR_BUDGET = 40;

    final String name;
    final Type type;
    /** Loop depth at the declaration: increments inside deeper loops count once per trip. */
    final int loopDepth;

    // DOUBLE
    /** Reads are bounded by this (plain variables and parameters: {@link #PLAIN_CAP}). */
    double bound = PLAIN_CAP;
    boolean accumulator;
    /** Accumulators: how much the increments generated so far may still add. */
    double budget;
    /** Loop indices and for-each variables are never assigned by the generator. */
    boolean readOnly;
    /**
     * Assigned once, where it is declared, and never again (a parameter array, a value made for a
     * lambda to capture): effectively final, so a lambda's body may read it.
     */
    boolean fixed;
    /** ARRAY: assigned after its declaration (a swap of two arrays): never effectively final. */
    boolean assigned;

    // INT
    /** The largest value the int may have, or {@link Integer#MAX_VALUE} (counters). */
    int maxValue;
    /** For loop indices: how the loop bounds the index. */
    LoopIndex loop;

    // ARRAY, MATRIX
    Family family;
    /** ARRAY: the fewest elements; MATRIX: the fewest rows. */
    int minLength;
    /** MATRIX: the fewest elements of a row. */
    int minColumns;
    /** MATRIX: the outer array may be a parameter's, whose rows a callee must not move. */
    boolean outerFromParam;
    /** MATRIX: rows are only ever swapped or replaced by new arrays, so they stay distinct arrays. */
    boolean permutationOnly;
    /** While positive, a loop's bound reads this array's length: no reassignment, no row moves. */
    int pinned;

    Var(String name, Type type, int loopDepth) {
        this.name = name;
        this.type = type;
        this.loopDepth = loopDepth;
    }

    /** The bound on a double variable's magnitude when read. */
    double readBound() {
        return bound;
    }

    /** Makes this double an accumulator: reset to at most {@link #PLAIN_CAP}, incremented by at most the budget in all. */
    Var accumulate() {
        accumulator = true;
        budget = ACCUMULATOR_BUDGET;
        bound = PLAIN_CAP + ACCUMULATOR_BUDGET;
        return this;
    }

    /** How a for loop bounds its index: {@code start <= i < n}, {@code < a.length} or {@code < a.length - 1}. */
    record LoopIndex(int start, int constantBound, Var lengthOf, boolean minusOne) {
        /** The largest value the index may take. */
        int max() {
            int n = lengthOf == null ? constantBound : lengthOf.type == Type.MATRIX ? MAX_ROWS : MAX_LENGTH;
            return n - 1 - (minusOne ? 1 : 0);
        }

        /** Whether {@code i + offset} indexes an array of {@code owner}'s kind with at least {@code minLength} elements. */
        boolean fits(int offset, Var owner, int minLength) {
            if (start + offset < 0) {
                return false;
            }
            if (lengthOf == null) {
                return constantBound - 1 + offset < minLength;
            }
            if (lengthOf != owner) {
                return false;
            }
            return offset <= 0 || minusOne && offset == 1;
        }
    }
}
