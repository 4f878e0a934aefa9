package dev.fluxion.transformer.frontend;

import dev.fluxion.transformer.ir.Block;
import dev.fluxion.transformer.ir.Instruction;
import dev.fluxion.transformer.ir.MemberRef;
import dev.fluxion.transformer.ir.Op;
import dev.fluxion.transformer.ir.Value;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Primitive stream pipelines as the loops they stand for. A pipeline starts at
 * {@code IntStream.range(a, b).mapToDouble(f)}, {@code Arrays.stream(x)}, {@code Arrays.stream(x, from, to)},
 * {@code DoubleStream.of(x)}, or {@code objects.stream().mapToDouble(f)} and
 * {@code Arrays.stream(objects).mapToDouble(f)} over a collection or an array of objects (read, not
 * differentiated: data such as a list of records),
 * goes through any of {@code map(f)}, {@code filter(p)}, {@code sorted()}, {@code limit(n)} and
 * {@code skip(n)}, and ends in {@code sum()}, {@code reduce(identity, op)}, {@code toArray()}, or
 * {@code max()}, {@code min()}, {@code average()} followed by {@code getAsDouble()},
 * {@code orElseThrow()} or {@code orElse(other)}. Each operation becomes a call of the runtime's
 * {@code StreamLoops} helper for it, a plain loop over an array of the values that
 * {@link ReadableCallees} then inlines, and whose calls of {@code f} {@link LocalLambdas} turns into
 * calls of the lambda's body; {@code sorted()} is {@code Arrays.sort}'s model ({@link JdkModels}).
 * A sum over the source, mapped once or not, is fused into one loop with no array. The pipeline's
 * intermediate streams must be used by the pipeline alone.
 */
final class StreamLoops {
    static final String HELPERS = "dev/fluxion/internal/StreamLoops";
    private static final String INT_STREAM = "java/util/stream/IntStream";
    private static final String DOUBLE_STREAM = "java/util/stream/DoubleStream";
    private static final String OPTIONAL = "java/util/OptionalDouble";
    private static final String DOUBLE_STREAM_TYPE = "Ljava/util/stream/DoubleStream;";
    /** The JDK's collection types whose {@code stream()} a stream of objects may start from (not {@code Optional}'s). */
    private static final java.util.Set<String> COLLECTIONS = java.util.Set.of("java/util/Collection", "java/util/List",
            "java/util/Set", "java/util/SortedSet", "java/util/NavigableSet", "java/util/Queue", "java/util/Deque",
            "java/util/ArrayList", "java/util/LinkedList", "java/util/ArrayDeque", "java/util/HashSet",
            "java/util/LinkedHashSet", "java/util/TreeSet");
    private static final String MAP = "(Ljava/util/function/DoubleUnaryOperator;)Ljava/util/stream/DoubleStream;";
    private static final String STREAM = "java/util/stream/Stream";
    private static final String MAP_OBJECTS = "(Ljava/util/function/Function;)Ljava/util/stream/Stream;";
    /** The methods a list that {@code toList()} made may be read by, which cannot change it. */
    private static final java.util.Set<String> READS = java.util.Set.of("get(I)Ljava/lang/Object;", "size()I", "isEmpty()Z",
            "iterator()Ljava/util/Iterator;");
    private static final String FILTER_OBJECTS = "(Ljava/util/function/Predicate;)Ljava/util/stream/Stream;";
    private static final String REDUCE_OPTIONAL = "(Ljava/util/function/DoubleBinaryOperator;)Ljava/util/OptionalDouble;";
    private static final String MAP_TO_DOUBLE = "(Ljava/util/function/IntToDoubleFunction;)Ljava/util/stream/DoubleStream;";

    private StreamLoops() {
    }

