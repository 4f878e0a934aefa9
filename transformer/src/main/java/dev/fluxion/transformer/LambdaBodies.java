package dev.fluxion.transformer;

import dev.fluxion.internal.DerivativeGenerator;
import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.backend.ClassFileLocator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The body of a lambda or method reference made outside the differentiated code, made a method
 * Fluxion can differentiate (see the runtime's {@code LambdaDerivatives}). The lambda's class was
 * spun by the JDK from an {@code invokedynamic} of the class that made it; that instruction names
 * the body ({@code lambda$main$0}, or the referenced method: {@code Math::tanh}) and the types of
 * the captured values. This class finds it, and writes into a copy of that class
 * <pre>
 * &#64;Differentiable static R m(Object lambda, P1 p1 .. Pn pn) {
 *     return body((C1) Captures.get(lambda, 0) .. (Ck) Captures.get(lambda, k - 1), p1 .. pn);
 * }
 * </pre>
 * for the transformer to differentiate as any {@code @Differentiable} method (the body inlined, a
 * referenced method by its rule or its derivatives). The captured values are read as data.
 */
final class LambdaBodies {
    private static final String CAPTURES = "dev/fluxion/internal/Captures";

    /** Why a lambda's body cannot be made a method. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    /** An {@code invokedynamic} that makes lambdas: the body, and the instruction's line. */
    private record Site(Handle body, Type instantiated, int line) {
    }

    private LambdaBodies() {
    }

    /**
     * {@code host} with the method {@code static R <lambda.method()>(Object, P...)} added; its name and
     * descriptor are {@link #method}'s.
     *
     * @throws NotFound if the lambda's {@code invokedynamic} is not found, or not told from another
     */
    static ClassNode withBody(ClassNode host, DerivativeGenerator.Lambda lambda) {
        Site site = site(host, lambda);
        String descriptor = descriptor(lambda);
        for (MethodNode m : host.methods) {
            if (m.name.equals(lambda.method()) && m.desc.equals(descriptor)) {
                throw new NotFound(host.name.replace('/', '.') + " has a method " + lambda.method() + descriptor
                        + " of its own, which Fluxion would need for the lambda's body. Rename it.");
            }
        }
        host.methods.add(body(lambda.method(), lambda, site, descriptor));
        return host;
    }

    /**
     * A lambda made in a class the plugin transforms, its body made a method ({@link #madeIn}): the
     * line of the class's table ({@link Naming#LAMBDA_TABLE}) that describes it, and the method,
     * whose derivatives the plugin adds to the class beside it.
     */
    record Made(String interfaceName, String method, String descriptor, List<String> captured, String body,
            MethodNode glue) {
        /** The table's line: fields separated by tabs, the problem last (empty if the derivatives were generated). */
        String line(String problem) {
            return String.join("\t", interfaceName, method, descriptor, String.join(",", captured), body, glue.name,
                    problem == null ? "" : problem);
        }
    }

