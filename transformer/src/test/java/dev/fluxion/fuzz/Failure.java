package dev.fluxion.fuzz;

import java.util.Arrays;

/**
 * Why a program failed, at which point, and what the oracles said. Two failures are "the same"
 * for the {@link Shrinker} when their {@link #signature()}s are equal: the kind, and for errors the
 * gist of the message, with names and numbers taken out.
 */
record Failure(Kind kind, String detail, double[] point) {
    enum Kind {
        // the fuzzer's own fault: the generator wrote something outside Java or outside the subset's promises
        COMPILE_ERROR(false, "the generated source does not compile"),
        PRIMAL_THREW(false, "the generated program itself throws"),
        NO_FINITE_POINT(false, "the primal is not finite at any point tried"),
        // Fluxion's
        REJECTED(true, "the transformer rejected a program inside the subset"),
        TRANSFORMER_ERROR(true, "the transformer failed with an internal error"),
        VERIFY_ERROR(true, "the transformed class does not verify"),
        LINK_ERROR(true, "a derivative could not be bound (missing or stubbed method)"),
        REJECTED_AT_RUN_TIME(true, "a derivative threw a FluxionException for a program inside the subset"),
        THREW(true, "a derivative threw where the primal does not"),
        TIMEOUT(true, "a derivative did not finish in time"),
        VALUE(true, "the value returned with a derivative differs from the primal's"),
        INPUT_MODIFIED(true, "the input array was modified"),
        FORWARD(true, "forward mode (one lane per sweep) disagrees with reverse mode"),
        VECTOR_FORWARD(true, "vector forward mode (vector lanes) disagrees with reverse mode"),
        DOT_PRODUCT(true, "the tangent along a random direction disagrees with grad . v"),
        RICHARDSON(true, "the gradient disagrees with Richardson-extrapolated differences of the primal"),
        HVP(true, "the Hessian-vector product disagrees with differences of the gradient"),
        NO_INLINING(true, "the gradient without inlining differs from the one with inlining"),
        CHECKPOINTED(true, "the gradient with f @Checkpointed differs from the plain one, or failed");

        final boolean fluxionBug;
        final String description;

        Kind(boolean fluxionBug, String description) {
            this.fluxionBug = fluxionBug;
            this.description = description;
        }
    }

    /** What identifies "the same failure" while shrinking. */
    String signature() {
        return kind + ": " + gist(detail);
    }

    /**
     * For errors, the message without class and variable names, numbers and line numbers (a
     * shrunk program is another class, its lines move); for wrong values, nothing more than the
     * kind (which component and by how much may change as the program shrinks).
     */
    static String gist(String detail) {
        if (detail == null) {
            return "";
        }
        int cut = detail.indexOf(" @@ ");
        if (cut < 0) {
            return "";
        }
        String g = detail.substring(0, cut);
        g = g.replaceAll("dev\\.fluxion\\.fuzz\\.gen\\.[A-Za-z0-9_$.]+(\\([^)]*\\)[^ ,:]*)?", "C");
        g = g.replaceAll("dev/fluxion/fuzz/gen/[A-Za-z0-9_$/]+", "C");
        g = g.replaceAll("\\([A-Za-z0-9_]+\\.java:-?\\d+\\)", "(line)");
        g = g.replaceAll("\\b[a-z]+\\d+\\b", "v");
        g = g.replaceAll("-?\\d+(\\.\\d+)?([eE]-?\\d+)?", "N");
        return g.length() > 300 ? g.substring(0, 300) : g;
    }

    /** A failure whose gist (before " @@ ") takes part in the signature: errors, exceptions. */
    static Failure error(Kind kind, String gist, String more, double[] point) {
        return new Failure(kind, gist + " @@ " + more, point);
    }

    @Override
    public String toString() {
        return kind + " (" + kind.description + ")" + (point == null ? "" : " at x = " + Arrays.toString(point)) + ":\n"
                + (detail == null ? "" : detail.replace(" @@ ", "\n"));
    }
}
