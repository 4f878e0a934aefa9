package dev.fluxion.transformer;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.backend.ClassFileLocator;
import dev.fluxion.transformer.backend.ThroughHandles;
import dev.fluxion.transformer.frontend.Access;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The derivative members of a transformed class, moved into a class of their own that the runtime
 * defines with {@code Lookup.defineHiddenClass(bytes, true, NESTMATE)} from a lookup into the class:
 * derivatives generated on demand, when neither the agent nor the plugin could add them to the
 * class itself. As a nestmate, the hidden class reaches the class's private members as the members
 * would from inside it; three things change, and this class rewrites them:
 * <ul>
 *   <li>a call between generated members names the hidden class (which refers to itself by the
 *       name it is written with);</li>
 *   <li>a call to another class's generated member becomes an {@code invokedynamic} whose bootstrap,
 *       {@code OnDemand.derivative}, finds that member where it is (a hidden class cannot be named);</li>
 *   <li>a private instance method of the class, called with {@code invokespecial} from inside it, is
 *       called with {@code invokevirtual} (or {@code invokeinterface}), as a nestmate calls it;</li>
 *   <li>what only the class itself may do, calling a superclass's method with {@code super.m()} or
 *       using a protected member inherited from another package, goes through the member's method
 *       handle, found from inside the class ({@link ThroughHandles}, as for members of other classes).</li>
 * </ul>
 */
public final class NestmateDerivatives {
    /** The name the hidden class is written with: the JVM appends a suffix of its own. */
    public static final String SUFFIX = "$$FluxionDerivatives";

