package dev.fluxion.transformer;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.analysis.Callees;
import dev.fluxion.transformer.backend.ClassFileLocator;
import dev.fluxion.transformer.ir.MemberRef;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Which methods carry {@code @Differentiable}, read from class files (never by loading classes). */
final class DifferentiableMethods implements Callees {
    private final ClassFileLocator locator;
    private final Map<String, Set<String>> byClass = new ConcurrentHashMap<>();

    DifferentiableMethods(ClassFileLocator locator) {
        this.locator = locator;
    }

    /** Seeds the answer for the class being transformed, whose bytes are already parsed. */
    void register(ClassNode node) {
        Set<String> methods = new HashSet<>();
        for (MethodNode m : node.methods) {
            if (isAnnotated(m)) {
                methods.add(m.name + m.desc);
            }
        }
        byClass.put(node.name, methods);
    }

    static boolean isAnnotated(MethodNode m) {
        return m.visibleAnnotations != null
                && m.visibleAnnotations.stream().anyMatch(a -> a.desc.equals(Naming.DIFFERENTIABLE_DESCRIPTOR));
    }

    @Override
    public boolean isDifferentiable(MemberRef method) {
        return byClass.computeIfAbsent(method.owner(), this::scan).contains(method.name() + method.descriptor());
    }

    private Set<String> scan(String owner) {
        Set<String> methods = new HashSet<>();
        byte[] bytes = owner.startsWith("java/") ? null : locator.locate(owner);
        if (bytes == null) {
            return methods;
        }
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String desc, boolean visible) {
                        if (desc.equals(Naming.DIFFERENTIABLE_DESCRIPTOR)) {
                            methods.add(name + descriptor);
                        }
                        return null;
                    }
                };
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return methods;
    }
}
