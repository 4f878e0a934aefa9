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

    /**
     * Lets the runtime read a lambda class's constant pool, where the JVM keeps which method the
     * lambda's body is (its {@code ConstantPools}): {@code java.base} exports the internal packages
     * {@code jdk.internal.access} and {@code jdk.internal.reflect} to the runtime's module, as
     * {@code --add-exports} would (their public types only: nothing is opened to reflection).
     */
    private static void openConstantPools(Instrumentation instrumentation) {
        Module base = Object.class.getModule();
        Module runtime = TransformationLog.class.getModule();
        if (instrumentation.isModifiableModule(base)) {
            instrumentation.redefineModule(base, java.util.Set.of(), java.util.Map.of("jdk.internal.access",
                    java.util.Set.of(runtime), "jdk.internal.reflect", java.util.Set.of(runtime)), java.util.Map.of(),
                    java.util.Set.of(), java.util.Map.of());
        }
    }

    static synchronized void install(Instrumentation instrumentation) {
        if (installed) {
            return;
        }
        instrumentation.addTransformer(new DerivativeTransformer(), false);
        openConstantPools(instrumentation);
        TransformationLog.agentInstalled("fluxion-agent");
        installed = true;
    }
}
