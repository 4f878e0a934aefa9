package dev.fluxion.transformer.frontend;

import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import java.util.Set;

/**
 * JDK methods with a model: the runtime's {@code dev.fluxion.internal.JdkModels} writes them again
 * as plain Java (a sort as the order of the values, then a gather), and a call of one becomes a
 * call of its model, which {@link ReadableCallees} then inlines and the passes differentiate as they
 * do any helper. The JDK's own code is not read: it is large, recursive and intrinsified, and what
 * its derivative must be is simpler said again.
 */
final class JdkModels {
    static final String MODELS = "dev/fluxion/internal/JdkModels";
    /** The modelled methods, as {@code owner.name descriptor}; each has a static model of the same name and descriptor. */
    private static final Set<String> MODELLED = Set.of(
            "java/util/Arrays.sort([D)V", "java/util/Arrays.sort([DII)V", "java/util/Arrays.sort([F)V",
            "java/util/Arrays.parallelSort([D)V",
            "java/lang/Double.max(DD)D", "java/lang/Double.min(DD)D", "java/lang/Double.sum(DD)D",
            "java/lang/Float.max(FF)F", "java/lang/Float.min(FF)F", "java/lang/Float.sum(FF)F",
            "java/util/Arrays.binarySearch([DD)I", "java/util/Arrays.binarySearch([DIID)I");

    private JdkModels() {
    }

    /** If {@code call} calls a modelled JDK method: makes it call the model instead, and returns {@code true}. */
    static boolean redirect(Instruction call) {
        MemberRef m = call.member();
        if (call.op() != Op.INVOKE || m == null || !MODELLED.contains(m.owner() + "." + m.name() + m.descriptor())) {
            return false;
        }
        call.withMember(new MemberRef(MODELS, m.name(), m.descriptor(), false));
        return true;
    }
}
