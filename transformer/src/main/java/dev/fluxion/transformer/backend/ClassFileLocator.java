package dev.fluxion.transformer.backend;

import java.io.IOException;
import java.io.InputStream;

/**
 * Finds the bytes of a class by internal name without loading it. The transformer reads other
 * classes for two reasons only: whether a called method is {@code @Differentiable}, and the
 * superclass chain when frames merge two reference types. Loading classes from inside an agent or
 * a build would initialise them in the wrong loader, or fail to see them at all.
 */
@FunctionalInterface
public interface ClassFileLocator {

    /** The class file of {@code internalName}, or {@code null} if it cannot be found. */
    byte[] locate(String internalName);

    /** Reads class files as resources of {@code loader} (the system loader if {@code null}). */
    static ClassFileLocator ofClassLoader(ClassLoader loader) {
        return internalName -> {
            ClassLoader l = loader != null ? loader : ClassLoader.getSystemClassLoader();
            try (InputStream in = l.getResourceAsStream(internalName + ".class")) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                return null;
            }
        };
    }
}
