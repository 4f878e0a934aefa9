package dev.fluxion.transformer.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Answers {@link ClassWriter#getCommonSuperClass} from class files, never by loading classes.
 * Interfaces merge to {@code java/lang/Object}, as the JVM's verifier treats them; any other
 * unresolvable class is an error rather than a guess, because a wrong guess yields code that fails
 * verification later.
 */
public final class ClassHierarchy {
    private final ClassFileLocator locator;
    private final Map<String, ClassInfo> cache = new ConcurrentHashMap<>();

    private record ClassInfo(String superName, boolean isInterface) {
    }

    public ClassHierarchy(ClassFileLocator locator) {
        this.locator = locator;
    }

    /** A ClassWriter that computes frames with this hierarchy. */
    public ClassWriter newClassWriter(int flags) {
        return new ClassWriter(flags) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                return commonSuperClass(type1, type2);
            }
        };
    }

    public String commonSuperClass(String a, String b) {
        if (a.equals(b)) {
            return a;
        }
        if (info(a).isInterface() || info(b).isInterface()) {
            return "java/lang/Object";
        }
        List<String> chainOfA = new ArrayList<>();
        for (String c = a; c != null; c = info(c).superName()) {
            chainOfA.add(c);
        }
        for (String c = b; c != null; c = info(c).superName()) {
            if (chainOfA.contains(c)) {
                return c;
            }
        }
        return "java/lang/Object";
    }

    private ClassInfo info(String internalName) {
        return cache.computeIfAbsent(internalName, name -> {
            if (name.equals("java/lang/Object")) {
                return new ClassInfo(null, false);
            }
            byte[] bytes = locator.locate(name);
            if (bytes == null) {
                throw new IllegalStateException("cannot find class " + name.replace('/', '.')
                        + " to compute stack map frames; is it on the class path?");
            }
            ClassReader r = new ClassReader(bytes);
            return new ClassInfo(r.getSuperName(), (r.getAccess() & Opcodes.ACC_INTERFACE) != 0);
        });
    }
}
