package dev.fluxion.transformer.frontend;

import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Variables that choose an element of an array of objects made in the method: {@code Sphere hit =
 * null; for (Sphere s : spheres) if (..) hit = s;}, {@code Particle heaviest = ps[0]; ..
 * heaviest = q;}. In SSA form such a variable is a phi of the array's elements (and of null, and
 * of other such phis); once {@link ObjectArrays} has made the array an array per field, the
 * variable is the element's <em>index</em>: an {@code int} phi of the indices the elements were
 * read at ({@code -1} for null), through which the fields are read and written, as a programmer
 * who writes {@code int hit = -1} does by hand.
 *
 * <p>Sound while the slot a variable chose still holds the object it read there: no store into the
 * array (nor a copy of it) may run between reading an element that flows into the variable and a
 * use of the variable. All the elements a variable may hold are read from one version of the array,
 * which is there wherever the variable is used. {@code hit == null} becomes {@code index < 0}; a
 * field of null read through the index throws {@code ArrayIndexOutOfBoundsException} where the
 * object would have thrown {@code NullPointerException}.
 */
final class ChosenElements {
    /** Why a variable that may be one of several mutable objects ({@link LocalObjects#choicesIntoArrays}) is not followed. */
    private static final String MADE_AGAIN = "a variable may be one of several mutable objects, and one of them is made "
            + "again (in a loop) while the variable may still be the one made before";
    /** The variables (phis) that hold elements of the array's versions, with the version their elements are read from. */
    private final Map<Instruction, Instruction> versionOf = new LinkedHashMap<>();
    /** The versions of the array ({@link ArrayVersions}). */
    private final List<Instruction> versions;
    /** The index each variable becomes, once {@link #replace} made it. */
    private final Map<Instruction, Instruction> indexOf = new LinkedHashMap<>();

    private ChosenElements(List<Instruction> versions) {
        this.versions = versions;
    }

    /**
     * The variables that hold elements of {@code versions}; checks each is only a choice among its
     * elements and null, read through as an element is, never holding an element whose slot may have
     * been given another object since.
     *
     * @throws ValueObjects.Abandon otherwise, saying why in the user's words
     */
    static ChosenElements of(IrFunction f, List<Instruction> versions, List<String> classes, String what) {
        ChosenElements chosen = new ChosenElements(versions);
        Set<Instruction> phis = new LinkedHashSet<>();
        for (Instruction version : versions) {
            for (Instruction load : version.users()) {
                if (load.op() == Op.ARRAY_LOAD && load.operand(0) == version) {
                    for (Instruction user : load.users()) {
                        collect(user, phis);
                        if (user.op() == Op.CHECKCAST) {
                            user.users().forEach(u -> collect(u, phis));
                        }
                    }
                }
            }
        }
        for (Instruction phi : phis) {
            Set<Instruction> versionsRead = new HashSet<>();
            for (Value operand : phi.operands()) {
                Instruction load = elementRead(operand, versions, classes);
                if (load != null) {
                    versionsRead.add((Instruction) load.operand(0));
                } else if (!isNull(operand) && !phis.contains(operand)) {
                    throw new ValueObjects.Abandon("a variable holds either an element of " + what + " or another object");
                }
            }
            if (versionsRead.size() > 1) {
                throw new ValueObjects.Abandon("a variable holds elements of " + what + " read before and after it changed");
            }
            if (!versionsRead.isEmpty()) {
                chosen.versionOf.put(phi, versionsRead.iterator().next());
            }
        }
        chosen.propagateVersions(phis, what);
        for (Instruction phi : phis) {
            chosen.checkUses(phi, classes, what);
            Instruction version = chosen.versionOf.get(phi);
            if (version.block() == phi.block() ? !version.isPhi() : !ValueObjects.dominates(f, version, phi)) {
                if (LocalObjects.CHOICES.equals(versions.get(0).member())) {
                    throw new ValueObjects.Abandon(MADE_AGAIN);
                }
                throw new ValueObjects.Abandon("a variable that chooses an element of " + what + " may keep it while the "
                        + "array is made again (it is declared before the loop that makes the array): declare it after");
            }
        }
        chosen.checkNotOverwritten(versions, what);
        return chosen;
    }

    private static void collect(Instruction user, Set<Instruction> phis) {
        if (!user.isPhi() || !phis.add(user)) {
            return;
        }
        for (Instruction next : user.users()) {
            collect(next, phis);
        }
    }

