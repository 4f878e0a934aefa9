package dev.fluxion.transformer.diagnostics;

import dev.fluxion.transformer.ir.MemberRef;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.objectweb.asm.Type;

/** Methods as a Java developer writes them in messages: {@code com.acme.Box.put(double)}, not {@code (D)V}. */
public final class JavaSyntax {
    private JavaSyntax() {
    }

    /** {@code owner.name(parameter types)}, nested classes with a dot. */
    public static String method(MemberRef m) {
        return type(Type.getObjectType(m.owner())) + "." + m.name() + "("
                + Arrays.stream(Type.getArgumentTypes(m.descriptor())).map(JavaSyntax::type).collect(Collectors.joining(", "))
                + ")";
    }

    /** A method's declaration without modifiers: {@code double name(double[], double)}. */
    public static String declaration(String name, String descriptor) {
        return type(Type.getReturnType(descriptor)) + " " + name + "("
                + Arrays.stream(Type.getArgumentTypes(descriptor)).map(JavaSyntax::type).collect(Collectors.joining(", "))
                + ")";
    }

    /** {@code owner.name} of a field. */
    public static String field(MemberRef f) {
        return type(Type.getObjectType(f.owner())) + "." + f.name();
    }

    /** A type's name in Java source: {@code double[]}, {@code java.util.List}, {@code Outer.Inner}. */
    public static String type(Type t) {
        return t.getClassName().replace('$', '.');
    }
}
