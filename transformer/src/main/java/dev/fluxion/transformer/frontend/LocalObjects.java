package dev.fluxion.transformer.frontend;

import dev.fluxion.transformer.diagnostics.JavaSyntax;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Dominators;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.SsaBuilder;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.FieldNode;

/**
 * Mutable objects created in the method and never escaping it ({@code Particle p = new
 * Particle(x, v); for (...) { p.v += a * dt; p.x += p.v * dt; }}) become SSA variables, one per
 * field: a store to {@code p.v} is a definition of the variable {@code (p, v)}, a read a use, and
 * the SSA construction that lifts local variables (Braun et al., {@link SsaBuilder}) places the phis.
 * Sound because every reference is known to be one allocation (each phi of references merges one
 * allocation with itself, around a loop), so a store through any of them is a store to that
 * object; and because nothing else can see the object, no call in between can change it.
 */
final class LocalObjects {
    private LocalObjects() {
    }

    private record FieldOf(Instruction allocation, String field) {
    }

    /**
     * Replaces the objects of the classes {@code isLocal} accepts by their fields' variables;
     * {@code fields} lists a class's instance fields. Objects of those classes from outside (a
     * field's, an array's, a call's result) that are only read ({@code START[i].x}) stay as they are,
     * data the method reads: they are returned, with their reads. No object made here is one of
     * them, and a write to one would be a use that is not a read.
     *
     * @throws ValueObjects.Abandon if a reference is not one allocation, or an object escapes
     */
    static Set<Instruction> replace(IrFunction f, Predicate<Type> isLocal, Function<String, List<FieldNode>> fields) {
        List<Instruction> objects = new ArrayList<>();
        Set<Instruction> data = new HashSet<>();
        for (Block b : f.blocks()) {
            for (Instruction insn : b.instructions()) {
                if (insn.hasValue() && isLocal.test(insn.type())) {
                    if (isOnlyRead(insn)) {
                        data.add(insn);
                        data.addAll(insn.users());
                    } else {
                        objects.add(insn);
                    }
                }
            }
        }
        if (objects.isEmpty()) {
            return data;
        }
        Map<Instruction, Instruction> allocation = allocations(objects);
        for (Instruction v : objects) {
            for (Instruction user : v.users()) {
                boolean replaced = switch (user.op()) {
                    case FIELD_GET -> user.operands().size() == 1;
                    case FIELD_PUT -> user.operands().size() == 2 && user.operand(0) == v && user.operand(1) != v;
                    case PHI, CHECKCAST -> allocation.containsKey(user);
                    default -> false;
                };
                if (!replaced) {
                    throw new ValueObjects.Abandon(ValueObjects.describeUse(user));
                }
            }
        }
        SsaBuilder ssa = new SsaBuilder();
        ssa.fill(f, b -> {
            for (Instruction insn : List.copyOf(b.body())) {
                if (insn.op() == Op.NEW_OBJECT && allocation.containsKey(insn)) {
                    for (FieldNode field : fields.apply(insn.type().getInternalName())) {
                        ssa.write(new FieldOf(insn, field.name), b, Constant.zero(Types.computational(Type.getType(field.desc))));
                    }
                } else if (insn.op() == Op.FIELD_PUT && insn.operands().size() == 2 && allocation.containsKey(insn.operand(0))) {
                    ssa.write(new FieldOf(allocation.get(insn.operand(0)), insn.member().name()), b, insn.operand(1));
                    b.remove(insn);
                } else if (insn.op() == Op.FIELD_GET && insn.operands().size() == 1
                        && allocation.containsKey(insn.operand(0))) {
                    Value value = ssa.read(new FieldOf(allocation.get(insn.operand(0)), insn.member().name()), insn.type(), b);
                    insn.replaceAllUsesWith(value);
                    b.remove(insn);
                }
            }
        });
        for (Instruction v : objects) {
            for (Instruction user : List.copyOf(v.users())) {
                user.clearOperands();
            }
        }
        for (Instruction v : objects) {
            if (v.isPhi()) {
                v.block().removePhi(v);
            } else {
                v.block().remove(v);
            }
        }
        return data;
    }

    /** What marks an array {@link #choicesIntoArrays} made (the diagnostics speak of the objects, not of an array). */
    static final MemberRef CHOICES = new MemberRef("dev/fluxion/internal/Choices", "objects", "()V");

