package dev.fluxion.transformer.rules;

import static dev.fluxion.transformer.rules.DerivativeRule.RESULT;

import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Value;
import dev.fluxion.transformer.rules.DerivativeRule.Partial;
import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.Type;

/**
 * Built-in derivative rules for {@code java.lang.Math} and {@code java.lang.StrictMath}. Each
 * partial is evaluated by a helper in {@code dev.fluxion.internal.Derivatives}, which documents the
 * convention at non-differentiable points.
 */
public final class MathRules {
    public static final String HELPERS = "dev/fluxion/internal/Derivatives";
    private static final Map<String, DerivativeRule> RULES = new HashMap<>();

    static {
        for (String f : new String[] {"sin", "cos", "asin", "acos", "atan", "sinh", "cosh", "log", "log10", "log1p"}) {
            add(f, "(D)D", Partial.of(f, 0));
        }
        for (String f : new String[] {"tan", "tanh", "expm1", "sqrt", "cbrt"}) {
            add(f, "(D)D", Partial.of(f, RESULT));
        }
        add("exp", "(D)D", Partial.identity(RESULT));
        add("atan2", "(DD)D", Partial.of("atan2First", 0, 1), Partial.of("atan2Second", 0, 1));
        add("pow", "(DD)D", Partial.of("powBase", 0, 1), Partial.of("powExponent", 0, RESULT));
        add("hypot", "(DD)D", Partial.of("hypotFirst", 0, RESULT), Partial.of("hypotSecond", 1, RESULT));
        add("toRadians", "(D)D", Partial.of("toRadians"));
        add("toDegrees", "(D)D", Partial.of("toDegrees"));
        for (String t : new String[] {"D", "F"}) {
            add("abs", "(" + t + ")" + t, Partial.of("abs", 0));
            add("min", "(" + t + t + ")" + t, Partial.of("minFirst", 0, 1), Partial.of("minSecond", 0, 1));
            add("max", "(" + t + t + ")" + t, Partial.of("maxFirst", 0, 1), Partial.of("maxSecond", 0, 1));
            add("copySign", "(" + t + t + ")" + t, Partial.of("copySign", 0, 1), null);
            add("signum", "(" + t + ")" + t, (Partial) null);
            add("fma", "(" + t + t + t + ")" + t, Partial.identity(1), Partial.identity(0),
                    Partial.of(t.equals("D") ? "one" : "oneF"));
        }
        // the floating-point neighbourhood: nextUp(x) is x plus a step that is constant between
        // powers of two, so it moves with x (derivative 1) as floor moves not at all; ulp and
        // getExponent are such steps (0); IEEEremainder(a, b) = a - n b with n = rint(a / b) held
        // where it is constant, as for the % operator
        add("scalb", "(DI)D", Partial.of("scalb", 1), null);
        add("scalb", "(FI)F", Partial.of("scalbF", 1), null);
        add("IEEEremainder", "(DD)D", Partial.of("one"), Partial.of("remDivisor", 0, 1, RESULT));
        for (String t : new String[] {"D", "F"}) {
            String one = t.equals("D") ? "one" : "oneF";
            add("nextUp", "(" + t + ")" + t, Partial.of(one));
            add("nextDown", "(" + t + ")" + t, Partial.of(one));
            add("nextAfter", "(" + t + "D)" + t, Partial.of(one), null);
            add("ulp", "(" + t + ")" + t, (Partial) null);
            add("getExponent", "(" + t + ")I", (Partial) null);
            // Math.clamp (Java 21) in class files of newer JDKs: min(max(v, lo), hi), ties to v
            add("clamp", "(" + t + t + t + ")" + t, Partial.of("clampValue", 0, 1, 2), Partial.of("clampLow", 0, 1, 2),
                    Partial.of("clampHigh", 0, 1, 2));
        }
        for (String f : new String[] {"floor", "ceil", "rint"}) {
            add(f, "(D)D", (Partial) null);
        }
        add("round", "(D)J", (Partial) null);
        add("round", "(F)I", (Partial) null);
    }

    /**
     * Rules for the partials in {@code Derivatives} themselves: generated tangents call them, and a
     * second derivative differentiates a tangent once more. Piecewise-constant partials (of abs,
     * min, max, copySign, the remainder) have derivative zero, by the same kink convention.
     */
    private static final Map<String, DerivativeRule> PARTIAL_RULES = new HashMap<>();

