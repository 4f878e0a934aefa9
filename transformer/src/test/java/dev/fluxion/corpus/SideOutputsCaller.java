package dev.fluxion.corpus;

import dev.fluxion.Differentiable;

/** Forwards to {@link SideOutputs#valueAndSideOutput} from another class, so that the call stays a call. */
public final class SideOutputsCaller {
    private SideOutputsCaller() {
    }

    @Differentiable
    public static double call(double[] buf, double x) {
        return SideOutputs.valueAndSideOutput(buf, x);
    }
}