    /**
     * References that may be one of several mutable objects made here ({@code Particle heavier =
     * a.m > b.m ? a : b}, {@code State t = current; current = next; next = t;}), or one of them or
     * {@code null}: the objects each such reference may be are put in an array of their own, made
     * where they all are dominated, each in its slot as it is made, and every use of an object reads it from its slot. Then
     * {@link ObjectArrays} makes the array an array per field and {@link ChosenElements} the
     * references indices into it, with their checks: an object made again (in a loop) while a
     * reference may still hold the one before is rejected there. References that are always one
     * object keep their variables per field ({@link #replace}).
     */
    static void choicesIntoArrays(IrFunction f, Predicate<Type> isLocal) {
        Map<Instruction, Instruction> parent = new java.util.LinkedHashMap<>(); // in program order: the same slots every run
        List<Instruction> phis = new ArrayList<>();
        for (Block b : f.blocks()) {
            for (Instruction insn : b.instructions()) {
                if (insn.hasValue() && isLocal.test(insn.type())
                        && (insn.op() == Op.NEW_OBJECT || insn.op() == Op.PHI || insn.op() == Op.CHECKCAST)) {
                    parent.put(insn, insn);
                    if (insn.op() != Op.NEW_OBJECT) {
                        phis.add(insn);
                    }
                }
            }
        }
        Set<Instruction> withNull = new HashSet<>();
        Set<Instruction> mixed = new HashSet<>(); // references that may also be an object from outside: left to replace's message
        for (Instruction phi : phis) {
            for (Value operand : phi.operands()) {
                if (operand instanceof Instruction i && parent.containsKey(i)) {
                    parent.put(root(parent, phi), root(parent, i));
                } else if (operand instanceof Constant c && c.value() == null) {
                    withNull.add(phi);
                } else {
                    mixed.add(phi);
                }
            }
        }
        Map<Instruction, List<Instruction>> allocationsOf = new java.util.LinkedHashMap<>();
        Map<Instruction, Boolean> chooses = new HashMap<>();
        for (Instruction v : parent.keySet()) {
            Instruction web = root(parent, v);
            if (v.op() == Op.NEW_OBJECT) {
                allocationsOf.computeIfAbsent(web, k -> new ArrayList<>()).add(v);
            }
            if (mixed.contains(v)) {
                chooses.put(web, false);
            } else if (withNull.contains(v)) {
                chooses.putIfAbsent(web, true);
            }
        }
        Dominators dominators = null;
        for (Map.Entry<Instruction, List<Instruction>> e : allocationsOf.entrySet()) {
            List<Instruction> allocations = e.getValue();
            List<Instruction> webPhis = phis.stream().filter(phi -> root(parent, phi) == e.getKey()).toList();
            if (!webPhis.isEmpty() && chooses.getOrDefault(e.getKey(), true)
                    && (allocations.size() > 1 || chooses.containsKey(e.getKey()))) {
                if (dominators == null) {
                    dominators = Dominators.of(f);
                }
                intoArray(allocations, webPhis, dominators);
            }
        }
    }

    private static Instruction root(Map<Instruction, Instruction> parent, Instruction v) {
        Instruction r = v;
        while (parent.get(r) != r) {
            r = parent.get(r);
        }
        parent.put(v, r);
        return r;
    }

    /**
     * Puts {@code allocations} into an array made where they and the variables that may be one of
     * them ({@code phis}) are all dominated (made again each time round a loop that holds them all),
     * each stored as it is made and read from its slot where it is used.
     */
    private static void intoArray(List<Instruction> allocations, List<Instruction> phis, Dominators dominators) {
        Type element = allocations.stream().map(Instruction::type).distinct().count() == 1 ? allocations.get(0).type()
                : Type.getObjectType("java/lang/Object");
        Block home = allocations.get(0).block();
        for (Instruction a : allocations) {
            home = dominators.nearestCommon(home, a.block());
        }
        for (Instruction phi : phis) {
            home = dominators.nearestCommon(home, phi.block());
        }
        Instruction array = new Instruction(Op.NEW_ARRAY, Opcodes.ANEWARRAY, Type.getType("[" + element.getDescriptor()),
                Constant.ofInt(allocations.size())).withMember(CHOICES).withLine(allocations.get(0).line());
        Instruction first = null;
        for (Instruction insn : home.body()) {
            if (allocations.contains(insn)) {
                first = insn;
                break;
            }
        }
        if (first != null) {
            home.insertBefore(first, array);
        } else {
            home.append(array);
        }
        for (int k = 0; k < allocations.size(); k++) {
            Instruction object = allocations.get(k);
            Constant slot = Constant.ofInt(k);
            for (Instruction user : List.copyOf(object.users())) {
                for (int j = 0; j < user.operands().size(); j++) {
                    if (user.operand(j) != object) {
                        continue;
                    }
                    Instruction load = new Instruction(Op.ARRAY_LOAD, Opcodes.AALOAD, object.type(), array, slot)
                            .withLine(user.line());
                    if (user.isPhi()) {
                        user.block().predecessors().get(j).append(load);
                    } else if (user == user.block().terminator()) {
                        user.block().append(load);
                    } else {
                        user.block().insertBefore(user, load);
                    }
                    user.setOperand(j, load);
                }
            }
            Instruction store = new Instruction(Op.ARRAY_STORE, Opcodes.AASTORE, Type.VOID_TYPE, array, slot, object)
                    .withLine(object.line());
            List<Instruction> body = object.block().body();
            int at = body.indexOf(object);
            if (at + 1 < body.size()) {
                object.block().insertBefore(body.get(at + 1), store);
            } else {
                object.block().append(store);
            }
        }
    }

