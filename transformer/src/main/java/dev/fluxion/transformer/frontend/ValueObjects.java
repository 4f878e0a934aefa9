package dev.fluxion.transformer.frontend;

import dev.fluxion.transformer.analysis.SideChannels;
import dev.fluxion.transformer.diagnostics.JavaSyntax;
import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Constant;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.IrFunction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Param;
import dev.fluxion.transformer.ir.Types;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Scalar replacement of value objects: a {@code record Vec3(double x, double y, double z)}, or a
 * final class whose fields are all final, created in the method to differentiate and used there,
 * becomes the numbers it holds, so that what is differentiated is plain scalar code, as C2's escape
 * analysis makes the same objects cost nothing in the primal.
 *
 * <p>First the constructors and methods of value classes are inlined (and the static methods of any
 * class, and the private ones of the method's own, that take or return value objects), then every
 * value object is replaced by its fields, flattened through nested value objects ({@code Ray(Vec3
 * origin, Vec3 dir)} is six numbers): a field read becomes the value the constructor stored, a phi
 * of objects a phi per field. Immutability is what makes this sound without tracking identity: an
 * object's fields are the values its constructor stored, wherever and however often it is read.
 * Value objects from outside (a static constant, an element of an array of records) are data: they
 * stay, and their fields are read where the code reads them.
 *
 * <p>All or nothing: if any object created here escapes (is passed to a method that is not inlined,
 * returned, stored in an array or a field, compared by reference), the method is left as parsed,
 * and the checks report the object as before.
 */
public final class ValueObjects {
    /** Instructions the inlining may add; an adjoint takes some 50 bytes of bytecode per instruction. */
    private static final int MAX_GROWTH = 1200;
    /** Inlined calls at most (recursion stops here). */
    private static final int MAX_INLINED = 400;

    /** The classes, {@code Double} as its model ({@link Boxes}). */
    private final Function<String, ClassNode> classes;
    /** The classes as they are, for what the method's class may reach. */
    private final Function<String, ClassNode> reachable;
    private final Map<String, Boolean> valueClasses = new HashMap<>();
    private final Map<String, Boolean> localClasses = new HashMap<>();
    /** Lowers the lists that inlining brought into view, and inlines what is now in view (their reads, dispatch). */
    private final java.util.function.Consumer<IrFunction> inlineInView;
    /** Methods with an {@code @AdjointOf} rule, whose calls stay calls. */
    private final java.util.function.Predicate<MemberRef> ruled;

    /** @param classes a class's parsed class file by internal name, or {@code null} if it cannot be read */
    private ValueObjects(Function<String, ClassNode> classes, java.util.function.Consumer<IrFunction> inlineInView,
            java.util.function.Predicate<MemberRef> ruled) {
        this.classes = name -> Boxes.DOUBLE.equals(name) ? Boxes.classNode(name) : classes.apply(name);
        this.reachable = classes;
        this.inlineInView = inlineInView;
        this.ruled = ruled;
    }

    /**
     * A method in SSA form, with its objects replaced by their numbers, or as parsed; then
     * {@code kept} says why its objects were kept (for the diagnostics), else it is {@code null};
     * {@code outOfReach} if that is because their code uses what the method's class may not reach,
     * the real cause of what the checks then report.
     */
    public record Lowered(IrFunction function, String kept, boolean outOfReach) {
    }

    /**
     * The method {@code parse} gives, with its objects replaced by their fields, or as parsed if it
     * has none or one escapes. {@code inlineInView} lowers the lists held by objects, once their
     * code is inlined ({@code new Scene(List.of(ball, ground))}, then the scene's methods, which
     * read the list from its field), as {@link ReadableCallees} lowers those made in the method.
     */
    public static Lowered lowered(Supplier<IrFunction> parse, java.util.function.Consumer<IrFunction> inlineInView,
            Function<String, ClassNode> classes, java.util.function.Predicate<MemberRef> ruled) {
        IrFunction f = parse.get();
        ValueObjects v = new ValueObjects(classes, inlineInView, ruled);
        if (!v.mentionsValueClasses(f)) {
            return new Lowered(f, null, false);
        }
        String why;
        try {
            if (v.lower(f)) {
                return new Lowered(f, null, false);
            }
            why = "code on objects is left that cannot be replaced";
        } catch (OutOfReach e) {
            return new Lowered(parse.get(), e.getMessage(), true);
        } catch (Abandon e) {
            why = e.getMessage();
        } catch (RuntimeException e) { // as parsed: the checks then report the objects as they are
            why = "an internal error replacing them (" + e + ")";
        }
        return new Lowered(parse.get(), why, false);
    }

    /** Thrown where the rewriting meets something it cannot replace; its message says what, for the user. */
    static class Abandon extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandon(String why) {
            super(why, null, false, false);
        }
    }

    /** Thrown where the objects' code uses what the method's class may not reach. */
    static final class OutOfReach extends Abandon {
        private static final long serialVersionUID = 1L;

        OutOfReach(String why) {
            super(why);
        }
    }

    /** What a use of an object that keeps it does, in a user's words. */
    static String describeUse(Instruction user) {
        if (user.op() == Op.INVOKE) { // into a list made here that stays a list: why it stays
            Value list = ListsMadeHere.isMadeHere(user) ? user
                    : user.opcode() != Opcodes.INVOKESTATIC && !user.operands().isEmpty() ? user.operand(0) : null;
            String why = ListsMadeHere.whyKept(list);
            if (why != null) {
                return "an object is put in a list that Fluxion does not follow: " + why;
            }
        }
        return switch (user.op()) {
            case INVOKE -> "an object is passed to " + JavaSyntax.method(user.member()) + ", which is not inlined";
            case FIELD_PUT -> "an object is stored in the field " + JavaSyntax.field(user.member());
            case ARRAY_STORE -> "an object is stored in an array";
            case RETURN -> "an object is returned";
            case IF -> "an object is compared by reference";
            case INVOKE_DYNAMIC -> "an object is captured by a lambda or a string concatenation";
            default -> "an object is used by " + user.op().name().toLowerCase();
        };
    }

    private boolean mentionsValueClasses(IrFunction f) {
        for (Block b : f.blocks()) {
            for (Instruction insn : b.instructions()) {
                if (isObjectType(insn.type()) && !Boxes.isBox(insn.type())) {
                    return true;
                }
            }
        }
        return Boxes.anyFollowed(f);
    }

    private boolean lower(IrFunction f) {
        Boxes.construct(f);
        inlineAll(f);
        forwardHeldObjects(f);
        inlineInView.accept(f);
        inlineAll(f); // the methods of the objects now in view, of known classes
        NullChecks.removeOfNewObjects(f); // Kotlin's checks of parameters, inlined: no escape
        ReferenceTypes.refine(f);
        demoteFieldsAssignedInBranches(f);
        java.util.Set<Instruction> data = replaceObjects(f);
        removeDeadObjectPhis(f);
        for (Block b : f.blocks()) {
            for (Instruction insn : b.instructions()) {
                boolean isStatic = insn.opcode() == Opcodes.GETSTATIC || insn.opcode() == Opcodes.PUTSTATIC
                        || insn.opcode() == Opcodes.INVOKESTATIC // a static table of a class that is also a value class: no object
                        || insn.opcode() == Opcodes.GETFIELD && insn.operand(0) instanceof Param; // a field of this: data
                boolean objectCode = isObjectType(insn.type()) || insn.member() != null && !isStatic
                        && (isValueClass(insn.member().owner()) || isLocalClass(insn.member().owner()));
                if (objectCode && !data.contains(insn) && !isRuledCallOnData(insn, data)) {
                    return false;
                }
                if (insn.member() != null && Access.reach(insn.member(), f.owner(), reachable) == Access.Reach.NONE) {
                    String what = insn.member().descriptor().startsWith("(")
                            ? "inlined code calls " + JavaSyntax.method(insn.member())
                            : "the code reads the field " + JavaSyntax.field(insn.member());
                    throw new OutOfReach(what + ", which " + JavaSyntax.type(Type.getObjectType(f.owner())) + " may not "
                            + "reach (a class of another package that is not public, or one Fluxion cannot read)");
                }
            }
        }
        return true;
    }

    /**
     * A call with an {@code @AdjointOf} rule on a value object from outside ({@code GAIN.times(x)}):
     * a call that stays, its receiver data, as the rule's derivative takes it.
     */
    private boolean isRuledCallOnData(Instruction insn, java.util.Set<Instruction> data) {
        return insn.op() == Op.INVOKE && insn.opcode() != Opcodes.INVOKESTATIC && ruled.test(insn.member())
                && (insn.operand(0) instanceof Param || insn.operand(0) instanceof Instruction receiver && data.contains(receiver));
    }

    /**
     * A mutable object or an array of objects held in a final field of a value object made here (an
     * anonymous class's {@code this$0}, the model whose method made it; a scene's {@code Shape[]}) is
     * the object itself wherever the field is read: the reads become the object, and the field is
     * given {@code null}, so that what {@link LocalObjects} sees of a mutable object from outside is
     * its reads, and what {@link ObjectArrays} sees of an array is its loads and stores, as if the
     * code used them directly. (Only while the holder is used field by field: shown, it would be
     * made again.)
     */
    private void forwardHeldObjects(IrFunction f) {
        for (Block b : f.blocks()) {
            for (Instruction store : List.copyOf(b.body())) {
                Type held = store.operands().size() == 2 ? store.operand(1).type() : Type.VOID_TYPE;
                boolean objects = held.getSort() == Type.ARRAY && held.getElementType().getSort() == Type.OBJECT;
                if (store.op() != Op.FIELD_PUT || !isLocalType(held) && !objects
                        || !(store.operand(0) instanceof Instruction object) || object.op() != Op.NEW_OBJECT
                        || !isValueType(object.type())) {
                    continue;
                }
                String field = store.member().name();
                List<Instruction> accesses = object.users().stream()
                        .filter(u -> u.member() != null && u.member().name().equals(field)).toList();
                boolean onlyFieldAccesses = object.users().stream().allMatch(u -> u.op() == Op.FIELD_GET
                        && u.operands().size() == 1 || u.op() == Op.FIELD_PUT && u.operand(0) == object && u.operand(1) != object);
                if (onlyFieldAccesses && accesses.stream().allMatch(u -> u == store || u.op() == Op.FIELD_GET && dominates(f, store, u))) {
                    for (Instruction read : accesses) {
                        if (read != store) {
                            read.replaceAllUsesWith(store.operand(1));
                            read.block().remove(read);
                        }
                    }
                    store.setOperand(1, Constant.zero(store.operand(1).type())); // a field nobody reads now
                }
            }
        }
    }

    /**
     * Removes the phis of objects that nothing but themselves uses: a loop's variable that holds a
     * different object each iteration ({@code Particle p = design.get(i)}) gets a phi at the loop's
     * head, which the SSA construction leaves once the object's fields are its reads.
     */
    private void removeDeadObjectPhis(IrFunction f) {
        java.util.Set<Instruction> dead = new java.util.LinkedHashSet<>();
        for (Block b : f.blocks()) {
            for (Instruction phi : b.phis()) {
                if (isObjectType(phi.type())) {
                    dead.add(phi);
                }
            }
        }
        // dead: used by dead phis only (loops of phis that use each other included)
        for (boolean changed = true; changed; ) {
            changed = dead.removeIf(phi -> !dead.containsAll(phi.users()));
        }
        for (Instruction phi : dead) {
            phi.clearOperands();
        }
        for (Instruction phi : dead) {
            phi.block().removePhi(phi);
        }
    }

    // ---- inlining -------------------------------------------------------------------------------

    /** The allocations whose constructor call has been split off ({@link #constructorCall}). */
    private final java.util.Set<Instruction> allocations = new java.util.HashSet<>();

    private void inlineAll(IrFunction f) {
        int growth = 0;
        int inlined = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < f.blocks().size() && !changed; i++) {
                Block b = f.blocks().get(i);
                for (Instruction insn : List.copyOf(b.body())) {
                    if (insn.op() == Op.NEW_OBJECT && isObjectType(insn.type()) && allocations.add(insn)) {
                        insn = constructorCall(b, insn);
                    }
                    if (isTrivialSuperConstructor(insn)) {
                        b.remove(insn);
                        continue;
                    }
                    IrFunction callee = inlinable(f, insn);
                    if (callee != null) {
                        growth += Inliner.size(callee);
                        if (growth > MAX_GROWTH || ++inlined > MAX_INLINED) {
                            throw new Abandon("its objects' methods are too much code to inline");
                        }
                        Inliner.inlineCall(f, b, insn, callee);
                        changed = true;
                        break; // the rest of b moved to a new block
                    }
                }
            }
        }
    }

    /**
     * Splits {@code new C(args)} into the allocation, which keeps no operands, and a call of the
     * constructor on it, which inlining then replaces by the constructor's body.
     */
    private static Instruction constructorCall(Block b, Instruction created) {
        Value[] operands = new Value[created.operands().size() + 1];
        operands[0] = created;
        for (int k = 0; k < created.operands().size(); k++) {
            operands[k + 1] = created.operand(k);
        }
        Instruction init = new Instruction(Op.INVOKE, Opcodes.INVOKESPECIAL, Type.VOID_TYPE, operands)
                .withMember(created.member()).withLine(created.line());
        int at = b.body().indexOf(created);
        if (at + 1 < b.body().size()) {
            b.insertBefore(b.body().get(at + 1), init);
        } else {
            b.append(init);
        }
        created.clearOperands();
        return init;
    }

    private boolean isTrivialSuperConstructor(Instruction insn) {
        return insn.op() == Op.INVOKE && insn.member().name().equals("<init>")
                && (insn.member().owner().equals("java/lang/Object") || insn.member().owner().equals("java/lang/Record"))
                && isObjectType(insn.operand(0).type());
    }

    /** The body to inline for {@code call}, its lines set to the call's, or {@code null} if it stays a call. */
    private IrFunction inlinable(IrFunction f, Instruction call) {
        if (call.op() != Op.INVOKE) {
            return null;
        }
        MemberRef m = call.member();
        if (ruled.test(m)) {
            return null; // the user's @AdjointOf rule differentiates the call: its code is not looked into
        }
        String runs = implementingClass(call); // an interface's method called on a record made here: the record's
        // a static method of a value class is a helper like any other (below), not the object's code
        boolean ofValueClass = call.opcode() != Opcodes.INVOKESTATIC && isValueClass(runs)
                || isLocalClass(runs) && dispatchesTo(call, runs);
        // a helper that takes or returns value objects: a static method of any class whose code can be
        // read (what it reaches must then be reachable from f's class), or a private one of f's class
        boolean helper = takesOrGivesValueObjects(m) && !isJdk(m.owner()) && (call.opcode() == Opcodes.INVOKESTATIC
                || call.opcode() == Opcodes.INVOKESPECIAL && m.owner().equals(f.owner()));
        // a record's toString, equals, hashCode are generated through ObjectMethods, whose bootstrap
        // reads the record's private fields: not inlined into another class, kept as calls on a copy
        if (!ofValueClass && !helper || SideChannels.isObjectMethod(m)) {
            return null;
        }
        ClassNode owner = classes.apply(runs);
        MethodNode method = owner == null ? null : declared(owner, m);
        if (method == null && owner != null && call.opcode() != Opcodes.INVOKESTATIC && call.opcode() != Opcodes.INVOKESPECIAL) {
            ClassNode[] declaring = new ClassNode[1]; // inherited: a default method of an interface the class implements
            method = MethodSelection.implementation(runs, m.name(), m.descriptor(), declaring, classes);
            owner = declaring[0];
        }
        if (method == null || method.instructions.size() == 0) {
            throw new Abandon("no code of " + JavaSyntax.method(m) + " to inline");
        }
        IrFunction body = BytecodeParser.parse(owner.name, method);
        for (Block b : body.blocks()) {
            for (Instruction insn : b.instructions()) {
                insn.withLine(call.line()); // diagnostics speak of the caller's line
            }
        }
        return body;
    }

    private static boolean isJdk(String owner) {
        return owner.startsWith("java/") || owner.startsWith("javax/") || owner.startsWith("jdk/");
    }

    private static MethodNode declared(ClassNode c, MemberRef m) {
        return c.methods.stream().filter(n -> n.name.equals(m.name()) && n.desc.equals(m.descriptor())).findFirst().orElse(null);
    }

    /**
     * The class whose method {@code call} runs, when it is an interface's or a superclass's method
     * called on an object of a value class made here ({@code Rhs rhs = new Decay(k); rhs.slope(y)}),
     * or cast to one (a branch of a {@link TypeSwitch}), that has it (declared or inherited): that
     * class. ({@link ReadableCallees} inlines such calls first where the method's class lets the
     * caller reach what it reads; a record's fields are private, and are replaced here by their
     * values.) Else the class the call names.
     */
    private String implementingClass(Instruction call) {
        String named = call.member().owner();
        if (call.opcode() != Opcodes.INVOKEINTERFACE && call.opcode() != Opcodes.INVOKEVIRTUAL) {
            return named;
        }
        Value receiver = call.operand(0);
        while (receiver instanceof Instruction r && r.op() == Op.CHECKCAST && !isValueType(r.type())) {
            receiver = r.operand(0);
        }
        // made here, or cast to a value class, which is final: an object of exactly that class
        boolean exactly = receiver instanceof Instruction r && (r.op() == Op.NEW_OBJECT || r.op() == Op.CHECKCAST);
        if (!exactly) {
            return named;
        }
        String exact = receiver.type().getInternalName();
        ClassNode c = exact.equals(named) || !isValueClass(exact) ? null : classes.apply(exact);
        // its own method, or one it inherits (a default method of its interface), as the JVM selects it
        MethodNode method = c == null ? null
                : MethodSelection.implementation(exact, call.member().name(), call.member().descriptor(), new ClassNode[1], classes);
        return method != null ? exact : named;
    }

    /**
     * Whether an instance call on a mutable class runs that class's method: its receiver is an object
     * of exactly that class created here, or an element of an array that holds only such objects (a
     * subclass could override it). Static calls do.
     */
    private static boolean dispatchesTo(Instruction call, String owner) {
        if (call.opcode() == Opcodes.INVOKESTATIC) {
            return true;
        }
        Value receiver = call.operand(0);
        for (int depth = 0; depth < 8 && receiver instanceof Instruction r; depth++) {
            if (r.op() == Op.NEW_OBJECT) {
                return r.type().getInternalName().equals(owner);
            }
            if (r.op() == Op.ARRAY_LOAD) { // an element of an array of objects created here: ps[i].step(dt)
                return owner.equals(ObjectArrays.elementClass(r.operand(0)));
            }
            if (r.op() != Op.CHECKCAST && r.op() != Op.PHI) {
                return false;
            }
            receiver = r.operand(0);
        }
        return false;
    }

    private boolean takesOrGivesValueObjects(MemberRef m) {
        if (isValueType(Type.getReturnType(m.descriptor()))) {
            return true;
        }
        for (Type t : Type.getArgumentTypes(m.descriptor())) {
            if (isValueType(t)) {
                return true;
            }
        }
        return false;
    }


    // ---- value classes --------------------------------------------------------------------------

    private boolean isValueType(Type t) {
        return t.getSort() == Type.OBJECT && isValueClass(t.getInternalName());
    }

    private boolean isLocalType(Type t) {
        return t.getSort() == Type.OBJECT && isLocalClass(t.getInternalName());
    }

    /** The objects this pass replaces: value objects, and mutable objects created here. */
    private boolean isObjectType(Type t) {
        return isValueType(t) || isLocalType(t);
    }

    /**
     * Classes of value objects whose constructor assigns a field in two places ({@code if (sq) { v =
     * a * a; } else { v = a; }}): a field is then not one stored value but a value per path, which
     * {@link LocalObjects} gives it (an SSA variable per field, phis where the paths join), so they
     * are lowered as mutable objects are. Only classes whose fields are all numbers or arrays of
     * numbers (LocalObjects' own condition).
     */
    private final java.util.Set<String> demoted = new java.util.HashSet<>();

    private void demoteFieldsAssignedInBranches(IrFunction f) {
        Map<Instruction, java.util.Set<String>> stored = new HashMap<>();
        for (Block b : f.blocks()) {
            for (Instruction insn : b.body()) {
                if (insn.op() == Op.FIELD_PUT && insn.operands().size() == 2 && insn.operand(0) instanceof Instruction o
                        && o.op() == Op.NEW_OBJECT && isValueType(o.type())
                        && !stored.computeIfAbsent(o, k -> new java.util.HashSet<>()).add(insn.member().name())
                        && onlyNumbers(o.type().getInternalName())) {
                    demoted.add(o.type().getInternalName());
                    valueClasses.remove(o.type().getInternalName());
                    localClasses.remove(o.type().getInternalName());
                }
            }
        }
    }

    private boolean onlyNumbers(String internalName) {
        for (FieldNode field : fields(internalName)) {
            Type t = Type.getType(field.desc);
            if (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY && t.getElementType().getSort() == Type.OBJECT) {
                return false;
            }
        }
        return true;
    }

    /**
     * A class of mutable objects ({@link LocalObjects}): a concrete class extending {@code Object}
     * with a field that is not final, every field a number, an array of numbers or a value object.
     */
    private boolean isLocalClass(String internalName) {
        if (demoted.contains(internalName)) {
            return true;
        }
        return localClasses.computeIfAbsent(internalName, name -> {
            if (isJdk(name) || isValueClass(name)) {
                return false;
            }
            ClassNode c = classes.apply(name);
            if (c == null || c.name == null || (c.access & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT
                    | Opcodes.ACC_ENUM)) != 0 || !"java/lang/Object".equals(c.superName)) {
                return false;
            }
            boolean mutable = false;
            for (FieldNode field : c.fields) {
                if ((field.access & Opcodes.ACC_STATIC) != 0) {
                    continue;
                }
                Type t = Type.getType(field.desc);
                boolean number = t.getSort() != Type.OBJECT && t.getSort() != Type.ARRAY
                        || t.getSort() == Type.ARRAY && t.getElementType().getSort() != Type.OBJECT;
                if (!number && !isValueType(t)) {
                    return false;
                }
                mutable |= (field.access & Opcodes.ACC_FINAL) == 0;
            }
            return mutable;
        });
    }

    /**
     * A record, or a final class whose instance fields are all final, extending {@code Object}:
     * its objects are values, equal to the numbers they hold.
     */
    private boolean isValueClass(String internalName) {
        if (demoted.contains(internalName)) {
            return false;
        }
        return valueClasses.computeIfAbsent(internalName, name -> {
            if (Boxes.DOUBLE.equals(name)) {
                return true;
            }
            if (isJdk(name)) {
                return false;
            }
            return isValueClass(classes.apply(name));
        });
    }

    /**
     * Whether {@code c} is a record or a final class whose instance fields, one at least, are all
     * final. An anonymous class ({@code new Rhs() { ... }}, its fields the values it captured) is
     * final too: no class can extend it.
     */
    static boolean isValueClass(ClassNode c) {
        if (c == null || c.name == null || (c.access & Opcodes.ACC_FINAL) == 0 && !isAnonymous(c)
                || (c.access & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT | Opcodes.ACC_ENUM)) != 0
                || !(c.superName.equals("java/lang/Object") || c.superName.equals("java/lang/Record"))) {
            return false;
        }
        boolean anyField = false;
        for (FieldNode field : c.fields) {
            if ((field.access & Opcodes.ACC_STATIC) == 0) {
                anyField = true;
                if ((field.access & Opcodes.ACC_FINAL) == 0) {
                    return false;
                }
            }
        }
        return anyField;
    }

    private static boolean isAnonymous(ClassNode c) {
        return c.innerClasses != null && c.innerClasses.stream().anyMatch(i -> i.name.equals(c.name) && i.innerName == null);
    }

    /** The instance fields of a value class, in declaration order. */
    private List<FieldNode> fields(String internalName) {
        List<FieldNode> out = new ArrayList<>();
        for (FieldNode field : classes.apply(internalName).fields) {
            if ((field.access & Opcodes.ACC_STATIC) == 0) {
                out.add(field);
            }
        }
        return out;
    }

    // ---- scalar replacement ---------------------------------------------------------------------

    /** A value object as the numbers it holds: its fields, nested value objects flattened to theirs. */
    private record Fields(Map<String, Object> byName) {
        /** A field's number ({@link Value}) or nested object ({@link Fields}). */
        Object get(String name) {
            Object v = byName.get(name);
            if (v == null) {
                throw new Abandon("field " + name + " never assigned");
            }
            return v;
        }
    }

    /** The values of {@link #replaceObjects} that stay, data from outside and its reads. */
    private java.util.Set<Instruction> dataValues = new java.util.HashSet<>();

    /**
     * Replaces the objects created here by their numbers; returns the instructions that stay: value
     * objects that come from outside (data: a static constant, an element of an array of records, a
     * parameter of the model), which are read, never differentiated, and the reads of their fields.
     */
    private java.util.Set<Instruction> replaceObjects(IrFunction f) {
        LocalObjects.choicesIntoArrays(f, this::isLocalType); // a reference to one of several: an index into an array of them
        ObjectArrays.replace(f, this::isObjectType, this::isValueType, this::fields, classes); // their objects are then local ones
        // their fields may hold value objects, replaced next; mutable objects from outside only read are data
        java.util.Set<Instruction> outsideReads = LocalObjects.replace(f, this::isLocalType, this::fields);
        List<Instruction> all = new ArrayList<>();
        for (Block b : f.blocks()) {
            for (Instruction insn : b.instructions()) {
                if (insn.hasValue() && isValueType(insn.type())) {
                    all.add(insn);
                }
            }
        }
        java.util.Set<Instruction> created = createdHere(all);
        List<Instruction> objects = all.stream().filter(created::contains).toList();
        java.util.Set<Instruction> data = new java.util.HashSet<>(all);
        data.removeAll(created);
        data.addAll(outsideReads);
        dataValues = data;
        for (Instruction v : objects) {
            checkUses(v);
        }
        data.addAll(readsOfData(f, data));
        Map<Instruction, Map<String, Value>> stores = new HashMap<>();
        for (Block b : f.blocks()) {
            for (Instruction insn : b.body()) {
                if (insn.op() == Op.FIELD_PUT && insn.operands().size() == 2 && created.contains(insn.operand(0))) {
                    Instruction object = (Instruction) insn.operand(0);
                    if (stores.computeIfAbsent(object, k -> new LinkedHashMap<>()).put(insn.member().name(), insn.operand(1))
                            != null) {
                        throw new Abandon("a field assigned twice");
                    }
                }
            }
        }
        for (Map.Entry<Instruction, Map<String, Value>> e : stores.entrySet()) {
            checkReadsAfterStores(f, e.getKey());
        }
        Map<Value, Fields> fields = new HashMap<>();
        List<Instruction> phis = new ArrayList<>();
        java.util.Set<Instruction> nullable = nullable(objects);
        for (Instruction[] use : shownUses) {
            if (nullable.contains(use[1])) { // made again from its numbers, it would never be null
                throw new Abandon(Boxes.isBox(use[1].type()) ? "a Double that may be null is used as an object (" + describeUse(use[0])
                        .replaceFirst("^an object is ", "") + ")" : "a record that may be null is shown");
            }
        }
        for (Instruction v : objects) {
            if (v.op() == Op.PHI) {
                Fields phiFields = phiFields(v, v.type().getInternalName());
                if (nullable.contains(v)) { // a record or null: whether it is there, a number of its own
                    Instruction present = new Instruction(Op.PHI, -1, Type.INT_TYPE).withLine(v.line());
                    v.block().addPhi(present);
                    phiFields.byName().put(PRESENT, present);
                }
                fields.put(v, phiFields);
                phis.add(v);
            }
        }
        for (Instruction v : objects) {
            fieldsOf(v, fields, stores);
        }
        for (Instruction phi : phis) {
            for (Value operand : phi.operands()) {
                if (!isNull(operand)) {
                    fieldsOf(operand, fields, stores);
                }
            }
            fillPhi(fields.get(phi), phi, fields, List.of());
        }
        testsOfNull(objects, fields);
        // a record only shown (printed, concatenated, its toString, equals, hashCode) is made again
        // where it is shown, from its numbers: immutable, a copy shows and compares the same
        for (Instruction[] use : shownUses) {
            Instruction user = use[0];
            for (int k = 0; k < user.operands().size(); k++) {
                if (user.operand(k) == use[1]) {
                    user.setOperand(k, remade(user, use[1].type(), fieldsOf(use[1], fields, stores), data));
                }
            }
            if (user.op() == Op.INVOKE && SideChannels.isObjectMethod(user.member())) {
                data.add(user); // stays: a call of the record's own method, on copies
            }
        }
        // field reads become the numbers; then every object instruction goes
        for (Block b : f.blocks()) {
            for (Instruction insn : List.copyOf(b.body())) {
                if (isReadOfNumber(insn, fields)) {
                    insn.replaceAllUsesWith(number(insn, fields));
                }
            }
        }
        for (Block b : f.blocks()) {
            for (Instruction insn : List.copyOf(b.body())) {
                if (insn.op() == Op.FIELD_PUT && fields.containsKey(insn.operand(0))) {
                    b.remove(insn);
                }
            }
        }
        for (Block b : f.blocks()) {
            for (Instruction insn : List.copyOf(b.body())) {
                if (insn.op() == Op.FIELD_GET && insn.operands().size() == 1 && fields.containsKey(insn.operand(0))) {
                    b.remove(insn);
                }
            }
        }
        for (Instruction v : objects) {
            for (Instruction user : List.copyOf(v.users())) {
                if (objects.contains(user)) {
                    user.clearOperands();
                }
            }
        }
        for (Instruction v : objects) {
            if (!v.users().isEmpty()) {
                throw new Abandon("an object still used by " + v.users().get(0).op());
            }
            if (v.isPhi()) {
                v.block().removePhi(v);
            } else {
                v.block().remove(v);
            }
        }
        return data;
    }

    private boolean isReadOfNumber(Value v, Map<Value, Fields> fields) {
        return v instanceof Instruction i && i.op() == Op.FIELD_GET && i.operands().size() == 1
                && fields.containsKey(i.operand(0)) && !isValueType(i.type());
    }

    /**
     * The number a read of a field of a value object made here is: what was stored there, itself
     * such a read, perhaps (a record made from another's field, {@code new V(2 * b.x(), b.y())}),
     * which is then followed to its number, whichever of the two reads is replaced first.
     */
    private Value number(Instruction read, Map<Value, Fields> fields) {
        Value v = read;
        for (int depth = 0; depth < 64 && isReadOfNumber(v, fields); depth++) {
            Instruction i = (Instruction) v;
            v = (Value) fields.get(i.operand(0)).get(i.member().name());
        }
        return v;
    }

    /**
     * The value objects created in this code: allocations, and the phis, casts and nested fields of
     * them. A phi that mixes them with objects from outside cannot be replaced.
     */
    private static java.util.Set<Instruction> createdHere(List<Instruction> objects) {
        java.util.Set<Instruction> created = new java.util.HashSet<>();
        for (boolean changed = true; changed; ) {
            changed = false;
            for (Instruction v : objects) {
                boolean isCreated = switch (v.op()) {
                    case NEW_OBJECT -> true;
                    case PHI, CHECKCAST -> v.operands().stream().anyMatch(created::contains);
                    case FIELD_GET -> v.operands().size() == 1 && created.contains(v.operand(0));
                    default -> false;
                };
                if (isCreated && created.add(v)) {
                    changed = true;
                }
            }
        }
        for (Instruction v : created) {
            if (v.isPhi() && !v.operands().stream().allMatch(o -> created.contains(o) || isNull(o))) {
                throw new Abandon("a variable holds either a new object or one from outside");
            }
        }
        return created;
    }

    /**
     * The field reads of objects from outside, which stay: a record's field is read through its
     * accessor (the field itself is private to the record), another class's through the field if
     * the caller may read it.
     */
    private java.util.Set<Instruction> readsOfData(IrFunction f, java.util.Set<Instruction> data) {
        java.util.Set<Instruction> reads = new java.util.HashSet<>();
        for (Block b : f.blocks()) {
            for (Instruction read : List.copyOf(b.body())) {
                if (read.op() != Op.FIELD_GET || read.operands().size() != 1 || !data.contains(read.operand(0))) {
                    continue;
                }
                Instruction kept = readOfData(b, read);
                reads.add(kept);
                if (kept != read) {
                    data.remove(read);
                    if (isValueType(kept.type())) {
                        data.add(kept); // a nested object from outside is data too
                    }
                }
            }
        }
        return reads;
    }

    /**
     * {@code read}, a read of a field of an object from outside, as it stays: a call of the record's
     * accessor in its place (returned), or itself, if f's class may read the field (checked with all
     * the code left).
     */
    private Instruction readOfData(Block b, Instruction read) {
        MethodNode accessor = trivialAccessor(read.member());
        if (accessor == null) {
            return read;
        }
        Instruction call = new Instruction(Op.INVOKE, Opcodes.INVOKEVIRTUAL, read.type(), read.operand(0))
                .withMember(new MemberRef(read.member().owner(), accessor.name, accessor.desc))
                .withLine(read.line());
        b.insertBefore(read, call);
        read.replaceAllUsesWith(call);
        b.remove(read);
        return call;
    }

    /**
     * The numbers of {@code object}, a value object from outside stored in a field of one made here
     * ({@code new Wall(UP, d)}, {@code new Line(LINE.origin(), ..)}): its fields read, through their
     * accessors, just before {@code store} stored it (immutable: they never change), and kept as
     * data.
     */
    private Fields fieldsOfData(Value object, Instruction store) {
        Map<String, Object> byName = new LinkedHashMap<>();
        String owner = object.type().getInternalName();
        for (FieldNode field : fields(owner)) {
            Type t = Type.getType(field.desc);
            Instruction read = new Instruction(Op.FIELD_GET, Opcodes.GETFIELD, Types.computational(t), object)
                    .withMember(new MemberRef(owner, field.name, field.desc)).withLine(store.line());
            store.block().insertBefore(store, read);
            Instruction kept = readOfData(store.block(), read);
            dataValues.add(kept);
            byName.put(field.name, isValueType(t) ? fieldsOfData(kept, store) : kept);
        }
        return new Fields(byName);
    }

    /** The store of {@code value} into the field {@code name} of the new object {@code object}. */
    private static Instruction storeOf(Instruction object, String name, Value value) {
        for (Instruction user : object.users()) {
            if (user.op() == Op.FIELD_PUT && user.operands().size() == 2 && user.operand(0) == object
                    && user.member().name().equals(name) && user.operand(1) == value) {
                return user;
            }
        }
        throw new Abandon("a value object stored where Fluxion cannot find it");
    }

    /** A record's accessor for the field {@code field}, if it only returns the field (as javac writes it). */
    private MethodNode trivialAccessor(MemberRef field) {
        if (field.owner().equals(Boxes.DOUBLE)) {
            return Boxes.accessor();
        }
        ClassNode c = classes.apply(field.owner());
        if (c == null || !"java/lang/Record".equals(c.superName)) {
            return null;
        }
        String desc = "()" + field.descriptor();
        for (MethodNode m : c.methods) {
            if (m.name.equals(field.name()) && m.desc.equals(desc) && (m.access & Opcodes.ACC_PUBLIC) != 0) {
                int[] ops = java.util.stream.StreamSupport.stream(m.instructions.spliterator(), false)
                        .mapToInt(org.objectweb.asm.tree.AbstractInsnNode::getOpcode).filter(op -> op >= 0).toArray();
                boolean trivial = ops.length == 3 && ops[0] == Opcodes.ALOAD && ops[1] == Opcodes.GETFIELD
                        && ops[2] >= Opcodes.IRETURN && ops[2] <= Opcodes.ARETURN;
                return trivial ? m : null;
            }
        }
        return null;
    }

    /**
     * A field read of a new object must come after the constructor's store to the field (on every
     * path): a constructor that calls a method reading a field it has not assigned yet reads the
     * default, not the value stored later.
     */
    private static void checkReadsAfterStores(IrFunction f, Instruction object) {
        for (Instruction read : object.users()) {
            if (read.op() != Op.FIELD_GET) {
                continue;
            }
            Instruction store = object.users().stream().filter(u -> u.op() == Op.FIELD_PUT && u.operand(0) == object
                    && u.member().name().equals(read.member().name())).findFirst().orElse(null);
            if (store == null || !dominates(f, store, read)) {
                throw new Abandon("field " + read.member().name() + " read before it is assigned");
            }
        }
    }

    /** Whether {@code a} runs before {@code b} on every path to {@code b}. */
    static boolean dominates(IrFunction f, Instruction a, Instruction b) {
        if (a.block() == b.block()) {
            return a.block().body().indexOf(a) < a.block().body().indexOf(b);
        }
        java.util.Set<Block> seen = new java.util.HashSet<>(List.of(a.block()));
        java.util.ArrayDeque<Block> work = new java.util.ArrayDeque<>(List.of(f.entry()));
        while (!work.isEmpty()) {
            Block x = work.pop();
            if (x == b.block()) {
                return false; // reached without passing a's block
            }
            if (seen.add(x)) {
                work.addAll(x.successors());
            }
        }
        return true;
    }

    /** Every use of a value object must be one that scalar replacement removes. */
    /** Uses of records that only show them ({@link #isShownUse}): each gets a copy of the record, made there. */
    private final List<Instruction[]> shownUses = new ArrayList<>();

    private void checkUses(Instruction v) {
        for (Instruction user : v.users()) {
            if (isShownUse(user, v)) {
                shownUses.add(new Instruction[] {user, v});
                continue;
            }
            if (Boxes.isBox(v.type()) && user.op() == Op.IF && user.opcode() != Opcodes.IFNULL && user.opcode() != Opcodes.IFNONNULL) {
                throw new Abandon("two Doubles are compared with == or != (by reference, not by value: compare their "
                        + "numbers, a.doubleValue() == b.doubleValue())");
            }
            if (!removable(user, v)) {
                throw new Abandon(describeUse(user));
            }
        }
    }

    /** Whether scalar replacement removes {@code user}, a use of the value object {@code v}. */
    private boolean removable(Instruction user, Instruction v) {
        return switch (user.op()) {
            case FIELD_GET -> user.operands().size() == 1;
            // the constructor's stores into the new object, or an object stored into a new object's field
            case FIELD_PUT -> user.operands().size() == 2 && user.operand(0) == v && v.op() == Op.NEW_OBJECT
                    || user.operand(1) == v && user.operand(0) instanceof Instruction o && o.op() == Op.NEW_OBJECT
                            && isValueType(o.type());
            case PHI, CHECKCAST -> isValueType(user.type());
            case IF -> user.opcode() == Opcodes.IFNULL || user.opcode() == Opcodes.IFNONNULL; // hit != null
            default -> false;
        };
    }

    /**
     * Whether {@code user} only shows the record {@code v}: passes it to a display call (printing,
     * a string builder, a logger, {@code String.valueOf}), concatenates it into a string, or is the
     * record's own {@code toString}, {@code equals} or {@code hashCode} ({@code ObjectMethods}).
     */
    private boolean isShownUse(Instruction user, Instruction v) {
        if (Boxes.isBox(v.type())) { // boxed again where it goes (below): the checks judge that box as they always have
            return !removable(user, v) && user.op() != Op.IF && user.op() != Op.PHI;
        }
        ClassNode c = classes.apply(v.type().getInternalName());
        if (c == null || (c.access & Opcodes.ACC_RECORD) == 0) {
            return false;
        }
        if (user.op() == Op.INVOKE_DYNAMIC) {
            String bsm = user.bootstrap().bsm.getOwner();
            return bsm.equals("java/lang/invoke/StringConcatFactory") || bsm.equals("java/lang/runtime/ObjectMethods");
        }
        if (user.op() == Op.INVOKE && SideChannels.isObjectMethod(user.member())) {
            return true; // a.equals(b), a.hashCode(), a.toString(): generated from the record's fields
        }
        if (user.op() != Op.INVOKE || user.operand(0) == v && user.opcode() != Opcodes.INVOKESTATIC) {
            return false;
        }
        String owner = user.member().owner();
        return owner.equals("java/io/PrintStream") || owner.equals("java/io/PrintWriter")
                || owner.equals("java/lang/StringBuilder") || owner.equals("java/util/logging/Logger")
                || owner.equals("java/lang/String") && user.member().name().equals("valueOf")
                || owner.equals("java/util/Objects") && user.member().name().equals("toString");
    }

    /** A new record of {@code type} holding {@code fields} (nested records made too), inserted before {@code at}. */
    private Instruction remade(Instruction at, Type type, Fields fields, java.util.Set<Instruction> kept) {
        if (Boxes.isBox(type)) {
            Instruction box = Boxes.box(at, (Value) fields.get(fields.byName().keySet().iterator().next()));
            kept.add(box);
            return box;
        }
        List<Value> args = new ArrayList<>();
        StringBuilder desc = new StringBuilder("(");
        for (FieldNode field : fields(type.getInternalName())) {
            Type t = Type.getType(field.desc);
            Object value = fields.get(field.name);
            args.add(value instanceof Fields nested ? remade(at, t, nested, kept) : (Value) value);
            desc.append(field.desc);
        }
        Instruction made = new Instruction(Op.NEW_OBJECT, Opcodes.NEW, type, args.toArray(Value[]::new))
                .withMember(new MemberRef(type.getInternalName(), "<init>", desc.append(")V").toString()))
                .withTypeOperand(type).withLine(at.line());
        at.block().insertBefore(at, made);
        kept.add(made);
        return made;
    }

    /** The fields of {@code v}: stored by its constructor, or its phi's, its cast's or the field it was read from. */
    private Fields fieldsOf(Value v, Map<Value, Fields> fields, Map<Instruction, Map<String, Value>> stores) {
        Fields known = fields.get(v);
        if (known != null) {
            return known;
        }
        if (!(v instanceof Instruction insn)) {
            throw new Abandon("a variable holds either a new object or null");
        }
        Fields out = switch (insn.op()) {
            case NEW_OBJECT -> {
                Map<String, Object> byName = new LinkedHashMap<>();
                Map<String, Value> stored = stores.getOrDefault(insn, Map.of());
                for (FieldNode field : fields(insn.type().getInternalName())) {
                    Value value = stored.get(field.name);
                    if (value == null) {
                        throw new Abandon("field " + field.name + " never assigned");
                    }
                    boolean isData = value instanceof Param || value instanceof Instruction i && dataValues.contains(i);
                    byName.put(field.name, !isValueType(Type.getType(field.desc)) ? value
                            : isData ? fieldsOfData(value, storeOf(insn, field.name, value)) : fieldsOf(value, fields, stores));
                }
                yield new Fields(byName);
            }
            case CHECKCAST -> fieldsOf(insn.operand(0), fields, stores);
            case FIELD_GET -> {
                Object nested = fieldsOf(insn.operand(0), fields, stores).get(insn.member().name());
                if (!(nested instanceof Fields n)) {
                    throw new Abandon("a value object read as a number");
                }
                yield n;
            }
            default -> throw new Abandon("a value object made by " + insn.op());
        };
        fields.put(v, out);
        return out;
    }

    /** The key of a nullable value object's presence (1 if it is there, 0 for null) among its numbers. */
    private static final String PRESENT = "#present";

    private static boolean isNull(Value v) {
        return v instanceof Constant c && c.value() == null && c.type().getSort() == Type.OBJECT;
    }

    /** The phis among {@code objects} that may be null: a null operand, or a phi or cast that may be. */
    private static java.util.Set<Instruction> nullable(List<Instruction> objects) {
        java.util.Set<Instruction> out = new java.util.HashSet<>();
        for (boolean changed = true; changed; ) {
            changed = false;
            for (Instruction v : objects) {
                boolean may = (v.op() == Op.PHI || v.op() == Op.CHECKCAST)
                        && v.operands().stream().anyMatch(o -> isNull(o) || o instanceof Instruction i && out.contains(i));
                if (may && out.add(v)) {
                    changed = true;
                }
            }
        }
        for (Instruction v : out) {
            if (v.op() == Op.CHECKCAST) {
                throw new Abandon("a cast of an object that may be null"); // its fields are its operand's, presence included
            }
        }
        return out;
    }

    /**
     * {@code if (hit == null)} and {@code if (hit != null)} on an object made here: a test of its
     * presence (a new object's is 1, null's 0, a phi's the phi of theirs).
     */
    private static void testsOfNull(List<Instruction> objects, Map<Value, Fields> fields) {
        for (Instruction v : objects) {
            for (Instruction test : List.copyOf(v.users())) {
                if (test.op() != Op.IF) {
                    continue;
                }
                Object present = fields.get(v).byName().get(PRESENT);
                Value flag = present == null ? Constant.ofInt(1) : (Value) present;
                Instruction replacement = new Instruction(Op.IF, test.opcode() == Opcodes.IFNULL ? Opcodes.IFEQ : Opcodes.IFNE,
                        Type.VOID_TYPE, flag).withLine(test.line());
                replacement.targets().addAll(test.targets());
                test.block().replaceTerminator(replacement);
            }
        }
    }

    /** A phi per number of a value object of class {@code owner}, at {@code phi}'s block, operands to come. */
    private Fields phiFields(Instruction phi, String owner) {
        Map<String, Object> byName = new LinkedHashMap<>();
        for (FieldNode field : fields(owner)) {
            Type t = Type.getType(field.desc);
            if (isValueType(t)) {
                byName.put(field.name, phiFields(phi, t.getInternalName()));
            } else {
                Instruction p = new Instruction(Op.PHI, -1, Types.computational(t)).withLine(phi.line());
                phi.block().addPhi(p);
                byName.put(field.name, p);
            }
        }
        return new Fields(byName);
    }

    /** Gives each number's phi the matching number of each of {@code phi}'s operands ({@code path}: the nested fields so far). */
    private static void fillPhi(Fields target, Instruction phi, Map<Value, Fields> fields, List<String> path) {
        for (Map.Entry<String, Object> e : target.byName().entrySet()) {
            List<String> at = new ArrayList<>(path);
            at.add(e.getKey());
            if (e.getValue() instanceof Fields nested) {
                fillPhi(nested, phi, fields, at);
                continue;
            }
            Instruction p = (Instruction) e.getValue();
            for (Value operand : phi.operands()) {
                if (isNull(operand)) { // null: no numbers (zeros, never read when it is tested first), not there
                    p.addOperand(at.equals(List.of(PRESENT)) ? Constant.ofInt(0) : Constant.zero(p.type()));
                    continue;
                }
                Object number = fields.get(operand);
                for (String name : at) {
                    number = name.equals(PRESENT) && !((Fields) number).byName().containsKey(PRESENT) ? Constant.ofInt(1)
                            : ((Fields) number).get(name);
                }
                p.addOperand((Value) number);
            }
        }
    }
}
