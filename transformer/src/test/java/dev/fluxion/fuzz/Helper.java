package dev.fluxion.fuzz;

import java.util.List;

/**
 * A {@code @Differentiable} helper of a generated program, as its callers see it: its signature,
 * and what generating its body found out that a caller must respect (which array arguments it
 * writes, whether the array it returns may be one of its arguments).
 */
final class Helper {
    /** SMALL helpers are inlined by Fluxion; LARGE and RECURSIVE ones stay calls (reversed jointly). */
    enum Kind {
        SMALL, LARGE, RECURSIVE
    }

    enum Returns {
        DOUBLE("double"), ARRAY("double[]"), VOID("void");

        final String java;

        Returns(String java) {
            this.java = java;
        }
    }

    /** What a helper's double result is bounded by (its returns are fitted to it). */
    static final double RETURN_CAP = 10;
    /** Int parameters get values in 0..MAX_INT_ARG; a recursive helper's depth is at most MAX_DEPTH. */
    static final int MAX_INT_ARG = 8;
    static final int MAX_DEPTH = 4;

    final String name;
    final Kind kind;
    final Returns returns;
    /** Parameter types; a recursive helper's last parameter is its depth counter {@code d}. */
    final List<Var.Type> params;
    /** Set while the body is generated: the array parameters it writes, directly or through a callee. */
    final boolean[] writesParam;
    /** An ARRAY helper may return an array it was given (or a row of one), not always a new one. */
    boolean mayReturnArgument;
    /** Rough work of one call, known once the body is written (see {@link MethodScope#work}). */
    long work = 1;
    /** The helpers its body calls (not itself). */
    final java.util.Set<Helper> calls = new java.util.HashSet<>();

    Helper(String name, Kind kind, Returns returns, List<Var.Type> params) {
        this.name = name;
        this.kind = kind;
        this.returns = returns;
        this.params = List.copyOf(params);
        this.writesParam = new boolean[params.size()];
        // a recursive helper's own calls pass its arrays on: what it returns may be any of them
        this.mayReturnArgument = kind == Kind.RECURSIVE;
    }

    /** Whether a call to it may recurse: it is recursive, or calls (through others) a recursive helper. */
    boolean reachesRecursion() {
        if (kind == Kind.RECURSIVE) {
            return true;
        }
        for (Helper h : calls) {
            if (h.reachesRecursion()) {
                return true;
            }
        }
        return false;
    }

    boolean writesAnArray() {
        for (boolean w : writesParam) {
            if (w) {
                return true;
            }
        }
        return false;
    }

    String paramName(int i) {
        if (kind == Kind.RECURSIVE && i == params.size() - 1) {
            return "d";
        }
        return "p" + i;
    }

    /** The Java signature, without modifiers. */
    String signature() {
        StringBuilder s = new StringBuilder(returns.java).append(' ').append(name).append('(');
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                s.append(", ");
            }
            s.append(params.get(i).java).append(' ').append(paramName(i));
        }
        return s.append(')').toString();
    }
}
