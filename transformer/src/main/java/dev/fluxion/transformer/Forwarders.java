package dev.fluxion.transformer;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.analysis.SideChannels;
import dev.fluxion.transformer.backend.ClassFileLocator;
import dev.fluxion.transformer.ir.MemberRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.objectweb.asm.ClassReader;
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
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Lambdas that stand for a method: {@code Fluxion.gradient(x -> Model.f(x))} in Java,
 * {@code Fluxion.gradient { f(it) }} or {@code ScalarFunction { f(it) }} in Kotlin, where a method
 * reference ({@code Model::f}, {@code ::f}) would do. The runtime finds a derivative through the
 * serialized form of the function it is given, which names the compiler's method for the lambda's
 * body ({@code lambda$main$0}, Kotlin's {@code main$lambda$0}), not {@code f}; and the runtime reads
 * no bytecode, so it cannot see that the body only calls {@code f}.
 *
 * <p>The design: the transformer, which reads the body, adds beside it a method
 * {@code static ScalarFunction fluxion$forward$<body>(captured values)} ({@link Naming#forwarderName})
 * that returns the method reference the lambda stands for, made by {@code invokedynamic} in the
 * lambda's class exactly as the compiler makes {@code Model::f} (serializable, so the runtime reads
 * it the same way); the runtime calls it and links that reference instead. The lambda then gets
 * everything the method has (gradient, tangents, Hessian, an object's bound method), through the
 * one way the runtime already links, and its diagnostics are the method's own ("not annotated",
 * "has signature ..."). Generating derivatives for the lambda's body itself, as if it were
 * {@code @Differentiable}, would give it less: a Hessian through a call to another class is not
 * generated, and the lambda's class would carry a copy of every derivative member.
 *
 * <p>A body forwards when it passes its parameters, each once and in order, to one method and
 * returns the result; besides, it may only check them for null (Kotlin's
 * {@code Intrinsics.checkNotNull}, which only throws, wherever kotlinc puts it). The method is a
 * static method with the lambda's own descriptor; an instance method on the first parameter (a
 * captured object: {@code { model.loss(it) }}); or an instance method on the object in a
 * {@code static final} field (a Kotlin {@code object}: {@code { Models.loss(it) }}), read once, when
 * the reference is linked. Only serializable lambdas of Fluxion's own functional interfaces
 * ({@code dev.fluxion.ScalarFunction} ...) are considered, whose implementation is not itself
 * {@code @Differentiable} ({@code Model::f} stands for {@code f}, even if {@code f} only calls
 * another method): nothing else is ever given to the runtime, and classes without them are not
 * touched. Forwarders are never added twice.
 */
public final class Forwarders {
    private static final String METAFACTORY = "java/lang/invoke/LambdaMetafactory";
    /** {@code LambdaMetafactory.FLAG_SERIALIZABLE}. */
    private static final int FLAG_SERIALIZABLE = 1;

    private Forwarders() {
    }

    /** Whether the class creates a serializable lambda of one of Fluxion's functional interfaces (a cheap pre-check). */
    public static boolean hasFluxionLambdas(ClassNode node) {
        return !sites(node).isEmpty();
    }

    /**
     * The same for a class file: the agent's question about a class with serializable lambdas (its
     * signature names no ASM type, which the agent jar relocates).
     */
    public static boolean hasFluxionLambdas(byte[] classBytes) {
        ClassNode node = new ClassNode();
        new ClassReader(classBytes).accept(node, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return hasFluxionLambdas(node);
    }

    /** The number of forwarders a class has (after a transformation: the lambdas linked to the methods they call). */
    public static int count(ClassNode node) {
        return (int) node.methods.stream().filter(m -> m.name.startsWith(Naming.FORWARDER_PREFIX)).count();
    }

    /**
     * Adds a forwarder for each of the class's lambdas that only forwards and has none yet, keyed by
     * the lambda's body.
     *
     * @param locator finds the class of a field a body reads its receiver from
     */
    static void addTo(ClassNode node, ClassDerivatives out, ClassFileLocator locator) {
        Predicate<FieldInsnNode> isStaticFinal = field -> isStaticFinal(node, field, locator);
        for (Map.Entry<MethodNode, InvokeDynamicInsnNode> e : sites(node).entrySet()) {
            MethodNode body = e.getKey();
            boolean present = node.methods.stream().anyMatch(m -> m.name.equals(Naming.forwarderName(body.name)));
            if (!present) {
                MethodNode forwarder = forwarder(node, body, e.getValue(), isStaticFinal);
                if (forwarder != null) {
                    out.add(body, forwarder);
                }
            }
        }
    }

    /**
     * The {@code invokedynamic}s of the class's closures: serializable lambdas of Fluxion's
     * interfaces whose body does more than forward ({@code p -> loss(data, p)}). The API
     * differentiates their bodies, the captured values fixed (the runtime's {@code Closures}); with
     * the plugin, their derivatives are made at build time as those of lambdas made outside
     * ({@link LambdaBodies#madeIn}).
     *
     * @param locator finds the class of a field a body reads its receiver from (a final one forwards)
     */
    static java.util.Set<InvokeDynamicInsnNode> closures(ClassNode node, ClassFileLocator locator) {
        Map<MethodNode, InvokeDynamicInsnNode> sites = sites(node);
        java.util.Set<MethodNode> closures = new java.util.HashSet<>();
        for (Map.Entry<MethodNode, InvokeDynamicInsnNode> e : sites.entrySet()) {
            if (forwarder(node, e.getKey(), e.getValue(), field -> isStaticFinal(node, field, locator)) == null) {
                closures.add(e.getKey());
            }
        }
        java.util.Set<InvokeDynamicInsnNode> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (MethodNode m : node.methods) {
            if (m.instructions == null) {
                continue;
            }
            for (AbstractInsnNode insn : m.instructions) { // every site of a closure's body, not only the first
                if (insn instanceof InvokeDynamicInsnNode indy && isFluxionLambda(indy)
                        && indy.bsmArgs[1] instanceof Handle impl && impl.getOwner().equals(node.name)
                        && closures.contains(method(node, impl.getName(), impl.getDesc()))) {
                    out.add(indy);
                }
            }
        }
        return out;
    }

    private static boolean isStaticFinal(ClassNode node, FieldInsnNode field, ClassFileLocator locator) {
        ClassNode owner = node;
        if (!field.owner.equals(node.name)) {
            byte[] bytes = locator.locate(field.owner);
            if (bytes == null) {
                return false;
            }
            owner = new ClassNode();
            new ClassReader(bytes).accept(owner, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        }
        int wanted = Opcodes.ACC_STATIC | Opcodes.ACC_FINAL;
        return owner.fields.stream().anyMatch(f -> f.name.equals(field.name) && f.desc.equals(field.desc)
                && (f.access & wanted) == wanted);
    }

    /** The bodies of the class's serializable lambdas of Fluxion's interfaces, each with the first site that creates it. */
    private static Map<MethodNode, InvokeDynamicInsnNode> sites(ClassNode node) {
        Map<MethodNode, InvokeDynamicInsnNode> out = new LinkedHashMap<>();
        for (MethodNode m : node.methods) {
            if (m.instructions == null) {
                continue;
            }
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof InvokeDynamicInsnNode indy && isFluxionLambda(indy)
                        && indy.bsmArgs[1] instanceof Handle impl && impl.getOwner().equals(node.name)) {
                    MethodNode body = method(node, impl.getName(), impl.getDesc());
                    // a reference to a @Differentiable method (Model::f) stands for that method itself,
                    // even when its body only calls another (f(x) = Math.abs(x[0]))
                    if (body != null && !body.name.startsWith(Naming.FORWARDER_PREFIX)
                            && !DifferentiableMethods.isAnnotated(body)) {
                        out.putIfAbsent(body, indy);
                    }
                }
            }
        }
        return out;
    }

    private static boolean isFluxionLambda(InvokeDynamicInsnNode indy) {
        if (!indy.bsm.getOwner().equals(METAFACTORY) || !indy.bsm.getName().equals("altMetafactory")
                || indy.bsmArgs.length < 4 || !(indy.bsmArgs[3] instanceof Integer flags)
                || (flags & FLAG_SERIALIZABLE) == 0) {
            return false;
        }
        String iface = Type.getReturnType(indy.desc).getInternalName();
        return iface.startsWith("dev/fluxion/") && !iface.startsWith("dev/fluxion/internal/");
    }

    private static MethodNode method(ClassNode node, String name, String desc) {
        for (MethodNode m : node.methods) {
            if (m.name.equals(name) && m.desc.equals(desc)) {
                return m;
            }
        }
        return null;
    }

    /** The forwarder of {@code body}, or {@code null} if the body does more than forward its parameters. */
    private static MethodNode forwarder(ClassNode node, MethodNode body, InvokeDynamicInsnNode site,
            Predicate<FieldInsnNode> isStaticFinal) {
        boolean isStatic = (body.access & Opcodes.ACC_STATIC) != 0;
        List<Type> params = new ArrayList<>();
        if (!isStatic) {
            params.add(Type.getObjectType(node.name)); // a lambda that captured `this`
        }
        params.addAll(List.of(Type.getArgumentTypes(body.desc)));
        int[] slots = new int[params.size()];
        for (int i = 0, slot = 0; i < params.size(); slot += params.get(i).getSize(), i++) {
            slots[i] = slot;
        }
        // what the body leaves on the operand stack for the call: parameters (their indices), objects
        // in static fields, the names that null checks take (strings); anything else is no forwarding
        List<Object> stack = new ArrayList<>();
        MethodInsnNode call = null;
        AbstractInsnNode returned = null;
        for (AbstractInsnNode insn : body.instructions) {
            if (insn.getOpcode() < 0) {
                continue; // labels, line numbers, frames
            }
            if (call != null) {
                if (returned != null) {
                    return null;
                }
                returned = insn;
                continue;
            }
            if (insn instanceof VarInsnNode load && load.getOpcode() >= Opcodes.ILOAD && load.getOpcode() <= Opcodes.ALOAD) {
                int i = java.util.Arrays.binarySearch(slots, load.var);
                if (i < 0 || load.getOpcode() != params.get(i).getOpcode(Opcodes.ILOAD)) {
                    return null;
                }
                stack.add(i);
            } else if (insn.getOpcode() == Opcodes.GETSTATIC) {
                stack.add(insn);
            } else if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof String) {
                stack.add(ldc.cst);
            } else if (insn.getOpcode() == Opcodes.POP && !stack.isEmpty() && !(stack.get(stack.size() - 1) instanceof String)) {
                stack.remove(stack.size() - 1); // Kotlin's `getstatic INSTANCE; pop` before an object's field
            } else if (insn instanceof MethodInsnNode check && isNullCheck(check)) {
                int n = Type.getArgumentTypes(check.desc).length;
                if (stack.size() < n || n == 2 && !(stack.remove(stack.size() - 1) instanceof String)
                        || stack.remove(stack.size() - 1) instanceof String) {
                    return null;
                }
            } else if (insn instanceof MethodInsnNode invoke) {
                call = invoke;
            } else {
                return null;
            }
        }
        if (call == null || returned == null || returned.getOpcode() != Type.getReturnType(body.desc).getOpcode(Opcodes.IRETURN)) {
            return null;
        }
        FieldInsnNode field = !stack.isEmpty() && stack.get(0) instanceof FieldInsnNode f ? f : null;
        List<Object> forwarded = stack.subList(field == null ? 0 : 1, stack.size());
        for (int i = 0; i < forwarded.size(); i++) {
            if (!Integer.valueOf(i).equals(forwarded.get(i))) {
                return null; // every parameter, once, in order
            }
        }
        if (forwarded.size() != params.size()) {
            return null;
        }
        Type[] captured = Type.getArgumentTypes(site.desc);
        String all = Type.getMethodDescriptor(Type.getReturnType(body.desc), params.toArray(Type[]::new));
        Handle target;
        String indyDesc;
        if (call.getOpcode() == Opcodes.INVOKESTATIC) {
            if (field != null || !call.desc.equals(all) || captured.length != 0) {
                return null;
            }
            target = new Handle(Opcodes.H_INVOKESTATIC, call.owner, call.name, call.desc, call.itf);
            indyDesc = site.desc;
        } else {
            int tag = switch (call.getOpcode()) {
                case Opcodes.INVOKEVIRTUAL -> Opcodes.H_INVOKEVIRTUAL;
                case Opcodes.INVOKEINTERFACE -> Opcodes.H_INVOKEINTERFACE;
                case Opcodes.INVOKESPECIAL -> call.owner.equals(node.name) && !call.name.equals("<init>")
                        ? Opcodes.H_INVOKESPECIAL : -1; // a private method of the class
                default -> -1;
            };
            if (tag < 0) {
                return null;
            }
            Type receiver = Type.getObjectType(call.owner);
            if (field != null) { // { Models.loss(it) }: the receiver is the object in a static final field
                if (!field.desc.equals(receiver.getDescriptor()) || !call.desc.equals(all) || captured.length != 0
                        || !isStaticFinal.test(field)) {
                    return null;
                }
                indyDesc = Type.getMethodDescriptor(Type.getReturnType(site.desc), receiver);
            } else { // { model.loss(it) }: the receiver is the captured first parameter
                List<Type> rest = params.subList(1, params.size());
                if (params.isEmpty() || !params.get(0).equals(receiver) || captured.length != 1
                        || !captured[0].equals(receiver)
                        || !call.desc.equals(Type.getMethodDescriptor(Type.getReturnType(body.desc), rest.toArray(Type[]::new)))) {
                    return null;
                }
                indyDesc = Type.getMethodDescriptor(Type.getReturnType(site.desc), captured[0]);
            }
            target = new Handle(tag, call.owner, call.name, call.desc, call.itf);
        }
        MethodNode m = new MethodNode(Opcodes.ASM9, Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                Naming.forwarderName(body.name), site.desc, null, null);
        m.visitCode();
        int slot = 0;
        for (Type t : captured) {
            m.visitVarInsn(t.getOpcode(Opcodes.ILOAD), slot);
            slot += t.getSize();
        }
        if (field != null) {
            m.visitFieldInsn(Opcodes.GETSTATIC, field.owner, field.name, field.desc);
        }
        // as javac and kotlinc compile a serializable method reference; the class's $deserializeLambda$
        // does not know this one, which is never serialized, only read (writeReplace)
        m.visitInvokeDynamicInsn(site.name, indyDesc, site.bsm, site.bsmArgs[0], target, site.bsmArgs[2],
                FLAG_SERIALIZABLE);
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        return m;
    }

    private static boolean isNullCheck(MethodInsnNode call) {
        return call.getOpcode() == Opcodes.INVOKESTATIC
                && SideChannels.isCheck(new MemberRef(call.owner, call.name, call.desc, call.itf));
    }
}
