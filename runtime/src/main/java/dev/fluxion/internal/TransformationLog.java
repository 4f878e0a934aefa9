package dev.fluxion.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the agent did, for {@link dev.fluxion.Fluxion} to explain a missing derivative: whether an
 * agent is installed, and the diagnostic of every method whose transformation failed (the class
 * was then left untouched, so the error must resurface when the derivative is asked for).
 */
public final class TransformationLog {
    private static volatile String agentName;
    private static final Map<String, String> FAILURES = new ConcurrentHashMap<>();

    private TransformationLog() {
    }

    public static void agentInstalled(String name) {
        agentName = name;
    }

    public static boolean isAgentInstalled() {
        return agentName != null;
    }

    /** Records the diagnostic for {@code owner.name desc}; {@code owner} in internal form. */
    public static void failed(String owner, String name, String descriptor, String message) {
        FAILURES.put(key(owner, name, descriptor), message);
    }

    /** The recorded diagnostic for the method, or {@code null}. */
    public static String failure(String owner, String name, String descriptor) {
        return FAILURES.get(key(owner, name, descriptor));
    }

    private static String key(String owner, String name, String descriptor) {
        return owner + '.' + name + descriptor;
    }
}
