package dev.fluxion.transformer.frontend;

import dev.fluxion.transformer.ir.MemberRef;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Java's access rules, for code copied from one class into another (inlining): the one place that
 * decides how the class that holds a derivative uses a member that inlined code, or a field of an
 * object from outside, names. The derivatives live in the class of the differentiated method (agent,
 * plugin) or in a hidden nestmate of it in the same package (on demand, see {@code
 * NestmateDerivatives}), and inlined code may name members only its own class could use.
 */
public final class Access {
    private Access() {
    }

    /** How the class that holds a derivative may use a member. */
    public enum Reach {
        /** As the instruction that names it: a public member of a class it may name, one of its package, of its nest. */
        DIRECT,
        /**
         * Through a method handle from {@code MethodHandles.privateLookupIn} (the runtime's {@code
         * MemberHandles}, put in place of the instruction by the backend's {@code MemberHandles}): a
         * private member of another class, a package member of another package, a protected one.
         */
        HANDLE,
        /** Not at all: a class it may not name (in the instruction or the member's type), or a member Fluxion cannot find. */
        NONE
    }

    /**
     * How code in class {@code from} may use {@code m}. Members of {@code from} itself are its own to
     * use (javac wrote the code that names them there), members of the JDK are its public API; a
     * member of another class is resolved as the JVM resolves it, through superclasses and
     * interfaces, and judged by its declaration.
     */
    public static Reach reach(MemberRef m, String from, Function<String, ClassNode> classes) {
        if (m.owner().startsWith("[") || m.owner().equals(from)) {
            return Reach.DIRECT; // clone() of an array; a member of the class itself
        }
        ClassNode c = read(m.owner(), classes);
        if (c == null) {
            // the JDK's, reached from inlined code only through its public API
            return isJdk(m.owner()) ? Reach.DIRECT : Reach.NONE;
        }
        if (!canName(Type.getObjectType(m.owner()), from, classes)) {
            return Reach.NONE;
        }
        Declaration d = declaration(c, m, classes);
        if (d == null) {
            return Reach.NONE;
        }
        if (isDirect(d, from, classes)) {
            return Reach.DIRECT;
        }
        Type type = m.descriptor().startsWith("(") ? Type.getMethodType(m.descriptor()) : Type.getType(m.descriptor());
        List<Type> named = type.getSort() == Type.METHOD
                ? java.util.stream.Stream.concat(java.util.Arrays.stream(type.getArgumentTypes()),
                        java.util.stream.Stream.of(type.getReturnType())).toList()
                : List.of(type);
        // the handle's call names the member's types as the instruction does: classes from may name
        return named.stream().allMatch(t -> canName(t, from, classes)) ? Reach.HANDLE : Reach.NONE;
    }

    /**
     * What {@code code} (a method of another class) uses that code in {@code from} may not use even
     * through a method handle, in the user's words: why Fluxion did not inline it. {@code null} if
     * nothing.
     */
    public static String outOfReach(MethodNode code, String from, Function<String, ClassNode> classes) {
        for (AbstractInsnNode insn : code.instructions) {
            MemberRef m = insn instanceof FieldInsnNode f ? new MemberRef(f.owner, f.name, f.desc)
                    : insn instanceof MethodInsnNode call ? new MemberRef(call.owner, call.name, call.desc, call.itf) : null;
            if (m != null && reach(m, from, classes) == Reach.NONE) {
                return (insn instanceof FieldInsnNode ? "the field " : "the method ") + m.owner().replace('/', '.') + "."
                        + (m.name().equals("<init>") ? "<init> (a constructor)" : m.name());
            }
            if (insn instanceof TypeInsnNode t && !canName(Type.getObjectType(t.desc), from, classes)) {
                return "the class " + Type.getObjectType(t.desc).getClassName();
            }
        }
        return null;
    }

    /** Whether code in {@code from} may name type {@code t} (in a cast, an allocation, a descriptor of a call it makes itself). */
    public static boolean canName(Type t, String from, Function<String, ClassNode> classes) {
        Type element = t.getSort() == Type.ARRAY ? t.getElementType() : t;
        if (element.getSort() != Type.OBJECT || element.getInternalName().equals(from)) {
            return true;
        }
        String name = element.getInternalName();
        if (packageOf(name).equals(packageOf(from))) {
            return true;
        }
        ClassNode c = read(name, classes);
        return c == null ? isJdk(name) : (c.access & Opcodes.ACC_PUBLIC) != 0;
    }

    /** A member's access flags and the class that declares it. */
    private record Declaration(ClassNode declarer, int access) {
    }

    /** The declaration the JVM resolves {@code m} to, from the class {@code c} the instruction names; {@code null} if not found. */
    private static Declaration declaration(ClassNode c, MemberRef m, Function<String, ClassNode> classes) {
        boolean method = m.descriptor().startsWith("(");
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> interfaces = new ArrayDeque<>();
        for (ClassNode k = c; k != null; k = k.superName == null ? null : read(k.superName, classes)) {
            Integer access = declared(k, m, method);
            if (access != null) {
                return new Declaration(k, access);
            }
            interfaces.addAll(k.interfaces);
            if (k.superName != null && read(k.superName, classes) == null) {
                // a superclass Fluxion cannot read: of the JDK, whose members subclasses inherit are public or protected
                return isJdk(k.superName) ? new Declaration(k, Opcodes.ACC_PUBLIC) : null;
            }
        }
        while (!interfaces.isEmpty()) { // interface constants and default methods: public
            String i = interfaces.poll();
            ClassNode node = seen.add(i) ? read(i, classes) : null;
            if (node != null) {
                Integer access = declared(node, m, method);
                if (access != null) {
                    return new Declaration(node, access);
                }
                interfaces.addAll(node.interfaces);
            }
        }
        return null;
    }

    private static Integer declared(ClassNode k, MemberRef m, boolean method) {
        if (method) {
            for (MethodNode n : k.methods) {
                if (n.name.equals(m.name()) && n.desc.equals(m.descriptor())) {
                    return n.access;
                }
            }
        } else {
            for (FieldNode n : k.fields) {
                if (n.name.equals(m.name())) {
                    return n.access;
                }
            }
        }
        return null;
    }

    private static boolean isDirect(Declaration d, String from, Function<String, ClassNode> classes) {
        int access = d.access();
        if ((access & Opcodes.ACC_PUBLIC) != 0) {
            return true; // of a class from may name (checked by the caller)
        }
        if ((access & Opcodes.ACC_PRIVATE) != 0) { // nestmates (a class and its nested classes) share private members
            ClassNode fromNode = read(from, classes);
            return fromNode != null && nestHost(d.declarer()).equals(nestHost(fromNode));
        }
        // package or protected: of the same package. A protected member of another package is the
        // subclasses', but only on objects of their own class, which the instruction does not show
        return packageOf(d.declarer().name).equals(packageOf(from));
    }

    /** A class's parsed file, or {@code null} if it cannot be read. */
    private static ClassNode read(String name, Function<String, ClassNode> classes) {
        ClassNode c = classes.apply(name);
        return c == null || c.name == null ? null : c;
    }

    public static boolean isJdk(String owner) {
        return owner.startsWith("java/") || owner.startsWith("javax/") || owner.startsWith("jdk/");
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