    /**
     * The build-time way for lambdas made outside the differentiated code: with the plugin there is
     * no generator when the program runs, so every lambda a class makes whose interface method
     * takes numbers ({@code double}, {@code float}, arrays of them) gets its body made a method
     * {@code lambda$fluxion$<n>(Object, P...)} now, added to {@code node}, for the plugin to
     * differentiate with the class. Lambdas of Fluxion's own interfaces are too when they are closures
     * ({@link Forwarders#closures}: {@code Fluxion.gradient(p -> loss(data, p))}), not when they
     * forward ({@code x -> f(x)}: linked to {@code f}, {@link Forwarders}).
     */
    static List<Made> madeIn(ClassNode node, ClassFileLocator locator) {
        Map<String, Made> made = new LinkedHashMap<>();
        java.util.Set<InvokeDynamicInsnNode> closures = Forwarders.closures(node, locator);
        for (MethodNode m : List.copyOf(node.methods)) {
            int line = -1;
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof LineNumberNode l) {
                    line = l.line;
                } else if (insn instanceof InvokeDynamicInsnNode indy && (takesNumbers(indy) || closures.contains(indy))) {
                    Handle body = (Handle) indy.bsmArgs[1];
                    List<String> captured = new ArrayList<>();
                    for (Type t : Type.getArgumentTypes(indy.desc)) {
                        captured.add(t.getDescriptor());
                    }
                    String made0 = Type.getReturnType(indy.desc).getInternalName();
                    String sam = ((Type) indy.bsmArgs[0]).getDescriptor();
                    DerivativeGenerator.Lambda lambda = new DerivativeGenerator.Lambda(List.of(made0), indy.name, sam,
                            captured, List.of());
                    String key = String.join(" ", made0, indy.name, sam, captured.toString(), key(body));
                    if (!made.containsKey(key)) {
                        String name = "lambda$fluxion$" + made.size();
                        try {
                            MethodNode glue = body(name, lambda, new Site(body, (Type) indy.bsmArgs[2], line),
                                    descriptor(lambda));
                            made.put(key, new Made(made0, indy.name, sam, captured, key(body), glue));
                        } catch (NotFound e) {
                            // a constructor reference, a boxed number: a call through it says so if it is differentiated
                        }
                    }
                }
            }
        }
        for (Made m : made.values()) {
            node.methods.add(m.glue());
        }
        return List.copyOf(made.values());
    }

    /** Whether the class makes a lambda {@link #madeIn} would give a method (a cheap pre-check of a class file). */
    static boolean makesLambdasOfNumbers(byte[] classBytes) {
        ClassNode node = read(classBytes);
        for (MethodNode m : node.methods) {
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof InvokeDynamicInsnNode indy && takesNumbers(indy)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean takesNumbers(InvokeDynamicInsnNode indy) {
        if (!indy.bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory") || indy.bsmArgs.length < 3
                || !(indy.bsmArgs[1] instanceof Handle body) || body.getName().startsWith(Naming.GENERATED_PREFIX)
                || Type.getReturnType(indy.desc).getInternalName().matches("dev/fluxion/[^/]+")) { // Fluxion's API
            return false;
        }
        for (Type p : Type.getArgumentTypes(((Type) indy.bsmArgs[0]).getDescriptor())) {
            if (p.getSort() == Type.DOUBLE || p.getSort() == Type.FLOAT || Naming.isShadowed(p.getDescriptor())) {
                return true;
            }
        }
        return false;
    }

    /** {@code static String[] fluxion$lambdas()}: the lines of the class's table. */
    static MethodNode table(List<String> lines) {
        MethodNode m = new MethodNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                Naming.LAMBDA_TABLE, "()[Ljava/lang/String;", null, null);
        InsnList code = m.instructions;
        code.add(new LdcInsnNode(lines.size()));
        code.add(new TypeInsnNode(Opcodes.ANEWARRAY, "java/lang/String"));
        for (int i = 0; i < lines.size(); i++) {
            code.add(new InsnNode(Opcodes.DUP));
            code.add(new LdcInsnNode(i));
            code.add(new LdcInsnNode(lines.get(i)));
            code.add(new InsnNode(Opcodes.AASTORE));
        }
        code.add(new InsnNode(Opcodes.ARETURN));
        m.maxStack = 4;
        m.maxLocals = 0;
        return m;
    }

    /** The descriptor of the method standing for the lambda: the call's, with the lambda first. */
    static String descriptor(DerivativeGenerator.Lambda lambda) {
        return "(Ljava/lang/Object;" + lambda.descriptor().substring(1);
    }

    static byte[] bytes(ClassNode node) {
        ClassWriter w = new ClassWriter(0);
        node.accept(w);
        return w.toByteArray();
    }

    static ClassNode read(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        return node;
    }

    /** The one {@code invokedynamic} of {@code host} that may have made the lambda. */
    private static Site site(ClassNode host, DerivativeGenerator.Lambda lambda) {
        Map<String, Site> bodies = new LinkedHashMap<>(); // by body: several sites of one body are one
        for (MethodNode m : host.methods) {
            int line = -1;
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof LineNumberNode l) {
                    line = l.line;
                } else if (insn instanceof InvokeDynamicInsnNode indy && makes(indy, lambda)) {
                    Handle body = (Handle) indy.bsmArgs[1];
                    bodies.putIfAbsent(key(body), new Site(body, (Type) indy.bsmArgs[2], line));
                }
            }
        }
        if (bodies.size() > 1 && !lambda.references().isEmpty()) {
            bodies.keySet().retainAll(lambda.references()); // the lambda class's constant pool names its body
        }
        String what = "a " + simple(lambda.interfaces().isEmpty() ? "lambda" : lambda.interfaces().get(0))
                + " made in " + host.name.replace('/', '.');
        if (bodies.isEmpty()) {
            throw new NotFound("Fluxion cannot find where " + what + " was made (its class file has no lambda of that "
                    + "interface capturing " + lambda.captured() + "). Make the object a class whose method is "
                    + "@Differentiable.");
        }
        if (bodies.size() > 1) {
            List<String> lines = new ArrayList<>();
            bodies.values().forEach(s -> lines.add((s.body().getName().startsWith("lambda$") ? "a lambda"
                    : simple(s.body().getOwner()) + "::" + s.body().getName()) + " (line " + s.line() + ")"));
            throw new NotFound("Fluxion cannot tell which of the lambdas " + lines + " of the same shape " + what
                    + " is: a lambda's class does not say, and its constant pool, which does, is closed to Fluxion. "
                    + "Run with the agent, or with --add-exports java.base/jdk.internal.access=ALL-UNNAMED --add-exports "
                    + "java.base/jdk.internal.reflect=ALL-UNNAMED, or make the lambdas in different classes.");
        }
        return bodies.values().iterator().next();
    }

    private static String key(Handle body) {
        return body.getOwner() + '.' + body.getName() + '.' + body.getDesc();
    }

    private static String simple(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1).replace('$', '.');
    }

    /** Whether {@code indy} makes lambdas of the interface, method and captures {@code lambda} has. */
    private static boolean makes(InvokeDynamicInsnNode indy, DerivativeGenerator.Lambda lambda) {
        if (!indy.bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory") || indy.bsmArgs.length < 3
                || !(indy.bsmArgs[1] instanceof Handle) || !indy.name.equals(lambda.method())) {
            return false;
        }
        Type made = Type.getReturnType(indy.desc);
        List<String> captured = new ArrayList<>();
        for (Type t : Type.getArgumentTypes(indy.desc)) {
            captured.add(t.getDescriptor());
        }
        return lambda.interfaces().contains(made.getInternalName()) && captured.equals(lambda.captured())
                && ((Type) indy.bsmArgs[0]).getDescriptor().equals(lambda.descriptor());
    }

    /** The method standing for the lambda: reads the captures, converts the parameters, calls the body. */
    private static MethodNode body(String name, DerivativeGenerator.Lambda lambda, Site site, String descriptor) {
        MethodNode m = new MethodNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, name,
                descriptor, null, null);
        m.visibleAnnotations = new ArrayList<>(List.of(new AnnotationNode(Naming.DIFFERENTIABLE_DESCRIPTOR)));
        Handle body = site.body();
        boolean isStatic = body.getTag() == Opcodes.H_INVOKESTATIC;
        if (body.getTag() == Opcodes.H_NEWINVOKESPECIAL) {
            throw new NotFound("the lambda is a constructor reference (" + simple(body.getOwner()) + "::new), which makes "
                    + "an object: Fluxion differentiates functions of numbers through it.");
        }
        List<Type> targets = new ArrayList<>();
        if (!isStatic) {
            targets.add(Type.getObjectType(body.getOwner()));
        }
        targets.addAll(List.of(Type.getArgumentTypes(body.getDesc())));
        InsnList code = m.instructions;
        LabelNode start = new LabelNode();
        code.add(start);
        if (site.line() > 0) {
            code.add(new LineNumberNode(site.line(), start));
        }
        int next = 0;
        int stack = 0;
        for (int i = 0; i < lambda.captured().size(); i++, next++) {
            Type captured = Type.getType(lambda.captured().get(i));
            code.add(new VarInsnNode(Opcodes.ALOAD, 0));
            code.add(new LdcInsnNode(i));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, CAPTURES, getter(captured), "(Ljava/lang/Object;I)"
                    + read(captured).getDescriptor(), false));
            if (captured.getSort() >= Type.ARRAY && !captured.getDescriptor().equals("Ljava/lang/Object;")) {
                code.add(new TypeInsnNode(Opcodes.CHECKCAST, captured.getInternalName()));
            }
            stack += convert(code, captured, targets.get(next));
        }
        int slot = 1;
        for (Type p : Type.getArgumentTypes(lambda.descriptor())) {
            code.add(new VarInsnNode(p.getOpcode(Opcodes.ILOAD), slot));
            slot += p.getSize();
            stack += convert(code, p, targets.get(next++));
        }
        int opcode = switch (body.getTag()) {
            case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
            case Opcodes.H_INVOKESPECIAL -> Opcodes.INVOKESPECIAL;
            case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
            default -> Opcodes.INVOKEVIRTUAL;
        };
        code.add(new MethodInsnNode(opcode, body.getOwner(), body.getName(), body.getDesc(), body.isInterface()));
        Type returned = Type.getReturnType(body.getDesc());
        Type result = Type.getReturnType(lambda.descriptor());
        if (result.getSort() == Type.VOID) {
            if (returned.getSort() != Type.VOID) {
                code.add(new InsnNode(returned.getSize() == 2 ? Opcodes.POP2 : Opcodes.POP));
            }
        } else {
            convert(code, returned, result);
        }
        code.add(new InsnNode(result.getOpcode(Opcodes.IRETURN)));
        m.maxLocals = slot;
        m.maxStack = Math.max(stack, 2) + 2;
        return m;
    }

    /** The {@code Captures} method that reads a value of type {@code t}. */
    private static String getter(Type t) {
        return switch (t.getSort()) {
            case Type.DOUBLE -> "getDouble";
            case Type.FLOAT -> "getFloat";
            case Type.LONG -> "getLong";
            case Type.ARRAY, Type.OBJECT -> "getObject";
            default -> "getInt";
        };
    }

    /** The type that {@link #getter} returns. */
    private static Type read(Type t) {
        return switch (t.getSort()) {
            case Type.DOUBLE, Type.FLOAT, Type.LONG -> t;
            case Type.ARRAY, Type.OBJECT -> Type.getType(Object.class);
            default -> Type.INT_TYPE;
        };
    }

    /**
     * Converts the value on the stack from {@code from} to {@code to}, as the lambda's own method
     * adapts its arguments: a cast of a reference, a widening of a number; returns the value's size.
     */
    private static int convert(InsnList code, Type from, Type to) {
        if (from.equals(to)) {
            return to.getSize();
        }
        boolean fromReference = from.getSort() >= Type.ARRAY;
        boolean toReference = to.getSort() >= Type.ARRAY;
        if (fromReference && toReference) {
            if (!to.getDescriptor().equals("Ljava/lang/Object;")) {
                code.add(new TypeInsnNode(Opcodes.CHECKCAST, to.getInternalName()));
            }
            return 1;
        }
        int widening = widening(from, to);
        if (fromReference || toReference || widening < 0) {
            throw new NotFound("the lambda's body takes or returns " + to.getClassName() + " where its interface has "
                    + from.getClassName() + " (a boxed number): Fluxion differentiates through lambdas of primitive "
                    + "interfaces (DoubleUnaryOperator, your own interface of doubles).");
        }
        if (widening > 0) {
            code.add(new InsnNode(widening));
        }
        return to.getSize();
    }

    /** The opcode widening {@code from} to {@code to} (0: none needed), or -1 if there is none. */
    private static int widening(Type from, Type to) {
        int f = from.getSort();
        int t = to.getSort();
        boolean fromInt = f == Type.INT || f == Type.SHORT || f == Type.BYTE || f == Type.CHAR || f == Type.BOOLEAN;
        if (fromInt && (t == Type.INT || t == Type.SHORT || t == Type.BYTE || t == Type.CHAR || t == Type.BOOLEAN)) {
            return 0; // one type on the JVM's stack; the JDK's lambda narrows nothing either
        }
        if (fromInt) {
            return t == Type.LONG ? Opcodes.I2L : t == Type.FLOAT ? Opcodes.I2F : t == Type.DOUBLE ? Opcodes.I2D : -1;
        }
        if (f == Type.LONG) {
            return t == Type.FLOAT ? Opcodes.L2F : t == Type.DOUBLE ? Opcodes.L2D : -1;
        }
        return f == Type.FLOAT && t == Type.DOUBLE ? Opcodes.F2D : -1;
    }
}