    /** The read of an element of {@code versions} that {@code v} is (or is a cast of, to one of {@code classes}), else {@code null}. */
    private static Instruction elementRead(Value v, List<Instruction> versions, List<String> classes) {
        if (v instanceof Instruction cast && cast.op() == Op.CHECKCAST && classes.contains(cast.typeOperand().getInternalName())) {
            v = cast.operand(0);
        }
        return v instanceof Instruction load && load.op() == Op.ARRAY_LOAD && versions.contains(load.operand(0)) ? load : null;
    }

    private static boolean isNull(Value v) {
        return v instanceof Constant c && c.value() == null && c.type().getSort() == Type.OBJECT;
    }

    /** A phi of phis only (a loop's variable, before and after the body chose): the version of the phis it joins. */
    private void propagateVersions(Set<Instruction> phis, String what) {
        for (boolean changed = true; changed; ) {
            changed = false;
            for (Instruction phi : phis) {
                for (Value operand : phi.operands()) {
                    Instruction from = operand instanceof Instruction i ? versionOf.get(i) : null;
                    Instruction mine = versionOf.get(phi);
                    if (from != null && mine == null) {
                        versionOf.put(phi, from);
                        changed = true;
                    } else if (from != null && from != mine) {
                        throw new ValueObjects.Abandon("a variable holds elements of " + what + " read before and after it changed");
                    }
                }
            }
        }
        for (Instruction phi : phis) {
            if (!versionOf.containsKey(phi)) { // not reached: each was found from an element it may hold
                throw new ValueObjects.Abandon("a variable holds elements of " + what + " Fluxion cannot follow");
            }
        }
    }

    /** A chosen element is used as an element is (its fields, its class, a null check), or tested for null. */
    private void checkUses(Instruction phi, List<String> classes, String what) {
        for (Instruction user : phi.users()) {
            boolean fine = versionOf.containsKey(user) || isNullTest(user) || isComparison(user)
                    || user.op() == Op.FIELD_GET && user.operands().size() == 1
                    || user.op() == Op.FIELD_PUT && user.operands().size() == 2 && user.operand(0) == phi && user.operand(1) != phi
                    || ObjectArrays.isElementUse(user, phi, classes);
            if (!fine) {
                throw new ValueObjects.Abandon("a variable that chooses an element of " + what + ": "
                        + ValueObjects.describeUse(user));
            }
        }
    }

    /**
     * {@code s != hit}, {@code a == b}: two elements of one version of the array (read from it, or
     * chosen), compared by reference. Each slot holds its own object ({@link ObjectArrays} checks
     * that every object is stored once), so the same object is the same index.
     */
    boolean isComparison(Instruction user) {
        if (user.op() != Op.IF || user.opcode() != Opcodes.IF_ACMPEQ && user.opcode() != Opcodes.IF_ACMPNE) {
            return false;
        }
        Instruction a = versionOfElement(user.operand(0));
        return a != null && a == versionOfElement(user.operand(1));
    }

    /** The version of the array an element (read, cast, or chosen) is of, or {@code null} if {@code v} is none. */
    private Instruction versionOfElement(Value v) {
        if (v instanceof Instruction cast && cast.op() == Op.CHECKCAST) {
            v = cast.operand(0);
        }
        if (v instanceof Instruction i && versionOf.containsKey(i)) {
            return versionOf.get(i);
        }
        return v instanceof Instruction load && load.op() == Op.ARRAY_LOAD && versions.contains(load.operand(0))
                ? (Instruction) load.operand(0) : null;
    }

    /** {@link #isComparison}, after {@link #replace}: a comparison of the two indices. */
    void replaceComparison(Instruction test) {
        Instruction compare = new Instruction(Op.IF, test.opcode() == Opcodes.IF_ACMPEQ ? Opcodes.IF_ICMPEQ : Opcodes.IF_ICMPNE,
                Type.VOID_TYPE, index(test.operand(0)), index(test.operand(1))).withLine(test.line());
        compare.targets().addAll(test.targets());
        test.block().replaceTerminator(compare);
    }

    /** The index of an element: where it was read, or the index its variable became ({@code -1} for null). */
    private Value index(Value v) {
        if (isNull(v)) {
            return Constant.ofInt(-1);
        }
        Instruction i = (Instruction) v;
        if (indexOf.containsKey(i)) {
            return indexOf.get(i);
        }
        return i.op() == Op.CHECKCAST ? index(i.operand(0)) : i.operand(1);
    }