    /**
     * Whether {@code v} is an object from outside whose fields are only read: a field's, an array's
     * or a call's ({@code (Particle) design.get(i)}, through its cast), never one made here.
     */
    private static boolean isOnlyRead(Instruction v) {
        if (!fromOutside(v, 0) || v.users().isEmpty()) {
            return false;
        }
        for (Instruction user : v.users()) {
            if (user.op() != Op.FIELD_GET || user.operands().size() != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code v} is an object that was made outside the method: a static field's, a call's
     * result, or a field or element of such an object or array (not of one made here, whose fields
     * become variables), through casts.
     */
    private static boolean fromOutside(Value v, int depth) {
        if (!(v instanceof Instruction i)) {
            return true; // a parameter
        }
        if (depth > 8) {
            return false;
        }
        return switch (i.op()) {
            case CHECKCAST -> fromOutside(i.operand(0), depth + 1);
            case FIELD_GET -> i.operands().isEmpty() || fromOutside(i.operand(0), depth + 1);
            case ARRAY_LOAD -> fromOutside(i.operand(0), depth + 1);
            case INVOKE -> true;
            default -> false;
        };
    }

    /** Whether {@code v} is an element of a row of an array of arrays made here ({@code grid[i][j]}). */
    private static boolean isElementOfRow(Instruction v) {
        return v.op() == Op.ARRAY_LOAD && v.operand(0) instanceof Instruction row && row.op() == Op.ARRAY_LOAD
                && row.operand(0) instanceof Instruction grid && grid.op() == Op.NEW_ARRAY;
    }

    /** The one allocation each reference is, through casts and phis; fails if a reference may be two. */
    private static Map<Instruction, Instruction> allocations(List<Instruction> objects) {
        Map<Instruction, Instruction> out = new HashMap<>();
        for (Instruction v : objects) {
            if (v.op() == Op.NEW_OBJECT) {
                out.put(v, v);
            }
        }
        for (boolean changed = true; changed; ) {
            changed = false;
            for (Instruction v : objects) {
                if (out.containsKey(v) || v.op() != Op.PHI && v.op() != Op.CHECKCAST) {
                    continue;
                }
                // optimistic through phis not resolved yet (loops); checked below
                Instruction found = null;
                for (Value op : v.operands()) {
                    Instruction a = op instanceof Instruction i ? out.get(i) : null;
                    if (a != null) {
                        found = a;
                        break;
                    }
                }
                if (found != null) {
                    out.put(v, found);
                    changed = true;
                }
            }
        }
        for (Instruction v : objects) {
            if (!out.containsKey(v)) {
                throw new ValueObjects.Abandon(v.op() == Op.PHI || v.op() == Op.CHECKCAST
                        ? "a variable holds either a new object or one from outside"
                        : isElementOfRow(v) ? "an object is read from an array of arrays of objects ("
                                + JavaSyntax.type(v.type()) + "[][]), which Fluxion does not split as it splits a "
                                + JavaSyntax.type(v.type()) + "[]: index one " + JavaSyntax.type(v.type())
                                + "[] of rows * columns elements as [i * columns + j]"
                        : "a mutable object from outside (a field, an array, a call's result) is used");
            }
            for (Value op : v.operands()) {
                if (v.op() != Op.NEW_OBJECT && out.get(op instanceof Instruction i ? i : null) != out.get(v)) {
                    throw new ValueObjects.Abandon("a variable holds one of several mutable objects");
                }
            }
        }
        return out;
    }
}
