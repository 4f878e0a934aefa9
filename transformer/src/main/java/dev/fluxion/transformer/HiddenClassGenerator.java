package dev.fluxion.transformer;

import dev.fluxion.FluxionException;
import dev.fluxion.internal.DerivativeGenerator;
import dev.fluxion.transformer.backend.ClassFileLocator;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Derivatives on demand: the same transformer as the agent and the plugin, run when a derivative is
 * first asked for, on the class's bytes as its class loader serves them. The members it adds go into
 * a hidden class that is a nestmate of the class ({@link NestmateDerivatives}), because a loaded
 * class cannot gain methods without an agent.
 */
public final class HiddenClassGenerator implements DerivativeGenerator {

    @Override
    public Generated generate(MethodHandles.Lookup host, boolean forward) {
        Class<?> c = host.lookupClass();
        ClassFileLocator locator = ClassFileLocator.ofClassLoader(c.getClassLoader());
        byte[] bytes = locator.locate(c.getName().replace('.', '/'));
        if (bytes == null) {
            throw new FluxionException("fluxion: cannot generate the derivatives of " + c.getName() + " on demand: its "
                    + "class loader (" + c.getClassLoader() + ") does not serve its class file as a resource. Run with "
                    + "the agent, or transform the class at build time with the plugin.");
        }
        Transformer transformer = Transformer.withSystemProperties(locator);
        Transformer.Result result = (forward ? transformer : transformer.reverseOnly()).transformEach(bytes);
        List<Problem> problems = new ArrayList<>();
        result.messagesByMethod().forEach((m, text) -> problems.add(new Problem(m.get(0), m.get(1), m.get(2), text)));
        if (result.bytes() == null) {
            return new Generated(null, problems);
        }
        byte[] hidden = NestmateDerivatives.extract(result.bytes(), locator);
        if (hidden == null) {
            return new Generated(null, problems);
        }
        return new Generated(define(host, hidden), problems);
    }

    @Override
    public Generated lambda(MethodHandles.Lookup host, Lambda lambda, boolean forward) {
        Class<?> c = host.lookupClass();
        ClassFileLocator locator = ClassFileLocator.ofClassLoader(c.getClassLoader());
        byte[] bytes = locator.locate(c.getName().replace('.', '/'));
        String name = c.getName().replace('.', '/');
        if (bytes == null) {
            return new Generated(null, List.of(new Problem(name, lambda.method(), lambda.descriptor(), "the class loader of "
                    + c.getName() + " does not serve its class file, where the lambda's body is.")));
        }
        byte[] withBody;
        try {
            withBody = LambdaBodies.bytes(LambdaBodies.withBody(LambdaBodies.read(bytes), lambda));
        } catch (LambdaBodies.NotFound e) {
            return new Generated(null, List.of(new Problem(name, lambda.method(), lambda.descriptor(), e.getMessage())));
        }
        String descriptor = LambdaBodies.descriptor(lambda);
        Transformer transformer = Transformer.withSystemProperties(locator).only(lambda.method(), descriptor);
        Transformer.Result result = (forward ? transformer : transformer.reverseOnly()).transformEach(withBody);
        List<Problem> problems = new ArrayList<>();
        result.messagesByMethod().forEach((m, text) -> problems.add(new Problem(m.get(0), m.get(1), m.get(2), text)));
        byte[] hidden = result.bytes() == null ? null
                : NestmateDerivatives.extract(result.bytes(), java.util.Set.of(lambda.method() + descriptor), locator);
        if (hidden == null || !problems.isEmpty()) {
            return new Generated(null, problems);
        }
        return new Generated(define(host, hidden), problems);
    }

    private static MethodHandles.Lookup define(MethodHandles.Lookup host, byte[] hidden) {
        try {
            return withFullPrivilege(host).defineHiddenClass(hidden, true, MethodHandles.Lookup.ClassOption.NESTMATE);
        } catch (IllegalAccessException | RuntimeException | LinkageError e) {
            throw new FluxionException("fluxion: cannot define the derivatives of " + host.lookupClass().getName()
                    + " on demand: " + e + ". Please report this as a Fluxion bug, with the output of "
                    + "-Dfluxion.dump=DIR attached; the agent and the plugin work around it.", e);
        }
    }

