package dev.fluxion.fuzz;

/**
 * Arrays that may be the same array at run time, or rows of one another: the generator's
 * counterpart of the transformer's alias families, kept conservatively by union-find. Two
 * arguments of one call to a helper that writes into its arrays must come from different
 * families (one array passed twice to such a callee is outside Fluxion's subset).
 */
final class Family {
    private Family parent;
    /** A parameter of the method (or the input x) is in the family. */
    private boolean fromParam;
    /** Increments ({@code a[i] += e}) may still add this much to any element. */
    private double incrementBudget;
    /**
     * An array of the family surely depends on x (x itself, a copy of x, ...), as Fluxion's
     * activity analysis sees it, per family and regardless of where in the method: once true, true.
     */
    private boolean varied;

    private Family(boolean fromParam) {
        this.fromParam = fromParam;
        this.incrementBudget = fromParam ? 0 : Var.ELEMENT_CAP - Var.PLAIN_CAP;
    }

    static Family fresh() {
        return new Family(false);
    }

    static Family parameter() {
        return new Family(true);
    }

    /** The family of the entry point's input x. */
    static Family input() {
        Family f = new Family(true);
        f.varied = true;
        return f;
    }

    /** The family of a new copy ({@code clone()}, {@code Arrays.copyOf}) of an array of {@code source}. */
    static Family copyOf(Family source) {
        Family f = new Family(false);
        f.varied = source.varied();
        return f;
    }

    Family root() {
        Family f = this;
        while (f.parent != null) {
            f = f.parent;
        }
        return f;
    }

    /** Merges two families: the arrays of either may now be those of the other. */
    static Family union(Family a, Family b) {
        Family ra = a.root();
        Family rb = b.root();
        if (ra != rb) {
            rb.parent = ra;
            ra.fromParam |= rb.fromParam;
            ra.varied |= rb.varied;
            ra.incrementBudget = Math.min(ra.incrementBudget, rb.incrementBudget);
        }
        return ra;
    }

    boolean same(Family other) {
        return root() == other.root();
    }

    boolean varied() {
        return root().varied;
    }

    boolean fromParam() {
        return root().fromParam;
    }

    double incrementBudget() {
        return root().incrementBudget;
    }

    void spend(double amount) {
        root().incrementBudget -= amount;
    }
}
