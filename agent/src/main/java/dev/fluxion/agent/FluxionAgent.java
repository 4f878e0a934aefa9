package dev.fluxion.agent;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.fluxion.internal.TransformationLog;
import dev.fluxion.transformer.Forwarders;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * The Java agent: {@code java -javaagent:fluxion-agent.jar ...}. Adds derivative methods to every
 * class that declares a {@code @Differentiable} method, and links the lambdas that stand for one,
 * when the class is first loaded (the JVM allows adding methods only then, not on retransformation).
 *
 * <p>Byte Buddy does the matching and the plumbing; the rewriting is {@link ClassTransformation},
 * the same transformer core that the build-time plugin runs. Failures are never swallowed: they are
 * printed to standard error and recorded, so {@code Fluxion.gradient} repeats the same message.
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
        if (System.getProperty("net.bytebuddy.safe") == null) {
            // Fluxion injects no classes: keep Byte Buddy off sun.misc.Unsafe (deprecated on JDK 23+)
            System.setProperty("net.bytebuddy.safe", "true");
        }
        new AgentBuilder.Default()
                .with(AgentBuilder.RedefinitionStrategy.DISABLED)
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                // Fluxion adds plain methods and needs no helper classes injected: this keeps Byte
                // Buddy's Unsafe-based injector (and its warnings on newer JDKs) out of the way
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.InjectionStrategy.Disabled.INSTANCE)
                .with(new ErrorReporter())
                .ignore(nameStartsWith("java.").or(nameStartsWith("javax.")).or(nameStartsWith("jdk."))
                        .or(nameStartsWith("sun.")).or(nameStartsWith("com.sun.")).or(nameStartsWith("dev.fluxion.shaded.")))
                .type(FluxionAgent::needsTransformation)
                .transform(FluxionAgent::transform)
                .installOn(instrumentation);
        TransformationLog.agentInstalled("fluxion-agent");
        installed = true;
    }

    /**
     * Classes that declare a {@code @Differentiable} method, and classes whose lambdas may stand for
     * one ({@code Fluxion.gradient(x -> f(x))}, Kotlin's {@code Fluxion.gradient { f(it) }}: see
     * {@code transformer.Forwarders}): those with serializable lambdas of Fluxion's interfaces, which
     * the class file tells (read only for classes with serializable lambdas, which javac and kotlinc
     * give a {@code $deserializeLambda$}). Any other class is left to the JVM as it is.
     */
    private static boolean needsTransformation(TypeDescription type, ClassLoader loader, JavaModule module,
            Class<?> redefined, java.security.ProtectionDomain domain) {
        if (DIFFERENTIABLE.matches(type)) {
            return true;
        }
        if (!SERIALIZABLE_LAMBDAS.matches(type)) {
            return false;
        }
        byte[] bytes = dev.fluxion.transformer.backend.ClassFileLocator.ofClassLoader(loader).locate(type.getInternalName());
        return bytes != null && Forwarders.hasFluxionLambdas(bytes);
    }

    private static final ElementMatcher<TypeDescription> DIFFERENTIABLE =
            declaresMethod(isAnnotatedWith(named("dev.fluxion.Differentiable")));
    private static final ElementMatcher<TypeDescription> SERIALIZABLE_LAMBDAS = declaresMethod(named("$deserializeLambda$"));

    private static DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, java.security.ProtectionDomain domain) {
        return builder.visit(new ClassTransformation(loader));
    }

    /** Reports what Byte Buddy itself could not do; Fluxion's own diagnostics come from {@link ClassTransformation}. */
    private static final class ErrorReporter extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
            System.err.println("fluxion: could not transform " + typeName + ": " + error);
        }
    }
}
