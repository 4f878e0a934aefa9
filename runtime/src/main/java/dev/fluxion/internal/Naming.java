package dev.fluxion.internal;

/**
 * The one naming scheme for members Fluxion generates, shared by the transformer that writes them
 * and the runtime that looks them up.
 *
 * <p>For a method {@code R f(P1 .. Pn)} the adjoint is
 * {@code static R fluxion$adjoint$f(P1 .. Pn, S1 .. Sk, R seed, Tape tape)}: the primal
 * parameters, one shadow array of the same shape for every {@code double[]}/{@code float[]}/
 * {@code double[][]}... parameter (in order; adjoints are accumulated into it), the adjoint seed of
 * the result (absent for a {@code void} method, whose seeds are its output arrays' shadows) and the
 * tape. It returns the primal result and leaves the adjoints of the {@code double}/{@code float}
 * parameters on the tape, the last parameter's on top. Shadows follow the primal: after the call a
 * shadow holds the adjoint of its array's contents on entry.
 *
 * <p>Methods of the shapes the API binds ({@code double f(double[])}, {@code double f(double)})
 * also get a binder {@code static ScalarAdjoint fluxion$bind$f()} (or {@code UnaryAdjoint}) that
 * returns the adjoint as a lambda, created by {@code invokedynamic} in the user's class, where the
 * lookup has the privileges {@code LambdaMetafactory} needs. If {@code f} writes into its array
 * parameter, the binder returns {@code fluxion$entry$f} instead, a bridge that runs the adjoint on
 * a copy, so that a gradient never modifies the caller's input. Generated members are
 * {@code ACC_SYNTHETIC}.
 */
public final class Naming {
    /** What every generated member's name starts with. */
    public static final String GENERATED_PREFIX = "fluxion$";
    public static final String ADJOINT_PREFIX = "fluxion$adjoint$";
    public static final String BINDER_PREFIX = "fluxion$bind$";
    public static final String ENTRY_PREFIX = "fluxion$entry$";
    public static final String TANGENT_PREFIX = "fluxion$tangent$";
    public static final String TANGENT_BINDER_PREFIX = "fluxion$bindtangent$";
    /** The shape of a vector-valued function: {@code void f(double[] in, double[] out)}. */
    public static final String VECTOR_DESCRIPTOR = "([D[D)V";
    public static final String TAPE_INTERNAL_NAME = "dev/fluxion/internal/Tape";
    public static final String TAPE_DESCRIPTOR = "L" + TAPE_INTERNAL_NAME + ";";
    public static final String DIFFERENTIABLE_DESCRIPTOR = "Ldev/fluxion/Differentiable;";
    public static final String CHECKPOINTED_DESCRIPTOR = "Ldev/fluxion/Checkpointed;";
    /** A {@code @Checkpointed} method's time loops, outlined: {@code fluxion$loop$f$0} runs {@code fluxion$step$f$0}. */
    public static final String TIME_LOOP_PREFIX = "fluxion$loop$";
    public static final String TIME_STEP_PREFIX = "fluxion$step$";

    private Naming() {
    }

    public static final String FORWARDER_PREFIX = "fluxion$forward$";
    /**
     * A class the plugin transformed lists the lambdas it makes whose bodies it differentiated (see
     * the runtime's {@code LambdaDerivatives}) in {@code static String[] fluxion$lambdas()}: per
     * lambda a line of tab-separated fields, the interface (internal name), its method's name and
     * descriptor, the captured values' descriptors (comma-separated), the body
     * ({@code owner.name.descriptor}), the method standing for it ({@code lambda$fluxion$n}, whose
     * derivatives are named as any method's), and why it has none (empty if it has).
     */
    public static final String LAMBDA_TABLE = "fluxion$lambdas";

    /**
     * For a lambda whose body only passes its parameters on to one method ({@code x -> f(x)} in
     * Java, {@code ScalarFunction { f(it) }} in Kotlin), the transformer adds
     * {@code static ScalarFunction fluxion$forward$<lambda method>(captured values)}: it returns
     * the method reference the lambda stands for ({@code Model::f}, or {@code model::loss} for a
     * lambda that captured {@code model}), which the runtime links instead of the lambda.
     */
    public static String forwarderName(String lambdaMethodName) {
        return FORWARDER_PREFIX + lambdaMethodName;
    }