    @Override
    public Object implement(MethodType type, String name, MethodType method, MethodHandle target) {
        try {
            MethodHandles.Lookup adapter = MethodHandles.lookup().defineHiddenClassWithClassData(
                    adapterBytes(type.returnType(), name, method), target.asType(method), true);
            return adapter.findConstructor(adapter.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            throw new FluxionException("fluxion: cannot bind a derivative generated on demand (" + e + "). Please "
                    + "report this as a Fluxion bug.", e);
        }
    }

    private static final Handle CLASS_DATA = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/MethodHandles",
            "classData", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;",
            false);

    /**
     * {@code final class Adapter implements <interface>} whose method {@code name} passes its
     * arguments to the method handle in its class data: a constant the JIT inlines through, as it
     * does a lambda's call.
     */
    private static byte[] adapterBytes(Class<?> functionalInterface, String name, MethodType method) {
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        String self = HiddenClassGenerator.class.getPackageName().replace('.', '/') + "/Adapter";
        w.visit(Opcodes.V11, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC, self, null,
                "java/lang/Object", new String[] {Type.getInternalName(functionalInterface)});
        MethodVisitor init = w.visitMethod(0, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        String descriptor = method.toMethodDescriptorString();
        MethodVisitor m = w.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, name, descriptor, null, null);
        m.visitCode();
        m.visitLdcInsn(new ConstantDynamic("_", "Ljava/lang/invoke/MethodHandle;", CLASS_DATA));
        int slot = 1;
        for (Type t : Type.getArgumentTypes(descriptor)) {
            m.visitVarInsn(t.getOpcode(Opcodes.ILOAD), slot);
            slot += t.getSize();
        }
        m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/invoke/MethodHandle", "invokeExact", descriptor, false);
        m.visitInsn(Type.getReturnType(descriptor).getOpcode(Opcodes.IRETURN));
        m.visitMaxs(0, 0);
        m.visitEnd();
        w.visitEnd();
        return w.toByteArray();
    }

    /**
     * A lookup into {@code host}'s class that may define nestmates. A lookup from another module
     * (the user's classes in another class loader than Fluxion's, as in JShell or an application
     * server) has every access but the module's: enough to define an ordinary class in the class's
     * package, whose own lookup, from inside the module, then gives the full access.
     */
    private static MethodHandles.Lookup withFullPrivilege(MethodHandles.Lookup host) throws IllegalAccessException {
        if (host.hasFullPrivilegeAccess()) {
            return host;
        }
        Class<?> opener = opener(host);
        try {
            return (MethodHandles.Lookup) host.findStatic(opener, "lookup", MethodType.methodType(
                    MethodHandles.Lookup.class, Class.class)).invoke(host.lookupClass());
        } catch (IllegalAccessException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String OPENER = "Fluxion$$Lookup";

    /**
     * {@code final class <package>.Fluxion$$Lookup} with {@code static Lookup lookup(Class c)} (package access),
     * which returns {@code MethodHandles.privateLookupIn(c, MethodHandles.lookup())}: one per package
     * and class loader, defined on first use.
     */
    private static Class<?> opener(MethodHandles.Lookup host) throws IllegalAccessException {
        String pkg = host.lookupClass().getPackageName();
        String name = (pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/") + OPENER;
        synchronized (HiddenClassGenerator.class) {
            try {
                return Class.forName(name.replace('/', '.'), false, host.lookupClass().getClassLoader());
            } catch (ClassNotFoundException e) {
                return host.defineClass(openerBytes(name));
            }
        }
    }

    private static byte[] openerBytes(String name) {
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        // package access only: whoever may call it could already define classes in the package
        w.visit(Opcodes.V11, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC, name, null,
                "java/lang/Object", null);
        var m = w.visitMethod(Opcodes.ACC_STATIC, "lookup",
                "(Ljava/lang/Class;)Ljava/lang/invoke/MethodHandles$Lookup;", null,
                new String[] {"java/lang/IllegalAccessException"});
        m.visitCode();
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup",
                "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/MethodHandles", "privateLookupIn",
                "(Ljava/lang/Class;Ljava/lang/invoke/MethodHandles$Lookup;)Ljava/lang/invoke/MethodHandles$Lookup;", false);
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        w.visitEnd();
        return w.toByteArray();
    }
}
