package dev.fluxion.transformer.rules;

import static dev.fluxion.transformer.rules.DerivativeRule.RESULT;

import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.rules.DerivativeRule.Partial;
import java.util.HashMap;
import java.util.Map;

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
        for (String f : new String[] {"floor", "ceil", "rint"}) {
            add(f, "(D)D", (Partial) null);
        }
        add("round", "(D)J", (Partial) null);
        add("round", "(F)I", (Partial) null);
    }

    private MathRules() {
    }

    private static void add(String name, String descriptor, Partial... partials) {
        RULES.put(name + descriptor, DerivativeRule.of(partials));
    }

    /** The rule for a call, or {@code null} if the callee is not a function these rules know. */
    public static DerivativeRule ruleFor(MemberRef m) {
        if (!m.owner().equals("java/lang/Math") && !m.owner().equals("java/lang/StrictMath")) {
            return null;
        }
        return RULES.get(m.name() + m.descriptor());
    }
}