    /**
     * The name of the method a generated member {@code fluxion$<kind>$f} (or a specialised adjoint
     * {@code fluxion$adjoint$f$0_2}) was generated for: {@code f}.
     */
    public static String primalName(String generatedName) {
        if (!generatedName.startsWith(GENERATED_PREFIX)) {
            return generatedName;
        }
        int kindEnd = generatedName.indexOf('$', GENERATED_PREFIX.length());
        String rest = kindEnd < 0 ? generatedName : generatedName.substring(kindEnd + 1);
        return rest.replaceFirst("\\$[0-9_]+$", "");
    }

    public static String adjointName(String primalName) {
        return ADJOINT_PREFIX + primalName;
    }

    /**
     * An adjoint of the method specialised to some of its parameters (their indices, ascending):
     * the adjoint's descriptor, but the other parameters are data, not differentiated (their
     * shadows are never touched). Generated for callers in the same class that pass data.
     */
    public static String specializedAdjointName(String primalName, java.util.Collection<Integer> inputs) {
        return ADJOINT_PREFIX + primalName + '$' + inputs.stream().sorted().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining("_"));
    }

    /** A bridge to the adjoint that copies the array parameters the method writes into; see the class comment. */
    public static String entryName(String primalName) {
        return ENTRY_PREFIX + primalName;
    }

    public static String binderName(String primalName) {
        return BINDER_PREFIX + primalName;
    }

    /**
     * Gradients with respect to a model object ({@code double loss()} of the model's class, or
     * {@code static double loss(Model m)}): the function of the model's leaves is
     * {@code fluxion$leaves$loss}, with an ordinary adjoint; {@code fluxion$model$loss(Object model,
     * Object gradOut, double seed, Tape tape)} gathers the leaves and their shadows and calls it;
     * {@code fluxion$bindmodel$loss()} binds that bridge to {@link ModelAdjoint}.
     */
    public static final String LEAVES_PREFIX = "fluxion$leaves$";
    public static final String MODEL_BRIDGE_PREFIX = "fluxion$model$";
    public static final String MODEL_BINDER_PREFIX = "fluxion$bindmodel$";
    public static final String MODEL_BRIDGE_DESCRIPTOR = "(Ljava/lang/Object;Ljava/lang/Object;D" + TAPE_DESCRIPTOR + ")D";

    public static String modelBinderName(String primalName) {
        return MODEL_BINDER_PREFIX + primalName;
    }

    /**
     * Forward mode and second order with respect to a model: {@code fluxion$modeltangent$loss(Object
     * model, Object direction, Tape tape)} gathers the leaves and their tangents from a direction of
     * the model's shape, calls the tangent of the function of leaves, returns the loss and leaves its
     * derivative along the direction on the tape; {@code fluxion$modelhvp$loss(Object model, Object
     * v, Object out, double seed, Tape tape)} calls its Hessian-vector product, accumulating
     * {@code seed * H v} into {@code out}'s fields, and returns the derivative along {@code v}. Their
     * binders are forward binders ({@link #isForwardBinder}), bound to {@link ModelForward} and
     * {@link ModelHvp}.
     */
    public static final String MODEL_TANGENT_BRIDGE_PREFIX = "fluxion$modeltangent$";
    public static final String MODEL_TANGENT_DESCRIPTOR = "(Ljava/lang/Object;Ljava/lang/Object;" + TAPE_DESCRIPTOR + ")D";
    public static final String MODEL_HVP_BRIDGE_PREFIX = "fluxion$modelhvp$";
    public static final String MODEL_HVP_DESCRIPTOR = "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;D"
            + TAPE_DESCRIPTOR + ")D";

    public static String modelTangentBinderName(String primalName) {
        return "fluxion$bindtangentmodel$" + primalName;
    }

    public static String modelHvpBinderName(String primalName) {
        return "fluxion$bindhvpmodel$" + primalName;
    }

    /**
     * The tangent (forward mode) of {@code R f(P1 .. Pn)} is
     * {@code static R fluxion$tangent$f(P1 .. Pn, T1 .. Tk, Tape tape)}: the primal parameters, then
     * one tangent per parameter that can carry a derivative ({@code double}/{@code float} scalars
     * and floating arrays of any depth, in order, of the same type), then the tape. It runs the
     * primal, writing tangents into tangent arrays alongside the primal's writes, returns the primal
     * result and leaves the result's tangent on the tape (a scalar on its stack of that type, an
     * array on the reference stack; nothing for {@code void}).
     */
    public static String tangentName(String primalName) {
        return TANGENT_PREFIX + primalName;
    }

    /**
     * Vector forward mode: besides the one-lane tangent, each method gets tangents carrying several
     * directions in one sweep, {@code fluxion$tangentK$f} for each width {@code K} here. Each takes
     * the tangents of all parameters once per lane (lane 0's first) and leaves one result tangent per
     * lane on the tape (the last lane's on top). The runtime picks the width for each call from the
     * number of directions ({@code VectorForward}); a wide tangent calls its callees' tangents of
     * the same width, so every method has every width.
     */
    public static final java.util.List<Integer> VECTOR_WIDTHS = java.util.List.of(2, 4, 8);

    /** The tangent with {@code lanes} directions: {@link #tangentName(String)} for one, {@code fluxion$tangent4$f} for four, ... */
    public static String tangentName(String primalName, int lanes) {
        return lanes == 1 ? tangentName(primalName) : "fluxion$tangent" + lanes + "$" + primalName;
    }

    public static String tangentDescriptor(String primalDescriptor, int lanes) {
        int close = primalDescriptor.indexOf(')');
        String params = primalDescriptor.substring(1, close);
        return "(" + params + parametersThat(params, Naming::hasTangent).repeat(lanes) + TAPE_DESCRIPTOR + ")"
                + primalDescriptor.substring(close + 1);
    }

    public static String tangentBinderName(String primalName) {
        return TANGENT_BINDER_PREFIX + primalName;
    }

    /** The tangent's descriptor, derived from the primal's alone; see {@link #tangentName}. */
    public static String tangentDescriptor(String primalDescriptor) {
        return tangentDescriptor(primalDescriptor, 1);
    }

    public static final String HVP_PREFIX = "fluxion$hvp$";
    public static final String HVP_BINDER_PREFIX = "fluxion$bindhvp$";

    /**
     * Second derivatives, reverse over forward: for a scalar function {@code f}, the tangent as a
     * pure function {@code t(x, v) = grad f(x) . v} (no tape; see {@link #tangentName}) is
     * differentiated once more in reverse mode, and its adjoint is {@code fluxion$hvp$f}, with
     * descriptor {@code adjointDescriptor} of {@code t}'s. Its shadow of {@code x} receives
     * {@code seed * H(x) v}; it returns {@code t(x, v)}.
     */
    public static String hvpName(String primalName) {
        return HVP_PREFIX + primalName;
    }

    public static String hvpBinderName(String primalName) {
        return HVP_BINDER_PREFIX + primalName;
    }

    public static final String PURE_TANGENT_PREFIX = "fluxion$puretangent$";
    public static final String TANGENT_ADJOINT_PREFIX = "fluxion$tangentadjoint$";

    /**
     * Second derivatives through a call that stays a call: the callee's tangent as a pure function
     * ({@link #pureTangentDescriptor}), which a Hessian-vector product's pure tangent calls where
     * its method calls the callee. {@code qualifiedName} is the callee's name, prefixed with its
     * class when that is another class than the one the member is generated into.
     */
    public static String pureTangentName(String qualifiedName) {
        return PURE_TANGENT_PREFIX + qualifiedName;
    }

    /**
     * The descriptor of {@link #pureTangentName}: {@link #pureTangentDescriptor}, and for a callee
     * that returns a primitive value, one more parameter, a one-element array of its type, into
     * which the pure tangent stores the callee's value: the callee runs once, for its value and its
     * tangent, whatever it writes into the arrays it is given.
     */
    public static String calleePureTangentDescriptor(String primalDescriptor) {
        String pure = pureTangentDescriptor(primalDescriptor);
        String result = primalDescriptor.substring(primalDescriptor.indexOf(')') + 1);
        if (result.equals("V") || result.startsWith("L") || result.startsWith("[")) {
            return pure;
        }
        return pure.substring(0, pure.indexOf(')')) + "[" + result + pure.substring(pure.indexOf(')'));
    }

    /** The adjoint of {@link #pureTangentName}: the callee's tangent differentiated once more, with respect to the point and the direction. */
    public static String tangentAdjointName(String qualifiedName) {
        return TANGENT_ADJOINT_PREFIX + qualifiedName;
    }

    /** The tangent as a pure function: the tangent's parameters without the tape, returning the result's tangent. */
    public static String pureTangentDescriptor(String primalDescriptor) {
        String t = tangentDescriptor(primalDescriptor);
        return t.substring(0, t.indexOf(TAPE_DESCRIPTOR)) + t.substring(t.indexOf(')'));
    }

    public static String hvpDescriptor(String primalDescriptor) {
        return adjointDescriptor(pureTangentDescriptor(primalDescriptor));
    }

    /** The functional interface an HVP binder returns for an instance method bound to its receiver, or {@code null}. */
    public static String boundHvpBinderInterface(String primalDescriptor) {
        return primalDescriptor.equals("([D)D") ? "dev/fluxion/internal/BoundScalarHvp" : null;
    }

    /** The functional interface an HVP binder returns for a primal descriptor, or {@code null} if none. */
    public static String hvpBinderInterface(String primalDescriptor) {
        return switch (primalDescriptor) {
            case "([D)D" -> "dev/fluxion/internal/ScalarHvp";
            case "(D)D" -> "dev/fluxion/internal/UnaryHvp";
            default -> null;
        };
    }

    /** Whether a parameter of this descriptor gets a tangent in the tangent method. */
    public static boolean hasTangent(String descriptor) {
        return descriptor.equals("D") || descriptor.equals("F") || isShadowed(descriptor);
    }

    /** Whether a binder hands out a forward-mode derivative (a tangent, of one or more lanes, or a Hessian-vector product). */
    public static boolean isForwardBinder(String binderName) {
        return binderName.startsWith("fluxion$bindtangent") || binderName.startsWith("fluxion$bindhvp");
    }

    /** The binder of the {@code lanes}-lane tangent, one of {@link #VECTOR_WIDTHS}. */
    public static String vectorTangentBinderName(String primalName, int lanes) {
        return "fluxion$bindtangent" + lanes + "$" + primalName;
    }

    /**
     * The functional interface a {@code lanes}-lane tangent binder returns for a primal descriptor
     * ({@code ScalarTangent4}, {@code VectorTangent8}, ...), or {@code null} if none.
     */
    public static String vectorTangentBinderInterface(String primalDescriptor, int lanes) {
        return switch (primalDescriptor) {
            case "([D)D" -> "dev/fluxion/internal/ScalarTangent" + lanes;
            case VECTOR_DESCRIPTOR -> "dev/fluxion/internal/VectorTangent" + lanes;
            default -> null;
        };
    }

    /** The functional interface a tangent binder returns for a primal descriptor, or {@code null} if none. */
    public static String tangentBinderInterface(String primalDescriptor) {
        return switch (primalDescriptor) {
            case "([D)D" -> "dev/fluxion/internal/ScalarTangent";
            case "(D)D" -> "dev/fluxion/internal/UnaryTangent";
            case VECTOR_DESCRIPTOR -> "dev/fluxion/internal/VectorTangent";
            default -> null;
        };
    }

    /** The functional interface a binder returns for a primal descriptor, or {@code null} if none. */
    public static String binderInterface(String primalDescriptor) {
        return switch (primalDescriptor) {
            case "([D)D" -> "dev/fluxion/internal/ScalarAdjoint";
            case "(D)D" -> "dev/fluxion/internal/UnaryAdjoint";
            case VECTOR_DESCRIPTOR -> "dev/fluxion/internal/VectorAdjoint";
            default -> null;
        };
    }

    /** The adjoint's descriptor, derived from the primal's alone so callers in other classes agree. */
    public static String adjointDescriptor(String primalDescriptor) {
        int close = primalDescriptor.indexOf(')');
        String params = primalDescriptor.substring(1, close);
        String ret = primalDescriptor.substring(close + 1);
        String seed = ret.equals("V") ? "" : ret;
        return "(" + params + parametersThat(params, Naming::isShadowed) + seed + TAPE_DESCRIPTOR + ")" + ret;
    }

    /** The parameter descriptors among {@code params} (a descriptor's parameter list) that {@code test} accepts, in order. */
    private static String parametersThat(String params, java.util.function.Predicate<String> test) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < params.length(); ) {
            int end = endOfType(params, i);
            String p = params.substring(i, end);
            if (test.test(p)) {
                out.append(p);
            }
            i = end;
        }
        return out.toString();
    }

    public static final String ADJOINT_OF_DESCRIPTOR = "Ldev/fluxion/AdjointOf;";
    public static final String GRADIENT_OF_DESCRIPTOR = "Ldev/fluxion/GradientOf;";
    public static final String GRADIENT_PREFIX = "fluxion$gradient$";

    /**
     * The adjoint specialised for a {@code @GradientOf} method {@code g}: the adjoint's descriptor,
     * but only the parameters {@code g} differentiates are inputs (the others' shadows may be null).
     */
    public static String gradientAdjointName(String declaredName) {
        return GRADIENT_PREFIX + declaredName;
    }

    /**
     * The descriptor a user's {@code @AdjointOf} rule for a {@code double}-returning method must
     * have: its parameters, a shadow per array parameter, the seed, and a {@code double[]} for
     * the adjoints of its {@code double} parameters if it has any; see {@code dev.fluxion.AdjointOf}.
     */
    public static String adjointRuleDescriptor(String primalDescriptor) {
        String adjoint = adjointDescriptor(primalDescriptor);
        String withoutTape = adjoint.substring(0, adjoint.indexOf(TAPE_DESCRIPTOR));
        int close = primalDescriptor.indexOf(')');
        boolean scalars = primalDescriptor.substring(1, close).replaceAll("\\[+[DF]|\\[+L[^;]*;|\\[+[IJZBCS]|L[^;]*;", "")
                .contains("D");
        return withoutTape + (scalars ? "[D" : "") + ")" + primalDescriptor.substring(close + 1);
    }

    /**
     * The descriptor of an instance method as Fluxion differentiates it: a static method with the
     * receiver as its first parameter. An instance method's adjoint (and binder target) is static in
     * that form, so a call to the adjoint never dispatches to an override.
     */
    public static String staticForm(String owner, String descriptor) {
        return "(L" + owner + ";" + descriptor.substring(1);
    }

    /** The functional interface a tangent binder returns for an instance method bound to its receiver, or {@code null}. */
    public static String boundTangentBinderInterface(String primalDescriptor) {
        return primalDescriptor.equals("([D)D") ? "dev/fluxion/internal/BoundScalarTangent" : null;
    }

    /** The functional interface a binder returns for an instance method bound to its receiver, or {@code null}. */
    public static String boundBinderInterface(String primalDescriptor) {
        return primalDescriptor.equals("([D)D") ? "dev/fluxion/internal/BoundScalarAdjoint" : null;
    }

    /** Whether a parameter of this descriptor gets a shadow array in the adjoint. */
    public static boolean isShadowed(String descriptor) {
        return descriptor.startsWith("[") && (descriptor.endsWith("D") || descriptor.endsWith("F"));
    }

    private static int endOfType(String s, int i) {
        while (s.charAt(i) == '[') {
            i++;
        }
        if (s.charAt(i) == 'L') {
            return s.indexOf(';', i) + 1;
        }
        return i + 1;
    }
}
