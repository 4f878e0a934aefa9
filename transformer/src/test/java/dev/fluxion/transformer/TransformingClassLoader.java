package dev.fluxion.transformer;

import dev.fluxion.transformer.backend.ClassFileLocator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Loads the classes of some packages child-first, transformed by the real {@link Transformer}, and
 * checks every transformed class with ASM's {@link CheckClassAdapter} before the JVM's own verifier
 * sees it in {@code defineClass}. Everything else comes from the parent.
 */
public final class TransformingClassLoader extends ClassLoader {
    private final List<String> packages;
    private final Transformer transformer;
    private final List<String> transformed = Collections.synchronizedList(new ArrayList<>());

    public TransformingClassLoader(ClassLoader parent, String... packages) {
        this(parent, Transformer.withSystemProperties(ClassFileLocator.ofClassLoader(parent)), packages);
    }

    public TransformingClassLoader(ClassLoader parent, Transformer transformer, String... packages) {
        super(parent);
        this.packages = List.of(packages);
        this.transformer = transformer;
    }

    /** Names of the classes that were transformed (had derivative methods added). */
    public List<String> transformed() {
        return transformed;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (packages.stream().noneMatch(p -> name.startsWith(p + "."))) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] bytes = read(name);
                byte[] out = transformer.transform(bytes);
                if (out != null) {
                    verify(name, out);
                    transformed.add(name);
                    bytes = out;
                }
                c = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private byte[] read(String name) throws ClassNotFoundException {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }

    /** Fails if ASM's verifier finds a problem in {@code bytes}. */
    public static void verify(String name, byte[] bytes) {
        verify(name, bytes, TransformingClassLoader.class.getClassLoader());
    }

    /** The same, with the classes the code names loaded by {@code loader}. */
    public static void verify(String name, byte[] bytes, ClassLoader loader) {
        StringWriter report = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(bytes), loader, false, new PrintWriter(report));
        if (!report.toString().isEmpty()) {
            throw new AssertionError("generated code of " + name + " does not verify:\n" + report);
        }
    }
}