    static {
        partial("detach", "(D)D", (Partial) null); // derivative zero: the result is not active
        partial("sin", "(D)D", Partial.of("cos", 0));
        partial("cos", "(D)D", Partial.of("negCos", 0));
        partial("tan", "(D)D", Partial.of("twice", 0));
        partial("asin", "(D)D", Partial.of("asinSecond", 0));
        partial("acos", "(D)D", Partial.of("acosSecond", 0));
        partial("atan", "(D)D", Partial.of("atanSecond", 0));
        partial("sinh", "(D)D", Partial.of("cosh", 0));
        partial("cosh", "(D)D", Partial.of("sinh", 0));
        partial("tanh", "(D)D", Partial.of("negTwice", 0));
        partial("expm1", "(D)D", Partial.of("one"));
        partial("log", "(D)D", Partial.of("logSecond", 0));
        partial("log10", "(D)D", Partial.of("log10Second", 0));
        partial("log1p", "(D)D", Partial.of("log1pSecond", 0));
        partial("sqrt", "(D)D", Partial.of("sqrtSecond", 0));
        partial("cbrt", "(D)D", Partial.of("cbrtSecond", 0));
        partial("powBase", "(DD)D", Partial.of("powBaseBase", 0, 1), Partial.of("powBaseExponent", 0, 1));
        partial("powExponent", "(DD)D", Partial.of("powExponentBase", 0, 1), Partial.of("lnOf", 0));
        partial("atan2First", "(DD)D", Partial.of("atan2FirstFirst", 0, 1), Partial.of("atan2Mixed", 0, 1));
        partial("atan2Second", "(DD)D", Partial.of("atan2Mixed", 0, 1), Partial.of("atan2SecondSecond", 0, 1));
        partial("hypotFirst", "(DD)D", Partial.of("hypotPartialArg", 0, 1), Partial.of("hypotPartialResult", 0, 1));
        partial("hypotSecond", "(DD)D", Partial.of("hypotPartialArg", 0, 1), Partial.of("hypotPartialResult", 0, 1));
        partial("scalb", "(I)D", (Partial) null);
        partial("scalbF", "(I)F", (Partial) null);
        for (String f : new String[] {"toRadians", "toDegrees", "zero", "one", "zeroF", "oneF"}) {
            partial(f, "()" + (f.endsWith("F") ? "F" : "D"));
        }
        for (String t : new String[] {"D", "F"}) {
            partial("abs", "(" + t + ")" + t, (Partial) null);
            for (String f : new String[] {"minFirst", "minSecond", "maxFirst", "maxSecond", "copySign"}) {
                partial(f, "(" + t + t + ")" + t, null, null);
            }
            partial("remDivisor", "(" + t + t + t + ")" + t, null, null, null);
            for (String f : new String[] {"clampValue", "clampLow", "clampHigh"}) {
                partial(f, "(" + t + t + t + ")" + t, null, null, null);
            }
            // min and max told which operand won (see optimize.MinMaxSelectors): the partials read only that
            String f = t.equals("F") ? "F" : "";
            partial("maxBy", "(" + t + t + "I)" + t, Partial.of("maxFirstBy" + f, 2), Partial.of("maxSecondBy" + f, 2), null);
            partial("minBy", "(" + t + t + "I)" + t, Partial.of("minFirstBy" + f, 2), Partial.of("minSecondBy" + f, 2), null);
            for (String selector : new String[] {"maxFirstBy", "maxSecondBy", "minFirstBy", "minSecondBy"}) {
                partial(selector + f, "(I)" + t, (Partial) null);
            }
        }
    }

    private MathRules() {
    }

    private static void partial(String name, String descriptor, Partial... partials) {
        PARTIAL_RULES.put(name + descriptor, DerivativeRule.of(partials));
    }

    private static void add(String name, String descriptor, Partial... partials) {
        RULES.put(name + descriptor, DerivativeRule.of(partials));
    }

    /** The descriptor of a partial's helper: the inputs' types (the function's own, or a selector's int), returning {@code result}. */
    public static String helperDescriptor(Type result, Value... inputs) {
        Type[] types = new Type[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            types[i] = inputs[i].type();
        }
        return Type.getMethodDescriptor(result, types);
    }

    /** The rule for a call, or {@code null} if the callee is not a function these rules know. */
    public static DerivativeRule ruleFor(MemberRef m) {
        if (m.owner().equals(HELPERS)) {
            return PARTIAL_RULES.get(m.name() + m.descriptor());
        }
        if (!m.owner().equals("java/lang/Math") && !m.owner().equals("java/lang/StrictMath")) {
            return null;
        }
        return RULES.get(m.name() + m.descriptor());
    }
}
