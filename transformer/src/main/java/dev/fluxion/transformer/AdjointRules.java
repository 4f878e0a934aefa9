package dev.fluxion.transformer;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.diagnostics.JavaSyntax;
import dev.fluxion.transformer.backend.ClassFileLocator;
import dev.fluxion.transformer.ir.MemberRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The user's derivative rules: methods annotated {@code @AdjointOf}. A rule may sit in the class of
 * the method it differentiates, or, for a library method, in the class whose code calls it; both
 * are read from class files, like the {@code @Differentiable} annotations.
 */
final class AdjointRules {
    /** A rule as declared: which method it is for, and the rule method itself. */
    private record Declared(String targetOwner, String targetName, MemberRef rule) {
    }

    private final ClassFileLocator locator;
    private final Map<String, List<Declared>> byClass = new ConcurrentHashMap<>();
    private String caller;

    AdjointRules(ClassFileLocator locator) {
        this.locator = locator;
    }

    /** Reads the rules of the class being transformed, whose calls are looked up next. */
    void register(ClassNode node) {
        byClass.put(node.name, declaredIn(node));
        caller = node.name;
    }

    /**
     * The rule that differentiates calls to {@code method}, or {@code null}. A rule for a static
     * method takes its parameters; one for an instance method takes the receiver first, as the
     * method's static form does ({@link #ruleDescriptors}).
     */
    MemberRef ruleFor(MemberRef method) {
        if (Type.getReturnType(method.descriptor()) != Type.DOUBLE_TYPE) {
            return null;
        }
        List<Declared> named = candidates(method);
        if (named.isEmpty()) {
            return null; // the usual answer, without building the descriptors (a regular expression's work)
        }
        List<String> descriptors = ruleDescriptors(method);
        for (Declared d : named) {
            if (descriptors.contains(d.rule().descriptor())) {
                return d.rule();
            }
        }
        return null;
    }

    /**
     * The descriptors a rule for {@code method} may have: as for a static method, and as for an
     * instance method, with the receiver first. A class declaring both a static {@code f(Foo, double)}
     * and an instance {@code f(double)} would give both one rule; the call's opcode tells which
     * form the rule's arguments take.
     */
    private static List<String> ruleDescriptors(MemberRef method) {
        return List.of(Naming.adjointRuleDescriptor(method.descriptor()),
                Naming.adjointRuleDescriptor(Naming.staticForm(method.owner(), method.descriptor())));
    }

    /** Whether {@code method} is a rule, a method annotated {@code @AdjointOf}. */
    boolean isRule(MemberRef method) {
        return byClass.computeIfAbsent(method.owner(), this::scan).stream().anyMatch(d -> d.rule().equals(method));
    }

    /** Why the rules declared for {@code method}'s name do not fit it, or {@code null} if none was declared. */
    String mismatch(MemberRef method) {
        List<Declared> named = candidates(method);
        if (named.isEmpty() || ruleFor(method) != null) {
            return null;
        }
        MemberRef rule = named.get(0).rule();
        if (Type.getReturnType(method.descriptor()) != Type.DOUBLE_TYPE) {
            return "the @AdjointOf rule " + JavaSyntax.method(rule) + " is for " + JavaSyntax.method(method)
                    + ", but rules can only be given for methods returning double";
        }
        return "the @AdjointOf rule " + JavaSyntax.method(rule) + " does not fit " + JavaSyntax.method(method)
                + ": it must be declared "
                + JavaSyntax.declaration(rule.name(), ruleDescriptors(method).get(takesReceiver(rule, method) ? 1 : 0));
    }

    /** Whether {@code rule} was meant for an instance method: its first parameter is the method's class. */
    private static boolean takesReceiver(MemberRef rule, MemberRef method) {
        Type[] params = Type.getArgumentTypes(rule.descriptor());
        return params.length > 0 && params[0].getSort() == Type.OBJECT && params[0].getInternalName().equals(method.owner());
    }

    private List<Declared> candidates(MemberRef method) {
        List<Declared> out = new ArrayList<>();
        for (String declaring : new String[] {caller, method.owner()}) {
            if (declaring == null) {
                continue;
            }
            for (Declared d : byClass.computeIfAbsent(declaring, this::scan)) {
                if (d.targetOwner().equals(method.owner()) && d.targetName().equals(method.name()) && !out.contains(d)) {
                    out.add(d);
                }
            }
            if (declaring.equals(method.owner())) {
                break;
            }
        }
        return out;
    }

    private List<Declared> scan(String owner) {
        byte[] bytes = owner.startsWith("java/") ? null : locator.locate(owner);
        if (bytes == null) {
            return List.of();
        }
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return declaredIn(node);
    }

    private static List<Declared> declaredIn(ClassNode node) {
        List<Declared> out = new ArrayList<>();
        for (MethodNode m : node.methods) {
            if (m.visibleAnnotations == null) {
                continue;
            }
            for (AnnotationNode a : m.visibleAnnotations) {
                if (!a.desc.equals(Naming.ADJOINT_OF_DESCRIPTOR) || a.values == null) {
                    continue;
                }
                String target = null;
                String in = node.name;
                for (int i = 0; i + 1 < a.values.size(); i += 2) {
                    if (a.values.get(i).equals("value")) {
                        target = (String) a.values.get(i + 1);
                    } else if (a.values.get(i).equals("in") && a.values.get(i + 1) instanceof Type t
                            && t.getSort() == Type.OBJECT) {
                        in = t.getInternalName();
                    }
                }
                boolean itf = (node.access & org.objectweb.asm.Opcodes.ACC_INTERFACE) != 0;
                out.add(new Declared(in, target, new MemberRef(node.name, m.name, m.desc, itf)));
            }
        }
        return out;
    }
}
