package dev.fluxion.transformer.frontend;

import java.util.List;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Which method a virtual or interface call runs on an object of a known class, found as the JVM selects it. */
final class MethodSelection {
    private MethodSelection() {
    }

    /**
     * The method {@code name desc} that an object of class {@code c} runs when called through a
     * virtual or interface call naming it, found as the JVM selects it: the first declaration in
     * {@code c}'s superclass chain that overrides it (private and static methods do not, nor package
     * methods of another package: then {@code null}), else the one maximally specific default method
     * of its interfaces. {@code null} (the call stays) wherever that is not certain: a class that
     * cannot be read, an abstract method, two defaults that qualify. {@code declaring[0]} is set to
     * the method's class.
     */
    static MethodNode implementation(String c, String name, String desc, ClassNode[] declaring,
            Function<String, ClassNode> classes) {
        List<ClassNode> chain = new java.util.ArrayList<>();
        for (String k = c; k != null; ) {
            ClassNode node = classes.apply(k);
            if (node == null || node.name == null) {
                return null; // a class Fluxion cannot read might override it
            }
            chain.add(node);
            for (MethodNode m : node.methods) {
                if (!m.name.equals(name) || !m.desc.equals(desc)
                        || (m.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC)) != 0) {
                    continue;
                }
                if ((m.access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) == 0
                        && !Access.packageOf(node.name).equals(Access.packageOf(c))) {
                    return null; // package access: which methods override it depends on packages; not followed
                }
                declaring[0] = node;
                return (m.access & Opcodes.ACC_ABSTRACT) != 0 ? null : m;
            }
            k = node.superName;
        }
        // no class declares it: the maximally specific interface declarations
        java.util.Map<String, ClassNode> interfaces = new java.util.LinkedHashMap<>();
        java.util.ArrayDeque<String> work = new java.util.ArrayDeque<>();
        chain.forEach(k -> work.addAll(k.interfaces));
        while (!work.isEmpty()) {
            String n = work.poll();
            if (interfaces.containsKey(n)) {
                continue;
            }
            ClassNode i = classes.apply(n);
            if (i == null || i.name == null) {
                return null;
            }
            interfaces.put(n, i);
            work.addAll(i.interfaces);
        }
        List<ClassNode> declaringInterfaces = new java.util.ArrayList<>();
        for (ClassNode i : interfaces.values()) {
            boolean declares = i.methods.stream().anyMatch(m -> m.name.equals(name) && m.desc.equals(desc)
                    && (m.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC)) == 0);
            if (declares) {
                declaringInterfaces.add(i);
            }
        }
        declaringInterfaces.removeIf(i -> declaringInterfaces.stream()
                .anyMatch(other -> other != i && extendsInterface(other, i.name, interfaces)));
        if (declaringInterfaces.size() != 1) {
            return null;
        }
        ClassNode i = declaringInterfaces.get(0);
        MethodNode m = i.methods.stream().filter(n -> n.name.equals(name) && n.desc.equals(desc)).findFirst().orElseThrow();
        declaring[0] = i;
        return (m.access & Opcodes.ACC_ABSTRACT) != 0 ? null : m;
    }

    /** Whether interface {@code sub} extends {@code sup}, directly or not. */
    private static boolean extendsInterface(ClassNode sub, String sup, java.util.Map<String, ClassNode> interfaces) {
        java.util.ArrayDeque<String> work = new java.util.ArrayDeque<>(sub.interfaces);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!work.isEmpty()) {
            String n = work.poll();
            if (n.equals(sup)) {
                return true;
            }
            ClassNode node = interfaces.get(n);
            if (seen.add(n) && node != null) {
                work.addAll(node.interfaces);
            }
        }
        return false;
    }
}
