package dev.fluxion.fuzz;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Exceptions as text for failure reports: the stack trace, cut where it leaves the code under test. */
final class Exceptions {
    private Exceptions() {
    }

    /** The first frames of {@code e}'s stack trace (and its causes'), up to the fuzzer's own frames. */
    static String trace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        StringBuilder out = new StringBuilder();
        int frames = 0;
        for (String line : w.toString().split("\n")) {
            boolean frame = line.trim().startsWith("at ");
            if (frame && (line.contains("dev.fluxion.fuzz.") && !line.contains("dev.fluxion.fuzz.gen.") || ++frames > 25)) {
                continue;
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** The innermost cause's class and message. */
    static String gist(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getClass().getName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }
}
