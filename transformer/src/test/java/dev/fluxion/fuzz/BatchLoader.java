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
    /** Whether each program's {@code f} is made {@code @Checkpointed} before it is transformed. */
    private final boolean checkpointed;
    private BatchLoader checkpointedTwin;
    /** Time spent in the transformer and the verification of its output. */
    long transformNanos;

    /** @param inline whether the transformer inlines small callees (as by default) or reverses every call jointly */
    BatchLoader(ClassLoader parent, Map<String, byte[]> classes, boolean inline) {
        this(parent, classes, inline, false);
    }

    private BatchLoader(ClassLoader parent, Map<String, byte[]> classes, boolean inline, boolean checkpointed) {
        super(parent);
        this.classes = classes;
        this.checkpointed = checkpointed;
        ClassFileLocator parentLocator = ClassFileLocator.ofClassLoader(parent);
        ClassFileLocator locator = internalName -> {
            byte[] b = classes.get(internalName.replace('/', '.'));
            return b != null ? b : parentLocator.locate(internalName);
        };
        this.transformer = inline ? Transformer.withSystemProperties(locator)
                : new Transformer(locator, null, false);
    }

    /**
     * The same programs with {@code f} annotated {@code @Checkpointed(snapshots = 3)} (three, so that
     * short loops are checkpointed recursively too), for a twin of the gradient: binomial
     * checkpointing of {@code f}'s time loops must give the same gradient, or a clear rejection.
     */
    BatchLoader checkpointed() {
        if (checkpointedTwin == null) {
            checkpointedTwin = new BatchLoader(getParent(), classes, true, true);
        }
        return checkpointedTwin;
    }

    private static byte[] withCheckpointedF(byte[] bytes) {
        org.objectweb.asm.ClassReader reader = new org.objectweb.asm.ClassReader(bytes);
        // not new ClassWriter(reader, 0): ASM would copy the unchanged method's bytes, annotations and all, as they were
        org.objectweb.asm.ClassWriter writer = new org.objectweb.asm.ClassWriter(0);
        reader.accept(new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9, writer) {
            @Override
            public org.objectweb.asm.MethodVisitor visitMethod(int access, String name, String descriptor,
                    String signature, String[] exceptions) {
                org.objectweb.asm.MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (name.equals("f") && descriptor.equals("([D)D")) {
                    org.objectweb.asm.AnnotationVisitor a = mv.visitAnnotation("Ldev/fluxion/Checkpointed;", true);
                    a.visit("snapshots", 3);
                    a.visitEnd();
                }
                return mv;
            }
        }, 0);
        return writer.toByteArray();
    }

    /**
     * A program's class file as javac wrote it: the on-demand generator reads a lambda's body there
     * when a call of the differentiated code meets a lambda the program made outside it
     * ({@link Construct#LAMBDA_OUTSIDE}), as it reads the class path's class files.
     */
    @Override
    public java.io.InputStream getResourceAsStream(String name) {
        if (name.endsWith(".class")) {
            byte[] b = classes.get(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
            if (b != null) {
                return new java.io.ByteArrayInputStream(b);
            }
        }
        return super.getResourceAsStream(name);
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
        boolean nested = name.contains("$");
        byte[] out;
        try {
            // a nested class: Program.OBJECT_CLASSES (nothing to differentiate) or, with DISPATCH_OUTSIDE, the
            // implementations of the program's interface, whose @Differentiable methods calls dispatch to at run time
            out = transformer.transform(checkpointed && !nested ? withCheckpointedF(bytes) : bytes);
        } catch (DifferentiationException e) {
            throw new LoadFailure(Failure.error(e.getMessage().contains("internal error") ? Failure.Kind.TRANSFORMER_ERROR
                    : Failure.Kind.REJECTED, e.getMessage(), "", null), e);
        } catch (RuntimeException | Error e) {
            throw new LoadFailure(Failure.error(Failure.Kind.TRANSFORMER_ERROR, e.toString(), Exceptions.trace(e), null), e);
        }
        if (out == null && nested) {
            return bytes;
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