    static final Handle BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC, "dev/fluxion/internal/OnDemand", "derivative",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/Class;)"
                    + "Ljava/lang/invoke/CallSite;", false);

    private static final Handle METAFACTORY = new Handle(Opcodes.H_INVOKESTATIC, "dev/fluxion/internal/OnDemand",
            "metafactory", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                    + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;Ljava/lang/invoke/MethodType;)"
                    + "Ljava/lang/invoke/CallSite;", false);

    /** For a forwarder's serializable method reference ({@code Naming.forwarderName}): see {@code OnDemand.altMetafactory}. */
    private static final Handle ALT_METAFACTORY = new Handle(Opcodes.H_INVOKESTATIC, "dev/fluxion/internal/OnDemand",
            "altMetafactory", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                    + "[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;", false);

    private NestmateDerivatives() {
    }

    /**
     * The hidden class's bytes: the members {@link Transformer#transformEach} added to the class
     * {@code transformed}; {@code null} if there are none.
     *
     * @param locator reads superclasses, to find protected members of another package
     */
    public static byte[] extract(byte[] transformed, ClassFileLocator locator) {
        return extract(transformed, java.util.Set.of(), locator);
    }

    /**
     * The same, with the class's methods {@code carried} (name + descriptor) moved too: methods that
     * exist only in the transformed bytes, such as a lambda's body made callable
     * ({@code LambdaBodies}). A call to a generated member of the class that is not moved (one
     * of its own derivatives, generated before) goes through {@code OnDemand.derivative}.
     */
    public static byte[] extract(byte[] transformed, java.util.Set<String> carried, ClassFileLocator locator) {
        ClassNode host = new ClassNode();
        new ClassReader(transformed).accept(host, 0);
        ClassNode out = new ClassNode();
        out.version = Math.max(host.version & 0xFFFF, Opcodes.V11);
        out.access = Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC;
        out.name = host.name + SUFFIX;
        out.superName = "java/lang/Object";
        out.sourceFile = host.sourceFile;
        java.util.Set<String> moved = new java.util.HashSet<>();
        for (MethodNode m : host.methods) {
            if (m.name.startsWith(Naming.GENERATED_PREFIX) || carried.contains(m.name + m.desc)) {
                moved.add(m.name + m.desc);
                out.methods.add(m);
            }
        }
        for (MethodNode m : out.methods) {
            rewrite(m, host, out.name, moved, locator);
        }
        if (out.methods.isEmpty()) {
            return null;
        }
        ClassWriter writer = new ClassWriter(0);
        out.accept(writer);
        return writer.toByteArray();
    }

    private static void rewrite(MethodNode m, ClassNode host, String hidden, java.util.Set<String> moved,
            ClassFileLocator locator) {
        boolean hostIsInterface = (host.access & Opcodes.ACC_INTERFACE) != 0;
        for (AbstractInsnNode insn : m.instructions.toArray()) {
            if (insn instanceof MethodInsnNode call) {
                boolean generated = call.name.startsWith(Naming.GENERATED_PREFIX);
                if (call.owner.equals(host.name) && moved.contains(call.name + call.desc)) {
                    call.owner = hidden;
                    call.itf = false;
                } else if (generated) {
                    m.instructions.set(call, new InvokeDynamicInsnNode(call.name, call.desc, BOOTSTRAP,
                            Type.getObjectType(call.owner)));
                } else if (call.getOpcode() == Opcodes.INVOKESPECIAL && !call.name.equals("<init>")) {
                    if (call.owner.equals(host.name)) {
                        call.setOpcode(hostIsInterface ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL);
                    } else { // super.m(): found from inside the host, as its invokespecial would
                        m.instructions.set(call, ThroughHandles.through(call));
                    }
                } else if (isProtectedOfAnotherPackage(host, call.owner, call.name, call.desc, false, locator)) {
                    m.instructions.set(call, ThroughHandles.through(call));
                }
            } else if (insn instanceof FieldInsnNode field) {
                if (isProtectedOfAnotherPackage(host, field.owner, field.name, field.desc, true, locator)) {
                    m.instructions.set(field, ThroughHandles.through(field));
                }
            } else if (insn instanceof InvokeDynamicInsnNode indy) {
                if (isLambdaOverGenerated(indy, host.name)) {
                    indy.bsm = METAFACTORY;
                } else if (isLambdaFactory(indy, "altMetafactory")) {
                    indy.bsm = ALT_METAFACTORY;
                }
                for (int i = 0; i < indy.bsmArgs.length; i++) {
                    if (indy.bsmArgs[i] instanceof Handle h) {
                        indy.bsmArgs[i] = rewrite(h, host.name, hidden, hostIsInterface);
                    }
                }
            } else if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof Handle h) {
                ldc.cst = rewrite(h, host.name, hidden, hostIsInterface);
            }
        }
    }

    /**
     * A binder's lambda: {@code LambdaMetafactory.metafactory} over a generated member, capturing
     * nothing. On Java 17 the lambda class it spins names the method's class, which for a hidden
     * class cannot be resolved; {@code OnDemand.metafactory} makes the object another way.
     */
    private static boolean isLambdaOverGenerated(InvokeDynamicInsnNode indy, String host) {
        return isLambdaFactory(indy, "metafactory") && Type.getArgumentTypes(indy.desc).length == 0 && indy.bsmArgs[1] instanceof Handle impl
                && impl.getOwner().equals(host) && impl.getName().startsWith(Naming.GENERATED_PREFIX);
    }

    private static boolean isLambdaFactory(InvokeDynamicInsnNode indy, String name) {
        return indy.bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory") && indy.bsm.getName().equals(name);
    }

    private static Handle rewrite(Handle h, String host, String hidden, boolean hostIsInterface) {
        if (!h.getOwner().equals(host)) {
            return h;
        }
        if (h.getName().startsWith(Naming.GENERATED_PREFIX)) {
            return new Handle(h.getTag(), hidden, h.getName(), h.getDesc(), false);
        }
        if (h.getTag() == Opcodes.H_INVOKESPECIAL) {
            return new Handle(hostIsInterface ? Opcodes.H_INVOKEINTERFACE : Opcodes.H_INVOKEVIRTUAL, host, h.getName(),
                    h.getDesc(), hostIsInterface);
        }
        return h;
    }

    /**
     * Whether a member of the host or a superclass is declared by a superclass in another package,
     * protected: only subclasses may use it, so the hidden class reaches it through a handle.
     */
    private static boolean isProtectedOfAnotherPackage(ClassNode host, String owner, String name, String desc,
            boolean field, ClassFileLocator locator) {
        // javac names an inherited member through the class that uses it (getfield Host.scale): follow the
        // chain from there to the class that declares it
        if (!owner.equals(host.name) && !isSuperclass(owner, host, locator)) {
            return false; // not a member the host inherits
        }
        for (String c = owner; c != null; ) {
            ClassNode node = c.equals(host.name) ? host : read(c, locator);
            if (node == null) {
                return false;
            }
            int access = field ? node.fields.stream().filter(f -> f.name.equals(name) && f.desc.equals(desc))
                    .mapToInt(f -> f.access).findFirst().orElse(-1)
                    : node.methods.stream().filter(mm -> mm.name.equals(name) && mm.desc.equals(desc))
                            .mapToInt(mm -> mm.access).findFirst().orElse(-1);
            if (access != -1) {
                return (access & Opcodes.ACC_PROTECTED) != 0 && !Access.packageOf(node.name).equals(Access.packageOf(host.name));
            }
            c = node.superName;
        }
        return false;
    }

    private static boolean isSuperclass(String owner, ClassNode host, ClassFileLocator locator) {
        for (String c = host.superName; c != null; ) {
            if (c.equals(owner)) {
                return true;
            }
            ClassNode node = read(c, locator);
            c = node == null ? null : node.superName;
        }
        return false;
    }

    private static ClassNode read(String internalName, ClassFileLocator locator) {
        byte[] bytes = locator.locate(internalName);
        if (bytes == null) {
            return null;
        }
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_CODE);
        return node;
    }
}
