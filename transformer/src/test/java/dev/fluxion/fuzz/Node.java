package dev.fluxion.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A node of a generated program's syntax tree: Java text with holes {@code $0} to {@code $9} that
 * its children fill, or, for a {@link Sort#BLOCK}, a braced list of statements. Immutable, so the
 * {@link Shrinker} can try a replacement anywhere in a tree by rebuilding one path.
 *
 * <p>The generator knows more than the text says (types, bounds, aliasing); the tree keeps only
 * what the shrinker needs: the sort of each node (to replace an expression by a simpler one of the
 * same type), simpler forms of compound statements ({@link #alternatives}), which statements must
 * stay ({@link #pinned}), and which constructs each node stands for ({@link #marks}).
 */
final class Node {
    /** What a node is, for the shrinker: expressions of a Java type, or a piece of structure. */
    enum Sort {
        DOUBLE, INT, BOOLEAN, ARRAY, MATRIX, STATEMENT, BLOCK, METHOD, OTHER
    }

    final Sort sort;
    final String template;
    final List<Node> kids;
    final Set<Construct> marks;
    /** Simpler templates over the same children (a loop's body alone, an if's branch), tried by the shrinker. */
    final List<String> alternatives;
    /** Never deleted by the shrinker (a method's final return, the entry method). */
    final boolean pinned;
    /** For {@link Sort#DOUBLE} nodes as generated: a bound on the value's magnitude. */
    final double bound;

    private Node(Sort sort, String template, List<Node> kids, Set<Construct> marks, List<String> alternatives,
            boolean pinned, double bound) {
        this.sort = sort;
        this.template = template;
        this.kids = List.copyOf(kids);
        this.marks = marks.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(marks));
        this.alternatives = List.copyOf(alternatives);
        this.pinned = pinned;
        this.bound = bound;
        if (sort != Sort.BLOCK && kids.size() > 10) {
            throw new IllegalArgumentException("at most 10 holes in a template: " + template);
        }
    }

    static Node of(Sort sort, String template, Node... kids) {
        return new Node(sort, template, List.of(kids), Set.of(), List.of(), false, 0);
    }

    static Node of(Sort sort, String template, List<Node> kids) {
        return new Node(sort, template, kids, Set.of(), List.of(), false, 0);
    }

    /** A double-valued expression with a bound on its magnitude. */
    static Node real(double bound, String template, Node... kids) {
        return new Node(Sort.DOUBLE, template, List.of(kids), Set.of(), List.of(), false, bound);
    }

    static Node block(List<Node> statements) {
        return new Node(Sort.BLOCK, "", statements, Set.of(), List.of(), false, 0);
    }

    static Node statement(String template, Node... kids) {
        return of(Sort.STATEMENT, template, kids);
    }

    Node mark(Construct... cs) {
        Set<Construct> m = marks.isEmpty() ? EnumSet.noneOf(Construct.class) : EnumSet.copyOf(marks);
        Collections.addAll(m, cs);
        return new Node(sort, template, kids, m, alternatives, pinned, bound);
    }

    Node alternatives(String... alts) {
        return new Node(sort, template, kids, marks, List.of(alts), pinned, bound);
    }

    Node pin() {
        return new Node(sort, template, kids, marks, alternatives, true, bound);
    }

    Node withKids(List<Node> newKids) {
        return new Node(sort, template, newKids, marks, alternatives, pinned, bound);
    }

    Node withKid(int i, Node kid) {
        List<Node> k = new ArrayList<>(kids);
        k.set(i, kid);
        return withKids(k);
    }

    /**
     * This node with {@code alt} as its template: the children it no longer mentions are dropped,
     * the others renumbered, and the constructs they stand for go with them.
     */
    Node withTemplate(String alt) {
        List<Node> used = new ArrayList<>();
        StringBuilder t = new StringBuilder();
        int[] renumber = new int[kids.size()];
        java.util.Arrays.fill(renumber, -1);
        for (int i = 0; i < alt.length(); i++) {
            char c = alt.charAt(i);
            if (c == '$' && i + 1 < alt.length() && Character.isDigit(alt.charAt(i + 1))) {
                int k = alt.charAt(++i) - '0';
                if (renumber[k] < 0) {
                    renumber[k] = used.size();
                    used.add(kids.get(k));
                }
                t.append('$').append(renumber[k]);
            } else {
                t.append(c);
            }
        }
        return new Node(sort, t.toString(), used, Set.of(), List.of(), pinned, bound);
    }

    /** Java source, statements and blocks indented {@code indent} levels. */
    String render(int indent) {
        StringBuilder out = new StringBuilder();
        render(indent, out);
        return out.toString();
    }

    private void render(int indent, StringBuilder out) {
        if (sort == Sort.BLOCK) {
            out.append("{\n");
            for (Node s : kids) {
                pad(out, indent + 1);
                s.render(indent + 1, out);
                out.append('\n');
            }
            pad(out, indent);
            out.append('}');
            return;
        }
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '$' && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
                kids.get(template.charAt(++i) - '0').render(indent, out);
            } else if (c == '\n') {
                out.append('\n');
                pad(out, indent);
            } else {
                out.append(c);
            }
        }
    }

    private static void pad(StringBuilder out, int indent) {
        out.append("    ".repeat(indent));
    }

    /** Visits this node and every node below it. */
    void walk(Consumer<Node> visitor) {
        visitor.accept(this);
        for (Node k : kids) {
            k.walk(visitor);
        }
    }

    /** The number of nodes in this tree, a measure of a program's size for the shrinker. */
    int size() {
        int[] n = {0};
        walk(x -> n[0]++);
        return n[0];
    }

    @Override
    public String toString() {
        return render(0);
    }
}