    /** If {@code call} ends a pipeline this class knows: replaces it in {@code b} by the helper's loop, returned; else {@code null}. */
    static Instruction lower(Block b, Instruction call) {
        if (call.op() != Op.INVOKE) {
            return null;
        }
        closeRange(b, call);
        Instruction each = forEachOfList(b, call);
        if (each != null) {
            return each;
        }
        Instruction extreme = extremeOfCollection(b, call);
        if (extreme != null) {
            return extreme;
        }
        Instruction mapped = mappedToList(b, call);
        if (mapped != null) {
            return mapped;
        }
        List<Instruction> inserted = new ArrayList<>();
        if (isCall(call, DOUBLE_STREAM, "sum", "()D")) {
            Instruction fused = fusedSum(call);
            if (fused != null) {
                return replace(b, call, call, fused, inserted);
            }
            Value values = values(b, call, call.operand(0), call, inserted);
            return values == null ? null : replace(b, call, call, helper("sum", "([D)D", call, values), inserted);
        }
        if (isCall(call, DOUBLE_STREAM, "reduce", "(DLjava/util/function/DoubleBinaryOperator;)D")) {
            Value values = values(b, call, call.operand(0), call, inserted);
            return values == null ? null : replace(b, call, call, helper("reduce",
                    "([DDLjava/util/function/DoubleBinaryOperator;)D", call, values, call.operand(1), call.operand(2)), inserted);
        }
        if (isCall(call, DOUBLE_STREAM, "toArray", "()[D")) {
            Value values = values(b, call, call.operand(0), call, inserted);
            return values == null ? null : replace(b, call, call, new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC,
                    Type.getType("[D"), values).withMember(new MemberRef(HELPERS, "toArray", "([D)[D", false))
                    .withLine(call.line()), inserted);
        }
        // max(), min(), average(), reduce(op), then getAsDouble(), orElseThrow() or orElse(other) on the OptionalDouble
        if (!isCall(call, OPTIONAL, "getAsDouble", "()D") && !isCall(call, OPTIONAL, "orElseThrow", "()D")
                && !isCall(call, OPTIONAL, "orElse", "(D)D")) {
            return null;
        }
        Instruction optional = onlyUse(call.operand(0), call);
        String terminal = optional == null || optional.member() == null ? null : optional.member().name();
        boolean reduce = terminal != null && isCall(optional, DOUBLE_STREAM, "reduce", REDUCE_OPTIONAL);
        if (terminal == null || !reduce && (!List.of("max", "min", "average").contains(terminal)
                || !isCall(optional, DOUBLE_STREAM, terminal, "()Ljava/util/OptionalDouble;")) || writesBetween(b, optional, call)) {
            return null;
        }
        Value values = values(b, optional, optional.operand(0), optional, inserted);
        if (values == null) {
            return null;
        }
        String operator = reduce ? "Ljava/util/function/DoubleBinaryOperator;" : "";
        Value[] args = reduce ? new Value[] {values, optional.operand(1)} : new Value[] {values};
        Instruction helper = call.member().name().equals("orElse")
                ? helper(terminal + "OrElse", "([D" + operator + "D)D", call, append(args, call.operand(1)))
                : helper(terminal, "([D" + operator + ")D", call, args);
        return replace(b, call, optional, helper, inserted);
    }

    /**
     * Whether something that may write memory runs between the terminal operation, which reads the
     * values, and the call on its {@code OptionalDouble}, where the helper will read them (or the two
     * are in different blocks): then the pipeline stays as it is.
     */
    private static boolean writesBetween(Block b, Instruction terminal, Instruction call) {
        if (terminal.block() != b) {
            return true;
        }
        List<Instruction> body = b.body();
        for (int k = body.indexOf(terminal) + 1; k < body.indexOf(call); k++) {
            Op op = body.get(k).op();
            if (op == Op.ARRAY_STORE || op == Op.FIELD_PUT || op == Op.INVOKE || op == Op.INVOKE_DYNAMIC) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code list.forEach(action)} on a list made in the method, {@code action} a lambda made there
     * ({@code particles.forEach(q -> q.step(dt))}), as the helper's for-each loop calling it, which
     * then runs the lambda's body on each element as a for-each loop would; {@code null} for any
     * other call.
     */
    private static Instruction forEachOfList(Block b, Instruction call) {
        MemberRef m = call.member();
        if (m == null || !m.name().equals("forEach") || !m.descriptor().equals("(Ljava/util/function/Consumer;)V")
                || !COLLECTIONS.contains(m.owner()) && !m.owner().equals("java/lang/Iterable")
                || !ListsMadeHere.isMadeHere(call.operand(0)) || LocalLambdas.lambda(call.operand(1)) == null) {
            return null;
        }
        Instruction loop = new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, Type.VOID_TYPE, call.operand(0), call.operand(1))
                .withMember(new MemberRef(HELPERS, "forEach", "(Ljava/util/List;Ljava/util/function/Consumer;)V", false))
                .withLine(call.line());
        b.insertBefore(call, loop);
        b.remove(call);
        return loop;
    }

    /**
     * {@code IntStream.rangeClosed(a, last)} as {@code IntStream.range(a, last + 1)}, so that the
     * pipelines over a range know it; the end is the helper's {@code closedEnd}, which refuses
     * {@code Integer.MAX_VALUE} (a range cannot end past it, and no stream of that length is summed).
     */
    private static void closeRange(Block b, Instruction call) {
        if (!isCall(call, INT_STREAM, "rangeClosed", "(II)Ljava/util/stream/IntStream;")) {
            return;
        }
        Instruction end = new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, Type.INT_TYPE, call.operand(1))
                .withMember(new MemberRef(HELPERS, "closedEnd", "(I)I", false)).withLine(call.line());
        b.insertBefore(call, end);
        call.setOperand(1, end);
        call.withMember(new MemberRef(INT_STREAM, "range", "(II)Ljava/util/stream/IntStream;", true));
    }

    /** {@code sum()} of a pipeline whose source and one {@code map} fuse into one loop; else {@code null}. */
    private static Instruction fusedSum(Instruction call) {
        Instruction s = onlyUse(call.operand(0), call);
        if (s == null) {
            return null;
        }
        Instruction range = isCall(s, INT_STREAM, "mapToDouble", MAP_TO_DOUBLE) ? onlyUse(s.operand(0), s) : null;
        if (range != null && isCall(range, INT_STREAM, "range", "(II)Ljava/util/stream/IntStream;")) {
            return helper("sumOfRange", "(IILjava/util/function/IntToDoubleFunction;)D", call, range.operand(0),
                    range.operand(1), s.operand(1));
        }
        Instruction of = isCall(s, DOUBLE_STREAM, "map", MAP) ? onlyUse(s.operand(0), s) : null;
        if (of != null && isArrayStream(of)) {
            return helper("sumOfMapped", "([DLjava/util/function/DoubleUnaryOperator;)D", call, of.operand(0), s.operand(1));
        }
        return isArrayStream(s) ? helper("sum", "([D)D", call, s.operand(0)) : null;
    }

    /**
     * The values of the stream {@code stream}, used by {@code user} alone, as an array, each
     * operation of the pipeline a helper's call that makes a new one, inserted before
     * {@code terminal} (and added to {@code inserted}); the array itself for
     * {@code Arrays.stream(a)}, which the helpers read and never write. {@code null} if the
     * pipeline is not one this class knows.
     */
    private static Value values(Block b, Instruction terminal, Value stream, Instruction user, List<Instruction> inserted) {
        Instruction s = onlyUse(stream, user);
        if (s == null) {
            return null;
        }
        if (isArrayStream(s)) {
            return s.operand(0);
        }
        if (isCall(s, INT_STREAM, "mapToDouble", MAP_TO_DOUBLE)) {
            Instruction range = onlyUse(s.operand(0), s);
            return range == null || !isCall(range, INT_STREAM, "range", "(II)Ljava/util/stream/IntStream;") ? null
                    : insert(b, terminal, inserted, "valuesOfRange", "(IILjava/util/function/IntToDoubleFunction;)[D",
                            range.operand(0), range.operand(1), s.operand(1));
        }
        if (isCall(s, "java/util/Arrays", "stream", "([DII)Ljava/util/stream/DoubleStream;")) {
            return insert(b, terminal, inserted, "slice", "([DII)[D", s.operand(0), s.operand(1), s.operand(2));
        }
        if (isCall(s, "java/util/stream/Stream", "mapToDouble", "(Ljava/util/function/ToDoubleFunction;)" + DOUBLE_STREAM_TYPE)) {
            Instruction objects = onlyUse(s.operand(0), s);
            if (objects != null && isCall(objects, STREAM, "map", MAP_OBJECTS)) { // objects.stream().map(f).mapToDouble(g)
                Instruction source = onlyUse(objects.operand(0), objects);
                String name = source == null ? null : sourceOfObjects(source);
                return name == null ? null : insert(b, terminal, inserted, "valuesOfMapped" + name,
                        "(" + (name.equals("Objects") ? "Ljava/util/Collection;" : "[Ljava/lang/Object;")
                                + "Ljava/util/function/Function;Ljava/util/function/ToDoubleFunction;)[D",
                        source.operand(0), objects.operand(1), s.operand(1));
            }
            Value keep = null; // objects.stream().filter(keep).mapToDouble(f): f of the objects kept
            if (objects != null && isCall(objects, "java/util/stream/Stream", "filter", FILTER_OBJECTS)) {
                keep = objects.operand(1);
                objects = onlyUse(objects.operand(0), objects);
            }
            String where = keep == null ? "" : "Where";
            String predicate = keep == null ? "" : "Ljava/util/function/Predicate;";
            if (objects != null && isCall(objects, "java/util/Arrays", "stream", "([Ljava/lang/Object;)Ljava/util/stream/Stream;")) {
                return insert(b, terminal, inserted, "valuesOfObjectArray" + where,
                        "([Ljava/lang/Object;" + predicate + "Ljava/util/function/ToDoubleFunction;)[D",
                        keep == null ? new Value[] {objects.operand(0), s.operand(1)} : new Value[] {objects.operand(0), keep,
                                s.operand(1)});
            }
            boolean collection = objects != null && objects.op() == Op.INVOKE && objects.member().name().equals("stream")
                    && objects.member().descriptor().equals("()Ljava/util/stream/Stream;")
                    && COLLECTIONS.contains(objects.member().owner());
            return !collection ? null : insert(b, terminal, inserted, "valuesOfObjects" + where,
                    "(Ljava/util/Collection;" + predicate + "Ljava/util/function/ToDoubleFunction;)[D",
                    keep == null ? new Value[] {objects.operand(0), s.operand(1)} : new Value[] {objects.operand(0), keep,
                            s.operand(1)});
        }
        String operation = s.member() == null ? null : s.member().name();
        String descriptor = operation == null ? null : INTERMEDIATE.get(operation);
        if (descriptor == null || !isCall(s, DOUBLE_STREAM, operation, descriptor)) {
            return null;
        }
        if (operation.equals("limit")) {
            return limited(b, terminal, s.operand(0), s, s.operand(1), inserted);
        }
        Value values = values(b, terminal, s.operand(0), s, inserted);
        if (values == null) {
            return null;
        }
        Value[] args = new Value[s.operands().size()];
        args[0] = values;
        for (int k = 1; k < args.length; k++) {
            args[k] = s.operand(k);
        }
        String parameters = "([D" + descriptor.substring(1, descriptor.indexOf(')')) + ")[D";
        return insert(b, terminal, inserted, operation.equals("map") ? "valuesOfMapped" : operation, parameters, args);
    }

    /**
     * The values of {@code stream} (used by {@code user} alone) cut to the first {@code n}, with the
     * cut made before the maps that precede it: the JDK's pipeline is lazy, and never maps the
     * elements past the limit, whose derivatives (an infinite one, {@code Math.sqrt} at 0) must not
     * enter the gradient either. {@code null} where a filter or a stream of objects lies between,
     * whose cut is only known after mapping.
     */
    private static Value limited(Block b, Instruction terminal, Value stream, Instruction user, Value n,
            List<Instruction> inserted) {
        Instruction s = onlyUse(stream, user);
        if (s == null) {
            return null;
        }
        if (isCall(s, DOUBLE_STREAM, "map", MAP)) {
            Value inner = limited(b, terminal, s.operand(0), s, n, inserted);
            return inner == null ? null : insert(b, terminal, inserted, "valuesOfMapped",
                    "([DLjava/util/function/DoubleUnaryOperator;)[D", inner, s.operand(1));
        }
        if (isCall(s, INT_STREAM, "mapToDouble", MAP_TO_DOUBLE)) {
            Instruction range = onlyUse(s.operand(0), s);
            return range == null || !isCall(range, INT_STREAM, "range", "(II)Ljava/util/stream/IntStream;") ? null
                    : insert(b, terminal, inserted, "valuesOfRangeLimited", "(IIJLjava/util/function/IntToDoubleFunction;)[D",
                            range.operand(0), range.operand(1), n, s.operand(1));
        }
        if (isCall(s, DOUBLE_STREAM, "filter", INTERMEDIATE.get("filter"))
                || isCall(s, "java/util/stream/Stream", "mapToDouble", "(Ljava/util/function/ToDoubleFunction;)" + DOUBLE_STREAM_TYPE)) {
            return null;
        }
        Value values = values(b, terminal, stream, user, inserted); // an array, a slice, sorted: all there before the cut
        return values == null ? null : insert(b, terminal, inserted, "limit", "([DJ)[D", values, n);
    }

    /** The intermediate operations of a {@code DoubleStream} that have a helper, and their descriptors. */
    private static final java.util.Map<String, String> INTERMEDIATE = java.util.Map.of(
            "map", MAP,
            "sorted", "()Ljava/util/stream/DoubleStream;",
            "limit", "(J)Ljava/util/stream/DoubleStream;",
            "skip", "(J)Ljava/util/stream/DoubleStream;",
            "filter", "(Ljava/util/function/DoublePredicate;)Ljava/util/stream/DoubleStream;");

    private static Instruction insert(Block b, Instruction terminal, List<Instruction> inserted, String name,
            String descriptor, Value... args) {
        Instruction values = new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, Type.getType("[D"), args)
                .withMember(new MemberRef(HELPERS, name, descriptor, false)).withLine(terminal.line());
        b.insertBefore(terminal, values);
        inserted.add(values);
        return values;
    }

    /**
     * Puts {@code helper} in {@code call}'s place; the pipeline from {@code first}'s stream on, now
     * unused, goes. Returns the first of the helpers put in the pipeline's place, which
     * {@link ReadableCallees} inlines first (it visits the rest of the block after an inlining): the
     * first of those {@code inserted} that fill arrays of values, if any, else {@code helper}.
     */
    private static Instruction replace(Block b, Instruction call, Instruction first, Instruction helper,
            List<Instruction> inserted) {
        b.insertBefore(call, helper);
        call.replaceAllUsesWith(helper);
        Value stream = first.operand(0);
        b.remove(call);
        if (first != call) {
            b.remove(first);
        }
        // the pipeline's streams, now unused: no more than allocations
        for (Value v = stream; v instanceof Instruction s && s.users().isEmpty() && s.op() == Op.INVOKE; ) {
            Value next = s.operands().isEmpty() ? null : s.operand(0);
            boolean isStream = s.type().getSort() == Type.OBJECT && s.type().getInternalName().startsWith("java/util/stream/");
            if (!isStream) {
                break;
            }
            s.block().remove(s);
            v = next;
        }
        return inserted.isEmpty() ? helper : inserted.get(0);
    }

    /** {@code Arrays.stream(double[])} or {@code DoubleStream.of(double...)}. */
    private static boolean isArrayStream(Instruction i) {
        return isCall(i, "java/util/Arrays", "stream", "([D)Ljava/util/stream/DoubleStream;")
                || isCall(i, DOUBLE_STREAM, "of", "([D)Ljava/util/stream/DoubleStream;");
    }

    /**
     * {@code objects.stream().max(comparator).get()} (or {@code orElseThrow()}, or {@code min}) as
     * {@code Collections.max(objects, comparator)}: the same element, the first of the largest
     * ({@code BinaryOperator.maxBy} keeps the first of equals, as {@code Collections.max} does), and
     * the same {@code NoSuchElementException} when there is none. A list made in the method is then
     * searched by {@link ListsMadeHere} (by a key: {@code Comparator.comparingDouble}).
     */
    private static Instruction extremeOfCollection(Block b, Instruction call) {
        String optional = "java/util/Optional";
        if (!isCall(call, optional, "get", "()Ljava/lang/Object;") && !isCall(call, optional, "orElseThrow", "()Ljava/lang/Object;")) {
            return null;
        }
        Instruction extreme = onlyUse(call.operand(0), call);
        String search = "(Ljava/util/Comparator;)Ljava/util/Optional;";
        if (extreme == null || !isCall(extreme, "java/util/stream/Stream", "max", search)
                && !isCall(extreme, "java/util/stream/Stream", "min", search)) {
            return null;
        }
        Instruction stream = onlyUse(extreme.operand(0), extreme);
        if (stream == null || stream.op() != Op.INVOKE || !stream.member().name().equals("stream")
                || !stream.member().descriptor().equals("()Ljava/util/stream/Stream;")
                || !COLLECTIONS.contains(stream.member().owner())) {
            return null;
        }
        Instruction collections = new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, call.type(), stream.operand(0),
                extreme.operand(1)).withMember(new MemberRef("java/util/Collections", extreme.member().name(),
                        "(Ljava/util/Collection;Ljava/util/Comparator;)Ljava/lang/Object;", false)).withLine(call.line());
        b.insertBefore(call, collections);
        call.replaceAllUsesWith(collections);
        b.remove(call);
        extreme.block().remove(extreme);
        stream.block().remove(stream);
        return collections;
    }

    /**
     * {@code objects.stream().map(f).toList()} or {@code .collect(Collectors.toList())}, over a
     * collection or {@code Arrays.stream(objects)}: replaced in {@code b} by the helper that makes
     * the new list, {@code StreamLoops.mappedObjects}, returned; else {@code null}. The list is then
     * one made in the method ({@link ListsMadeHere}), of the objects {@code f} makes. {@code toList()}'s
     * list cannot be changed: only if it is only read ({@code get}, {@code size}, {@code isEmpty},
     * iteration), so that the lowered list, which could be, is not.
     */
    private static Instruction mappedToList(Block b, Instruction call) {
        boolean toList = isCall(call, STREAM, "toList", "()Ljava/util/List;");
        Instruction collector = !toList && isCall(call, STREAM, "collect", "(Ljava/util/stream/Collector;)Ljava/lang/Object;")
                ? onlyUse(call.operand(1), call) : null;
        if (!toList && (collector == null || !isCall(collector, "java/util/stream/Collectors", "toList",
                "()Ljava/util/stream/Collector;"))) {
            return null;
        }
        if (toList && !call.users().stream().allMatch(u -> u.op() == Op.INVOKE && !u.operands().isEmpty()
                && u.operand(0) == call && READS.contains(u.member().name() + u.member().descriptor()))) {
            return null;
        }
        Instruction map = onlyUse(call.operand(0), call);
        if (map == null || !isCall(map, STREAM, "map", MAP_OBJECTS)) {
            return null;
        }
        Instruction source = onlyUse(map.operand(0), map);
        String name = source == null ? null : sourceOfObjects(source);
        if (name == null) {
            return null;
        }
        Instruction helper = new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, Type.getType("Ljava/util/List;"),
                source.operand(0), map.operand(1)).withMember(new MemberRef(HELPERS, name.equals("Objects") ? "mappedObjects"
                        : "mappedObjectArray", "(" + (name.equals("Objects") ? "Ljava/util/Collection;" : "[Ljava/lang/Object;")
                                + "Ljava/util/function/Function;)Ljava/util/List;", false)).withLine(call.line());
        b.insertBefore(call, helper);
        call.replaceAllUsesWith(helper);
        b.remove(call);
        for (Instruction gone : collector == null ? List.of(map, source) : List.of(collector, map, source)) {
            gone.clearOperands();
            gone.block().remove(gone);
        }
        return helper;
    }

    /** {@code "Objects"} for {@code collection.stream()}, {@code "ObjectArray"} for {@code Arrays.stream(objects)}; else {@code null}. */
    private static String sourceOfObjects(Instruction source) {
        if (isCall(source, "java/util/Arrays", "stream", "([Ljava/lang/Object;)Ljava/util/stream/Stream;")) {
            return "ObjectArray";
        }
        boolean collection = source.op() == Op.INVOKE && source.member().name().equals("stream")
                && source.member().descriptor().equals("()Ljava/util/stream/Stream;") && COLLECTIONS.contains(source.member().owner());
        return collection ? "Objects" : null;
    }

    private static boolean isCall(Instruction i, String owner, String name, String descriptor) {
        MemberRef m = i.member();
        return i.op() == Op.INVOKE && m != null && m.owner().equals(owner) && m.name().equals(name)
                && m.descriptor().equals(descriptor);
    }

    /** {@code v} as an instruction whose only user is {@code user}, else {@code null}. */
    private static Instruction onlyUse(Value v, Instruction user) {
        return v instanceof Instruction i && i.users().size() == 1 && i.users().get(0) == user ? i : null;
    }

    private static Value[] append(Value[] args, Value last) {
        Value[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }

    private static Instruction helper(String name, String descriptor, Instruction at, Value... args) {
        return new Instruction(Op.INVOKE, Opcodes.INVOKESTATIC, Type.DOUBLE_TYPE, args)
                .withMember(new MemberRef(HELPERS, name, descriptor, false)).withLine(at.line());
    }
}
