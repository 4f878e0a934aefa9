package dev.fluxion.fuzz;

import dev.fluxion.fuzz.Node.Sort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reduces a failing program while it keeps failing the same way (the same
 * {@link Failure#signature()}), greedily, in the spirit of delta debugging: drop helpers, delete
 * statements (largest first), replace compound statements by their simpler forms (a loop by its
 * body, an if by a branch), and expressions by constants or by their own subexpressions.
 *
 * <p>Candidates are compiled in batches (a javac call costs far more than a small class); a
 * candidate that does not compile, or fails differently (an index out of bounds after a deletion,
 * another kind of failure), is simply not taken. The points stay those of the original program.
 */
final class Shrinker {
    private static final int BATCH = 16;

    private final InMemoryJavac javac;
    private final ProgramCheck check;
    private final int maxChecks;
    private int checks;
    private int serial;

    Shrinker(InMemoryJavac javac, ProgramCheck check, int maxChecks) {
        this.javac = javac;
        this.check = check;
        this.maxChecks = maxChecks;
    }

    /** The smallest program found that fails like {@code failure}, and its failure. */
    record Result(Program program, Failure failure, int checks) {
    }

    Result shrink(Program program, Failure failure) {
        String target = failure.signature();
        Program best = program;
        Failure bestFailure = failure;
        int position = 0;
        boolean progressThisPass = false;
        while (checks < maxChecks) {
            List<Program> candidates = candidates(best);
            if (position >= candidates.size()) {
                if (!progressThisPass) {
                    break;
                }
                position = 0;
                progressThisPass = false;
                continue;
            }
            int end = Math.min(candidates.size(), position + BATCH);
            Map<String, Program> batch = new LinkedHashMap<>();
            Map<String, String> sources = new LinkedHashMap<>();
            for (Program c : candidates.subList(position, end)) {
                String name = "Shrink_" + (serial++);
                batch.put(name, c);
                sources.put(c.qualifiedName(name), c.source(name));
            }
            InMemoryJavac.Result compiled = javac.compile(sources);
            BatchLoader loader = new BatchLoader(Shrinker.class.getClassLoader(), compiled.classes(), true);
            BatchLoader twin = new BatchLoader(Shrinker.class.getClassLoader(), compiled.classes(), false);
            int accepted = -1;
            int k = position;
            for (var e : batch.entrySet()) {
                String qualified = e.getValue().qualifiedName(e.getKey());
                if (compiled.classes().containsKey(qualified) && checks < maxChecks) {
                    checks++;
                    Failure f = check.check(e.getValue(), e.getKey(), loader, twin, new FuzzStats());
                    if (f != null && f.signature().equals(target)) {
                        best = e.getValue();
                        bestFailure = f;
                        accepted = k;
                        break;
                    }
                }
                k++;
            }
            if (accepted >= 0) {
                position = accepted; // the candidates after it, in the smaller program
                progressThisPass = true;
            } else {
                position = end;
            }
        }
        return new Result(best, bestFailure, checks);
    }

    /** Every one-step simplification of {@code p}, coarse ones first. */
    static List<Program> candidates(Program p) {
        List<Program> out = new ArrayList<>();
        // drop a helper
        for (int m = 1; m < p.methods.size(); m++) {
            List<Node> ms = new ArrayList<>(p.methods);
            ms.remove(m);
            out.add(p.withMethods(ms));
        }
        List<Program> deletions = new ArrayList<>();
        List<Program> alternatives = new ArrayList<>();
        List<Program> simplifications = new ArrayList<>();
        for (int m = 0; m < p.methods.size(); m++) {
            int method = m;
            Function<Node, Program> rebuild = n -> {
                List<Node> ms = new ArrayList<>(p.methods);
                ms.set(method, n);
                return p.withMethods(ms);
            };
            collect(p.methods.get(m), rebuild, deletions, alternatives, simplifications);
        }
        out.addAll(deletions);
        out.addAll(alternatives);
        out.addAll(simplifications);
        return out;
    }

    /** Deleted statements, largest first; alternative forms; simpler expressions: for {@code n} and below. */
    private static void collect(Node n, Function<Node, Program> rebuild, List<Program> deletions,
            List<Program> alternatives, List<Program> simplifications) {
        if (n.sort == Sort.BLOCK) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n.kids.size(); i++) {
                if (!n.kids.get(i).pinned) {
                    order.add(i);
                }
            }
            order.sort(Comparator.comparingInt((Integer i) -> -n.kids.get(i).size()));
            for (int i : order) {
                List<Node> kids = new ArrayList<>(n.kids);
                kids.remove(i);
                deletions.add(rebuild.apply(n.withKids(kids)));
            }
        }
        for (String alt : n.alternatives) {
            alternatives.add(rebuild.apply(n.withTemplate(alt)));
        }
        for (String simpler : n.pinned ? List.<String>of() : simpler(n)) {
            simplifications.add(rebuild.apply(Node.of(n.sort, simpler)));
        }
        if (n.sort == Sort.DOUBLE) {
            for (Node k : n.kids) {
                if (k.sort == Sort.DOUBLE) {
                    simplifications.add(rebuild.apply(k));
                }
            }
        }
        for (int i = 0; i < n.kids.size(); i++) {
            int index = i;
            collect(n.kids.get(i), k -> rebuild.apply(n.withKid(index, k)), deletions, alternatives, simplifications);
        }
    }

    /** Constants that may replace an expression of {@code n}'s sort (none where it already is one). */
    private static List<String> simpler(Node n) {
        List<String> out = new ArrayList<>();
        switch (n.sort) {
            case DOUBLE -> {
                if (!n.kids.isEmpty() || !isLiteral(n.template)) {
                    out.add("1.0");
                }
            }
            case INT -> {
                if (!n.template.equals("0") && !n.template.equals("1")) {
                    out.add("1");
                    out.add("0");
                }
            }
            case BOOLEAN -> {
                out.add("true");
                out.add("false");
            }
            default -> {
            }
        }
        return out;
    }

    private static boolean isLiteral(String t) {
        return t.matches("\\(?-?[0-9.]+\\)?");
    }
}
