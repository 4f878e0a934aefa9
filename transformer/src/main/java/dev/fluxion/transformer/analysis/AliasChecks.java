package dev.fluxion.transformer.analysis;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.diagnostics.JavaSyntax;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Pairs of array arguments of a call that may be one array while the callee writes one of them:
 * the callee's adjoint assumes distinct arrays. The same value passed twice is rejected when the
 * class is transformed; two values of one alias family (rows of one matrix, say, usually distinct)
 * are compared when the call runs, and an alias there throws with the same message.
 */
public final class AliasChecks {
    public static final String ADVICE =
            "Pass a copy (a.clone()) as one of them, so the callee's writes cannot change what it reads.";

    private AliasChecks() {
    }

    /** Operand index pairs {j, k} to check. */
    public static List<int[]> risks(Instruction call, ActivityAnalysis activity, Callees callees) {
        List<int[]> out = new ArrayList<>();
        List<Value> args = call.operands();
        for (int j = 0; j < args.size(); j++) {
            for (int k = j + 1; k < args.size(); k++) {
                Value a = args.get(j);
                Value b = args.get(k);
                if (ArrayFamilies.isMember(a) && ArrayFamilies.isMember(b) && activity.isActive(a)
                        && activity.families().find(a) == activity.families().find(b)
                        && (callees.mayWriteArgument(call.member(), j) || callees.mayWriteArgument(call.member(), k))) {
                    out.add(new int[] {j, k});
                }
            }
        }
        return out;
    }

    /** The problem, for the same value passed twice ({@code certain}) or for an alias found when the call runs. */
    public static String problem(Instruction call, int[] pair, boolean certain) {
        String same = " are the same array" + (certain ? "" : " (or one is a row of the other)");
        if (call.member().name().startsWith(Naming.TIME_LOOP_PREFIX)) { // a @Checkpointed time loop, outlined
            return "two arrays the @Checkpointed time loop uses" + same + ", and the loop writes into one of them: its "
                    + "steps, run apart from the method, would take them for two";
        }
        return "arguments " + pair[0] + " and " + pair[1] + " of " + JavaSyntax.method(call.member()) + same
                + ", and the callee writes into one of them";
    }
}
