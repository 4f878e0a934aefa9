package dev.fluxion.transformer.frontend;

import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The versions of an array of objects made here, as a list that grows makes them
 * ({@link ListsMadeHere}): the array itself, the copies that replace it ({@code Arrays.copyOf(a,
 * n)}, or a list's {@code JdkModels.grown(a, size)} before it is inlined: the array or a longer
 * copy), their casts to array types, and the phis that join them. Together they hold one sequence
 * of objects, each slot one object, as long as a version is not used once a copy of it was made
 * (then two arrays would share their objects; {@link ObjectArrays} checks it).
 */
final class ArrayVersions {
    private static final String COPY_OF = "([Ljava/lang/Object;I)[Ljava/lang/Object;";

    private ArrayVersions() {
    }

    /**
     * The versions of {@code array}, {@code array} first and each after the versions it is made
     * from, but for phis, which may come first (a loop's); {@code null} if a phi joins one of them
     * with another value.
     */
    static List<Instruction> of(Instruction array) {
        Set<Instruction> versions = new LinkedHashSet<>(List.of(array));
        ArrayDeque<Instruction> work = new ArrayDeque<>(versions);
        while (!work.isEmpty()) {
            Instruction v = work.poll();
            for (Instruction user : v.users()) {
                if (isVersionOf(user, v) && versions.add(user)) {
                    work.add(user);
                }
            }
        }
        for (Instruction v : versions) {
            if (v.isPhi() && !versions.containsAll(v.operands())) {
                return null;
            }
        }
        return new ArrayList<>(versions);
    }

    /** Whether {@code user} is a new version of the version {@code v}: a phi, a copy or a cast of it. */
    static boolean isVersionOf(Instruction user, Instruction v) {
        return user.op() == Op.PHI && isArrayOfObjects(user.type())
                || isCopy(user) && user.operand(0) == v
                || user.op() == Op.CHECKCAST && user.operand(0) == v && isArrayOfObjects(user.typeOperand());
    }

    /** {@code Arrays.copyOf(a, n)} of an array of references, or a list's {@code JdkModels.grown(a, size)}. */
    static boolean isCopy(Instruction insn) {
        return insn.op() == Op.INVOKE && insn.opcode() == Opcodes.INVOKESTATIC && insn.member().descriptor().equals(COPY_OF)
                && (insn.member().owner().equals("java/util/Arrays") && insn.member().name().equals("copyOf")
                        || insn.member().owner().equals(JdkModels.MODELS) && insn.member().name().equals("grown"));
    }

    /** The array made here ({@code new}) that {@code v} is a version of, or {@code null}. */
    static Instruction madeHere(Value v) {
        Set<Value> seen = new HashSet<>();
        ArrayDeque<Value> work = new ArrayDeque<>(List.of(v));
        while (!work.isEmpty()) {
            if (!(work.poll() instanceof Instruction i) || !seen.add(i) || seen.size() > 64) {
                continue;
            }
            if (i.op() == Op.NEW_ARRAY) {
                return i;
            }
            if (i.op() == Op.PHI && isArrayOfObjects(i.type())) {
                work.addAll(i.operands());
            } else if (isCopy(i) || i.op() == Op.CHECKCAST) {
                work.add(i.operand(0));
            }
        }
        return null;
    }

    private static boolean isArrayOfObjects(Type t) {
        return t != null && t.getSort() == Type.ARRAY && t.getDimensions() == 1 && t.getElementType().getSort() == Type.OBJECT;
    }
}
