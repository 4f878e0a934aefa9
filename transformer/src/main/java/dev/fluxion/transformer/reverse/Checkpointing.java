package dev.fluxion.transformer.reverse;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.analysis.ActivityAnalysis;
import dev.fluxion.transformer.analysis.Callees;
import dev.fluxion.transformer.derivatives.DerivativeRequest;
import dev.fluxion.transformer.ir.BlockCopier;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.reverse.TimeLoops.TimeLoop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse mode of a {@code @Checkpointed} method: binomial checkpointing of its time loops
 * (Griewank and Walther's Revolve; Tapenade's {@code BINOMIAL-CKP}). Each time loop
 * ({@link TimeLoops}) is outlined into a step method and a loop method ({@link TimeLoopOutliner});
 * the method's adjoint calls the loop method in its forward sweep and reverses the call jointly,
 * through the loop's adjoint ({@link RevolveDriver}), which recomputes the steps from snapshots and
 * reverses them one at a time through the step's adjoint. The tape then holds the snapshots and one
 * step's recordings, never the whole loop's. The rest of the method, and methods without
 * {@code @Checkpointed}, are reversed as before ({@link IndependentIterations}).
 */
public final class Checkpointing {
    private Checkpointing() {
    }

    /**
     * The adjoint of {@code primal}, named {@code name}, followed by the members it calls: the
     * adjoints of loop bodies it outlines and, with a {@code policy}, the loop and step methods of
     * its time loops and their adjoints.
     *
     * @param policy the method's {@code @Checkpointed}, or {@code null}
     * @param methodLine the method's first line, for the diagnostic of a method without a time loop
     */
    public static List<IrFunction> adjoints(IrFunction primal, ActivityAnalysis activity, Callees callees,
            Set<Integer> inputs, String name, CheckpointPolicy policy, int methodLine) {
        if (policy == null) {
            return IndependentIterations.adjoints(primal, activity, callees, inputs, name);
        }
        IrFunction caller = BlockCopier.copy(primal); // the primal itself serves the tangents
        ActivityAnalysis callerActivity = ActivityAnalysis.of(caller, callees, inputs);
        List<TimeLoop> loops = TimeLoops.find(caller, callerActivity, callees, methodLine);
        GeneratedCallees withLoops = new GeneratedCallees(callees);
        List<IrFunction> members = new ArrayList<>();
        String base = name.startsWith(Naming.ADJOINT_PREFIX) ? name.substring(Naming.ADJOINT_PREFIX.length()) : name;
        // the last first: a later loop may use an earlier one's results, which outlining the earlier
        // replaces by the values it unpacks after its call (in the later loop's call too, by then)
        for (int k = loops.size() - 1; k >= 0; k--) {
            String suffix = base + "$" + k;
            TimeLoopOutliner.Outlined o = TimeLoopOutliner.outline(caller, loops.get(k), callerActivity,
                    Naming.TIME_LOOP_PREFIX + suffix, Naming.TIME_STEP_PREFIX + suffix);
            withLoops.add(o.loopRef(), GeneratedCallees.Member.writing(o.written()));
            // the loop method's own adjoint reverses a segment of steps; the loop's, under the name its
            // callers call, is the driver
            String segmentAdjoint = Naming.adjointName(Naming.TIME_STEP_PREFIX + suffix);
            ActivityAnalysis loopActivity = ActivityAnalysis.of(o.loop(), callees, o.stepInputs());
            members.add(o.loop());
            members.add(AdjointGenerator.generate(o.loop(), loopActivity, callees, segmentAdjoint));
            // the loop's adjoint, where its callers find it: the registry's answer for the member outlined
            MemberRef driver = withLoops.derivatives().member(DerivativeRequest.adjoint(o.loopRef(), o.loop().descriptor()));
            members.add(RevolveDriver.adjoint(o, driver, segmentAdjoint, policy));
        }
        List<IrFunction> out = new ArrayList<>(IndependentIterations.adjoints(caller,
                ActivityAnalysis.of(caller, withLoops, inputs), withLoops, inputs, name));
        out.addAll(members);
        return out;
    }
}
