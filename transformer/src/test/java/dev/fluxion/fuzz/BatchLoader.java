package dev.fluxion.fuzz;

import dev.fluxion.transformer.Transformer;
import dev.fluxion.transformer.TransformingClassLoader;
import dev.fluxion.transformer.backend.ClassFileLocator;
import dev.fluxion.transformer.diagnostics.DifferentiationException;
import java.util.Map;

/**
 * Defines a batch of compiled programs, each transformed by the real {@link Transformer} and checked
 * by {@link TransformingClassLoader#verify} (ASM's CheckClassAdapter) before the JVM's verifier
 * sees it. The transformer finds other classes' bytes through a locator over the batch's bytes
 * first (the programs exist nowhere else), then the parent's resources.
 *
 * <p>One loader per batch: when the batch is done, its classes can be unloaded.
 */
final class BatchLoader extends ClassLoader {
    /** Why a program's class could not be defined. */
    static final class LoadFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Failure failure;

        LoadFailure(Failure failure, Throwable cause) {
            super(failure.toString(), cause);
            this.failure = failure;
        }
    }

    private final Map<String, byte[]> classes;
    private final Transformer transformer;
    /** Time spent in the transformer and the verification of its output. */
    long transformNanos;

    /** @param inline whether the transformer inlines small callees (as by default) or reverses every call jointly */
    BatchLoader(ClassLoader parent, Map<String, byte[]> classes, boolean inline) {
        super(parent);
        this.classes = classes;
        ClassFileLocator parentLocator = ClassFileLocator.ofClassLoader(parent);
        ClassFileLocator locator = internalName -> {
            byte[] b = classes.get(internalName.replace('/', '.'));
            return b != null ? b : parentLocator.locate(internalName);
        };
        this.transformer = inline ? Transformer.withSystemProperties(locator)
                : new Transformer(locator, null, false);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!classes.containsKey(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                long start = System.nanoTime();
                byte[] out;
                try {
                    out = transform(name, classes.get(name));
                } finally {
                    transformNanos += System.nanoTime() - start;
                }
                try {
                    c = defineClass(name, out, 0, out.length);
                } catch (LinkageError e) {
                    throw new LoadFailure(Failure.error(Failure.Kind.VERIFY_ERROR, e.getClass().getName() + ": "
                            + e.getMessage(), "", null), e);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private byte[] transform(String name, byte[] bytes) {
        if (name.contains("$")) {
            return bytes; // the classes of the objects programs make (Program.OBJECT_CLASSES): nothing to differentiate
        }
        byte[] out;
        try {
            out = transformer.transform(bytes);
        } catch (DifferentiationException e) {
            throw new LoadFailure(Failure.error(e.getMessage().contains("internal error") ? Failure.Kind.TRANSFORMER_ERROR
                    : Failure.Kind.REJECTED, e.getMessage(), "", null), e);
        } catch (RuntimeException | Error e) {
            throw new LoadFailure(Failure.error(Failure.Kind.TRANSFORMER_ERROR, e.toString(), Exceptions.trace(e), null), e);
        }
        if (out == null) {
            throw new LoadFailure(Failure.error(Failure.Kind.TRANSFORMER_ERROR, "the class was not transformed", "", null),
                    null);
        }
        try {
            TransformingClassLoader.verify(name, out, this); // this loader: the program's own classes are types there
        } catch (AssertionError e) {
            throw new LoadFailure(Failure.error(Failure.Kind.VERIFY_ERROR, firstLines(e.getMessage(), 3), e.getMessage(),
                    null), e);
        }
        return out;
    }

    private static String firstLines(String s, int n) {
        String[] lines = s.split("\n");
        return String.join("\n", java.util.Arrays.copyOf(lines, Math.min(n, lines.length)));
    }
}
