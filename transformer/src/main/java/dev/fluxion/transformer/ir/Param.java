package dev.fluxion.transformer.ir;

import org.objectweb.asm.Type;

/** The value of a method parameter on entry. */
public final class Param extends Value {
    private final int index;

    public Param(int index, Type type) {
        super(Types.computational(type));
        this.index = index;
    }

    /** Position in the parameter list (not the local-variable slot). */
    public int index() {
        return index;
    }

    @Override
    public String name() {
        return "p" + index;
    }
}
