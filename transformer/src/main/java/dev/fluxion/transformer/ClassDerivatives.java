package dev.fluxion.transformer;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.diagnostics.Diagnostic;
import dev.fluxion.transformer.diagnostics.Unsupported;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The members generated for one class, kept by the method they differentiate, so that a method that
 * fails takes only its own members with it: the class keeps the derivatives of every other method,
 * and the failure's diagnostic is reported for that method alone.
 */
final class ClassDerivatives {
    private static final String GENERATED = "fluxion$";

    private final ClassNode node;
    private final Map<MethodNode, List<MethodNode>> members = new LinkedHashMap<>();
    /** New bodies of {@code @GradientOf} methods, by method. */
    private final Map<MethodNode, MethodNode> replaced = new LinkedHashMap<>();
    private final Map<MethodNode, List<Diagnostic>> failed = new LinkedHashMap<>();

    ClassDerivatives(ClassNode node) {
        this.node = node;
    }

    /** Adds {@code member}, generated for {@code method}, unless {@code method} failed. */
    void add(MethodNode method, MethodNode member) {
        if (!failed.containsKey(method)) {
            members.computeIfAbsent(method, k -> new ArrayList<>()).add(member);
        }
    }

    void addAll(MethodNode method, List<MethodNode> generated) {
        generated.forEach(member -> add(method, member));
    }

    /** Gives the {@code @GradientOf} method {@code method} its generated body. */
    void replace(MethodNode method, MethodNode body) {
        if (!failed.containsKey(method)) {
            replaced.put(method, body);
        }
    }

    /** Drops what was generated for {@code method}, which cannot be differentiated for this reason. */
    void fail(MethodNode method, int line, String problem, String advice) {
        if (!failed.containsKey(method)) {
            failed.put(method, List.of(new Diagnostic(node.name, method.name, method.desc, node.sourceFile, line, problem,
                    advice)));
        }
        members.remove(method);
        replaced.remove(method);
    }

    /** Drops what was generated for {@code method}, which cannot be differentiated for these reasons. */
    void fail(MethodNode method, Unsupported problems) {
        if (!failed.containsKey(method)) {
            failed.put(method, problems.each().stream().map(u -> new Diagnostic(node.name, method.name, method.desc,
                    node.sourceFile, u.line(), u.problem(), u.advice())).toList());
        }
        members.remove(method);
        replaced.remove(method);
    }

    /** Every member to add, the new bodies of {@code @GradientOf} methods included. */
    List<MethodNode> members() {
        List<MethodNode> all = new ArrayList<>();
        members.values().forEach(all::addAll);
        all.addAll(replaced.values());
        return all;
    }

    /** The new bodies of {@code @GradientOf} methods, which take the originals' places. */
    List<MethodNode> replaced() {
        return List.copyOf(replaced.values());
    }

    /** The diagnostics of the methods that failed, in the order they failed (a method's own in the order of its code). */
    List<Diagnostic> problems() {
        return failed.values().stream().flatMap(List::stream).toList();
    }

    /**
     * Fails every method whose members call a generated member of this class that is not there (the
     * derivative of a method that failed), until none does. The checks reject such callers before
     * anything is generated; this keeps a class from ever calling a method it lacks, whatever failed.
     */
    void failCallersOfMissingMembers() {
        for (boolean changed = true; changed; ) {
            changed = false;
            Set<String> present = new HashSet<>();
            node.methods.forEach(m -> present.add(m.name + m.desc));
            members().forEach(m -> present.add(m.name + m.desc));
            for (Map.Entry<MethodNode, List<MethodNode>> e : List.copyOf(members.entrySet())) {
                List<MethodNode> own = new ArrayList<>(e.getValue());
                if (replaced.containsKey(e.getKey())) {
                    own.add(replaced.get(e.getKey()));
                }
                String missing = missingCallee(own, present);
                if (missing != null) {
                    fail(e.getKey(), -1, "its derivative calls " + missing + ", which could not be generated",
                            "Fix the method that " + missing + " differentiates first: its own message says how.");
                    changed = true;
                }
            }
        }
    }

    private String missingCallee(List<MethodNode> own, Set<String> present) {
        for (MethodNode m : own) {
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof MethodInsnNode call && isMissing(call.owner, call.name, call.desc, present)) {
                    return call.name;
                }
                if (insn instanceof InvokeDynamicInsnNode indy) {
                    for (Object arg : indy.bsmArgs) {
                        if (arg instanceof Handle h && isMissing(h.getOwner(), h.getName(), h.getDesc(), present)) {
                            return h.getName();
                        }
                    }
                }
            }
        }
        return null;
    }

    private boolean isMissing(String owner, String name, String desc, Set<String> present) {
        return owner.equals(node.name) && name.startsWith(GENERATED) && !present.contains(name + desc);
    }

    /**
     * A generated member over 64 KB of bytecode: a tangent or Hessian-vector product becomes a stub
     * that throws why (reverse mode still works), and an adjoint fails its method. Returns what was
     * done, or {@code null} if no member has that name and descriptor.
     */
    String tooLarge(String name, String desc) {
        for (Map.Entry<MethodNode, List<MethodNode>> e : List.copyOf(members.entrySet())) {
            MethodNode method = e.getKey();
            List<MethodNode> list = e.getValue();
            for (int k = 0; k < list.size(); k++) {
                MethodNode member = list.get(k);
                if (!member.name.equals(name) || !member.desc.equals(desc)) {
                    continue;
                }
                String kind = optionalKind(method, name);
                if (kind == null) {
                    fail(method, -1, "its derivative needs more than the 64 KB of bytecode a JVM method may have",
                            "Split the method into smaller @Differentiable methods that call each other.");
                    return "failed " + method.name;
                }
                String message = new Diagnostic(node.name, method.name, method.desc, node.sourceFile, -1, "no " + kind
                        + ": it needs more than the 64 KB of bytecode a JVM method may have", "Its gradient "
                                + "(Fluxion.gradient) works; split the method into smaller @Differentiable methods for "
                                + "the rest.").message();
                list.set(k, Binders.throwing(name, desc, member.access, message));
                return "stub " + name;
            }
        }
        return null;
    }

    /** What a member that reverse mode does not need gives, or {@code null} for the adjoint and what it needs. */
    private static String optionalKind(MethodNode method, String member) {
        if (member.equals(Naming.hvpName(method.name)) || member.startsWith(Naming.PURE_TANGENT_PREFIX)
                || member.startsWith(Naming.TANGENT_ADJOINT_PREFIX)) {
            return "second derivative (Hessian-vector product)";
        }
        if (member.equals(Naming.tangentName(method.name))
                || Naming.VECTOR_WIDTHS.stream().anyMatch(lanes -> member.equals(Naming.tangentName(method.name, lanes)))) {
            return "forward-mode derivative (tangent)";
        }
        return null;
    }
}
