package dev.fluxion.agent;

import dev.fluxion.internal.TransformationLog;
import java.lang.instrument.Instrumentation;

/**
 * The Java agent: {@code java -javaagent:fluxion-agent.jar ...}. Adds derivative methods to every
 * class that declares a {@code @Differentiable} method, and links the lambdas that stand for one,
 * when the class is first loaded (the JVM allows adding methods only then, not on retransformation).
 *
 * <p>A plain {@link java.lang.instrument.ClassFileTransformer} ({@link DerivativeTransformer}): the
 * JVM hands it every class's bytes, a search of the bytes for Fluxion's names lets all but a few
 * through untouched, and those go to the transformer core that the plugin and on-demand generation
 * run too, for reverse mode; forward-mode derivatives are generated when first asked for, as on
 * demand (the jar carries the generator). Nothing else is loaded at start-up.
 */
public final class FluxionAgent {
    private static boolean installed;

    private FluxionAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        install(instrumentation);
    }

    /** Entry point for {@code Launcher-Agent-Class} (executable jars) and dynamic attach. */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        install(instrumentation);
    }

    static synchronized void install(Instrumentation instrumentation) {
        if (installed) {
            return;
        }
        instrumentation.addTransformer(new DerivativeTransformer(), false);
        TransformationLog.agentInstalled("fluxion-agent");
        installed = true;
    }
}
