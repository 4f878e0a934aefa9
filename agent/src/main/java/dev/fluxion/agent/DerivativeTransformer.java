package dev.fluxion.agent;

import dev.fluxion.internal.TransformationLog;
import dev.fluxion.transformer.Forwarders;
import dev.fluxion.transformer.Transformer;
import dev.fluxion.transformer.backend.ClassFileLocator;
import dev.fluxion.transformer.diagnostics.Diagnostic;
import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;

/**
 * Rewrites, as it is first loaded, each class that declares a {@code @Differentiable} method or has
 * a serializable lambda that may stand for one ({@code Fluxion.gradient(x -> f(x))}, see
 * {@code transformer.Forwarders}): the class with the derivatives of every method that can be
 * differentiated; each method that cannot is reported on standard error and its diagnostic recorded,
 * for {@code Fluxion.gradient} to repeat. Failures are never swallowed (the JVM would ignore an
 * exception thrown from here, silently): they are printed, and the class is left as it was.
 */
final class DerivativeTransformer implements ClassFileTransformer {
    /** Names in the constant pool of a class that may need transforming; every other class is let through unread. */
    private static final byte[] DIFFERENTIABLE = "Ldev/fluxion/Differentiable;".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SERIALIZABLE_LAMBDAS = "$deserializeLambda$".getBytes(StandardCharsets.UTF_8);

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] bytes) {
        if (className == null || classBeingRedefined != null || isFluxionOrJdk(className)) {
            return null;
        }
        boolean annotated = contains(bytes, DIFFERENTIABLE);
        if (!annotated && !contains(bytes, SERIALIZABLE_LAMBDAS)) {
            return null;
        }
        try {
            if (!annotated && !Forwarders.hasFluxionLambdas(bytes)) {
                return null;
            }
            // reverse mode only at load: tangents and Hessian-vector products are generated, in a hidden
            // class beside, when one is first asked for (OnDemand, with the generator this jar carries)
            Transformer.Result result = Transformer.withSystemProperties(ClassFileLocator.ofClassLoader(loader))
                    .reverseOnly().transformEach(bytes);
            for (Diagnostic d : result.problems()) {
                System.err.println(d.message());
            }
            result.messagesByMethod().forEach((m, text) -> TransformationLog.failed(m.get(0), m.get(1), m.get(2), text));
            dump(className, result.bytes());
            return result.bytes();
        } catch (Throwable e) {
            System.err.println("fluxion: internal error while transforming " + className.replace('/', '.')
                    + ", left untouched: " + e);
            return null;
        }
    }

    /** The JDK's classes and Fluxion's own, which the transformer loads while it works: never rewritten. */
    private static boolean isFluxionOrJdk(String name) {
        return name.startsWith("java/") || name.startsWith("javax/") || name.startsWith("jdk/") || name.startsWith("sun/")
                || name.startsWith("com/sun/") || name.startsWith("dev/fluxion/shaded/")
                || name.startsWith("dev/fluxion/transformer/") || name.startsWith("dev/fluxion/internal/")
                || name.equals("dev/fluxion/agent/DerivativeTransformer");
    }

    /** Whether {@code bytes} contains {@code pattern}: a class names what it uses in its constant pool, in UTF-8. */
    static boolean contains(byte[] bytes, byte[] pattern) {
        byte first = pattern[0];
        for (int i = 0, last = bytes.length - pattern.length; i <= last; i++) {
            if (bytes[i] != first) {
                continue;
            }
            int k = 1;
            while (k < pattern.length && bytes[i + k] == pattern[k]) {
                k++;
            }
            if (k == pattern.length) {
                return true;
            }
        }
        return false;
    }

    /** With {@code -Dfluxion.dump=DIR}, the class as the agent defined it, beside the SSA dumps: {@code DIR/<class>.class}. */
    private static void dump(String className, byte[] transformed) {
        String dir = System.getProperty("fluxion.dump");
        if (dir != null && !dir.isEmpty() && transformed != null) {
            Path file = Path.of(dir, className.replace('/', '.') + ".class");
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, transformed);
            } catch (IOException e) { // the class is transformed all the same
                System.err.println("fluxion: cannot write " + file + " (-Dfluxion.dump): " + e);
            }
        }
    }
}
