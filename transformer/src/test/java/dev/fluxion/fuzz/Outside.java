package dev.fluxion.fuzz;

import static dev.fluxion.fuzz.Construct.*;

import dev.fluxion.fuzz.Node.Sort;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What a program declares outside its methods, for its differentiated code to call through
 * without knowing what runs, as code that is handed its functions is written:
 *
 * <ul>
 *   <li>{@link Construct#DISPATCH_OUTSIDE}: an interface {@code Fn} (and {@code Fn2}, of two
 *       arguments), two or three final classes and records implementing it, with fields of
 *       constants and a {@code @Differentiable} method whose body is generated, and static final
 *       fields and arrays of their objects ({@code static final Fn[] FNS = {new Scale(0.5), ...}}).
 *       Calls on them are dispatched when they run (the runtime's {@code VirtualDerivatives}).
 *   <li>{@link Construct#LAMBDA_OUTSIDE}: static final fields of {@code DoubleUnaryOperator}s and
 *       {@code DoubleBinaryOperator}s made by the class's static initializer (lambdas with generated
 *       bodies, {@code Math} method references, lambdas capturing a constant made in a loop, a
 *       reference bound to an object of {@code Fn}). Their derivatives are generated when a call
 *       first meets them ({@code LambdaDerivatives} and the on-demand generator).
 * </ul>
 *
 * Written with a random source of its own, before the methods; the declarations that no method
 * calls are left out of the program ({@link #declarations}).
 */
final class Outside {
    /**
     * A static final field of a functional type, or an array of {@code count} of them
     * ({@code count > 0}), that calls go through: {@code field.method(args)} or
     * {@code field[i].method(args)}, {@code arity} arguments within {@link Var#PLAIN_CAP} (or, for
     * an arity of 0, one {@code double[]}), the result within {@code bound}; {@code construct} is
     * what a call stands for.
     */
    record Target(String field, String type, int count, int arity, String method, double bound, Construct construct) {
        boolean isArray() {
            return count > 0;
        }

        boolean takesArray() {
            return arity == 0;
        }
    }

    /** What an implementation's fields are set to by the objects made of it. */
    private static final double[] CONSTANTS = {0.5, 1.5, -0.75, 2.0, 0.3, -1.25, 0.8};
    private static final double CONSTANT_CAP = 2.0;
    /** Functions from {@code Math} that make fine method references: defined and smooth enough everywhere. */
    private static final List<String> MATH_REFERENCES = List.of("Math::sin", "Math::cos", "Math::tanh", "Math::atan");
    private static final List<String> MATH_BINARY_REFERENCES = List.of("Math::hypot", "Math::max", "Math::min");
    /** Constructs no body written here uses: calls back through the outside (endless), and what only an entry point has. */
    private static final Set<Construct> NOT_IN_BODIES = EnumSet.of(DISPATCH_OUTSIDE, LAMBDA_OUTSIDE, SUM_OVER_POINTS,
            TAIL_CALL);

    private final SplittableRandom rng;
    private final Set<Construct> enabled;
    private final Functions.Library library;
    private final List<Target> targets = new ArrayList<>();
    private final Map<Construct, List<Node>> declared = new EnumMap<>(Construct.class);
    private final Set<Construct> used = EnumSet.noneOf(Construct.class);
    /** The declarations the LAMBDA_OUTSIDE ones need (a reference bound to an object of a class of Fn). */
    private final Set<Construct> needs = EnumSet.noneOf(Construct.class);
    /** Whether the interface {@code Fv} (of a {@code double[]}) was declared. */
    private boolean vectorInterface;
    /** Whether the classes of {@code Fv} may write into the array they are given. */
    private boolean vectorWrites;

    /**
     * Whether a call through {@code t} may write into the array it is given (the classes of
     * {@code Fv} sometimes do). Fluxion assumes any call through an interface may: a caller
     * passing the array on must count it written either way ({@link MethodScope#noteWrite}).
     */
    boolean writesItsArray(Target t) {
        return t.takesArray() && vectorWrites && t.construct() == DISPATCH_OUTSIDE;
    }
    /** The classes implementing {@code Fn}, for the objects a lambda may be bound to. */
    private final List<Implementation> unaryClasses = new ArrayList<>();

    private Outside(SplittableRandom rng, Set<Construct> enabled, Functions.Library library) {
        this.rng = rng;
        this.enabled = enabled;
        this.library = library;
    }

    /**
     * The declarations of one program: none, if neither construct is on or the draws say so (a
     * call through them leaves the program without Hessian-vector products, Fluxion's documented
     * limit, so not every program has them).
     */
    static Outside generate(SplittableRandom rng, Set<Construct> enabled, Functions.Library library) {
        Outside o = new Outside(rng, enabled, library);
        if (enabled.contains(DISPATCH_OUTSIDE) && rng.nextDouble() < 0.3) {
            o.dispatch();
        }
        if (enabled.contains(LAMBDA_OUTSIDE) && rng.nextDouble() < 0.25) {
            o.lambdas();
        }
        return o;
    }

    /** Whether the program has anything outside its methods to call through. */
    boolean declaresAny() {
        return !targets.isEmpty();
    }

    /** The targets a call in {@code s} may go through (their constructs on there). */
    List<Target> targets(MethodScope s) {
        List<Target> out = new ArrayList<>();
        for (Target t : targets) {
            if (s.on(t.construct())) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The arrays a call through {@code t} may be given in {@code s}: those the method may write
     * (Fluxion takes the call to write what it is given: a helper passes on its arrays only where
     * it may write them), and the input only if it may be written, if the call does write.
     */
    List<Var> arguments(Target t, MethodScope s) {
        List<Var> out = new ArrayList<>();
        for (Var a : s.visible(Var.Type.ARRAY)) {
            if (s.writable(a) && (!writesItsArray(t) || !a.name.equals("x") || s.on(WRITE_INPUT))) {
                out.add(a);
            }
        }
        return out;
    }

    /** A call through {@code t} was written: its declarations go into the program. */
    void use(Target t) {
        used.add(t.construct());
    }

    /** The declarations that the calls written need (and the declarations those need), in the order of {@link Construct}. */
    List<Node> declarations() {
        Set<Construct> emitted = EnumSet.noneOf(Construct.class);
        emitted.addAll(used);
        if (used.contains(LAMBDA_OUTSIDE)) {
            emitted.addAll(needs);
        }
        List<Node> out = new ArrayList<>();
        declared.forEach((c, nodes) -> {
            if (emitted.contains(c)) {
                out.addAll(nodes);
            }
        });
        return out;
    }

    // ------------------------------------------------------------------ DISPATCH_OUTSIDE

    /** A class or record implementing an interface: its name, and how to make an object of it. */
    private record Implementation(String name, int fields) {
        String make(SplittableRandom rng) {
            StringBuilder s = new StringBuilder("new ").append(name).append('(');
            for (int i = 0; i < fields; i++) {
                s.append(i == 0 ? "" : ", ").append(constant(rng));
            }
            return s.append(')').toString();
        }
    }

    /** The classes of {@code Fn}: two or three, sometimes five (past the four classes an inline cache tests). */
    private static final String[] UNARY_NAMES = {"Scale", "Bump", "Ramp", "Kink", "Swell"};
    /** What {@code Fn.twice}, a default method, adds to the generated part of its body: 0.5 * apply(..), bounded by 5. */
    private static final String TWICE = "0.5 * apply(0.25 * apply(z)) + $0";
    private static final String OVERRIDE = "0.5 * apply(z) + $0";

    private void dispatch() {
        List<Node> nodes = new ArrayList<>();
        boolean twice = rng.nextDouble() < 0.4;
        String fn = "/** The program's own interface: its objects come from outside the differentiated code. */\n"
                + "interface Fn $0";
        List<Node> members = new ArrayList<>();
        members.add(Node.of(Sort.OTHER, "double apply(double z);").pin());
        if (twice) { // a default method calling the abstract one on this: dispatched again, from a derivative
            members.add(Node.of(Sort.METHOD, "@Differentiable\ndefault double twice(double z) $0", body(1, 0, TWICE)).pin());
        }
        nodes.add(Node.of(Sort.METHOD, fn, Node.block(members)).pin());
        int classes = rng.nextDouble() < 0.15 ? UNARY_NAMES.length : 2 + rng.nextInt(2);
        int overriding = twice && rng.nextBoolean() ? rng.nextInt(classes) : -1;
        for (int c = 0; c < classes; c++) {
            Implementation i = new Implementation(UNARY_NAMES[c], 1 + rng.nextInt(2));
            unaryClasses.add(i);
            nodes.add(implementation(i, "Fn", 1, c == overriding));
        }
        instances(nodes, "Fn", "F", unaryClasses, 1, twice);
        if (rng.nextDouble() < 0.4) {
            interfaceOfTwo(nodes, "interface Fn2 {\n    double apply(double y, double z);\n}", "Fn2", "G", 2, "Blend", "Gate");
        }
        if (rng.nextDouble() < 0.35) { // differentiated arrays passed through the interface
            vectorInterface = true;
            vectorWrites = rng.nextBoolean();
            interfaceOfTwo(nodes, "interface Fv {\n    double of(double[] w);\n}", "Fv", "V", 0, "Norm", "Peak");
        }
        declared.put(DISPATCH_OUTSIDE, nodes);
    }

    /** An array of objects of {@code classes} (each at least once), and sometimes a single one in a field. */
    /** An interface ({@code declaration}) with two classes implementing it, and their instances named {@code prefix}N. */
    private void interfaceOfTwo(List<Node> nodes, String declaration, String type, String prefix, int arity, String first,
            String second) {
        nodes.add(Node.of(Sort.METHOD, declaration).pin());
        List<Implementation> classes = List.of(new Implementation(first, 1 + rng.nextInt(2)),
                new Implementation(second, 1 + rng.nextInt(2)));
        for (Implementation i : classes) {
            nodes.add(implementation(i, type, arity, false));
        }
        instances(nodes, type, prefix, classes, arity, false);
    }

    private void instances(List<Node> nodes, String type, String prefix, List<Implementation> classes, int arity,
            boolean twice) {
        int count = classes.size() + rng.nextInt(2);
        List<String> objects = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            objects.add(classes.get(k % classes.size()).make(rng));
        }
        java.util.Collections.shuffle(objects, new java.util.Random(rng.nextLong()));
        String array = prefix + "NS";
        nodes.add(Node.of(Sort.METHOD, "static final " + type + "[] " + array + " = {" + String.join(", ", objects) + "};")
                .pin());
        String method = arity == 0 ? "of" : "apply";
        targets.add(new Target(array, type, count, arity, method, Helper.RETURN_CAP, DISPATCH_OUTSIDE));
        if (twice) {
            targets.add(new Target(array, type, count, arity, "twice", Helper.RETURN_CAP, DISPATCH_OUTSIDE));
        }
        if (rng.nextDouble() < 0.6) {
            String single = prefix + "0";
            nodes.add(Node.of(Sort.METHOD, "static final " + type + " " + single + " = "
                    + classes.get(rng.nextInt(classes.size())).make(rng) + ";").pin());
            targets.add(new Target(single, type, 0, arity, twice && rng.nextBoolean() ? "twice" : method, Helper.RETURN_CAP,
                    DISPATCH_OUTSIDE));
        }
    }

    /**
     * {@code static final class Scale implements Fn { final double gain; Scale(double gain) {..}
     * @Differentiable public double apply(double z) { .. } }}, or the same as a record; the method's
     * body is generated ({@link #body}); {@code overrides}: it also overrides {@code Fn.twice}.
     */
    private Node implementation(Implementation impl, String type, int arity, boolean overrides) {
        List<String> fields = new ArrayList<>();
        for (int f = 0; f < impl.fields(); f++) {
            fields.add("double " + FIELDS[f]);
        }
        String signature = switch (arity) {
            case 0 -> "of(double[] w)";
            case 1 -> "apply(double z)";
            default -> "apply(double y, double z)";
        };
        List<Node> members = new ArrayList<>();
        String header;
        if (rng.nextBoolean()) {
            header = "record " + impl.name() + "(" + String.join(", ", fields) + ") implements " + type + " $0";
        } else {
            header = "static final class " + impl.name() + " implements " + type + " $0";
            StringBuilder constructor = new StringBuilder(impl.name()).append('(').append(String.join(", ", fields))
                    .append(") {");
            for (int f = 0; f < impl.fields(); f++) {
                members.add(Node.of(Sort.OTHER, "final double " + FIELDS[f] + ";").pin());
                constructor.append("\n    this.").append(FIELDS[f]).append(" = ").append(FIELDS[f]).append(';');
            }
            members.add(Node.of(Sort.OTHER, constructor.append("\n}").toString()).pin());
        }
        members.add(Node.of(Sort.METHOD, "@Differentiable\npublic double " + signature + " $0",
                body(arity, impl.fields(), "$0")).pin());
        if (overrides) {
            members.add(Node.of(Sort.METHOD, "@Differentiable\n@Override\npublic double twice(double z) $0",
                    body(1, impl.fields(), OVERRIDE)).pin());
        }
        return Node.of(Sort.METHOD, header, Node.block(members)).pin();
    }

    /** Not c: the arrays of objects loop over them as c, which would hide the field. */
    private static final String[] FIELDS = {"gain", "bias"};

    /**
     * The block of a method of {@code z} (and {@code y}, of two arguments) of an object with
     * {@code fields} constants: statements half of the time, then the return of an expression
     * that reads {@code z}, put in {@code around}'s hole ({@link #TWICE}, or {@code $0}), all
     * within {@link Helper#RETURN_CAP}.
     */
    private Node body(int arity, int fields, String around) {
        Set<Construct> constructs = EnumSet.copyOf(enabled);
        constructs.removeAll(NOT_IN_BODIES);
        boolean writes = arity == 0 && vectorWrites && constructs.contains(CALL_WRITES_ARGUMENT);
        if (!writes) {
            constructs.remove(CALL_WRITES_ARGUMENT); // an array it is given is the caller's: read, never written
        }
        boolean statements = rng.nextDouble() < 0.5;
        MethodScope s = new MethodScope(rng, constructs, new Helper("apply", Helper.Kind.SMALL, Helper.Returns.DOUBLE,
                parameters(arity)), List.of(), statements ? 1 + rng.nextInt(3) : 0);
        s.library = library;
        for (int f = 0; f < fields; f++) {
            Var v = s.declare(FIELDS[f], Var.Type.DOUBLE);
            v.bound = CONSTANT_CAP;
            v.readOnly = true;
            v.fixed = true;
        }
        String read = declareParameters(s, arity);
        Statements st = new Statements(s);
        Expressions ex = st.expressions();
        List<Node> body = new ArrayList<>();
        if (writes) {
            Var w = s.params.get(0);
            w.readOnly = false; // the statements may write into it too
            if (constructs.contains(ELEMENT_WRITE) && constructs.contains(ELEMENT_OVERWRITE) && rng.nextDouble() < 0.7) {
                int j = rng.nextInt(2);
                Node e = ex.fit(ex.real(2), Var.PLAIN_CAP / 2);
                body.add(Node.statement("w[" + j + "] = 0.5 * w[" + j + "] + $0;", e).mark(ELEMENT_WRITE, ELEMENT_OVERWRITE));
            }
        }
        body.addAll(st.statements(s.statementsLeft));
        double cap = around.equals("$0") ? Helper.RETURN_CAP : Helper.RETURN_CAP / 2;
        Node value = ex.fit(reading(ex, ex.real(3), read), cap);
        if (!around.equals("$0")) {
            value = Node.real(Helper.RETURN_CAP, around, value).alternatives("$0");
        }
        body.add(Node.statement("return $0;", value).pin());
        return Node.block(body);
    }

    // ------------------------------------------------------------------ LAMBDA_OUTSIDE

    private void lambdas() {
        List<Node> nodes = new ArrayList<>();
        int singles = 1 + rng.nextInt(2);
        for (int k = 0; k < singles; k++) {
            String name = "ACT" + k;
            if (rng.nextDouble() < 0.3) {
                nodes.add(field("DoubleUnaryOperator", name, MATH_REFERENCES.get(rng.nextInt(MATH_REFERENCES.size()))));
                targets.add(unary(name, 0, Math.PI / 2));
            } else {
                Node body = lambdaBody(1, null);
                nodes.add(Node.of(Sort.METHOD, "static final DoubleUnaryOperator " + name + " = z -> $0;", body).pin());
                targets.add(unary(name, 0, body.bound));
            }
        }
        if (rng.nextDouble() < 0.6) {
            nodes.add(array());
        }
        if (rng.nextDouble() < 0.4) {
            if (rng.nextDouble() < 0.3) {
                nodes.add(field("DoubleBinaryOperator", "MIX0",
                        MATH_BINARY_REFERENCES.get(rng.nextInt(MATH_BINARY_REFERENCES.size()))));
                targets.add(new Target("MIX0", "DoubleBinaryOperator", 0, 2, "applyAsDouble", 2 * Var.PLAIN_CAP,
                        LAMBDA_OUTSIDE));
            } else {
                Node body = lambdaBody(2, null);
                nodes.add(Node.of(Sort.METHOD, "static final DoubleBinaryOperator MIX0 = (y, z) -> $0;", body).pin());
                targets.add(new Target("MIX0", "DoubleBinaryOperator", 0, 2, "applyAsDouble", body.bound, LAMBDA_OUTSIDE));
            }
        }
        if (vectorInterface && rng.nextDouble() < 0.4) { // a lambda of the program's own interface, given arrays
            Node body = lambdaBody(0, null);
            nodes.add(Node.of(Sort.METHOD, "static final Fv SPREAD = w -> $0;", body).pin());
            targets.add(new Target("SPREAD", "Fv", 0, 0, "of", body.bound, LAMBDA_OUTSIDE));
            needs.add(DISPATCH_OUTSIDE); // Fv is declared there
        }
        if (!unaryClasses.isEmpty() && rng.nextDouble() < 0.3) { // a method reference bound to an object of Fn
            String object = unaryClasses.get(rng.nextInt(unaryClasses.size())).make(rng);
            nodes.add(field("DoubleUnaryOperator", "VIA0", object + "::apply"));
            targets.add(unary("VIA0", 0, Helper.RETURN_CAP));
            needs.add(DISPATCH_OUTSIDE); // its object is of a class of Fn
        }
        declared.put(LAMBDA_OUTSIDE, nodes);
    }

    private Target unary(String name, int count, double bound) {
        return new Target(name, "DoubleUnaryOperator", count, 1, "applyAsDouble", bound, LAMBDA_OUTSIDE);
    }

    private static Node field(String type, String name, String value) {
        return Node.of(Sort.METHOD, "static final " + type + " " + name + " = " + value + ";").pin();
    }

    /**
     * {@code ACTS}: lambdas made in a loop of the static initializer, each capturing a constant of
     * its own (one lambda class, several objects), or an initializer of lambdas and references.
     */
    private Node array() {
        if (rng.nextBoolean()) {
            int count = 2 + rng.nextInt(2);
            double step = 0.25 * (1 + rng.nextInt(2));
            Var k = new Var("k", Var.Type.DOUBLE, 0);
            k.bound = 0.5 + step * count;
            k.readOnly = true;
            k.fixed = true;
            Node body = lambdaBody(1, k);
            targets.add(unary("ACTS", count, body.bound));
            return Node.of(Sort.METHOD, "static final DoubleUnaryOperator[] ACTS = new DoubleUnaryOperator[" + count + "];\n\n"
                    + "static {\n"
                    + "    for (int i = 0; i < ACTS.length; i++) {\n"
                    + "        double k = 0.5 + " + step + " * i;\n"
                    + "        ACTS[i] = z -> $0;\n"
                    + "    }\n"
                    + "}", body).pin();
        }
        int count = 2 + rng.nextInt(2);
        List<Node> bodies = new ArrayList<>();
        StringBuilder t = new StringBuilder("static final DoubleUnaryOperator[] ACTS = {");
        double bound = Math.PI / 2;
        for (int i = 0; i < count; i++) {
            t.append(i == 0 ? "" : ", ");
            if (rng.nextDouble() < 0.35) {
                t.append(MATH_REFERENCES.get(rng.nextInt(MATH_REFERENCES.size())));
            } else {
                Node body = lambdaBody(1, null);
                bound = Math.max(bound, body.bound);
                t.append("z -> $").append(bodies.size());
                bodies.add(body);
            }
        }
        targets.add(unary("ACTS", count, bound));
        return Node.of(Sort.METHOD, t.append("};").toString(), bodies).pin();
    }

    /**
     * The body of a lambda of {@code z} (and {@code y}, of two arguments; or of a {@code double[] w},
     * of arity 0), reading {@code captured} if it is not null.
     */
    private Node lambdaBody(int arity, Var captured) {
        Set<Construct> constructs = EnumSet.copyOf(enabled);
        constructs.removeAll(NOT_IN_BODIES);
        constructs.remove(LAMBDA_LOCAL);
        MethodScope s = new MethodScope(rng, constructs, new Helper("lambda", Helper.Kind.SMALL, Helper.Returns.DOUBLE,
                parameters(arity)), List.of(), 0);
        if (captured != null) {
            Var k = s.declare(captured.name, Var.Type.DOUBLE);
            k.bound = captured.bound;
            k.readOnly = true;
            k.fixed = true;
        }
        String read = declareParameters(s, arity);
        Expressions ex = new Statements(s).expressions();
        return ex.fit(reading(ex, ex.real(s.chance(0.5) ? 3 : 2), read), Var.PLAIN_CAP);
    }

    private static List<Var.Type> parameters(int arity) {
        return switch (arity) {
            case 0 -> List.of(Var.Type.ARRAY);
            case 1 -> List.of(Var.Type.DOUBLE);
            default -> List.of(Var.Type.DOUBLE, Var.Type.DOUBLE);
        };
    }

    /**
     * Declares {@code z} (and {@code y}), or, of arity 0, {@code double[] w} (read only: the caller's
     * array, of two elements at least); returns what the body must read.
     */
    private static String declareParameters(MethodScope s, int arity) {
        if (arity == 0) {
            Var w = s.declare("w", Var.Type.ARRAY); // not v: the lambdas of LAMBDA name their parameter so
            w.family = Family.parameter();
            w.minLength = 2;
            w.readOnly = true;
            w.fixed = true;
            s.params.add(w);
            return "w";
        }
        if (arity == 2) {
            s.declare("y", Var.Type.DOUBLE).bound = Var.PLAIN_CAP;
        }
        s.declare("z", Var.Type.DOUBLE).bound = Var.PLAIN_CAP;
        return "z";
    }

    /** {@code e}, made to read {@code read}: {@code z}, or an element of the array {@code w}. */
    private static Node reading(Expressions ex, Node e, String read) {
        if (read.equals("w")) {
            return e.toString().contains("w[") ? e : ex.reading(e, "w[1]", Var.ELEMENT_CAP);
        }
        return ex.reading(e, read, Var.PLAIN_CAP);
    }

    private static String constant(SplittableRandom rng) {
        double c = CONSTANTS[rng.nextInt(CONSTANTS.length)];
        return Double.toString(c);
    }
}
