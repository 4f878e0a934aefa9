package dev.fluxion.transformer.ir;

import java.util.Objects;

/** A field or method named by owner (internal name), name and descriptor. */
public record MemberRef(String owner, String name, String descriptor, boolean isInterface) {
    public MemberRef(String owner, String name, String descriptor) {
        this(owner, name, descriptor, false);
    }

    // written out, with the hash a record's would have: see BytecodeParser.Slot
    @Override
    public boolean equals(Object o) {
        return o instanceof MemberRef m && m.isInterface == isInterface && Objects.equals(m.owner, owner)
                && Objects.equals(m.name, name) && Objects.equals(m.descriptor, descriptor);
    }

    @Override
    public int hashCode() {
        return ((Objects.hashCode(owner) * 31 + Objects.hashCode(name)) * 31 + Objects.hashCode(descriptor)) * 31
                + Boolean.hashCode(isInterface);
    }

    @Override
    public String toString() {
        return owner.replace('/', '.') + "." + name + descriptor;
    }
}
