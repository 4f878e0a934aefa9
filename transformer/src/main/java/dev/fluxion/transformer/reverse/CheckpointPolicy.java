package dev.fluxion.transformer.reverse;

import dev.fluxion.internal.Naming;
import dev.fluxion.transformer.diagnostics.Unsupported;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What a method's {@code @Checkpointed} asks for: a number of snapshots, or a budget in bytes, or
 * neither (the default, chosen at run time from the number of steps); 0 stands for "not given".
 */
public record CheckpointPolicy(int snapshots, long maxBytes) {
    /** Whether {@code m} is annotated {@code @Checkpointed}. */
    public static boolean isCheckpointed(MethodNode m) {
        return annotation(m) != null;
    }

    /**
     * The policy of {@code m}, or {@code null} if it is not {@code @Checkpointed}.
     *
     * @param line the method's first line, for the diagnostic of a policy that makes no sense
     */
    public static CheckpointPolicy of(MethodNode m, int line) {
        AnnotationNode a = annotation(m);
        if (a == null) {
            return null;
        }
        int snapshots = 0;
        long maxBytes = 0;
        for (int k = 0; a.values != null && k + 1 < a.values.size(); k += 2) {
            Object value = a.values.get(k + 1);
            switch ((String) a.values.get(k)) {
                case "snapshots" -> snapshots = (Integer) value;
                case "maxBytes" -> maxBytes = (Long) value;
                default -> {
                }
            }
        }
        if (snapshots < 0 || maxBytes < 0) {
            throw new Unsupported(line, "@Checkpointed(" + (snapshots < 0 ? "snapshots = " + snapshots
                    : "maxBytes = " + maxBytes) + ") is negative", "Give a positive number, or leave it out for the "
                            + "default (as many snapshots as the base-2 logarithm of the number of steps).");
        }
        if (snapshots > 0 && maxBytes > 0) {
            throw new Unsupported(line, "@Checkpointed gives both snapshots and maxBytes", "Give one of them: the "
                    + "number of snapshots, or a budget in bytes that sets it.");
        }
        return new CheckpointPolicy(snapshots, maxBytes);
    }

    private static AnnotationNode annotation(MethodNode m) {
        if (m.visibleAnnotations == null) {
            return null;
        }
        return m.visibleAnnotations.stream().filter(a -> a.desc.equals(Naming.CHECKPOINTED_DESCRIPTOR)).findFirst()
                .orElse(null);
    }
}
