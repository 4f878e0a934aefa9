package dev.fluxion.internal;

import dev.fluxion.FluxionException;
import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Bootstrap of the {@code invokedynamic} through which a derivative uses a member of another class
 * that its own class may not: a private field of a {@code Picture} whose {@code map} was inlined
 * into a loss of another class, a private method or constructor, a protected member of another
 * package. The derivative lives in the loss's class (agent, plugin) or in a hidden nestmate of it
 * (on demand); either way the JVM would refuse the {@code getfield}. The transformer puts this
 * {@code invokedynamic} in its place, with the same operands and result, and the call site is
 * linked once to a method handle found through {@link MethodHandles#privateLookupIn}, constant, so
 * the JIT inlines it as it would the instruction. The class is named as a string, not a constant
 * of the class file: a class constant would be checked for access as the instruction was.
 */
public final class MemberHandles {
    private MemberHandles() {
    }

    /**
     * @param caller the lookup of the class that holds the derivative
     * @param name the member's name ({@code "new"} for a constructor)
     * @param type the instruction's operands and result, as they are on the stack
     * @param owner the class the instruction names, by internal name
     * @param kind what the instruction does: a {@link MethodHandleInfo} reference kind
     * @param descriptor the member's descriptor: a field's type, or a method's
     */
    public static CallSite member(MethodHandles.Lookup caller, String name, MethodType type, String owner, int kind,
            String descriptor) throws ClassNotFoundException {
        ClassLoader loader = caller.lookupClass().getClassLoader();
        Class<?> c = Class.forName(owner.replace('/', '.'), false, loader);
        MethodHandle target;
        try {
            target = handle(caller, c, name, kind, descriptor, loader).asType(type);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            // the call throws, every time, where the derivative uses the member: not a BootstrapMethodError
            FluxionException why = new FluxionException(message(caller.lookupClass().getNestHost(), c, name, kind, e), e);
            MethodHandle thrower = MethodHandles.insertArguments(
                    MethodHandles.throwException(type.returnType(), FluxionException.class), 0, why);
            target = MethodHandles.dropArguments(thrower, 0, type.parameterList());
        }
        return new ConstantCallSite(target);
    }

    /**
     * The member's handle, found from inside the class that holds the derivative (its nest host, on
     * demand) when {@code c} is that class or a superclass of it, as {@code invokespecial} for a call
     * {@code super.m()} and protected members inherited from another package need, also from a
     * superclass of another module (the JDK's); else, and for a superclass's private members, from
     * inside {@code c}, whatever the member's access.
     */
    private static MethodHandle handle(MethodHandles.Lookup caller, Class<?> c, String name, int kind, String descriptor,
            ClassLoader loader) throws ReflectiveOperationException {
        boolean field = kind <= MethodHandleInfo.REF_putStatic;
        MethodType member = MethodType.fromMethodDescriptorString(field ? "()" + descriptor : descriptor, loader);
        Class<?> host = caller.lookupClass().getNestHost();
        if (c.isAssignableFrom(host)) {
            try {
                return find(MethodHandles.privateLookupIn(host, caller), c, name, kind, member, host);
            } catch (IllegalAccessException e) {
                if (kind == MethodHandleInfo.REF_invokeSpecial) {
                    throw e;
                }
                // a private member of the superclass: from inside it, below
            }
        }
        return find(MethodHandles.privateLookupIn(c, caller), c, name, kind, member, c);
    }

    /** @param special the class a call {@code invokespecial} is made from */
    private static MethodHandle find(MethodHandles.Lookup in, Class<?> c, String name, int kind, MethodType member,
            Class<?> special) throws ReflectiveOperationException {
        return switch (kind) {
            case MethodHandleInfo.REF_getField -> in.findGetter(c, name, member.returnType());
            case MethodHandleInfo.REF_getStatic -> in.findStaticGetter(c, name, member.returnType());
            case MethodHandleInfo.REF_putField -> in.findSetter(c, name, member.returnType());
            case MethodHandleInfo.REF_putStatic -> in.findStaticSetter(c, name, member.returnType());
            case MethodHandleInfo.REF_invokeStatic -> in.findStatic(c, name, member);
            case MethodHandleInfo.REF_newInvokeSpecial -> in.findConstructor(c, member);
            case MethodHandleInfo.REF_invokeSpecial -> in.findSpecial(c, name, member, special); // super.m(), or a private method as javac 8 called it
            default -> in.findVirtual(c, name, member); // virtual and interface calls, private methods among them
        };
    }

    /** Why the member cannot be reached, in the user's words, and what to do. */
    private static String message(Class<?> from, Class<?> c, String name, int kind, Exception e) {
        String what = switch (kind) {
            case MethodHandleInfo.REF_getField, MethodHandleInfo.REF_getStatic -> "reads the field " + c.getName() + "." + name;
            case MethodHandleInfo.REF_putField, MethodHandleInfo.REF_putStatic -> "writes the field " + c.getName() + "." + name;
            case MethodHandleInfo.REF_newInvokeSpecial -> "calls a constructor of " + c.getName();
            default -> "calls " + c.getName() + "." + name;
        };
        String pkg = c.getPackageName();
        Module target = c.getModule();
        Module module = from.getModule();
        String start = "fluxion: the derivative in " + from.getName() + " " + what + ", which only " + c.getSimpleName()
                + " may use; Fluxion reaches it through MethodHandles.privateLookupIn";
        if (target.isNamed() && !target.isOpen(pkg, module)) {
            String to = module.isNamed() ? module.getName() : "ALL-UNNAMED";
            return start + ", and " + target + " does not open package " + pkg + " to " + (module.isNamed() ? module
                    : "the unnamed module") + ". Add `opens " + pkg + (module.isNamed() ? " to " + to : "") + ";` to module "
                    + target.getName() + "'s module-info.java (or run with --add-opens " + target.getName() + "/" + pkg + "="
                    + to + "), or make the member public.";
        }
        return start + ", which failed (" + e + "). Please report this as a Fluxion bug, with the output of "
                + "-Dfluxion.dump=DIR attached.";
    }
}
