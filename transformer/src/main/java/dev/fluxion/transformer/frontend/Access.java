package dev.fluxion.transformer.frontend;

import dev.fluxion.transformer.ir.MemberRef;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;

/** Java's access rules, for code copied from one class into another (inlining). */
public final class Access {
    private Access() {
    }

    /**
     * Whether code in class {@code from} may use {@code m}: the derivatives live in {@code from}, and
     * inlined code, or a field of an object from outside, may reach members only its own class could
     * (private, package-private or protected ones of another package, or of a class that is not public).
     */
    static boolean isAccessible(MemberRef m, String from, Function<String, ClassNode> classes) {
        if (m.owner().startsWith("[")) {
            return true; // clone() of an array
        }
        ClassNode c = classes.apply(m.owner());
        if (c == null || c.name == null) {
            // the JDK's, reached from inlined code only through its public API
            return m.owner().startsWith("java/") || m.owner().startsWith("javax/") || m.owner().startsWith("jdk/");
        }
        boolean method = m.descriptor().startsWith("(");
        int access = method
                ? c.methods.stream().filter(n -> n.name.equals(m.name()) && n.desc.equals(m.descriptor()))
                        .mapToInt(n -> n.access).findFirst().orElse(-1)
                : c.fields.stream().filter(n -> n.name.equals(m.name())).mapToInt(n -> n.access).findFirst().orElse(-1);
        if (access == -1) {
            return false; // inherited: not worth resolving
        }
        boolean samePackage = packageOf(m.owner()).equals(packageOf(from));
        if ((access & Opcodes.ACC_PRIVATE) != 0) { // nestmates (a class and its nested classes) share private members
            ClassNode fromNode = classes.apply(from);
            return fromNode != null && nestHost(c).equals(nestHost(fromNode));
        }
        if ((access & Opcodes.ACC_PUBLIC) != 0 && (c.access & Opcodes.ACC_PUBLIC) != 0) {
            return true;
        }
        return samePackage;
    }

    private static String nestHost(ClassNode c) {
        return c.nestHostClass != null ? c.nestHostClass : c.name;
    }

    /** The package of a class, by internal names: {@code com/acme} for {@code com/acme/Model}. */
    public static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }
}