    static boolean isNullTest(Instruction user) {
        return user.op() == Op.IF && (user.opcode() == Opcodes.IFNULL || user.opcode() == Opcodes.IFNONNULL);
    }

    /**
     * No store into the array, nor a copy of it, may run after an element that a variable chose was
     * read and before the variable is used: the variable would then be the new object in the slot.
     * Paths through the array's making stop there: each variable is defined where the array it
     * chooses from is made ({@link #of} checks), so after the array is made again a variable holds
     * an element read from the new one.
     */
    private void checkNotOverwritten(List<Instruction> versions, String what) {
        Set<Instruction> uses = new HashSet<>();
        List<Instruction[]> reads = new ArrayList<>(); // each with the version it reads
        for (Instruction phi : versionOf.keySet()) {
            for (Instruction user : phi.users()) {
                if (!versionOf.containsKey(user)) {
                    uses.add(user);
                }
            }
            for (Value operand : phi.operands()) {
                if (operand instanceof Instruction i && !versionOf.containsKey(i) && !isNull(i)) {
                    reads.add(new Instruction[] {i.op() == Op.CHECKCAST ? (Instruction) i.operand(0) : i, versionOf.get(phi)});
                }
            }
        }
        for (Instruction version : versions) {
            for (Instruction change : version.users()) {
                boolean store = change.op() == Op.ARRAY_STORE && change.operand(0) == version;
                boolean sort = SortKeys.isPermute(change, version);
                if (!store && !sort && !(ArrayVersions.isCopy(change) && change.operand(0) == version)) {
                    continue;
                }
                for (Instruction[] read : reads) {
                    if (ObjectArrays.mayRunAfter(read[0], Set.of(change), read[1])
                            && ObjectArrays.mayRunAfter(change, uses, read[1])) {
                        if (LocalObjects.CHOICES.equals(versions.get(0).member())) {
                            throw new ValueObjects.Abandon(MADE_AGAIN);
                        }
                        throw new ValueObjects.Abandon("a variable that chooses an element of " + what + " is used after "
                                + (store ? "the element's slot may be given another object"
                                        : sort ? "the objects were sorted (the element's slot may hold another object now)"
                                        : "a copy of the array was made")
                                + ": choose the element's index (an int) instead, and read the element when it is used");
                    }
                }
            }
        }
    }

    boolean isChosen(Instruction user) {
        return versionOf.containsKey(user);
    }

    /**
     * Makes each variable its element's index, an {@code int} phi, and rewrites its uses with
     * {@code rewrite} (given the use, the version its elements come from and the index) and its null
     * tests into tests of the index; the variables go.
     */
    void replace(UseRewriter rewrite) {
        for (Instruction phi : versionOf.keySet()) {
            indexOf.put(phi, phi.block().addPhi(new Instruction(Op.PHI, -1, Type.INT_TYPE).withLine(phi.line())));
        }
        for (Map.Entry<Instruction, Instruction> e : indexOf.entrySet()) {
            for (Value operand : e.getKey().operands()) {
                e.getValue().addOperand(index(operand));
            }
        }
        for (Map.Entry<Instruction, Instruction> e : indexOf.entrySet()) {
            Instruction phi = e.getKey();
            Instruction index = e.getValue();
            for (Instruction user : List.copyOf(phi.users())) {
                if (indexOf.containsKey(user)) {
                    continue;
                }
                if (isComparison(user)) {
                    replaceComparison(user);
                } else if (isNullTest(user)) {
                    Instruction test = new Instruction(Op.IF, user.opcode() == Opcodes.IFNULL ? Opcodes.IFLT : Opcodes.IFGE,
                            Type.VOID_TYPE, index).withLine(user.line());
                    test.targets().addAll(user.targets());
                    user.block().replaceTerminator(test);
                } else {
                    rewrite.rewrite(user, versionOf.get(phi), index);
                }
            }
        }
        for (Instruction phi : indexOf.keySet()) {
            phi.clearOperands();
        }
        for (Instruction phi : indexOf.keySet()) {
            phi.block().removePhi(phi);
        }
    }

    /** Rewrites a use of an element, given the version of the array it is read from and its index. */
    interface UseRewriter {
        void rewrite(Instruction use, Instruction version, Value index);
    }
}
